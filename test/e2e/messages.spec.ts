import { expect, type Page, test } from '@playwright/test';
import { composer, messageTexts, openChat, send, signIn } from '../support/school.ts';

test('a student who writes three messages offline delivers them once each, in order, when back', async ({
  browser,
}) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  const marker = `${Date.now()}`;

  await student.context().setOffline(true);
  await expect(student.locator('parta-thread [part~="status"]')).toBeVisible();
  const written = [1, 2, 3].map((n) => `Офлайн ${n} · ${marker}`);
  for (const text of written) {
    await send(student, text);
    await expect(composer(student)).toHaveValue('');
  }
  // Shown at once, waiting to be sent; nothing has reached the teacher.
  await expect(messageTexts(student).filter({ hasText: marker })).toHaveText(written);
  await expect(
    student.locator('parta-thread [part~="message-status"]').filter({ hasText: /Отправляется/ }),
  ).toHaveCount(3);
  await teacher.waitForTimeout(500);
  await expect(messageTexts(teacher).filter({ hasText: marker })).toHaveCount(0);

  await student.context().setOffline(false);
  await expect(messageTexts(teacher).filter({ hasText: marker })).toHaveText(written);
  await expect(messageTexts(student).filter({ hasText: marker })).toHaveText(written);
  await expect(
    student.locator('parta-thread [part~="message-status"]').filter({ hasText: /Отправляется/ }),
  ).toHaveCount(0);
  // Exactly once: a second delivery from a retry would show up after a moment, and after a reload.
  await teacher.waitForTimeout(1000);
  await teacher.reload();
  await openChat(teacher, '9А');
  await expect(messageTexts(teacher).filter({ hasText: marker })).toHaveText(written);
  await teacher.context().close();
  await student.context().close();
});

/** The message in the open thread whose text contains `text`. */
const messageWith = (page: Page, text: string) =>
  page
    .locator('parta-thread [part~="message"]')
    .filter({ has: page.locator('[part~="message-text"]', { hasText: text }) });

async function chooseFromMenu(page: Page, text: string, item: string) {
  await messageWith(page, text).locator('[part~="actions-button"]').click();
  await page.locator('parta-thread').getByRole('menuitem', { name: item, exact: true }).click();
}

test('read confirmation: the teacher asks, the student confirms, the teacher sees who did and who has not', async ({
  browser,
}) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  const text = `Родительское собрание в четверг в 18:00 ${Date.now()}`;
  const toggle = teacher.locator('parta-thread').getByRole('button', { name: 'Запросить подтверждение прочтения' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await send(teacher, text);

  const mine = messageWith(teacher, text);
  await expect(mine.locator('[part~="confirmation-count"]')).toContainText(/Подтвердили 0 из \d+/);
  const theirs = messageWith(student, text);
  await theirs.getByRole('button', { name: 'Подтвердить прочтение' }).click();
  await expect(theirs).toContainText('Вы подтвердили');
  // Live for the sender, without a reload.
  await expect(mine.locator('[part~="confirmation-count"]')).toContainText(/Подтвердили 1 из \d+/);
  await mine.locator('[part~="confirmation-count"]').click();
  const confirmed = teacher.locator('parta-thread').getByRole('region', { name: /^Подтвердили \(1\)/ });
  await expect(confirmed).toContainText('Смирнов Иван');
  // Everyone else asked is still pending: the total less the one who confirmed.
  const total = Number((await mine.locator('[part~="confirmation-count"]').textContent())!.match(/из (\d+)/)![1]);
  const pending = teacher.locator('parta-thread').getByRole('region', { name: /^Не подтвердили/ });
  await expect(pending).toHaveAccessibleName(`Не подтвердили (${total - 1})`);
  await expect(pending).not.toContainText('Смирнов Иван');
  await teacher.context().close();
  await student.context().close();
});

test('reply, pin and typing: the student replies, the teacher pins, each sees the other live', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  const question = `Можно сдать доклад в пятницу? ${Date.now()}`;
  await send(student, question);
  await expect(messageWith(teacher, question)).toHaveCount(1);

  // Typing shows on the other side while the teacher writes.
  await composer(teacher).pressSequentially('Да, м');
  await expect(student.locator('parta-thread')).toContainText('печатает');
  await composer(teacher).fill('');

  await chooseFromMenu(teacher, question, 'Ответить');
  await expect(teacher.locator('parta-thread [part~="reply-bar"]')).toContainText(question);
  const answer = `Да, можно ${Date.now()}`;
  await send(teacher, answer);
  const reply = messageWith(student, answer);
  await expect(reply.locator('[part~="quote"]')).toContainText(question);
  await expect(reply.locator('[part~="quote"]')).toContainText('Смирнов Иван');

  await chooseFromMenu(teacher, answer, 'Закрепить');
  const bar = student.locator('parta-thread [part~="pinned-bar"]');
  await expect(bar).toContainText(answer);
  // Students cannot pin in a class chat: the menu does not offer it.
  await messageWith(student, question).locator('[part~="actions-button"]').click();
  await expect(student.locator('parta-thread').getByRole('menuitem', { name: 'Закрепить', exact: true })).toHaveCount(
    0,
  );
  await student.keyboard.press('Escape');
  await teacher.context().close();
  await student.context().close();
});

test('forwarding: the teacher forwards to two chats at once, the parent sees where it came from; a 13th chat is refused', async ({
  browser,
}) => {
  const teacher = await signIn(browser, 'teacher');
  const parent = await signIn(browser, 'parent1');
  await openChat(teacher, '9А');
  const text = `Экскурсия в музей в субботу ${Date.now()}`;
  await send(teacher, text);
  await chooseFromMenu(teacher, text, 'Переслать');
  const dialog = teacher.locator('parta-thread').getByRole('dialog');
  await dialog.getByRole('checkbox', { name: /Родители 9А/ }).check();
  await dialog.getByRole('checkbox', { name: /Учительская/ }).check();
  await expect(dialog).toContainText('Выбрано 2 из 12');
  await dialog.getByRole('button', { name: 'Переслать', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  await openChat(parent, 'Родители 9А');
  const forwarded = messageWith(parent, text);
  await expect(forwarded).toHaveCount(1);
  await expect(forwarded.locator('[part~="forwarded"]')).toContainText('Петрова Мария');

  // Setup: enough chats to try a 13th, made through the API with the teacher's own site token.
  const marker = `${Date.now()}`;
  await teacher.evaluate(
    async ({ partaUrl, marker }) => {
      const { token } = await (await fetch('/parta-token')).json();
      for (let n = 1; n <= 12; n++) {
        const response = await fetch(`${partaUrl}/api/v1/chats`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'group', userIds: [], title: `Пересылка ${n} · ${marker}` }),
        });
        if (!response.ok) throw new Error(`creating a group: ${response.status}`);
      }
    },
    { partaUrl: process.env.PARTA_URL!, marker },
  );
  await chooseFromMenu(teacher, text, 'Переслать');
  const boxes = dialog.getByRole('checkbox', { name: new RegExp(`Пересылка \\d+ · ${marker}`) });
  await expect(boxes).toHaveCount(12);
  await dialog.getByRole('checkbox', { name: /Родители 9А/ }).check();
  for (let n = 0; n < 11; n++) await boxes.nth(n).check();
  await expect(dialog).toContainText('Выбрано 12 из 12');
  await boxes.nth(11).click();
  await expect(boxes.nth(11)).not.toBeChecked();
  await expect(dialog.getByRole('alert')).toContainText('не больше чем в 12 чатов');
  await expect(dialog).toContainText('Выбрано 12 из 12');
  await teacher.context().close();
  await parent.context().close();
});

test('awards: the teacher gives a student «Хочу всё знать» and the class sees the award', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  const answer = `Ответ на вопрос дня ${Date.now()}`;
  await send(student, answer);
  await chooseFromMenu(teacher, answer, 'Наградить');
  const dialog = teacher.locator('parta-thread').getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Хочу всё знать' }).check();
  const note = `За любознательность ${Date.now()}`;
  await dialog.getByRole('textbox').fill(note);
  await dialog.getByRole('button', { name: 'Наградить', exact: true }).click();
  const award = student.locator('parta-thread [part~="award"]').filter({ hasText: note });
  await expect(award).toContainText('«Хочу всё знать»');
  await expect(award).toContainText('Смирнов Иван');
  await teacher.context().close();
  await student.context().close();
});

test('a draft stays with its chat across a reload', async ({ browser }) => {
  const student = await signIn(browser, 'student1');
  await openChat(student, '9А');
  const draft = `Черновик ответа ${Date.now()}`;
  await composer(student).fill(draft);
  // Saved shortly after typing stops.
  await student.waitForTimeout(800);
  await student.reload();
  await openChat(student, '9А');
  await expect(composer(student)).toHaveValue(draft);
  await send(student, draft);
  await expect(composer(student)).toHaveValue('');
  await student.reload();
  await openChat(student, '9А');
  await expect(messageTexts(student).filter({ hasText: draft })).toHaveCount(1);
  await expect(composer(student)).toHaveValue('');
  await student.context().close();
});

test('important: the teacher marks a message in 9А, finds it under «Важные» with the chat title and opens it there', async ({
  browser,
}) => {
  const teacher = await signIn(browser, 'teacher');
  await openChat(teacher, '9А');
  const marker = `${Date.now()}`;
  const text = `Принести форму на физкультуру · ${marker}`;
  await send(teacher, text);
  await chooseFromMenu(teacher, text, 'Отметить как важное');
  await expect(messageWith(teacher, text).locator('[part~="important-mark"]')).toHaveCount(1);
  // Later messages push it up, out of view; then the teacher moves to another chat.
  for (let n = 1; n <= 12; n++) await send(teacher, `Потом ${n} · ${marker}`);
  await expect(messageTexts(teacher).filter({ hasText: `Потом 12 · ${marker}` })).toHaveCount(1);
  await openChat(teacher, 'Учительская');

  const button = teacher.getByRole('button', { name: 'Важные', exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(teacher.locator('parta-chat-list')).toBeHidden();
  const important = teacher.locator('parta-important');
  await expect(important.getByRole('heading', { name: 'Важные сообщения' })).toBeVisible();
  const item = important.locator('[part~="item"]').filter({ hasText: text });
  await expect(item.locator('[part~="chat-title"]')).toHaveText('9А');
  await item.getByRole('button', { name: /^9А, Петрова Мария Ивановна: открыть в чате$/ }).click();
  await expect(teacher.locator('#chat-title')).toHaveText('9А');
  await expect(messageWith(teacher, text)).toBeInViewport();

  // Closing brings the chat list back.
  await teacher.getByRole('button', { name: 'Все чаты' }).click();
  await expect(teacher.locator('parta-chat-list')).toBeVisible();
  await expect(important).toBeHidden();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(button).toBeFocused();
  await teacher.context().close();
});
