#!/usr/bin/env node
// livekit-server for development and tests: installs v1.13.5 with `go install`
// when it is missing (into ~/.cache/parta/livekit, outside the repository) and
// runs it on loopback in dev mode (API key `devkey`, secret `secret`).
//   node scripts/livekit.mjs                 install if needed, run until stopped
//   node scripts/livekit.mjs --install-only  install if needed
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIVEKIT_VERSION = '1.13.5';
const cacheDir = process.env.PARTA_LIVEKIT_DIR ?? join(homedir(), '.cache', 'parta', 'livekit');
const binDir = join(cacheDir, 'bin');

function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The path of a livekit-server binary of the pinned version, building it first if needed. */
export async function ensureLivekit() {
  if (process.env.PARTA_LIVEKIT_BIN) return process.env.PARTA_LIVEKIT_BIN;
  const binary = join(binDir, 'server');
  if (existsSync(binary) && versionOf(binary).endsWith(LIVEKIT_VERSION)) return binary;
  const path = [process.env.PATH, '/usr/local/go/bin', join(homedir(), 'go', 'bin')].filter(Boolean).join(delimiter);
  console.log(`Installing livekit-server v${LIVEKIT_VERSION} with go install (a minute or two the first time)…`);
  execFileSync('go', ['install', `github.com/livekit/livekit-server/cmd/server@v${LIVEKIT_VERSION}`], {
    env: { ...process.env, PATH: path, GOBIN: binDir },
    cwd: homedir(),
    stdio: 'inherit',
  });
  if (!versionOf(binary).endsWith(LIVEKIT_VERSION)) throw new Error(`livekit-server was not installed at ${binary}`);
  return binary;
}

async function answers(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts livekit-server on loopback, or reuses one that already answers on the port.
 * `stop()` stops only a server this call started.
 */
export async function startLivekit({ port = 7880 } = {}) {
  const info = { url: `ws://127.0.0.1:${port}`, apiKey: 'devkey', apiSecret: 'secret' };
  if (await answers(port)) return { ...info, reused: true, stop() {} };
  const binary = await ensureLivekit();
  const child = spawn(binary, ['--dev', '--bind', '127.0.0.1', '--node-ip', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'ignore', process.env.PARTA_LIVEKIT_LOG ? 'inherit' : 'ignore'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited with ${child.exitCode}`);
    if (await answers(port)) {
      return {
        ...info,
        reused: false,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`livekit-server did not answer on port ${port}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const binary = await ensureLivekit();
  console.log(`livekit-server: ${binary} (${versionOf(binary)})`);
  if (!process.argv.includes('--install-only')) {
    const livekit = await startLivekit({ port: Number(process.env.LIVEKIT_PORT ?? 7880) });
    console.log(`LiveKit ${livekit.reused ? 'already running' : 'running'} at ${livekit.url} (key ${livekit.apiKey})`);
    const stop = async () => {
      await livekit.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (livekit.reused) process.exit(0);
  }
}
