// Embedding: a host page on another loopback origin adds the portal with one script tag; each view shows
// without the portal's header, the iframe follows its content's height, and a report can be sent from it.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { baseUrl, expectNoAxeViolations, screenshot } from './helpers.mjs';
import { WORDS, fillUntilReview } from './flows.mjs';

let host;
let hostUrl;

test.beforeAll(async () => {
  host = createServer((req, res) => {
    const url = new URL(req.url, 'http://host');
    const attrs = [...url.searchParams].map(([k, v]) => ` data-${k}="${v.replace(/"/g, '')}"`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Kota Sukamaju — Layanan</title></head>
<body><main><h1>Situs resmi Kota Sukamaju</h1><p>Layanan pengaduan warga:</p>
<script src="${baseUrl()}/embed.js"${attrs} async></script>
<p id="after">Konten situs setelah portal.</p></main></body></html>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${host.address().port}`;
  expect(new URL(hostUrl).origin).not.toBe(new URL(baseUrl()).origin);
});

test.afterAll(async () => { await new Promise((ok) => host.close(ok)); });

/** The iframe's height on the host, and the height the embedded page reports for its content. */
async function heights(page) {
  const frameHeight = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
  const content = await page.frameLocator('iframe').locator('body').evaluate((b) => b.offsetHeight);
  return { frameHeight, content };
}

for (const [view, heading] of [['submit', 'Sampaikan Laporan'], ['track', 'Lacak Laporan'], ['stats', 'Statistik'], ['reports', 'Laporan Publik']]) {
  test(`the one-line embed shows the ${view} view, sized to its content`, async ({ page }) => {
    await page.goto(`${hostUrl}/?view=${view}&lang=id`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(frame.locator('.site-header')).toHaveCount(0);
    await expect(frame.getByRole('link', { name: 'Buka portal lengkap' })).toBeVisible();
    if (view === 'stats') await expect(frame.locator('#agency-table tbody tr').first()).toBeVisible();
    if (view === 'reports') await expect(frame.locator('.report-row').first()).toBeVisible();
    await expect.poll(async () => { const h = await heights(page); return Math.abs(h.frameHeight - h.content); }).toBeLessThanOrEqual(2);
    await expect(page.locator('#after')).toBeVisible();
    await screenshot(page, `embed-${view}-360`);
  });
}

test('a report sent through the embedded form yields a ticket; the preset agency is used; links stay embedded', async ({ page, request }) => {
  const portal = await (await request.get(`${baseUrl()}/api/v1/portal`)).json();
  const agency = portal.agencies.find((a) => a.id === 'dinkes') ?? portal.agencies[0];
  await page.goto(`${hostUrl}/?view=submit&agency=${agency.id}&lang=id`);
  const frame = page.frameLocator('iframe');
  const before = await heights(page);
  await fillUntilReview(frame, WORDS.id, { title: 'Antrean puskesmas terlalu panjang (sematan)', attach: false });
  await expect(frame.locator('.summary-list')).toContainText(agency.name);
  await expect.poll(async () => (await heights(page)).frameHeight).not.toBe(before.frameHeight);
  await frame.getByRole('button', { name: WORDS.id.send }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(WORDS.id.receipt);
  const ticket = await frame.locator('.ticket-number').getAttribute('data-ticket');
  const report = await (await request.get(`${baseUrl()}/api/v1/reports/${ticket}`)).json();
  expect(report.agency.id).toBe(agency.id);
  expect(report.title).toBe('Antrean puskesmas terlalu panjang (sematan)');
  // Following "track this report" inside the iframe keeps embed mode.
  await frame.getByRole('link', { name: 'Lacak laporan ini' }).click();
  await expect(frame.locator('.status-badge')).toHaveText('Diterima');
  await expect(frame.locator('.site-header')).toHaveCount(0);
  await expect.poll(async () => { const h = await heights(page); return Math.abs(h.frameHeight - h.content); }).toBeLessThanOrEqual(2);
  await expectNoAxeViolations(page, 'host page with the embedded portal');
});

test('with storage blocked in the iframe, the form says the draft lives only for this visit and still sends', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const portalOrigin = new URL(baseUrl()).origin;
  await context.addInitScript((origin) => {
    if (location.origin === origin && window.top !== window) {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    }
  }, portalOrigin);
  const page = await context.newPage();
  await page.goto(`${hostUrl}/?view=submit&lang=id`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('note')).toContainText('hanya tersimpan selama halaman ini terbuka');
  await fillUntilReview(frame, WORDS.id, { title: 'Drainase tersumbat (tanpa penyimpanan)', attach: false });
  await frame.getByRole('button', { name: WORDS.id.send }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(WORDS.id.receipt);
  await context.close();
});
