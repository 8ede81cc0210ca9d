// Response templates on the report page: an administrator's template for the initial response (made through the
// API: the templates page is not built yet) is offered to the agency officer at 360 px, fills the message for
// this report (grouped ticket, agency), never replaces typed text without asking, and the edited message is what
// the citizen's tracking page shows.
import { test, expect } from '@playwright/test';
import { baseUrl, operator, screenshot, watchErrors } from './helpers.mjs';
import { createReport, signIn, staffStep } from './console-helpers.mjs';

const PUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';
const grouped = (t) => `${t.slice(0, 3)}-${t.slice(3, 6)}-${t.slice(6)}`;

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
