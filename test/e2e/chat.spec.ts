import { expect, test } from '@playwright/test';
import { messageTexts, openChat, send, signIn } from '../support/school.ts';

test('student sees the teacher message without reload', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');

  const text = `Завтра контрольная по алгебре ${Date.now()}`;
  await send(teacher, text);

  await expect(messageTexts(student).filter({ hasText: text })).toHaveCount(1);
  // The sender's optimistic copy is reconciled with the server's: one message, not two.
  await expect(messageTexts(teacher).filter({ hasText: text })).toHaveCount(1);
  await teacher.context().close();
  await student.context().close();
});

test('a student who was offline gets exactly the missed messages, once each, in order', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  const marker = `${Date.now()}`;
  await send(teacher, `Перед паузой ${marker}`);
  await expect(messageTexts(student).filter({ hasText: `Перед паузой ${marker}` })).toHaveCount(1);

  await student.context().setOffline(true);
  const missed = [1, 2, 3].map((n) => `Пропущенное ${n} · ${marker}`);
  for (const text of missed) {
    await send(teacher, text);
    await expect(messageTexts(teacher).filter({ hasText: text })).toHaveCount(1);
  }
  await expect(messageTexts(student).filter({ hasText: marker })).toHaveCount(1);

  await student.context().setOffline(false);
  const received = messageTexts(student).filter({ hasText: `Пропущенное` }).filter({ hasText: marker });
  await expect(received).toHaveCount(3);
  await expect(received).toHaveText(missed);
  // Stays exactly three: a late duplicate from resume and gap-fill would show up here.
  await student.waitForTimeout(1000);
  await expect(received).toHaveCount(3);
  await teacher.context().close();
  await student.context().close();
});

test('markup in a message shows as text and runs nothing', async ({ browser }) => {
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');
  let dialogs = 0;
  student.on('dialog', async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });

  const hostile = `<img src=x onerror=alert(1)> <b>жирный</b> ${Date.now()}`;
  await send(teacher, hostile);
  const shown = messageTexts(student).filter({ hasText: hostile });
  await expect(shown).toHaveCount(1);
  await expect(shown).toHaveText(hostile);
  await expect(student.locator('parta-thread img, parta-thread b')).toHaveCount(0);
  expect(dialogs).toBe(0);
  await teacher.context().close();
  await student.context().close();
});
