// Prints what a first visit to each page downloads from dist/, raw and brotli (quality 11, as the server
// sends it): the shell (the page, the JS glue and split loader, the main wasm, the CSS, config.json), then
// the wasm chunks of the page (scripts/build-wasm.mjs), preloaded or fetched once the top of the page is drawn.
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { NOT_PAGES, PAGES, filesByModule } from './split-loader.mjs';

const dist = 'dist';
const names = readdirSync(dist);
const shell = ['index.html', 'config.json', ...names.filter((n) => /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/.test(n) && !/^(chunk|split)_/.test(n))];
const modules = filesByModule(readFileSync(`${dist}/${names.find((n) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(n))}`, 'utf8'));
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (name) => {
  const bytes = readFileSync(`${dist}/${name}`);
  return [bytes.length, brotli(bytes)];
};
const total = (files) => files.map(sizes).reduce(([r, b], [r2, b2]) => [r + r2, b + b2], [0, 0]);
const row = (label, raw, br) => console.log(`${label.padEnd(44)} ${String(raw).padStart(10)} ${String(br).padStart(10)}`);

console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const name of shell) row(name, ...sizes(name));
const [shellRaw, shellBr] = total(shell);
row('shell (every first visit)', shellRaw, shellBr);
const budget = 170 * 1024;
console.log(`\nfirst visit per page, shell and chunks, against the budget of ${budget / 1024} KiB brotli:`);
for (const [path, { module }] of Object.entries(PAGES)) {
  // The tracking form itself is in the shell; its chunk only brings the statuses of remembered reports.
  const files = path === '/lacak' ? [] : modules[module];
  const [raw, br] = total(files);
  row(`${{ '/lacak/*': '/lacak/{ticket}', '/petugas*': '/petugas/…' }[path] || path} (${files.length} chunks)`, shellRaw + raw, shellBr + br);
  const kib = Math.round((shellBr + br) / 1024);
  console.log(`${''.padEnd(44)} ${shellBr + br <= budget ? 'within' : 'OVER'} (${kib} KiB)`);
}
for (const name of NOT_PAGES) {
  const [raw, br] = total(modules[name]);
  row(`+ ${name} (${modules[name].length} files, in that language only)`, raw, br);
}
