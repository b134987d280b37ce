import { expect, test } from '@playwright/test';
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
  await expect(student.locator('parta-thread [part~="message-status"]').filter({ hasText: /Отправляется/ })).toHaveCount(
    3,
  );
  await teacher.waitForTimeout(500);
  await expect(messageTexts(teacher).filter({ hasText: marker })).toHaveCount(0);

  await student.context().setOffline(false);
  await expect(messageTexts(teacher).filter({ hasText: marker })).toHaveText(written);
  await expect(messageTexts(student).filter({ hasText: marker })).toHaveText(written);
  await expect(student.locator('parta-thread [part~="message-status"]').filter({ hasText: /Отправляется/ })).toHaveCount(
    0,
  );
  // Exactly once: a second delivery from a retry would show up after a moment, and after a reload.
  await teacher.waitForTimeout(1000);
  await teacher.reload();
  await openChat(teacher, '9А');
  await expect(messageTexts(teacher).filter({ hasText: marker })).toHaveText(written);
  await teacher.context().close();
  await student.context().close();
});
