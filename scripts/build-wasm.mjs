// Trunk post-build hook: splits the SPA's wasm into a main module and lazily loaded chunks, one set per split
// module (the `#[wasm_split]` functions in src/app.rs and src/pages/). Trunk cannot split wasm
// (trunk-rs/trunk#1022): it runs cargo (with relocations kept, .cargo/config.toml) and its own wasm-bindgen,
// whose output this replaces, going on from cargo's wasm: wasm-split-cli → wasm-bindgen → wasm-opt -Os on
// every module.
// Every file gets the build's hash in its name, so the server may cache it forever (server/src/web.rs),
// and index.html gets the loader plus preloads of the chunks the opened route needs, fetched alongside the
// main module instead of after it. The service worker is stamped with the build and its files, so a new
// release replaces the old cache and the whole app opens offline (public/sw.js).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { CONSUMERS, NOT_PAGES, PAGES, filesByModule } from './split-loader.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');
const target = process.env.CARGO_TARGET_DIR || 'target';
const minified = (code) => transformSync(code, { minify: true, format: 'esm', target: 'es2022' }).code;
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

for (const name of readdirSync(dir).filter((n) => /^aduan-[0-9a-f]+(_bg\.wasm|\.js)$/.test(n))) rmSync(join(dir, name));
const work = mkdtempSync(join(tmpdir(), 'aduan-wasm-'));
try {
  // Aduan's build of wasm-split-cli (tools/wasm-split-cli, installed by scripts/setup-tools.sh), for its
  // --consumer option; WASM_SPLIT_CLI names another binary (e.g. one built in target/ while changing the tool).
  run(process.env.WASM_SPLIT_CLI || 'wasm-split-cli-aduan', [join(target, 'wasm32-unknown-unknown/release/aduan.wasm'),
    join(work, 'split'), '--out-name', 'aduan', ...CONSUMERS.flatMap((name) => ['--consumer', name])]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-dir', join(work, 'bindgen'),
    '--out-name', 'aduan', join(work, 'split/aduan.wasm')]);

  // Output name → where the build left it.
  const files = new Map([
    ['aduan.js', join(work, 'bindgen/aduan.js')],
    ['aduan_bg.wasm', join(work, 'bindgen/aduan_bg.wasm')],
    ['__wasm_split.js', join(work, 'split/__wasm_split.js')],
  ]);
  for (const name of readdirSync(join(work, 'split')).filter((n) => n.endsWith('.wasm') && n !== 'aduan.wasm')) {
    files.set(name, join(work, 'split', name));
  }
  for (const [name, path] of files) {
    // -Os, not -Oz: a few bytes more before compression, but 0.7-1.5 KB less brotli on every page (as served).
    if (name.endsWith('.wasm')) run('wasm-opt', ['-Os', path, '-o', path]);
  }

  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) hash.update(name).update(readFileSync(files.get(name)));
  const build = hash.digest('hex').slice(0, 16);
  const hashed = (name) => name.replace(/^(.*?)(_bg)?\.(js|wasm)$/, `$1-${build}$2.$3`);

  // The modules import and fetch each other relatively (from "./aduan.js", new URL("./chunk_7.wasm"));
  // give them the hashed names. Keys of the wasm's import object ("./__wasm_split.js": …) stay as they are.
  const rename = (text) => text.replace(/(from |new URL\()"\.\/([\w.-]+\.(?:js|wasm))"/g,
    (whole, before, name) => (files.has(name) ? `${before}"./${hashed(name)}"` : whole));
  for (const [name, path] of files) {
    const out = join(dir, hashed(name));
    // wasm-bindgen's glue is minified (esbuild): it is in every first visit. The split loader is left readable, for
    // filesByModule (make bench reads it from dist/) and it is under 1 KB brotli.
    if (name === 'aduan.js') writeFileSync(out, minified(rename(readFileSync(path, 'utf8'))));
    else if (name.endsWith('.js')) writeFileSync(out, rename(readFileSync(path, 'utf8')));
    else writeFileSync(out, readFileSync(path));
  }

  // Which chunk files each route loads: its own module and the shared chunks it depends on.
  const modules = filesByModule(readFileSync(files.get('__wasm_split.js'), 'utf8'));
  const preloads = {};
  for (const [path, { module, preload }] of Object.entries(PAGES)) {
    if (!modules[module]) throw new Error(`the split module ${module} is missing from the build`);
    // By name only (chunk_7, split_tracking): the loader below adds the build's hash, written once.
    if (preload) preloads[path] = modules[module].map((f) => f.replace(/\.wasm$/, ''));
  }
  const unknown = Object.keys(modules)
    .filter((name) => !NOT_PAGES.includes(name) && !Object.values(PAGES).some((page) => page.module === name));
  if (unknown.length) throw new Error(`no URL path known for the split modules ${unknown}: add them to PAGES (or NOT_PAGES) in split-loader.mjs`);

  // The English messages (src/i18n/english.rs) come alongside the main module when the language the app will pick
  // is already known to be English (?lang=, or this tab's or this device's choice, as I18n::provide reads them).
  const english = (modules.english || []).map((f) => f.replace(/\.wasm$/, ''));
  const boot = `
const preloads = ${JSON.stringify(preloads)};
const here = location.pathname.replace(/\\/+$/, '') || '/';
const route = Object.keys(preloads).find((p) => p === here || (p.endsWith('*') && here.startsWith(p.slice(0, -1))));
let lang = new URLSearchParams(location.search).get('lang');
try { lang = lang || sessionStorage.getItem('aduan.lang') || localStorage.getItem('aduan.lang'); } catch {}
const english = lang && lang.trim().toLowerCase() === 'en' ? ${JSON.stringify(english)} : [];
for (const name of [...(preloads[route] || []), ...english]) {
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: '/' + name + '-${build}.wasm', crossOrigin: 'anonymous' });
  document.head.append(link);
}
const init = (await import('/${hashed('aduan.js')}')).default;
await init({ module_or_path: '/${hashed('aduan_bg.wasm')}' });
`;
  const tags = `<link rel="modulepreload" href="/${hashed('aduan.js')}" crossorigin="anonymous">`
    + `<link rel="modulepreload" href="/${hashed('__wasm_split.js')}" crossorigin="anonymous">`
    + `<link rel="preload" href="/${hashed('aduan_bg.wasm')}" crossorigin="anonymous" as="fetch" type="application/wasm">`
    + `<script type="module">${boot}</script>`;
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  // Trunk's minifier (Trunk.toml) may leave out optional tags: the loader must not be lost with them.
  if (!html.includes('</head>')) throw new Error('index.html has no </head> to put the loader before');
  writeFileSync(index, html.replace('</head>', `${tags}\n</head>`));

  // The staff console's own files are not cached on every citizen's device: staff fetch them when they open
  // /petugas (online, as the console needs the server anyway).
  const citizens = new Set(Object.entries(modules).filter(([name]) => name !== 'console').flatMap(([, f]) => f));
  const staffOnly = new Set((modules.console || []).filter((f) => !citizens.has(f)));
  const sw = join(dir, 'sw.js');
  const shell = [...files.keys()].filter((name) => !staffOnly.has(name)).map((name) => `/${hashed(name)}`);
  writeFileSync(sw, readFileSync(sw, 'utf8').replace('__ADUAN_BUILD__', build).replace("'__ADUAN_FILES__'", JSON.stringify(shell)));
} finally {
  rmSync(work, { recursive: true, force: true });
}
