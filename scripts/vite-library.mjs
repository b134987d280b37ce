// The library build shared by @parta/elements and @parta/calls.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyTemplates } from './minify-templates.mjs';

const sharedExternal = [/^lit(\/|$)/, /^@lit\//, /^nanostores$/, /^@parta\//, /^zod(\/|$)/];

/**
 * One entry per module, so every `@parta/<package>/<path>` subpath export
 * (`thread/define`, `call-room/define`, `context`, …) exists in dist and a
 * page loads only the components it registers. Dependencies stay external:
 * the host's bundler dedupes them.
 */
export function libraryConfig(packageUrl, { external = [] } = {}) {
  const src = fileURLToPath(new URL('./src/', packageUrl));
  const entries = Object.fromEntries(
    readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !basename(file).startsWith('test-'))
      .map((file) => [file.replace(/\.ts$/, ''), `${src}${file}`]),
  );
  return defineConfig({
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      // tsc -b writes the .d.ts files here first.
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rolldownOptions: { external: [...sharedExternal, ...external] },
    },
  });
}
