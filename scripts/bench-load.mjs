#!/usr/bin/env node
// The server under load: send → deliver latency with many sockets in rooms of 30.
// Senders post messages over HTTP (the real path: token check, membership, the
// PostgreSQL write of message, event and read position, the publish); receivers
// are real `ws` WebSocket clients that authenticate with the auth frame and resume
// from their cursors, split over worker threads (scripts/bench-load-receivers.mjs),
// so that the sending thread's pauses and theirs do not add up. Every delivery is
// timed from just before its send to the receipt of its `event` frame, on one clock
// for all threads, and counted: lost, duplicated, out of order per socket and chat.
// The sends' answer times are printed too: a tail there is the write and the server's
// queue, not the fan-out.
//
// The servers, PostgreSQL, Redis and this load generator share the machine's cores,
// so the figures come with what explains a tail: CPU per message, the CPU of anything
// else on the machine, the load average, and for each server process and each thread
// of the load generator its event loop delay, GC pauses, and time spent ready to run
// but waiting for a core (scripts/bench-probe.mjs, loaded into the servers with
// --import and asked over SIGUSR2).
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
//   --connections N       PostgreSQL connections shared by the server processes (default six
//                         per core of this machine)
//   --receivers N         threads the load generator's sockets are split over (default 2)
//   --timeline            per second of the window: deliveries' p50, p99 and max and the sends'
//                         answer p99 by send time, to tell a few stalls from a slow second, and
//                         what each process and thread did then: longest event loop delay / GC
//                         ms / largest share of the second spent waiting for a CPU
//   --no-step-down        only the target rate (by default, when it misses the budget, lower
//                         rates follow on the same sockets until one holds)
// PARTA_BENCH_PG (admin URL; a database parta_bench_<pid> is created and dropped) and
// PARTA_BENCH_REDIS override the local defaults; PARTA_BENCH_PROFILE=dir writes each
// server's CPU profile there.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describeProbe, startProbe } from './bench-probe.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = join(root, 'apps', 'server');
const require = createRequire(join(serverDir, 'package.json'));
const pg = require('pg');

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
/** Before the first phase's warm-up, the rate climbs from nothing over this long (see `runPhase`). */
const rampSeconds = quick ? 1 : 3;
const setupNames = option('setups', 'local,redis,redis2').split(',');
const stepDown = !flag('no-step-down');
const receiverThreads = Number(option('receivers', 2));
const timeline = flag('timeline');
const roomSize = 30;
const p99Budget = 50;
/**
 * PostgreSQL connections for all server processes together, six per core of this machine (the
 * database shares it). More do not add throughput, they add contention: when a second's sends
 * pile up, every connection commits at once, PostgreSQL's CPU per send doubles (0.3 → 0.6 cores
 * at 500 sends/s), the two cores saturate and the backlog feeds itself. At 15,000 deliveries/s,
 * 40 connections gave p99 373 / 211 / 153 ms (local, Redis, Redis×2) and 12 gave 27 / 48 / 60 ms,
 * run right after each other.
 */
const databaseConnections = Number(option('connections', 6 * availableParallelism()));

const adminUrl = process.env.PARTA_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.PARTA_BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const databaseName = `parta_bench_${process.pid}`;
/** Send and receipt times: one clock for every thread of this process. */
const clock = () => performance.timeOrigin + performance.now();
/** Indices into a phase's shared counters, which every receiving thread adds to. */
const counter = { deliveries: 0, duplicates: 1, outOfOrder: 2, windowDeliveries: 3 };
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
    // Settled as a database in service is: its tables vacuumed and analysed, its pages written out; else
    // autovacuum's first visit to the new database and its first checkpoint fall inside the measured window.
    await client.query('VACUUM ANALYZE');
    await client.query('CHECKPOINT');
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
  const probe = pathToFileURL(join(root, 'scripts', 'bench-probe.mjs')).href;
  const child = spawn(
    process.execPath,
    [
      ...profile,
      // The young generation of the server's start script (apps/server/package.json).
      '--max-semi-space-size=64',
      '--import',
      probe,
      '--conditions=source',
      '--import',
      'tsx',
      'src/main.ts',
    ],
    {
      cwd: serverDir,
      env: {
        ...process.env,
        PARTA_BENCH_PROBE: '1',
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
    },
  );
  let output = '';
  /** Waiting for the answer to a SIGUSR2: the process's event loop and GC figures. */
  const probeWaiters = [];
  let probeLine = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      probeLine += chunk;
      for (let end = probeLine.indexOf('\n'); end >= 0; end = probeLine.indexOf('\n')) {
        const text = probeLine.slice(0, end);
        probeLine = probeLine.slice(end + 1);
        if (text.startsWith('[probe] ')) probeWaiters.shift()?.(JSON.parse(text.slice(8)));
        else output += `${text}\n`;
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000).unref();
  });
  return {
    child,
    url,
    output: () => output,
    /** The server's event loop and GC figures since the last call (the first call only starts counting). */
    probe() {
      if (child.exitCode !== null) return Promise.resolve(null);
      const answer = new Promise((resolve) => probeWaiters.push(resolve));
      child.kill('SIGUSR2');
      return answer;
    },
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

/**
 * CPU seconds the whole machine has been busy so far, all cores together, from /proc/stat. It
 * counts interrupt time too, which no process is charged with (part of it is loopback traffic).
 */
function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Every PostgreSQL process (backends, autovacuum, checkpointer, WAL writer): CPU seconds by pid. */
function postgresSeconds() {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (entry.charCodeAt(0) > 57) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(entry, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Gone meanwhile.
    }
  }
  return byPid;
}

/**
 * Samples, once a second until stopped, the CPU the machine, PostgreSQL, the servers and this
 * process used in that second (in cores), for the timeline: a latency spike with every core busy
 * says the machine, not one process, was short of time.
 */
function sampleMachine(serverPids) {
  const read = () => ({
    at: Date.now(),
    machine: machineBusySeconds(),
    postgres: postgresSeconds(),
    servers: serverPids.reduce((sum, pid) => {
      const c = cpuSeconds(pid);
      return sum + c.user + c.system;
    }, 0),
    self: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  });
  let last = read();
  const seconds = [];
  const timer = setInterval(() => {
    const now = read();
    const span = (now.at - last.at) / 1000;
    const share = (key) => (now[key] - last[key]) / span;
    // A process that started this second counts from nothing; one that ended is left out.
    let postgres = 0;
    for (const [pid, used] of now.postgres) postgres += used - (last.postgres.get(pid) ?? 0);
    seconds.push({
      at: now.at,
      machine: share('machine'),
      postgres: postgres / span,
      servers: share('servers'),
      self: share('self'),
    });
    last = now;
  }, 1000);
  return {
    /** Stops sampling and answers the seconds sampled. */
    stop() {
      clearInterval(timer);
      return seconds;
    },
  };
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

    // ------------------------------------------------ sockets
    // Socket i belongs to process i % processes and to receiving thread i % receivers.
    const connectStarted = performance.now();
    const receivers = Array.from({ length: receiverThreads }, (_, thread) => {
      const wanted = [];
      for (let index = thread; index < socketCount; index += receiverThreads) {
        wanted.push({
          url: urls[index % urls.length],
          token: tokenOf(`bu${index}`),
          chatIds: world.roomsOf[index].map(world.chatId),
        });
      }
      const worker = new Worker(new URL('./bench-load-receivers.mjs', import.meta.url), {
        workerData: { serverDir, counter, sockets: wanted, parallel: Math.ceil(64 / receiverThreads) },
      });
      const answers = [];
      let failed = null;
      worker.on('message', (message) => {
        if (message.type === 'error') failed = new Error(message.message);
        answers.shift()?.[failed ? 'reject' : 'resolve'](failed ?? message);
      });
      worker.on('error', (error) => {
        failed = error;
        for (const answer of answers.splice(0)) answer.reject(error);
      });
      /** The thread's next answer (they come in the order asked). */
      const next = () =>
        failed ? Promise.reject(failed) : new Promise((resolve, reject) => answers.push({ resolve, reject }));
      return {
        worker,
        next,
        ready: next(),
        ask(message) {
          const answer = next();
          worker.postMessage(message);
          return answer;
        },
        tell: (message) => worker.postMessage(message),
      };
    });
    cleanup.push(() => {
      for (const receiver of receivers) {
        receiver.tell({ type: 'close' });
        void receiver.worker.terminate();
      }
    });
    await Promise.all(receivers.map((receiver) => receiver.ready));
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
      current.sentAt[i] = clock();
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
            // How long the server took to answer: the write and the publish, before the deliveries.
            current.answeredAt[i] = clock();
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

    /**
     * `rampSeconds`: the rate first climbs from nothing to `rate` over this long, then the usual
     * warm-up at `rate` follows. Fresh server processes do their one-off work then (the JIT
     * compiling the send path, each PostgreSQL connection preparing its statements, the first
     * pages of the new tables), which is no part of a running server's latency: done at full rate
     * at once it costs a second's backlog that this machine's few spare cycles take seconds to work off.
     */
    async function runPhase(rate, rampSeconds = 0) {
      const messagesPerSecond = rate / roomSize;
      // A second's worth of sends may wait for their answers; beyond that the server is not keeping up.
      const maxInFlight = Math.max(50, Math.ceil(messagesPerSecond));
      const capacity = Math.ceil(messagesPerSecond * (rampSeconds / 2 + warmupSeconds + seconds) * 1.05) + 100;
      const started = clock();
      // Seconds' worth of sends due after t seconds: the rate climbs during the ramp, then holds.
      const sentBy = (t) => (t >= rampSeconds ? t - rampSeconds / 2 : (t * t) / (2 * rampSeconds));
      // Shared with the receiving threads: send times, deliveries per message, and the counters.
      const shared = {
        base: issued,
        sentAt: new Float64Array(new SharedArrayBuffer(capacity * 8)).fill(-1),
        received: new Uint8Array(new SharedArrayBuffer(capacity)),
        counters: new Int32Array(new SharedArrayBuffer(Object.keys(counter).length * 4)),
        windowStart: started + (rampSeconds + warmupSeconds) * 1000,
        windowEnd: started + (rampSeconds + warmupSeconds + seconds) * 1000,
        latencyCapacity: capacity * roomSize,
      };
      const current = {
        ...shared,
        ok: new Uint8Array(capacity),
        answeredAt: new Float64Array(capacity),
        sendErrors: 0,
        skipped: 0,
        maxInFlight,
        lastError: '',
      };
      const counted = (name) => Atomics.load(current.counters, counter[name]);
      await Promise.all(receivers.map((receiver) => receiver.ask({ type: 'phase', ...shared })));
      let count = 0;
      let cpuAtWindow = null;
      // Listed now: pgrep takes tens of milliseconds, which at the window's start would hold up the sends.
      const backends = databaseBackends();
      const machine = timeline ? sampleMachine(serverPids) : null;
      await new Promise((resolve) => {
        const tick = setInterval(() => {
          const now = clock();
          if (cpuAtWindow === null && now >= current.windowStart) {
            cpuAtWindow = {
              servers: serverPids.map(cpuSeconds),
              self: process.cpuUsage(),
              backends,
              database: cpuOf(backends),
              redis: cpuOf(redisPids),
              machine: machineBusySeconds(),
              at: now,
            };
            // Event loop and GC figures count from here.
            generatorProbe.take();
            for (const receiver of receivers) receiver.tell({ type: 'window' });
            for (const p of processes) void p.probe();
          }
          if (now >= current.windowEnd) {
            clearInterval(tick);
            resolve();
            return;
          }
          const due = Math.min(Math.floor(sentBy((now - started) / 1000) * messagesPerSecond), capacity);
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
        machine: machineBusySeconds() - cpuAtWindow.machine,
        at: clock(),
        generator: generatorProbe.take(),
        machineSeconds: machine?.stop() ?? [],
        serverProbes: await Promise.all(processes.map((p) => p.probe())),
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
          const received = Atomics.load(current.received, i);
          got += received;
          if (received < roomSize) lostMessages++;
        }
        return { expected, got, lostMessages };
      };
      let quietSince = performance.now();
      let lastCount = -1;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { expected, got } = tally();
        if (inFlight === 0 && got >= expected) break;
        if (counted('deliveries') !== lastCount || inFlight > 0) {
          lastCount = counted('deliveries');
          quietSince = performance.now();
        } else if (performance.now() - quietSince > 5_000) break;
      }
      const { expected, got, lostMessages } = tally();
      const finished = await Promise.all(receivers.map((receiver) => receiver.ask({ type: 'finish' })));
      // The deliveries and answers of the sends made in the window.
      const inWindow = (i) => current.sentAt[i] >= current.windowStart && current.sentAt[i] < current.windowEnd;
      const windowLatencies = [];
      for (const { latencies, messages } of finished) {
        for (let k = 0; k < latencies.length; k++) if (inWindow(messages[k])) windowLatencies.push(latencies[k]);
      }
      const sorted = Float64Array.from(windowLatencies).sort();
      const answers = [];
      for (let i = 0; i < count; i++)
        if (current.ok[i] && inWindow(i)) answers.push(current.answeredAt[i] - current.sentAt[i]);
      const answerTimes = Float64Array.from(answers).sort();
      const perSecond = timeline
        ? timelineOf(current, finished, count, cpuEnd.machineSeconds, [
            ...cpuEnd.serverProbes.map((figures, i) => ({
              name: `server${processes.length > 1 ? i + 1 : ''}`,
              figures,
            })),
            { name: 'sender', figures: cpuEnd.generator },
            ...finished.map((answer, i) => ({ name: `receiver${i + 1}`, figures: answer.probe })),
          ])
        : [];
      const quantile = (q) => quantileOf(sorted, q);
      return {
        setup: setup.label,
        sockets: socketCount,
        rooms: world.rooms,
        target: rate,
        achieved: counted('windowDeliveries') / windowSeconds,
        p50: quantile(0.5),
        p99: quantile(0.99),
        answerP50: quantileOf(answerTimes, 0.5),
        answerP99: quantileOf(answerTimes, 0.99),
        timeline: perSecond,
        max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
        lost: expected - got,
        lostMessages,
        duplicates: counted('duplicates'),
        outOfOrder: counted('outOfOrder'),
        sendErrors: current.sendErrors,
        skipped: current.skipped,
        lastError: current.lastError,
        samples: sorted.length,
        serverCpu: cpuEnd.servers.map((end, i) => ({
          user: (end.user - cpuAtWindow.servers[i].user) / windowSeconds,
          system: (end.system - cpuAtWindow.servers[i].system) / windowSeconds,
        })),
        messagesPerSecond: counted('windowDeliveries') / windowSeconds / roomSize,
        selfCpu: (cpuEnd.self.user + cpuEnd.self.system) / 1e6 / windowSeconds,
        databaseCpu: cpuEnd.database / windowSeconds,
        redisCpu: cpuEnd.redis / windowSeconds,
        machineCpu: cpuEnd.machine / windowSeconds,
        loadAverage: loadavg()[0],
        connectSeconds,
        generatorProbe: cpuEnd.generator,
        receiverProbes: finished.map((answer) => answer.probe),
        serverProbes: cpuEnd.serverProbes,
      };
    }

    let rate = targetRate;
    for (let step = 0; ; step++) {
      log(`${setup.label}: ${rate} deliveries/s for ${seconds} s after ${warmupSeconds} s warm-up`);
      // Only the first phase meets fresh processes.
      const result = await runPhase(rate, step === 0 ? rampSeconds : 0);
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

const quantileOf = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN;

/**
 * Per second of the warm-up and the window, by send time: deliveries' p50, p99 and max, and the
 * answers' p99. Seconds before the window count from -1 back.
 */
function timelineOf(current, finished, count, machine, probes) {
  const before = Math.ceil(warmupSeconds);
  const seconds = Array.from({ length: before + Math.ceil((current.windowEnd - current.windowStart) / 1000) }, () => ({
    latencies: [],
    answers: [],
  }));
  const secondOf = (i) =>
    current.sentAt[i] < 0 ? undefined : seconds[before + Math.floor((current.sentAt[i] - current.windowStart) / 1000)];
  for (const { latencies, messages } of finished) {
    for (let k = 0; k < latencies.length; k++) secondOf(messages[k])?.latencies.push(latencies[k]);
  }
  for (let i = 0; i < count; i++) {
    if (current.ok[i]) secondOf(i)?.answers.push(current.answeredAt[i] - current.sentAt[i]);
  }
  // What each process or thread was doing in that second (the wall clock and this clock agree to a
  // millisecond or so): its longest event loop delay, GC and time waiting for a CPU.
  const doing = (from) =>
    probes.map(({ name, figures }) => {
      const inSecond = (figures?.seconds ?? []).filter((entry) => entry.at > from && entry.at <= from + 1000);
      const round = Math.round;
      return inSecond.length
        ? `${name} ${round(Math.max(...inSecond.map((e) => e.delayMax)))}/${round(inSecond.reduce((sum, e) => sum + e.gcMs, 0))}/${round(100 * Math.max(...inSecond.map((e) => e.waiting)))}%`
        : `${name} —`;
    });
  const cores = (from) => {
    const second = machine.find((entry) => entry.at > from && entry.at <= from + 1000);
    if (!second) return '';
    const f = (value) => value.toFixed(1);
    const other = second.machine - second.postgres - second.servers - second.self;
    return `; cores busy ${f(second.machine)}: servers ${f(second.servers)}, PostgreSQL ${f(second.postgres)}, load generator ${f(second.self)}, other ${f(Math.max(0, other))}`;
  };
  return seconds.map(({ latencies, answers }, k) => {
    const sorted = Float64Array.from(latencies).sort();
    const from = current.windowStart + (k - before) * 1000 + 500;
    return {
      doing: doing(from).join(', ') + cores(from),
      second: k < before ? k - before : k - before + 1,
      p50: quantileOf(sorted, 0.5),
      p99: quantileOf(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
      answerP99: quantileOf(Float64Array.from(answers).sort(), 0.99),
    };
  });
}

/** This process's event loop and GC, over each measured window. */
const generatorProbe = startProbe();

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
  `(rooms of ${roomSize}; ${seconds} s measured after ${warmupSeconds} s warm-up, on fresh processes after a ${rampSeconds} s climb to the rate too; ${databaseConnections} PostgreSQL connections in all; budget p99 ≤ ${p99Budget} ms, 0 lost)`,
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
    `anything else on the machine (other processes, interrupts) ${Math.max(0, Math.round((r.machineCpu - r.serverCpu.reduce((sum, c) => sum + c.user + c.system, 0) - r.databaseCpu - r.redisCpu - r.selfCpu) * 100))}% CPU`,
    `machine load average ${r.loadAverage.toFixed(1)} on ${availableParallelism()} cores`,
    `${count(r.samples)} latency samples`,
    `sends answered in p50 ${ms(r.answerP50)}, p99 ${ms(r.answerP99)}`,
  ];
  if (r.skipped) notes.push(`${count(r.skipped)} sends not made (a second's worth already waiting for answers)`);
  if (r.sendErrors) notes.push(`${count(r.sendErrors)} send errors (last: ${r.lastError})`);
  if (r.lostMessages) notes.push(`${count(r.lostMessages)} messages not delivered to every member`);
  console.log(`  ${r.setup} @ ${count(r.target)}/s: budget ${holds(r) ? 'holds' : 'MISSES'}; ${notes.join('; ')}`);
  r.serverProbes.forEach((figures, i) => {
    if (figures) console.log(`    server${r.serverProbes.length > 1 ? ` ${i + 1}` : ''}: ${describeProbe(figures)}`);
  });
  console.log(`    load generator, sending thread: ${describeProbe(r.generatorProbe)}`);
  r.receiverProbes.forEach((figures, i) => {
    console.log(`    load generator, receiving thread ${i + 1}: ${describeProbe(figures)}`);
  });
  r.timeline.forEach((second) => {
    console.log(
      `    ${second.second < 0 ? 'warm-up second' : 'second'} ${second.second}: deliveries p50 ${ms(second.p50)}, p99 ${ms(second.p99)}, max ${ms(second.max)}; answers p99 ${ms(second.answerP99)}; ${second.doing}`,
    );
  });
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
