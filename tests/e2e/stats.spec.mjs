// /statistik: figures equal the server's /stats for the same filters, the tables add up, filters live in
// the URL, and the downloaded CSV is the table shown.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { baseUrl, expectNoAxeViolations, figure, formatCount, formatPercent, screenshot, watchErrors } from './helpers.mjs';

const api = (path) => `${baseUrl()}/api/v1${path}`;

/** A minimal RFC 4180 reader, written independently of the app's CSV writer. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') continue;
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function expectFiguresMatch(page, stats, lang) {
  // The figures of the previous filter stay, marked busy, until the new ones arrive.
  await expect(page.locator('.refreshable[aria-busy="true"]')).toHaveCount(0);
  await expect(figure(page, 'total')).toHaveText(formatCount(stats.total, lang));
  await expect(figure(page, 'completion_rate')).toHaveText(formatPercent(stats.completion_rate, lang));
  await expect(figure(page, 'escalated')).toHaveText(formatCount(stats.escalated, lang));
  expect(stats.within_deadline_rate).not.toBeNull();
  await expect(figure(page, 'within_deadline')).toHaveText(formatPercent(stats.within_deadline_rate, lang));
  const received = await page.locator('#agency-table tbody tr td:nth-of-type(1)').allTextContents();
  const sum = received.map((t) => Number(t.replace(/[.,]/g, ''))).reduce((a, b) => a + b, 0);
  expect(sum).toBe(stats.total);
  await expect(page.locator('#agency-table tfoot td').first()).toHaveText(formatCount(stats.total, lang));
}

test('the figures equal the server for every filter, which lives in the URL and survives a reload', async ({ page, request }) => {
  const errors = watchErrors(page);
  await page.goto(`${baseUrl()}/statistik`);
  await expectFiguresMatch(page, await (await request.get(api('/stats'))).json(), 'id');
  await screenshot(page, 'stats-all-id-360');

  const portal = await (await request.get(api('/portal'))).json();
  const agency = portal.agencies.find((a) => a.id === 'dinkes') ?? portal.agencies[0];
  await page.getByLabel('Periode').selectOption({ label: 'Tanggal tertentu' });
  await page.getByLabel('Dari tanggal').fill('2026-01-01');
  await page.getByLabel('Sampai tanggal').fill('2026-06-30');
  await page.getByLabel('Instansi tujuan').selectOption({ label: agency.name });
  await page.getByLabel('Klasifikasi laporan').selectOption({ label: 'Pengaduan' });
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(new RegExp(`/statistik\\?period=custom&from=2026-01-01&to=2026-06-30&agency=${agency.id}&kind=complaint$`));
  const filtered = await (await request.get(api(`/stats?from=2026-01-01&to=2026-06-30&agency=${agency.id}&kind=complaint`))).json();
  expect(filtered.total).toBeGreaterThan(0);
  await expectFiguresMatch(page, filtered, 'id');
  await expect(page.locator('.scope')).toContainText('1 Jan 2026 – 30 Jun 2026');

  await page.reload();
  await expect(page.getByLabel('Instansi tujuan')).toHaveValue(agency.id);
  await expectFiguresMatch(page, filtered, 'id');
  await page.goBack();
  await expect(page).toHaveURL(/\/statistik$/);
  await expect(page.getByLabel('Instansi tujuan')).toHaveValue('');
  await expectFiguresMatch(page, await (await request.get(api('/stats'))).json(), 'id');
  await page.goForward();
  await expectFiguresMatch(page, filtered, 'id');

  // An end before the start is refused with a message, and nothing changes.
  await page.getByLabel('Sampai tanggal').fill('2025-12-31');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page.getByRole('alert')).toContainText('Tanggal akhir harus sama dengan atau setelah tanggal awal');
  await expect(page).toHaveURL(/to=2026-06-30/);
  expect(errors).toEqual([]);
});

test('status and category tables add up; the agency table sorts by any column', async ({ page, request }) => {
  const stats = await (await request.get(api('/stats'))).json();
  await page.goto(`${baseUrl()}/statistik?lang=en`);
  const counts = async (id) => (await page.locator(`#${id} tbody td:nth-of-type(1)`).allTextContents()).map((t) => Number(t.replace(/,/g, '')));
  await expect(page.locator('#status-table tbody tr')).toHaveCount(Object.keys(stats.by_status).length);
  expect((await counts('status-table')).reduce((a, b) => a + b, 0)).toBe(stats.total);
  expect((await counts('category-table')).reduce((a, b) => a + b, 0)).toBe(Object.values(stats.by_category).reduce((a, b) => a + b, 0));

  const rated = stats.agencies.filter((a) => a.name && a.received >= 10).map((a) => a.completion_rate);
  const summary = page.locator('section[aria-labelledby="agencies-title"] .chart-summary');
  await expect(summary).toContainText(`Highest completion rate: `);
  await expect(summary).toContainText(`(${formatPercent(Math.max(...rated), 'en')}); lowest: `);
  await expect(summary).toContainText(`(${formatPercent(Math.min(...rated), 'en')}), among`);
  const table = page.locator('#agency-table');
  const names = () => table.locator('tbody th').allTextContents();
  await table.getByRole('button', { name: 'Agency' }).click();
  await expect(table.locator('th[aria-sort="ascending"]')).toContainText('Agency');
  const named = stats.agencies.filter((a) => a.name).map((a) => a.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect((await names()).slice(0, named.length)).toEqual(named);
  await table.getByRole('button', { name: 'Completion rate' }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toContainText('Completion rate');
  const rates = (await table.locator('tbody td:nth-of-type(3)').allTextContents()).map((t) => parseFloat(t));
  expect(rates).toEqual([...rates].sort((a, b) => b - a));
  await table.getByRole('button', { name: 'Completion rate' }).click();
  await expect(table.locator('th[aria-sort="ascending"]')).toContainText('Completion rate');
  await screenshot(page, 'stats-en-360');
});

test('the downloaded CSV parses and matches the table shown; JSON is the data shown', async ({ page }) => {
  await page.goto(`${baseUrl()}/statistik?period=12m&kind=complaint`);
  await expect(page.locator('#agency-table tbody tr').first()).toBeVisible();
  await page.locator('#agency-table').getByRole('button', { name: 'Selesai' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^statistik_period-12m_kind-complaint_from-\d{4}-\d{2}-01_to-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(readFileSync(await download.path(), 'utf8'));
  expect(rows[0]).toEqual(['Instansi tujuan', 'Masuk', 'Selesai', 'Tingkat penyelesaian', 'Median tanggapan (hari kerja)', 'Terlambat']);
  const shown = await page.locator('#agency-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  expect(rows.length - 1).toBe(shown.length);
  shown.forEach((cells, i) => {
    const csv = rows[i + 1];
    expect(csv[0]).toBe(cells[0]);
    expect(csv[1]).toBe(cells[1].replace(/\./g, ''));
    expect(csv[2]).toBe(cells[2].replace(/\./g, ''));
    expect(`${csv[3].replace('.', ',')} %`.replace(',0 %', ' %')).toBe(cells[3]);
  });
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh JSON' }).click()]);
  const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
  await expect(figure(page, 'total')).toHaveText(formatCount(data.total, 'id'));
});

for (const width of [360, 1280]) {
  for (const lang of ['id', 'en']) {
    test(`statistics have no accessibility violations at ${width} px in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      await page.goto(`${baseUrl()}/statistik?lang=${lang}&period=year`);
      await expect(page.locator('#agency-table tbody tr').first()).toBeVisible();
      await page.locator('.chart-data summary').click();
      await screenshot(page, `stats-${lang}-${width}`);
      await expectNoAxeViolations(page, `stats ${lang} ${width}`);
    });
  }
}

test('statistics embed without header', async ({ page }) => {
  await page.goto(`${baseUrl()}/statistik?embed=1&period=3m`);
  await expect(page.locator('#agency-table tbody tr').first()).toBeVisible();
  await expect(page.locator('.site-header')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Buka portal lengkap' })).toHaveAttribute('href', '/statistik?period=3m');
});
