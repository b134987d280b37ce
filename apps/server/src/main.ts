import { join } from 'node:path';
import { startServer } from './index.ts';

const env = process.env;
const production = env.NODE_ENV === 'production';
const root = join(import.meta.dirname, '..', '..', '..');

const server = await startServer({
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATABASE_URL ? undefined : (env.PARTA_DATA_DIR ?? join(root, '.data', 'pglite')),
  redisUrl: env.REDIS_URL,
  livekit: {
    url: env.LIVEKIT_URL ?? 'ws://127.0.0.1:7880',
    apiKey: env.LIVEKIT_API_KEY ?? 'devkey',
    apiSecret: env.LIVEKIT_API_SECRET ?? 'secret',
  },
  devAuth: env.PARTA_DEV_AUTH ? env.PARTA_DEV_AUTH === '1' : !production,
  seed: env.PARTA_SEED ? env.PARTA_SEED === '1' : !production,
  serverSecret: env.PARTA_SERVER_SECRET,
  demoEmbedSecret: env.PARTA_DEMO_SECRET,
  logger: env.PARTA_LOG === '1',
});

console.log(
  `Parta server listening on ${server.url} (${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}${env.REDIS_URL ? ' + Redis' : ''})`,
);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
