// Reads the loader that wasm-split-cli writes (__wasm_split.js): for each split module, the wasm files it
// needs, its own first and then the chunks it shares with other modules. Used by build-wasm.mjs (preloads)
// and bench-size.mjs (what each page downloads).
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
