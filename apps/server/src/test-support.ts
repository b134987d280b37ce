/**
 * Starts real servers for tests, on PGlite or on a fresh PostgreSQL database.
 * PARTA_TEST_DB=pglite or =postgres picks one; unset, every suite runs on both.
 */
import { accountRoutes, type ChatEvent, routes, type ServerFrame } from '@parta/protocol';
import { SignJWT } from 'jose';
import pg from 'pg';
import WebSocket from 'ws';
import { contractViolation, frameViolation } from './contract.ts';
import { type ServerOptions, startServer } from './index.ts';
import { demo } from './seed.ts';

export type Backend = 'pglite' | 'postgres';
export const backends: Backend[] =
  process.env.PARTA_TEST_DB === 'pglite' || process.env.PARTA_TEST_DB === 'postgres'
    ? [process.env.PARTA_TEST_DB]
    : ['pglite', 'postgres'];
const adminUrl = process.env.PARTA_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export const livekit = { url: 'ws://127.0.0.1:7880', apiKey: 'devkey', apiSecret: 'secret' };

/** A fresh PostgreSQL database for one test file, dropped by the returned function. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `parta_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** One server per test file and backend: PGlite takes a while to start, so tests share it. */
export async function testServer(backend: Backend, extra: ServerOptions = {}) {
  const database = backend === 'postgres' && !extra.databaseUrl ? await freshPostgres() : null;
  const server = await startServer({
    devAuth: true,
    seed: true,
    livekit,
    databaseUrl: database?.url,
    ...extra,
  });
  return {
    ...server,
    databaseUrl: database?.url ?? extra.databaseUrl,
    async close() {
      await server.close();
      await database?.drop();
    },
  };
}

export async function devToken(baseUrl: string, userId: string): Promise<string> {
  const response = await fetch(baseUrl + accountRoutes.devSignIn, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export function embedToken(
  userId: string,
  options: { secret?: string; orgId?: string; expiresIn?: string | number } = {},
) {
  const orgId = options.orgId ?? demo.orgId;
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', kid: orgId })
    .setIssuer(orgId)
    .setSubject(userId)
    .setAudience('parta')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(new TextEncoder().encode(options.secret ?? demo.embedSecret));
}

/**
 * Calls the HTTP API as a client would. Every answer is checked against the protocol's
 * schemas (see contract.ts): the client does not validate what it receives, so an answer
 * that drifts from the contract fails the test that provoked it.
 */
export async function api<T = unknown>(
  baseUrl: string,
  token: string | null,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json()) as T;
  const violation = contractViolation(method, path, response.status, body);
  if (violation) throw new Error(violation);
  return { status: response.status, body };
}

export const post = (
  baseUrl: string,
  token: string,
  chatId: string,
  text: string,
  clientKey: string = crypto.randomUUID(),
) =>
  api<{ message: { id: string; seq: number; text: string } }>(baseUrl, token, routes.messages(chatId), {
    body: { clientKey, text },
  });

/**
 * A WebSocket client that records every frame, for asserting what a user's browser would receive.
 * Like the real client it sends `resume` after `ready` (with no cursors unless given); `resume: false` skips it.
 */
export async function socketClient(baseUrl: string, token: string, cursors: Record<string, number> | false = {}) {
  const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + routes.socket);
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const frames: ServerFrame[] = [];
  const waiters: {
    test: (frame: ServerFrame) => boolean;
    resolve: (frame: ServerFrame) => void;
    reject: (error: Error) => void;
  }[] = [];
  // Frames off the contract fail the next wait for a frame.
  const violations: string[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as ServerFrame;
    const violation = frameViolation(frame);
    if (violation) {
      violations.push(violation);
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(violation));
      return;
    }
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.test(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  const next = (test: (frame: ServerFrame) => boolean, timeoutMs = 5000) => {
    if (violations.length > 0) return Promise.reject(new Error(violations[0]));
    const found = frames.find(test);
    if (found) return Promise.resolve(found);
    return new Promise<ServerFrame>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
      waiters.push({
        test,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  };
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'auth', token }));
  const greeting = await next((frame) => frame.type === 'ready' || frame.type === 'error');
  if (cursors && greeting.type === 'ready') {
    socket.send(JSON.stringify({ type: 'resume', cursors }));
    await next((frame) => frame.type === 'resumed');
  }
  const events = (chatId: string) =>
    frames.flatMap((frame) =>
      frame.type === 'event' && frame.event.chatId === chatId ? [frame.event as ChatEvent] : [],
    );
  return {
    socket,
    frames,
    next,
    events,
    closed,
    close: () => socket.close(),
  };
}
