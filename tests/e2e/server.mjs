// Starting the reference server for browser tests: on a free loopback port, with its own data directory.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
    srv.on('error', fail);
  });
}

/** Every browser test talks to the server from 127.0.0.1: the per-client budgets of statistics, searches and the
 * operator API (meant for one visitor each) would refuse the whole suite's reads. */
export const UNLIMITED_READS = ['--stats-rate-limit', '0', '--search-rate-limit', '0', '--operator-rate-limit', '0'];

/** Starts `aduan-server` with `args` and waits until it is healthy; answers its URL and the process. */
export async function startServer(args, env = {}) {
  const port = await freePort();
  const server = spawn(join(root, 'target/server/aduan-server'), ['--addr', `127.0.0.1:${port}`, ...args],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`aduan-server exited with ${server.exitCode}`);
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('aduan-server did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, server };
}
