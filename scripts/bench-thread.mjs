#!/usr/bin/env node
// The long thread benchmark (part of `pnpm bench`): a real Parta server (in-memory PGlite,
// scripts/bench-thread-server.ts) whose chat 9А holds 10,000 messages, and <parta-thread>
// built for production by Vite, in headless Chromium. The reader's client loads the whole
// chat into its store page by page over HTTP first, then the thread is put on the page with
// that client, so the figures are the widget's own: first paint, DOM nodes in its shadow
// root, appending one live message (sent by another user through the server, timed from the
// socket frame that brings it to the rendered, laid-out update: the client's store and the
// widget together; median of many), and frames while scrolling up through the thread.
// Beside the append, the browser's own share of it: the same row cloned and appended by
// plain DOM calls, laid out. Side by side: the thread as it was before virtualization
// (git show of packages/elements/src/thread/thread.ts at BASELINE_COMMIT, one <li> per message
// with a plain `repeat`), run the same way with the same client. Prints a table; exits 0.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { minifyTemplates } from './minify-templates.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'apps', 'demo', '.bench-thread');
/** The last commit whose thread rendered every message (before the virtualized log). */
const BASELINE_COMMIT = '60caadf';
const budgets = { paintMs: 100, elements: 500, appendMs: 2 };
const THREAD_HEIGHT = 600;
// --profile FILE: the page is built unminified and a CPU profile of the virtualized thread's
// appends is written to FILE (open it in Chromium's DevTools); the top functions are printed.
const profileAt = process.argv.indexOf('--profile');
const profileFile = profileAt >= 0 ? process.argv[profileAt + 1] : undefined;
// --phases: the median time of each of the element's update phases during 40 appends.
// --trace FILE: a Chromium trace of 40 appends (open it in DevTools' Performance panel); the
// style and layout passes are summed, with how many elements and layout objects each touched.
const traceAt = process.argv.indexOf('--trace');
const traceFile = traceAt >= 0 ? process.argv[traceAt + 1] : undefined;

const require = createRequire(import.meta.url);
const { chromium } = require(
  require.resolve('playwright-core', { paths: [dirname(require.resolve('playwright/package.json'))] }),
);

// --- the server with 10,000 messages
function startParta() {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(root, 'scripts', 'bench-thread-server.ts')],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench server did not start within 120 s')), 120_000);
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line);
        if (parsed?.url) {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {}
    });
  });
  return {
    ready,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// --- the page: the production build of the thread, the old one beside it
function baselineSource() {
  try {
    const source = execFileSync('git', ['show', `${BASELINE_COMMIT}:packages/elements/src/thread/thread.ts`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const elements = join(root, 'packages', 'elements', 'src');
    // Its relative imports point into the elements package, where they were.
    return source
      .replace(/from '\.\.\/([^']+)\.js'/g, (_, path) => `from '${join(elements, path)}.ts'`)
      .replace(/from '\.\/([^']+)\.js'/g, (_, path) => `from '${join(elements, 'thread', path)}.ts'`);
  } catch {
    return null;
  }
}

const pageScript = `
import { createClient } from '@parta/core';
import { accountRoutes } from '@parta/protocol';
import '@parta/elements/thread/define';
import { PlainThread } from './plain-thread.ts';

if (PlainThread) customElements.define('parta-thread-plain', PlainThread);
const params = new URLSearchParams(location.search);
const baseUrl = params.get('server');
const chatId = params.get('chat');
const token = async (userId) => {
  const response = await fetch(baseUrl + accountRoutes.devSignIn, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return (await response.json()).token;
};
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const until = async (check) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
};

let reader;
let writer;
let $thread;
let changedAt = 0;
/** When the socket frame being handled arrived (the event's own time stamp). */
let frameAt = 0;
let changedFrameAt = 0;
const NativeWebSocket = WebSocket;
globalThis.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    // Registered before the client's own listener: runs first for every frame.
    this.addEventListener('message', (event) => {
      frameAt = event.timeStamp;
    });
  }
};

async function setup() {
  reader = createClient({ baseUrl, getToken: () => token('u-student-1'), storage: 'none' });
  writer = createClient({ baseUrl, getToken: () => token('u-teacher'), storage: 'none' });
  for (const client of [reader, writer]) {
    client.$chats.listen(() => {});
    client.$me.listen(() => {});
  }
  $thread = reader.$messages(chatId);
  // First listener of the store: when it changed, before the thread hears of it.
  $thread.listen(() => {
    changedAt = performance.now();
    // The store changes while the frame that carried the change is being handled.
    changedFrameAt = frameAt;
  });
  await until(() => !$thread.get().loading && reader.$connection.get() === 'online' && writer.$connection.get() === 'online');
  const started = performance.now();
  while ($thread.get().hasMore) await reader.loadOlder(chatId);
  return { held: $thread.get().messages.length, loadMs: performance.now() - started };
}

async function open(tag) {
  document.body.replaceChildren();
  await frame();
  await frame();
  const started = performance.now();
  const el = document.createElement(tag);
  el.style.cssText = 'display:flex;width:480px;height:${THREAD_HEIGHT}px';
  el.client = reader;
  el.chatId = chatId;
  document.body.append(el);
  while (!(await el.updateComplete)) {}
  await frame();
  const paintMs = performance.now() - started;
  const shadow = el.shadowRoot;
  const walker = document.createTreeWalker(shadow);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  return { el, paintMs, elements: shadow.querySelectorAll('*').length, nodes, rows: shadow.querySelectorAll('li').length };
}

async function paint(tag, times) {
  const runs = [];
  for (let n = 0; n < times; n++) {
    const { el, ...figures } = await open(tag);
    runs.push(figures);
  }
  return { first: runs[0], median: percentile(runs.map((run) => run.paintMs), 0.5), last: runs.at(-1) };
}

/**
 * Has another user send one message and resolves with the time from the socket frame that
 * brings it to the reader to the thread's update that renders it, laid out; not the ones
 * after it (marking the chat read). Timed where it happens: the writer's own HTTP answer may
 * come later.
 */
async function appendOne(el, scroller, text, onTimed = () => {}) {
  const rendered = new Promise((resolve) => {
    const stop = $thread.listen((state) => {
      if (state.messages.at(-1)?.text !== text) return;
      stop();
      const changed = changedFrameAt;
      // The store's listeners (the thread's among them) have asked for their updates by now.
      queueMicrotask(async () => {
        while (!(await el.updateComplete)) {}
        void scroller.scrollHeight;
        resolve(performance.now() - changed);
        onTimed();
      });
    });
  });
  await writer.sendMessage(chatId, text);
  const ms = await rendered;
  while (!(await el.updateComplete)) {}
  await frame();
  return ms;
}

async function append(tag, count) {
  const { el } = await open(tag);
  const scroller = el.shadowRoot.querySelector('[part~="messages"]');
  const times = [];
  for (let n = 0; n < count; n++) {
    times.push(await appendOne(el, scroller, 'append ' + tag + ' ' + n + ' ' + Math.random().toString(36).slice(2)));
  }
  const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), atBottom };
}

async function scroll(tag, frames, step) {
  const { el } = await open(tag);
  const scroller = el.shadowRoot.querySelector('[part~="messages"]');
  await frame();
  const deltas = [];
  await new Promise((resolve) => {
    let last = 0;
    let n = 0;
    const tick = (now) => {
      if (last) deltas.push(now - last);
      last = now;
      scroller.scrollTop -= step;
      if (++n <= frames) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  const budget = 1000 / 60;
  const rendered = el.shadowRoot.querySelectorAll('li').length;
  return {
    p50: percentile(deltas, 0.5),
    p95: percentile(deltas, 0.95),
    max: Math.max(...deltas),
    dropped: deltas.reduce((sum, delta) => sum + Math.max(0, Math.round(delta / budget) - 1), 0),
    frames: deltas.length,
    rendered,
  };
}

/**
 * Where an append's time goes: the element's update phases timed by wrapping its methods
 * (medians per append; "after" is the bench's own read of the laid-out height).
 */
async function phases(tag, count) {
  const proto = customElements.get(tag).prototype;
  const spent = {};
  let counting = false;
  const wrap = (name) => {
    const original = proto[name];
    proto[name] = function (...args) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        if (counting) spent[name] = (spent[name] ?? 0) + performance.now() - started;
      }
    };
    return () => {
      proto[name] = original;
    };
  };
  const names = ['performUpdate', 'willUpdate', 'update', 'render', 'updated'];
  const restore = names.map(wrap);
  const { el } = await open(tag);
  const scroller = el.shadowRoot.querySelector('[part~="messages"]');
  // The style and layout the update needs, forced right after the DOM is changed (else the
  // log's first measurement forces it), to tell it from the log's own work.
  const update = el.update;
  el.update = function (...args) {
    update.apply(this, args);
    const started = performance.now();
    void scroller.offsetHeight;
    if (counting) spent.layout = (spent.layout ?? 0) + performance.now() - started;
  };
  const runs = [];
  for (let n = 0; n < count; n++) {
    for (const name of [...names, 'layout']) spent[name] = 0;
    // Counted from the store's change until the append is timed.
    const start = $thread.listen(() => {
      counting = true;
      start();
    });
    const text = 'phases ' + n + ' ' + Math.random().toString(36).slice(2);
    const total = await appendOne(el, scroller, text, () => {
      counting = false;
    });
    runs.push({
      total,
      'socket frame to store': changedAt - changedFrameAt,
      willUpdate: spent.willUpdate,
      render: spent.render,
      commit: spent.update - spent.render,
      'style and layout': spent.layout,
      'log window (hostUpdated)': spent.performUpdate - spent.willUpdate - spent.update - spent.layout - spent.updated,
      updated: spent.updated,
      'the rest': total - (changedAt - changedFrameAt) - spent.performUpdate,
    });
  }
  for (const undo of restore) undo();
  delete el.update;
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, percentile(runs.map((run) => run[key]), 0.5)]));
}

/**
 * The browser's own share of an append: a rendered row of another author cloned, given new
 * text and appended by plain DOM calls, then laid out and scrolled to as an append is: no
 * store, no template, no window. What no widget can go below on this machine.
 */
async function domOnly(tag, count) {
  const { el } = await open(tag);
  const scroller = el.shadowRoot.querySelector('[part~="messages"]');
  const list = scroller.querySelector(':scope > ol');
  const model = [...list.querySelectorAll('li[data-message-id]')].findLast((row) =>
    row.querySelector('[part~="message-author"]'),
  );
  if (!model) throw new Error('no row of another author in view to clone');
  // The element stays as it is: no update of its own (a scroll would ask for one) between the rows.
  el.shouldUpdate = () => false;
  const times = [];
  for (let n = 0; n < count; n++) {
    const started = performance.now();
    const row = model.cloneNode(true);
    row.dataset.messageId = 'dom-only-' + n;
    row.querySelector('[part~="message-text"]').textContent = 'dom only ' + n + ' ' + Math.random().toString(36).slice(2);
    list.append(row);
    // Reading the height lays the row out; the scroll to it needs no second layout.
    scroller.scrollTop = scroller.scrollHeight;
    times.push(performance.now() - started);
    await frame();
  }
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

window.bench = { setup, paint, append, scroll, phases, domOnly, hasPlain: Boolean(PlainThread) };
`;

async function buildPage() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const baseline = baselineSource();
  writeFileSync(
    join(work, 'plain-thread.ts'),
    baseline
      ? baseline.replace('export class PartaThread', 'export class PlainThread')
      : 'export const PlainThread = null;\n',
  );
  writeFileSync(join(work, 'entry.ts'), pageScript);
  // Decorators compile as in the packages (legacy decorators, no define semantics for fields).
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({ extends: '../../../tsconfig.json', compilerOptions: { composite: false }, include: ['*.ts'] }),
  );
  writeFileSync(
    join(work, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>body{margin:0}</style></head><body><script type="module" src="./entry.ts"></script></body></html>',
  );
  await build({
    configFile: false,
    logLevel: 'silent',
    root: work,
    mode: 'production',
    base: './',
    plugins: [minifyTemplates()],
    resolve: {
      conditions: ['source', ...defaultClientConditions],
      // The old thread's own imports (lit), from where it lived: the elements package.
      alias: [{ find: 'lit', replacement: realpathSync(join(root, 'packages', 'elements', 'node_modules', 'lit')) }],
    },
    build: { target: 'es2022', outDir: join(work, 'out'), emptyOutDir: true, minify: !profileFile },
  });
  return Boolean(baseline);
}

function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(dir, path));
      response.writeHead(200, {
        'content-type': types[extname(path)] ?? 'application/octet-stream',
        // Cross-origin isolated: the page's clock is then precise to microseconds, not 0.1 ms.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A CPU profile of 40 appends to the virtualized thread, written to `file`, with its top functions printed. */
async function profileAppends(page, file) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate(() => window.bench.append('parta-thread', 40));
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const sample of profile.samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);
  for (const [id, count] of counts) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + count);
  }
  const total = profile.samples.length;
  console.log(`\nCPU profile of 40 appends written to ${file}; top self time (${total} samples):`);
  for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(` ${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
}

/** A trace of 40 appends to the virtualized thread, written to `file`, with its style and layout passes summed. */
async function traceAppends(browser, page, file) {
  await browser.startTracing(page, {
    path: file,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'],
  });
  await page.evaluate(() => window.bench.append('parta-thread', 40));
  const events = JSON.parse(String(await browser.stopTracing())).traceEvents;
  const passes = new Map();
  for (const event of events) {
    if (event.ph !== 'X' || !['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'FunctionCall'].includes(event.name))
      continue;
    const pass = passes.get(event.name) ?? { count: 0, ms: 0, touched: [] };
    pass.count++;
    pass.ms += (event.dur ?? 0) / 1000;
    const touched = event.name === 'Layout' ? event.args?.beginData?.dirtyObjects : event.args?.elementCount;
    if (typeof touched === 'number') pass.touched.push(touched);
    passes.set(event.name, pass);
  }
  console.log(`\nTrace of 40 appends written to ${file}:`);
  for (const [name, pass] of passes) {
    const sorted = pass.touched.toSorted((a, b) => a - b);
    const touched = sorted.length
      ? `, median ${sorted[sorted.length >> 1]} touched (max ${Math.max(...pass.touched)})`
      : '';
    console.log(
      ` ${name.padEnd(17)} ${String(pass.count).padStart(5)} passes  ${pass.ms.toFixed(1).padStart(7)} ms${touched}`,
    );
  }
}

const fmt = (value, digits = 1) => (value === undefined || value === null ? '—' : value.toFixed(digits));
const ratio = (plain, virtual) => (plain && virtual ? `${(plain / virtual).toFixed(1)}×` : '—');
const mark = (value, budget) => (value <= budget ? `≤ ${budget} ok` : `≤ ${budget} OVER`);

const parta = startParta();
let browser;
let pageServer;
const errors = [];
try {
  const [{ url, chatId, count }, hasBaseline] = await Promise.all([parta.ready, buildPage()]);
  pageServer = await serve(join(work, 'out'));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(
    `http://127.0.0.1:${pageServer.address().port}/index.html?server=${encodeURIComponent(url)}&chat=${chatId}`,
  );
  await page.waitForFunction(() => Boolean(window.bench));
  if (!(await page.evaluate(() => globalThis.crossOriginIsolated)))
    errors.push('the page is not cross-origin isolated');
  const setup = await page.evaluate(() => window.bench.setup());
  const run = (tag) =>
    page.evaluate(
      async (name) => ({
        paint: await window.bench.paint(name, 5),
        append: await window.bench.append(name, 40),
        scroll: await window.bench.scroll(name, 240, 150),
      }),
      tag,
    );
  if (profileFile) await profileAppends(page, profileFile);
  if (traceFile) await traceAppends(browser, page, traceFile);
  if (process.argv.includes('--phases')) {
    const medians = await page.evaluate(() => window.bench.phases('parta-thread', 40));
    console.log('\nWhere an append goes, medians of 40 (ms):');
    for (const [name, ms] of Object.entries(medians)) console.log(` ${name.padEnd(22)} ${ms.toFixed(2).padStart(6)}`);
  }
  const virtual = await run('parta-thread');
  const domOnly = await page.evaluate(() => window.bench.domOnly('parta-thread', 40));
  const plain = hasBaseline ? await run('parta-thread-plain') : null;
  if (errors.length) console.error(`page errors: ${errors.join('; ')}`);

  console.log(
    `\nLong thread: ${setup.held.toLocaleString('en')} messages of ${count.toLocaleString('en')} seeded in one chat, held by the reader's store`,
  );
  console.log(
    `(real server on PGlite, loaded over HTTP in ${(setup.loadMs / 1000).toFixed(1)} s; thread ${THREAD_HEIGHT} px tall, headless Chromium)`,
  );
  console.log(` figure                         virtualized   before (plain repeat)   before/now   budget`);
  const line = (name, now, before, budget = '', digits = 1) =>
    console.log(
      ` ${name.padEnd(30)} ${fmt(now, digits).padStart(11)}   ${fmt(before, digits).padStart(21)}   ${ratio(before, now).padStart(10)}   ${budget}`,
    );
  line('first paint, first run, ms', virtual.paint.first.paintMs, plain?.paint.first.paintMs);
  line(
    'first paint, median of 5, ms',
    virtual.paint.median,
    plain?.paint.median,
    mark(virtual.paint.median, budgets.paintMs),
  );
  line(
    'elements in the shadow root',
    virtual.paint.last.elements,
    plain?.paint.last.elements,
    mark(virtual.paint.last.elements, budgets.elements),
    0,
  );
  line('all nodes in the shadow root', virtual.paint.last.nodes, plain?.paint.last.nodes, '', 0);
  line('message rows rendered', virtual.paint.last.rows, plain?.paint.last.rows, '', 0);
  line(
    'append one, median of 40, ms',
    virtual.append.median,
    plain?.append.median,
    mark(virtual.append.median, budgets.appendMs),
    2,
  );
  line('append one, p95, ms', virtual.append.p95, plain?.append.p95, '', 2);
  line('append, DOM calls alone, ms', domOnly.median, undefined, '', 2);
  line('scroll frame p50, ms', virtual.scroll.p50, plain?.scroll.p50);
  line('scroll frame p95, ms', virtual.scroll.p95, plain?.scroll.p95);
  line('scroll frame max, ms', virtual.scroll.max, plain?.scroll.max);
  line(`dropped frames of ${virtual.scroll.frames}`, virtual.scroll.dropped, plain?.scroll.dropped, '', 0);
  console.log(
    ` (scrolling: ${virtual.scroll.frames} frames, 150 px up per frame from the newest, set by script each frame)`,
  );
  console.log(
    ` (DOM calls alone: a rendered row cloned, new text, appended, laid out; the browser's share of an append, median of 40; p95 ${fmt(domOnly.p95, 2)})`,
  );
  if (!virtual.append.atBottom) console.log(' note: the virtualized thread did not stay at the bottom while appending');
  if (!hasBaseline) console.log(` the old thread (${BASELINE_COMMIT}) is not in this checkout: no baseline`);
  const over = [
    virtual.paint.median > budgets.paintMs && 'first paint',
    virtual.paint.last.elements > budgets.elements && 'DOM nodes',
    virtual.append.median > budgets.appendMs && 'append',
  ].filter(Boolean);
  console.log(over.length ? `over budget: ${over.join(', ')}` : 'thread budgets hold');
} catch (error) {
  console.error(`bench-thread could not run: ${error?.stack ?? error}`);
  if (errors.length) console.error(`page errors: ${errors.join('; ')}`);
} finally {
  await browser?.close();
  pageServer?.close();
  await parta.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
