import { expect, type Page, test } from '@playwright/test';
import { openChat, signIn } from '../support/school.ts';

async function joinCall(page: Page) {
  await page.getByRole('button', { name: 'Позвонить' }).click();
  await page.locator('parta-call-room').getByRole('button', { name: 'Присоединиться' }).click();
}

async function framesDecoded(page: Page) {
  return page
    .locator('parta-call-room')
    .evaluate(
      async (room) =>
        (await (room as HTMLElement & { inboundVideoStats(): Promise<{ framesDecoded: number }> }).inboundVideoStats())
          .framesDecoded,
    );
}

test('teacher and student see each other in the class call', async ({ browser }) => {
  test.setTimeout(90_000);
  const teacher = await signIn(browser, 'teacher');
  const student = await signIn(browser, 'student1');
  await openChat(teacher, '9А');
  await openChat(student, '9А');

  await joinCall(teacher);
  await joinCall(student);

  // Each side shows the other's tile by name and decodes real frames from the fake camera.
  await expect(teacher.locator('parta-call-room').getByText('Смирнов Иван')).toBeVisible({ timeout: 30_000 });
  await expect(student.locator('parta-call-room').getByText('Петрова Мария')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => framesDecoded(teacher), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => framesDecoded(student), { timeout: 30_000 }).toBeGreaterThan(0);

  await teacher
    .locator('parta-call-room')
    .getByRole('button', { name: /Выйти|Покинуть/ })
    .click();
  await expect(student.locator('parta-call-room').getByText('Петрова Мария')).toHaveCount(0, { timeout: 20_000 });
  await teacher.context().close();
  await student.context().close();
});
