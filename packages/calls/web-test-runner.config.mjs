import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { callArgs, chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startLivekit } from '../../scripts/livekit.mjs';
import { partaServerPlugin } from '../core/test-support/server-plugin.mjs';
import base from '../core/web-test-runner.config.mjs';

/** A real livekit-server on loopback (reused if one runs), started before the Parta server that issues its tokens. */
function livekitPlugin() {
  let livekit;
  return {
    name: 'livekit-server',
    async serverStart() {
      livekit = await startLivekit({ port: Number(process.env.LIVEKIT_PORT ?? 7880) });
      process.env.LIVEKIT_URL = livekit.url;
      process.env.LIVEKIT_API_KEY = livekit.apiKey;
      process.env.LIVEKIT_API_SECRET = livekit.apiSecret;
    },
    async serverStop() {
      await livekit?.stop();
    },
  };
}

export default {
  ...base,
  files: ['src/**/*.test.ts'],
  testFramework: { config: { timeout: 60_000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    }),
    livekitPlugin(),
    partaServerPlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath,
        args: [...chromiumArgs, ...callArgs],
      },
    }),
  ],
};
