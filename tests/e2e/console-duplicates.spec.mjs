// Duplicates ("Tandai duplikat"): the administrator marks a report as a duplicate of another ticket at 360 px
// (a mistyped ticket and an unknown one first: error summary and inline error, the server's refusal in the page's
// words), the audit trail and the main report's page show it, and the duplicate's citizen is sent to the main
// report from the tracking page. Axe at 360 and 1280 px in both languages with the form open and refused.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, grouped, makeTicket, screenshot, watchErrors } from './helpers.mjs';
import { createReport, signIn } from './console-helpers.mjs';

const ADMIN = ['admin', 'demo-admin-2026'];
const W = {
  id: {
    mark: 'Tandai duplikat', ticket: 'Nomor tiket laporan utama', typo: 'Nomor tiket ini salah ketik: periksa setiap karakternya',
    unknown: 'Tidak ada laporan dengan nomor tiket ini', itself: 'Laporan tidak dapat menjadi duplikat dirinya sendiri: masukkan tiket laporan lain',
  },
  en: {
    mark: 'Mark as duplicate', ticket: 'Ticket of the main report', typo: 'This ticket has a typo: check each character',
    unknown: 'There is no report with this ticket', itself: "A report cannot be a duplicate of itself: enter another report's ticket",
  },
};

/** The report page of `ticket` as the demo administrator, with the duplicate form opened. */
async function openForm(page, ticket, lang) {
  await page.goto(`${baseUrl()}/petugas/${ticket}?lang=${lang}`);
  await signIn(page, ADMIN, lang);
  await page.locator('.duplicate-form summary').click();
  await expect(page.getByLabel(W[lang].ticket)).toBeVisible();
}

const submit = (page) => page.locator('.duplicate-form button[type="submit"]').click();
const summaryLinks = (page) => page.locator('.error-summary a');

test('the administrator marks a duplicate at 360 px; the audit trail, the main report and the citizen see it', async ({ browser, request }) => {
  const main = await createReport(request, 'Lampu jalan padam di Jalan Melati');
  const dup = await createReport(request, 'Lampu penerangan mati sepanjang Jalan Melati');
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const errors = watchErrors(page);
  await openForm(page, dup, 'id');
  const field = page.getByLabel(W.id.ticket);

  // A mistyped ticket is caught before sending; an unknown one is refused by the server, worded by the page.
  await field.fill(`${main.slice(0, 8)}${main[8] === 'A' ? 'B' : 'A'}`);
  await submit(page);
  await expect(summaryLinks(page)).toHaveText([W.id.typo]);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill(makeTicket('23456789'));
  await submit(page);
  await expect(summaryLinks(page)).toHaveText([W.id.unknown]);
  await expect(page.locator('.duplicate-form .field-error')).toContainText(W.id.unknown);

  await field.fill(grouped(main).toLowerCase());
  await submit(page);
  await expect(page.locator('#report-done')).toContainText('Laporan ditandai duplikat dan ditutup.');
  await expect(page.locator('.status-badge')).toHaveText('Ditutup');
  const row = page.locator('li[data-action="mark_duplicate"]');
  await expect(row).toContainText('Tandai duplikat → Ditutup');
  await expect(row).toContainText(grouped(main));
  await expect(page.locator('[data-testid="duplicate-of"]').getByRole('link', { name: grouped(main) })).toBeVisible();
  await expect(page.locator('.duplicate-form')).toHaveCount(0);
  await screenshot(page, 'console-duplicates-marked-360');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The main report's page lists its duplicate.
  await page.locator('[data-testid="duplicate-of"]').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: `Laporan ${grouped(main)}` })).toBeVisible();
  await expect(page.locator('section.duplicates').getByRole('link', { name: grouped(dup) })).toBeVisible();

  // The citizen's tracking page of the duplicate, without its code: the notice and the link to the main report.
  const citizen = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const citizenErrors = watchErrors(citizen);
  await citizen.goto(`${baseUrl()}/lacak/${dup}?lang=id`);
  const notice = citizen.locator('[data-testid="duplicate-notice"]');
  await expect(notice).toContainText('Laporan ini digabung dengan laporan lain tentang masalah yang sama.');
  await screenshot(citizen, 'tracking-duplicate-360');
  await notice.getByRole('link', { name: `Lihat laporan ${grouped(main)}` }).click();
  await expect(citizen).toHaveURL(new RegExp(`/lacak/${main}`));
  await expect(citizen.locator('.report-title')).toHaveText('Lampu jalan padam di Jalan Melati');
  await expect(citizen.locator('[data-testid="duplicate-notice"]')).toHaveCount(0);
  // The browser logs the server's refusal of the unknown ticket, which the page explained above.
  expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
  expect(citizenErrors).toEqual([]);
});

for (const [width, height] of [[360, 740], [1280, 800]]) {
  for (const lang of ['id', 'en']) {
    test(`the duplicate form has no axe violations at ${width} px in ${lang}, open and refused`, async ({ page, request }) => {
      await page.setViewportSize({ width, height });
      const ticket = await createReport(request, `Saluran air tersumbat ${width} ${lang}`);
      await openForm(page, ticket, lang);
      await expectNoAxeViolations(page, `duplicate form ${width} ${lang}`);
      await page.getByLabel(W[lang].ticket).fill(ticket);
      await submit(page);
      await expect(summaryLinks(page)).toHaveText([W[lang].itself]);
      await expectNoAxeViolations(page, `duplicate form refused ${width} ${lang}`);
      await screenshot(page, `console-duplicates-form-${width}-${lang}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
}
