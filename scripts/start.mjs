#!/usr/bin/env node
// `pnpm start`: the demo school on the embedded database, with LiveKit.
// Starts livekit-server (installing it first if missing), the Parta server on
// PGlite, builds the demo website and serves it, then prints where to go.
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLivekit, startLivekit } from './livekit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const partaPort = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 8080);
const children = [];

function run(name, args, env) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[${name}] exited with ${code}`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, name) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not come up at ${url}`);
}

let stopping = false;
let livekit;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  livekit?.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

await ensureLivekit();
livekit = await startLivekit({ port: Number(process.env.LIVEKIT_PORT ?? 7880) });

console.log('Building the demo website…');
execFileSync('pnpm', ['--filter', '@parta/demo', 'build'], { cwd: root, stdio: 'inherit' });

const partaUrl = `http://127.0.0.1:${partaPort}`;
run('parta', ['apps/server/src/main.ts'], {
  PORT: String(partaPort),
  LIVEKIT_URL: livekit.url,
  LIVEKIT_API_KEY: livekit.apiKey,
  LIVEKIT_API_SECRET: livekit.apiSecret,
});
await waitFor(`${partaUrl}/health`, 'Parta server');

run('demo', ['apps/demo/server.ts'], { PARTA_URL: partaUrl, DEMO_PORT: String(demoPort) });
const demoUrl = `http://127.0.0.1:${demoPort}`;
await waitFor(demoUrl, 'demo website');

const { accounts: demoAccounts } = await (await fetch(`${demoUrl}/session`)).json();
console.log(`
  Parta demo school is running.

  School website:  ${demoUrl}
  Parta server:    ${partaUrl}  (embedded PGlite database in .data/pglite)
  LiveKit:         ${livekit.url}

  Sign in on the website as any of:
${demoAccounts.map((a) => `    ${a.name.padEnd(28)} ${a.role}`).join('\n')}

  Open two windows (one private) as the teacher and a student to chat and call.
  Ctrl+C stops everything.
`);
