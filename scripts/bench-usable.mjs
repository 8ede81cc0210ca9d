// Time to usable of every citizen page on an emulated 3G and slow-4G phone (issue #20), beside the budgets.
// Usage: node scripts/bench-usable.mjs http://127.0.0.1:PORT [PATH…]   (a server with demo data that serves
// dist/; PATHs, e.g. /lapor /, measure only those pages while trying a change; `make bench` measures all six)
//
// "Usable" is the moment the thing a citizen came for can be used, measured inside the page: an init script
// watches the DOM (MutationObserver, and every frame, since a stylesheet can make an element visible without a
// DOM change) and records performance.now() (milliseconds since navigation start) the first time every
// element the page is waiting for exists, has a box, is visible and, for a control, is enabled.
// A benchmark, not a test: it prints figures and exits 0 whatever they are; non-zero only if a page never
// became usable within 60 s.
import { chromium } from 'playwright';

const base = (process.argv[2] ?? '').replace(/\/$/, '');
if (!base) {
  console.error('usage: node scripts/bench-usable.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const only = process.argv.slice(3);
const RUNS = 5;
const GIVE_UP_MS = 60_000;
const kbit = (n) => (n * 1000) / 8; // CDP wants bytes per second
// The two profiles (Lighthouse's "slow 4G" throughput and latency, and a 3G slower than Lighthouse's).
const PROFILES = [
  { name: '3G', down: 400, up: 400, latency: 400, budgetMs: 5000 },
  { name: 'slow 4G', down: 1600, up: 750, latency: 150, budgetMs: 2000 },
];
// A phone is about 4× slower than this machine's cores (Lighthouse's mobile preset uses the same factor).
const CPU_SLOWDOWN = 4;

// What each page waits for. CSS selectors, since they are checked inside the page before Playwright could help;
// each was checked by hand once on an unthrottled run (exactly one element matched, and it was the right one).
// `text`: the element must also have text (a figure's value, not an empty cell being filled).
const targets = (ticket) => [
  // The figures: the first headline number; the list renders all of them at once, and the skeleton shown while
  // /stats loads has no data-figure.
  { path: '/', what: 'the figures', wait: [{ css: '[data-figure="total"] .figure-value', text: true }] },
  // The first radio button of the form ("Pengaduan", the first "Klasifikasi laporan" choice).
  { path: '/lapor', what: 'first radio of the form', wait: [{ css: 'input[type="radio"][name="kind"]' }] },
  // The "Nomor tiket" field and its "Lacak" button: both must be there and enabled to track a report.
  {
    path: '/lacak',
    what: 'ticket field + Lacak button',
    wait: [{ css: 'form.track-form input#ticket' }, { css: 'form.track-form button[type="submit"]' }],
  },
  // The report's history: the first entry of the status timeline list.
  { path: `/lacak/${ticket}`, what: 'the status timeline', wait: [{ css: 'ol.timeline > li', text: true }] },
  // The first report of the public list (the skeleton rows while it loads are li.skeleton-row, not .report-row).
  { path: '/laporan', what: 'first report in the list', wait: [{ css: 'ol.report-list > li.report-row', text: true }] },
  // The agency table with rows.
  { path: '/statistik', what: 'agency table with rows', wait: [{ css: '#agency-table tbody tr', text: true }] },
];

/** Runs in the page before any of its scripts: sets window.__usableAt once every wanted element is usable. */
function watchUsable(wanted) {
  const usable = ({ css, text }) => {
    const el = document.querySelector(css);
    if (!el || el.matches(':disabled')) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    return !text || el.textContent.trim() !== '';
  };
  let done = false;
  const check = () => {
    if (done || !wanted.every(usable)) return;
    done = true;
    window.__usableAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const everyFrame = () => {
    check();
    if (!done) requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);
}

/** A public, non-confidential report with some history (a completed one if there is one). */
async function publicTicket() {
  for (const query of ['?status=completed&per_page=50', '?per_page=50']) {
    const res = await fetch(`${base}/api/v1/reports${query}`);
    if (!res.ok) throw new Error(`GET /api/v1/reports${query}: ${res.status}`);
    const found = (await res.json()).items.find((r) => !r.confidential);
    if (found) return found.ticket;
  }
  throw new Error('no public, non-confidential report in /api/v1/reports');
}

/** One cold visit: a fresh context (empty cache, no service worker), throttled before navigating. */
async function visit(browser, target, profile) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'id-ID', // the portal's citizens; the app's default language
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchUsable, target.wait);
    const cdp = await context.newCDPSession(page);
    const finished = []; // [CDP monotonic seconds, encoded bytes incl. headers]
    let navigation; // the document request: maps page time (ms since navigation start) to CDP's clock
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!navigation && e.type === 'Document') navigation = e;
    });
    cdp.on('Network.loadingFinished', (e) => finished.push([e.timestamp, e.encodedDataLength]));
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: kbit(profile.down),
      uploadThroughput: kbit(profile.up),
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    const reached = await page.goto(base + target.path, { waitUntil: 'commit', timeout: GIVE_UP_MS }).catch(() => null);
    if (!reached) return null;
    // Polled slowly: the time is taken inside the page, so the polling only delays reading it.
    const handle = await page
      .waitForFunction(() => window.__usableAt, null, { timeout: GIVE_UP_MS, polling: 250 })
      .catch(() => null);
    if (!handle) return null;
    const usableMs = await handle.jsonValue();
    // Navigation start on CDP's clock, through the wall clock both sides share (timeOrigin is epoch ms).
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const usableAt = navigation.timestamp + (timeOrigin + usableMs - navigation.wallTime * 1000) / 1000;
    const bytesBefore = finished.filter(([t]) => t <= usableAt).reduce((sum, [, n]) => sum + n, 0);
    // Everything the page fetches on its own after that (chunks fetched ahead, the rest of the page's data).
    const idle = await page.waitForLoadState('networkidle', { timeout: 20_000 }).then(() => true, () => false);
    const bytesTotal = idle ? finished.reduce((sum, [, n]) => sum + n, 0) : NaN;
    return { usableMs, bytesBefore, bytesTotal };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (ms) => (ms / 1000).toFixed(1);
const kb = (bytes) => (Number.isNaN(bytes) ? '—' : Math.round(bytes / 1000).toString());
const mark = (value, budget) => (value <= budget ? 'within' : 'OVER');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', // Debian's: never download a browser
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const ticket = await publicTicket();
console.log(`${RUNS} cold runs per page and profile: Chromium ${browser.version()}, 360×740, CPU slowed ${CPU_SLOWDOWN}×, service worker blocked`);
for (const p of PROFILES) {
  console.log(`  ${p.name}: ${p.down} kbit/s down, ${p.up} kbit/s up, ${p.latency} ms latency; budget ≤ ${seconds(p.budgetMs)} s`);
}
console.log('  bytes: CDP encodedDataLength (compressed as served, headers included), KB = 1000 B; budget ≤ 150 KB for /lapor, ≤ 200 KB for every page');
console.log('  "total" is every byte once the network is idle (— if it never was within 20 s)');
console.log();
console.log(`${'page'.padEnd(18)}${'profile'.padEnd(9)}${'usable: median (min–max)'.padEnd(34)}${'bytes to usable'.padEnd(26)}total`);

const failures = [];
for (const target of targets(ticket).filter((t) => !only.length || only.includes(t.path))) {
  const bytesBudget = target.path === '/lapor' ? 150_000 : 200_000;
  for (const profile of PROFILES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await visit(browser, target, profile);
      if (!run) {
        failures.push(`${target.path} (${profile.name}): ${target.what} not usable within ${GIVE_UP_MS / 1000} s`);
        break;
      }
      runs.push(run);
    }
    if (runs.length < RUNS) {
      console.log(`${target.path.padEnd(18)}${profile.name.padEnd(9)}never usable (${target.what})`);
      continue;
    }
    const times = runs.map((r) => r.usableMs);
    const t = median(times);
    const bytes = median(runs.map((r) => r.bytesBefore));
    const time = `${seconds(t)} s (${seconds(Math.min(...times))}–${seconds(Math.max(...times))}) ${mark(t, profile.budgetMs)}`;
    const size = `${kb(bytes)} KB ≤ ${kb(bytesBudget)} ${mark(bytes, bytesBudget)}`;
    const totals = runs.map((r) => r.bytesTotal);
    const total = totals.some(Number.isNaN) ? NaN : median(totals);
    console.log(`${target.path.padEnd(18)}${profile.name.padEnd(9)}${time.padEnd(34)}${size.padEnd(26)}${kb(total)} KB`);
  }
}
await browser.close();
if (failures.length) {
  console.error(`\nnever usable:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
