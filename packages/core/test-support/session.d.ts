import { type ClientOptions, type PartaClient } from '../src/index.js';
export declare function partaUrl(): Promise<string>;
/** A fresh token for a seeded user through the dev sign-in. */
export declare function devToken(userId: string): Promise<string>;
export declare function clientFor(userId: string, options?: Partial<ClientOptions>): Promise<PartaClient>;
export declare function closeAll(): void;
/** Resolves with the first value of a store that passes the check. */
export declare function until<T>(
  store: {
    subscribe(listener: (value: T) => void): () => void;
  },
  check: (value: T) => boolean,
  timeoutMs?: number,
): Promise<T>;
export declare const sleep: (ms: number) => Promise<unknown>;
export declare const unique: (label: string) => string;
/** Signs an embed token the way a host site's backend does (HS256 with the organisation's secret). */
export declare function embedToken(
  userId: string,
  {
    orgId,
    secret,
    expiresInS,
  }?: {
    orgId?: string | undefined;
    secret?: string | undefined;
    expiresInS?: number | undefined;
  },
): Promise<string>;
//# sourceMappingURL=session.d.ts.map
