import '@parta/elements/client/define';
import '@parta/elements/chat-list/define';
import '@parta/elements/chat-header/define';
import '@parta/elements/thread/define';
import type { PartaThread } from '@parta/elements/thread/thread';
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

  const thread = $<PartaThread>('#thread');
  const header = $<HTMLElement & { chatId?: string }>('#chat-header');
  const list = $<HTMLElement & { selected?: string }>('#chat-list');
  const callButton = $<HTMLButtonElement>('#call-button');
  const callPanel = $<HTMLElement>('#call-panel');
  const callRoom = $<HTMLElement & { chatId: string }>('#call-room');
  const layout = $<HTMLElement>('.layout');

  const openChat = (chatId: string, title: string) => {
    // On a phone the chat takes the list's place (site.css).
    layout.classList.add('chat-open');
    thread.chatId = chatId;
    list.selected = chatId;
    header.chatId = chatId;
    header.hidden = false;
    $<HTMLElement>('#no-chat').hidden = true;
    $<HTMLElement>('#chat-title').textContent = title;
  };
  const startCall = async (chatId: string) => {
    // The call room (and livekit-client with it) loads only when a call starts.
    await import('@parta/calls/call-room/define');
    callRoom.chatId = chatId;
    callPanel.hidden = false;
    layout.classList.add('with-call');
    layout.classList.remove('call-behind');
  };

  document.addEventListener('parta-chat-select', async (event) => {
    if (event.defaultPrevented) return;
    openChat(event.chatId, event.title);
    // From the important messages: show that message once the thread has switched to its chat.
    if (event.messageId) {
      await thread.updateComplete;
      void thread.scrollToMessage(event.messageId);
    }
  });

  // «Важные»: the messages the user marked important, in place of the chat list; loads on first use.
  const importantButton = $<HTMLButtonElement>('#important-button');
  const importantPanel = $<HTMLElement>('#important-panel');
  const showImportant = async (on: boolean) => {
    if (on) {
      const first = !customElements.get('parta-important');
      await import('@parta/elements/important/define');
      // Marks made since it was last open.
      if (!first) void $<HTMLElement & { refresh(): Promise<void> }>('#important').refresh();
    }
    importantButton.setAttribute('aria-pressed', String(on));
    importantPanel.hidden = !on;
    list.hidden = on;
    (on ? $<HTMLButtonElement>('#important-close') : importantButton).focus();
  };
  importantButton.addEventListener('click', () => showImportant(importantPanel.hidden));
  $<HTMLButtonElement>('#important-close').addEventListener('click', () => showImportant(false));
  importantPanel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') void showImportant(false);
  });
  // On a phone: back to the list, onto the chat that was open.
  $<HTMLButtonElement>('#back-button').addEventListener('click', () => {
    layout.classList.remove('chat-open');
    list.focus();
  });
  // On a phone: from the call to its chat; the call goes on.
  $<HTMLButtonElement>('#call-back').addEventListener('click', () => {
    layout.classList.add('call-behind');
    callButton.focus();
  });
  callButton.addEventListener('click', () => thread.chatId && startCall(thread.chatId));
  // The call button of the chat card.
  document.addEventListener('parta-call-start', (event) => startCall(event.chatId));
  document.addEventListener('parta-chat-leave', (event) => {
    if (thread.chatId !== event.chatId) return;
    thread.chatId = '';
    layout.classList.remove('chat-open');
    list.selected = undefined;
    header.hidden = true;
    $<HTMLElement>('#no-chat').hidden = false;
    $<HTMLElement>('#chat-title').textContent = 'Выберите чат';
  });

  // A chat's invite link (?chat-invite=CODE, from the chat card) joins at once with one click.
  const inviteCode = new URLSearchParams(location.search).get('chat-invite');
  if (inviteCode) {
    const section = $<HTMLElement>('#chat-invite');
    const landing = $<HTMLElement & { code: string }>('#chat-invite-card');
    void import('@parta/elements/chat-invite/define').then(() => {
      landing.code = inviteCode;
      section.hidden = false;
    });
    landing.addEventListener('parta-chat-select', () => {
      section.hidden = true;
      history.replaceState(null, '', location.pathname);
    });
  }
  document.addEventListener('parta-call-leave', () => {
    callPanel.hidden = true;
    layout.classList.remove('with-call', 'call-behind');
  });
  $<HTMLElement>('#messenger').hidden = false;
}

const current = await session();
if (await showAccount()) showMessenger();
else showSignIn(current.accounts);
