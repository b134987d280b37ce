#!/usr/bin/env node
// The server under load: send → deliver latency with many sockets in rooms of 30.
// Senders post messages over HTTP (the real path: token check, membership, the
// PostgreSQL write of message, event and read position, the publish); receivers
// are real `ws` WebSocket clients that authenticate with the auth frame and resume
// from their cursors. Every delivery is timed from just before its send to the
// receipt of its `event` frame, and counted: lost, duplicated, out of order per
// socket and chat. The servers, PostgreSQL, Redis and this load generator share
// the machine's cores, so CPU per message and the load average are printed too.
//
// Setups, each on a fresh PostgreSQL database with fresh server processes:
//   local   one process, the in-process bus (no Redis): the baseline
//   redis   one process, every event through Redis (publish → subscribe)
//   redis×2 two processes behind one Redis, sockets and senders split between them
//
//   --quick               2,000 sockets, 3,000 deliveries/s, 5 s: for iteration
//   --sockets N           connected sockets (default 10,000)
//   --rate N              target deliveries per second (default 15,000)
//   --seconds N           measured steady load after warm-up (default 10)
//   --setups a,b          some of local,redis,redis2 (default all three)
//   --connections N       PostgreSQL connections shared by the server processes (default 40)
//   --no-step-down        only the target rate (by default, when it misses the budget, lower
//                         rates follow on the same sockets until one holds)
// PARTA_BENCH_PG (admin URL; a database parta_bench_<pid> is created and dropped) and
// PARTA_BENCH_REDIS override the local defaults; PARTA_BENCH_PROFILE=dir writes each
// server's CPU profile there.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(root, 'apps', 'server');
const require = createRequire(join(serverDir, 'package.json'));
const pg = require('pg');
const { WebSocket } = require('ws');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  return args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
};
const quick = flag('quick');
const socketCount = Number(option('sockets', quick ? 2_000 : 10_000));
const targetRate = Number(option('rate', quick ? 3_000 : 15_000));
const seconds = Number(option('seconds', quick ? 5 : 10));
const warmupSeconds = quick ? 1.5 : 3;
const setupNames = option('setups', 'local,redis,redis2').split(',');
const stepDown = !flag('no-step-down');
const roomSize = 30;
const p99Budget = 50;
/**
 * PostgreSQL connections for all server processes together. A send holds one for two short
 * statements, which on a busy machine wait mostly for their turn on a core: with only ten,
 * the pool, not the CPU, caps a process at about 4,500 deliveries/s here.
 */
const databaseConnections = Number(option('connections', 40));

const adminUrl = process.env.PARTA_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.PARTA_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const databaseName = `parta_bench_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
/** The development secret `startServer` signs Parta's own tokens with when dev auth is on. */
const devServerSecret = 'parta-dev-server-secret';

const log = (...parts) => console.error('[load]', ...parts);

// ---------------------------------------------------------------- database

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const createDatabase = () => admin(`CREATE DATABASE ${databaseName}`);
const dropDatabase = () => admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);

/**
 * Users `b0…`, rooms of exactly 30: user i sits in room floor(i / 30); the last room is
 * topped up with the first users, who are then in two rooms (as people are).
 */
function layout(sockets) {
  const rooms = Math.ceil(sockets / roomSize);
  const members = Array.from({ length: rooms }, (_, room) =>
    Array.from({ length: roomSize }, (_, k) => `bu${(room * roomSize + k) % sockets}`),
  );
  const roomsOf = Array.from({ length: sockets }, () => []);
  members.forEach((list, room) => {
    for (const userId of list) roomsOf[Number(userId.slice(2))].push(room);
  });
  return { rooms, members, roomsOf, chatId: (room) => `bc${room}` };
}

async function seed(world) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (id, surname, name, verified)
       SELECT 'bu' || n, 'Нагрузкин', 'Ученик ' || n, false FROM generate_series(0, $1::int - 1) n`,
      [socketCount],
    );
    await client.query(
      `INSERT INTO chats (id, kind, title)
       SELECT 'bc' || n, 'group', 'Комната ' || n FROM generate_series(0, $1::int - 1) n`,
      [world.rooms],
    );
    const chatIds = [];
    const userIds = [];
    world.members.forEach((list, room) => {
      for (const userId of list) {
        chatIds.push(world.chatId(room));
        userIds.push(userId);
      }
    });
    await client.query(
      `INSERT INTO chat_members (chat_id, user_id, role)
       SELECT c, u, 'member' FROM unnest($1::text[], $2::text[]) AS t(c, u)`,
      [chatIds, userIds],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- tokens

const base64url = (value) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The same token `auth.mint` gives a dev sign-in: HS256, issuer and audience `parta`, 1 hour. */
function mint(userId) {
  const now = Math.floor(Date.now() / 1000);
  const head = `${base64url({ alg: 'HS256' })}.${base64url({ iss: 'parta', sub: userId, aud: 'parta', iat: now, exp: now + 3600 })}`;
  return `${head}.${createHmac('sha256', devServerSecret).update(head).digest('base64url')}`;
}

// ---------------------------------------------------------------- servers

function startProcess(redis, poolSize) {
  // PARTA_BENCH_PROFILE=dir writes each server's CPU profile there (for finding what to make faster).
  const profile = process.env.PARTA_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PARTA_BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis ? redisUrl : '',
      PARTA_SEED: '0',
      PARTA_DEV_AUTH: '1',
      PARTA_LOG: '0',
      PARTA_DB_POOL: String(poolSize),
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000).unref();
  });
  return {
    child,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU seconds a process has used so far, user and system (the kernel's share: sockets), from /proc. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

/** The text between `start` and the next `end` in a frame (event and message carry the same chat and seq). */
function field(text, start, end) {
  const from = text.indexOf(start) + start.length;
  return text.slice(from, text.indexOf(end, from));
}

/** The PostgreSQL backends serving the bench database (their CPU is the database's share of the sends). */
function databaseBackends() {
  try {
    return execFileSync('pgrep', ['-f', `postgres: .* ${databaseName} `], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function pidsOf(name) {
  try {
    return execFileSync('pgrep', ['-x', name], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds per process, to subtract later: a pool closes idle connections, so backends come and go. */
const cpuOf = (pids) => new Map(pids.map((pid) => [pid, cpuSeconds(pid)]).map(([pid, c]) => [pid, c.user + c.system]));
/** CPU used since `before` by the processes still alive now. */
const cpuSince = (before) => {
  let sum = 0;
  for (const [pid, then] of before) {
    const c = cpuSeconds(pid);
    if (Number.isFinite(c.user) && Number.isFinite(then)) sum += c.user + c.system - then;
  }
  return sum;
};

// ---------------------------------------------------------------- one setup

/**
 * Starts the setup's processes on a fresh database, connects every socket once, then runs
 * load phases on them: the target rate first and, when it misses the budget, lower rates
 * until one holds. Per delivery the receiving socket checks its chat's sequence (each event
 * exactly one more than the last), counts duplicates, and records the latency from the
 * send's timestamp.
 */
async function runSetup(setup) {
  const world = layout(socketCount);
  await dropDatabase();
  await createDatabase();
  // The same PostgreSQL connections in total whatever the number of processes, so two processes
  // are compared with one on the database's terms too.
  const processes = Array.from({ length: setup.processes }, () =>
    startProcess(setup.redis, Math.floor(databaseConnections / setup.processes)),
  );
  const cleanup = [];
  const results = [];
  try {
    // The first process migrates the empty database; the other waits on the advisory lock.
    const urls = await Promise.all(processes.map((p) => p.url));
    await seed(world);

    // One token per person, for its socket and its sends alike, as a page holds one.
    const tokens = new Map();
    const tokenOf = (userId) => {
      let token = tokens.get(userId);
      if (!token) tokens.set(userId, (token = mint(userId)));
      return token;
    };

    /** The phase being measured; deliveries of an earlier phase's messages that arrive late are ignored. */
    let phase = null;

    // ------------------------------------------------ sockets
    const sockets = new Array(socketCount);
    const onEvent = (state, chatId, seq, text) => {
      const now = performance.now();
      const n = Number.parseInt(field(text, '"clientKey":"bench-key-', '"'), 10);
      const seen = state.seen.get(chatId);
      const current = phase;
      if (!seen || seen.has(seq)) {
        if (current) current.duplicates++;
        return;
      }
      seen.add(seq);
      const last = state.last.get(chatId);
      if (seq > last) state.last.set(chatId, seq);
      if (!current || n < current.base) return;
      if (seq !== last + 1) current.outOfOrder++;
      const i = n - current.base;
      current.deliveries++;
      current.received[i]++;
      if (now >= current.windowStart && now < current.windowEnd) current.windowDeliveries++;
      const sent = current.sentAt[i];
      if (sent >= current.windowStart && sent < current.windowEnd)
        current.latencies[current.latencyCount++] = now - sent;
    };
    const connectOne = (index) =>
      new Promise((resolve, reject) => {
        const userId = `bu${index}`;
        const base = urls[index % urls.length].replace('http', 'ws');
        const socket = new WebSocket(`${base}/api/v1/socket`, { perMessageDeflate: false });
        const state = { socket, last: new Map(), seen: new Map() };
        for (const room of world.roomsOf[index]) {
          state.last.set(world.chatId(room), 0);
          state.seen.set(world.chatId(room), new Set());
        }
        const timer = setTimeout(() => reject(new Error(`socket ${index} not ready in 60 s`)), 60_000);
        socket.on('open', () => {
          socket.send(JSON.stringify({ type: 'auth', token: tokenOf(userId) }));
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
            resolve(state);
          } else if (frame.type === 'error') reject(new Error(`socket ${index}: ${frame.code} ${frame.message}`));
        });
        sockets[index] = state;
      });

    const connectStarted = performance.now();
    let next = 0;
    const connectWorker = async () => {
      while (next < socketCount) await connectOne(next++);
    };
    cleanup.push(() => {
      for (const state of sockets) state?.socket.terminate();
    });
    await Promise.all(Array.from({ length: 64 }, connectWorker));
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    log(`${setup.label}: ${socketCount} sockets ready in ${connectSeconds.toFixed(1)} s`);

    // ------------------------------------------------ senders
    const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
    cleanup.push(() => {
      for (const agent of agents) agent.destroy();
    });
    let issued = 0;
    let inFlight = 0;
    const send = (n, current) => {
      // Round-robin over the rooms, and over each room's members as senders.
      const room = n % world.rooms;
      const member = Math.floor(n / world.rooms) % roomSize;
      const userId = world.members[room][member];
      const target = Number(userId.slice(2)) % urls.length;
      const body = JSON.stringify({ clientKey: `bench-key-${n}`, text: `Сообщение под нагрузкой ${n}` });
      const url = new URL(`/api/v1/chats/${world.chatId(room)}/messages`, urls[target]);
      const i = n - current.base;
      inFlight++;
      current.sentAt[i] = performance.now();
      const failed = (reason) => {
        current.sendErrors++;
        current.lastError = reason;
      };
      const request = http.request(
        url,
        {
          method: 'POST',
          agent: agents[target],
          headers: {
            authorization: `Bearer ${tokenOf(userId)}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => {
            inFlight--;
            if (response.statusCode === 201) current.ok[i] = 1;
            else failed(`${response.statusCode} ${text.slice(0, 200)}`);
          });
        },
      );
      request.on('error', (error) => {
        inFlight--;
        failed(error.message);
      });
      request.end(body);
    };

    const serverPids = processes.map((p) => p.child.pid);
    const redisPids = setup.redis ? pidsOf('redis-server') : [];

    async function runPhase(rate) {
      const messagesPerSecond = rate / roomSize;
      // A second's worth of sends may wait for their answers; beyond that the server is not keeping up.
      const maxInFlight = Math.max(50, Math.ceil(messagesPerSecond));
      const capacity = Math.ceil(messagesPerSecond * (warmupSeconds + seconds) * 1.05) + 100;
      const started = performance.now();
      const current = {
        base: issued,
        sentAt: new Float64Array(capacity).fill(-1),
        ok: new Uint8Array(capacity),
        received: new Uint8Array(capacity),
        latencies: new Float64Array(capacity * roomSize),
        latencyCount: 0,
        deliveries: 0,
        duplicates: 0,
        outOfOrder: 0,
        windowDeliveries: 0,
        windowStart: started + warmupSeconds * 1000,
        windowEnd: started + (warmupSeconds + seconds) * 1000,
        sendErrors: 0,
        skipped: 0,
        maxInFlight,
        lastError: '',
      };
      phase = current;
      let count = 0;
      let cpuAtWindow = null;
      await new Promise((resolve) => {
        const tick = setInterval(() => {
          const now = performance.now();
          if (cpuAtWindow === null && now >= current.windowStart) {
            const backends = databaseBackends();
            cpuAtWindow = {
              servers: serverPids.map(cpuSeconds),
              self: process.cpuUsage(),
              backends,
              database: cpuOf(backends),
              redis: cpuOf(redisPids),
              at: now,
            };
          }
          if (now >= current.windowEnd) {
            clearInterval(tick);
            resolve();
            return;
          }
          const due = Math.min(Math.floor(((now - started) / 1000) * messagesPerSecond), capacity);
          for (; count < due; count++, issued++) {
            // The server is not keeping up: this message is never sent, so it is not "lost" either.
            if (inFlight >= current.maxInFlight) current.skipped++;
            else send(issued, current);
          }
        }, 2);
      });
      const cpuEnd = {
        servers: serverPids.map(cpuSeconds),
        self: process.cpuUsage(cpuAtWindow.self),
        database: cpuSince(cpuAtWindow.database),
        redis: cpuSince(cpuAtWindow.redis),
        at: performance.now(),
      };
      const windowSeconds = (cpuEnd.at - cpuAtWindow.at) / 1000;

      // Stragglers: wait until every acknowledged send is fully delivered, or nothing moves for 5 s.
      const tally = () => {
        let expected = 0;
        let got = 0;
        let lostMessages = 0;
        for (let i = 0; i < count; i++) {
          if (!current.ok[i]) continue;
          expected += roomSize;
          got += current.received[i];
          if (current.received[i] < roomSize) lostMessages++;
        }
        return { expected, got, lostMessages };
      };
      let quietSince = performance.now();
      let lastCount = -1;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { expected, got } = tally();
        if (inFlight === 0 && got >= expected) break;
        if (current.deliveries !== lastCount || inFlight > 0) {
          lastCount = current.deliveries;
          quietSince = performance.now();
        } else if (performance.now() - quietSince > 5_000) break;
      }
      const { expected, got, lostMessages } = tally();
      const sorted = current.latencies.slice(0, current.latencyCount).sort();
      const quantile = (q) =>
        sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN;
      return {
        setup: setup.label,
        sockets: socketCount,
        rooms: world.rooms,
        target: rate,
        achieved: current.windowDeliveries / windowSeconds,
        p50: quantile(0.5),
        p99: quantile(0.99),
        max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
        lost: expected - got,
        lostMessages,
        duplicates: current.duplicates,
        outOfOrder: current.outOfOrder,
        sendErrors: current.sendErrors,
        skipped: current.skipped,
        lastError: current.lastError,
        samples: current.latencyCount,
        serverCpu: cpuEnd.servers.map((end, i) => ({
          user: (end.user - cpuAtWindow.servers[i].user) / windowSeconds,
          system: (end.system - cpuAtWindow.servers[i].system) / windowSeconds,
        })),
        messagesPerSecond: current.windowDeliveries / windowSeconds / roomSize,
        selfCpu: (cpuEnd.self.user + cpuEnd.self.system) / 1e6 / windowSeconds,
        databaseCpu: cpuEnd.database / windowSeconds,
        redisCpu: cpuEnd.redis / windowSeconds,
        loadAverage: loadavg()[0],
        connectSeconds,
      };
    }

    let rate = targetRate;
    for (let step = 0; ; step++) {
      log(`${setup.label}: ${rate} deliveries/s for ${seconds} s after ${warmupSeconds} s warm-up`);
      const result = await runPhase(rate);
      results.push(result);
      log(
        `${setup.label}: achieved ${Math.round(result.achieved)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, lost ${result.lost}`,
      );
      if (!stepDown || holds(result) || step >= 2 || rate <= 300) break;
      // Two thirds, and no more than the server just managed.
      rate = Math.max(300, Math.floor(Math.min(rate * (2 / 3), result.achieved * 0.8) / 300) * 300);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    return results;
  } catch (error) {
    const output = processes.map((p) => p.output().trim()).filter(Boolean);
    if (output.length) log(`server output:\n${output.join('\n---\n').slice(-2_000)}`);
    error.results = results;
    throw error;
  } finally {
    for (const step of cleanup) step();
    await Promise.all(processes.map((p) => p.stop()));
    await dropDatabase();
  }
}

const holds = (r) =>
  r.p99 <= p99Budget &&
  r.lost === 0 &&
  r.duplicates === 0 &&
  r.outOfOrder === 0 &&
  r.sendErrors === 0 &&
  r.skipped === 0;

// ---------------------------------------------------------------- main

const setups = {
  local: { label: '1 process, local bus', processes: 1, redis: false },
  redis: { label: '1 process + Redis', processes: 1, redis: true },
  redis2: { label: '2 processes + Redis', processes: 2, redis: true },
};

function ulimit() {
  try {
    return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  } catch {
    return Number.NaN;
  }
}

const limit = ulimit();
if (limit < socketCount + 500) {
  console.log(
    `Load benchmark skipped: ${socketCount} sockets need more open files than \`ulimit -n\` allows (${limit}).`,
  );
  process.exit(0);
}

const results = [];
let failure = null;
try {
  for (const name of setupNames) {
    const setup = setups[name];
    if (!setup) throw new Error(`Unknown setup ${name} (local, redis, redis2)`);
    try {
      results.push(...(await runSetup(setup)));
    } catch (error) {
      results.push(...(error.results ?? []));
      throw error;
    }
  }
} catch (error) {
  failure = error;
}

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
const count = (value) => Math.round(value).toLocaleString('en-US');
const header = [
  'setup',
  'sockets',
  'rooms',
  'target deliveries/s',
  'achieved deliveries/s',
  'p50',
  'p99',
  'max',
  'lost',
  'duplicates',
  'out-of-order',
];
const rows = results.map((r) => [
  r.setup,
  count(r.sockets),
  count(r.rooms),
  count(r.target),
  count(r.achieved),
  ms(r.p50),
  ms(r.p99),
  ms(r.max),
  count(r.lost),
  count(r.duplicates),
  count(r.outOfOrder),
]);
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
const line = (cells) =>
  `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;

console.log('\nServer under load: send → deliver over HTTP + WebSocket, PostgreSQL write per send, loopback');
console.log(
  `(rooms of ${roomSize}; ${seconds} s measured after ${warmupSeconds} s warm-up; ${databaseConnections} PostgreSQL connections in all; budget p99 ≤ ${p99Budget} ms, 0 lost)`,
);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows) console.log(line(row));
for (const r of results) {
  const notes = [
    `server CPU ${r.serverCpu.map((c) => `${Math.round((c.user + c.system) * 100)}% (kernel ${Math.round(c.system * 100)}%)`).join(' + ')}`,
    `${((r.serverCpu.reduce((sum, c) => sum + c.user + c.system, 0) / r.messagesPerSecond) * 1000).toFixed(2)} server CPU ms per message of ${roomSize} deliveries`,
    `PostgreSQL CPU ${Math.round(r.databaseCpu * 100)}%`,
    ...(r.redisCpu > 0 ? [`Redis CPU ${Math.round(r.redisCpu * 100)}%`] : []),
    `load generator CPU ${Math.round(r.selfCpu * 100)}%`,
    `machine load average ${r.loadAverage.toFixed(1)} on ${availableParallelism()} cores`,
    `${count(r.samples)} latency samples`,
  ];
  if (r.skipped) notes.push(`${count(r.skipped)} sends not made (a second's worth already waiting for answers)`);
  if (r.sendErrors) notes.push(`${count(r.sendErrors)} send errors (last: ${r.lastError})`);
  if (r.lostMessages) notes.push(`${count(r.lostMessages)} messages not delivered to every member`);
  console.log(`  ${r.setup} @ ${count(r.target)}/s: budget ${holds(r) ? 'holds' : 'MISSES'}; ${notes.join('; ')}`);
}
const bySetup = new Map();
for (const r of results) bySetup.set(r.setup, [...(bySetup.get(r.setup) ?? []), r]);
for (const [setup, runs] of bySetup) {
  const best = runs.filter(holds).sort((a, b) => b.target - a.target)[0];
  console.log(
    best
      ? `  ${setup}: p99 ≤ ${p99Budget} ms with nothing lost at ${count(best.target)} deliveries/s (p99 ${ms(best.p99)})`
      : `  ${setup}: no rate tried held the budget (lowest tried ${count(runs.at(-1).target)}/s)`,
  );
}
const atTarget = (setup) => results.find((r) => r.setup === setup.label && r.target === targetRate);
const one = atTarget(setups.redis);
const two = atTarget(setups.redis2);
const local = atTarget(setups.local);
if (one && two) {
  console.log(
    `  at ${count(targetRate)}/s, 2 processes vs 1 (Redis): achieved ×${(two.achieved / one.achieved).toFixed(2)}, p50 ×${(two.p50 / one.p50).toFixed(2)}, p99 ×${(two.p99 / one.p99).toFixed(2)}`,
  );
}
if (one && local) {
  console.log(
    `  at ${count(targetRate)}/s, Redis hop vs local bus (1 process): p50 ×${(one.p50 / local.p50).toFixed(2)}, p99 ×${(one.p99 / local.p99).toFixed(2)}`,
  );
}
if (failure) console.log(`Load benchmark stopped early: ${failure.stack ?? failure}`);
process.exit(0);
