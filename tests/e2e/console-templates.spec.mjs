// Response templates on the report page: an administrator's template for the initial response (made through the
// API) is offered to the agency officer at 360 px, fills the message for
// this report (grouped ticket, agency), never replaces typed text without asking, and the edited message is what
// the citizen's tracking page shows.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, grouped, operator, screenshot, watchErrors } from './helpers.mjs';
import { createReport, signIn, staffStep } from './console-helpers.mjs';

const PUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

test('the officer picks a template at 360 px, edits the filled message and sends it; the citizen sees the edit', async ({ browser, request }) => {
  const ticket = await createReport(request, 'Jalan amblas dekat jembatan Cempaka');
  await staffStep(request, ticket, 'verify');
  await staffStep(request, ticket, 'forward', 'Diteruskan ke Dinas PUPR.', 'dinas-pupr');
  const title = `Uji templat ${Date.now()}`;
  const made = await request.post(`${baseUrl()}/api/v1/staff/templates`, {
    headers: operator(),
    data: {
      action: 'initial_response', category_id: 'jalan', title,
      text_id: 'Laporan {tiket} kami terima di {instansi}, batas {batas_waktu}. {nama}',
      text_en: 'Report {ticket} was received by {agency}, due {deadline}.',
    },
  });
  expect(made.status(), await made.text()).toBe(201);

  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const errors = watchErrors(page);
  // This page asks before replacing typed text: the test answers each question itself (watchErrors would
  // dismiss every dialog as an error first).
  page.removeAllListeners('dialog');
  // The templates change only on the templates page: the report page asks for them once, not after every step.
  const templateReads = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/v1/staff/templates') templateReads.push(r.url()); });
  await page.goto(`${baseUrl()}/petugas/${ticket}?lang=id`);
  await signIn(page, ['petugas-pupr', 'demo-petugas-2026']);
  await expect(page.getByRole('heading', { level: 1, name: `Laporan ${grouped(ticket)}` })).toBeVisible();

  const message = page.getByLabel('Pesan untuk pelapor');
  const picker = page.getByLabel('Templat tanggapan');
  await picker.selectOption({ label: `Kirim tanggapan awal — ${title}` });
  const filled = await message.inputValue();
  expect(filled).toMatch(new RegExp(`^Laporan ${grouped(ticket)} kami terima di ${PUPR}, batas \\d{1,2} \\w{3} \\d{4}\\. \\{nama\\}$`));

  // Typed text is replaced only when the user agrees.
  await message.fill('Pesan yang sudah saya ketik.');
  page.once('dialog', (d) => d.dismiss());
  await picker.selectOption('');
  await picker.selectOption({ label: `Kirim tanggapan awal — ${title}` });
  await expect(message).toHaveValue('Pesan yang sudah saya ketik.');
  await page.getByLabel('Bahasa templat').selectOption('en');
  page.once('dialog', (d) => d.accept());
  await picker.selectOption('');
  await picker.selectOption({ label: `Kirim tanggapan awal — ${title}` });
  await expect(message).toHaveValue(new RegExp(`^Report ${grouped(ticket)} was received by ${PUPR}, due \\d{1,2} \\w{3} \\d{4}\\.$`));

  const edited = `${await message.inputValue()} Tim akan datang hari Kamis.`;
  await message.fill(edited);
  await screenshot(page, 'console-templates-officer-360');
  await page.getByRole('button', { name: 'Kirim tanggapan awal', exact: true }).click();
  await expect(page.locator('#report-done')).toContainText('Kirim tanggapan awal: tersimpan.');
  // The step form now offers the next steps, with the same templates (read once for the page).
  await expect(page.getByRole('button', { name: 'Kirim tindak lanjut', exact: true })).toBeVisible();
  await message.fill('Tindak lanjut berikutnya.');
  expect(templateReads).toHaveLength(1);
  expect(errors).toEqual([]);

  const citizen = await browser.newPage();
  await citizen.goto(`${baseUrl()}/lacak/${ticket}`);
  await expect(citizen.locator('.timeline li').filter({ hasText: edited })).toHaveCount(1);
});

test('when the templates cannot be loaded the step form says so and still takes a typed message', async ({ page, request }) => {
  const ticket = await createReport(request, 'Drainase mampet di depan balai warga');
  await staffStep(request, ticket, 'verify');
  await staffStep(request, ticket, 'forward', 'Diteruskan ke Dinas PUPR.', 'dinas-pupr');
  await page.route('**/api/v1/staff/templates**', (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"Unavailable","status":503}' }));
  await page.goto(`${baseUrl()}/petugas/${ticket}?lang=en`);
  await signIn(page, ['petugas-pupr', 'demo-petugas-2026'], 'en');
  await expect(page.getByText('Response templates cannot be loaded right now')).toBeVisible();
  await expect(page.getByLabel('Response template')).toHaveCount(0);
  await page.getByLabel('Message to the reporter').fill('Tim kami akan memeriksa saluran besok pagi.');
  await page.getByRole('button', { name: 'Send initial response', exact: true }).click();
  await expect(page.locator('#report-done')).toContainText('Send initial response');
});

// The templates page (/petugas/templat): the administrator makes, changes and deletes a template through the page at
// 360 px (a bad submit first: the error summary, and each field's own message), and an officer picks the template
// on a report in between.
test('the administrator creates, edits and deletes a template on the templates page; an officer picks it meanwhile', async ({ browser, request }) => {
  const ticket = await createReport(request, 'Trotoar rusak di depan sekolah Cempaka');
  await staffStep(request, ticket, 'verify');
  await staffStep(request, ticket, 'forward', 'Diteruskan ke Dinas PUPR.', 'dinas-pupr');
  const title = `Templat halaman ${Date.now()}`;
  const admin = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const errors = watchErrors(admin);
  await admin.goto(`${baseUrl()}/petugas/templat?lang=id`);
  await signIn(admin, ['admin', 'demo-admin-2026']);
  await expect(admin.getByRole('heading', { level: 1, name: 'Templat tanggapan' })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Templat tanggapan' })).toHaveAttribute('aria-current', 'page');
  await expect(admin.getByText('{tiket}/{ticket}, {instansi}/{agency}, {batas_waktu}/{deadline}, {portal}').first()).toBeVisible();

  // A bad submit: no step, no title, no texts.
  await admin.getByRole('button', { name: 'Simpan templat' }).click();
  const summary = admin.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Pilih langkah yang mengirim pesan kepada pelapor']);
  await admin.getByLabel('Langkah', { exact: true }).selectOption({ label: 'Kirim tanggapan awal' });
  await admin.getByRole('button', { name: 'Simpan templat' }).click();
  await expect(summary.getByRole('link')).toHaveText(['Tulis judul templat', 'Tulis teks Bahasa Indonesia', 'Tulis teks bahasa Inggris']);
  await expect(admin.locator('#template-title-error')).toContainText('Tulis judul templat');
  await expect(admin.getByLabel('Judul templat')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(admin, 'console-templates-page-360-errors');

  await admin.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Jalan, jembatan dan drainase' });
  await admin.getByLabel('Judul templat').fill(title);
  await admin.getByLabel('Teks Bahasa Indonesia', { exact: true }).fill('Laporan {tiket} sedang kami periksa di {instansi}.');
  await admin.getByLabel('Teks bahasa Inggris', { exact: true }).fill('We are looking into report {ticket} at {agency}.');
  await admin.getByRole('button', { name: 'Simpan templat' }).click();
  await expect(admin.locator('#templates-done')).toHaveText(`Templat “${title}” tersimpan.`);
  await expect(admin.locator('#templates-done')).toBeFocused();
  await expect(summary).toHaveCount(0);
  const item = admin.locator('.template-group[data-step="initial_response"] .template-item').filter({ hasText: title });
  await expect(item).toContainText('Jalan, jembatan dan drainase');

  // Edit: the form takes the template; the new title is listed in place of the old one.
  await item.getByRole('button', { name: `Ubah templat ${title}` }).click();
  await expect(admin.getByRole('heading', { name: 'Ubah templat' })).toBeVisible();
  await expect(admin.getByLabel('Judul templat')).toHaveValue(title);
  const edited = `${title} (diubah)`;
  await admin.getByLabel('Judul templat').fill(edited);
  await admin.getByRole('button', { name: 'Simpan perubahan' }).click();
  await expect(admin.locator('#templates-done')).toHaveText(`Templat “${edited}” tersimpan.`);
  await expect(admin.locator('.template-item').filter({ hasText: edited })).toHaveCount(1);
  await screenshot(admin, 'console-templates-page-360');

  // The officer is offered the edited template on the report.
  const officer = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await officer.goto(`${baseUrl()}/petugas/${ticket}?lang=id`);
  await signIn(officer, ['petugas-pupr', 'demo-petugas-2026']);
  await officer.getByLabel('Templat tanggapan').selectOption({ label: `Kirim tanggapan awal — ${edited}` });
  await expect(officer.getByLabel('Pesan untuk pelapor')).toHaveValue(`Laporan ${grouped(ticket)} sedang kami periksa di ${PUPR}.`);
  // The officer's bar has no templates page, and the page itself says why.
  await expect(officer.getByRole('link', { name: 'Templat tanggapan' })).toHaveCount(0);
  await officer.goto(`${baseUrl()}/petugas/templat?lang=id`);
  await expect(officer.getByText('Templat tanggapan dikelola oleh admin.')).toBeVisible();

  // Delete, with a confirmation on the page: cancelled once, then confirmed.
  const editedItem = admin.locator('.template-item').filter({ hasText: edited });
  await editedItem.getByRole('button', { name: `Hapus templat ${edited}` }).click();
  await expect(editedItem.locator('.template-confirm')).toBeFocused();
  await editedItem.getByRole('button', { name: 'Batal' }).click();
  await expect(editedItem.locator('.template-confirm')).toHaveCount(0);
  await editedItem.getByRole('button', { name: `Hapus templat ${edited}` }).click();
  await editedItem.getByRole('button', { name: 'Ya, hapus templat' }).click();
  await expect(admin.locator('#templates-done')).toHaveText(`Templat “${edited}” dihapus.`);
  await expect(admin.locator('.template-item').filter({ hasText: edited })).toHaveCount(0);
  expect(errors).toEqual([]);
  const left = await request.get(`${baseUrl()}/api/v1/staff/templates`, { headers: operator() });
  expect((await left.json()).map((t) => t.title)).not.toContain(edited);
});

test('a supervisor reads the templates page without its form or buttons', async ({ page }) => {
  await page.goto(`${baseUrl()}/petugas/templat?lang=en`);
  await signIn(page, ['pengawas', 'demo-pengawas-2026'], 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Response templates' })).toBeVisible();
  await expect(page.getByText('As a supervisor you can read the templates')).toBeVisible();
  await expect(page.locator('.template-group').first()).toBeVisible();
  await expect(page.locator('form.template-form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
});

for (const width of [360, 1280]) {
  for (const lang of ['id', 'en']) {
    test(`the templates page has no axe violations at ${width} px in ${lang}, with and without errors`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      await page.goto(`${baseUrl()}/petugas/templat?lang=${lang}`);
      await signIn(page, ['admin', 'demo-admin-2026'], lang);
      await expect(page.locator('.template-group').first()).toBeVisible();
      await expectNoAxeViolations(page, `templates page ${width} ${lang}`);
      await page.locator('form.template-form button[type="submit"]').click();
      await expect(page.locator('#error-summary')).toBeVisible();
      await expectNoAxeViolations(page, `templates page with errors ${width} ${lang}`);
      await page.locator('.template-item button.warning').first().click();
      await expect(page.locator('.template-confirm')).toBeVisible();
      await expectNoAxeViolations(page, `templates page confirming a deletion ${width} ${lang}`);
      await screenshot(page, `console-templates-page-${width}-${lang}`);
    });
  }
}
