// How long a Node thread's event loop was held up, how long it waited for a core, and the
// garbage collector's pauses: where a latency tail comes from. The load benchmark uses it in
// its own threads and loads it into each server process it starts (`node --import
// ./scripts/bench-probe.mjs` with PARTA_BENCH_PROBE=1), where SIGUSR2 prints the figures
// since the last SIGUSR2 to stderr as one `[probe] {json}` line and starts counting again.
// The server's code knows nothing of it.

import { readFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const gcKinds = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};

/**
 * This thread's time on a CPU and time spent ready to run but waiting for one, in ms, from
 * Linux's scheduler statistics (zero elsewhere): on a machine with more work than cores, the
 * second is where a stall comes from.
 */
function schedulerMs() {
  try {
    const [onCpu, waiting] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return { onCpu: onCpu / 1e6, waiting: waiting / 1e6 };
  } catch {
    return { onCpu: 0, waiting: 0 };
  }
}

/**
 * Starts watching this thread. `take()` answers the figures since the previous `take()` (or the
 * start) and starts counting again: event loop delay p50, p99 and max in ms (how late a timer due
 * every 10 ms fired, so a stall shows as one sample of about its length), the event loop's busy share, the thread's share
 * of time on a CPU and waiting for one, and per kind of collection the count, total and longest
 * pause in ms. `seconds` holds the last two minutes second by second (wall clock `at`, the end of
 * each), to line a latency spike up with what this thread was doing then.
 */
export function startProbe() {
  const resolutionMs = 10;
  // The histogram holds whole intervals between samples: how late one came is beyond the interval.
  const ms = (ns) => Math.max(0, ns / 1e6 - resolutionMs);
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  let gc = {};
  const perSecond = monitorEventLoopDelay({ resolution: resolutionMs });
  perSecond.enable();
  let secondGcMs = 0;
  let secondScheduler = schedulerMs();
  const seconds = [];
  const everySecond = setInterval(() => {
    const now = schedulerMs();
    seconds.push({
      at: Date.now(),
      delayMax: ms(perSecond.max),
      gcMs: secondGcMs,
      waiting: (now.waiting - secondScheduler.waiting) / 1000,
    });
    if (seconds.length > 120) seconds.shift();
    perSecond.reset();
    secondGcMs = 0;
    secondScheduler = now;
  }, 1000);
  everySecond.unref();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      secondGcMs += entry.duration;
      const kind = gcKinds[entry.detail?.kind ?? entry.kind] ?? 'other';
      const slot = (gc[kind] ??= { count: 0, ms: 0, maxMs: 0 });
      slot.count++;
      slot.ms += entry.duration;
      slot.maxMs = Math.max(slot.maxMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  let utilisation = performance.eventLoopUtilization();
  let scheduler = schedulerMs();
  let at = performance.now();
  return {
    take() {
      const used = performance.eventLoopUtilization(utilisation);
      utilisation = performance.eventLoopUtilization();
      const now = performance.now();
      const nowScheduler = schedulerMs();
      const figures = {
        delayP50: ms(delay.percentile(50)),
        delayP99: ms(delay.percentile(99)),
        delayMax: ms(delay.max),
        busy: used.utilization,
        heapMb: process.memoryUsage().heapUsed / 2 ** 20,
        onCpu: (nowScheduler.onCpu - scheduler.onCpu) / (now - at),
        waiting: (nowScheduler.waiting - scheduler.waiting) / (now - at),
        gc,
        seconds: [...seconds],
      };
      scheduler = nowScheduler;
      at = now;
      delay.reset();
      gc = {};
      return figures;
    },
    stop() {
      clearInterval(everySecond);
      perSecond.disable();
      delay.disable();
      observer.disconnect();
    },
  };
}

/**
 * "loop delay p99 12 ms, max 80 ms, busy 45% (on a CPU 40%, waiting for one 5%); GC minor 120× ≤ 3.1 ms
 * (210 ms), major 2× ≤ 40 ms (60 ms)": at most so long, and all together.
 */
export function describeProbe(figures) {
  const round = (value) => (value >= 10 ? Math.round(value) : value.toFixed(1));
  const gc = Object.entries(figures.gc)
    .filter(([, slot]) => slot.count > 0)
    .map(([kind, slot]) => `${kind} ${slot.count}× ≤ ${round(slot.maxMs)} ms (${round(slot.ms)} ms)`);
  const percent = (share) => `${Math.round(share * 100)}%`;
  return `loop delay p99 ${round(figures.delayP99)} ms, max ${round(figures.delayMax)} ms, busy ${percent(figures.busy)} (on a CPU ${percent(figures.onCpu)}, waiting for one ${percent(figures.waiting)}); heap ${Math.round(figures.heapMb)} MB, GC ${gc.length ? gc.join(', ') : 'none'}`;
}

// Loaded with --import into a process of its own (not imported by the benchmark): answer SIGUSR2.
if (isMainThread && process.env.PARTA_BENCH_PROBE === '1') {
  const probe = startProbe();
  process.on('SIGUSR2', () => {
    process.stderr.write(`[probe] ${JSON.stringify(probe.take())}\n`);
  });
}
