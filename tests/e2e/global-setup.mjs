import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startServer, UNLIMITED_READS } from './server.mjs';

export default async function globalSetup() {
  const data = mkdtempSync(join(tmpdir(), 'aduan-e2e-'));
  const token = 'e2e-operator-token-of-at-least-32-chars';
  const { url, server } = await startServer(['--data', data, '--static', join(root, 'dist'), '--demo', '--rate-limit', '1000', ...UNLIMITED_READS], { ADUAN_OPERATOR_TOKEN: token });
  process.env.ADUAN_URL = url;
  process.env.ADUAN_OPERATOR_TOKEN = token;
  return async () => {
    server.kill('SIGTERM');
    rmSync(data, { recursive: true, force: true });
  };
}
