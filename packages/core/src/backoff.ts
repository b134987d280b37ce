export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is
 * random, so a school's worth of widgets that lost the server at the same
 * moment do not all come back at the same moment.
 */
export function backoffDelay(
  attempt: number,
  { baseMs = 500, maxMs = 30_000 }: BackoffOptions = {},
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return ceiling / 2 + random() * (ceiling / 2);
}
