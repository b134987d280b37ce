
import { createClient } from '@parta/core';
import { routes } from '@parta/protocol';
import '@parta/elements/thread/define';
import { PlainThread } from './plain-thread.ts';

if (PlainThread) customElements.define('parta-thread-plain', PlainThread);
const params = new URLSearchParams(location.search);
const baseUrl = params.get('server');
const chatId = params.get('chat');
const token = async (userId) => {
  const response = await fetch(baseUrl + routes.devSignIn, {
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
  el.style.cssText = 'display:flex;width:480px;height:600px';
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

async function append(tag, count) {
  const { el } = await open(tag);
  const scroller = el.shadowRoot.querySelector('[part~="messages"]');
  const times = [];
  for (let n = 0; n < count; n++) {
    const text = 'append ' + tag + ' ' + n + ' ' + Math.random().toString(36).slice(2);
    const seen = new Promise((resolve) => {
      const stop = $thread.listen((state) => {
        if (state.messages.at(-1)?.text !== text) return;
        stop();
        resolve();
      });
    });
    await writer.sendMessage(chatId, text);
    await seen;
    // The update that renders it, and the layout it needs; not the ones after it (marking the chat read).
    if (el.isUpdatePending) await el.updateComplete;
    void scroller.scrollHeight;
    times.push(performance.now() - changedAt);
    while (!(await el.updateComplete)) {}
    await frame();
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

async function probe() {
  const { el } = await open('parta-thread');
  const proto = Object.getPrototypeOf(el);
  const log = [];
  let current;
  const original = proto.performUpdate;
  el.performUpdate = function () {
    const started = performance.now();
    const result = original.call(this);
    current?.push(Math.round((started - changedAt) * 10) / 10 + ':' + Math.round((performance.now() - started) * 100) / 100);
    return result;
  };
  const reasons = new Map();
  const request = proto.requestUpdate;
  el.requestUpdate = function (...args) {
    if (current && !this.isUpdatePending) {
      const where = (new Error().stack ?? '').split(String.fromCharCode(10)).slice(2, 7).map((line) => line.trim().split(' ')[1] ?? '').join(' < ');
      reasons.set(where, (reasons.get(where) ?? 0) + 1);
    }
    return request.apply(this, args);
  };
  for (let n = 0; n < 5; n++) {
    current = [];
    (globalThis.lwTimes ?? []).splice(0);
    const text = 'probe ' + n + Math.random();
    const seen = new Promise((resolve) => {
      const stop = $thread.listen((state) => {
        if (state.messages.at(-1)?.text !== text) return;
        stop();
        resolve();
      });
    });
    await writer.sendMessage(chatId, text);
    await seen;
    while (!(await el.updateComplete)) {}
    const total = performance.now() - changedAt;
    await frame();
    await frame();
    log.push({ total: Math.round(total * 100) / 100, updates: current, lw: (globalThis.lwTimes ?? []).splice(0) });
  }
  return JSON.stringify(log) + ' || ' + [...reasons].map(([where, count]) => count + ' ' + where).join(' || ');
}

window.bench = { setup, paint, append, scroll, probe, hasPlain: Boolean(PlainThread) };
