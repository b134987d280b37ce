// The load benchmark's receiving sockets (scripts/bench-load.mjs), a share of them per worker
// thread. Ten thousand sockets in the thread that also sends would make that thread's garbage
// collection and its busy moments part of every latency it measures; split over threads of
// their own, each has a small heap and a stall of one delays only its share. A delivery is
// timed against the send's moment, which the sending thread writes to shared memory before
// the request leaves, on the same clock (`performance.timeOrigin + performance.now()` is one
// clock for every thread of a process). What is counted (deliveries per message, duplicates,
// order) goes to shared counters, so the sending thread sees stragglers arrive as before.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { startProbe } from './bench-probe.mjs';

const require = createRequire(join(workerData.serverDir, 'package.json'));
const { WebSocket } = require('ws');

/** Indices into a phase's shared `counters`, named by the sending thread. */
const { counter } = workerData;

const probe = startProbe();
const clock = () => performance.timeOrigin + performance.now();

/** The text between `start` and the next `end` in a frame (event and message carry the same chat and seq). */
function field(text, start, end) {
  const from = text.indexOf(start) + start.length;
  return text.slice(from, text.indexOf(end, from));
}

/**
 * The phase being measured: its first message number, the shared send times and counts, the
 * window (on the shared clock), and this thread's latencies with their message numbers. Deliveries of an earlier phase's
 * messages that arrive late are ignored.
 */
let phase = null;

function onEvent(state, chatId, seq, text) {
  const now = clock();
  const n = Number.parseInt(field(text, '"clientKey":"bench-key-', '"'), 10);
  const seen = state.seen.get(chatId);
  const current = phase;
  if (!seen || seen.has(seq)) {
    if (current) Atomics.add(current.counters, counter.duplicates, 1);
    return;
  }
  seen.add(seq);
  const last = state.last.get(chatId);
  if (seq > last) state.last.set(chatId, seq);
  if (!current || n < current.base) return;
  if (seq !== last + 1) Atomics.add(current.counters, counter.outOfOrder, 1);
  const i = n - current.base;
  Atomics.add(current.received, i, 1);
  Atomics.add(current.counters, counter.deliveries, 1);
  if (now >= current.windowStart && now < current.windowEnd) Atomics.add(current.counters, counter.windowDeliveries, 1);
  // Warm-up too: the sending thread keeps the window's for the figures and shows the rest in the timeline.
  current.messages[current.latencyCount] = i;
  current.latencies[current.latencyCount++] = now - current.sentAt[i];
}

const sockets = [];

const connectOne = ({ url, token, chatIds }) =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/socket`, { perMessageDeflate: false });
    const state = { socket, last: new Map(), seen: new Map() };
    for (const chatId of chatIds) {
      state.last.set(chatId, 0);
      state.seen.set(chatId, new Set());
    }
    sockets.push(state);
    const timer = setTimeout(() => reject(new Error(`socket of ${chatIds} not ready in 60 s`)), 60_000);
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'auth', token }));
      socket.send(JSON.stringify({ type: 'resume', cursors: Object.fromEntries(state.last) }));
    });
    socket.on('error', reject);
    socket.on('message', (data) => {
      const text = data.toString();
      // Message events are most of the traffic: their three fields are read without parsing the
      // whole frame, so that the load generator spends less of the shared cores than the server.
      if (text.includes('"kind":"message.created"')) {
        onEvent(state, field(text, '"chatId":"', '"'), Number.parseInt(field(text, '"seq":', '"'), 10), text);
        return;
      }
      const frame = JSON.parse(text);
      if (frame.type === 'resumed') {
        clearTimeout(timer);
        resolve();
      } else if (frame.type === 'error') reject(new Error(`socket: ${frame.code} ${frame.message}`));
    });
  });

async function connectAll() {
  const { sockets: wanted, parallel } = workerData;
  let next = 0;
  const connectWorker = async () => {
    while (next < wanted.length) await connectOne(wanted[next++]);
  };
  await Promise.all(Array.from({ length: parallel }, connectWorker));
}

parentPort.on('message', (message) => {
  if (message.type === 'phase') {
    phase = {
      ...message,
      latencies: new Float64Array(message.latencyCapacity),
      messages: new Int32Array(message.latencyCapacity),
      latencyCount: 0,
    };
    parentPort.postMessage({ type: 'phase-set' });
  } else if (message.type === 'window') {
    // Event loop and GC figures count from here.
    probe.take();
  } else if (message.type === 'finish') {
    // Each latency with the message it belongs to, for the timeline by send time.
    const latencies = phase.latencies.slice(0, phase.latencyCount);
    const messages = phase.messages.slice(0, phase.latencyCount);
    parentPort.postMessage({ type: 'finished', latencies, messages, probe: probe.take() }, [
      latencies.buffer,
      messages.buffer,
    ]);
  } else if (message.type === 'close') {
    for (const state of sockets) state.socket.terminate();
    probe.stop();
    parentPort.close();
  }
});

connectAll().then(
  () => parentPort.postMessage({ type: 'ready' }),
  (error) => parentPort.postMessage({ type: 'error', message: error.stack ?? String(error) }),
);
