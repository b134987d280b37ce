import { type ChatEvent, ClientFrame, CloseCode, ErrorCode, PartaError, type ServerFrame } from '@parta/protocol';
import type { WebSocket } from 'ws';
import type { Auth } from './auth.ts';
import type { Bus } from './bus.ts';
import { ensureSavedChat } from './chat-admin.ts';
import { eventsAfter, memberChatPositions } from './chats.ts';
import type { Database } from './db/index.ts';

const replayPage = 500;
/** One options object for every fan-out send (a fan-out sends thousands a second). */
const textFrame = { binary: false } as const;

export interface HubOptions {
  /** A socket that has not authenticated by then is closed with 4001. */
  authTimeoutMs?: number;
  /**
   * Live events wait after `ready` until the client's `resume`, so a replay is never
   * overtaken by a newer live event; a client that never resumes gets them after this.
   */
  resumeGraceMs?: number;
  /** A member signals typing in one of its chats (already checked and rate-limited per socket). */
  onTyping?: (userId: string, chatId: string) => void;
}

/** A socket's typing signals: one per chat per this interval is passed on, the rest ignored. */
const typingMinIntervalMs = 2_000;
/** And at most this many a minute over all its chats, so a client cannot flood a school. */
const typingPerMinuteMax = 60;

interface Connection {
  socket: WebSocket;
  userId: string;
  /** The organisation a site's token speaks for: only its chats (and personal ones) reach this socket. */
  site: string | null;
  chats: Set<string>;
  /** Last sequence number sent per chat: the next event must be exactly one more. */
  sent: Map<string, number>;
  /** Set while a replay or a gap fill reads the database; live events wait in `backlog`. */
  busy: boolean;
  backlog: ChatEvent[];
  queue: Promise<void>;
  graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** When each chat's last typing signal was passed on, and this minute's count. */
  typingAt: Map<string, number>;
  typingWindow: { start: number; count: number };
}

/**
 * Keeps this process's sockets and delivers what the bus hears to them.
 *
 * Each socket receives every event of its chats once and in sequence order.
 * Events can reach the bus out of order (two processes, or two requests, commit
 * seq 5 and 6 and publish 6 first); when one arrives ahead of the next expected
 * seq, the missing ones are read from the event log, which already holds them:
 * a chat's seq is taken under its row lock, so 6 cannot commit before 5.
 */
export function createHub(db: Database, auth: Auth, bus: Bus, options: HubOptions = {}) {
  const authTimeoutMs = options.authTimeoutMs ?? 10_000;
  const resumeGraceMs = options.resumeGraceMs ?? 2_000;
  const byChat = new Map<string, Set<Connection>>();
  const byUser = new Map<string, Set<Connection>>();

  const add = <K>(map: Map<K, Set<Connection>>, key: K, connection: Connection) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(connection);
  };
  const remove = <K>(map: Map<K, Set<Connection>>, key: K, connection: Connection) => {
    const set = map.get(key);
    set?.delete(connection);
    if (set?.size === 0) map.delete(key);
  };

  /** The bytes of a frame already serialised, once for all sockets of a fan-out, go out as text. */
  const sendData = (socket: WebSocket, data: Buffer) => {
    if (socket.readyState === socket.OPEN) socket.send(data, textFrame);
  };
  const sendFrame = (socket: WebSocket, frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const sendEvent = (connection: Connection, event: ChatEvent, data?: Buffer) => {
    connection.sent.set(event.chatId, event.seq);
    if (data) sendData(connection.socket, data);
    else sendFrame(connection.socket, { type: 'event', event });
  };

  /**
   * Runs `work` with live delivery held back, then delivers what arrived meanwhile.
   * One at a time per socket, so a replay and a gap fill never interleave their events.
   */
  function exclusive(connection: Connection, work: () => Promise<void>): Promise<void> {
    const run = connection.queue.then(async () => {
      connection.busy = true;
      try {
        await work();
      } finally {
        connection.busy = false;
        drain(connection);
      }
    });
    connection.queue = run.catch(() => {});
    return run;
  }

  function drain(connection: Connection) {
    while (!connection.busy && connection.backlog.length > 0) deliver(connection, connection.backlog.shift()!);
  }

  function deliver(connection: Connection, event: ChatEvent, data?: Buffer) {
    if (connection.busy) {
      connection.backlog.push(event);
      return;
    }
    const last = connection.sent.get(event.chatId);
    if (last !== undefined && event.seq <= last) return;
    if (last === undefined || event.seq === last + 1) {
      sendEvent(connection, event, data);
      return;
    }
    void exclusive(connection, async () => {
      // From where the socket is when the fill starts, not when it was asked for: events of the
      // chat may have gone out meanwhile (the next one arriving in the same tick, or an earlier fill).
      const from = connection.sent.get(event.chatId);
      if (from === undefined || from >= event.seq) return;
      await fill(connection, event.chatId, from, event.seq);
    }).catch(() => {
      // The log could not be read: the client sees the gap and asks for it over HTTP.
    });
  }

  /** Sends the chat's logged events after `after` up to at least `until`, in order. */
  async function fill(connection: Connection, chatId: string, after: number, until = Number.POSITIVE_INFINITY) {
    let cursor = after;
    let count = 0;
    while (cursor < until) {
      const page = await eventsAfter(db, chatId, cursor, replayPage);
      for (const event of page.events) {
        sendEvent(connection, event);
        count++;
      }
      cursor = page.events.at(-1)?.seq ?? cursor;
      if (!page.hasMore) break;
    }
    return count;
  }

  bus.onMessage((topic, frame, raw) => {
    if (topic.startsWith('chat:')) {
      const connections = byChat.get(topic.slice(5));
      if (!connections) return;
      // A chat's frame is serialised once (or arrives serialised from Redis) and the same bytes go to every socket.
      const data = Buffer.from(raw ?? JSON.stringify(frame));
      for (const connection of connections) {
        if (frame.type === 'event') deliver(connection, frame.event, data);
        else sendData(connection.socket, data);
      }
    } else if (topic.startsWith('user:')) {
      for (const connection of byUser.get(topic.slice(5)) ?? []) {
        if (frame.type === 'chat') {
          if (connection.site && frame.chat.orgId && frame.chat.orgId !== connection.site) continue;
          connection.chats.add(frame.chat.id);
          if (!connection.sent.has(frame.chat.id)) connection.sent.set(frame.chat.id, frame.chat.lastSeq);
          add(byChat, frame.chat.id, connection);
        } else if (frame.type === 'chat.removed') {
          connection.chats.delete(frame.chatId);
          connection.sent.delete(frame.chatId);
          connection.backlog = connection.backlog.filter((event) => event.chatId !== frame.chatId);
          remove(byChat, frame.chatId, connection);
        } else if (connection.site && frame.type === 'folders') {
          // A site's socket hears of its own chats only, as `GET folders` through its token answers.
          const folders = frame.folders.map((f) => ({
            ...f,
            chatIds: f.chatIds.filter((id) => connection.chats.has(id)),
          }));
          sendFrame(connection.socket, { type: 'folders', folders });
          continue;
        } else if (
          connection.site &&
          (frame.type === 'message.marked' || frame.type === 'messages.hidden') &&
          !connection.chats.has(frame.chatId)
        ) {
          continue;
        }
        sendFrame(connection.socket, frame);
      }
    }
  });

  async function resume(connection: Connection, cursors: Record<string, number>) {
    clearTimeout(connection.graceTimer);
    let replayed = 0;
    await exclusive(connection, async () => {
      for (const [chatId, cursor] of Object.entries(cursors)) {
        // Only the user's own chats: a cursor for any other chat is ignored, not an error,
        // since a client may still hold one for a chat it has just left.
        if (!connection.chats.has(chatId)) continue;
        const after = Math.max(cursor, 0);
        connection.sent.set(chatId, after);
        replayed += await fill(connection, chatId, after);
      }
      sendFrame(connection.socket, { type: 'resumed', replayed });
    });
  }

  async function authenticate(socket: WebSocket, token: string): Promise<Connection> {
    const principal = await auth.verify(token);
    // Made before the memberships are read, so the socket is in its room from the start.
    await ensureSavedChat(db, principal.userId);
    // Where each chat stands now: events arriving out of order later (two processes publish
    // concurrently) are placed against it, so an early later event starts a gap fill instead of
    // making the socket skip the one before it.
    const positions = await memberChatPositions(db, principal.userId, principal.orgId);
    const chats = new Set(positions.keys());
    const connection: Connection = {
      socket,
      userId: principal.userId,
      site: principal.orgId,
      chats,
      sent: positions,
      busy: true,
      backlog: [],
      queue: Promise.resolve(),
      graceTimer: undefined,
      typingAt: new Map(),
      typingWindow: { start: 0, count: 0 },
    };
    connection.graceTimer = setTimeout(() => {
      if (!connection.busy) return;
      connection.busy = false;
      drain(connection);
    }, resumeGraceMs);
    add(byUser, principal.userId, connection);
    for (const chatId of chats) add(byChat, chatId, connection);
    sendFrame(socket, { type: 'ready', userId: principal.userId, sessionId: crypto.randomUUID() });
    return connection;
  }

  function accept(socket: WebSocket) {
    let connection: Connection | null = null;
    let closed = false;
    const timer = setTimeout(() => socket.close(CloseCode.Unauthorized, 'auth timeout'), authTimeoutMs);
    // Frames are handled one after another: a client may send `resume` right behind `auth`
    // without waiting for `ready`, and it must not be judged before the token is checked.
    let inbox = Promise.resolve();

    const handle = async (frame: ClientFrame) => {
      try {
        if (frame.type === 'ping') {
          sendFrame(socket, { type: 'pong', t: frame.t });
        } else if (frame.type === 'auth') {
          if (connection) return;
          const authenticated = await authenticate(socket, frame.token);
          clearTimeout(timer);
          if (closed) {
            release(authenticated);
            return;
          }
          connection = authenticated;
        } else if (frame.type === 'resume') {
          if (!connection) throw new PartaError(ErrorCode.Unauthorized, 'Authenticate first');
          await resume(connection, frame.cursors);
        } else if (frame.type === 'typing') {
          if (!connection) throw new PartaError(ErrorCode.Unauthorized, 'Authenticate first');
          typing(connection, frame.chatId);
        }
      } catch (error) {
        const code = error instanceof PartaError ? error.code : ErrorCode.Internal;
        const message = error instanceof PartaError ? error.message : 'Server error';
        sendFrame(socket, { type: 'error', code, message });
        if (!connection) {
          socket.close(code === ErrorCode.TokenExpired ? CloseCode.TokenExpired : CloseCode.Unauthorized, code);
        }
      }
    };

    socket.on('message', (data) => {
      let frame: ClientFrame;
      try {
        const parsed = ClientFrame.safeParse(JSON.parse(String(data)));
        if (!parsed.success) throw new Error(parsed.error.message);
        frame = parsed.data;
      } catch {
        sendFrame(socket, { type: 'error', code: ErrorCode.BadRequest, message: 'Malformed frame' });
        return;
      }
      inbox = inbox.then(() => handle(frame));
    });

    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      if (connection) release(connection);
    });
  }

  function typing(connection: Connection, chatId: string) {
    if (!connection.chats.has(chatId))
      throw new PartaError(ErrorCode.NotChatMember, 'You are not a member of this chat');
    const now = Date.now();
    if (now - (connection.typingAt.get(chatId) ?? 0) < typingMinIntervalMs) return;
    const window = connection.typingWindow;
    if (now - window.start >= 60_000) {
      window.start = now;
      window.count = 0;
    }
    if (++window.count > typingPerMinuteMax) {
      if (window.count === typingPerMinuteMax + 1) {
        throw new PartaError(ErrorCode.RateLimited, 'Too many typing signals; slow down');
      }
      return;
    }
    connection.typingAt.set(chatId, now);
    options.onTyping?.(connection.userId, chatId);
  }

  function release(connection: Connection) {
    clearTimeout(connection.graceTimer);
    remove(byUser, connection.userId, connection);
    for (const chatId of connection.chats) remove(byChat, chatId, connection);
  }

  return {
    accept,
    publishEvent: (event: ChatEvent) => bus.publish(`chat:${event.chatId}`, { type: 'event', event }),
    /** Sends a frame to this process's sockets of a chat only (batched receipts and typing: each process sends its own). */
    deliverLocal(chatId: string, frame: ServerFrame) {
      const connections = byChat.get(chatId);
      if (!connections) return;
      const data = Buffer.from(JSON.stringify(frame));
      for (const connection of connections) sendData(connection.socket, data);
    },
    connectionCount: () => [...byUser.values()].reduce((sum, set) => sum + set.size, 0),
    closeAll() {
      for (const set of byUser.values()) for (const connection of set) connection.socket.close(1001, 'server stopping');
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
