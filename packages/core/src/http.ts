import { PartaError } from '@parta/protocol';
import { errorFromResponse, NetworkError } from './errors.js';
import type { TokenManager } from './token.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Fetch with the bearer token and typed errors. The answer is typed, not
 * validated: the client trusts its own server, which validates every request
 * and whose answers the server's tests check against the protocol's schemas;
 * so the widgets' pages ship no schema library.
 */
export class Http {
  readonly baseUrl: string;
  #tokens: TokenManager;

  constructor(baseUrl: string, tokens: TokenManager) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.#tokens = tokens;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    let response = await this.#send(path, options, await this.#tokens.get());
    if (response.status === 401) {
      const error = await errorFromResponse(response);
      if (error.code !== 'token_expired') throw error;
      // The token died on the way (clock skew, a sleeping laptop): refresh and retry once.
      this.#tokens.invalidate();
      response = await this.#send(path, options, await this.#tokens.refresh());
    }
    if (!response.ok) throw await errorFromResponse(response);
    try {
      return (await response.json()) as T;
    } catch {
      throw new PartaError('internal', `${path}: the response is not JSON`);
    }
  }

  url(path: string, query?: RequestOptions['query']): string {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  async #send(path: string, options: RequestOptions, token: string): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(this.url(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new NetworkError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
}
