// One build, two backends (#7): submission, tracking, the public list and statistics run once against our
// /api/v1 contract and once against Open311 GeoReport v2, which the reference server speaks under
// /open311/v2. Only config.json differs between the runs. The Open311 run also checks that what the protocol
// has no place for (kinds, titles, confidentiality, access codes, deadlines, support) is not asked or shown,
// and that the server's error array reaches the error summary.
import { test, expect } from '@playwright/test';
import { WORDS, answerJalanQuestions, fillOpen311Contact, fillUntilReview } from './flows.mjs';
import { BACKENDS, baseUrl, expectNoAxeViolations, figure, formatCount, formatPercent, moveReport, regainFocus, screenshot, useConfig, watchErrors } from './helpers.mjs';


const w = WORDS.id;

/** The shipped config.json with another backend: the same build is pointed elsewhere at run time. */
async function useBackend(page, request, backend) {
  const shipped = await (await request.get(`${baseUrl()}/config.json`)).json();
  const config = { ...shipped, backend: BACKENDS[backend] };
  await useConfig(page, config);
}


/** Open311's form: description only, the service's own questions under the category, no kind or attachments. */
async function fillOpen311UntilReview(page, { title, body }) {
  await expect(page.locator('#step-heading')).toHaveText('Langkah 1 dari 4');
  await expect(page.getByLabel(w.title)).toHaveCount(0);
  await expect(page.getByLabel(w.date)).toHaveCount(0);
  await page.getByLabel(w.body).fill(body);
  await page.getByRole('button', { name: w.continue }).click();

  await expect(page.getByLabel(w.region, { exact: true })).toHaveCount(0);
  await expect(page.getByLabel(w.agency, { exact: true })).toHaveCount(0);
  await page.getByLabel(w.address).fill('Depan pasar Cempaka');
  await page.getByLabel(w.category, { exact: true }).selectOption('jalan');
  // The service definition's attributes: judul (string), kecamatan (list) and the date, all required.
  const question = page.getByLabel('Judul laporan', { exact: true });
  await expect(question).toBeVisible();
  await page.getByRole('button', { name: w.continue }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Jawab pertanyaan: Judul laporan', 'Jawab pertanyaan: Kecamatan tempat kejadian', 'Jawab pertanyaan: Tanggal kejadian']);
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#attribute-judul');
  // Each question's inline error describes its control, as for every other field.
  await expect(question).toHaveAccessibleDescription('Jawab pertanyaan: Judul laporan');
  await expect(question).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Kecamatan tempat kejadian', { exact: true })).toHaveAccessibleDescription('Jawab pertanyaan: Kecamatan tempat kejadian');
  await answerJalanQuestions(page, { title, date: '2026-01-15' });
  await screenshot(page, 'open311-questions-360');
  await expectNoAxeViolations(page, 'Open311 questions');
  await page.getByRole('button', { name: w.continue }).click();

  await fillOpen311Contact(page, w);
  await expect(page.getByRole('heading', { name: w.review })).toBeVisible();
  await expect(page.locator('.summary-row', { hasText: 'Judul laporan' }).locator('.answer')).toHaveText(title);
  await expect(page.locator('.summary-row', { hasText: 'Kecamatan tempat kejadian' }).locator('.answer')).toHaveText('Cempaka');
  await expect(page.locator('.summary-row', { hasText: 'Tanggal kejadian' }).locator('.answer')).toHaveText('15 Jan 2026');
  // An optional answer left out says so instead of an empty line.
  await expect(page.locator('.summary-row', { hasText: 'Nomor telepon' }).locator('.answer')).toHaveText('Tidak diisi');
}

/** Today in WIB and the first of its month: the dates `period=month` stands for. */
function thisMonth() {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

for (const backend of Object.keys(BACKENDS)) {
  test.describe(`with the ${backend} backend`, () => {
    test.beforeEach(async ({ page, request }) => {
      await useBackend(page, request, backend);
    });

    test(`a report is sent, tracked through to completion, found in the list and counted (${backend})`, async ({ page, request }) => {
      const errors = watchErrors(page);
      const mark = `${backend}${Date.now().toString(36)}`;
      const title = `Lampu jalan mati ${mark}`;
      const body = `Lampu jalan ${mark} mati sejak seminggu sehingga jalan gelap dan rawan kecelakaan.`;

      // Submission
      await page.goto(`${baseUrl()}/lapor`);
      if (backend === 'aduan') await fillUntilReview(page, w, { title, attach: false });
      else await fillOpen311UntilReview(page, { title, body });
      await page.getByRole('button', { name: w.send }).click();
      await expect(page.getByRole('heading', { name: w.receipt })).toBeVisible();
      const ticket = await page.locator('.ticket-number').getAttribute('data-ticket');
      await expect(page.locator('.access-code')).toHaveCount(backend === 'aduan' ? 1 : 0);
      // Open311's service_notice, in the page's language; our contract sends none.
      if (backend === 'aduan') await expect(page.locator('.service-notice')).toHaveCount(0);
      else await expect(page.getByRole('note').filter({ hasText: 'Pesan dari layanan penerima laporan' })).toContainText('Laporan diterima dan akan diverifikasi dalam 3 hari kerja.');
      await screenshot(page, `backend-${backend}-receipt-360`);

      // Tracking, by typing the number as a citizen would
      await page.goto(`${baseUrl()}/lacak`);
      await page.getByLabel('Nomor tiket').fill(ticket);
      await page.getByRole('button', { name: 'Lacak', exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/lacak/${ticket}$`));
      await expect(page.locator('.status-badge')).toHaveText('Diterima');
      await expect(page.locator('.report-body')).toContainText(backend === 'aduan' ? 'Sudah seminggu lampu' : body);
      await expect(page.locator('.deadlines')).toHaveCount(backend === 'aduan' ? 1 : 0);
      await expect(page.getByLabel('Kode akses')).toHaveCount(backend === 'aduan' ? 1 : 0);
      await expect(page.getByRole('button', { name: /Saya juga mengalami/ })).toHaveCount(backend === 'aduan' ? 1 : 0);
      if (backend === 'open311') await expect(page.locator('.summary-row', { hasText: 'Perkiraan selesai' })).toHaveCount(1);

      const agency = (await (await request.get(`${baseUrl()}/api/v1/portal`)).json()).agencies[0];
      await moveReport(request, ticket, 'verified', 'Laporan lengkap.');
      await moveReport(request, ticket, 'dispositioned', `Diteruskan ke ${agency.name}.`, { agency_id: agency.id });
      await moveReport(request, ticket, 'in_progress', 'Petugas dijadwalkan.');
      await moveReport(request, ticket, 'completed', `Lampu sudah diganti ${mark}.`);
      await regainFocus(page);
      await expect(page.locator('.status-badge')).toHaveText('Selesai');
      await expect(page.locator('.timeline li').last()).toContainText('Selesai');
      await expect(page.locator('.timeline li').last()).toContainText(`Lampu sudah diganti ${mark}.`);
      await expect(page.locator('.summary-list').first()).toContainText(agency.name);
      await screenshot(page, `backend-${backend}-tracking-360`);
      await expectNoAxeViolations(page, `tracking (${backend})`);

      // The public list finds it by a word of its text
      await page.goto(`${baseUrl()}/laporan?q=${mark}`);
      await expect(page.locator('.report-row')).toHaveCount(1);
      await expect(page.locator('.report-row .status-badge')).toHaveText('Selesai');
      // Open311 tells only open from closed, and has no kind, agency or region to filter by.
      const statuses = backend === 'aduan' ? 9 : 3;
      await expect(page.getByLabel('Status', { exact: true }).locator('option')).toHaveCount(statuses);
      await expect(page.getByLabel('Instansi tujuan', { exact: true })).toHaveCount(backend === 'aduan' ? 1 : 0);
      await screenshot(page, `backend-${backend}-list-360`);
      await page.locator('.report-row a').click();
      await expect(page).toHaveURL(new RegExp(`/lacak/${ticket}$`));

      // Statistics for this month equal what the backend itself lists
      const { from, to } = thisMonth();
      let total;
      let completed;
      let categorised;
      if (backend === 'aduan') {
        const stats = await (await request.get(`${baseUrl()}/api/v1/stats?from=${from}&to=${to}`)).json();
        ({ total, completed } = stats);
        categorised = Object.values(stats.by_category).reduce((a, b) => a + b, 0);
      } else {
        const list = await (await request.get(`${baseUrl()}/open311/v2/requests.json?start_date=${from}T00:00:00%2B07:00&end_date=${to}T23:59:59%2B07:00`)).json();
        total = list.length;
        completed = list.filter((r) => r.status === 'closed').length;
        categorised = list.filter((r) => r.service_code).length;
      }
      expect(total).toBeGreaterThan(0);
      await page.goto(`${baseUrl()}/statistik?period=month`);
      await expect(figure(page, 'total')).toHaveText(formatCount(total, 'id'));
      await expect(figure(page, 'completion_rate')).toHaveText(formatPercent(completed / total, 'id'));
      const categoryCounts = (await page.locator('#category-table tbody td:nth-of-type(1)').allTextContents()).map((t) => Number(t.replace(/[.,]/g, '')));
      expect(categoryCounts.reduce((a, b) => a + b, 0)).toBe(categorised);
      if (backend === 'open311') {
        await expect(page.locator('.notice', { hasText: 'dihitung di peramban' })).toBeVisible();
        await expect(figure(page, 'escalated')).toHaveText('Tidak dicatat');
        await expect(page.getByLabel('Klasifikasi laporan', { exact: true })).toHaveCount(0);
      }
      await screenshot(page, `backend-${backend}-stats-360`);
      await expectNoAxeViolations(page, `statistics (${backend})`);
      expect(errors).toEqual([]);
    });
  });
}

test('an Open311 error array is shown in the error summary, in the words of the server, linked to the field', async ({ page, request }) => {
  await useBackend(page, request, 'open311');
  await page.goto(`${baseUrl()}/lapor`);
  // The app asks only that a description is given; the reference server wants 30 characters.
  await fillOpen311UntilReview(page, { title: 'Jalan berlubang di depan pasar', body: 'Jalan rusak.' });
  await page.getByRole('button', { name: w.send }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText('Isi laporan: Terlalu pendek.');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#body');
  await expect(page.getByLabel(w.body)).toHaveValue('Jalan rusak.');
  await page.getByLabel(w.body).fill('Jalan rusak parah di depan pasar, lubangnya dalam dan sering membuat motor jatuh.');
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByRole('button', { name: w.send }).click();
  await expect(page.getByRole('heading', { name: w.receipt })).toBeVisible();
});

test('an Open311 server that answers only XML is named as the problem', async ({ page, request }) => {
  await useBackend(page, request, 'open311');
  await page.route('**/open311/v2/services.json*', (route) => route.fulfill({ contentType: 'text/xml', body: '<?xml version="1.0"?><services><service/></services>' }));
  await page.goto(`${baseUrl()}/lapor`);
  await expect(page.locator('.error-panel')).toContainText('hanya menjawab dalam format XML');
});

test('with Open311 a report number is any URL-safe id, without the check character', async ({ page, request }) => {
  await useBackend(page, request, 'open311');
  await page.goto(`${baseUrl()}/lacak`);
  await expect(page.locator('#ticket-hint')).toContainText('misalnya 638344');
  await page.getByLabel('Nomor tiket').fill('638/344');
  await page.getByRole('button', { name: 'Lacak', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('hanya memakai huruf, angka');
  await page.getByLabel('Nomor tiket').fill('638344');
  await page.getByRole('button', { name: 'Lacak', exact: true }).click();
  await expect(page).toHaveURL(/\/lacak\/638344$/);
  await expect(page.locator('.error-panel')).toContainText('Tidak ada laporan dengan nomor tiket ini');
});

test('with Open311, a send that failed while online is not repeated by itself and may have arrived', async ({ page, request }) => {
  // GeoReport v2 has no idempotency key: a request the browser saw fail may still have reached the server.
  await useBackend(page, request, 'open311');
  await page.goto(`${baseUrl()}/lapor`);
  await fillOpen311UntilReview(page, { title: 'Trotoar rusak di depan sekolah', body: 'Trotoar di depan sekolah rusak dan berlubang, anak-anak harus berjalan di jalan.' });
  let posts = 0;
  await page.route('**/open311/v2/requests.json', (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    posts += 1;
    return route.abort('connectionreset');
  });
  await page.getByRole('button', { name: w.send }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'mungkin sudah diterima' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Belum pasti laporan Anda terkirim' })).toBeVisible();
  await page.waitForTimeout(4_000); // longer than the first two automatic retries would wait
  expect(posts).toBe(1);
  await page.unroute('**/open311/v2/requests.json');
  await page.getByRole('button', { name: w.sendAgain }).click();
  await expect(page.getByRole('heading', { name: w.receipt })).toBeVisible();
});

test("with Open311, a category's questions that cannot load hold the form until they do", async ({ page, request }) => {
  await useBackend(page, request, 'open311');
  await page.route('**/open311/v2/services/jalan.json*', (route) => route.abort('connectionreset'));
  await page.goto(`${baseUrl()}/lapor`);
  await page.getByLabel(w.body).fill('Jalan di depan pasar berlubang besar dan membahayakan pengendara.');
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByLabel(w.category, { exact: true }).selectOption('jalan');
  await expect(page.locator('#questions')).toContainText('belum dapat dimuat');
  await page.getByRole('button', { name: w.continue }).click();
  const link = page.locator('.error-summary').getByRole('link');
  await expect(link).toHaveText('Pertanyaan untuk kategori ini belum dimuat. Tunggu sebentar atau muat ulang pertanyaannya.');
  await expect(link).toHaveAttribute('href', '#questions');
  await page.unroute('**/open311/v2/services/jalan.json*');
  await page.locator('#questions').getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByLabel('Judul laporan', { exact: true })).toBeVisible();
});

test('with Open311, a service without metadata asks no questions and its definition is not fetched', async ({ page, request }) => {
  await useBackend(page, request, 'open311');
  const services = await (await request.get(`${baseUrl()}/open311/v2/services.json`)).json();
  await page.route('**/open311/v2/services.json*', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify(services.map((s) => (s.service_code === 'jalan' ? { ...s, metadata: false } : s))),
  }));
  const definitions = [];
  page.on('request', (r) => { if (r.url().includes('/open311/v2/services/')) definitions.push(r.url()); });
  await page.goto(`${baseUrl()}/lapor`);
  await page.getByLabel(w.body).fill('Jalan di depan pasar berlubang besar dan membahayakan pengendara.');
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByLabel(w.category, { exact: true }).selectOption('jalan');
  await page.getByRole('button', { name: w.continue }).click();
  await expect(page.getByLabel(w.name, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: w.back }).click();
  await page.getByLabel(w.category, { exact: true }).selectOption('air-bersih');
  await expect(page.getByLabel('Judul laporan', { exact: true })).toBeVisible();
  expect(definitions.map((u) => new URL(u).pathname)).toEqual(['/open311/v2/services/air-bersih.json']);
});

test('with Open311, a period the server lists only in part (its first 1 000) is asked again in halves, and the figures count every request', async ({ page, request }) => {
  await useBackend(page, request, 'open311');
  // 1 500 requests over October; like a GeoReport v2 server, an answer holds the first 1 000 of its range.
  const day = (n) => new Date(Date.UTC(2026, 9, 1 + n, 3)).toISOString();
  const all = Array.from({ length: 1500 }, (_, i) => ({
    service_request_id: `r${i}`, status: i % 3 ? 'open' : 'closed', service_code: 'jalan', requested_datetime: day(i % 30), updated_datetime: day(i % 30),
  }));
  const asked = [];
  await page.route(/\/open311\/v2\/requests\.json\?/, (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const url = new URL(route.request().url());
    const [from, to] = ['start_date', 'end_date'].map((k) => Date.parse(url.searchParams.get(k)));
    asked.push([url.searchParams.get('start_date'), url.searchParams.get('end_date')]);
    const listed = all.filter((r) => Date.parse(r.requested_datetime) >= from && Date.parse(r.requested_datetime) <= to);
    return route.fulfill({ json: listed.slice(0, 1000) });
  });
  await page.goto(`${baseUrl()}/statistik?period=custom&from=2026-10-01&to=2026-10-30`);
  await expect(figure(page, 'total')).toHaveText(formatCount(1500, 'id'));
  await expect(figure(page, 'completion_rate')).toHaveText(formatPercent(500 / 1500, 'id'));
  expect(asked[0]).toEqual(['2026-10-01T00:00:00+07:00', '2026-10-30T23:59:59+07:00']);
  expect(asked.length).toBe(3);
});

test('with Open311, turning a page of the public list asks the server nothing new within a minute', async ({ page, request }) => {
  await useBackend(page, request, 'open311');
  let lists = 0;
  page.on('request', (r) => { if (r.method() === 'GET' && new URL(r.url()).pathname === '/open311/v2/requests.json') lists += 1; });
  await page.goto(`${baseUrl()}/laporan`);
  await expect(page.locator('.report-list li').first()).toBeVisible();
  const asked = lists;
  expect(asked).toBeGreaterThan(0);
  const first = await page.locator('.report-list li').first().textContent();
  await page.getByRole('link', { name: 'Berikutnya' }).first().click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator('.report-list li').first()).not.toHaveText(first);
  expect(lists).toBe(asked);
});
