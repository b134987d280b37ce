import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { partaServerPlugin } from './test-support/server-plugin.mjs';

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import'] },
  concurrency: 1,
  testFramework: { config: { timeout: 30_000 } },
  // nanostores reads process.env.NODE_ENV, which bundlers replace and a bare browser lacks.
  testRunnerHtml: (framework) => `<!doctype html>
<html><head><script>globalThis.process = { env: { NODE_ENV: 'development' } };</script></head>
<body><script type="module" src="${framework}"></script></body></html>`,
  plugins: [
    // Given the root tsconfig so decorators and class fields compile as in the build.
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    }),
    partaServerPlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    }),
  ],
};
