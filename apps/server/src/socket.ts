import { type ChatEvent, ClientFrame, CloseCode, ErrorCode, PartaError, type ServerFrame } from '@parta/protocol';
import type { WebSocket } from 'ws';
import type { Auth } from './auth.ts';
import type { Bus } from './bus.ts';
import { eventsAfter, memberChatIds } from './chats.ts';
import type { Database } from './db/index.ts';

const authTimeoutMs = 10_000;
const replayPage = 500;

interface Connection {
  socket: WebSocket;
  userId: string;
  chats: Set<string>;
  /** Last sequence number sent per chat: a live event at or below it is a duplicate. */
  sent: Map<string, number>;
  /** Live events that arrive while a resume replays are held back, then sent in order. */
  held: ChatEvent[] | null;
}

/** Keeps this process's sockets and delivers what the bus hears to them. */
export function createHub(db: Database, auth: Auth, bus: Bus) {
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

  const send = (connection: Connection, frame: ServerFrame) => {
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(frame));
  };

  const deliver = (connection: Connection, event: ChatEvent) => {
    if (connection.held) {
      connection.held.push(event);
      return;
    }
    if (event.seq <= (connection.sent.get(event.chatId) ?? 0)) return;
    connection.sent.set(event.chatId, event.seq);
    send(connection, { type: 'event', event });
  };

  bus.onMessage((topic, frame) => {
    if (topic.startsWith('chat:')) {
      const chatId = topic.slice(5);
      for (const connection of byChat.get(chatId) ?? []) {
        if (frame.type === 'event') deliver(connection, frame.event);
        else send(connection, frame);
      }
    } else if (topic.startsWith('user:')) {
      for (const connection of byUser.get(topic.slice(5)) ?? []) {
        if (frame.type === 'chat') {
          connection.chats.add(frame.chat.id);
          add(byChat, frame.chat.id, connection);
        } else if (frame.type === 'chat.removed') {
          connection.chats.delete(frame.chatId);
          remove(byChat, frame.chatId, connection);
        }
        send(connection, frame);
      }
    }
  });

  async function resume(connection: Connection, cursors: Record<string, number>) {
    connection.held = [];
    let replayed = 0;
    try {
      for (const [chatId, cursor] of Object.entries(cursors)) {
        if (!connection.chats.has(chatId)) continue;
        let after = Math.max(cursor, 0);
        for (;;) {
          const page = await eventsAfter(db, chatId, after, replayPage);
          for (const event of page.events) {
            connection.sent.set(chatId, event.seq);
            send(connection, { type: 'event', event });
            replayed++;
          }
          after = page.events.at(-1)?.seq ?? after;
          if (!page.hasMore) break;
        }
        if (!connection.sent.has(chatId)) connection.sent.set(chatId, after);
      }
    } finally {
      const held = connection.held;
      connection.held = null;
      send(connection, { type: 'resumed', replayed });
      for (const event of held ?? []) deliver(connection, event);
    }
  }

  function accept(socket: WebSocket) {
    let connection: Connection | null = null;
    const timer = setTimeout(() => socket.close(CloseCode.Unauthorized, 'auth timeout'), authTimeoutMs);

    socket.on('message', async (data) => {
      let frame: ClientFrame;
      try {
        const parsed = ClientFrame.safeParse(JSON.parse(String(data)));
        if (!parsed.success) throw new Error(parsed.error.message);
        frame = parsed.data;
      } catch {
        socket.send(JSON.stringify({ type: 'error', code: ErrorCode.BadRequest, message: 'Malformed frame' }));
        return;
      }
      try {
        if (frame.type === 'ping') {
          socket.send(JSON.stringify({ type: 'pong', t: frame.t }));
        } else if (frame.type === 'auth') {
          if (connection) return;
          const principal = await auth.verify(frame.token);
          clearTimeout(timer);
          const chats = new Set(await memberChatIds(db, principal.userId));
          connection = { socket, userId: principal.userId, chats, sent: new Map(), held: null };
          add(byUser, principal.userId, connection);
          for (const chatId of chats) add(byChat, chatId, connection);
          send(connection, { type: 'ready', userId: principal.userId, sessionId: crypto.randomUUID() });
        } else if (frame.type === 'resume') {
          if (!connection) throw new PartaError(ErrorCode.Unauthorized, 'Authenticate first');
          await resume(connection, frame.cursors);
        }
      } catch (error) {
        const code = error instanceof PartaError ? error.code : ErrorCode.Internal;
        const message = error instanceof PartaError ? error.message : 'Server error';
        socket.send(JSON.stringify({ type: 'error', code, message }));
        if (!connection)
          socket.close(code === ErrorCode.TokenExpired ? CloseCode.TokenExpired : CloseCode.Unauthorized, code);
      }
    });

    socket.on('close', () => {
      clearTimeout(timer);
      if (!connection) return;
      remove(byUser, connection.userId, connection);
      for (const chatId of connection.chats) remove(byChat, chatId, connection);
    });
  }

  return {
    accept,
    publishEvent: (event: ChatEvent) => bus.publish(`chat:${event.chatId}`, { type: 'event', event }),
    connectionCount: () => [...byUser.values()].reduce((sum, set) => sum + set.size, 0),
    closeAll() {
      for (const set of byUser.values()) for (const connection of set) connection.socket.close(1001, 'server stopping');
    },
  };
}
