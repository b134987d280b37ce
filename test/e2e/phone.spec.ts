import { expect, test } from '@playwright/test';
import { composer, messageTexts, openChat, send, signIn } from '../support/school.ts';

// A teacher, a parent or a student on a phone: the school site shows the chat list, or the chat
// opened from it with a way back, or the call, never side by side squeezed; the page never scrolls.
test('on a phone the list, the open chat and the call take the screen in turn, with a way back', async ({
  browser,
}) => {
  // The longest name of the demo school in the header.
  const student = await signIn(browser, 'teacher', { width: 390, height: 780 });
  const fits = () => student.evaluate(() => document.documentElement.scrollHeight <= innerHeight);
  const list = student.locator('parta-chat-list');
  const thread = student.locator('parta-thread');
  await expect(list).toBeVisible();
  await expect(thread).toBeHidden();

  await openChat(student, '9А');
  await expect(list).toBeHidden();
  await expect(thread).toBeVisible();
  // The chat has the width of the screen, less the page's margins.
  const box = await composer(student).boundingBox();
  expect(box?.width).toBeGreaterThan(250);
  const text = `С телефона ${Date.now()}`;
  await send(student, text);
  await expect(messageTexts(student).last()).toHaveText(text);
  await expect(student.locator('parta-thread [part~="message-time"]').last()).toBeInViewport();
  expect(await fits(), 'the page fits the screen').toBe(true);

  // The call takes the screen; back to its chat, and to the call again.
  const call = student.locator('parta-call-room');
  await student.getByRole('button', { name: 'Позвонить' }).click();
  await expect(call).toBeVisible();
  await expect(thread).toBeHidden();
  await student.getByRole('button', { name: 'К чату' }).click();
  await expect(call).toBeHidden();
  await expect(thread).toBeVisible();
  await expect(student.getByRole('button', { name: 'Позвонить' })).toBeFocused();
  await student.getByRole('button', { name: 'Позвонить' }).click();
  await expect(call).toBeVisible();
  await student.getByRole('button', { name: 'К чату' }).click();

  await student.getByRole('button', { name: 'Все чаты' }).click();
  await expect(thread).toBeHidden();
  const chat = list.getByRole('option', { name: /^9А/ });
  await expect(chat).toBeFocused();
  await expect(chat).toContainText(`Вы: ${text}`);
  // And into the chat again from the keyboard.
  await student.keyboard.press('Enter');
  await expect(thread).toBeVisible();
  await expect(messageTexts(student).last()).toHaveText(text);
  await student.context().close();
});
