// A send that the server stored while the browser saw only a failure, followed by an edit: the citizen is
// shown the ticket of the version that arrived, told that the later changes were not sent, and keeps them.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, screenshot } from './helpers.mjs';
import { WORDS, fillUntilReview } from './flows.mjs';

const TEXT = {
  id: {
    arrived: 'Versi sebelumnya dari laporan ini sudah diterima', change: 'Ubah Judul laporan',
    reviewAsNew: 'Periksa perubahan untuk dikirim sebagai laporan baru', addAsReply: 'Tambahkan sebagai balasan',
    note: 'sudah diterima dengan nomor tiket',
  },
  en: {
    arrived: 'An earlier version of this report arrived', change: 'Change Report title',
    reviewAsNew: 'Review my changes to send them as a new report', addAsReply: 'Add them as a reply',
    note: 'arrived as ticket',
  },
};

/** Continue until the review. */
async function continueToReview(page, w) {
  while (!(await page.getByRole('heading', { name: w.review }).isVisible())) {
    await page.getByRole('button', { name: w.continue }).click();
  }
}

for (const lang of ['id', 'en']) {
  test(`an edit after a send that arrived unseen shows that report's ticket and keeps the changes (${lang})`, async ({ page, request }) => {
    const w = WORDS[lang];
    const t = TEXT[lang];
    const word = `ragu${Date.now().toString(36)}${lang}`;
    const original = `Trotoar rusak di Jl. Melati ${word}`;
    const edited = `Trotoar rusak parah di Jl. Melati ${word}`;
    await page.goto(`${baseUrl()}/lapor?lang=${lang}`);
    await fillUntilReview(page, w, { attach: false, title: original });

    // The first send reaches the server and is stored, but the browser sees the connection fail; later
    // sends fail before leaving the device until `down` is lifted.
    let down = true;
    let stored = null;
    await page.route('**/api/v1/reports', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      if (!stored) {
        const response = await route.fetch();
        expect(response.status()).toBe(201);
        stored = await response.json();
        return route.abort('connectionreset');
      }
      if (down) return route.abort('internetdisconnected');
      return route.continue();
    });
    await page.getByRole('button', { name: w.send }).click();
    await expect(page.getByRole('alert').filter({ hasText: w.notSent })).toBeVisible();
    expect(stored?.ticket).toBeTruthy();

    // The citizen changes the title, and a reload on the way loses nothing.
    await page.getByRole('button', { name: t.change }).click();
    await page.getByLabel(w.title).fill(edited);
    await page.reload();
    await expect(page.getByLabel(w.title)).toHaveValue(edited);
    await continueToReview(page, w);
    await expect(page.locator('.summary-list')).toContainText(edited);

    down = false;
    await page.getByRole('button', { name: w.send }).click();
    const notice = page.getByRole('status').filter({ hasText: t.arrived });
    await expect(notice.getByRole('heading', { name: t.arrived })).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.receipt);
    await expect(page.locator('.ticket-number')).toHaveAttribute('data-ticket', stored.ticket);
    await expect(page.locator('.access-code')).toHaveAttribute('data-access-code', stored.access_code);
    await expect(notice.getByRole('link', { name: t.addAsReply })).toHaveAttribute('href', `/lacak/${stored.ticket}`);
    await expectNoAxeViolations(page, `earlier version arrived (${lang})`);
    await screenshot(page, `submit-earlier-arrived-${lang}-360`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, `submit-earlier-arrived-${lang}-1280`);
    await page.setViewportSize({ width: 360, height: 740 });

    // Exactly one report from this flow: the version that arrived first.
    const found = await (await request.get(`${baseUrl()}/api/v1/reports?q=${word}&per_page=100`)).json();
    expect(found.items.map((r) => r.title)).toEqual([original]);

    // Nothing typed is lost: the changes wait, with the earlier ticket named, to be sent knowingly as a new
    // report; after a reload too.
    await notice.getByRole('button', { name: t.reviewAsNew }).click();
    await expect(page.getByRole('heading', { name: w.review })).toBeVisible();
    await expect(page.locator('.summary-list')).toContainText(edited);
    await expect(page.getByRole('note').filter({ hasText: t.note })).toContainText(
      `${stored.ticket.slice(0, 3)}-${stored.ticket.slice(3, 6)}-${stored.ticket.slice(6)}`);
    await screenshot(page, `submit-unsent-changes-${lang}-360`);
    await page.reload();
    await expect(page.locator('.summary-list')).toContainText(edited);
    await expect(page.getByRole('note').filter({ hasText: t.note })).toBeVisible();
    await expectNoAxeViolations(page, `unsent changes (${lang})`);
    const after = await (await request.get(`${baseUrl()}/api/v1/reports?q=${word}&per_page=100`)).json();
    expect(after.items).toHaveLength(1);
  });
}

test('an edit after a send that never arrived is sent under the same key as the one report', async ({ page, request }) => {
  const w = WORDS.id;
  const word = `hilang${Date.now().toString(36)}`;
  const edited = `Saluran air tersumbat parah ${word}`;
  await page.goto(`${baseUrl()}/lapor`);
  await fillUntilReview(page, w, { attach: false, title: `Saluran air tersumbat ${word}` });
  let down = true;
  await page.route('**/api/v1/reports', (route) => {
    if (route.request().method() === 'POST' && down) return route.abort('internetdisconnected');
    return route.continue();
  });
  await page.getByRole('button', { name: w.send }).click();
  await expect(page.getByRole('alert').filter({ hasText: w.notSent })).toBeVisible();
  await page.getByRole('button', { name: 'Ubah Judul laporan' }).click();
  await page.getByLabel(w.title).fill(edited);
  await continueToReview(page, w);
  // A reload ends the automatic retries, so that the send below is the citizen's.
  await page.reload();
  await expect(page.locator('.summary-list')).toContainText(edited);
  down = false;
  await page.getByRole('button', { name: w.send }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.receipt);
  await expect(page.getByRole('status').filter({ hasText: TEXT.id.arrived })).toHaveCount(0);
  const ticket = await page.locator('.ticket-number').getAttribute('data-ticket');
  const found = await (await request.get(`${baseUrl()}/api/v1/reports?q=${word}&per_page=100`)).json();
  expect(found.items.map((r) => [r.ticket, r.title])).toEqual([[ticket, edited]]);
});
