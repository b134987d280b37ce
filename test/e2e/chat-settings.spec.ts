import { expect, type Page, test } from '@playwright/test';
import { composer, messageTexts, openChat, send, signIn } from '../support/school.ts';

const messageWith = (page: Page, text: string) =>
  page
    .locator('parta-thread [part~="message"]')
    .filter({ has: page.locator('[part~="message-text"]', { hasText: text }) });

/** The teacher makes a group with the student and the parent in it, from her contacts. */
async function newGroup(teacher: Page, title: string) {
  await teacher.locator('parta-chat-list').getByRole('button', { name: 'Новый чат' }).click();
  const dialog = teacher.locator('parta-new-chat');
  await dialog.getByRole('checkbox', { name: 'Смирнов Иван' }).check();
  await dialog.getByRole('checkbox', { name: 'Смирнова Ольга' }).check();
  await dialog.getByLabel('Название группы').fill(title);
  await dialog.getByRole('button', { name: 'Создать группу' }).click();
  await expect(teacher.locator('#chat-title')).toHaveText(title);
}

async function openCard(page: Page, title: string) {
  await page
    .locator('parta-chat-header')
    .getByRole('button', { name: new RegExp(title) })
    .click();
  return page.locator('parta-chat-card');
}

test('only administrators write, then disappearing messages vanish for everyone after their timer', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  const title = `Олимпиада ${Date.now()}`;
  await newGroup(teacher, title);
  await openChat(student, title);

  const card = await openCard(teacher, title);
  await card.getByRole('checkbox', { name: 'Писать могут только администраторы' }).check();
  await expect(card).toContainText('Настройки сохранены');
  // The student's composer follows at once: reading only.
  await expect(composer(student)).toBeDisabled();
  await card.getByRole('checkbox', { name: 'Писать могут только администраторы' }).uncheck();
  await expect(composer(student)).toBeEnabled();

  await card.getByRole('combobox', { name: /Исчезающие сообщения/ }).selectOption({ label: 'Через 30 секунд' });
  await expect(card).toContainText('Настройки сохранены');
  await teacher.keyboard.press('Escape');
  const text = `Ответы к задаче 3 ${Date.now()}`;
  await send(teacher, text);
  await expect(messageWith(student, text).locator('[part~="timer"]')).toHaveCount(1);
  // Deleted for everyone by the server when the timer runs out (30 s, swept every few seconds).
  await expect(messageWith(student, text)).toHaveCount(0, { timeout: 60_000 });
  await expect(messageWith(teacher, text)).toHaveCount(0, { timeout: 10_000 });
  await student.reload();
  await openChat(student, title);
  await expect(messageTexts(student).filter({ hasText: text })).toHaveCount(0);
  await teacher.context().close();
  await student.context().close();
});

test('edit and delete for everyone reach the other side live', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  const text = `Домашнее задание: №15 ${Date.now()}`;
  await send(teacher, text);
  await expect(messageWith(student, text)).toHaveCount(1);

  await messageWith(teacher, text).locator('[part~="actions-button"]').click();
  await teacher.locator('parta-thread').getByRole('menuitem', { name: 'Изменить', exact: true }).click();
  const edited = `${text} и №16`;
  const box = teacher.locator('parta-thread [part~="edit-input"]');
  await box.fill(edited);
  await box.press('Enter');
  await expect(messageWith(student, edited)).toContainText('изменено');

  await messageWith(teacher, edited).locator('[part~="actions-button"]').click();
  await teacher.locator('parta-thread').getByRole('menuitem', { name: 'Удалить у всех', exact: true }).click();
  await teacher.locator('parta-thread').getByRole('button', { name: 'Удалить', exact: true }).click();
  await expect(messageTexts(student).filter({ hasText: edited })).toHaveCount(0);
  await teacher.context().close();
  await student.context().close();
});

test('the student keeps notes in Избранное, sorts chats into a folder and filters unread ones', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  const list = student.locator('parta-chat-list');

  await list.getByRole('button', { name: 'Избранное' }).click();
  await expect(student.locator('#chat-title')).toHaveText('Избранное');
  const note = `Купить тетради ${Date.now()}`;
  await send(student, note);
  await expect(messageTexts(student).filter({ hasText: note })).toHaveCount(1);

  const folder = `Учёба ${Date.now() % 10000}`;
  await list.getByRole('button', { name: 'Новая папка' }).click();
  const editor = student.locator('parta-folder-editor');
  await editor.getByLabel('Название папки').fill(folder);
  await editor.getByRole('checkbox', { name: /^9А/ }).check();
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await list.getByRole('tab', { name: folder }).click();
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option', { name: /^9А/ })).toBeVisible();
  await list.getByRole('tab', { name: 'Все' }).click();

  // A new message from the teacher, while the student reads another chat: only 9А stays under «Непрочитанные».
  await openChat(student, 'Избранное');
  await openChat(teacher, '9А');
  await send(teacher, `Не забудьте тетради ${Date.now()}`);
  await list.getByRole('button', { name: 'Непрочитанные' }).click();
  await expect(list.getByRole('option', { name: /^9А/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /^Избранное/ })).toHaveCount(0);
  await teacher.context().close();
  await student.context().close();
});

test('the 16th folder is refused with a readable message', async ({ browser }) => {
  const parent = await signIn(browser, 'parent1');
  const list = parent.locator('parta-chat-list');
  // Setup: fifteen folders through the API with the parent's own site token.
  await parent.evaluate(async (partaUrl) => {
    const { token } = await (await fetch('/parta-token')).json();
    for (let n = 1; n <= 15; n++) {
      const response = await fetch(`${partaUrl}/api/v1/folders`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Папка ${n}`, chatIds: [] }),
      });
      if (!response.ok) throw new Error(`creating a folder: ${response.status}`);
    }
  }, process.env.PARTA_URL!);
  await expect(list.getByRole('tab', { name: /^Папка \d+$/ })).toHaveCount(15);

  await list.getByRole('button', { name: 'Новая папка' }).click();
  const editor = parent.locator('parta-folder-editor');
  await editor.getByLabel('Название папки').fill('Шестнадцатая');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(editor.getByRole('alert')).toContainText('Папок может быть не больше 15');
  await expect(list.getByRole('tab', { name: 'Шестнадцатая' })).toHaveCount(0);
  await parent.context().close();
});
