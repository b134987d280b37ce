/**
 * Starts the real Parta server for the browser tests and prints its URL as
 * one JSON line. Runs as a child of the test runner (with `--conditions=source`
 * and tsx), on a throwaway PGlite directory unless DATABASE_URL is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../apps/server/src/index.ts';

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? undefined : await mkdtemp(join(tmpdir(), 'parta-wtr-'));

const server = await startServer({
  port: 0,
  dataDir,
  databaseUrl,
  redisUrl: process.env.REDIS_URL || undefined,
  devAuth: true,
  logger: process.env.PARTA_TEST_LOG === '1',
  seed: true,
  livekit: {
    url: process.env.LIVEKIT_URL ?? 'ws://127.0.0.1:7880',
    apiKey: process.env.LIVEKIT_API_KEY ?? 'devkey',
    apiSecret: process.env.LIVEKIT_API_SECRET ?? 'secret',
  },
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The runner holds our stdin open; when it goes away (even killed), so do we.
process.stdin.on('end', stop);
process.stdin.resume();
