import { type Browser, expect, type Page, test } from '@playwright/test';
import { demoUrl, messageTexts, openChat, send, signIn } from '../support/school.ts';

const partaUrl = () => process.env.PARTA_URL ?? 'http://127.0.0.1:18787';

/** The administration page of the demo school, on one of its sections. */
async function admin(page: Page, section: string) {
  await page.goto(`${demoUrl()}/admin.html#${section}`);
  await expect(page.locator(`#${section}`)).toBeVisible();
}

/** A token for the signed-in demo account, as the widgets get it from the site's own route. */
async function siteToken(page: Page): Promise<string> {
  return ((await (await page.request.get(`${demoUrl()}/parta-token`)).json()) as { token: string }).token;
}

async function partaApi(token: string, path: string, body?: unknown) {
  const response = await fetch(partaUrl() + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Creates an invite link in the widget and returns its URL. */
async function createLink(page: Page, role: string, className?: string): Promise<string> {
  const widget = page.locator('parta-invite-links');
  // Each select sits inside its label, so the label's name includes the options: find them by field.
  await widget.locator('select[name="role"]').selectOption({ label: role });
  if (className) await widget.locator('select[name="classId"]').selectOption({ label: className });
  const before = await widget.locator('[part~="url"]').count();
  await widget.getByRole('button', { name: 'Создать ссылку' }).click();
  await expect(widget.locator('[part~="url"]')).toHaveCount(before + 1);
  return widget.locator('[part~="url"]').first().inputValue();
}

/** A person new to Parta signs in on a platform page with a one-time code from the development mailbox. */
async function signInWithCode(page: Page, phone: string) {
  await page.getByLabel('Телефон или e-mail').fill(phone);
  await page.getByRole('button', { name: 'Получить код' }).click();
  await expect(page.getByLabel('Код из сообщения')).toBeVisible();
  const mailbox = await page.context().newPage();
  await mailbox.goto(`${demoUrl()}/mailbox.html`);
  const row = mailbox
    .locator('#letters tr')
    .filter({ hasText: `+${phone.replace(/\D/g, '')}` })
    .first();
  await expect(row).toBeVisible();
  const code = (await row.locator('td').nth(1).textContent())!.trim();
  await mailbox.close();
  await page.getByLabel('Код из сообщения').fill(code);
  await page.getByRole('button', { name: 'Войти' }).click();
}

async function newPage(browser: Browser, who: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${who}] page error:`, error.message));
  return page;
}

/** A new person follows a link, signs up and files a request. */
async function followLink(
  browser: Browser,
  link: string,
  person: { phone: string; surname: string; name: string; birthDate?: string; child?: string },
) {
  const page = await newPage(browser, person.surname);
  await page.goto(link);
  await expect(page.locator('#invite-summary')).toContainText('приглашает вас');
  await signInWithCode(page, person.phone);
  await page.getByLabel('Фамилия').fill(person.surname);
  await page.getByLabel('Имя', { exact: true }).fill(person.name);
  if (person.birthDate) await page.getByLabel('Дата рождения').fill(person.birthDate);
  if (person.child) await page.getByLabel('Ваш ребёнок').selectOption({ label: person.child });
  await page.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(page.locator('#waiting-text')).toHaveText('Заявка отправлена. Дождитесь, пока её рассмотрят.');
  return page;
}

const unique = () => `${Date.now() % 1_000_000}`.padStart(6, '0');

test('a newcomer joins class 9Г through a link: the administrator sees the counter rise and approves', async ({
  browser,
}) => {
  const director = await signIn(browser, 'director');
  await admin(director, 'classes');
  const classes = director.locator('parta-classes');
  await classes.getByRole('button', { name: 'Новый класс' }).click();
  await classes.getByLabel('Номер').fill('9');
  await classes.getByLabel('Буква').fill('Г');
  await classes.getByRole('button', { name: 'Сохранить' }).click();
  await expect(classes.locator('[part~="item"]').filter({ hasText: '9Г' })).toHaveCount(1);

  await admin(director, 'invites');
  const link = await createLink(director, 'Ученик', '9Г');
  expect(link).toContain('/join.html#');
  await expect(director.locator('parta-invite-links')).toContainText('осталось 30 из 30');

  await admin(director, 'home');
  const counter = director.locator('#home-requests');
  const before = Number(await counter.textContent());

  const newcomer = await followLink(browser, link, { phone: `+7999${unique()}1`, surname: 'Новикова', name: 'Дарья' });
  // The counter rises on the director's open page without a reload.
  await expect(counter).toHaveText(String(before + 1));
  await expect(director.locator('#request-badge')).toHaveText(String(before + 1));

  await director
    .locator('.admin-tabs')
    .getByRole('link', { name: /Заявки/ })
    .click();
  const request = director.locator('parta-join-requests [part~="item"]').filter({ hasText: 'Новикова' });
  await expect(request).toContainText('9Г');
  await request.getByRole('button', { name: 'Принять' }).click();
  await expect(request).toHaveCount(0);

  // The newcomer's waiting page turns into the school, with 9Г's chat in the list.
  await expect(newcomer.locator('#accepted-text')).toContainText('Заявка одобрена');
  await expect(newcomer.locator('parta-chat-list').getByRole('option', { name: /^9Г/ })).toBeVisible();

  await admin(director, 'members');
  const member = director.locator('parta-members [part~="item"]').filter({ hasText: 'Новикова' });
  await expect(member).toContainText('Ученик');
  await newcomer.context().close();
  await director.context().close();
});

test('a declined request cannot be approved afterwards', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  await admin(teacher, 'invites');
  const link = await createLink(teacher, 'Ученик', '9А');
  const person = await followLink(browser, link, { phone: `+7998${unique()}2`, surname: 'Отказов', name: 'Лев' });

  await admin(teacher, 'requests');
  const request = teacher.locator('parta-join-requests [part~="item"]').filter({ hasText: 'Отказов' });
  await request.getByRole('button', { name: 'Отклонить' }).click();
  const dialog = teacher.locator('parta-join-requests').getByRole('dialog');
  await expect(dialog).toContainText('Решение нельзя будет отменить');
  await dialog.getByRole('button', { name: 'Отклонить' }).click();
  await expect(request).toHaveCount(0);
  await expect(person.locator('#waiting-text')).toHaveText('Заявка отклонена. Попросите новое приглашение.', {
    timeout: 15_000,
  });

  const director = await signIn(browser, 'director');
  const token = await siteToken(director);
  const mine = await partaApi(token, `/api/v1/orgs/demo-school/requests?status=declined`);
  const declined = (mine.body.requests as { id: string; user: { surname: string } }[]).find(
    (r) => r.user.surname === 'Отказов',
  )!;
  const again = await partaApi(token, `/api/v1/requests/${declined.id}/approve`, {});
  expect(again.status).toBe(409);
  expect((again.body.error as { code: string }).code).toBe('already_decided');

  await person.context().close();
  await teacher.context().close();
  await director.context().close();
});

test('a parent follows the class parents link, is linked to its child and confirms it; the class teacher sees it', async ({
  browser,
}) => {
  const teacher = await signIn(browser, 'teacher');
  await admin(teacher, 'invites');
  const link = await createLink(teacher, 'Родитель', '9А');
  const parent = await followLink(browser, link, {
    phone: `+7997${unique()}3`,
    surname: 'Смирнов',
    name: 'Алексей',
    child: 'Смирнов Иван',
  });

  await admin(teacher, 'requests');
  const request = teacher.locator('parta-join-requests [part~="item"]').filter({ hasText: 'Алексей' });
  await expect(request).toContainText('Смирнов Иван');
  await request.getByRole('button', { name: 'Принять' }).click();
  await expect(request).toHaveCount(0);

  await expect(parent.locator('#accepted-text')).toContainText('Заявка одобрена');
  await expect(parent.locator('parta-chat-list').getByRole('option', { name: /^Родители 9А/ })).toBeVisible();
  await expect(parent.locator('#confirm-child-text')).toHaveText('Подтвердите, что Смирнов Иван — ваш ребёнок.');
  await parent.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(parent.locator('#confirm-child-text')).toHaveText('Регистрация ребёнка подтверждена: Смирнов Иван.');

  await admin(teacher, 'members');
  const child = teacher.locator('parta-members [part~="item"]').filter({ hasText: 'Смирнов Иван' });
  await child.getByRole('button', { name: /Родители/ }).click();
  await expect(teacher.locator('parta-members [part~="parents"]')).toContainText('Смирнов Алексей');
  await parent.context().close();
  await teacher.context().close();
});

test("a teacher's verification request is approved and the verified mark shows", async ({ browser }) => {
  const person = await newPage(browser, 'учитель');
  await person.goto(`${demoUrl()}/verify.html`);
  await signInWithCode(person, `+7996${unique()}4`);
  await person.getByLabel('Фамилия').fill('Физикова');
  await person.getByLabel('Имя', { exact: true }).fill('Нина');
  await person.getByLabel('Отчество').fill('Олеговна');
  await person.getByLabel('Дата рождения').fill('1988-03-04');
  await person.getByLabel('Пол').selectOption({ label: 'Женский' });
  await person.getByLabel('Должность').fill('Учитель физики');
  await person.getByRole('button', { name: 'Отправить запрос' }).click();
  await expect(person.locator('#waiting-text')).toHaveText('Запрос отправлен. Дождитесь решения администратора.');

  const director = await signIn(browser, 'director');
  await admin(director, 'home');
  await expect(director.locator('#home-verifications')).not.toHaveText('0');
  await admin(director, 'requests');
  const request = director.locator('parta-verifications [part~="item"]').filter({ hasText: 'Физикова' });
  await expect(request).toContainText('Учитель физики');
  await request.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(request).toHaveCount(0);

  await expect(person.locator('#waiting-text')).toHaveText('Статус педагога подтверждён: Физикова Нина Олеговна ✓');
  await admin(director, 'members');
  const member = director.locator('parta-members [part~="item"]').filter({ hasText: 'Физикова' });
  await expect(member).toContainText('Олеговна');
  await expect(member.getByRole('img', { name: 'Подтверждённый педагог' })).toBeVisible();
  await person.context().close();
  await director.context().close();
});

test('a member removed from the school stops receiving its chat messages immediately', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student2');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  const marker = unique();
  await send(teacher, `До исключения ${marker}`);
  await expect(messageTexts(student).filter({ hasText: `До исключения ${marker}` })).toHaveCount(1);

  const director = await signIn(browser, 'director');
  await admin(director, 'members');
  const row = director.locator('parta-members [part~="item"]').filter({ hasText: 'Кузнецова' });
  await row.getByRole('button', { name: 'Исключить' }).click();
  await director.locator('parta-members').getByRole('dialog').getByRole('button', { name: 'Исключить' }).click();
  await expect(row).toHaveCount(0);

  // The chat leaves the student's open list at once, and what is written next never reaches it.
  await expect(student.locator('parta-chat-list').getByRole('option', { name: /^9А/ })).toHaveCount(0);
  await send(teacher, `После исключения ${marker}`);
  await expect(messageTexts(teacher).filter({ hasText: `После исключения ${marker}` })).toHaveCount(1);
  await student.waitForTimeout(1000);
  await expect(messageTexts(student).filter({ hasText: `После исключения ${marker}` })).toHaveCount(0);
  for (const page of [teacher, student, director]) await page.context().close();
});

// Last: it uses up the school's invite links for the day.
test('the 51st invite link of the day is refused with a readable message', async ({ browser }) => {
  const director = await signIn(browser, 'director');
  const token = await siteToken(director);
  // Fill the day's allowance through the API, then the widget refuses the next with a readable message.
  const listed = await partaApi(token, '/api/v1/orgs/demo-school/invites');
  for (let n = listed.body.createdToday as number; n < 50; n++) {
    expect((await partaApi(token, '/api/v1/orgs/demo-school/invites', { role: 'staff' })).status).toBe(201);
  }
  await admin(director, 'invites');
  const widget = director.locator('parta-invite-links');
  await expect(widget).toContainText('Создано за сутки: 50 из 50');
  await expect(widget.locator('[part~="form-error"]')).toHaveText(
    'За сутки можно создать не больше 50 ссылок. Попробуйте завтра.',
  );
  await director.context().close();
});
