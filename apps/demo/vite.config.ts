import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources: no package build needed first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
