// The staff console's monitoring page (/petugas/pemantauan): the supervisor applies a filter of the public
// statistics and the table shows exactly what GET /staff/monitoring answers for it (fetched here with the page's
// own session token); "Unduh CSV" saves the server's CSV with its header row; an officer has no such page; axe at
// 360 and 1280 px in both languages.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, formatCount, formatPercent, screenshot, watchErrors } from './helpers.mjs';
import { signIn } from './console-helpers.mjs';

const api = (path) => `${baseUrl()}/api/v1${path}`;
const SUPERVISOR = ['pengawas', 'demo-pengawas-2026'];
const ADMIN = ['admin', 'demo-admin-2026'];
const OFFICER = ['petugas-pupr', 'demo-petugas-2026'];
const W = {
  id: { username: 'Nama pengguna', password: 'Kata sandi', signIn: 'Masuk', nav: 'Menu petugas', title: 'Pemantauan' },
  en: { username: 'Username', password: 'Password', signIn: 'Sign in', nav: 'Staff menu', title: 'Monitoring' },
};

async function openMonitoring(page, who, lang = 'id', query = '') {
  await page.goto(`${baseUrl()}/petugas/pemantauan?lang=${lang}${query}`);
  await signIn(page, who, lang);
  await expect(page.getByRole('heading', { level: 1, name: W[lang].title })).toBeVisible();
}

const settled = (page) => expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
const tokenOf = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('aduan.staff')).token);

/** The table's rows as the page shows them: rank, agency, received, open, overdue, initial response share. */
async function shownRows(page) {
  const rows = page.locator('#monitoring-table tbody tr');
  const out = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const cells = await rows.nth(i).locator('th, td').allInnerTexts();
    out.push(cells.slice(0, 6).map((c) => c.trim()));
  }
  return out;
}

const share = (rate, lang) => (rate === null ? '–' : formatPercent(rate, lang));
const expectedRows = (m, lang) => m.agencies.map((r) => [
  r.rank === null ? (lang === 'id' ? 'Tidak diperingkat' : 'Not ranked') : String(r.rank),
  r.agency_name ?? r.agency_id ?? (lang === 'id' ? 'Belum ada instansi' : 'No agency yet'),
  formatCount(r.received, lang),
  formatCount(r.open, lang),
  formatCount(r.overdue, lang),
  share(r.response_within_rate, lang),
]);

test('the supervisor filters monitoring; the table is the server\'s figures and the CSV downloads', async ({ page, request }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMonitoring(page, SUPERVISOR);
  await page.getByRole('navigation', { name: W.id.nav }).getByRole('link', { name: 'Pemantauan' }).click();
  await page.getByLabel('Klasifikasi laporan').selectOption({ label: 'Pengaduan' });
  await page.getByLabel('Periode').selectOption({ label: 'Tanggal tertentu' });
  await page.getByLabel('Dari tanggal').fill('2025-01-01');
  await page.getByLabel('Sampai tanggal').fill('2026-12-31');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(/kind=complaint/);
  await settled(page);

  const token = await tokenOf(page);
  const res = await request.get(api('/staff/monitoring?kind=complaint&from=2025-01-01&to=2026-12-31'), {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  const m = await res.json();
  expect(m.agencies.length).toBeGreaterThan(1);
  expect(m.agencies.some((r) => r.rank === 1)).toBe(true);
  await expect.poll(() => shownRows(page)).toEqual(expectedRows(m, 'id'));
  await expect(page.locator('#monitoring-table tfoot td').nth(1)).toHaveText(formatCount(m.total.received, 'id'));
  await expect(page.locator('#monitoring-table caption')).toHaveText('Kinerja per instansi, diurutkan menurut peringkat');
  await expect(page.locator('#monitoring-table thead th[scope="col"]')).toHaveCount(10);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^pemantauan-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(lines[0]).toMatch(/^Peringkat,Instansi,Diterima,Terbuka,Lewat batas waktu,/);
  expect(lines.length).toBe(m.agencies.length + 3); // header, agencies, total, the final line end
  expect(lines[1].split(',').slice(0, 3)).toEqual(['1', m.agencies[0].agency_name, String(m.agencies[0].received)]);
  expect(errors).toEqual([]);
});

test('an officer has no monitoring in the bar, and the page says it is not theirs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMonitoring(page, OFFICER);
  await expect(page.getByRole('navigation', { name: W.id.nav }).getByRole('link', { name: 'Pemantauan' })).toHaveCount(0);
  await expect(page.getByText('Pemantauan hanya untuk pengawas dan admin.')).toBeVisible();
  await expect(page.locator('#monitoring-table')).toHaveCount(0);
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ['id', 'en']) {
    test(`the monitoring page has no axe violations at ${width} px in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openMonitoring(page, ADMIN, lang, '&kind=complaint');
      await settled(page);
      await expect(page.locator('#monitoring-table')).toBeVisible();
      await expectNoAxeViolations(page, `monitoring ${width} ${lang}`);
      await screenshot(page, `console-monitoring-${width}-${lang}`);
    });
  }
}
