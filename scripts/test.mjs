#!/usr/bin/env node
// `pnpm test`: every suite of the project, one after another, with a summary.
// The last line is always `N passed, N failed` over all suites.
//   pnpm test                      everything
//   pnpm test -- --only server-pglite,core
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = [process.execPath, '--conditions=source', '--import', 'tsx'];
const postgres = process.env.PARTA_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

// Node's test runner writes TAP when its output is not a terminal.
const tap = (output) => ({
  passed: Number(output.match(/^# pass (\d+)/m)?.[1] ?? 0),
  failed: Number(output.match(/^# fail (\d+)/m)?.[1] ?? 0) + Number(output.match(/^# cancelled (\d+)/m)?.[1] ?? 0),
});
// @web/test-runner's progress line: "… | 22 passed, 0 failed".
const wtr = (output) => {
  const all = [...output.matchAll(/(\d+) passed, (\d+) failed/g)];
  const last = all.at(-1);
  return { passed: Number(last?.[1] ?? 0), failed: Number(last?.[2] ?? 0) };
};
const playwright = () => {
  const report = JSON.parse(readFileSync(join(root, 'test', 'test-results', 'results.json'), 'utf8'));
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
};
const single = () => ({ passed: 1, failed: 0 });
// Node 20's test runner takes no globs: name the files.
const testFiles = (dir, skip = []) =>
  readdirSync(join(root, dir, 'src'))
    .filter((file) => file.endsWith('.test.ts') && !skip.includes(file))
    .map((file) => `src/${file}`);

const suites = [
  {
    name: 'protocol',
    cwd: 'packages/protocol',
    cmd: [...node, '--test', ...testFiles('packages/protocol')],
    count: tap,
  },
  {
    name: 'server-pglite',
    cwd: 'apps/server',
    cmd: [...node, '--test', '--test-concurrency=1', ...testFiles('apps/server')],
    env: { PARTA_TEST_DB: 'pglite', PARTA_TEST_PG: postgres },
    count: tap,
  },
  {
    name: 'server-postgres',
    cwd: 'apps/server',
    // The cluster test always runs on PostgreSQL and Redis; once is enough.
    cmd: [...node, '--test', '--test-concurrency=1', ...testFiles('apps/server', ['cluster.test.ts'])],
    env: { PARTA_TEST_DB: 'postgres', PARTA_TEST_PG: postgres },
    count: tap,
  },
  { name: 'core', cwd: 'packages/core', cmd: ['pnpm', 'exec', 'web-test-runner'], count: wtr },
  { name: 'elements', cwd: 'packages/elements', cmd: ['pnpm', 'exec', 'web-test-runner'], count: wtr },
  { name: 'calls', cwd: 'packages/calls', cmd: ['pnpm', 'exec', 'web-test-runner'], count: wtr },
  { name: 'typecheck', cwd: '.', cmd: ['pnpm', 'run', 'typecheck'], count: single },
  { name: 'lint', cwd: '.', cmd: ['pnpm', 'exec', 'biome', 'check', '.'], count: single },
  {
    name: 'manifest',
    cwd: '.',
    cmd: ['node', 'scripts/check-manifest.mjs'],
    count: (output) => ({
      passed: output.match(/^ok /gm)?.length ?? 0,
      failed: output.match(/^MISSING /gm)?.length ?? 0,
    }),
  },
  { name: 'storybook', cwd: 'stories', cmd: ['pnpm', 'run', 'build'], count: single },
  { name: 'budgets', cwd: '.', cmd: ['node', 'scripts/bench.mjs', '--budgets-only'], count: single },
  { name: 'size', cwd: '.', cmd: ['pnpm', 'run', 'size'], count: single },
  {
    name: 'e2e',
    cwd: 'test',
    cmd: ['pnpm', 'exec', 'playwright', 'test'],
    before: () => rmSync(join(root, 'test', 'test-results'), { recursive: true, force: true }),
    count: playwright,
  },
];

const onlyArg = process.argv.find((arg) => arg.startsWith('--only'));
const only = onlyArg
  ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1]).split(',')
  : null;
const selected = only ? suites.filter((suite) => only.includes(suite.name)) : suites;
if (only && selected.length !== only.length) {
  console.error(`unknown suite in --only; suites: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

// Some tools read any FORCE_COLOR as "on"; counts are parsed from plain text.
function withoutColor(env) {
  const { FORCE_COLOR: _force, ...rest } = env;
  return rest;
}
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');
const plain = (text) => text.replace(ansi, '');

function run(suite) {
  return new Promise((resolve) => {
    const [command, ...args] = suite.cmd;
    const child = spawn(command, args, {
      cwd: join(root, suite.cwd),
      env: { ...withoutColor(process.env), NO_COLOR: '1', ...suite.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('error', (error) => {
      output += String(error);
      resolve({ code: 1, output });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// A failed test's name and the lines after it, repeated below the table so that a log's tail names it.
const failureMark = /^\s*(❌|✘|not ok \d+|\d+\) )/;
function failures(output) {
  const lines = output.split('\n');
  const found = [];
  lines.forEach((line, index) => {
    if (failureMark.test(line))
      found.push(...lines.slice(index, index + 4).map((l) => `   ${l.trimEnd().slice(0, 200)}`));
  });
  return found.slice(0, 40);
}

const results = [];
for (const suite of selected) {
  console.log(`\n━━ ${suite.name} ━━ ${suite.cmd.join(' ')}`);
  const started = Date.now();
  suite.before?.();
  const { code, output } = await run(suite);
  let counts;
  try {
    counts = suite.count(plain(output));
  } catch {
    counts = { passed: 0, failed: 0 };
  }
  // A crash, a non-zero exit or a suite that ran nothing is a failure, whatever it printed.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  if (counts.passed + counts.failed === 0) counts.failed = 1;
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ name: suite.name, ...counts, seconds, failures: counts.failed > 0 ? failures(plain(output)) : [] });
}

console.log('\n suite            passed  failed   time');
for (const r of results) {
  console.log(
    ` ${r.name.padEnd(16)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.seconds).padStart(4)}s`,
  );
}
for (const r of results.filter((result) => result.failures.length > 0)) {
  console.log(`\n ${r.name} failed:`);
  for (const line of r.failures) console.log(line);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
