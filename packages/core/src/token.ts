/** Supplies an embed token; called again whenever the current one nears expiry. */
export type GetToken = () => string | Promise<string>;

/** Refresh this long before `exp`, so no request ever leaves with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

export interface TokenClaims {
  sub?: string;
  iss?: string;
  exp?: number;
}

/**
 * Reads a JWT's claims without verifying it: the client only needs `exp` to
 * schedule a refresh and `sub` to scope its cache. The server verifies.
 */
export function decodeToken(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as TokenClaims) : {};
  } catch {
    return {};
  }
}

/**
 * Holds the current token, asks the host for a new one shortly before it
 * expires, and lets concurrent callers share one pending request.
 */
export class TokenManager {
  #getToken: GetToken;
  #token: string | null = null;
  #expiresAt = Number.POSITIVE_INFINITY;
  #pending: Promise<string> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #paused = false;

  constructor(getToken: GetToken) {
    this.#getToken = getToken;
  }

  /** The user the current token speaks for, if known. */
  get claims(): TokenClaims {
    return this.#claims;
  }

  /** Decoded once per token: widgets ask for the user id on every render. */
  #claims: TokenClaims = {};

  /** A token that stays valid for at least the refresh margin, fetching one if needed. */
  get(): Promise<string> {
    if (this.#token && this.#expiresAt - Date.now() > REFRESH_MARGIN_MS) return Promise.resolve(this.#token);
    return this.refresh();
  }

  /**
   * Asks the host for a fresh token. Whatever it returns is used as is: a host
   * whose clock runs behind would otherwise make us ask in a loop.
   */
  refresh(): Promise<string> {
    this.#pending ??= (async () => {
      try {
        const token = await this.#getToken();
        if (typeof token !== 'string' || token === '') throw new TypeError('getToken returned no token');
        this.#set(token);
        return token;
      } finally {
        this.#pending = null;
      }
    })();
    return this.#pending;
  }

  /** Forget the current token, e.g. after the server called it expired. */
  invalidate(): void {
    this.#token = null;
    this.#claims = {};
    this.#expiresAt = Number.POSITIVE_INFINITY;
    clearTimeout(this.#timer);
  }

  /** Stop refreshing ahead of time (nothing is using the client); `get()` still refreshes on demand. */
  pause(): void {
    this.#paused = true;
    clearTimeout(this.#timer);
  }

  resume(): void {
    this.#paused = false;
    this.#arm();
  }

  dispose(): void {
    this.pause();
  }

  #set(token: string) {
    this.#token = token;
    this.#claims = decodeToken(token);
    const { exp } = this.#claims;
    this.#expiresAt = typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY;
    this.#arm();
  }

  #arm() {
    clearTimeout(this.#timer);
    if (this.#paused || !this.#token) return;
    if (Number.isFinite(this.#expiresAt)) {
      const due = this.#expiresAt - REFRESH_MARGIN_MS - Date.now();
      // A token that is already inside the margin is not refreshed on a timer:
      // the next request asks anyway, and a timer here could spin.
      if (due > 0) {
        this.#timer = setTimeout(
          () => {
            this.refresh().catch(() => {});
          },
          Math.min(due, 2 ** 31 - 1),
        );
      }
    }
  }
}
