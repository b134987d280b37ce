import { createClient } from '@parta/core';
import '@parta/elements/thread/define';

// When the page's script starts, after the HTML and the bundle have loaded.
const started = performance.now();
let ready;
const params = new URLSearchParams(location.search);
const chatId = params.get('chat');
const client = createClient({
  baseUrl: params.get('server'),
  // A host page that renders the user's token into the page.
  getToken: async () => params.get('token'),
  storage: params.get('storage'),
});
const thread = document.createElement('parta-thread');
thread.style.cssText = 'display:block;height:100vh';
thread.client = client;
thread.chatId = chatId;
document.body.append(thread);
// When the store first holds 50 messages, from IndexedDB or from the network.
client.$messages(chatId).subscribe((state) => {
  if (state.messages.length >= 50 && ready === undefined) ready = performance.now();
});

const shown = () => thread.messages.length >= 50 && thread.shadowRoot?.querySelector('[data-message-id]');
function check() {
  if (!shown()) return requestAnimationFrame(check);
  // Rendered, then the frame that puts it on screen.
  thread.updateComplete.then(() =>
    requestAnimationFrame(() => {
      window.partaPainted = {
        ms: performance.now(),
        // Still loading: what is on screen came from IndexedDB.
        fromCache: client.$messages(chatId).get().loading,
        started,
        ready,
      };
    }),
  );
}
requestAnimationFrame(check);
