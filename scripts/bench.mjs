#!/usr/bin/env node
// `pnpm bench`: figures that the project holds itself to, printed side by side.
// First the JavaScript a page ships for the chat widgets and for the call room,
// built for production as a host site would, raw and gzip-compressed: what loads
// with the page, and what loads later on first use (dialogs, the chat card).
// Then the other benchmarks, each its own script printing its own table:
// the long thread, cold start from IndexedDB, and the server under load.
//   --budgets-only   sizes only, for the test run: exits non-zero when a budget fails
//   --only sizes,thread,cold-start,load   some of them
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';
import { minifyTemplates } from './minify-templates.mjs';

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
    plugins: [minifyTemplates()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      target: 'es2022',
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      lib: false,
      manifest: true,
      rolldownOptions: { input: join(dir, 'entry.js') },
    },
  });
  const out = join(dir, 'out');
  const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8'));
  // What the page loads at once: the entry and everything it imports statically.
  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(Object.keys(manifest).find((key) => manifest[key].isEntry));
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const read = (list) => list.map((file) => readFileSync(join(out, file), 'utf8')).join('\n');
  const code = read(files.filter((file) => initial.has(file)));
  const lazy = read(files.filter((file) => !initial.has(file)));
  return {
    name,
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    lazyGzip: lazy ? gzipSync(lazy, { level: 9 }).length : 0,
    livekit: /livekit/i.test(code + lazy),
  };
}

const args = process.argv.slice(2);
const budgetsOnly = args.includes('--budgets-only');
const onlyArg = args.find((arg) => arg.startsWith('--only'));
const only = onlyArg ? (onlyArg.split('=')[1] ?? args[args.indexOf(onlyArg) + 1]).split(',') : null;
const wanted = (name) => (budgetsOnly ? name === 'sizes' : !only || only.includes(name));

/** The other benchmarks, one script each; they print their own tables. */
async function runOthers() {
  const { spawnSync } = await import('node:child_process');
  const others = [
    ['thread', 'bench-thread.mjs'],
    ['cold-start', 'bench-cold-start.mjs'],
    ['load', 'bench-load.mjs'],
  ];
  let failed = 0;
  for (const [name, file] of others) {
    if (!wanted(name)) continue;
    console.log(`\n== ${name} (scripts/${file})`);
    const run = spawnSync(process.execPath, [join(root, 'scripts', file)], { stdio: 'inherit', cwd: root });
    if (run.status !== 0) {
      failed++;
      console.error(`${file} exited with ${run.status}`);
    }
  }
  return failed;
}

if (!wanted('sizes')) process.exit((await runOthers()) === 0 ? 0 : 1);

const results = [];
for (const [name, imports] of Object.entries(pages)) results.push(await measure(name, imports));
rmSync(work, { recursive: true, force: true });

const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log('\nJavaScript per page (production build, all dependencies included)');
console.log(' page          raw KB   gzip KB   later, on first use   livekit-client   budget');
for (const r of results) {
  const budget = r.name === 'chat' ? `≤ ${chatBudgetKb} KB gzip at load, no livekit` : '—';
  console.log(
    ` ${r.name.padEnd(12)} ${kb(r.raw).padStart(7)} ${kb(r.gzip).padStart(9)}   ${`${kb(r.lazyGzip)} KB gzip`.padStart(19)}   ${(r.livekit ? 'yes' : 'no').padEnd(14)}   ${budget}`,
  );
}
const [chat, call] = results;
const budgetBytes = chatBudgetKb * 1024;
console.log(
  ` the chat page at load: ${chat.gzip.toLocaleString('en')} bytes gzip of ${budgetBytes.toLocaleString('en')} (${(budgetBytes - chat.gzip).toLocaleString('en')} to spare)`,
);
console.log(
  ` the call room adds ${kb(call.gzip - chat.gzip)} KB gzip (${(call.gzip / chat.gzip).toFixed(1)}× the chat page)`,
);

const failures = [];
if (chat.gzip > budgetBytes) failures.push(`chat page is ${kb(chat.gzip)} KB gzip, budget ${chatBudgetKb} KB`);
if (chat.livekit) failures.push('chat page contains livekit-client');
// The detector must see livekit where it is, or "absent" proves nothing.
if (!call.livekit) failures.push('livekit-client not found in the call page: the check is broken');
for (const failure of failures) console.error(`BUDGET FAILED: ${failure}`);
if (failures.length === 0) console.log('budgets hold');
const othersFailed = budgetsOnly ? 0 : await runOthers();
process.exit(failures.length === 0 && othersFailed === 0 ? 0 : 1);
