/*
 * Aduan's service worker: the app shell (HTML, JS, wasm, CSS, config) is kept so the portal opens offline
 * and a draft can be written; the portal description (/api/v1/portal, or an Open311 server's service list
 * and service definitions on the same origin; no personal data) is kept so the form works offline. No other
 * API answer is ever cached: reports, tickets and access codes stay on the network.
 * BUILD and FILES are stamped at build time (scripts/build-wasm.mjs): the build's hash, so a new release installs
 * a new cache and removes the old one, and its JS and wasm files, including the chunks each page loads lazily.
 */
const BUILD = '__ADUAN_BUILD__';
const FILES = '__ADUAN_FILES__';
const SHELL = `aduan-shell-${BUILD}`;
const PORTAL = 'aduan-portal';
const EMBED_PAGE = '/?embed=1';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    const page = await fetch('/', { cache: 'no-cache' });
    const html = await page.clone().text();
    const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
    await cache.put('/', page);
    // The same page as embed mode serves it: only that answer may be shown in another site's iframe.
    await cache.put(EMBED_PAGE, await fetch(EMBED_PAGE, { cache: 'no-cache' }));
    await cache.addAll([...new Set([...assets, ...FILES, '/config.json', '/favicon.svg', '/logo.svg', '/manifest.webmanifest'])]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('aduan-shell-') && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackKey || request, response.clone());
    return response;
  } catch (offline) {
    const cached = await cache.match(fallbackKey || request);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/api/v1/portal' || /\/services(\/[^/]+)?\.json$/.test(url.pathname)) {
    event.respondWith(networkFirst(request, PORTAL));
    return;
  }
  // Everything else of the APIs may carry personal data: straight to the network, never stored.
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/open311/')) return;
  if (request.mode === 'navigate') {
    // Pages opened in embed mode are kept apart: the server lets only those be framed (frame-ancestors).
    const embedded = url.searchParams.get('embed') === '1';
    event.respondWith(networkFirst(request, SHELL, embedded ? EMBED_PAGE : '/'));
    return;
  }
  if (/\.(js|wasm|css)$/.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  event.respondWith(networkFirst(request, SHELL));
});
