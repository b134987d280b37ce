/** Shared by the element tests: the real server through @parta/core's test support. */
export { clientFor, closeAll, devToken, partaUrl, sleep, unique, until } from '../../core/test-support/session.js';

/** Waits until a condition holds, re-checking each animation frame. */
export async function waitFor(check: () => boolean, message = 'condition', timeoutMs = 10_000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
