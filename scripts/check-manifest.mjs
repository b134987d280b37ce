#!/usr/bin/env node
// Builds the custom-elements manifests of @parta/elements and @parta/calls and
// checks that every tag the packages register is documented in them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let missing = 0;
for (const name of ['elements', 'calls']) {
  const dir = join(root, 'packages', name);
  execFileSync('pnpm', ['run', 'analyze'], { cwd: dir, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  const documented = new Set(
    manifest.modules
      .flatMap((module) => (module.declarations ?? []).map((d) => d.customElement && d.tagName))
      .filter(Boolean),
  );
  const registered = readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('define.ts'))
    .flatMap((file) =>
      [...readFileSync(join(dir, 'src', file), 'utf8').matchAll(/customElements\.define\(\s*'([^']+)'/g)].map(
        (m) => m[1],
      ),
    );
  for (const tag of registered) {
    const ok = documented.has(tag);
    if (!ok) missing++;
    console.log(`${ok ? 'ok  ' : 'MISSING'} @parta/${name} <${tag}>`);
  }
}
process.exit(missing === 0 ? 0 : 1);
