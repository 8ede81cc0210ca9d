// The submission flow at 360×740: from an empty form to a ticket the server returns, with nothing lost.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, screenshot, watchErrors } from './helpers.mjs';
import { WORDS, fillUntilReview, fixture } from './flows.mjs';

for (const lang of ['id', 'en']) {
  test(`a full submission with two attachments yields a ticket the server returns (${lang})`, async ({ page, request }) => {
    const errors = watchErrors(page);
    const w = WORDS[lang];
    await page.goto(`${baseUrl()}/lapor?lang=${lang}`);
    await fillUntilReview(page, w, { title: `Lampu jalan mati di Jl. Merdeka (${lang})`, look: lang });
    await expect(page.locator('.summary-list')).toContainText('Cempaka');
    await screenshot(page, `submit-review-${lang}-360`);
    await expectNoAxeViolations(page, `review (${lang})`);
    await page.getByRole('button', { name: w.send }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.receipt);
    const ticket = await page.locator('.ticket-number').getAttribute('data-ticket');
    const code = await page.locator('.access-code').getAttribute('data-access-code');
    await screenshot(page, `submit-receipt-${lang}-360`);
    await expectNoAxeViolations(page, `receipt (${lang})`);
    // The QR code encodes the tracking page of this ticket.
    await expect(page.locator('svg.qr path')).toHaveCount(1);
    await expect(page.getByRole('img', { name: lang === 'id' ? /Kode QR/ : /QR code/ })).toBeVisible();
    await page.getByRole('link', { name: lang === 'id' ? 'Lacak laporan ini' : 'Track this report' }).click();
    await expect(page).toHaveURL(new RegExp(`/lacak/${ticket}$`));
    await page.goto(`${baseUrl()}/lacak?lang=${lang}`);
    await expect(page.getByRole('link', { name: `${ticket.slice(0, 3)}-${ticket.slice(3, 6)}-${ticket.slice(6)}` })).toBeVisible();

    const res = await request.get(`${baseUrl()}/api/v1/reports/${ticket}`, { headers: { 'x-access-code': code } });
    expect(res.ok()).toBeTruthy();
    const report = await res.json();
    expect(report.title).toBe(`Lampu jalan mati di Jl. Merdeka (${lang})`);
    expect(report.region.name).toBe('Cempaka');
    expect(report.attachments.map((a) => a.content_type).sort()).toEqual(['application/pdf', 'image/png']);
    expect(report.reporter.email).toBe('siti@contoh.id');
    expect(report.agency).toBeNull();

    // The draft is gone after sending: a new visit starts empty.
    await page.goto(`${baseUrl()}/lapor?lang=${lang}`);
    await expect(page.getByLabel(w.complaint, { exact: true })).not.toBeChecked();
    expect(errors).toEqual([]);
  });

  test(`empty and invalid answers show the summary and inline errors; nothing is sent (${lang})`, async ({ page }) => {
    const w = WORDS[lang];
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
    await page.goto(`${baseUrl()}/lapor?lang=${lang}`);
    await page.getByRole('button', { name: w.continue }).click();
    const summary = page.getByRole('alert').filter({ hasText: w.summary });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: w.kindError })).toBeVisible();
    await screenshot(page, `submit-errors-${lang}-360`);
    await expectNoAxeViolations(page, `kind errors (${lang})`);
    await summary.getByRole('link', { name: w.kindError }).click();
    await expect(page.getByLabel(w.complaint, { exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: w.continue }).click();

    await page.getByLabel(w.date).fill('2999-01-01');
    await page.getByRole('button', { name: w.continue }).click();
    await expect(page.getByRole('alert')).toContainText(w.titleError);
    await expect(page.getByRole('alert')).toContainText(w.futureError);
    await expect(page.locator('#title-error')).toContainText(w.titleError);
    await expect(page.locator('#incident-date-error')).toContainText(w.futureError);
    await expect(page.getByLabel(w.title)).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, `details errors (${lang})`);
    expect(posts).toEqual([]);
  });
}

test('a title of invisible characters is empty and a date before 1945 is refused, inline, before sending', async ({ page }) => {
  const w = WORDS.en;
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await page.goto(`${baseUrl()}/lapor?lang=en`);
  await page.getByLabel(w.complaint, { exact: true }).check();
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByLabel(w.title).fill('\u200B\u200C\u200D\u2060\uFEFF \u200B');
  await page.getByLabel(w.body).fill('Sudah seminggu lampu penerangan jalan mati sehingga jalan gelap dan rawan kecelakaan.');
  await page.getByLabel(w.date).fill('1944-12-31');
  await page.getByRole('button', { name: w.continue }).click();
  await expect(page.locator('#title-error')).toContainText(w.titleError);
  await expect(page.locator('#incident-date-error')).toContainText('The date of the incident cannot be before 1 January 1945');
  await page.getByLabel(w.title).fill('Lampu jalan \u202Egnp.exe mati');
  await page.getByRole('button', { name: w.continue }).click();
  await expect(page.locator('#title-error')).toContainText('hidden characters that change the direction of text');
  expect(posts).toEqual([]);
});

test('an oversized or unsupported file is refused before upload with its own message', async ({ page }) => {
  const w = WORDS.id;
  await page.goto(`${baseUrl()}/lapor`);
  await fillUntilReview(page, w, { attach: false });
  await page.getByRole('button', { name: 'Ubah Lampiran' }).click();
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await page.getByLabel(w.attachments, { exact: true }).setInputFiles([
    { name: 'besar.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(6 * 1024 * 1024, 1) },
    { name: 'animasi.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') },
  ]);
  await expect(page.locator('#attachment-ids-error')).toContainText('besar.jpg: berkas lebih besar dari 5 MB');
  await expect(page.locator('#attachment-ids-error')).toContainText('animasi.gif: jenis berkas ini tidak didukung');
  expect(posts).toEqual([]);
});

test('a reload restores every answer; start again clears them after confirmation', async ({ page }) => {
  const w = WORDS.id;
  await page.goto(`${baseUrl()}/lapor`);
  await fillUntilReview(page, w, { attach: false, title: 'Judul yang harus tetap ada' });
  await page.reload();
  await expect(page.getByRole('heading', { name: w.review })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('Judul yang harus tetap ada');
  await expect(page.locator('.summary-list')).toContainText('siti@contoh.id');
  await page.getByRole('button', { name: 'Ubah Judul laporan' }).click();
  await expect(page.getByLabel(w.title)).toHaveValue('Judul yang harus tetap ada');
  await page.getByRole('button', { name: w.startAgain }).click();
  await page.getByRole('button', { name: w.startAgainYes }).click();
  await expect(page.getByLabel(w.complaint, { exact: true })).not.toBeChecked();
  await page.reload();
  await expect(page.getByLabel(w.complaint, { exact: true })).not.toBeChecked();
});

test('with the server unreachable the draft is kept, the user is told, and the retry makes exactly one report', async ({ page, request }) => {
  const w = WORDS.id;
  const title = `Laporan saat koneksi putus ${Date.now()}`;
  await page.goto(`${baseUrl()}/lapor`);
  await fillUntilReview(page, w, { attach: false, title });
  let down = true;
  let attempts = 0;
  await page.route('**/api/v1/reports', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    attempts += 1;
    if (down) return route.abort('internetdisconnected');
    return route.continue();
  });
  // A double tap on Send.
  await page.getByRole('button', { name: w.send }).dblclick();
  await expect(page.getByRole('alert').filter({ hasText: w.notSent })).toBeVisible();
  await screenshot(page, 'submit-offline-360');
  await page.reload();
  await expect(page.locator('.summary-list')).toContainText(title);
  down = false;
  await page.getByRole('button', { name: w.send }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.receipt);
  expect(attempts).toBeGreaterThanOrEqual(2);
  const found = await (await request.get(`${baseUrl()}/api/v1/reports?q=${encodeURIComponent('koneksi putus')}&per_page=100`)).json();
  expect(found.items.filter((r) => r.title === title)).toHaveLength(1);
});

test('the whole form can be completed with the keyboard alone', async ({ page }) => {
  await page.goto(`${baseUrl()}/lapor?lang=en`);
  await page.waitForLoadState('networkidle');
  // Tab forward until the focused element has this accessible text, as a keyboard user would.
  const tabTo = async (text) => {
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => { const el = document.activeElement; return el?.labels?.[0]?.textContent?.trim() || el?.textContent?.trim() || ''; });
      if (focused === text) return;
    }
    throw new Error(`could not reach "${text}" with Tab`);
  };
  await tabTo('Complaint');
  await page.keyboard.press('Space');
  await tabTo('Continue');
  await page.keyboard.press('Enter');
  await tabTo('Report title');
  await page.keyboard.type('Keyboard only report title');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Written entirely with the keyboard to check that no mouse is needed.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('01152026');
  await page.keyboard.press('Enter');
  await tabTo('Location');
  await page.keyboard.press('ArrowDown');
  await tabTo('Category');
  await page.keyboard.press('ArrowDown');
  await tabTo('Continue');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Attachments', { exact: true })).toBeVisible();
  await tabTo('Continue');
  await page.keyboard.press('Enter');
  await tabTo('Anonymous');
  await page.keyboard.press('Space');
  await tabTo('Continue');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your report' })).toBeVisible();
  await tabTo('Send report');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report sent');
});

test('device location fills the position when allowed and never blocks when refused; the agency list can be searched', async ({ browser }) => {
  const allowed = await browser.newContext({ viewport: { width: 360, height: 740 }, permissions: ['geolocation'], geolocation: { latitude: -0.9471, longitude: 100.4172 } });
  const page = await allowed.newPage();
  await page.goto(`${baseUrl()}/lapor`);
  await page.evaluate(() => localStorage.setItem('aduan.draft', JSON.stringify({ step: 'location', kind: 'complaint', idempotency_key: 'loc-test' })));
  await page.reload();
  await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
  await expect(page.getByText('Titik lokasi tersimpan: -0,9471, 100,4172')).toBeVisible();
  await page.getByLabel('Cari instansi').fill('puskes');
  const options = await page.getByLabel('Instansi tujuan', { exact: true }).locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(2);
  expect(options.slice(1).every((o) => o.includes('Puskesmas'))).toBeTruthy();
  await page.getByLabel('Instansi tujuan', { exact: true }).selectOption({ label: 'Puskesmas Melati' });
  await page.getByLabel('Cari instansi').fill('');
  await expect(page.getByLabel('Instansi tujuan', { exact: true })).toHaveValue('puskesmas-melati');
  await allowed.close();

  const refused = await browser.newContext({ viewport: { width: 360, height: 740 }, permissions: [] });
  const page2 = await refused.newPage();
  await page2.goto(`${baseUrl()}/lapor`);
  await page2.evaluate(() => localStorage.setItem('aduan.draft', JSON.stringify({ step: 'location', kind: 'complaint', idempotency_key: 'loc-test-2' })));
  await page2.reload();
  await page2.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
  await expect(page2.getByRole('status')).toContainText('Lokasi perangkat tidak dapat diambil');
  await expect(page2.getByRole('button', { name: 'Lanjutkan' })).toBeEnabled();
  await refused.close();
});

test('a failed upload can be retried alone, and an uploaded file can be removed', async ({ page }) => {
  await page.goto(`${baseUrl()}/lapor`);
  await page.evaluate(() => localStorage.setItem('aduan.draft', JSON.stringify({ step: 'attachments', kind: 'complaint', idempotency_key: 'upload-test' })));
  await page.reload();
  let failNext = true;
  await page.route('**/api/v1/attachments', (route) => {
    if (failNext) { failNext = false; return route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"down","status":503}' }); }
    return route.continue();
  });
  await page.getByLabel('Lampiran', { exact: true }).setInputFiles([fixture('jalan.png')]);
  await expect(page.getByText('Gagal mengunggah.')).toBeVisible();
  await page.locator('.attachment').getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByText('terunggah')).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('aduan.draft')).attachments.length);
  expect(stored).toBe(1);
  await page.getByRole('button', { name: 'Hapus jalan.png' }).click();
  await expect(page.locator('.attachment')).toHaveCount(0);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('aduan.draft')).attachments.length)).toBe(0);
});
