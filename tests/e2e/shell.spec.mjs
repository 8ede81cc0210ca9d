// The foundation: the shell, the live figures, language switching, navigation, errors and accessibility.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, formatCount, formatPercent, screenshot, watchErrors } from './helpers.mjs';

const NAV = [
  { id: 'Beranda', en: 'Home', path: '/' },
  { id: 'Sampaikan Laporan', en: 'Submit a report', path: '/lapor' },
  { id: 'Lacak Laporan', en: 'Track a report', path: '/lacak' },
  { id: 'Laporan Publik', en: 'Public reports', path: '/laporan' },
  { id: 'Statistik', en: 'Statistics', path: '/statistik' },
];

async function serverStats(request) {
  const res = await request.get(`${baseUrl()}/api/v1/stats`);
  expect(res.ok()).toBeTruthy();
  return res.json();
}

test('home shows the live figures the server reports, in Indonesian then English and back', async ({ page, request }) => {
  const errors = watchErrors(page);
  const stats = await serverStats(request);
  expect(stats.total).toBeGreaterThan(1000);

  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aduan Kota Sukamaju');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  const total = page.locator('[data-figure="total"] .figure-value');
  const rate = page.locator('[data-figure="completion_rate"] .figure-value');
  await expect(total).toHaveText(formatCount(stats.total, 'id'));
  await expect(rate).toHaveText(formatPercent(stats.completion_rate, 'id'));
  await expect(page.locator('[data-figure="total"] dt')).toHaveText('Laporan masuk');
  await expect(page.getByText('Target nasional: 90 %')).toBeVisible();
  await screenshot(page, 'home-id-360');

  await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Submit a report' })).toBeVisible();
  await expect(page.locator('[data-figure="total"] dt')).toHaveText('Reports received');
  await expect(total).toHaveText(formatCount(stats.total, 'en'));
  await expect(rate).toHaveText(formatPercent(stats.completion_rate, 'en'));
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveTitle(/^Home — /);
  await screenshot(page, 'home-en-360');

  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.locator('[data-figure="total"] dt')).toHaveText('Reports received');

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.locator('[data-figure="total"] dt')).toHaveText('Laporan masuk');
  await expect(total).toHaveText(formatCount(stats.total, 'id'));
  expect(errors).toEqual([]);
});

test('?lang=en opens the portal in English', async ({ page }) => {
  await page.goto(`${baseUrl()}/statistik?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');
});

for (const lang of ['id', 'en']) {
  test(`every navigation link works (${lang})`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`${baseUrl()}/?lang=${lang}`);
    const nav = page.getByRole('navigation', { name: lang === 'id' ? 'Navigasi utama' : 'Main navigation' });
    for (const link of NAV) {
      await nav.getByRole('link', { name: link[lang], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${link.path.replace('/', '\\/')}(\\?.*)?$`));
      await expect(nav.getByRole('link', { name: link[lang], exact: true })).toHaveAttribute('aria-current', 'page');
      if (link.path !== '/') {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(link[lang]);
      }
      await expect(page.locator('main')).not.toContainText(/TODO|lorem/i);
    }
    expect(errors).toEqual([]);
  });
}

test('an unknown path shows the not-found page with a way home', async ({ page }) => {
  await page.goto(`${baseUrl()}/halaman-yang-tidak-ada`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman tidak ditemukan');
  await page.getByRole('link', { name: 'Kembali ke Beranda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aduan Kota Sukamaju');
});

test('unknown API paths answer problem+json, not the SPA', async ({ request }) => {
  const res = await request.get(`${baseUrl()}/api/v1/tidak-ada`);
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toContain('application/problem+json');
});

test('a missing or invalid config.json shows a clear error page, not a blank screen', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"portal_name": ""}' }));
  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portal belum dapat dibuka');
  await page.unroute('**/config.json');
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'nope' }));
  await page.goto(`${baseUrl()}/?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The portal cannot open yet');
  await page.getByText('Technical details').click();
  await expect(page.locator('pre')).toContainText('404');
});

test('a failed request shows a retryable error in the user language, and retry recovers', async ({ page, request }) => {
  const stats = await serverStats(request);
  let fail = true;
  await page.route('**/api/v1/stats*', (route) => (fail ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"down","status":503}' }) : route.continue()));
  await page.goto(`${baseUrl()}/`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Server sedang bermasalah');
  await screenshot(page, 'home-error-360');
  fail = false;
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.locator('[data-figure="total"] .figure-value')).toHaveText(formatCount(stats.total, 'id'));
});

test("when the portal's lists cannot be fetched, every page that needs them says so, keeps what it can, and retry recovers", async ({ page, request }) => {
  const { items } = await (await request.get(`${baseUrl()}/api/v1/reports?per_page=1`)).json();
  let fail = true;
  await page.route('**/api/v1/portal', (route) => (fail ? route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"down","status":503}' }) : route.continue()));
  for (const path of ['/statistik', '/laporan', `/lacak/${items[0].ticket}`]) {
    await page.goto(`${baseUrl()}${path}`);
    await expect(page.getByRole('alert')).toContainText('Server sedang bermasalah');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // The ticket page still names the ticket it was asked for.
  await expect(page.locator('.ticket-number')).toHaveAttribute('data-ticket', items[0].ticket);
  // The submit page keeps its title and introduction above the error.
  await page.goto(`${baseUrl()}/lapor`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Server sedang bermasalah');
  await expect(page.getByRole('heading', { level: 1, name: 'Sampaikan Laporan' })).toBeVisible();
  await expect(page.locator('p.lead')).toContainText('permintaan informasi');
  await screenshot(page, 'submit-portal-error-360');
  fail = false;
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByRole('radio', { name: 'Pengaduan' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a page whose code cannot be fetched says so in the user language and loads on retry; the rest keeps working', async ({ page, request }) => {
  // Most pages' code is a wasm chunk of its own (scripts/build-wasm.mjs); here none of them arrives at first.
  let fail = true;
  await page.route(/\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/, (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  // The tracking form is in the shell; a remembered report's status, which needs the tracking chunk, reads
  // as unknown, without an error panel on its line.
  const { items } = await (await request.get(`${baseUrl()}/api/v1/reports?per_page=1`)).json();
  await page.addInitScript((ticket) => localStorage.setItem('aduan.my_reports', JSON.stringify([ticket])), items[0].ticket);
  await page.goto(`${baseUrl()}/lacak`);
  await expect(page.locator('.my-reports li')).toContainText('status tidak dapat dimuat');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto(`${baseUrl()}/statistik`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Tidak dapat terhubung ke server');
  // The heading comes with the shell; the figures are the chunk that did not arrive.
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
  await expect(page.locator('[data-figure="total"]')).toHaveCount(0);
  await expect(page.locator('footer')).toBeVisible();
  // The submit page's title and introduction come with the shell as well; its form is the chunk.
  await page.goto(`${baseUrl()}/lapor`);
  await expect(page.getByRole('alert')).toContainText('Tidak dapat terhubung ke server');
  await expect(page.getByRole('heading', { level: 1, name: 'Sampaikan Laporan' })).toBeVisible();
  await expect(page.locator('p.lead')).toContainText('permintaan informasi');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await page.goto(`${baseUrl()}/statistik`);
  await expect(alert).toContainText('Tidak dapat terhubung ke server');
  fail = false;
  await alert.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.locator('[data-figure="total"] .figure-value')).not.toBeEmpty();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The failure did not stop the app: another page, with a chunk of its own, still opens.
  await page.getByRole('link', { name: 'Sampaikan Laporan', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sampaikan Laporan');
  await expect(page.getByRole('radio', { name: 'Pengaduan' })).toBeVisible();
});

test('the portal lists are fetched once a page needs them, and once for the whole visit', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/v1/portal') asked.push(r.url()); });
  // The tracking form needs no lists: it neither waits for them nor downloads them.
  await page.goto(`${baseUrl()}/lacak`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lacak Laporan' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual([]);
  // The public list's filters name agencies and categories, so it asks for them ...
  await page.getByRole('link', { name: 'Laporan Publik', exact: true }).first().click();
  await expect(page.locator('.report-list li').first()).toBeVisible();
  await expect(page.locator('#filter-q')).toBeVisible();
  expect(asked).toHaveLength(1);
  // ... and the other pages use the same answer.
  await page.getByRole('link', { name: 'Statistik', exact: true }).first().click();
  await expect(page.locator('[data-figure="total"] .figure-value')).not.toBeEmpty();
  await page.getByRole('link', { name: 'Sampaikan Laporan', exact: true }).first().click();
  await expect(page.getByRole('radio', { name: 'Pengaduan' })).toBeVisible();
  expect(asked).toHaveLength(1);
});

// One test per page, language and width, so that a busy machine slows each one a little instead of pushing one
// long loop past its time limit.
for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
  for (const lang of ['id', 'en']) {
    for (const path of ['/', '/lapor', '/lacak', '/laporan', '/statistik', '/halaman-yang-tidak-ada']) {
      test(`no accessibility violations on ${path} (${lang}, ${viewport.width} px)`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.goto(`${baseUrl()}${path}?lang=${lang}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page, `${path} (${lang}, ${viewport.width}px)`);
        if (lang === 'id') await screenshot(page, `${path.slice(1) || 'home'}-${viewport.width}`);
      });
    }
  }
}
