/**
 * Brings up the whole stack for end-to-end tests as real processes: LiveKit,
 * the Parta server on a fresh PostgreSQL database with Redis pub/sub, and the
 * demo school website built for production.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Stack {
  partaUrl: string;
  demoUrl: string;
  livekitUrl: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, name: string, child?: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child?.exitCode != null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not come up at ${url}`);
}

function startNode(name: string, script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = (chunk: Buffer) => {
    if (process.env.PARTA_E2E_LOG) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on('data', log);
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  return child;
}

function psql(sql: string) {
  execFileSync('psql', ['-X', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  });
}

export async function startStack(): Promise<Stack> {
  const { ensureLivekit, startLivekit } = await import(join(root, 'scripts', 'livekit.mjs'));
  await ensureLivekit();
  const livekit = await startLivekit({ port: 7880 });

  execFileSync('pnpm', ['--filter', '@parta/demo', 'build'], { cwd: root, stdio: 'ignore' });

  const database = `parta_e2e_${process.pid}`;
  psql(`DROP DATABASE IF EXISTS ${database}`);
  psql(`CREATE DATABASE ${database}`);

  const partaPort = 18787;
  const demoPort = 18080;
  const partaUrl = `http://127.0.0.1:${partaPort}`;
  const demoUrl = `http://127.0.0.1:${demoPort}`;
  const parta = startNode('parta', 'apps/server/src/main.ts', {
    PORT: String(partaPort),
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_URL: 'redis://127.0.0.1:6379',
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
  });
  await waitFor(`${partaUrl}/health`, 'Parta server', parta);
  const demo = startNode('demo', 'apps/demo/server.ts', { PARTA_URL: partaUrl, DEMO_PORT: String(demoPort) });
  await waitFor(demoUrl, 'demo website', demo);

  return {
    partaUrl,
    demoUrl,
    livekitUrl: livekit.url,
    async stop() {
      for (const child of [demo, parta]) child.kill('SIGTERM');
      await Promise.all(
        [demo, parta].map((child) =>
          child.exitCode == null ? new Promise((resolve) => child.once('exit', resolve)) : undefined,
        ),
      );
      livekit.stop();
      psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
