import { defaultClientConditions, defineConfig } from 'vite';
import { minifyTemplates } from '../../scripts/minify-templates.mjs';

export default defineConfig({
  // The widgets' templates minified as the library publishes them.
  plugins: [minifyTemplates()],
  // Workspace packages resolve to their TypeScript sources: no package build needed first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // livekit-client is one large chunk, loaded only when a call starts.
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    // The messenger, the administration pages, the invite and teacher-verification pages, the development mailbox.
    rollupOptions: { input: ['index.html', 'admin.html', 'join.html', 'verify.html', 'mailbox.html'] },
  },
});
