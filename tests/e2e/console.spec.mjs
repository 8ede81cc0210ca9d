// The staff console at /petugas: sign-in (wrong password, throttling words), the role's work queue with its
// tabs and counts, an officer's agency scope at 360 px, sign-out, a session revoked elsewhere, filters in the
// URL, the Open311 case, and axe on sign-in and queue at 360 and 1280 px in both languages. The server runs
// with --demo, which creates the demo accounts.
import { test, expect } from '@playwright/test';
import { BACKENDS, baseUrl, expectNoAxeViolations, screenshot, useConfig, watchErrors } from './helpers.mjs';

const api = (path) => `${baseUrl()}/api/v1${path}`;
const PUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';
const ACCOUNTS = {
  admin: 'demo-admin-2026',
  pengawas: 'demo-pengawas-2026',
  'petugas-pupr': 'demo-petugas-2026',
  'petugas-dinkes': 'demo-petugas-2026',
};

/** Signs in on whatever page shows the sign-in form (Indonesian words). */
async function signIn(page, username) {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(ACCOUNTS[username]);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // Argon2 on a busy machine: generous, as a sign-in may queue behind others' hashes.
  await expect(page.getByRole('navigation', { name: 'Menu petugas' })).toBeVisible({ timeout: 20_000 });
}

/** A session token of `username` straight from the API. */
async function tokenOf(request, username) {
  const res = await request.post(api('/staff/session'), { data: { username, password: ACCOUNTS[username] } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).token;
}

/** The queue the server gives `token` for `query`. */
async function serverQueue(request, token, query) {
  const res = await request.get(api(`/staff/queue?${query}`), { headers: { authorization: `Bearer ${token}` } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

const rowsSettled = (page) => expect(page.locator('.refreshable[aria-busy="true"]')).toHaveCount(0);

test('the footer leads to the sign-in form, and a wrong password is explained in an error summary', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${baseUrl()}/`);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Petugas' }).click();
  await expect(page).toHaveURL(/\/petugas$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();

  // Empty fields: one problem each, before anything is sent.
  await page.getByRole('button', { name: 'Masuk' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.getByRole('link')).toHaveText(['Masukkan nama pengguna', 'Masukkan kata sandi']);
  await expect(summary).toBeFocused();

  await page.getByLabel('Nama pengguna').fill('pengawas');
  await page.getByLabel('Kata sandi').fill('not-the-password');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(summary.getByRole('link')).toHaveText(['Nama pengguna atau kata sandi salah.']);
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Kata sandi')).toHaveValue('');
  // The same refusal in English once the language is switched.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Password').fill('still-not-the-password');
  await page.getByLabel('Username').fill('pengawas');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(summary.getByRole('link')).toHaveText(['Wrong username or password.']);
  expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
});

test('throttled sign-in says how long to wait, from Retry-After', async ({ page }) => {
  await page.route('**/api/v1/staff/session', (route) => route.fulfill({
    status: 429,
    headers: { 'retry-after': '150', 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429 }),
  }));
  await page.goto(`${baseUrl()}/petugas`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill('whatever-it-is');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.locator('.error-summary').getByRole('link'))
    .toHaveText(['Terlalu banyak percobaan masuk. Silakan coba lagi dalam 3 menit.']);
});

test('the admin signs in to the to-verify tab with its count, the same as the server', async ({ page, request }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${baseUrl()}/petugas`);
  await signIn(page, 'admin');
  await expect(page.getByRole('navigation', { name: 'Menu petugas' })).toContainText('Admin Demo');
  const tabs = page.getByRole('navigation', { name: 'Tab antrean' });
  const current = tabs.locator('[aria-current="page"]');
  await expect(current).toContainText('Perlu diverifikasi');
  const server = await serverQueue(request, await tokenOf(request, 'admin'), 'tab=to_verify&per_page=25');
  const count = server.tabs.find((t) => t.tab === 'to_verify').count;
  expect(count).toBeGreaterThan(0);
  await expect(current.locator('.queue-count')).toHaveText(String(count));
  await expect(tabs.getByRole('link')).toHaveCount(5);
  await rowsSettled(page);
  await expect(page.locator('.report-row')).toHaveCount(server.items.length);
  // Every row says its deadline in working days, and links to the console's report page.
  for (const text of await page.locator('.queue-due').allTextContents()) {
    expect(text).toMatch(/Batas waktu: (\d+ hari kerja lagi|terlambat \d+ hari kerja|Jatuh tempo hari ini|Tanpa batas waktu)$/);
  }
  const first = server.items[0].ticket;
  await expect(page.locator('.report-link').first()).toHaveAttribute('href', `/petugas/${first}`);
  expect(errors).toEqual([]);
});

test('an officer at 360 px sees only the reports of their agency', async ({ page, request }) => {
  await page.goto(`${baseUrl()}/petugas?tab=all`);
  await signIn(page, 'petugas-pupr');
  const tabs = page.getByRole('navigation', { name: 'Tab antrean' });
  await expect(tabs.locator('[aria-current="page"]')).toContainText('Semua');
  await expect(tabs.getByRole('link', { name: /Diteruskan ke instansi saya/ })).toBeVisible();
  await expect(tabs.getByRole('link', { name: /Perlu diverifikasi/ })).toHaveCount(0);
  await rowsSettled(page);
  const rows = page.locator('.report-row');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const meta of await page.locator('.report-row .report-meta').allTextContents()) {
    expect(meta).toContain(PUPR);
  }
  const server = await serverQueue(request, await tokenOf(request, 'petugas-pupr'), 'tab=all&per_page=25');
  await expect(page.locator('.result-count')).toHaveText(`${server.total.toLocaleString('id-ID')} laporan`);
  // Nothing wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('signing out revokes the session; going back shows the sign-in form again', async ({ page, request }) => {
  await page.goto(`${baseUrl()}/petugas`);
  await signIn(page, 'admin');
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('aduan.staff')).token);
  await page.getByRole('link', { name: 'Akun' }).click();
  await expect(page).toHaveURL(/\/petugas\/akun$/);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/petugas$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(page.getByText('Anda telah keluar.')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('aduan.staff'))).toBeNull();
  const after = await request.get(api('/staff/session'), { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  await page.goBack();
  await expect(page).toHaveURL(/\/petugas\/akun$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu petugas' })).toHaveCount(0);
});

test('a session revoked elsewhere returns to sign-in at the same URL, and signing in goes on there', async ({ page, request }) => {
  const errors = watchErrors(page);
  await page.goto(`${baseUrl()}/petugas`);
  await signIn(page, 'admin');
  await rowsSettled(page);
  // Another device (here: the API) signs this session out.
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('aduan.staff')).token);
  const revoked = await request.delete(api('/staff/session'), { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(204);
  await page.getByRole('navigation', { name: 'Tab antrean' }).getByRole('link', { name: /Semua/ }).click();
  await expect(page).toHaveURL(/\/petugas\?tab=all$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(page.getByText('Sesi Anda telah berakhir.', { exact: false })).toBeVisible();
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/petugas\?tab=all$/);
  await expect(page.getByRole('navigation', { name: 'Tab antrean' }).locator('[aria-current="page"]')).toContainText('Semua');
  // The view that met the 401 is removed without touching what it disposed (that once panicked the app).
  expect(errors.filter((e) => e.startsWith('pageerror') || e.includes('panicked'))).toEqual([]);
});

test('filters are in the URL and survive a reload', async ({ page, request }) => {
  await page.goto(`${baseUrl()}/petugas?tab=all`);
  await signIn(page, 'admin');
  await page.getByText('Saring laporan').click();
  await page.getByLabel('Status').selectOption('dispositioned');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(/\/petugas\?tab=all&status=dispositioned$/);
  await rowsSettled(page);
  const server = await serverQueue(request, await tokenOf(request, 'admin'), 'tab=all&status=dispositioned&per_page=25');
  await expect(page.locator('.report-row')).toHaveCount(server.items.length);
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('dispositioned');
  await rowsSettled(page);
  await expect(page.locator('.report-row')).toHaveCount(server.items.length);
  for (const badge of await page.locator('.report-row .status-badge').allTextContents()) {
    expect(badge).toBe('Didisposisikan ke instansi');
  }
  await page.getByRole('link', { name: 'Hapus filter' }).click();
  await expect(page).toHaveURL(/\/petugas\?tab=all$/);
});

test('with an Open311 backend the console says it is not offered, and calls nothing', async ({ page }) => {
  await useConfig(page, { portal_name: 'Aduan', default_language: 'id', backend: BACKENDS.open311 });
  const staffCalls = [];
  page.on('request', (r) => { if (r.url().includes('/staff')) staffCalls.push(r.url()); });
  await page.goto(`${baseUrl()}/petugas`);
  await expect(page.getByText('Konsol petugas tidak tersedia untuk backend ini.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toHaveCount(0);
  expect(staffCalls).toEqual([]);
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ['id', 'en']) {
    test(`sign-in and queue have no axe violations at ${width} px in ${lang}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(`${baseUrl()}/petugas?lang=${lang}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'id' ? 'Masuk' : 'Sign in');
      await page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await expectNoAxeViolations(page, `sign-in ${width} ${lang}`);
      await screenshot(page, `console-sign-in-${width}-${lang}`);
      await page.getByLabel(lang === 'id' ? 'Nama pengguna' : 'Username').fill('admin');
      await page.getByLabel(lang === 'id' ? 'Kata sandi' : 'Password').fill(ACCOUNTS.admin);
      await page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in' }).click();
      await rowsSettled(page);
      await expect(page.locator('.report-row').first()).toBeVisible();
      await page.getByText(lang === 'id' ? 'Saring laporan' : 'Filter reports').click();
      await expectNoAxeViolations(page, `queue ${width} ${lang}`);
      await screenshot(page, `console-queue-${width}-${lang}`);
    });
  }
}
