import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  accountRoutes,
  type DevMailboxResponse,
  MeResponse,
  type RefreshResponse,
  routes,
  type SignInResponse,
} from '@parta/protocol';
import { eq } from 'drizzle-orm';
import { decodeJwt, SignJWT } from 'jose';
import Provider from 'oidc-provider';
import type { CodeSender } from './accounts.ts';
import { classes, signInCodes, users } from './db/schema.ts';
import { demo } from './seed.ts';
import { api, backends, devToken, embedToken, testServer } from './test-support.ts';

type ErrorJson = { error: { code: string; message: string } };
const serverSecret = 'accounts-test-secret';
const returnTo = 'https://school.example/lk/chats';
const oidcClient = { id: 'parta-test', secret: 'parta-test-client-secret' };
/** What the provider knows about its people: the standard claims Parta reads names from. */
const providerPeople: Record<string, Record<string, string>> = {
  'ivanova-42': { family_name: 'Иванова', given_name: 'Анна', middle_name: 'Петровна' },
  'nameless-7': {},
};

async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/** A real OpenID Connect provider on 127.0.0.1 whose dev login pages accept any account name. */
async function startProvider(redirectUri: string) {
  const http: Server = createServer();
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const issuer = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['family_name', 'given_name', 'middle_name'] },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, ...providerPeople[id] }) };
    },
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['provider-cookie-key'] },
  });
  http.on('request', provider.callback());
  return {
    issuer,
    close: async () => {
      http.closeAllConnections();
      http.close();
      await once(http, 'close');
    },
  };
}

/** Cookies and manual redirects, as a browser keeps them (by name; every server here is 127.0.0.1). */
function browser() {
  const jar = new Map<string, string>();
  async function request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const gone = attributes.some((attribute) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute));
      if (gone) jar.delete(name);
      else jar.set(name, pair.slice(pair.indexOf('=') + 1));
    }
    const location = response.headers.get('location');
    return { response, location: location ? new URL(location, url).href : null };
  }
  return { jar, request };
}

/**
 * Walks the provider's pages like a person: fills the login form with `account`, confirms consent,
 * and stops at the first redirect that leaves the provider (to Parta's callback).
 */
async function signInAtProvider(
  client: ReturnType<typeof browser>,
  authorizeUrl: string,
  account: string,
  options: { cancel?: boolean } = {},
) {
  let next = await client.request(authorizeUrl);
  const origin = new URL(authorizeUrl).origin;
  for (let step = 0; step < 12; step++) {
    assert.ok(next.location, `the provider should redirect (status ${next.response.status})`);
    if (new URL(next.location).origin !== origin) return next.location;
    next = await client.request(next.location);
    if (next.response.status !== 200) continue;
    const page = await next.response.text();
    const prompt = page.match(/name="prompt" value="(\w+)"/)?.[1];
    const action = page.match(/<form[^>]*action="([^"]+)"/)?.[1];
    assert.ok(prompt && action, 'an interaction page with a form');
    if (options.cancel) {
      const abort = page.match(/<a href="([^"]+)">\[ Cancel \]<\/a>/)?.[1];
      assert.ok(abort, 'a cancel link');
      next = await client.request(new URL(abort, origin).href);
      continue;
    }
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: account, password: 'any' } : { prompt };
    next = await client.request(new URL(action, origin).href, { method: 'POST', form });
  }
  throw new Error('the provider never sent the browser back');
}

const fragmentOf = (location: string) => new URLSearchParams(new URL(location).hash.slice(1));

for (const backend of backends)
  describe(`platform accounts on ${backend}`, () => {
    let server: Awaited<ReturnType<typeof testServer>>;
    let provider: Awaited<ReturnType<typeof startProvider>>;
    let url: string;

    before(async () => {
      const port = await freePort();
      const redirectUri = `http://127.0.0.1:${port}${accountRoutes.oidcCallback}`;
      provider = await startProvider(redirectUri);
      server = await testServer(backend, {
        port,
        serverSecret,
        oidc: {
          issuer: provider.issuer,
          clientId: oidcClient.id,
          clientSecret: oidcClient.secret,
          redirectUri,
          allowedReturnTo: ['https://school.example/lk', 'https://college.example'],
        },
      });
      url = server.url;
    });
    after(async () => {
      await server.close();
      await provider.close();
    });

    const requestCode = (contact: string) =>
      api<{ sent: true } | ErrorJson>(url, null, accountRoutes.authCode, { body: { contact } });
    const verify = (contact: string, code: string) =>
      api<SignInResponse & ErrorJson>(url, null, accountRoutes.authVerify, { body: { contact, code } });
    async function lastCode(to: string): Promise<string> {
      const { body } = await api<DevMailboxResponse>(url, null, accountRoutes.devMailbox);
      const message = body.messages.findLast((entry) => entry.to === to);
      assert.ok(message, `a code was sent to ${to}`);
      return message.code;
    }
    /** Time passes for a contact's code: the request interval is behind it. */
    const ageCode = (contact: string, ms: number) =>
      server.db
        .update(signInCodes)
        .set({ createdAt: new Date(Date.now() - ms) })
        .where(eq(signInCodes.contact, contact));
    const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    async function signInByCode(contact: string, to: string) {
      assert.equal((await requestCode(contact)).status, 200);
      const { status, body } = await verify(contact, await lastCode(to));
      assert.equal(status, 200, JSON.stringify(body));
      return body;
    }

    describe('one-time codes', () => {
      it('a new phone number becomes a new account that still needs a profile', async () => {
        const sent = await requestCode('8 (999) 000-00-01');
        assert.equal(sent.status, 200);
        assert.deepEqual(sent.body, { sent: true });
        const { body: mailbox } = await api<DevMailboxResponse>(url, null, accountRoutes.devMailbox);
        const message = mailbox.messages.at(-1);
        assert.equal(message?.to, '+79990000001');
        assert.match(message?.code ?? '', /^\d{6}$/);
        assert.ok(message?.text.includes(message.code), 'the text carries the code');

        const { status, body } = await verify('+7 999 000 00 01', message?.code ?? '');
        assert.equal(status, 200);
        assert.equal(body.needsProfile, true);
        assert.ok(Date.parse(body.expiresAt) - Date.now() > 59 * 60 * 1000, `lives an hour: ${body.expiresAt}`);
        assert.ok(Date.parse(body.expiresAt) - Date.now() <= 60 * 60 * 1000, `lives an hour: ${body.expiresAt}`);
        const me = await api<MeResponse>(url, body.token, routes.me);
        assert.equal(me.status, 200);
        assert.equal(me.body.user.surname, '');
        assert.equal(me.body.user.name, '');
        const [row] = await server.db.select().from(users).where(eq(users.id, me.body.user.id));
        assert.equal(row?.phone, '+79990000001');
        assert.deepEqual(me.body.organisations, []);
      });

      it('stores only a keyed hash of the code, and a code works once', async () => {
        await requestCode('+79990000002');
        const code = await lastCode('+79990000002');
        const [row] = await server.db.select().from(signInCodes).where(eq(signInCodes.contact, '+79990000002'));
        assert.ok(row, 'the code is stored');
        assert.ok(!row.codeHash.includes(code), 'the stored hash does not reveal the code');
        assert.equal(row.codeHash.length, 64);
        assert.equal((await verify('+79990000002', code)).status, 200);
        const again = await verify('+79990000002', code);
        assert.equal(again.status, 400);
        assert.equal(again.body.error.code, 'code_invalid');
      });

      it('e-mail addresses are compared without case, so the same person gets the same account', async () => {
        const first = await signInByCode('Parent.One@School.Example', 'parent.one@school.example');
        await ageCode('parent.one@school.example', 31_000);
        const second = await signInByCode('parent.one@school.example', 'parent.one@school.example');
        assert.equal(decodeJwt(second.token).sub, decodeJwt(first.token).sub);
        const [row] = await server.db
          .select()
          .from(users)
          .where(eq(users.id, decodeJwt(first.token).sub as string));
        assert.equal(row?.email, 'parent.one@school.example');
      });

      it('a known contact signs in to its existing account, with its organisations', async () => {
        await server.db.update(users).set({ phone: '+79990000010' }).where(eq(users.id, demo.users.teacher));
        const session = await signInByCode('89990000010', '+79990000010');
        assert.equal(session.needsProfile, false);
        assert.equal(decodeJwt(session.token).sub, demo.users.teacher);
        const me = await api<MeResponse>(url, session.token, routes.me);
        assert.equal(me.body.organisations[0]?.organisation.id, demo.orgId);
      });

      it('refuses a wrong code, and burns the code after five wrong attempts', async () => {
        await requestCode('+79990000003');
        const code = await lastCode('+79990000003');
        for (let attempt = 1; attempt <= 5; attempt++) {
          const { status, body } = await verify('+79990000003', wrongCode(code));
          assert.equal(status, 400);
          assert.equal(body.error.code, 'code_invalid');
          assert.ok(body.error.message.length > 10, 'a readable message');
        }
        const right = await verify('+79990000003', code);
        assert.equal(right.status, 400);
        assert.equal(right.body.error.code, 'code_invalid');
        // Burning does not lift the request interval: five more guesses cost another wait.
        assert.equal((await requestCode('+79990000003')).status, 429);
      });

      it('refuses an expired code', async () => {
        await requestCode('+79990000004');
        const code = await lastCode('+79990000004');
        await server.db
          .update(signInCodes)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(signInCodes.contact, '+79990000004'));
        const { status, body } = await verify('+79990000004', code);
        assert.equal(status, 400);
        assert.equal(body.error.code, 'code_invalid');
      });

      it('limits how often a contact is sent codes, and a new code replaces the old one', async () => {
        await requestCode('+79990000005');
        const first = await lastCode('+79990000005');
        const soon = await requestCode('+7 (999) 000-00-05');
        assert.equal(soon.status, 429);
        assert.equal((soon.body as ErrorJson).error.code, 'rate_limited');

        await ageCode('+79990000005', 31_000);
        assert.equal((await requestCode('+79990000005')).status, 200);
        const second = await lastCode('+79990000005');
        const { body: mailbox } = await api<DevMailboxResponse>(url, null, accountRoutes.devMailbox);
        assert.equal(mailbox.messages.filter((message) => message.to === '+79990000005').length, 2);
        if (first !== second) assert.equal((await verify('+79990000005', first)).status, 400);
        assert.equal((await verify('+79990000005', second)).status, 200);
      });

      it('refuses what is neither a phone nor an e-mail, and a code that is not six digits', async () => {
        const contact = await requestCode('call me maybe');
        assert.equal(contact.status, 400);
        assert.equal((contact.body as ErrorJson).error.code, 'bad_request');
        const short = await verify('+79990000006', '123');
        assert.equal(short.status, 400);
        assert.equal(short.body.error.code, 'bad_request');
      });

      it('the dev mailbox keeps the last 50 messages', async () => {
        for (let index = 0; index < 55; index++) await requestCode(`mailbox-${index}@school.example`);
        const { body } = await api<DevMailboxResponse>(url, null, accountRoutes.devMailbox);
        assert.equal(body.messages.length, 50);
        assert.equal(body.messages.at(-1)?.to, 'mailbox-54@school.example');
        assert.ok(!body.messages.some((message) => message.to === 'mailbox-4@school.example'), 'the oldest are gone');
        assert.ok(
          body.messages.some((message) => message.to === 'mailbox-5@school.example'),
          'the 50th newest stays',
        );
      });
    });

    describe('refresh', () => {
      it('renews a sign-in token, keeping the moment of sign-in', async () => {
        const session = await signInByCode('refresh@school.example', 'refresh@school.example');
        const { status, body } = await api<RefreshResponse>(url, session.token, accountRoutes.authRefresh, {
          body: {},
        });
        assert.equal(status, 200);
        const before = decodeJwt(session.token);
        const renewed = decodeJwt(body.token);
        assert.equal(renewed.sub, before.sub);
        assert.equal(renewed.auth_time, before.auth_time);
        assert.equal(typeof renewed.auth_time, 'number');
        assert.ok(Date.parse(body.expiresAt) >= Date.parse(session.expiresAt), 'the renewed token lives longer');
        assert.equal((await api(url, body.token, routes.me)).status, 200);
      });

      it("refuses an organisation's embed token and a missing token", async () => {
        const embed = await api<ErrorJson>(url, await embedToken(demo.users.teacher), accountRoutes.authRefresh, {
          body: {},
        });
        assert.equal(embed.status, 403);
        assert.equal(embed.body.error.code, 'forbidden');
        const none = await api<ErrorJson>(url, null, accountRoutes.authRefresh, { body: {} });
        assert.equal(none.status, 401);
      });

      it('ends a session 30 days after its sign-in however often it is renewed', async () => {
        const signedIn = (authTime: number) =>
          new SignJWT({ auth_time: authTime })
            .setProtectedHeader({ alg: 'HS256' })
            .setIssuer('parta')
            .setSubject(demo.users.student1)
            .setAudience('parta')
            .setIssuedAt()
            .setExpirationTime('10m')
            .sign(new TextEncoder().encode(serverSecret));
        const now = Math.floor(Date.now() / 1000);
        const old = await api<ErrorJson>(url, await signedIn(now - 30 * 24 * 3600 - 5), accountRoutes.authRefresh, {
          body: {},
        });
        assert.equal(old.status, 401);
        assert.equal(old.body.error.code, 'token_expired');

        const cap = now - 30 * 24 * 3600 + 600;
        const nearEnd = await api<RefreshResponse>(url, await signedIn(cap), accountRoutes.authRefresh, { body: {} });
        assert.equal(nearEnd.status, 200);
        assert.ok(
          Math.abs(Date.parse(nearEnd.body.expiresAt) / 1000 - (cap + 30 * 24 * 3600)) <= 2,
          `expires when the session ends, not in an hour: ${nearEnd.body.expiresAt}`,
        );
      });
    });

    describe('profile', () => {
      it('a new account fills its profile and no longer needs one', async () => {
        const session = await signInByCode('+79990000020', '+79990000020');
        assert.equal(session.needsProfile, true);
        const update = {
          surname: 'Смирнова',
          name: 'Ольга',
          patronymic: 'Игоревна',
          sex: 'female',
          birthDate: '1985-04-12',
        };
        const { status, body } = await api<MeResponse>(url, session.token, routes.me, {
          method: 'PATCH',
          body: update,
        });
        assert.equal(status, 200);
        assert.ok(MeResponse.safeParse(body).success, 'the same shape GET me answers');
        assert.equal(body.user.surname, 'Смирнова');
        assert.equal(body.user.name, 'Ольга');
        assert.deepEqual(body.profile, {
          patronymic: 'Игоревна',
          sex: 'female',
          birthDate: '1985-04-12',
          phone: '+79990000020',
          email: null,
        });
        // Absent fields stay as they are; null clears an optional one.
        const second = await api<MeResponse>(url, session.token, routes.me, { method: 'PATCH', body: { sex: null } });
        assert.equal(second.body.profile.sex, null);
        assert.equal(second.body.profile.patronymic, 'Игоревна');

        await ageCode('+79990000020', 31_000);
        const again = await signInByCode('+79990000020', '+79990000020');
        assert.equal(again.needsProfile, false);
      });

      it('refuses an empty name, an impossible date and a missing token', async () => {
        const token = await devToken(url, demo.users.student2);
        for (const body of [
          { surname: '  ' },
          { birthDate: '2010-02-30' },
          { sex: 'other' },
          { birthDate: '2999-01-01' },
        ]) {
          const { status, body: error } = await api<ErrorJson>(url, token, routes.me, { method: 'PATCH', body });
          assert.equal(status, 400, JSON.stringify(body));
          assert.equal(error.error.code, 'bad_request');
        }
        const [row] = await server.db.select().from(users).where(eq(users.id, demo.users.student2));
        assert.notEqual(row?.surname.trim(), '');
        assert.equal((await api(url, null, routes.me, { method: 'PATCH', body: { name: 'Никто' } })).status, 401);
      });

      it('lists the classes a teacher leads, leaving out archived ones', async () => {
        await server.db.insert(classes).values({
          id: 'c-archived',
          orgId: demo.orgId,
          number: 5,
          letter: 'Б',
          academicYear: '2020/2021',
          leadUserId: demo.users.teacher,
          archived: true,
        });
        const token = await devToken(url, demo.users.teacher);
        const { body } = await api<MeResponse>(url, token, routes.me, { method: 'PATCH', body: {} });
        const membership = body.organisations.find((entry) => entry.organisation.id === demo.orgId)?.membership;
        assert.deepEqual(membership?.leadClassIds, [demo.classId]);
        assert.ok(membership?.roles.length, 'the membership carries roles');
        assert.equal(body.profile.patronymic, 'Ивановна');
      });
    });

    describe('OpenID Connect', () => {
      async function startFlow(client: ReturnType<typeof browser>, page = returnTo) {
        const start = await client.request(`${url}${accountRoutes.oidcStart}?returnTo=${encodeURIComponent(page)}`);
        assert.equal(start.response.status, 302);
        assert.ok(start.location?.startsWith(provider.issuer), `to the provider: ${start.location}`);
        return start.location ?? '';
      }

      it('signs a new person in with the names the provider knows, and returns to the page', async () => {
        const client = browser();
        const authorize = new URL(await startFlow(client));
        assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
        assert.ok(authorize.searchParams.get('state'), 'a state');
        const callback = await signInAtProvider(client, authorize.href, 'ivanova-42');
        assert.ok(callback.startsWith(`${url}${accountRoutes.oidcCallback}?`), `back at the callback: ${callback}`);
        const done = await client.request(callback);
        assert.equal(done.response.status, 302);
        assert.ok(done.location?.startsWith(`${returnTo}#`), `back on the page: ${done.location}`);
        const fragment = fragmentOf(done.location ?? '');
        const token = fragment.get('parta_token') ?? '';
        assert.ok(Date.parse(fragment.get('expires_at') ?? '') > Date.now(), 'an expiry in the future');
        assert.equal(fragment.get('needs_profile'), 'false');

        const me = await api<MeResponse>(url, token, routes.me, { method: 'PATCH', body: {} });
        assert.equal(me.status, 200);
        assert.equal(me.body.user.surname, 'Иванова');
        assert.equal(me.body.user.name, 'Анна');
        assert.equal(me.body.profile.patronymic, 'Петровна');
        const [row] = await server.db.select().from(users).where(eq(users.id, me.body.user.id));
        assert.equal(row?.oidcSubject, `${provider.issuer}|ivanova-42`);

        // The person renames themself; the next sign-in finds the same account and keeps their own name.
        await api(url, token, routes.me, { method: 'PATCH', body: { name: 'Аня' } });
        const client2 = browser();
        const done2 = await client2.request(await signInAtProvider(client2, await startFlow(client2), 'ivanova-42'));
        const token2 = fragmentOf(done2.location ?? '').get('parta_token') ?? '';
        assert.equal(decodeJwt(token2).sub, me.body.user.id);
        const me2 = await api<MeResponse>(url, token2, routes.me, { method: 'PATCH', body: {} });
        assert.equal(me2.body.user.name, 'Аня');
      });

      it('a person the provider knows no names of still needs a profile', async () => {
        const client = browser();
        const done = await client.request(await signInAtProvider(client, await startFlow(client), 'nameless-7'));
        assert.equal(fragmentOf(done.location ?? '').get('needs_profile'), 'true');
      });

      it('is not an open redirect: only allowed pages may be returned to', async () => {
        for (const page of [
          'https://evil.example/lk',
          'https://school.example.evil.example/lk',
          'https://school.example/lkx',
          'http://school.example/lk',
          'javascript:alert(1)',
        ]) {
          const { response, location } = await browser().request(
            `${url}${accountRoutes.oidcStart}?returnTo=${encodeURIComponent(page)}`,
          );
          assert.equal(response.status, 400, page);
          assert.equal(location, null);
          assert.equal(((await response.json()) as ErrorJson).error.code, 'bad_request');
        }
        const deeper = await browser().request(
          `${url}${accountRoutes.oidcStart}?returnTo=${encodeURIComponent('https://college.example/any/page')}`,
        );
        assert.equal(deeper.response.status, 302);
      });

      it('refuses a callback from another browser or with a changed state', async () => {
        const client = browser();
        const callback = await signInAtProvider(client, await startFlow(client), 'ivanova-42');
        const stranger = await browser().request(callback);
        assert.equal(stranger.response.status, 400);
        assert.equal(stranger.location, null);

        const changed = new URL(callback);
        changed.searchParams.set('state', 'forged-state');
        const forged = await client.request(changed.href);
        assert.equal(forged.response.status, 400);
        assert.equal(((await forged.response.json()) as ErrorJson).error.code, 'bad_request');
      });

      it('brings a person who cancels at the provider back with an error instead of a token', async () => {
        const client = browser();
        const callback = await signInAtProvider(client, await startFlow(client), 'ivanova-42', { cancel: true });
        const done = await client.request(callback);
        assert.equal(done.response.status, 302);
        const fragment = fragmentOf(done.location ?? '');
        assert.ok(done.location?.startsWith(`${returnTo}#`), `back on the page: ${done.location}`);
        assert.equal(fragment.get('parta_error'), 'unauthorized');
        assert.equal(fragment.get('parta_token'), null);
      });
    });
  });

describe('accounts without configuration', () => {
  const backend = backends.at(-1) ?? 'pglite';

  it('without dev auth or a sender, codes are refused clearly and there is no mailbox or OIDC', async () => {
    const server = await testServer(backend, { devAuth: false, seed: false });
    try {
      const code = await api<ErrorJson>(server.url, null, accountRoutes.authCode, {
        body: { contact: '+79990000001' },
      });
      assert.equal(code.status, 404);
      assert.match(code.body.error.message, /not configured/);
      assert.equal((await api(server.url, null, accountRoutes.devMailbox)).status, 404);
      for (const route of [accountRoutes.oidcStart, accountRoutes.oidcCallback]) {
        const { status, body } = await api<ErrorJson>(server.url, null, route);
        assert.equal(status, 404);
        assert.equal(body.error.code, 'not_found');
      }
    } finally {
      await server.close();
    }
  });

  it('a configured sender delivers the code, and a failed delivery does not hold the contact back', async () => {
    const sent: { to: string; text: string; code: string }[] = [];
    let failing = true;
    const codeSender: CodeSender = {
      async send(to, text, code) {
        if (failing) throw new Error('the SMS gateway is down');
        sent.push({ to, text, code });
      },
    };
    const server = await testServer(backend, { devAuth: false, seed: false, codeSender });
    try {
      const failed = await api<ErrorJson>(server.url, null, accountRoutes.authCode, {
        body: { contact: '+79990000001' },
      });
      assert.equal(failed.status, 500);
      assert.match(failed.body.error.message, /could not be sent/);
      failing = false;
      const ok = await api(server.url, null, accountRoutes.authCode, { body: { contact: '+79990000001' } });
      assert.equal(ok.status, 200);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]?.to, '+79990000001');
      const session = await api<SignInResponse>(server.url, null, accountRoutes.authVerify, {
        body: { contact: '+79990000001', code: sent[0]?.code },
      });
      assert.equal(session.status, 200);
      assert.equal(session.body.needsProfile, true);
      assert.equal((await api(server.url, null, accountRoutes.devMailbox)).status, 404);
    } finally {
      await server.close();
    }
  });
});
