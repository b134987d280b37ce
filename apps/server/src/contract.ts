/**
 * The protocol's response schemas, checked against what the server really answers.
 * The client trusts its server (it types answers, it does not validate them: that
 * would ship a schema library with every page), so the server's tests are where a
 * response that drifts from the contract is caught. Every request a test makes
 * through `api()` in test-support, and every frame `socketClient` receives, goes
 * through here.
 */
import {
  accountRoutes,
  CallTokenResponse,
  ChatInvite,
  ChatInvitePreview,
  ChatMember,
  ChatMembersResponse,
  ChatResponse,
  ChatSummary,
  ChatsResponse,
  ClassesResponse,
  ClassResponse,
  ConfirmResponse,
  ContactsResponse,
  chatRoutes,
  communityRoutes,
  DeleteMessagesResponse,
  DevMailboxResponse,
  DevUsersResponse,
  EditMessageResponse,
  ErrorCode,
  ErrorResponse,
  EventsResponse,
  Folder,
  FoldersResponse,
  ForwardResponse,
  HistoryResponse,
  ImportantMarkResponse,
  ImportantResponse,
  InvitePreview,
  InviteResponse,
  InvitesResponse,
  JoinRequestResponse,
  JoinRequestsResponse,
  MarkReadResponse,
  MemberDetails,
  MemberResponse,
  MembersResponse,
  MeResponse,
  MyRequestsResponse,
  OrganisationProfile,
  OrganisationResponse,
  OrgCounters,
  PinResponse,
  PinsResponse,
  ReactionResponse,
  ReceiptsResponse,
  RefreshResponse,
  routes,
  SendMessageResponse,
  ServerFrame,
  SignInResponse,
  TokenResponse,
  VerificationResponse,
  VerificationsResponse,
} from '@parta/protocol';
import * as z from 'zod/mini';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodMiniType;

/** Stands for a path parameter while the route table is built. */
const P = 'PARAM';

/** [methods, path (with P for parameters), the answer's schema]; literal paths before those with parameters. */
const table: [Method[], string, Schema][] = [
  [['GET'], routes.me, MeResponse],
  [['PATCH'], routes.me, MeResponse],
  [['GET'], routes.chats, ChatsResponse],
  [['POST'], routes.chats, ChatResponse],
  [['POST'], chatRoutes.savedChat, ChatResponse],
  [['POST'], accountRoutes.devSignIn, TokenResponse],
  [['GET'], accountRoutes.devUsers, DevUsersResponse],
  [['GET'], accountRoutes.devMailbox, DevMailboxResponse],
  [['POST'], accountRoutes.authVerify, SignInResponse],
  [['POST'], accountRoutes.authRefresh, RefreshResponse],
  [['GET'], communityRoutes.myRequests, MyRequestsResponse],
  [['GET'], routes.contacts, ContactsResponse],
  [['GET'], chatRoutes.folders, FoldersResponse],
  [['POST'], chatRoutes.folders, z.object({ folder: Folder, folders: z.array(Folder) })],
  [['GET'], chatRoutes.importantMessages, ImportantResponse],
  [['POST'], chatRoutes.forward, ForwardResponse],
  [['POST'], communityRoutes.requestVerification, VerificationResponse],
  [['POST'], routes.deleteMessages(P), DeleteMessagesResponse],
  [['GET'], routes.messages(P), HistoryResponse],
  [['POST'], routes.messages(P), SendMessageResponse],
  [['GET'], routes.events(P), EventsResponse],
  [['POST'], routes.callToken(P), CallTokenResponse],
  [['POST'], routes.read(P), MarkReadResponse],
  [['PATCH'], routes.message(P, P), EditMessageResponse],
  [['PUT', 'DELETE'], routes.reaction(P, P, P), ReactionResponse],
  [['POST'], communityRoutes.myChildConfirm(P), z.object({ confirmed: z.literal(true) })],
  [['GET'], communityRoutes.organisation(P), OrganisationResponse],
  [['PATCH'], communityRoutes.organisation(P), z.object({ organisation: OrganisationProfile })],
  [['GET'], routes.orgCounters(P), OrgCounters],
  [['POST'], communityRoutes.orgAdmins(P), MemberResponse],
  [['DELETE'], communityRoutes.orgAdmins(P, P), MemberResponse],
  [['GET'], communityRoutes.orgMembers(P), MembersResponse],
  [['GET'], communityRoutes.orgMember(P, P), MemberDetails],
  [['DELETE'], communityRoutes.orgMember(P, P), z.object({ removed: z.literal(true) })],
  [['GET'], communityRoutes.classes(P), ClassesResponse],
  [['POST'], communityRoutes.classes(P), ClassResponse],
  [['PATCH'], communityRoutes.class(P, P), ClassResponse],
  [['GET'], communityRoutes.invites(P), InvitesResponse],
  [['POST'], communityRoutes.invites(P), InviteResponse],
  [['DELETE'], communityRoutes.invite(P, P), InviteResponse],
  [['GET'], communityRoutes.invitePreview(P), InvitePreview],
  [['POST'], communityRoutes.inviteRequest(P), JoinRequestResponse],
  [['GET'], communityRoutes.joinRequests(P), JoinRequestsResponse],
  [['POST'], `/api/v1/requests/${P}/${P}`, JoinRequestResponse],
  [['GET'], communityRoutes.verifications(P), VerificationsResponse],
  [['POST'], `/api/v1/verifications/${P}/${P}`, VerificationResponse],
  [['GET', 'PATCH'], chatRoutes.chat(P), ChatResponse],
  [['GET'], chatRoutes.chatMembers(P), ChatMembersResponse],
  [['POST'], chatRoutes.chatMembers(P), z.object({ chat: ChatSummary, added: z.array(z.string()) })],
  [['DELETE'], chatRoutes.chatMember(P, P), z.object({ chat: z.nullable(ChatSummary) })],
  [['PUT'], chatRoutes.chatMemberRole(P, P), z.object({ member: ChatMember })],
  [['PUT'], chatRoutes.chatMine(P), ChatResponse],
  [['GET', 'POST', 'DELETE'], chatRoutes.chatInvite(P), z.object({ invite: z.nullable(ChatInvite) })],
  [['GET'], chatRoutes.chatInvitePreview(P), ChatInvitePreview],
  [['POST'], chatRoutes.chatInviteJoin(P), ChatResponse],
  [['PATCH'], chatRoutes.folder(P), z.object({ folder: Folder, folders: z.array(Folder) })],
  [['DELETE'], chatRoutes.folder(P), FoldersResponse],
  [['PUT', 'DELETE'], chatRoutes.pin(P, P), PinResponse],
  [['GET'], chatRoutes.pins(P), PinsResponse],
  [['PUT', 'DELETE'], chatRoutes.important(P, P), ImportantMarkResponse],
  [['POST'], chatRoutes.confirm(P, P), ConfirmResponse],
  [['GET'], chatRoutes.receipts(P, P), ReceiptsResponse],
  [['POST'], chatRoutes.awards(P), SendMessageResponse],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = table.map(([methods, path, schema]) => ({
  methods,
  pattern: new RegExp(`^${escapeRegExp(path).replaceAll(P, '[^/]+')}$`),
  schema,
}));

const knownCodes = new Set<string>(Object.values(ErrorCode));

/**
 * Why the answer breaks the contract, or null when it keeps it. Error answers must carry
 * a known error code; successful ones must match their route's schema. A route missing
 * from the table is not checked (add it when the protocol gains one).
 */
export function contractViolation(method: string, url: string, status: number, body: unknown): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/, '').split('?')[0]!;
  if (status === 204) return null;
  if (status >= 400) {
    const parsed = ErrorResponse.safeParse(body);
    if (!parsed.success)
      return `${method} ${path} answered ${status} with a body that is not an error: ${z.prettifyError(parsed.error)}`;
    if (!knownCodes.has(parsed.data.error.code))
      return `${method} ${path} answered the unknown error code ${parsed.data.error.code}`;
    return null;
  }
  const route = compiled.find((entry) => entry.methods.includes(method as Method) && entry.pattern.test(path));
  if (!route) return null;
  const parsed = route.schema.safeParse(body);
  return parsed.success
    ? null
    : `${method} ${path} answered ${status} off the contract:\n${z.prettifyError(parsed.error)}`;
}

/** Why a socket frame breaks the contract, or null. */
export function frameViolation(frame: unknown): string | null {
  const parsed = ServerFrame.safeParse(frame);
  return parsed.success
    ? null
    : `a frame off the contract:\n${z.prettifyError(parsed.error)}\n${JSON.stringify(frame)}`;
}
