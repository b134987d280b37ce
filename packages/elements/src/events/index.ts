export { PartaChatSelectEvent } from './chat-select.js';
export { PartaMessageSendEvent } from './message-send.js';
