/** Browser-side helpers for tests that talk to the real server started by server-plugin.mjs. */
import { accountRoutes, TokenResponse } from '@parta/protocol';
import { type ClientOptions, createClient, type PartaClient } from '../src/index.js';

let serverUrl: Promise<string> | undefined;

export function partaUrl(): Promise<string> {
  serverUrl ??= fetch('/parta-test-config.json')
    .then((response) => response.json())
    .then((config: { url: string }) => config.url);
  return serverUrl;
}

/** A fresh token for a seeded user through the dev sign-in. */
export async function devToken(userId: string): Promise<string> {
  const response = await fetch((await partaUrl()) + accountRoutes.devSignIn, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`dev sign-in as ${userId}: ${response.status}`);
  return TokenResponse.parse(await response.json()).token;
}

/** A client signed in as a seeded user; closed by `closeAll`. */
const open: PartaClient[] = [];
export async function clientFor(userId: string, options: Partial<ClientOptions> = {}): Promise<PartaClient> {
  const client = createClient({
    baseUrl: await partaUrl(),
    getToken: () => devToken(userId),
    storage: 'none',
    ...options,
  });
  open.push(client);
  return client;
}

export function closeAll(): void {
  for (const client of open.splice(0)) client.close();
}

/** Resolves with the first value of a store that passes the check. */
export function until<T>(
  store: { subscribe(listener: (value: T) => void): () => void },
  check: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    let last: T | undefined;
    const timer = setTimeout(() => {
      unsubscribe?.();
      reject(new Error(`timed out waiting; last value: ${JSON.stringify(last)?.slice(0, 2000)}`));
    }, timeoutMs);
    let done = false;
    unsubscribe = store.subscribe((value) => {
      last = value;
      if (done || !check(value)) return;
      done = true;
      clearTimeout(timer);
      // Deferred: subscribe() calls back before returning the unsubscriber.
      queueMicrotask(() => unsubscribe?.());
      resolve(value);
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Signs an embed token the way a host site's backend does (HS256 with the organisation's secret). */
export async function embedToken(
  userId: string,
  { orgId = 'demo-school', secret = 'parta-demo-secret', expiresInS = 600 } = {},
): Promise<string> {
  const encode = (value: unknown) =>
    btoa(typeof value === 'string' ? value : JSON.stringify(value))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT', kid: orgId });
  const payload = encode({ iss: orgId, sub: userId, aud: 'parta', iat: now, exp: now + expiresInS });
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${header}.${payload}`)),
  );
  return `${header}.${payload}.${encode(String.fromCharCode(...signature))}`;
}

/** Something held back until `open()`: `passed` resolves then. */
export function gate(): { passed: Promise<void>; open(): void } {
  let open = () => {};
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { passed, open };
}

/**
 * Watches the page's requests without replacing them: `around` gets each one's URL and the
 * way to send it, and may wait before or after. Returns what puts `fetch` back.
 */
export function aroundFetch(around: (url: URL, send: () => Promise<Response>) => Promise<Response>): () => void {
  const real = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    around(new URL(input instanceof Request ? input.url : String(input)), () => real(input, init));
  return () => {
    globalThis.fetch = real;
  };
}
