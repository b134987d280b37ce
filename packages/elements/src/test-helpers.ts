/** Shared by the element tests: the real server through @parta/core's test support. */
import { createClient, type PartaClient } from '@parta/core';
import { accountRoutes, routes } from '@parta/protocol';
import { partaUrl, unique, until } from '../../core/test-support/session.js';

export {
  clientFor,
  closeAll,
  devToken,
  embedToken,
  partaUrl,
  sleep,
  unique,
  until,
} from '../../core/test-support/session.js';

/** Forgets the organisations people chose on this origin, so the next test starts from each one's first. */
export function forgetChosenOrganisations(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('parta.organisation|')) localStorage.removeItem(key);
}

/** Waits until a condition holds, re-checking each animation frame. */
export async function waitFor(check: () => boolean, message = 'condition', timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The element's shadow root, for queries. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** Sets a form control's value as a person would, firing `input` and `change`. */
export function fill(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/**
 * A new person signs up with an e-mail code and names themselves, as someone
 * following an invite link does; returns a client signed in as them.
 */
export async function newPerson(surname: string, name: string): Promise<PartaClient> {
  const base = await partaUrl();
  const send = async (method: string, path: string, body: unknown, token?: string) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const contact = `${unique('p').replace(/\W/g, '')}@example.org`;
  await send('POST', accountRoutes.authCode, { contact });
  const mailbox = (await (await fetch(base + accountRoutes.devMailbox)).json()) as {
    messages: { to: string; code: string }[];
  };
  const code = mailbox.messages.findLast((message) => message.to === contact)!.code;
  const { token } = (await send('POST', accountRoutes.authVerify, { contact, code })) as { token: string };
  await send('PATCH', routes.me, { surname, name }, token);
  const client = createClient({ baseUrl: base, getToken: async () => token, storage: 'none' });
  people.push(client);
  return client;
}

const people: PartaClient[] = [];
/** Closes the clients of `newPerson`. */
export function closePeople(): void {
  for (const client of people.splice(0)) client.close();
}

/**
 * Types in a chat as `client`'s user would, once its socket is up, until `seen`
 * holds on the other side (a signal sent before the socket was ready is lost).
 */
export async function typeIn(client: PartaClient, chatId: string, seen: () => boolean): Promise<void> {
  const stop = client.$chats.listen(() => {});
  try {
    await until(client.$connection, (status) => status === 'online');
    await waitFor(() => {
      client.sendTyping(chatId);
      return seen();
    }, 'the typing signal to arrive');
  } finally {
    stop();
  }
}
