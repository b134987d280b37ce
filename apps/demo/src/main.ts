import '@parta/elements/client/define';
import '@parta/elements/chat-list/define';
import '@parta/elements/thread/define';
import type { DemoAccount } from '../accounts.ts';
import { post, session, showAccount } from './account.ts';

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;

function showSignIn(accounts: DemoAccount[]) {
  const list = $<HTMLUListElement>('#accounts');
  list.replaceChildren(
    ...accounts.map((account) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.login = account.login;
      button.append(account.name);
      const role = document.createElement('small');
      role.textContent = account.role;
      button.append(role);
      button.addEventListener('click', async () => {
        await post('/login', { login: account.login });
        location.reload();
      });
      item.append(button);
      return item;
    }),
  );
  $<HTMLElement>('#sign-in').hidden = false;
}

function showMessenger() {
  const client = $<HTMLElement & { baseUrl: string }>('#parta');
  client.baseUrl = $<HTMLMetaElement>('meta[name="parta-url"]').content;

  const thread = $<HTMLElement & { chatId: string }>('#thread');
  const callButton = $<HTMLButtonElement>('#call-button');
  const callPanel = $<HTMLElement>('#call-panel');
  const callRoom = $<HTMLElement & { chatId: string }>('#call-room');
  const layout = $<HTMLElement>('.layout');

  document.addEventListener('parta-chat-select', (event) => {
    const { chatId, title } = event as Event & { chatId: string; title?: string };
    thread.chatId = chatId;
    $<HTMLElement>('#chat-title').textContent = title ?? '';
    callButton.hidden = false;
  });
  callButton.addEventListener('click', async () => {
    // The call room (and livekit-client with it) loads only when a call starts.
    await import('@parta/calls/call-room/define');
    callRoom.chatId = thread.chatId;
    callPanel.hidden = false;
    layout.classList.add('with-call');
  });
  document.addEventListener('parta-call-leave', () => {
    callPanel.hidden = true;
    layout.classList.remove('with-call');
  });
  $<HTMLElement>('#messenger').hidden = false;
}

const current = await session();
if (await showAccount()) showMessenger();
else showSignIn(current.accounts);
