export { PartaError } from '@parta/protocol';
export {
  type ClientOptions,
  createClient,
  getSharedClient,
  PAGE_SIZE,
  PartaClient,
  type SendOptions,
} from './client.js';
export type { ConnectionOptions, ConnectionStatus } from './connection.js';
export { NetworkError } from './errors.js';
export type { ClientMessage, ClientMessageStatus, MessagesState } from './messages.js';
export { decodeToken, type GetToken, REFRESH_MARGIN_MS } from './token.js';
