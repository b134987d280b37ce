import { type ErrorBody, ErrorCode, PartaError } from '@parta/protocol';

/** The server could not be reached at all (offline, DNS, CORS, connection reset). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

/** Turns an HTTP error response into the PartaError its body names. */
export async function errorFromResponse(response: Response): Promise<PartaError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = await response.json();
  } catch {}
  const error = body?.error;
  const message = typeof error?.message === 'string' ? error.message : null;
  if (message !== null && knownCodes.has(error!.code)) return new PartaError(error!.code, message);
  const code: ErrorCode =
    response.status === 401
      ? 'unauthorized'
      : response.status === 403
        ? 'forbidden'
        : response.status === 404
          ? 'not_found'
          : response.status === 429
            ? 'rate_limited'
            : response.status < 500
              ? 'bad_request'
              : 'internal';
  return new PartaError(code, message ?? `HTTP ${response.status}`);
}
