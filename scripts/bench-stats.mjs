// Prints how long /statistik takes to render a /stats answer in headless Chromium: from the end of the
// response to the frame after the agency table is in the page, for the first view and after a filter change.
// A benchmark, not a test: it prints figures and never fails on them.
import { chromium } from '@playwright/test';

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

/** Milliseconds from the latest /stats response end to the next frame after `ready` holds. */
async function renderTime(ready) {
  return page.evaluate(async (readySelector) => {
    const statsEntries = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/stats'));
    const before = statsEntries().length;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const entries = statsEntries();
      if (document.querySelector(readySelector) && entries.length >= before) {
        const frame = await new Promise((r) => requestAnimationFrame(r));
        return frame - entries[entries.length - 1].responseEnd;
      }
    }
  }, ready);
}

const runs = [];
const scripts = [];
for (let i = 0; i < 5; i++) {
  await page.goto(`${base}/statistik?lang=id`);
  await page.waitForSelector('#agency-table tbody tr');
  const t = await renderTime('#agency-table tbody tr');
  const rows = await page.locator('#agency-table tbody tr').count();
  const total = await page.locator('[data-figure="total"] .figure-value').textContent();
  runs.push(t);
  scripts.push(await page.evaluate(() => performance.getEntriesByName('aduan:stats-render').at(-1)?.duration ?? NaN));
  if (i === 0) console.log(`stats page: ${total} reports, ${rows} agency rows, ${await page.locator('#monthly-table tbody tr').count()} months`);
}
runs.sort((a, b) => a - b);
scripts.sort((a, b) => a - b);
console.log(`script work of the render (app's own measure, build + mount): median ${scripts[2].toFixed(1)} ms (min ${scripts[0].toFixed(1)}, max ${scripts[4].toFixed(1)})`);
console.log(`response end to the next frame after the table (decode + render + layout): median ${runs[2].toFixed(1)} ms (min ${runs[0].toFixed(1)}, max ${runs[4].toFixed(1)})`);

// Sorting the agency table re-orders rows without rebuilding the page.
const sorts = [];
for (let i = 0; i < 5; i++) {
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('#agency-table').getByRole('button', { name: i % 2 ? 'Masuk' : 'Tingkat penyelesaian' }).click();
  sorts.push(await page.evaluate(async (start) => { await new Promise((r) => requestAnimationFrame(r)); return performance.now() - start; }, t0));
}
sorts.sort((a, b) => a - b);
console.log(`sorting the agency table (click to next frame): median ${sorts[2].toFixed(1)} ms`);
await browser.close();
