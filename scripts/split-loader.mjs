// What the split build knows about pages, shared by build-wasm.mjs (preloads) and bench-size.mjs (sizes).

// The split module each page needs, by the module name of its `#[wasm_split]`s (src/app.rs and the pages), and
// whether index.html preloads it. Not preloaded: the submit form, the statistics page's body and the home
// page's figures, fetched once the top of the page is painted (src/pages/submit.rs, stats.rs, home.rs), and the
// statuses of the reports listed under the tracking form. A path ending in "*" stands for every path that begins
// with what comes before the "*".
// Every split module must appear here, so that a new one is placed knowingly.
export const PAGES = {
  '/': { module: 'statistics', preload: false },
  '/lapor': { module: 'submit', preload: false },
  '/lacak': { module: 'tracking', preload: false },
  '/lacak/*': { module: 'tracking', preload: true },
  '/statistik': { module: 'statistics', preload: false },
  '/laporan': { module: 'reports', preload: true },
  '/petugas*': { module: 'console', preload: true },
};

// Split modules that are no page: the English messages, fetched before a page is drawn in English
// (src/i18n/english.rs), so that a first visit in Bahasa Indonesia downloads one language.
export const NOT_PAGES = ['english'];

// Split modules built as consumers (tools/wasm-split-cli, `--consumer`): placed after the citizen pages, so that
// they leave the citizen pages' chunks as they would be without them, and load the citizen chunks (or whole
// citizen modules) they share code with before their own module.
export const CONSUMERS = ['console'];

// Reads the loader that wasm-split-cli writes (__wasm_split.js): for each split module, the wasm files it
// needs, its own first and then those of its dependencies (the chunks it shares with other modules and, for a
// consumer, the citizen chunks and modules it uses, with their own dependencies).
export function filesByModule(loader) {
  // Every loader: `const __chunk_3 = makeLoad(<fetcher>, [deps]);`, `const __split_x = makeLoad(…)` or
  // `export const __wasm_split_load_x = wrapAsyncCb(makeLoad(…))` / `= wrapAsyncCb(__split_x);`.
  const loaders = new Map();
  const statements = loader.split(/\n(?=(?:export )?const )/);
  for (const statement of statements) {
    const head = statement.match(/^(?:export )?const (\w+) = (?:wrapAsyncCb\()?(makeLoad\(|\w+\))/);
    if (!head) continue;
    if (head[2] !== 'makeLoad(') {
      loaders.set(head[1], { alias: head[2].slice(0, -1) });
      continue;
    }
    const file = statement.match(/fetch\(new URL\("\.\/([\w.-]+)"/)?.[1];
    const deps = statement.match(/\n, \[([^\]]*)\]\)/)[1].split(',').map((d) => d.trim()).filter(Boolean);
    loaders.set(head[1], { file, deps });
  }
  const filesOf = (name, seen) => {
    let entry = loaders.get(name);
    if (entry.alias) entry = loaders.get(entry.alias);
    const files = entry.file && !seen.has(entry.file) ? [entry.file] : [];
    files.forEach((f) => seen.add(f));
    for (const dep of entry.deps) files.push(...filesOf(dep, seen));
    return files;
  };
  const modules = {};
  for (const name of loaders.keys()) {
    const split = name.match(/^__wasm_split_load_(\w+)$/)?.[1];
    if (split) modules[split] = filesOf(name, new Set());
  }
  return modules;
}
