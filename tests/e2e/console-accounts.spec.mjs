// The staff console's account page (/petugas/akun): an administrator creates an officer (refusals in an error
// summary first), who then sees only their agency's reports; disabling that account ends its open session and
// refuses its sign-in until it is enabled again; a user changes their own password; a supervisor only reads
// the list; axe at 360 and 1280 px in both languages. Every test makes its own accounts with a fresh username,
// so none depends on the order of tests, on a rerun, or changes a demo account other tests sign in with.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, operator, screenshot, watchErrors } from './helpers.mjs';
import { signIn } from './console-helpers.mjs';

const api = (path) => `${baseUrl()}/api/v1${path}`;
const ADMIN = ['admin', 'demo-admin-2026'];
const SUPERVISOR = ['pengawas', 'demo-pengawas-2026'];
const PUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

const W = {
  id: {
    username: 'Nama pengguna', password: 'Kata sandi', signIn: 'Masuk', nav: 'Menu petugas', title: 'Akun saya',
    accounts: 'Akun petugas', create: 'Buat akun', displayName: 'Nama tampilan', role: 'Peran',
    current: 'Kata sandi saat ini', new: 'Kata sandi baru', savePassword: 'Simpan kata sandi',
    currentRequired: 'Masukkan kata sandi saat ini', newRequired: 'Masukkan kata sandi baru',
    createRequired: ['Masukkan nama pengguna', 'Masukkan nama tampilan', 'Pilih sedikitnya satu instansi untuk pejabat penghubung', 'Masukkan kata sandi'],
  },
  en: {
    username: 'Username', password: 'Password', signIn: 'Sign in', nav: 'Staff menu', title: 'My account',
    accounts: 'Staff accounts', create: 'Create account', displayName: 'Display name', role: 'Role',
    current: 'Current password', new: 'New password', savePassword: 'Save password',
    currentRequired: 'Enter your current password', newRequired: 'Enter a new password',
    createRequired: ['Enter a username', 'Enter a display name', 'Choose at least one agency for an agency officer', 'Enter a password'],
  },
};
const w = W.id;

let serial = 0;
/** A username no other run or test has used: 3–32 of a-z 0-9 . _ - */
const freshUsername = (what) => `${what}-${Date.now().toString(36)}-${(serial += 1)}`;

/** An account made through the API as the operator's service account (an administrator). */
async function createAccount(request, account) {
  const res = await request.post(api('/staff/accounts'), { headers: operator(), data: account });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

async function newOfficer(request, password = 'sandi-awal-petugas') {
  const username = freshUsername('petugas');
  await createAccount(request, { username, display_name: `Petugas ${username}`, role: 'officer', agency_ids: ['dinas-pupr'], password });
  return [username, password];
}

/** A sign-in that the server refuses with its usual words (wrong password, unknown or disabled account). */
async function signInRefused(page, [username, password]) {
  await page.getByLabel(w.username, { exact: true }).fill(username);
  await page.getByLabel(w.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await expect(page.locator('.error-summary').getByRole('link')).toHaveText(['Nama pengguna atau kata sandi salah.'], { timeout: 20_000 });
  await expect(page.getByRole('navigation', { name: w.nav })).toHaveCount(0);
}

async function openAccountPage(page, who, lang = 'id') {
  await page.goto(`${baseUrl()}/petugas/akun?lang=${lang}`);
  await signIn(page, who, lang);
  await expect(page.getByRole('heading', { level: 1, name: W[lang].title })).toBeVisible();
}

const accountRow = (page, username) => page.locator('.account-row', { hasText: `(${username})` });
const summaryLinks = (page) => page.locator('.error-summary').getByRole('link');
const rowsSettled = (page) => expect(page.locator('.refreshable[aria-busy="true"]')).toHaveCount(0);

test('an administrator creates an officer after the error summary; the officer sees only their agency', async ({ page, browser, request }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAccountPage(page, ADMIN);
  const username = freshUsername('budi');
  const form = page.locator('form.new-account');
  await form.getByLabel(w.username, { exact: true }).fill(username);
  await form.getByLabel(w.displayName).fill('Budi Petugas PUPR');
  await expect(form.getByLabel(w.role)).toHaveValue('officer');
  await form.getByLabel(w.password, { exact: true }).fill('pendek');
  await form.getByRole('button', { name: w.create }).click();
  // Every problem at once, in the order of the fields, the summary focused and each field marked.
  await expect(summaryLinks(page)).toHaveText(['Pilih sedikitnya satu instansi untuk pejabat penghubung', 'Kata sandi minimal 12 karakter']);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(form.getByLabel(w.password, { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('fieldset.field-error')).toContainText('Pilih sedikitnya satu instansi untuk pejabat penghubung');
  // The agency's link leads to the first of the agencies' checkboxes.
  await summaryLinks(page).first().click();
  await expect(form.locator('fieldset input[type="checkbox"]').first()).toBeFocused();
  await expect(accountRow(page, username)).toHaveCount(0);

  await form.getByLabel(PUPR).check();
  await form.getByLabel(w.password, { exact: true }).fill('sandi-pertama-budi');
  await form.getByRole('button', { name: w.create }).click();
  await expect(page.locator('p.notice[role="status"]')).toHaveText(`Akun ${username} telah dibuat.`);
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await expect(form.getByLabel(w.username, { exact: true })).toHaveValue('');
  await expect(accountRow(page, username)).toContainText('Budi Petugas PUPR');
  await expect(accountRow(page, username).locator('.report-meta')).toHaveText(`Pejabat penghubung · ${PUPR} · Aktif`);
  expect(errors).toEqual([]);

  // The new officer, in a browser of their own, sees the reports of PUPR and nothing else.
  const context = await browser.newContext();
  const officer = await context.newPage();
  await officer.goto(`${baseUrl()}/petugas?tab=all`);
  await signIn(officer, [username, 'sandi-pertama-budi']);
  await expect(officer.getByRole('navigation', { name: w.nav })).toContainText('Budi Petugas PUPR');
  // The rows first (before the queue has started loading nothing is busy yet, so "settled" alone can pass on an
  // empty page), then no refresh still under way.
  await expect(officer.locator('.report-row').first()).toBeVisible();
  await rowsSettled(officer);
  for (const meta of await officer.locator('.report-row .report-meta').allTextContents()) {
    expect(meta).toContain(PUPR);
  }
  // As many as the server gives the demo officer of the same agency (signed in through the API only).
  const session = await request.post(api('/staff/session'), { data: { username: 'petugas-pupr', password: 'demo-petugas-2026' } });
  expect(session.status()).toBe(201);
  const res = await request.get(api('/staff/queue?tab=all&per_page=25'), { headers: { authorization: `Bearer ${(await session.json()).token}` } });
  expect(res.status()).toBe(200);
  const { total } = await res.json();
  await expect(officer.locator('.result-count')).toHaveText(`${total.toLocaleString('id-ID')} laporan`);
  // An officer's account page has the password form only.
  await officer.getByRole('navigation', { name: w.nav }).getByRole('link', { name: 'Akun' }).click();
  await expect(officer.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
  await expect(officer.getByRole('heading', { level: 2, name: 'Ganti kata sandi' })).toBeVisible();
  await expect(officer.getByRole('heading', { name: w.accounts })).toHaveCount(0);
  await context.close();
});

test('disabling an account ends its open session and refuses its sign-in until it is enabled again', async ({ page, browser, request }) => {
  const who = await newOfficer(request);
  const [username] = who;
  const context = await browser.newContext();
  const officer = await context.newPage();
  const officerErrors = watchErrors(officer);
  await officer.goto(`${baseUrl()}/petugas`);
  await signIn(officer, who);
  await rowsSettled(officer);

  await openAccountPage(page, ADMIN);
  const row = accountRow(page, username);
  await expect(row.locator('.report-meta')).toContainText('Aktif');
  await row.getByRole('button', { name: 'Nonaktifkan' }).click();
  await expect(row.locator('.report-meta')).toContainText('Nonaktif');
  await expect(row.getByRole('button', { name: 'Aktifkan' })).toBeVisible();
  // The admin's own row has no such button.
  await expect(accountRow(page, 'admin').getByRole('button')).toHaveCount(0);

  // The officer's next action meets the 401 and returns to sign-in, at the URL they were going to.
  await officer.getByRole('navigation', { name: 'Tab antrean' }).getByRole('link', { name: /Semua/ }).click();
  await expect(officer).toHaveURL(/\/petugas\?tab=all$/);
  await expect(officer.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await expect(officer.getByText('Sesi Anda telah berakhir.', { exact: false })).toBeVisible();
  await signInRefused(officer, who);

  await row.getByRole('button', { name: 'Aktifkan' }).click();
  await expect(row.locator('.report-meta')).toContainText('Aktif');
  await expect(row.getByRole('button', { name: 'Nonaktifkan' })).toBeVisible();
  await signIn(officer, who);
  await expect(officer).toHaveURL(/\/petugas\?tab=all$/);
  expect(officerErrors.filter((e) => e.startsWith('pageerror') || e.includes('panicked'))).toEqual([]);
  await context.close();
});

test('a user changes their own password: a wrong current one is refused inline, then only the new one signs in', async ({ page, request }) => {
  const errors = watchErrors(page);
  const [username, oldPassword] = await newOfficer(request, 'sandi-lama-petugas');
  const newPassword = 'sandi-baru-petugas-2026';
  // Another session of the same account, which the change signs out.
  const other = await request.post(api('/staff/session'), { data: { username, password: oldPassword } });
  expect(other.status()).toBe(201);
  const otherToken = (await other.json()).token;

  await openAccountPage(page, [username, oldPassword]);
  await page.getByLabel(w.current).fill('bukan-sandi-saya');
  await page.getByLabel(w.new, { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: w.savePassword }).click();
  const current = page.getByLabel(w.current);
  await expect(page.locator('#account-current_password-error')).toHaveText('Kata sandi saat ini salah');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(summaryLinks(page)).toHaveText(['Kata sandi saat ini salah']);
  await expect(page.locator('.error-summary')).toBeFocused();

  await current.fill(oldPassword);
  await page.getByLabel(w.new, { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: w.savePassword }).click();
  await expect(page.locator('p.notice[role="status"]')).toHaveText('Kata sandi telah diganti. Sesi lain akun ini telah dikeluarkan.');
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await expect(current).toHaveAttribute('aria-invalid', 'false');
  await expect(current).toHaveValue('');
  const otherNow = await request.get(api('/staff/session'), { headers: { authorization: `Bearer ${otherToken}` } });
  expect(otherNow.status()).toBe(401);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  await signInRefused(page, [username, oldPassword]);
  await signIn(page, [username, newPassword]);
  expect(errors.filter((e) => !e.includes('401') && !e.includes('422'))).toEqual([]);
});

test('a supervisor sees every account and no control to create, disable or enable one', async ({ page, request }) => {
  const [username] = await newOfficer(request);
  await openAccountPage(page, SUPERVISOR);
  await expect(page.getByRole('heading', { level: 2, name: w.accounts })).toBeVisible();
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('aduan.staff')).token);
  const res = await request.get(api('/staff/accounts'), { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  await expect(page.locator('.account-row')).toHaveCount((await res.json()).length);
  await expect(accountRow(page, username)).toContainText('Aktif');
  await expect(accountRow(page, 'pengawas')).toContainText('(Anda)');
  await expect(page.locator('.account-list').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('button', { name: w.create })).toHaveCount(0);
  await expect(page.locator('form.new-account')).toHaveCount(0);
  // Everyone may change their own password.
  await expect(page.getByRole('button', { name: w.savePassword })).toBeVisible();
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ['id', 'en']) {
    test(`the administrator's account page has no axe violations at ${width} px in ${lang}, with and without errors`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openAccountPage(page, ADMIN, lang);
      await expect(page.locator('.account-row').first()).toBeVisible();
      await expectNoAxeViolations(page, `account ${width} ${lang}`);
      // The password form refused, then the create form: the page keeps one error summary (one id to focus),
      // the create form's, and focus lands on it rather than on the password form's higher up.
      await page.getByRole('button', { name: W[lang].savePassword }).click();
      await expect(summaryLinks(page)).toHaveText([W[lang].currentRequired, W[lang].newRequired]);
      await expect(page.locator('.error-summary')).toBeFocused();
      await expectNoAxeViolations(page, `account with the password form's errors ${width} ${lang}`);
      await page.getByRole('button', { name: W[lang].create }).click();
      await expect(summaryLinks(page)).toHaveText(W[lang].createRequired);
      await expect(page.locator('.error-summary')).toBeFocused();
      await expect(page.getByLabel(W[lang].current)).toHaveAttribute('aria-invalid', 'false');
      await expect(page.locator('form.new-account [aria-invalid="true"]')).toHaveCount(3);
      await expectNoAxeViolations(page, `account with the create form's errors ${width} ${lang}`);
      await screenshot(page, `console-account-${width}-${lang}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
}
