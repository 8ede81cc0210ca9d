import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
    srv.on('error', fail);
  });
}

export default async function globalSetup() {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'aduan-e2e-'));
  const token = 'e2e-operator-token';
  const server = spawn(join(root, 'target/server/aduan-server'),
    ['--addr', `127.0.0.1:${port}`, '--data', data, '--static', join(root, 'dist'), '--demo', '--rate-limit', '1000'],
    { env: { ...process.env, ADUAN_OPERATOR_TOKEN: token }, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`aduan-server exited with ${server.exitCode}`);
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error('aduan-server did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  process.env.ADUAN_URL = url;
  process.env.ADUAN_OPERATOR_TOKEN = token;
  return async () => {
    server.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  };
}
