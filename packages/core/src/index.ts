export { type ClientOptions, PAGE_SIZE, PartaClient, type SendOptions, createClient, getSharedClient } from './client.js';
export type { ConnectionOptions, ConnectionStatus } from './connection.js';
export { NetworkError } from './errors.js';
export type { ClientMessage, ClientMessageStatus, MessagesState } from './messages.js';
export { type GetToken, REFRESH_MARGIN_MS, decodeToken } from './token.js';
export { PartaError } from '@parta/protocol';
