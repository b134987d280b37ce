import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * One entry per module, so every `@parta/calls/<path>` subpath export
 * (`call-room/define`, …) exists in dist and a
 * page loads only the components it registers.
 */
const entries = Object.fromEntries(
  readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('test-'))
    .map((file) => [file.replace(/\.ts$/, ''), `${src}${file}`]),
);

const external = [/^livekit-client(\/|$)/, /^lit(\/|$)/, /^@lit\//, /^nanostores$/, /^@parta\//, /^zod(\/|$)/];

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    // tsc -b writes the .d.ts files here first.
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: { external },
  },
});
