import { EMBED_TOKEN_AUDIENCE, EMBED_TOKEN_MAX_TTL_S, ErrorCode, PARTA_ISSUER, PartaError } from '@parta/protocol';
import { and, eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Database } from './db/index.ts';
import { organisations, orgMembers } from './db/schema.ts';

export interface Principal {
  userId: string;
  /** The organisation whose site minted the token, or null for Parta's own tokens. */
  orgId: string | null;
  expiresAt: number;
  /** When the person signed in (seconds since the epoch): a refreshed session is capped from it. */
  authTime?: number;
}

const encoder = new TextEncoder();
/** Clock difference tolerated between a host site's backend and this server when judging a token's lifetime. */
const clockSkewS = 60;
/**
 * Tokens whose signature was checked, remembered so that a page's socket and its every
 * request do not pay for the HMAC again (WebCrypto's is a good share of a small request's CPU).
 * Only the signature check is remembered: expiry and the organisation checks run each time.
 */
const verifiedMax = 20_000;

export function createAuth(db: Database, serverSecret: string) {
  const serverKey = encoder.encode(serverSecret);
  const orgKeys = new Map<string, { key: Uint8Array; at: number }>();
  const verified = new Map<
    string,
    { claims: Awaited<ReturnType<typeof jwtVerify>>['payload']; key: Uint8Array; issuer: string }
  >();

  async function orgKey(orgId: string): Promise<Uint8Array | null> {
    const cached = orgKeys.get(orgId);
    if (cached && Date.now() - cached.at < 60_000) return cached.key;
    const [org] = await db
      .select({ secret: organisations.embedSecret })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    if (!org) return null;
    const key = encoder.encode(org.secret);
    orgKeys.set(orgId, { key, at: Date.now() });
    return key;
  }

  async function verify(token: string | undefined): Promise<Principal> {
    if (!token) throw new PartaError(ErrorCode.Unauthorized, 'A bearer token is required');
    // A token seen before was read and checked then: its issuer is remembered with it.
    const remembered = verified.get(token);
    let issuer = remembered?.issuer;
    if (!issuer) {
      let keyId: string | undefined;
      try {
        issuer = decodeJwt(token).iss;
        keyId = decodeProtectedHeader(token).kid;
      } catch {
        throw new PartaError(ErrorCode.Unauthorized, 'The token is not a JWT');
      }
      if (!issuer) throw new PartaError(ErrorCode.Unauthorized, 'The token has no issuer');
      // The key id names the organisation whose secret signed the token; one that disagrees with
      // the issuer is a token built to confuse, not a mistake worth guessing around.
      if (keyId !== undefined && keyId !== issuer) {
        throw new PartaError(ErrorCode.Unauthorized, 'The token key id does not match its issuer');
      }
    }
    const key = issuer === PARTA_ISSUER ? serverKey : await orgKey(issuer);
    if (!key) throw new PartaError(ErrorCode.Unauthorized, 'The token was issued by an unknown organisation');
    // Remembered only while the issuer's key is the one it was checked with (a rotated secret ends it).
    const sameKey = remembered && (remembered.key === key || Buffer.from(remembered.key).equals(key));
    let claims = sameKey ? remembered.claims : undefined;
    if (claims && (claims.exp as number) <= Date.now() / 1000) {
      verified.delete(token);
      throw new PartaError(ErrorCode.TokenExpired, 'The token has expired');
    }
    if (!claims) {
      try {
        ({ payload: claims } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          audience: EMBED_TOKEN_AUDIENCE,
          issuer,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired)
          throw new PartaError(ErrorCode.TokenExpired, 'The token has expired');
        throw new PartaError(ErrorCode.Unauthorized, 'The token is invalid');
      }
      // The oldest go first when full.
      if (verified.size >= verifiedMax) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, key, issuer });
    }
    const userId = claims.sub as string;
    if (issuer !== PARTA_ISSUER) {
      // Embed tokens are short-lived by contract, so a leaked one is worth little.
      if ((claims.exp as number) - Date.now() / 1000 > EMBED_TOKEN_MAX_TTL_S + clockSkewS) {
        throw new PartaError(ErrorCode.Unauthorized, 'An embed token may live at most one hour');
      }
      // An organisation may only speak for its own members: the closed contour starts here.
      const [member] = await db
        .select({ userId: orgMembers.userId })
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, issuer), eq(orgMembers.userId, userId)));
      if (!member) throw new PartaError(ErrorCode.Unauthorized, 'The user is not a member of the issuing organisation');
    }
    return {
      userId,
      orgId: issuer === PARTA_ISSUER ? null : issuer,
      expiresAt: (claims.exp as number) * 1000,
      authTime: typeof claims.auth_time === 'number' ? claims.auth_time : claims.iat,
    };
  }

  /** `authTime` carries the sign-in moment over refreshes, so a session cannot be stretched forever. */
  async function mint(userId: string, ttlSeconds = 15 * 60, authTime?: number) {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    const token = await new SignJWT(authTime === undefined ? {} : { auth_time: authTime })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(PARTA_ISSUER)
      .setSubject(userId)
      .setAudience(EMBED_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(serverKey);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  return { verify, mint };
}

export type Auth = ReturnType<typeof createAuth>;

export function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1];
}
