// The console's desk (/petugas/lapor): an administrator records a report that came by letter, at 360 px, through
// the citizen's own form (a missing answer is caught with the error summary and the inline error, as on /lapor),
// its check-your-answers (a failed send loses nothing and the retry makes one report) and its receipt (ticket and access code), which prints alone. The citizen's tracking page
// opens it with that ticket and code, the staff report page says it came by "Surat", and the public statistics
// count it under "Per kanal". Officers and supervisors have no such page; axe at 360 and 1280 px in both languages.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, formatCount, screenshot, watchErrors } from './helpers.mjs';
import { signIn } from './console-helpers.mjs';
import { WORDS } from './flows.mjs';

const ADMIN = ['admin', 'demo-admin-2026'];
const OFFICER = ['petugas-pupr', 'demo-petugas-2026'];
const SUPERVISOR = ['pengawas', 'demo-pengawas-2026'];
const W = {
  id: { title: 'Catat laporan', nav: 'Menu petugas', channel: 'Kanal', letter: 'Surat', channelError: 'Pilih kanal laporan ini',
    adminsOnly: 'Hanya admin yang dapat mencatat laporan dari kanal lain.', another: 'Catat laporan lain', print: 'Cetak' },
  en: { title: 'Record a report', nav: 'Staff menu', channel: 'Channel', letter: 'Letter', channelError: 'Choose the channel this report came by',
    adminsOnly: 'Only administrators record reports from the other channels.', another: 'Record another report', print: 'Print' },
};

async function openDesk(page, who, lang = 'id') {
  await page.goto(`${baseUrl()}/petugas/lapor?lang=${lang}`);
  await signIn(page, who, lang);
  await expect(page.getByRole('heading', { level: 1, name: W[lang].title })).toBeVisible();
}

const letters = async (request) => (await (await request.get(`${baseUrl()}/api/v1/stats`)).json()).by_channel.letter ?? 0;

test('an administrator records a letter at 360 px; the receipt prints alone and the report is found, shown and counted', async ({ page, request }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const w = WORDS.id;
  const d = W.id;
  const lettersBefore = await letters(request);
  await page.setViewportSize({ width: 360, height: 740 });
  await openDesk(page, ADMIN);
  await page.getByRole('navigation', { name: d.nav }).getByRole('link', { name: d.title }).click();
  await expect(page).toHaveURL(/\/petugas\/lapor/);

  // The channel first: the website is not offered; continuing without one is caught.
  await expect(page.getByRole('radio')).toHaveCount(5);
  await expect(page.getByLabel('Situs web')).toHaveCount(0);
  await page.getByRole('button', { name: w.continue }).click();
  const summary = page.getByRole('alert').filter({ hasText: w.summary });
  await expect(summary).toContainText(d.channelError);
  await expect(page.locator('#channel-error')).toContainText(d.channelError);
  await page.getByLabel(d.letter, { exact: true }).check();
  await page.getByRole('button', { name: w.continue }).click();

  // Then the citizen's form: a missing title is caught as on /lapor.
  await expect(page.locator('.desk-channel .answer')).toHaveText(d.letter);
  await page.getByLabel(w.complaint, { exact: true }).check();
  await page.getByRole('button', { name: w.continue }).click();
  const title = `Surat warga: lampu jalan mati ${Date.now()}`;
  await page.getByLabel(w.body).fill('Surat dari warga: lampu penerangan jalan mati sejak seminggu, jalan gelap dan rawan.');
  await page.getByLabel(w.date).fill('2026-01-15');
  await page.getByRole('button', { name: w.continue }).click();
  await expect(page.getByRole('alert').filter({ hasText: w.summary })).toContainText(w.titleError);
  await expect(page.locator('#title-error')).toContainText(w.titleError);
  await page.getByLabel(w.title).fill(title);
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByLabel(w.region, { exact: true }).selectOption({ label: 'Cempaka' });
  await page.getByLabel(w.category, { exact: true }).selectOption('jalan');
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByRole('button', { name: w.continue }).click(); // no attachments with a letter
  await page.getByLabel('Rahasia', { exact: true }).check();
  await page.getByLabel(w.name, { exact: true }).fill('Siti Aminah');
  await page.getByLabel(w.email, { exact: true }).fill('siti@contoh.id');
  await page.getByRole('button', { name: w.continue }).click();

  // Check your answers, then the receipt.
  await expect(page.getByRole('heading', { name: w.review })).toBeVisible();
  await expect(page.locator('.summary-row', { hasText: w.title }).locator('.answer')).toHaveText(title);
  await screenshot(page, 'console-record-review-360');
  // A send whose answer is lost keeps everything typed, in the desk's own draft (never the citizen's). The server
  // did store that first send, so only the retry's same Idempotency-Key keeps it to the one report (counted below).
  await page.route('**/api/v1/staff/reports', async (route) => {
    await route.fetch();
    await route.abort();
  });
  await page.getByRole('button', { name: w.send }).click();
  await expect(page.getByRole('alert').filter({ hasText: w.notSent })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('aduan.desk.draft')).title)).toBe(title);
  expect(await page.evaluate(() => localStorage.getItem('aduan.draft'))).toBeNull();
  await page.unroute('**/api/v1/staff/reports');
  await expect(page.getByRole('heading', { level: 1, name: w.receipt })).toBeVisible({ timeout: 30_000 });
  const ticket = await page.locator('.ticket-number').getAttribute('data-ticket');
  const code = await page.locator('.access-code').getAttribute('data-access-code');
  expect(ticket).toMatch(/^[A-Z0-9]{9,}$/);
  expect(code).toBeTruthy();
  await expect(page.getByRole('button', { name: d.print })).toBeVisible();
  await screenshot(page, 'console-record-receipt-360');
  // Not the desk's own report: nothing is remembered as "my reports" on the staff member's browser.
  expect(await page.evaluate(() => localStorage.getItem('aduan.my_reports'))).toBeNull();

  // Printed: the receipt alone, without the console's menu or the desk's heading.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ticket-number')).toBeVisible();
  await expect(page.locator('.access-code')).toBeVisible();
  await expect(page.getByRole('navigation', { name: d.nav })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeHidden();
  await expect(page.getByRole('button', { name: d.another })).toBeHidden();
  await screenshot(page, 'console-record-print-360');
  await page.emulateMedia({ media: 'screen' });

  // "Record another report" starts afresh, at the channel.
  await page.getByRole('button', { name: d.another }).click();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByLabel(d.letter, { exact: true })).toBeVisible();

  // The staff report page: came by letter.
  await page.goto(`${baseUrl()}/petugas/${ticket}`);
  await expect(page.locator('.report-facts .summary-row', { hasText: d.channel }).locator('.answer')).toHaveText(d.letter);

  // The citizen's tracking page opens it with the ticket and the access code.
  const citizen = await page.context().browser().newPage();
  await citizen.goto(`${baseUrl()}/lacak`);
  await citizen.getByLabel('Nomor tiket').fill(ticket);
  await citizen.getByRole('button', { name: 'Lacak', exact: true }).click();
  await expect(citizen).toHaveURL(new RegExp(`/lacak/${ticket}$`));
  await expect(citizen.getByText(title)).toHaveCount(0);
  await citizen.getByLabel('Kode akses').fill(code);
  await citizen.getByRole('button', { name: 'Buka dengan kode akses' }).click();
  await expect(citizen.locator('.report-title')).toHaveText(title);

  // The public statistics count it under "Per kanal".
  expect(await letters(request)).toBe(lettersBefore + 1);
  await citizen.goto(`${baseUrl()}/statistik`);
  await expect(citizen.getByRole('heading', { name: 'Per kanal' })).toBeVisible();
  const row = citizen.locator('#channel-table tbody tr', { has: citizen.locator('th', { hasText: /^Surat$/ }) });
  await expect(row.locator('td').first()).toHaveText(formatCount(lettersBefore + 1, 'id'));
  await citizen.close();
  // Only the refused requests of the failed send.
  expect(errors.filter((e) => !e.includes('net::ERR_'))).toEqual([]);
});

for (const who of [OFFICER, SUPERVISOR]) {
  test(`${who[0]} has no desk in the bar, and the page says it is for administrators`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDesk(page, who);
    await expect(page.getByRole('navigation', { name: W.id.nav }).getByRole('link', { name: W.id.title })).toHaveCount(0);
    await expect(page.getByText(W.id.adminsOnly)).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(0);
  });
}

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ['id', 'en']) {
    test(`the desk's form has no axe violations at ${width} px in ${lang}`, async ({ page }) => {
      const d = W[lang];
      await page.setViewportSize({ width, height });
      await openDesk(page, ADMIN, lang);
      await page.getByRole('button', { name: WORDS[lang].continue }).click();
      await expect(page.locator('#channel-error')).toContainText(d.channelError);
      await expectNoAxeViolations(page, `desk channel ${width} ${lang}`);
      await page.getByLabel(d.letter, { exact: true }).check();
      await page.getByRole('button', { name: WORDS[lang].continue }).click();
      await expect(page.locator('.desk-channel .answer')).toHaveText(d.letter);
      await expectNoAxeViolations(page, `desk form ${width} ${lang}`);
      await screenshot(page, `console-record-${width}-${lang}`);
    });
  }
}
