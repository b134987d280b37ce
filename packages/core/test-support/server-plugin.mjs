/**
 * A @web/test-runner plugin that runs the real Parta server next to the
 * browser tests. Tests read its URL from /parta-test-config.json (see
 * session.ts). Used by @parta/core and @parta/elements.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const script = fileURLToPath(new URL('./start-server.ts', import.meta.url));

export const configPath = '/parta-test-config.json';
/**
 * Stands in for a host site's token route (`<parta-client token-url>`):
 * `GET /parta-test-token?user=u-teacher` answers `{ token }` through the dev sign-in.
 */
export const tokenPath = '/parta-test-token';

export function partaServerPlugin() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let config = null;

  return {
    name: 'parta-server',
    async serverStart() {
      child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const lines = createInterface({ input: child.stdout });
      config = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the Parta server did not start within 60 s')), 60_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`the Parta server exited with ${code}`));
        });
        lines.on('line', (line) => {
          try {
            const parsed = JSON.parse(line);
            if (parsed && typeof parsed.url === 'string') {
              clearTimeout(timer);
              resolve(parsed);
              return;
            }
          } catch {}
          process.stderr.write(`[parta] ${line}\n`);
        });
      });
    },
    async serverStop() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    async serve(context) {
      if (context.path === configPath) return { body: JSON.stringify(config), type: 'application/json' };
      if (context.path === tokenPath) {
        const userId = context.URL.searchParams.get('user');
        const response = await fetch(`${config.url}/api/v1/dev/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId }),
        });
        const { token } = await response.json();
        return { body: JSON.stringify({ token }), type: 'application/json' };
      }
    },
  };
}
