import { expect, test } from '@playwright/test';
import { demoUrl, openChat, signIn } from '../support/school.ts';

test('teacher starts a group from her contacts, shares its link, and a parent joins with one click', async ({
  browser,
}) => {
  const teacher = await signIn(browser, 'teacher');
  const list = teacher.locator('parta-chat-list');
  await list.getByRole('button', { name: 'Новый чат' }).click();
  const dialog = teacher.locator('parta-new-chat');
  await dialog.getByRole('checkbox', { name: 'Кузнецова Анна' }).check();
  await dialog.getByRole('checkbox', { name: 'Смирнов Иван' }).check();
  const title = `Кружок ${Date.now()}`;
  await dialog.getByLabel('Название группы').fill(title);
  await dialog.getByRole('button', { name: 'Создать группу' }).click();
  // The new group opens at once, selected in the list, its header counting three.
  await expect(teacher.locator('#chat-title')).toHaveText(title);
  await expect(list.getByRole('option', { name: new RegExp(`^${title}`) })).toHaveAttribute('aria-selected', 'true');
  const header = teacher.locator('parta-chat-header');
  await expect(header).toContainText('3 участника');

  await header.getByRole('button', { name: new RegExp(title) }).click();
  const card = teacher.locator('parta-chat-card');
  await expect(card.getByRole('list', { name: 'Участники' }).getByRole('listitem')).toHaveCount(3);
  await card.getByRole('button', { name: 'Создать ссылку' }).click();
  const link = await card.getByRole('textbox', { name: 'Ссылка-приглашение' }).inputValue();
  expect(link).toContain('?chat-invite=');
  await teacher.keyboard.press('Escape');

  const parent = await signIn(browser, 'parent1');
  await parent.goto(link.replace(/^https?:\/\/[^/]+/, demoUrl()));
  const landing = parent.locator('parta-chat-invite');
  await expect(landing.getByRole('heading', { name: title })).toBeVisible();
  await landing.getByRole('button', { name: 'Вступить в чат' }).click();
  await expect(parent.locator('#chat-title')).toHaveText(title);
  await expect(parent.locator('parta-chat-list').getByRole('option', { name: new RegExp(`^${title}`) })).toBeVisible();
  // The teacher's header follows: four members now.
  await expect(header).toContainText('4 участника');
  await teacher.context().close();
  await parent.context().close();
});

test('a chat archived from its menu leaves the list and comes back from Архив', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const list = teacher.locator('parta-chat-list');
  await openChat(teacher, 'Сотрудники');
  const option = list.getByRole('option', { name: /^Сотрудники/ });
  await option.focus();
  await teacher.keyboard.press('Shift+F10');
  await list.getByRole('menuitem', { name: 'В архив' }).click();
  await expect(option).toHaveCount(0);
  await list.getByRole('tab', { name: 'Архив' }).click();
  await expect(option).toBeVisible();
  await option.click({ button: 'right' });
  await list.getByRole('menuitem', { name: 'Вернуть из архива' }).click();
  await list.getByRole('tab', { name: 'Все' }).click();
  await expect(option).toBeVisible();
  await teacher.context().close();
});
