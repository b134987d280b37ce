/** What `<parta-chat-list>` loads on first use: the chat actions menu, and the actions behind the toolbar. */
import '../chat-actions/define.js';

export { openSavedChat } from '@parta/core';
