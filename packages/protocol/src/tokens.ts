import * as z from 'zod/mini';

/**
 * Embed tokens: short-lived JWTs (HS256) that a host site's backend mints
 * with its organisation's secret. `iss` is the organisation id (and `kid` in
 * the header), `sub` the Parta user id. Tokens minted by the Parta server
 * itself (dev sign-in, platform sign-in) carry `iss: "parta"`.
 */
export const EMBED_TOKEN_AUDIENCE = 'parta';
export const PARTA_ISSUER = 'parta';
export const EMBED_TOKEN_MAX_TTL_S = 60 * 60;

export const EmbedTokenClaims = z.object({
  iss: z.string(),
  sub: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  iat: z.optional(z.number()),
});
export type EmbedTokenClaims = z.infer<typeof EmbedTokenClaims>;
