/**
 * @parta/elements: Parta's widgets as Lit web components. This entry only
 * exports classes; import a component's `define` module (for example
 * `@parta/elements/thread/define`) to register its tag.
 */
export { PartaChatActions } from './chat-actions/chat-actions.js';
export { chatContext, PartaChatCard } from './chat-card/chat-card.js';
export { PartaChatHeader } from './chat-header/chat-header.js';
export { PartaChatInvite } from './chat-invite/chat-invite.js';
export { PartaChatList } from './chat-list/chat-list.js';
export { PartaClasses } from './classes/classes.js';
export { fetchToken, PartaClientProvider } from './client/client.js';
export { PartaComposer } from './composer/composer.js';
export { partaClientContext } from './context.js';
export { ClientController } from './controllers/client-controller.js';
export { StoreController } from './controllers/store-controller.js';
export { PartaCallStartEvent } from './events/call-start.js';
export { PartaChatCardOpenEvent } from './events/chat-card-open.js';
export { PartaChatLeaveEvent } from './events/chat-leave.js';
export { PartaChatSelectEvent } from './events/chat-select.js';
export { PartaJoinRequestDecideEvent } from './events/join-request-decide.js';
export { PartaMessageSendEvent } from './events/message-send.js';
export { PartaOrgSelectEvent } from './events/org-select.js';
export { PartaVerificationDecideEvent } from './events/verification-decide.js';
export { PartaFolderCloseEvent, PartaFolderEditor } from './folder-editor/folder-editor.js';
export { displayName, formatDate, formatTime, type Locale, t, tc } from './i18n.js';
export { PartaImportant } from './important/important.js';
export { PartaInviteLinks } from './invite-links/invite-links.js';
export { PartaJoinRequests } from './join-requests/join-requests.js';
export { PartaMembers } from './members/members.js';
export { PartaNewChat } from './new-chat/new-chat.js';
export { PartaOrgProfile } from './org-profile/org-profile.js';
export { PartaOrgSwitcher } from './org-switcher/org-switcher.js';
export { PartaPeoplePicker } from './people-picker/people-picker.js';
export { tokens } from './styles/tokens.js';
export { linkify, type TextPart } from './thread/linkify.js';
export { PartaThread } from './thread/thread.js';
export { PartaVerifications } from './verifications/verifications.js';
