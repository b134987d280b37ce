export { PartaChatSelectEvent } from './chat-select.js';
export { PartaJoinRequestDecideEvent } from './join-request-decide.js';
export { PartaMessageDeleteEvent } from './message-delete.js';
export { PartaMessageEditEvent } from './message-edit.js';
export { PartaMessageSendEvent } from './message-send.js';
export { PartaOrgSelectEvent } from './org-select.js';
export { PartaVerificationDecideEvent } from './verification-decide.js';
