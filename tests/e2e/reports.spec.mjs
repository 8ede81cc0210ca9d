// The public list at /laporan: the server's results for a search, its filters and pages, from the URL;
// confidential reports without a title; support once per device; embed mode.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, formatCount, grouped, screenshot, watchErrors } from './helpers.mjs';

const api = (path) => `${baseUrl()}/api/v1${path}`;

async function expectRowsMatch(page, serverPage) {
  // The rows of the previous view stay, marked busy, until the new ones arrive.
  await expect(page.locator('.refreshable[aria-busy="true"]')).toHaveCount(0);
  const rows = page.locator('.report-row');
  await expect(rows).toHaveCount(serverPage.items.length);
  const tickets = await page.locator('.report-row-ticket').allTextContents();
  expect(tickets).toEqual(serverPage.items.map((r) => grouped(r.ticket)));
}

test('a search shows the server results page by page, and the URL restores the view', async ({ page, request }) => {
  const errors = watchErrors(page);
  await page.goto(`${baseUrl()}/laporan`);
  await page.getByLabel('Cari laporan').fill('jalan');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(/\/laporan\?q=jalan$/);
  const first = await (await request.get(api('/reports?q=jalan&per_page=20'))).json();
  expect(first.total).toBeGreaterThan(40);
  await expect(page.locator('.result-count')).toHaveText(`${formatCount(first.total, 'id')} laporan ditemukan`);
  await expectRowsMatch(page, first);

  await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Berikutnya' }).click();
  await expect(page).toHaveURL(/\/laporan\?q=jalan&page=2$/);
  const second = await (await request.get(api('/reports?q=jalan&per_page=20&page=2'))).json();
  await expectRowsMatch(page, second);
  await expect(page.locator('.pagination [aria-current="page"]')).toHaveText('2');
  await page.reload();
  await expect(page.getByLabel('Cari laporan')).toHaveValue('jalan');
  await expectRowsMatch(page, second);
  // Back and forward follow the URL; the form shows the view it belongs to.
  await page.goBack();
  await expect(page).toHaveURL(/\/laporan\?q=jalan$/);
  await expectRowsMatch(page, first);
  await page.goBack();
  await expect(page).toHaveURL(/\/laporan$/);
  await expect(page.getByLabel('Cari laporan')).toHaveValue('');
  await screenshot(page, 'reports-search-id-360');
  expect(errors).toEqual([]);
});

test('filters go into the URL and match the server; a confidential report shows no title', async ({ page, request }) => {
  const portal = await (await request.get(api('/portal'))).json();
  const agency = portal.agencies[2];
  await page.goto(`${baseUrl()}/laporan?lang=en`);
  await page.getByLabel('Status').selectOption({ label: 'Completed' });
  // On the list the other filters fold away until asked for, or until one is in use.
  await expect(page.getByLabel('Agency')).toBeHidden();
  await page.getByText('Filter by period, type, agency, category, location').click();
  await page.getByLabel('Agency').selectOption({ label: agency.name });
  await page.getByLabel('Period').selectOption({ label: 'Last 12 months' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`/laporan\\?status=completed&period=12m&agency=${agency.id}$`));
  const today = new Date(Date.now() + 7 * 3600 * 1000);
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  const expected = await (await request.get(api(`/reports?status=completed&agency=${agency.id}&from=${from}&to=${today.toISOString().slice(0, 10)}&per_page=20`))).json();
  expect(expected.total).toBeGreaterThan(0);
  await expect(page.locator('.result-count')).toHaveText(`${formatCount(expected.total, 'en')} reports found`);
  await expectRowsMatch(page, expected);
  await expect(page.locator('.report-row .status-badge').first()).toHaveText('Completed');
  await page.goto(`${page.url()}&lang=en`);
  await expect(page.getByLabel('Agency')).toBeVisible();
  await expect(page.getByLabel('Period')).toHaveValue('12m');
  await expectRowsMatch(page, expected);

  // A new confidential report is the newest received one: listed, but without its title.
  const created = await request.post(api('/reports'), {
    headers: { 'idempotency-key': `list-confidential-${Date.now()}` },
    data: {
      kind: 'complaint', title: 'Rahasia: pungutan di loket', body: 'Petugas meminta uang tambahan untuk mempercepat layanan.', incident_date: '2026-01-15',
      category_id: 'jalan', region_id: 'cempaka', address: '', anonymous: true, confidential: true,
    },
  });
  expect(created.status()).toBe(201);
  const { ticket } = await created.json();
  await page.goto(`${baseUrl()}/laporan?status=submitted&lang=en`);
  const row = page.locator('.report-row').filter({ hasText: grouped(ticket) });
  await expect(row).toContainText('Confidential report');
  await expect(page.getByText('Rahasia: pungutan di loket')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'I have this problem too' })).toHaveCount(0);
});

test('"I have this problem too" counts once per device, in the list and on the tracking page', async ({ page, request }) => {
  await page.goto(`${baseUrl()}/laporan?status=in_progress`);
  // Confidential rows cannot be supported: take the first that can.
  const supportable = page.locator('.report-row').filter({ has: page.getByRole('button', { name: 'Saya juga mengalami' }) }).first();
  const shown = await supportable.locator('.report-row-ticket').textContent();
  const ticket = shown.replaceAll('-', '');
  const row = page.locator('.report-row').filter({ hasText: shown });
  const before = (await (await request.get(api(`/reports/${ticket}`))).json()).supports;
  await row.getByRole('button', { name: 'Saya juga mengalami' }).click();
  await expect(row.locator('.support-count')).toHaveText(`${formatCount(before + 1, 'id')} warga mengalami hal yang sama`);
  await expect(row).toContainText('Anda sudah mendukung laporan ini');
  expect((await (await request.get(api(`/reports/${ticket}`))).json()).supports).toBe(before + 1);
  await page.goto(`${baseUrl()}/lacak/${ticket}`);
  await expect(page.locator('.support-count')).toHaveText(`${formatCount(before + 1, 'id')} warga mengalami hal yang sama`);
  await expect(page.getByRole('button', { name: 'Saya juga mengalami' })).toHaveCount(0);
});

test('embedded, the list has no header or footer and links to the full portal', async ({ page }) => {
  await page.goto(`${baseUrl()}/laporan?embed=1&status=completed`);
  await expect(page.locator('.report-row').first()).toBeVisible();
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.locator('.site-footer')).toBeHidden();
  const full = page.getByRole('link', { name: 'Buka portal lengkap' });
  await expect(full).toHaveAttribute('href', '/laporan?status=completed');
  await page.getByRole('navigation', { name: 'Halaman' }).getByRole('link', { name: 'Berikutnya' }).click();
  await expect(page).toHaveURL(/\/laporan\?status=completed&page=2&embed=1$/);
  await screenshot(page, 'reports-embed-id-360');
});

for (const width of [360, 1280]) {
  for (const lang of ['id', 'en']) {
    test(`the public list has no accessibility violations at ${width} px in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      await page.goto(`${baseUrl()}/laporan?lang=${lang}&period=custom&from=2026-01-01&to=2026-06-30`);
      await expect(page.locator('.report-row').first()).toBeVisible();
      await screenshot(page, `reports-${lang}-${width}`);
      await expectNoAxeViolations(page, `reports ${lang} ${width}`);
    });
  }
}

test('while a title is typed, similar public reports are offered for support; the form goes on', async ({ page, request }) => {
  await page.goto(`${baseUrl()}/lapor`);
  await page.getByLabel('Pengaduan', { exact: true }).check();
  await page.getByRole('button', { name: 'Lanjutkan' }).click();
  await page.getByLabel('Judul laporan').pressSequentially('Lampu jalan mati di dekat pasar', { delay: 20 });
  const expected = await (await request.get(api(`/reports?q=${encodeURIComponent('Lampu jalan mati')}&per_page=3`))).json();
  const titles = expected.items.filter((r) => r.title).map((r) => r.title);
  expect(titles.length).toBeGreaterThan(0);
  const aside = page.getByRole('complementary', { name: 'Mungkin masalah ini sudah dilaporkan' });
  await expect(aside.locator('.similar-item a')).toHaveText(titles);
  await expect(aside.getByRole('button', { name: 'Saya juga mengalami' }).first()).toBeVisible();
  // Typing is never blocked, and the draft keeps the title.
  await page.getByLabel('Isi laporan').fill('Lubang besar di tengah jalan membahayakan pengendara motor.');
  await page.reload();
  await expect(page.getByLabel('Judul laporan')).toHaveValue('Lampu jalan mati di dekat pasar');
  await expectNoAxeViolations(page, 'submission with similar reports');
});
