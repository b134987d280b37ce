import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../*.stories.ts'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // Workspace packages resolve to their TypeScript sources, as in the demo and the tests.
    config.resolve = { ...config.resolve, conditions: ['source', ...defaultClientConditions] };
    // The widgets' templates minified as the library publishes them.
    config.plugins = [...(config.plugins ?? []), minifyTemplates()];
    config.define = { ...config.define, 'process.env.NODE_ENV': JSON.stringify('development') };
    return config;
  },
};

export default config;
