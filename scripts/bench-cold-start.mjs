#!/usr/bin/env node
// Cold start: a page with <parta-thread> is opened in a browser that is already
// running, and the clock runs from navigation start until 50 messages are
// painted. Three ways, side by side, each page in a new tab:
//   IndexedDB      the thread paints from the local cache, the network answers after
//   network only   `storage: 'none'`: nothing is painted until the server answers
// and the first again with the page loaded anew in a tab already showing the site; and,
// for the browser's own share, a page of one paragraph (no script of ours) in a new tab.
// Each is measured over 20 page loads (after 2 warm-up loads), against the real
// server on loopback, with the page built for production by Vite and served as a
// host site serves Vite's output: the HTML fetched every time, the hashed scripts
// under /assets/ cacheable for good, so a returning visitor (the only one with an
// IndexedDB cache) has them in the browser's cache. Budget: IndexedDB p50 ≤ 150 ms.
//   --loads N   page loads per way (default 20)
//   --trace FILE  then one more load from IndexedDB in a new tab, traced (open FILE in
//                 DevTools' Performance panel), with each step's main-thread work printed
// NOMINIFY=1 builds the page unminified (names in the trace) and keeps it in
// apps/demo/.bench/cold-start/out: for reading a trace, not for the figures.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
// playwright-core's API, through the root's `playwright` (which wraps it); never a downloaded browser.
import { chromium } from 'playwright';
import { build, defaultClientConditions } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { minifyTemplates } from './minify-templates.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const loadsAt = args.indexOf('--loads');
const loads = loadsAt >= 0 ? Number(args[loadsAt + 1]) : 20;
const warmups = 2;
const painted = 50;
const budgetMs = 150;
const traceAt = args.indexOf('--trace');
const traceFile = traceAt >= 0 ? args[traceAt + 1] : undefined;
const userId = 'u-teacher';
const chatId = 'chat-teachers';

// ------------------------------------------------------------------ the server

/** The real server on a throwaway PGlite with the demo school, as the browser tests run it. */
async function startParta() {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(root, 'packages/core/test-support/start-server.ts')],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Parta server did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the Parta server exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line);
        if (typeof parsed?.url === 'string') {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      } catch {}
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function api(base, path, { method = 'GET', body, token } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

// ------------------------------------------------------------------ the page

// Inside the demo app (which depends on every package) so imports resolve as on a host site; .bench/ is ignored by git.
const work = join(root, 'apps', 'demo', '.bench', 'cold-start');
const profileDir = join(root, 'apps', 'demo', '.bench', 'cold-start-profile');

/**
 * Page script that reports "painted" once the current frame is committed: a task posted at the
 * highest priority runs right after the frame's paint and commit, ahead of the network's and
 * IndexedDB's tasks queued meanwhile (a posted message would wait behind them). Told through the
 * console: a Playwright wait for a page function would run its own script in the page meanwhile.
 */
const reportPainted = (fields) => `scheduler.postTask(() => {
  const ms = performance.mark('parta-painted').startTime;
  console.debug('parta-painted ' + JSON.stringify({ ms, ${fields} }));
}, { priority: 'user-blocking' });`;

/** Builds the page: the core client and <parta-thread>, production mode. It records when 50 messages are on screen. */
async function buildPage() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(
    join(work, 'index.html'),
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>cold start</title></head>
<body style="margin:0"><script type="module" src="./entry.js"></script></body></html>`,
  );
  writeFileSync(
    join(work, 'entry.js'),
    `import { createClient } from '@parta/core';
import '@parta/elements/thread/define';

// When the page's script starts, after the HTML and the bundle have loaded.
const started = performance.mark('parta-started').startTime;
let ready;
let fromCache = false;
const params = new URLSearchParams(location.search);
const chatId = params.get('chat');
const client = createClient({
  baseUrl: params.get('server'),
  // A host page that renders the user's token into the page.
  getToken: async () => params.get('token'),
  storage: params.get('storage'),
});
const thread = document.createElement('parta-thread');
// Only a height: the element lays itself out as a column whose log scrolls.
thread.style.height = '100vh';
thread.client = client;
thread.chatId = chatId;
document.body.append(thread);
// When the store first holds 50 messages, from IndexedDB or from the network.
client.$messages(chatId).subscribe((state) => {
  if (state.messages.length >= ${painted} && ready === undefined) {
    ready = performance.mark('parta-ready').startTime;
    // Still loading when the store first held them: they came from IndexedDB, before the network answered.
    fromCache = state.loading;
  }
});

const shown = () => thread.messages.length >= ${painted} && thread.shadowRoot?.querySelector('[data-message-id]');
function check() {
  if (!shown()) return requestAnimationFrame(check);
  // In a frame's animation callbacks with the rows in the DOM (and any update pending now
  // done first, in this callback's microtasks): this frame paints them.
  thread.updateComplete.then(() => {
    ${reportPainted('fromCache, started, ready')}
  });
}
requestAnimationFrame(check);
`,
  );
  await build({
    configFile: false,
    logLevel: 'silent',
    root: work,
    mode: 'production',
    plugins: [minifyTemplates()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: { target: 'es2022', outDir: join(work, 'out'), emptyOutDir: true, minify: !process.env.NOMINIFY },
  });
  // The browser alone: a page of one paragraph, timed the same way, in a new tab too. What it
  // takes is the floor of every page here, before any script of ours is loaded.
  writeFileSync(
    join(work, 'out', 'blank.html'),
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>blank</title></head>
<body style="margin:0"><p>Сообщение 1: повторите параграфы с седьмого по девятый</p><script>
requestAnimationFrame(() => {
  ${reportPainted('fromCache: false, started: ms, ready: ms')}
});
</script></body></html>`,
  );
  return join(work, 'out');
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built page as a host site would: the HTML never cached, the content-hashed assets cached for good. */
async function servePage(dir) {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) return response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

// ------------------------------------------------------------------ measuring

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Loads the page in `page` and resolves what it tells when 50 messages are painted. */
async function paintedIn(page, pageUrl) {
  const told = page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith('parta-painted '),
    timeout: 15_000,
  });
  await page.goto(pageUrl);
  return JSON.parse((await told).text().slice('parta-painted '.length));
}

/**
 * One page load: how long until 50 messages were painted, and whether they came from
 * IndexedDB. In a new tab (a new renderer process starts), or, given `tab`, in that tab
 * already showing the site (the browser keeps its renderer process for the same site).
 */
async function load(context, pageUrl, tab) {
  const page = tab ?? (await context.newPage());
  const painted = await paintedIn(page, pageUrl);
  // Let the client write its cache (at most 300 ms after a change) before the next load.
  await page.waitForTimeout(400);
  if (!tab) await page.close();
  return painted;
}

/**
 * One load from IndexedDB in a new tab, traced with the renderer's CPU profile: for each
 * step (page and script loaded, store filled, painted), its wall time, what the main thread
 * was busy with (the functions with most self time) and the browser's own passes.
 */
async function traceLoad(browser, context, pageUrl, file) {
  const page = await context.newPage();
  await browser.startTracing(page, {
    path: file,
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'blink.user_timing',
      'disabled-by-default-v8.cpu_profiler',
    ],
  });
  const painted = await paintedIn(page, pageUrl);
  await page.waitForTimeout(400);
  const events = JSON.parse(String(await browser.stopTracing())).traceEvents;
  await page.close();
  const mark = (name) => events.find((event) => event.cat === 'blink.user_timing' && event.name === name);
  const started = mark('parta-started');
  const pid = started.pid;
  const navigation = events.find((event) => event.pid === pid && event.name === 'navigationStart');
  const steps = [
    ['page and script loaded', navigation.ts, started.ts],
    ['50 messages in the store', started.ts, mark('parta-ready').ts],
    ['painted', mark('parta-ready').ts, mark('parta-painted').ts],
  ];
  // The main thread's profile: the largest one of the page's renderer.
  const profiles = new Map();
  for (const event of events) {
    if (event.pid !== pid) continue;
    if (event.name === 'Profile')
      profiles.set(event.id, { start: event.args.data.startTime, nodes: new Map(), samples: [], deltas: [] });
    const profile = event.name === 'ProfileChunk' && profiles.get(event.id);
    if (!profile) continue;
    for (const node of event.args.data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    profile.samples.push(...(event.args.data.cpuProfile?.samples ?? []));
    profile.deltas.push(...(event.args.data.timeDeltas ?? []));
  }
  const profile = [...profiles.values()].sort((a, b) => b.samples.length - a.samples.length)[0];
  const times = [];
  let time = profile.start;
  for (const delta of profile.deltas) times.push((time += delta));
  const frameName = ({ functionName, url, lineNumber, columnNumber }) =>
    url
      ? `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}`
      : functionName;
  console.log(
    `\nTrace of one load from IndexedDB in a new tab written to ${file}: painted at ${painted.ms.toFixed(1)} ms` +
      ' (a build with NOMINIFY=1 keeps the names; its output stays in apps/demo/.bench/cold-start/out)',
  );
  const passes = [
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'ParseHTML',
    'v8.compileModule',
    'v8.evaluateModule',
    'MinorGC',
  ];
  for (const [name, from, to] of steps) {
    const self = new Map();
    let busy = 0;
    for (let index = 0; index < profile.samples.length; index++) {
      if (times[index] < from || times[index] >= to) continue;
      const ms = ((times[index + 1] ?? times[index]) - times[index]) / 1000;
      const frame = frameName(profile.nodes.get(profile.samples[index]).callFrame);
      if (frame !== '(idle)') busy += ms;
      self.set(frame, (self.get(frame) ?? 0) + ms);
    }
    const summed = passes
      .map((pass) => [
        pass,
        events
          .filter(
            (event) =>
              event.pid === pid && event.name === pass && event.ph === 'X' && event.ts >= from && event.ts < to,
          )
          .reduce((sum, event) => sum + event.dur / 1000, 0),
      ])
      .filter(([, ms]) => ms >= 0.5);
    console.log(` ${name}: ${((to - from) / 1000).toFixed(1)} ms, main thread busy ${busy.toFixed(1)} ms`);
    console.log(`   browser passes: ${summed.map(([pass, ms]) => `${pass} ${ms.toFixed(1)}`).join(', ') || '—'}`);
    for (const [frame, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      if (frame !== '(idle)') console.log(`   ${ms.toFixed(1).padStart(6)} ms  ${frame}`);
    }
  }
}

function summarise(runs) {
  const sorted = (list) => [...list].sort((a, b) => a - b);
  const times = sorted(runs.map((run) => run.ms));
  const median = (list) => percentile(sorted(list), 50);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    min: times[0],
    max: times.at(-1),
    fromCache: runs.filter((run) => run.fromCache).length,
    started: median(runs.map((run) => run.started)),
    ready: median(runs.map((run) => run.ready - run.started)),
    render: median(runs.map((run) => run.ms - run.ready)),
  };
}

const parta = await startParta();
let pageServer;
let browser;
try {
  const { token } = await api(parta.url, '/api/v1/dev/sign-in', { method: 'POST', body: { userId } });
  // Enough messages that 50 of them fill the first page.
  for (let n = 1; n <= 60; n++) {
    await api(parta.url, `/api/v1/chats/${chatId}/messages`, {
      method: 'POST',
      token,
      body: {
        clientKey: `cold-start-${n}-${Date.now()}`,
        text: `Сообщение ${n}: повторите параграфы с седьмого по девятый`,
      },
    });
  }
  pageServer = await servePage(await buildPage());
  // A profile on disk, as a returning visitor's: IndexedDB, the HTTP cache and the scripts' code cache
  // persist between loads as between visits (an incognito context keeps no code cache).
  rmSync(profileDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: { width: 800, height: 900 },
  });
  browser = context.browser();
  const url = (storage) =>
    `${pageServer.url}?${new URLSearchParams({ server: parta.url, token, chat: chatId, storage })}`;
  // The ways take turns, so a busy moment on the machine hits all alike.
  const runs = { indexeddb: [], none: [], sameTab: [], blank: [] };
  const tab = await context.newPage();
  for (let n = 0; n < warmups + loads; n++) {
    for (const [way, storage, page] of [
      ['indexeddb', 'indexeddb'],
      ['none', 'none'],
      ['sameTab', 'indexeddb', tab],
      ['blank'],
    ]) {
      const result = await load(context, storage ? url(storage) : `${pageServer.url}blank.html`, page);
      if (n >= warmups) runs[way].push(result);
    }
  }
  const cached = summarise(runs.indexeddb);
  const network = summarise(runs.none);
  const sameTab = summarise(runs.sameTab);
  const blank = summarise(runs.blank);

  const ms = (value) => `${value.toFixed(1)}`.padStart(7);
  console.log(`\nCold start to ${painted} messages painted in <parta-thread>, browser running, ${loads} loads each`);
  const [load1] = loadavg();
  console.log(
    ` (machine: ${availableParallelism()} cores, load average ${load1.toFixed(1)}; figures stretch with load)`,
  );
  console.log(' way                   p50 ms   p95 ms   min ms   max ms   painted from cache   budget');
  const row = (name, r, budget, fromCache = `${r.fromCache}/${loads}`) =>
    console.log(
      ` ${name.padEnd(20)} ${ms(r.p50)}  ${ms(r.p95)}  ${ms(r.min)}  ${ms(r.max)}   ${fromCache.padEnd(18)}   ${budget}`,
    );
  row('IndexedDB', cached, `p50 ≤ ${budgetMs} ms`);
  row('network only', network, '—');
  row('IndexedDB, same tab', sameTab, '—');
  row('one paragraph', blank, '—', '—');
  console.log(' (new tab: a renderer process starts for each load; same tab: the site is loaded again in its tab;');
  console.log('  one paragraph: a page of one paragraph and no script of ours, in a new tab: the browser alone)');
  console.log(` IndexedDB p50 is ${(cached.p50 / network.p50).toFixed(2)}× network-only p50`);
  console.log(
    ` of the IndexedDB p50, the browser alone takes ${blank.p50.toFixed(1)} ms: ${(cached.p50 - blank.p50).toFixed(1)} ms are the page's own`,
  );
  console.log(
    ' where the time goes (p50 of each step, ms): page and script loaded → 50 messages in the store → painted',
  );
  for (const [name, r] of [
    ['IndexedDB', cached],
    ['network only', network],
    ['same tab', sameTab],
  ]) {
    console.log(`   ${name.padEnd(13)} ${ms(r.started)} → +${ms(r.ready).trim()} → +${ms(r.render).trim()}`);
  }
  if (traceFile) await traceLoad(browser, context, url('indexeddb'), traceFile);
  if (cached.p50 <= budgetMs) console.log('budget holds');
  else console.error(`BUDGET FAILED: cold start from IndexedDB p50 ${cached.p50.toFixed(1)} ms, budget ${budgetMs} ms`);
} finally {
  await browser?.close();
  pageServer?.close();
  await parta.stop();
  if (!process.env.NOMINIFY) rmSync(work, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
}
