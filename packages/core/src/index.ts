export { PartaError } from '@parta/protocol';
export {
  type ClientOptions,
  createClient,
  getSharedClient,
  PAGE_SIZE,
  PartaClient,
  type SendOptions,
} from './client.js';
export {
  appointAdmin,
  type CountersSource,
  type CurrentOrganisation,
  cancelJoinRequest,
  confirmChild,
  createClass,
  createInvite,
  decideJoinRequest,
  decideVerification,
  fileJoinRequest,
  getOrganisation,
  type JoinRequestsStore,
  joinRequestsStore,
  type ListState,
  listClasses,
  listInvites,
  listJoinRequests,
  listMembers,
  listVerifications,
  type MembersQuery,
  memberDetails,
  myRequests,
  orgCounters,
  previewInvite,
  type Requester,
  removeMember,
  requestVerification,
  revokeAdmin,
  revokeInvite,
  updateClass,
  updateOrganisation,
} from './community.js';
export type { ConnectionOptions, ConnectionStatus } from './connection.js';
export { NetworkError } from './errors.js';
export type { RequestOptions } from './http.js';
export type { ClientMessage, ClientMessageStatus, MessagesState } from './messages.js';
export { decodeToken, type GetToken, REFRESH_MARGIN_MS } from './token.js';
