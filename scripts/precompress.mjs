// Trunk post-build hook: writes brotli (quality 11) and gzip (level 9) copies next to the build's hashed
// assets, which the reference server sends as they are (tower-http ServeDir precompressed_br/gzip).
// Only hashed files: they never change under their name, so a copy can never go stale. config.json,
// index.html and the other files a city may edit are compressed per request instead.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');
// Trunk's hash is a u64 in hex without leading zeros: 16 digits mostly, 15 one build in 16.
const hashed = /-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css)$/;
for (const name of readdirSync(dir).filter((n) => hashed.test(n))) {
  const bytes = readFileSync(join(dir, name));
  const br = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  writeFileSync(join(dir, `${name}.br`), br);
  writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
}
