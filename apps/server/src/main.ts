import { join } from 'node:path';
import { startServer } from './index.ts';

const env = process.env;
const production = env.NODE_ENV === 'production';
const root = join(import.meta.dirname, '..', '..', '..');

// Parta's own tokens are signed with this secret; the development default is public knowledge.
if (production && !env.PARTA_SERVER_SECRET) {
  console.error('PARTA_SERVER_SECRET must be set in production (the same value in every server process).');
  process.exit(1);
}

// OpenID Connect sign-in needs all four settings; a partial set is a mistake better caught at start.
const oidcEnv = [
  env.PARTA_OIDC_ISSUER,
  env.PARTA_OIDC_CLIENT_ID,
  env.PARTA_OIDC_CLIENT_SECRET,
  env.PARTA_OIDC_REDIRECT_URI,
];
if (oidcEnv.some(Boolean) && !oidcEnv.every(Boolean)) {
  console.error(
    'PARTA_OIDC_ISSUER, PARTA_OIDC_CLIENT_ID, PARTA_OIDC_CLIENT_SECRET and PARTA_OIDC_REDIRECT_URI go together.',
  );
  process.exit(1);
}
const [issuer, clientId, clientSecret, redirectUri] = oidcEnv as string[];

const server = await startServer({
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  databaseUrl: env.DATABASE_URL,
  databasePoolSize: env.PARTA_DB_POOL ? Number(env.PARTA_DB_POOL) : undefined,
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
  corsOrigins: env.PARTA_CORS_ORIGINS ? env.PARTA_CORS_ORIGINS.split(',').map((origin) => origin.trim()) : undefined,
  demoEmbedSecret: env.PARTA_DEMO_SECRET,
  logger: env.PARTA_LOG === '1',
  oidc: issuer
    ? {
        issuer,
        clientId,
        clientSecret,
        redirectUri,
        // Pages a sign-in may return to, comma-separated: origins or URL prefixes of the embedding sites.
        allowedReturnTo: (env.PARTA_OIDC_RETURN_TO ?? '')
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      }
    : undefined,
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
