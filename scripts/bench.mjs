#!/usr/bin/env node
// `pnpm bench`: figures that the project holds itself to, printed side by side.
// For now: the JavaScript a page ships for the chat widgets and for the call
// room, built for production as a host site would, raw and gzip-compressed.
//   --budgets-only   the same, for the test run: exits non-zero when a budget fails
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the demo app, which depends on every published package, so imports resolve as on a host site.
const work = join(root, 'apps', 'demo', '.bench');
const chatBudgetKb = 40;

const pages = {
  chat: ['@parta/elements/client/define', '@parta/elements/chat-list/define', '@parta/elements/thread/define'],
  'chat + call': [
    '@parta/elements/client/define',
    '@parta/elements/chat-list/define',
    '@parta/elements/thread/define',
    '@parta/calls/call-room/define',
  ],
};

async function measure(name, imports) {
  const dir = join(work, name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'entry.js'), imports.map((specifier) => `import '${specifier}';`).join('\n'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    mode: 'production',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      target: 'es2022',
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      lib: false,
      rolldownOptions: { input: join(dir, 'entry.js') },
    },
  });
  const files = readdirSync(join(dir, 'out'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const code = files.map((file) => readFileSync(join(dir, 'out', file), 'utf8')).join('\n');
  return {
    name,
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    livekit: /livekit/i.test(code),
  };
}

const results = [];
for (const [name, imports] of Object.entries(pages)) results.push(await measure(name, imports));
rmSync(work, { recursive: true, force: true });

const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log('\nJavaScript per page (production build, all dependencies included)');
console.log(' page          raw KB   gzip KB   livekit-client   budget');
for (const r of results) {
  const budget = r.name === 'chat' ? `≤ ${chatBudgetKb} KB gzip, no livekit` : '—';
  console.log(
    ` ${r.name.padEnd(12)} ${kb(r.raw).padStart(7)} ${kb(r.gzip).padStart(9)}   ${(r.livekit ? 'yes' : 'no').padEnd(14)}   ${budget}`,
  );
}
const [chat, call] = results;
console.log(
  ` the call room adds ${kb(call.gzip - chat.gzip)} KB gzip (${(call.gzip / chat.gzip).toFixed(1)}× the chat page)`,
);

const failures = [];
if (chat.gzip > chatBudgetKb * 1024) failures.push(`chat page is ${kb(chat.gzip)} KB gzip, budget ${chatBudgetKb} KB`);
if (chat.livekit) failures.push('chat page contains livekit-client');
// The detector must see livekit where it is, or "absent" proves nothing.
if (!call.livekit) failures.push('livekit-client not found in the call page: the check is broken');
for (const failure of failures) console.error(`BUDGET FAILED: ${failure}`);
if (failures.length === 0) console.log('budgets hold');
process.exit(failures.length === 0 ? 0 : 1);
