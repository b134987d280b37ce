import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import {
  accountRoutes,
  ErrorCode,
  type MeResponse,
  OidcStartQuery,
  PartaError,
  type RefreshResponse,
  RequestCodeBody,
  type Role,
  routes,
  type SignInResponse,
  UpdateProfileBody,
  VerifyCodeBody,
} from '@parta/protocol';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EncryptJWT, jwtDecrypt } from 'jose';
import * as oidc from 'openid-client';
import * as z from 'zod/mini';
import { userSummary } from './chats.ts';
import { parse, type ServerContext } from './context.ts';
import type { Database } from './db/index.ts';
import { classes, organisations, orgMembers, signInCodes, users } from './db/schema.ts';

/** Delivers a one-time sign-in code by SMS, e-mail or whatever the deployment has. */
export interface CodeSender {
  /** `to` is the normalised phone (`+79990000000`) or lower-case e-mail; `text` is ready to send as is. */
  send(to: string, text: string, code: string): Promise<void>;
}

/** Sign-in through an external OpenID Connect provider (authorization code with PKCE). */
export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * This server's callback (`…/api/v1/auth/oidc/callback`) as the browser sees it; registered at the provider.
   * It must be on the same host that serves the start route, which keeps the flow's state in a cookie.
   */
  redirectUri: string;
  /** Pages a successful sign-in may return to: an origin allows all its pages, a URL its path and below. */
  allowedReturnTo: string[];
}

export interface AccountOptions {
  /** Without it only development servers (with the dev mailbox) can send codes. */
  codeSender?: CodeSender;
  oidc?: OidcOptions;
  /** The server secret: keys for code hashes and the OIDC state cookie are derived from it. */
  secret: string;
}

export const signInTtlS = 60 * 60;
/** However often it is refreshed, a session ends this long after its sign-in. */
export const sessionMaxS = 30 * 24 * 60 * 60;
const codeTtlMs = 10 * 60 * 1000;
const codeMaxAttempts = 5;
/** A contact may be sent a code at most this often: codes cost money and annoy people. */
const codeIntervalMs = 30 * 1000;
const mailboxSize = 50;
const stateTtlS = 10 * 60;
const stateCookie = 'parta_oidc';

/** `+` and digits for a phone (a Russian `8…` becomes `+7…`), lower case for an e-mail. */
export function normaliseContact(contact: string): string {
  const value = contact.trim();
  if (value.includes('@')) return value.toLowerCase();
  return `+${value.replace(/\D/g, '').replace(/^8(\d{10})$/, '7$1')}`;
}

const derivedKey = (secret: string, purpose: string) =>
  new Uint8Array(hkdfSync('sha256', secret, 'parta', purpose, 32));

/**
 * The full `GET me` body: who the user is, their own profile and their memberships;
 * `site` is the organisation whose site's token asks, or null for Parta's own tokens.
 */
export async function meResponse(db: Database, userId: string, site: string | null): Promise<MeResponse> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new PartaError(ErrorCode.Unauthorized, 'The user no longer exists');
  const rows = await db
    .select({ org: organisations, member: orgMembers })
    .from(orgMembers)
    .innerJoin(organisations, eq(organisations.id, orgMembers.orgId))
    .where(eq(orgMembers.userId, userId))
    .orderBy(asc(orgMembers.joinedAt), asc(organisations.id));
  const led = await db
    .select({ id: classes.id, orgId: classes.orgId })
    .from(classes)
    .where(and(eq(classes.leadUserId, userId), eq(classes.archived, false)))
    .orderBy(asc(classes.number), asc(classes.letter));
  return {
    user: userSummary(user),
    profile: {
      patronymic: user.patronymic,
      sex: user.sex,
      birthDate: user.birthDate,
      phone: user.phone,
      email: user.email,
    },
    organisations: rows.map(({ org, member }) => ({
      organisation: { id: org.id, type: org.type, name: org.name },
      membership: {
        orgId: org.id,
        roles: member.roles as Role[],
        classId: member.classId,
        leadClassIds: led.filter((row) => row.orgId === org.id).map((row) => row.id),
        position: member.position,
      },
    })),
    site,
  };
}

/** Platform sign-in (one-time codes by phone or e-mail, OpenID Connect) and the user's own profile. */
export async function registerAccountRoutes(
  app: FastifyInstance,
  context: ServerContext,
  options: AccountOptions,
): Promise<void> {
  const { db, auth } = context;
  const mailbox: { to: string; text: string; code: string; at: string }[] = [];
  const devMailbox: CodeSender = {
    async send(to, text, code) {
      console.log(`[parta] sign-in code for ${to}: ${code}`);
      mailbox.push({ to, text, code, at: new Date().toISOString() });
      mailbox.splice(0, mailbox.length - mailboxSize);
    },
  };
  const sender = options.codeSender ?? (context.devAuth ? devMailbox : undefined);
  // A keyed hash: six digits are a million guesses, so a plain hash of a leaked row would give the code away.
  const codeKey = derivedKey(options.secret, 'sign-in code');
  const codeHash = (contact: string, code: string) =>
    createHmac('sha256', codeKey).update(`${contact}\n${code}`).digest('hex');

  async function signIn(userId: string, needsProfile: boolean): Promise<SignInResponse> {
    const { token, expiresAt } = await auth.mint(userId, signInTtlS, Math.floor(Date.now() / 1000));
    return { token, expiresAt, needsProfile };
  }

  app.post(accountRoutes.authCode, async (request) => {
    const { contact: raw } = parse(RequestCodeBody, request.body) as { contact: string };
    if (!sender) {
      throw new PartaError(ErrorCode.NotFound, 'Sign-in by one-time code is not configured on this server');
    }
    const contact = normaliseContact(raw);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = new Date();
    const values = {
      codeHash: codeHash(contact, code),
      expiresAt: new Date(now.getTime() + codeTtlMs),
      attempts: 0,
      createdAt: now,
    };
    // Abandoned codes would otherwise stay forever; a day's grace keeps the table small and cheap to scan.
    await db.delete(signInCodes).where(lt(signInCodes.expiresAt, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
    // One statement decides both "replace the old code" and "not too often", so two racing requests cannot both send.
    const stored = await db
      .insert(signInCodes)
      .values({ contact, ...values })
      .onConflictDoUpdate({
        target: signInCodes.contact,
        set: values,
        setWhere: lt(signInCodes.createdAt, new Date(now.getTime() - codeIntervalMs)),
      })
      .returning({ contact: signInCodes.contact });
    if (stored.length === 0) {
      throw new PartaError(ErrorCode.RateLimited, 'A code was sent to this contact moments ago; wait half a minute');
    }
    try {
      await sender.send(contact, `Код для входа в Parta: ${code}. Он действует 10 минут.`, code);
    } catch (error) {
      // A code nobody received must not hold the contact back from asking again.
      await db
        .delete(signInCodes)
        .where(and(eq(signInCodes.contact, contact), eq(signInCodes.codeHash, values.codeHash)));
      app.log.error(error);
      throw new PartaError(ErrorCode.Internal, 'The code could not be sent; try again later');
    }
    return { sent: true };
  });

  app.post(accountRoutes.authVerify, async (request): Promise<SignInResponse> => {
    const body = parse(VerifyCodeBody, request.body);
    const contact = normaliseContact(body.contact);
    const now = new Date();
    // Counting the attempt before comparing means parallel guesses cannot exceed the limit.
    const [row] = await db
      .update(signInCodes)
      .set({ attempts: sql`${signInCodes.attempts} + 1` })
      .where(
        and(
          eq(signInCodes.contact, contact),
          lt(signInCodes.attempts, codeMaxAttempts),
          gt(signInCodes.expiresAt, now),
        ),
      )
      .returning({ codeHash: signInCodes.codeHash, attempts: signInCodes.attempts });
    if (!row) throw new PartaError(ErrorCode.CodeInvalid, 'The code has expired or was never sent; request a new one');
    const given = Buffer.from(codeHash(contact, body.code), 'hex');
    if (!timingSafeEqual(given, Buffer.from(row.codeHash, 'hex'))) {
      const left = codeMaxAttempts - row.attempts;
      // A burnt code stays until it is replaced, so the request interval still holds after five wrong guesses.
      throw new PartaError(
        ErrorCode.CodeInvalid,
        left > 0 ? `The code is wrong; ${left} attempts left` : 'The code is wrong too many times; request a new one',
      );
    }
    const consumed = await db
      .delete(signInCodes)
      .where(and(eq(signInCodes.contact, contact), eq(signInCodes.codeHash, row.codeHash)))
      .returning({ contact: signInCodes.contact });
    if (consumed.length === 0) throw new PartaError(ErrorCode.CodeInvalid, 'The code has already been used');

    const column = contact.includes('@') ? users.email : users.phone;
    let [user] = await db.select().from(users).where(eq(column, contact));
    if (!user) {
      const contactField = contact.includes('@') ? { email: contact } : { phone: contact };
      await db
        .insert(users)
        .values({ id: `u-${crypto.randomUUID()}`, surname: '', name: '', ...contactField })
        .onConflictDoNothing();
      [user] = await db.select().from(users).where(eq(column, contact));
    }
    if (!user) throw new PartaError(ErrorCode.Internal, 'The account could not be created');
    return signIn(user.id, !user.surname || !user.name);
  });

  app.post(accountRoutes.authRefresh, async (request): Promise<RefreshResponse> => {
    const principal = await context.principal(request);
    if (principal.orgId !== null) {
      throw new PartaError(ErrorCode.Forbidden, "An organisation's embed token is renewed by its own site, not here");
    }
    if (principal.authTime === undefined) throw new PartaError(ErrorCode.Unauthorized, 'Sign in again');
    const left = principal.authTime + sessionMaxS - Math.floor(Date.now() / 1000);
    if (left <= 0) throw new PartaError(ErrorCode.TokenExpired, 'The session is 30 days old; sign in again');
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, principal.userId));
    if (!user) throw new PartaError(ErrorCode.Unauthorized, 'The user no longer exists');
    return auth.mint(user.id, Math.min(signInTtlS, left), principal.authTime);
  });

  app.patch(routes.me, async (request): Promise<MeResponse> => {
    const { userId, orgId } = await context.principal(request);
    const body = parse(UpdateProfileBody, request.body ?? {});
    if (body.birthDate != null && !plausibleBirthDate(body.birthDate)) {
      throw new PartaError(ErrorCode.BadRequest, 'Invalid request: birthDate: no such date, or one in the future');
    }
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(eq(users.id, userId));
    return meResponse(db, userId, orgId);
  });

  if (context.devAuth) app.get(accountRoutes.devMailbox, async () => ({ messages: mailbox }));

  registerOidcRoutes(app, context, options, signIn);
}

function plausibleBirthDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() <= Date.now();
}

const CallbackQuery = z.object({ state: z.optional(z.string()) });
const StateClaims = z.object({ state: z.string(), verifier: z.string(), nonce: z.string(), returnTo: z.string() });
type StateClaims = z.infer<typeof StateClaims>;

function registerOidcRoutes(
  app: FastifyInstance,
  context: ServerContext,
  options: AccountOptions,
  signIn: (userId: string, needsProfile: boolean) => Promise<SignInResponse>,
) {
  const settings = options.oidc;
  const notConfigured = () => new PartaError(ErrorCode.NotFound, 'Sign-in through OpenID Connect is not configured');
  if (!settings) {
    app.get(accountRoutes.oidcStart, async () => {
      throw notConfigured();
    });
    app.get(accountRoutes.oidcCallback, async () => {
      throw notConfigured();
    });
    return;
  }
  const { db } = context;
  const stateKey = derivedKey(options.secret, 'oidc state');
  const redirectUri = new URL(settings.redirectUri);
  const allowed = settings.allowedReturnTo.map((entry) => new URL(entry));
  const cookieAttributes = `Path=${redirectUri.pathname}; HttpOnly; SameSite=Lax${redirectUri.protocol === 'https:' ? '; Secure' : ''}`;

  // Discovery waits for the first sign-in, so a provider that is down does not keep the server from starting.
  let configuration: Promise<oidc.Configuration> | undefined;
  const provider = () => {
    configuration ??= discover(settings).catch((error) => {
      configuration = undefined;
      app.log.error(error);
      throw new PartaError(ErrorCode.Internal, 'The sign-in provider cannot be reached; try again later');
    });
    return configuration;
  };

  function allowedReturnTo(value: string | undefined): string {
    if (value === undefined) {
      const first = settings?.allowedReturnTo[0];
      if (first) return first;
      throw new PartaError(ErrorCode.BadRequest, 'Invalid request: returnTo is required');
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new PartaError(ErrorCode.BadRequest, 'Invalid request: returnTo must be an absolute URL');
    }
    const permitted = allowed.some(
      (entry) =>
        entry.origin === url.origin &&
        (entry.pathname === '/' ||
          url.pathname === entry.pathname ||
          url.pathname.startsWith(entry.pathname.endsWith('/') ? entry.pathname : `${entry.pathname}/`)),
    );
    // Anything else would make this server an open redirect that hands out tokens.
    if (!permitted) throw new PartaError(ErrorCode.BadRequest, 'Invalid request: returnTo is not an allowed page');
    url.hash = '';
    return url.href;
  }

  app.get(accountRoutes.oidcStart, async (request, reply) => {
    const query = parse(OidcStartQuery, request.query);
    const returnTo = allowedReturnTo(query.returnTo);
    const config = await provider();
    const claims: StateClaims = {
      state: oidc.randomState(),
      verifier: oidc.randomPKCECodeVerifier(),
      nonce: oidc.randomNonce(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(claims.verifier),
      code_challenge_method: 'S256',
      state: claims.state,
      nonce: claims.nonce,
    });
    // Encrypted, because the PKCE verifier must stay secret from everyone but this server.
    const sealed = await new EncryptJWT(claims)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${stateTtlS}s`)
      .encrypt(stateKey);
    return reply
      .header('set-cookie', `${stateCookie}=${sealed}; Max-Age=${stateTtlS}; ${cookieAttributes}`)
      .header('cache-control', 'no-store')
      .redirect(url.href, 302);
  });

  app.get(accountRoutes.oidcCallback, async (request, reply) => {
    const query = parse(CallbackQuery, request.query);
    const flow = await openState(request);
    if (!query.state || query.state !== flow.state) {
      throw new PartaError(ErrorCode.BadRequest, 'Invalid request: the sign-in state does not match; start again');
    }
    reply.header('set-cookie', `${stateCookie}=; Max-Age=0; ${cookieAttributes}`).header('cache-control', 'no-store');
    const back = (fragment: Record<string, string>) =>
      reply.redirect(`${flow.returnTo}#${new URLSearchParams(fragment)}`, 302);

    let claims: Record<string, unknown>;
    let issuer: string;
    try {
      const config = await provider();
      issuer = config.serverMetadata().issuer;
      const currentUrl = new URL(settings.redirectUri);
      currentUrl.search = new URL(request.url, 'http://callback').search;
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('The provider sent no ID token');
      claims = { ...idClaims };
      // Providers commonly keep names out of the ID token of a code flow and answer them at userinfo.
      if (config.serverMetadata().userinfo_endpoint) {
        claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...claims };
      }
    } catch (error) {
      request.log.warn(error);
      const message = error instanceof Error ? error.message : 'The sign-in provider refused';
      return back({ parta_error: ErrorCode.Unauthorized, parta_error_message: message });
    }

    const user = await findOrCreateOidcUser(db, `${issuer}|${String(claims.sub)}`, claims);
    const session = await signIn(user.id, !user.surname || !user.name);
    return back({
      parta_token: session.token,
      expires_at: session.expiresAt,
      needs_profile: String(session.needsProfile),
    });
  });

  async function openState(request: FastifyRequest): Promise<StateClaims> {
    const sealed = cookie(request, stateCookie);
    if (!sealed)
      throw new PartaError(ErrorCode.BadRequest, 'Invalid request: the sign-in has not started here; start again');
    try {
      const { payload } = await jwtDecrypt(sealed, stateKey);
      return parse(StateClaims, payload);
    } catch {
      throw new PartaError(
        ErrorCode.BadRequest,
        'Invalid request: the sign-in took too long or was altered; start again',
      );
    }
  }
}

async function discover(settings: OidcOptions): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain HTTP only to a provider on this machine, as in development and tests.
  const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
  return oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
    execute: local ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
}

/** Names the provider vouches for fill the profile only where the person has not written their own. */
async function findOrCreateOidcUser(db: Database, subject: string, claims: Record<string, unknown>) {
  const claim = (key: string) => {
    const value = claims[key];
    return typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : null;
  };
  const names = { surname: claim('family_name'), name: claim('given_name'), patronymic: claim('middle_name') };
  await db
    .insert(users)
    .values({
      id: `u-${crypto.randomUUID()}`,
      surname: names.surname ?? '',
      name: names.name ?? '',
      patronymic: names.patronymic,
      oidcSubject: subject,
    })
    .onConflictDoNothing();
  const [user] = await db.select().from(users).where(eq(users.oidcSubject, subject));
  if (!user) throw new PartaError(ErrorCode.Internal, 'The account could not be created');
  const fill = {
    ...(!user.surname && names.surname ? { surname: names.surname } : {}),
    ...(!user.name && names.name ? { name: names.name } : {}),
    ...(!user.patronymic && names.patronymic ? { patronymic: names.patronymic } : {}),
  };
  if (Object.keys(fill).length > 0) await db.update(users).set(fill).where(eq(users.id, user.id));
  return { ...user, ...fill };
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
