import { type Browser, expect, type Page } from '@playwright/test';

export const demoUrl = () => process.env.DEMO_URL ?? 'http://127.0.0.1:18080';

/** Opens the school website in a fresh browser context and signs in like a person would. */
export async function signIn(
  browser: Browser,
  login: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ locale: 'ru-RU', ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${login}] page error:`, error.message));
  await page.goto(demoUrl());
  await page.locator(`button[data-login="${login}"]`).click();
  await expect(page.locator('parta-chat-list')).toBeVisible();
  return page;
}

export async function openChat(page: Page, title: string) {
  await page
    .locator('parta-chat-list')
    .getByRole('option', { name: new RegExp(`^${title}`) })
    .click();
  await expect(page.locator('#chat-title')).toHaveText(title);
}

export function composer(page: Page) {
  return page.locator('parta-thread').getByRole('textbox');
}

export async function send(page: Page, text: string) {
  const box = composer(page);
  await box.fill(text);
  await box.press('Enter');
}

/** The texts of the messages in the open thread, in display order. */
export function messageTexts(page: Page) {
  return page.locator('parta-thread [part~="message-text"]');
}
