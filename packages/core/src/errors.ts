import { ErrorCode, ErrorResponse, PartaError } from '@parta/protocol';

/** The server could not be reached at all (offline, DNS, CORS, connection reset). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

/** Turns an HTTP error response into the PartaError its body names. */
export async function errorFromResponse(response: Response): Promise<PartaError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {}
  const parsed = ErrorResponse.safeParse(body);
  if (parsed.success && knownCodes.has(parsed.data.error.code)) {
    return new PartaError(parsed.data.error.code as ErrorCode, parsed.data.error.message);
  }
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
  return new PartaError(code, parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
}
