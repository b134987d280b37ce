import base from './web-test-runner.config.mjs';
export default {
  ...base,
  testsFinishTimeout: Number(process.env.FINISH ?? 600_000),
  testFramework: { config: { ...base.testFramework.config, ...(process.env.GREP ? { grep: process.env.GREP } : {}) } },
};
