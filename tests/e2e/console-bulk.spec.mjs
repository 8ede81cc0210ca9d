// Bulk steps in the work queue: the administrator selects three reports on "Perlu diverifikasi", one of which
// another session verifies meanwhile, and verifies them in one go: two are done, the third is listed by its ticket
// with the reason and stays selected; the two done carry the step against the administrator in their audit trail.
// Officers and supervisors see no checkboxes; axe at 360 and 1280 px in both languages with the bar shown.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, grouped, operator, screenshot, watchErrors } from './helpers.mjs';
import { createReport, signIn, staffStep } from './console-helpers.mjs';

const W = {
  id: { pick: (t) => `Pilih ${grouped(t)}`, all: 'Pilih semua di halaman ini', verify: 'Verifikasi', forward: 'Teruskan ke instansi', agency: 'Instansi tujuan', message: 'Pesan untuk pelapor',
    done: '2 laporan diverifikasi', failed: '1 laporan tidak dapat diproses:', conflict: 'sudah dipindahkan oleh petugas lain', selected: (n) => `${n} laporan dipilih`,
    summary: 'Ada yang perlu diperbaiki' },
  en: { pick: (t) => `Select ${grouped(t)}`, all: 'Select all on this page', verify: 'Verify', forward: 'Forward to agency', agency: 'Agency', message: 'Message to the reporter',
    done: '2 reports verified', failed: '1 report could not be processed:', conflict: 'someone else has moved it', selected: (n) => `${n} reports selected`,
    summary: 'There is a problem' },
};

/** Three fresh reports whose titles share a word no other report has, and the queue filtered on that word. */
async function threeReports(request, word) {
  const tickets = [];
  for (const n of [1, 2, 3]) tickets.push(await createReport(request, `Lampu jalan padam ${word} nomor ${n}`));
  return tickets;
}

const queueUrl = (word, lang) => `${baseUrl()}/petugas?tab=to_verify&q=${word}&lang=${lang}`;

test('the administrator verifies three selected reports, one taken meanwhile: two done, one listed and kept', async ({ browser, request }) => {
  const word = `massal${Date.now()}`;
  const tickets = await threeReports(request, word);
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const errors = watchErrors(page);
  await page.goto(queueUrl(word, 'id'));
  await signIn(page, ['admin', 'demo-admin-2026']);
  const w = W.id;
  await expect(page.getByLabel(w.pick(tickets[0]))).toBeVisible();
  await expect(page.locator('.queue-list > li')).toHaveCount(3);
  // Keyboard: Space on the page's box selects every row.
  await page.getByLabel(w.all).focus();
  await page.keyboard.press('Space');
  for (const t of tickets) await expect(page.getByLabel(w.pick(t))).toBeChecked();
  await expect(page.locator('.bulk-count')).toHaveText(w.selected(3));

  // Forward without an agency: the error summary names the field, nothing is sent.
  await page.getByRole('button', { name: w.forward, exact: true }).click();
  await expect(page.locator('#error-summary')).toContainText(w.summary);
  await expect(page.locator('#error-summary')).toBeFocused();
  await screenshot(page, 'console-bulk-360-error');

  // Another session verifies the second report first.
  await staffStep(request, tickets[1], 'verify');
  const note = 'Laporan Anda sudah kami periksa.';
  // The bar's own fields (the queue's filters have an agency too).
  const bar = page.getByRole('region', { name: /^Langkah untuk laporan yang/ });
  await bar.getByLabel(w.message).fill(note);
  await page.getByRole('button', { name: w.verify, exact: true }).click();
  const result = page.locator('#bulk-result');
  await expect(result).toBeFocused();
  await expect(result).toHaveAttribute('role', 'status');
  await expect(result).toContainText(w.done);
  await expect(result).toContainText(w.failed);
  await expect(result.locator('li')).toHaveCount(1);
  await expect(result.locator('li')).toContainText(grouped(tickets[1]));
  await expect(result.locator('li')).toContainText(w.conflict);
  // The refused report stays selected, the two done leave the selection; the rows show their new status.
  await expect(page.getByLabel(w.pick(tickets[1]))).toBeChecked();
  await expect(page.getByLabel(w.pick(tickets[0]))).not.toBeChecked();
  await expect(page.getByLabel(w.pick(tickets[2]))).not.toBeChecked();
  await expect(page.locator('.bulk-count')).toHaveText(w.selected(1));
  await expect(page.locator('.queue-list .status-badge[data-status="verified"]')).toHaveCount(3);
  await screenshot(page, 'console-bulk-360-result');
  // What was typed stays while a refused report is still selected; once every report of a send is done, the bar
  // starts empty for the next selection.
  await expect(bar.getByLabel(w.message)).toHaveValue(note);
  await bar.getByLabel(w.agency).selectOption({ index: 1 });
  await page.getByRole('button', { name: w.forward, exact: true }).click();
  await expect(result).toHaveText('1 laporan diteruskan ke instansi');
  // Forwarded, it has left "Perlu diverifikasi".
  await expect(page.locator('.queue-list > li')).toHaveCount(2);
  await page.getByLabel(w.pick(tickets[0])).check();
  await expect(bar.getByLabel(w.message)).toHaveValue('');
  await expect(bar.getByLabel(w.agency)).toHaveValue('');
  expect(errors).toEqual([]);

  // Each step is recorded separately against the administrator; the refused one has only the other session's.
  for (const t of [tickets[0], tickets[2]]) {
    const res = await request.get(`${baseUrl()}/api/v1/staff/reports/${t}`, { headers: operator() });
    const audit = (await res.json()).audit.filter((a) => a.action === 'verify');
    expect(audit.map((a) => a.username)).toEqual(['admin']);
    const tracking = await request.get(`${baseUrl()}/api/v1/reports/${t}`);
    expect((await tracking.json()).status).toBe('verified');
  }
  const other = await request.get(`${baseUrl()}/api/v1/staff/reports/${tickets[1]}`, { headers: operator() });
  expect((await other.json()).audit.filter((a) => a.action === 'verify').map((a) => a.username)).not.toContain('admin');
});

test('officers and supervisors see no checkboxes in the queue', async ({ browser }) => {
  for (const [who, tab] of [['pengawas', 'to_verify'], ['petugas-pupr', 'forwarded_to_me']]) {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/petugas?tab=${tab}&lang=id`);
    await signIn(page, [who, who === 'pengawas' ? 'demo-pengawas-2026' : 'demo-petugas-2026']);
    await expect(page.locator('.queue-list > li').first()).toBeVisible();
    await expect(page.locator('.queue-list input[type="checkbox"]')).toHaveCount(0);
    await expect(page.getByLabel(W.id.all)).toHaveCount(0);
    await page.close();
  }
});

for (const width of [360, 1280]) {
  for (const lang of ['id', 'en']) {
    test(`the queue with the selection bar has no axe violations at ${width} px in ${lang}`, async ({ browser, request }) => {
      const word = `axe${width}${lang}${Date.now()}`;
      const [ticket] = await threeReports(request, word);
      const page = await browser.newPage({ viewport: { width, height: width === 360 ? 740 : 800 } });
      await page.goto(queueUrl(word, lang));
      await signIn(page, ['admin', 'demo-admin-2026'], lang);
      await page.getByLabel(W[lang].pick(ticket)).check();
      await expect(page.getByRole('button', { name: W[lang].verify, exact: true })).toBeVisible();
      await expectNoAxeViolations(page, `queue with the bulk bar ${width} ${lang}`);
      await page.getByRole('button', { name: W[lang].forward, exact: true }).click();
      await expect(page.locator('#error-summary')).toBeVisible();
      await expectNoAxeViolations(page, `queue with the bulk bar's errors ${width} ${lang}`);
      await screenshot(page, `console-bulk-${width}-${lang}`);
    });
  }
}
