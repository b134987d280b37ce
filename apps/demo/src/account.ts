import type { DemoAccount } from '../accounts.ts';

export interface Session {
  account: DemoAccount | null;
  accounts: DemoAccount[];
}

export async function post(path: string, body: unknown) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
}

export async function session(): Promise<Session> {
  return (await (await fetch('/session')).json()) as Session;
}

/** Shows who is signed in, with a sign-out button, in the site header; answers the account or null. */
export async function showAccount(): Promise<DemoAccount | null> {
  const { account } = await session();
  if (!account) return null;
  const name = document.createElement('span');
  name.textContent = account.name;
  // Cut short on a phone: the whole name on hover.
  name.title = account.name;
  const signOut = document.createElement('button');
  signOut.type = 'button';
  signOut.textContent = 'Выйти';
  signOut.addEventListener('click', async () => {
    await post('/logout', {});
    location.assign('/');
  });
  document.querySelector('#account')?.replaceChildren(name, signOut);
  return account;
}
