import cors from '@fastify/cors';
import websocket from '@fastify/websocket';
import {
  accountRoutes,
  canJoinCall,
  canSendMessage,
  DeleteMessagesBody,
  DevSignInBody,
  EditMessageBody,
  Emoji,
  ErrorCode,
  EventsQuery,
  errorStatus,
  HistoryQuery,
  limits,
  MarkReadBody,
  PartaError,
  type Role,
  roleLabel,
  roles,
  routes,
  SendMessageBody,
} from '@parta/protocol';
import { eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { AccessToken } from 'livekit-server-sdk';
import { type CodeSender, meResponse, type OidcOptions, registerAccountRoutes } from './accounts.ts';
import { createAuth } from './auth.ts';
import { type BatcherOptions, createBatcher } from './batcher.ts';
import { type Bus, localBus, redisBus } from './bus.ts';
import { ensureSavedChat, registerChatAdminRoutes } from './chat-admin.ts';
import {
  deleteMessages,
  displayName,
  editMessage,
  eventsAfter,
  type HistoryWindow,
  history,
  listChats,
  markRead,
  react,
  requireMember,
  sendMessage,
  userSummary,
} from './chats.ts';
import { registerCommunityRoutes } from './community.ts';
import { parse, principalOf, type ServerContext } from './context.ts';
import { type DatabaseHandle, openDatabase } from './db/index.ts';
import { organisations, orgMembers, users } from './db/schema.ts';
import { registerMessageRoutes, startSweeper } from './message-extras.ts';
import { demo, seedDemo } from './seed.ts';
import { createHub } from './socket.ts';

export type { CodeSender, OidcOptions } from './accounts.ts';
export { demo } from './seed.ts';

export interface ServerOptions {
  port?: number;
  host?: string;
  /** PostgreSQL connection string; without it the server runs on embedded PGlite. */
  databaseUrl?: string;
  /** PostgreSQL connections this process keeps (default 20): every send holds one for two short statements. */
  databasePoolSize?: number;
  /** PGlite data directory (default: in memory, gone when the server closes). */
  dataDir?: string;
  /** Redis URL for pub/sub between several server processes. */
  redisUrl?: string;
  /** The LiveKit server calls go through; without it call tokens answer 503 calls_unavailable. */
  livekit?: { url: string; apiKey: string; apiSecret: string };
  /** Enables dev sign-in as any user. Never in production. */
  devAuth?: boolean;
  /** Seeds the demo school (idempotent). */
  seed?: boolean;
  /**
   * Origins whose pages may call the API (the sites that embed the widgets).
   * Default: any origin, which is safe because requests carry bearer tokens, never cookies.
   */
  corsOrigins?: string[];
  /**
   * Secret for Parta's own tokens; every process behind one Redis must share it.
   * Default with dev auth: a fixed development value; otherwise a random one per process.
   */
  serverSecret?: string;
  demoEmbedSecret?: string;
  logger?: boolean;
  /** A socket that has not authenticated by then is closed with 4001 (default 10 s). */
  socketAuthTimeoutMs?: number;
  /** How often expired disappearing messages are deleted for everyone (default 5 s). */
  sweepIntervalMs?: number;
  /** Timings of batched receipts and typing (tests shorten them). */
  batching?: BatcherOptions;
  /** Sends one-time sign-in codes; without it only dev auth can (to the dev mailbox). */
  codeSender?: CodeSender;
  /** Sign-in through an OpenID Connect provider; without it those routes answer 404. */
  oidc?: OidcOptions;
}

/** Shared by every development process so a token from one is accepted by all. */
const devServerSecret = 'parta-dev-server-secret';

export async function startServer(options: ServerOptions = {}) {
  const database = await openDatabase(options);
  let bus: Bus | undefined;
  try {
    if (options.seed) await seedDemo(database.db, options.demoEmbedSecret ?? demo.embedSecret);
    bus = options.redisUrl ? await redisBus(options.redisUrl) : localBus();
    return await serve(options, database, bus);
  } catch (error) {
    // A server that cannot start (port taken, Redis down) must not keep the database open.
    await bus?.close();
    await database.close();
    throw error;
  }
}

async function serve(options: ServerOptions, database: DatabaseHandle, bus: Bus) {
  const { db } = database;
  // Without dev auth nothing mints Parta's own tokens yet, so a random secret only ensures
  // that the well-known development one is never accepted outside development.
  const serverSecret = options.serverSecret ?? (options.devAuth ? devServerSecret : crypto.randomUUID());
  const auth = createAuth(db, serverSecret);
  const hub = createHub(db, auth, bus, {
    authTimeoutMs: options.socketAuthTimeoutMs,
    onTyping: (userId, chatId) => void typing(userId, chatId),
  });
  // Only someone who may write is shown typing: a channel's readers stay unseen (SPEC §7).
  const typing = async (userId: string, chatId: string) => {
    const { chat, member } = await requireMember(db, chatId, userId).catch(() => ({ chat: null, member: null }));
    if (!chat || !canSendMessage({ kind: chat.kind, onlyAdminsWrite: chat.onlyAdminsWrite, myRole: member.role }))
      return;
    await batcher.typing(chatId, userId);
  };
  const batcher = createBatcher(bus, hub.deliverLocal, options.batching);

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 });
  await app.register(cors, {
    origin: options.corsOrigins ?? true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof PartaError) return reply.code(errorStatus[error.code]).send(error.toJSON());
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) {
      const code = status === 413 ? ErrorCode.MessageTooLong : ErrorCode.BadRequest;
      return reply.code(status).send(new PartaError(code, (error as Error).message).toJSON());
    }
    app.log.error(error);
    return reply.code(500).send(new PartaError(ErrorCode.Internal).toJSON());
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(new PartaError(ErrorCode.NotFound, 'No such route').toJSON()),
  );

  const principal = principalOf(auth);
  const context: ServerContext = { db, auth, hub, bus, batcher, devAuth: options.devAuth ?? false, principal };
  type ChatParams = { Params: { chatId: string } };

  app.get(accountRoutes.health, async () => ({ ok: true, database: database.kind }));

  app.get(routes.me, async (request) => {
    const { userId, orgId } = await principal(request);
    return meResponse(db, userId, orgId);
  });

  app.get(routes.chats, async (request) => {
    const { userId, orgId: site } = await principal(request);
    // Everyone always has "Saved messages": made here on first use.
    await ensureSavedChat(db, userId);
    return { chats: await listChats(db, userId, undefined, site) };
  });

  app.get<ChatParams>('/api/v1/chats/:chatId/messages', async (request) => {
    const { userId, orgId: site } = await principal(request);
    const query = parse(HistoryQuery, request.query) as HistoryWindow & { limit?: number };
    const anchors = [query.before, query.after, query.around].filter((anchor) => anchor !== undefined);
    if (anchors.length > 1) throw new PartaError(ErrorCode.BadRequest, 'Give at most one of before, after and around');
    const { chat } = await requireMember(db, request.params.chatId, userId, site);
    return { ...(await history(db, request.params.chatId, query, query.limit ?? 50, userId)), lastSeq: chat.lastSeq };
  });

  app.get<ChatParams>('/api/v1/chats/:chatId/events', async (request) => {
    const { userId, orgId: site } = await principal(request);
    const query = parse(EventsQuery, request.query) as { after: number; limit?: number };
    const { chat } = await requireMember(db, request.params.chatId, userId, site);
    const page = await eventsAfter(db, chat.id, query.after, query.limit ?? limits.eventsPageMax);
    // A message committed between the two reads must not leave lastSeq behind the events.
    return { ...page, lastSeq: Math.max(chat.lastSeq, page.events.at(-1)?.seq ?? 0) };
  });

  app.post<ChatParams>('/api/v1/chats/:chatId/messages', async (request, reply) => {
    const { userId, orgId: site } = await principal(request);
    const raw = request.body as { text?: unknown } | undefined;
    if (typeof raw?.text === 'string' && raw.text.length > limits.messageTextMax) {
      throw new PartaError(ErrorCode.MessageTooLong, `A message holds at most ${limits.messageTextMax} characters`);
    }
    const body = parse(SendMessageBody, request.body) as { clientKey: string; text: string; replyToId?: string | null };
    const { message, event } = await sendMessage(db, userId, request.params.chatId, body, site);
    if (event) await hub.publishEvent(event);
    return reply.code(event ? 201 : 200).send({ message });
  });

  app.patch<{ Params: { chatId: string; messageId: string } }>(
    '/api/v1/chats/:chatId/messages/:messageId',
    async (request) => {
      const { userId, orgId: site } = await principal(request);
      const { text } = parse<EditMessageBody>(EditMessageBody, request.body);
      const event = await editMessage(db, userId, request.params.chatId, request.params.messageId, text, site);
      await hub.publishEvent(event);
      return { event };
    },
  );

  type ReactionParams = { Params: { chatId: string; messageId: string; emoji: string } };
  for (const method of ['PUT', 'DELETE'] as const) {
    app.route<ReactionParams>({
      method,
      url: '/api/v1/chats/:chatId/messages/:messageId/reactions/:emoji',
      handler: async (request) => {
        const { userId, orgId: site } = await principal(request);
        const { chatId, messageId } = request.params;
        const emoji = parse<string>(Emoji, request.params.emoji);
        const { reactions, event } = await react(db, userId, chatId, messageId, emoji, method === 'PUT', site);
        if (event) await hub.publishEvent(event);
        return { reactions };
      },
    });
  }

  app.post<ChatParams>('/api/v1/chats/:chatId/messages/delete', async (request) => {
    const { userId, orgId: site } = await principal(request);
    const body = parse<DeleteMessagesBody>(DeleteMessagesBody, request.body);
    const { events, deleted } = await deleteMessages(
      db,
      userId,
      request.params.chatId,
      body.messageIds,
      body.scope,
      site,
    );
    for (const event of events) await hub.publishEvent(event);
    // The user's other tabs and devices hide them too.
    if (body.scope === 'me') {
      await bus.publish(`user:${userId}`, {
        type: 'messages.hidden',
        chatId: request.params.chatId,
        messageIds: deleted,
      });
    }
    return { deleted };
  });

  app.post<ChatParams>('/api/v1/chats/:chatId/read', async (request) => {
    const { userId, orgId: site } = await principal(request);
    const { seq } = parse(MarkReadBody, request.body) as { seq: number };
    const chat = await markRead(db, request.params.chatId, userId, seq, site);
    // The chat's members see the new position (✓✓), batched per chat.
    await batcher.read(chat.id, userId, chat.readSeq);
    // The user's other tabs and devices drop the badge too.
    await bus.publish(`user:${userId}`, { type: 'chat', chat });
    return { readSeq: chat.readSeq, unreadCount: chat.unreadCount };
  });

  app.post<ChatParams>('/api/v1/chats/:chatId/call', async (request) => {
    const { userId, orgId: site } = await principal(request);
    const { chat, member } = await requireMember(db, request.params.chatId, userId, site);
    if (!canJoinCall({ kind: chat.kind, onlyAdminsWrite: chat.onlyAdminsWrite, myRole: member.role })) {
      throw new PartaError(ErrorCode.Forbidden, 'Calls are not available in this chat');
    }
    if (!options.livekit) throw new PartaError(ErrorCode.CallsUnavailable, 'No media server is configured');
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    const room = `chat-${chat.id}`;
    const grant = new AccessToken(options.livekit.apiKey, options.livekit.apiSecret, {
      identity: userId,
      name: displayName(user!),
      ttl: '2h',
    });
    grant.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true, canPublishData: true });
    return { url: options.livekit.url, token: await grant.toJwt(), room, identity: userId };
  });

  app.get(routes.socket, { websocket: true }, (socket) => hub.accept(socket));
  await registerCommunityRoutes(app, context);
  await registerMessageRoutes(app, context);
  await registerChatAdminRoutes(app, context);
  await registerAccountRoutes(app, context, {
    codeSender: options.codeSender,
    oidc: options.oidc,
    secret: serverSecret,
  });

  if (options.devAuth) {
    app.post(accountRoutes.devSignIn, async (request) => {
      const { userId } = parse(DevSignInBody, request.body) as { userId: string };
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!user) throw new PartaError(ErrorCode.NotFound, 'No such user');
      return auth.mint(userId);
    });
    app.get(accountRoutes.devUsers, async () => {
      const rows = await db
        .select({ user: users, member: orgMembers, org: organisations })
        .from(orgMembers)
        .innerJoin(users, eq(users.id, orgMembers.userId))
        .innerJoin(organisations, eq(organisations.id, orgMembers.orgId));
      // Staff first, then students and parents: the order a sign-in list reads best in.
      const rank = (member: { roles: string[] }) =>
        Math.min(...member.roles.map((role) => roles.indexOf(role as Role)));
      rows.sort((a, b) => rank(a.member) - rank(b.member) || a.user.surname.localeCompare(b.user.surname, 'ru'));
      // Someone in several organisations signs in once, under their most senior role.
      const seen = new Set<string>();
      const once = rows.filter(({ user }) => !seen.has(user.id) && Boolean(seen.add(user.id)));
      return {
        users: once.map(({ user, member, org }) => ({
          user: userSummary(user),
          roleLabel: roleLabel(org.type, (member.roles as Role[])[0]!, 'ru'),
        })),
      };
    });
  }

  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    hub.closeAll();
    batcher.close();
    await app.close();
    throw error;
  }
  const sweeper = startSweeper(context, options.sweepIntervalMs ?? 5_000);
  const port = (app.server.address() as { port: number }).port;
  return {
    app,
    port,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    db,
    hub,
    batcher,
    context,
    async close() {
      hub.closeAll();
      await sweeper.stop();
      batcher.close();
      await app.close();
      await bus.close();
      await database.close();
    },
  };
}

export type PartaServer = Awaited<ReturnType<typeof startServer>>;
