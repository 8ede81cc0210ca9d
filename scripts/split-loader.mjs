// What the split build knows about pages, shared by build-wasm.mjs (preloads) and bench-size.mjs (sizes).

// The split module each page needs, by the module name of its `#[wasm_split]`s (src/app.rs and the pages), and
// whether index.html preloads it. Not preloaded: the submit form, the statistics page's body and the home
// page's figures, fetched once the top of the page is painted (src/pages/submit.rs, stats.rs, home.rs), and the
// statuses of the reports listed under the tracking form. A path ending in "/" stands for every path under it.
// Every split module must appear here, so that a new one is placed knowingly.
export const PAGES = {
  '/': { module: 'statistics', preload: false },
  '/lapor': { module: 'submit', preload: false },
  '/lacak': { module: 'tracking', preload: false },
  '/lacak/': { module: 'tracking', preload: true },
  '/statistik': { module: 'statistics', preload: false },
  '/laporan': { module: 'reports', preload: true },
  '/petugas': { module: 'console', preload: true },
  '/petugas/': { module: 'console', preload: true },
};

// Reads the loader that wasm-split-cli writes (__wasm_split.js): for each split module, the wasm files it
// needs, its own first and then the chunks it shares with other modules.
export function filesByModule(loader) {
  const chunkFile = new Map([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+)"/g)]
    .map((m) => [m[1], m[2]]));
  const modules = {};
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+)"[\s\S]*?\n, \[([^\]]*)\]\)\);/g)) {
    const chunks = m[3].split(',').map((c) => c.trim()).filter(Boolean).map((c) => chunkFile.get(c));
    modules[m[1]] = [m[2], ...chunks];
  }
  return modules;
}
