import coreConfig from '../core/web-test-runner.config.mjs';

// Same browser, server and transforms as @parta/core: components run against the real server.
export default {
  ...coreConfig,
  files: ['src/**/*.test.ts'],
};
