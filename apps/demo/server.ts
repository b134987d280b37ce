/**
 * The demo school website's backend. It does what any host site does to embed
 * Parta: keeps its own sign-in, and mints short-lived embed tokens for the
 * signed-in user with the organisation's secret, so the secret never reaches
 * the browser.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { SignJWT } from 'jose';
import { demoAccounts, demoOrgId } from './accounts.ts';

export interface DemoOptions {
  port?: number;
  host?: string;
  /** Where the browser reaches the Parta server. */
  partaUrl: string;
  /** The organisation's embed secret, shared with the Parta server. */
  embedSecret?: string;
  /** Built front-end (vite build output). */
  distDir?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const cookieName = 'demo_session';
const tokenTtlSeconds = 10 * 60;

function sign(value: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(value).digest('base64url');
  return `${value}.${mac}`;
}

function unsign(signed: string | undefined, secret: string): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf('.');
  if (dot < 0) return null;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(sign(value, secret));
  const given = Buffer.from(signed);
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : null;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export async function startDemo(options: DemoOptions) {
  const secret = options.embedSecret ?? process.env.PARTA_DEMO_SECRET ?? 'parta-demo-secret';
  const distDir = options.distDir ?? join(here, 'dist');
  const key = new TextEncoder().encode(secret);
  const app = Fastify({ logger: false });

  const currentAccount = (cookieHeader: string | undefined) => {
    const login = unsign(readCookie(cookieHeader, cookieName), secret);
    return demoAccounts.find((account) => account.login === login) ?? null;
  };

  const partaOrigin = new URL(options.partaUrl).origin;
  const partaWs = partaOrigin.replace(/^http/, 'ws');
  // The widgets must work under a strict policy: no inline scripts, no eval.
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${partaOrigin} ${partaWs} ws://127.0.0.1:* ws://localhost:*`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
  ].join('; ');

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', csp);
  });

  const page = async (name: string) => {
    const html = await readFile(join(distDir, name), 'utf8');
    return html.replaceAll('__PARTA_URL__', options.partaUrl);
  };
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(await page('index.html')));
  for (const name of ['admin.html', 'join.html', 'verify.html', 'mailbox.html']) {
    app.get(`/${name}`, async (_request, reply) => reply.type('text/html; charset=utf-8').send(await page(name)));
  }

  app.get('/session', async (request, reply) => {
    const account = currentAccount(request.headers.cookie);
    reply.header('cache-control', 'no-store');
    return { account, accounts: demoAccounts };
  });

  app.post<{ Body: { login?: string } }>('/login', async (request, reply) => {
    const account = demoAccounts.find((candidate) => candidate.login === request.body?.login);
    if (!account) return reply.code(400).send({ error: 'unknown account' });
    reply.header(
      'set-cookie',
      `${cookieName}=${encodeURIComponent(sign(account.login, secret))}; Path=/; HttpOnly; SameSite=Lax`,
    );
    return { account };
  });

  app.post('/logout', async (_request, reply) => {
    reply.header('set-cookie', `${cookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    return { ok: true };
  });

  /** The token route every host site provides: an embed token for whoever is signed in here. */
  app.get('/parta-token', async (request, reply) => {
    const account = currentAccount(request.headers.cookie);
    if (!account) return reply.code(401).send({ error: 'not signed in' });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: demoOrgId })
      .setIssuer(demoOrgId)
      .setSubject(account.partaUserId)
      .setAudience('parta')
      .setIssuedAt()
      .setExpirationTime(`${tokenTtlSeconds}s`)
      .sign(key);
    reply.header('cache-control', 'no-store');
    return { token };
  });

  await app.register(fastifyStatic, { root: distDir, index: false, wildcard: true });

  const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  return { app, url: address.replace('[::1]', 'localhost'), close: () => app.close() };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const partaUrl = process.env.PARTA_URL ?? 'http://127.0.0.1:8787';
  const demo = await startDemo({ partaUrl, port: Number(process.env.DEMO_PORT ?? 8080) });
  console.log(`Demo school website: ${demo.url}`);
}
