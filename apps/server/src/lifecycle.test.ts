import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { accountRoutes, CloseCode, type HistoryResponse, routes } from '@parta/protocol';
import WebSocket from 'ws';
import { chatMembers, users } from './db/schema.ts';
import { type PartaServer, startServer } from './index.ts';
import { demo } from './seed.ts';
import { api, devToken, embedToken, livekit, post } from './test-support.ts';

const chat = demo.chats.class9a;
type ErrorJson = { error: { code: string } };

/**
 * `pnpm start` keeps the demo school in a PGlite directory: it must survive a restart,
 * with migrations and the seed run again over it and changing nothing.
 */
describe('a restarted server on a PGlite directory', { skip: process.env.PARTA_TEST_DB === 'postgres' }, () => {
  let dataDir: string;
  let server: PartaServer;
  let sentText: string;
  let devTokenOfFirstRun: string;

  before(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'parta-lifecycle-')), 'pglite');
    const first = await startServer({ dataDir, seed: true, devAuth: true, livekit });
    devTokenOfFirstRun = await devToken(first.url, demo.users.teacher);
    sentText = `до перезапуска ${Date.now()}`;
    assert.equal((await post(first.url, devTokenOfFirstRun, chat, sentText)).status, 201);
    await first.close();

    // The production shape: no dev sign-in, no media server, an allow-list of embedding sites.
    server = await startServer({
      dataDir,
      seed: true,
      corsOrigins: ['http://school.example'],
      socketAuthTimeoutMs: 300,
    });
  });
  after(async () => {
    await server?.close();
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('keeps the messages and does not seed twice', async () => {
    const token = await embedToken(demo.users.student1);
    const { body } = await api<HistoryResponse>(server.url, token, routes.messages(chat));
    assert.equal(body.messages.at(-1)?.text, sentText);
    // The school's people and the college's administrator (the teacher is in both).
    assert.equal((await server.db.select().from(users)).length, Object.keys(demo.users).length + 1);
    // The school's 14 chat seats and the college's 6: its administrator and the teacher in its three channels and rooms.
    assert.equal((await server.db.select().from(chatMembers)).length, 14 + 6);
  });

  it('offers no dev sign-in without dev auth and refuses the development tokens', async () => {
    const signIn = await api<ErrorJson>(server.url, null, accountRoutes.devSignIn, {
      body: { userId: demo.users.teacher },
    });
    assert.equal(signIn.status, 404);
    assert.equal((await api(server.url, null, accountRoutes.devUsers)).status, 404);
    const stale = await api<ErrorJson>(server.url, devTokenOfFirstRun, routes.chats);
    assert.equal(stale.status, 401);
  });

  it('answers calls_unavailable when no media server is configured', async () => {
    const { status, body } = await api<ErrorJson>(
      server.url,
      await embedToken(demo.users.student1),
      routes.callToken(chat),
      { method: 'POST' },
    );
    assert.equal(status, 503);
    assert.equal(body.error.code, 'calls_unavailable');
  });

  it('lets only the configured origins call it from a page', async () => {
    const preflight = (origin: string) =>
      fetch(server.url + routes.chats, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('http://school.example');
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://school.example');
    const other = await preflight('http://elsewhere.example');
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('closes a socket that does not authenticate in time', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws') + routes.socket);
    const started = Date.now();
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    assert.equal(code, CloseCode.Unauthorized);
    assert.ok(Date.now() - started < 3000);
  });
});
