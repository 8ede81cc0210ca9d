// Prints what a first visit to each page downloads from dist/, raw and brotli (quality 11, as the server
// sends it): the page, the JS glue and split loader, the main wasm, the CSS, config.json, and then the wasm
// chunks of the route it opens, which index.html lists per route (scripts/build-wasm.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = 'dist';
const html = readFileSync(`${dist}/index.html`, 'utf8');
const preloads = JSON.parse(html.match(/const preloads = (\{.*\});/)[1]);
const shell = ['index.html', 'config.json', ...readdirSync(dist).filter((n) => /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/.test(n) && !n.startsWith('chunk_') && !n.startsWith('split_'))];
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (name) => {
  const bytes = readFileSync(`${dist}/${name}`);
  return [bytes.length, brotli(bytes)];
};
const row = (label, raw, br) => console.log(`${label.padEnd(44)} ${String(raw).padStart(10)} ${String(br).padStart(10)}`);

console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'brotli'.padStart(10)}`);
let shellRaw = 0;
let shellBr = 0;
for (const name of shell) {
  const [raw, br] = sizes(name);
  shellRaw += raw;
  shellBr += br;
  row(name, raw, br);
}
row('shell (every first visit)', shellRaw, shellBr);
const budget = 170 * 1024;
console.log(`\nfirst visit per page, against the budget of ${budget / 1024} KiB brotli:`);
for (const path of ['/', '/lapor', '/lacak', '/lacak/{ticket}', '/statistik', '/laporan']) {
  const key = path === '/lacak/{ticket}' ? '/lacak/' : path;
  let [raw, br] = [shellRaw, shellBr];
  for (const href of preloads[key] || []) {
    const [r, b] = sizes(href.slice(1));
    raw += r;
    br += b;
  }
  row(`${path} (${(preloads[key] || []).length} chunks)`, raw, br);
  console.log(`${''.padEnd(44)} ${br <= budget ? 'within' : 'OVER'} (${Math.round(br / 1024)} KiB)`);
}
