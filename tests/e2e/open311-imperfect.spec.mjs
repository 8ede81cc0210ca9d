// The SPA as a careful client of a half-conforming Open311 server (#19): a deliberately imperfect fixture
// server (fixtures/open311-imperfect.mjs) answers refusals in every shape, lists with odd elements, nested
// attribute values and date filters that swap or ignore their dates. The page is pointed at it through
// config.json; its requests go to the portal's own origin (the CSP allows no other) and are passed on.
import { test, expect } from '@playwright/test';
import { WORDS, fillOpen311Contact } from './flows.mjs';
import { baseUrl, expectNoAxeViolations, figure, formatPercent, screenshot, useConfig, watchErrors } from './helpers.mjs';
import { heldRequests, startImperfectOpen311 } from './fixtures/open311-imperfect.mjs';

const w = WORDS.id;
let fixture;

test.beforeAll(async () => {
  fixture = await startImperfectOpen311();
});

test.afterAll(async () => {
  await fixture.close();
});

/** The page talks to the fixture server's `kase` as its Open311 backend. */
async function useImperfect(page, request, kase) {
  const shipped = await (await request.get(`${baseUrl()}/config.json`)).json();
  await useConfig(page, { ...shipped, backend: { kind: 'open311', base_url: `/imperfect311/${kase}` } });
  await page.route('**/imperfect311/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${fixture.url}${url.pathname.replace('/imperfect311', '')}${url.search}` });
    await route.fulfill({ response });
  });
}

const BODY = 'Air keruh dan berbau di Gang Mawar sejak tiga hari, warga tidak bisa memakainya.';

/** Description, then "Air bersih" (a service without questions), contact, and the review. */
async function fillUntilReview(page, w = WORDS.id, lang = 'id') {
  await page.goto(`${baseUrl()}/lapor?lang=${lang}`);
  await page.getByLabel(w.body).fill(BODY);
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByLabel(w.address).fill('Gang Mawar 3');
  await page.getByLabel(w.category, { exact: true }).selectOption({ label: 'Air bersih' });
  await page.getByRole('button', { name: w.continue }).click();
  await fillOpen311Contact(page, w);
  await expect(page.getByRole('heading', { name: w.review })).toBeVisible();
}

/** After a failed send, a reload still has the draft, at the review. */
async function expectDraftKept(page) {
  await page.reload();
  await expect(page.getByRole('heading', { name: w.review })).toBeVisible();
  await expect(page.locator('.summary-row', { hasText: w.body }).locator('.answer')).toHaveText(BODY);
}

const REFUSALS = [
  ['forbidden-object', 'API key tidak berlaku untuk yurisdiksi ini.'],
  ['text-400', 'Field description: minimal 50 karakter.'],
];

for (const [kase, words] of REFUSALS) {
  test(`a POST refused with a 4xx that is not the spec's array is "not sent", in the server's words (${kase})`, async ({ page, request }) => {
    const errors = watchErrors(page);
    await useImperfect(page, request, kase);
    await fillUntilReview(page);
    await page.getByRole('button', { name: w.send }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Laporan Anda tidak terkirim' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Server menolak laporan ini dan tidak menyimpannya.');
    await expect(alert.locator('.server-words')).toHaveText(words);
    await expect(page.getByText('mungkin sudah diterima')).toHaveCount(0);
    expect(fixture.posts.filter((p) => p.case === kase)).toHaveLength(1);
    await screenshot(page, `open311-refused-${kase}-360`);
    await expectNoAxeViolations(page, `refusal (${kase})`);
    await expectDraftKept(page);
    expect(errors.filter((e) => !e.includes('status of 40'))).toEqual([]);
  });
}

test('a 502 page from a proxy may have let the report through: it says so, quotes no markup and keeps the draft', async ({ page, request }) => {
  await useImperfect(page, request, 'html-502');
  await fillUntilReview(page);
  await page.getByRole('button', { name: w.send }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Belum pasti laporan Anda terkirim' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('mungkin sudah diterima');
  await expect(page.locator('.server-words')).toHaveCount(0);
  await expect(page.getByText('Bad Gateway')).toHaveCount(0);
  await expectDraftKept(page);
});

test('odd elements of each list are skipped and counted in a quiet note; nested attribute values are read', async ({ page, request }) => {
  const errors = watchErrors(page);
  await useImperfect(page, request, 'malformed');
  await page.goto(`${baseUrl()}/lapor`);
  // services.json: a service with a null name is left out of the categories.
  await expect(page.getByRole('note').filter({ hasText: '1 entri yang dikirim server tidak dapat dibaca dan dilewati.' })).toBeVisible();
  await page.getByLabel(w.body).fill(BODY);
  await page.getByRole('button', { name: w.continue }).click();
  const category = page.getByLabel(w.category, { exact: true });
  await expect(category.locator('option')).toHaveText(['Pilih kategori', 'Jalan rusak', 'Air bersih']);
  await category.selectOption({ label: 'Jalan rusak' });
  // The definition: {"key":{"key":1,"name":…}} values are read, a value without a name and an attribute
  // without a code are skipped.
  const kind = page.getByLabel('Jenis kerusakan', { exact: false });
  await expect(kind.locator('option')).toHaveText(['Pilih jawaban', 'Berlubang', 'Retak']);
  await expect(page.getByRole('note').filter({ hasText: '2 entri yang dikirim server tidak dapat dibaca dan dilewati.' })).toBeVisible();
  await screenshot(page, 'open311-malformed-questions-360');
  await expectNoAxeViolations(page, 'questions with skipped elements');
  // requests.json: a request with a null status and a string are skipped; the rest are listed.
  await page.goto(`${baseUrl()}/laporan`);
  await expect(page.locator('.report-row')).toHaveCount(heldRequests().length);
  await expect(page.getByRole('note').filter({ hasText: '2 entri yang dikirim server tidak dapat dibaca dan dilewati.' })).toBeVisible();
  expect(errors).toEqual([]);
});

/** Requests of this month in the portal's zone, as the fixture holds them. */
function thisMonthHeld() {
  const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
  return heldRequests().filter((r) => new Date(Date.parse(r.requested_datetime) + 7 * 3_600_000).toISOString().startsWith(month));
}

const WINDOWS = [
  ['honest', null],
  ['swapped-dates', '3 permintaan hanya ditemukan di daftar bawaan server'],
  ['ignored-dates', '2 permintaan yang dikirim server tidak cocok dan tidak dihitung.'],
];

for (const [kase, said] of WINDOWS) {
  test(`this month's figures equal what the server holds, and say how they were obtained (${kase})`, async ({ page, request }) => {
    await useImperfect(page, request, kase);
    const held = thisMonthHeld();
    expect(held).toHaveLength(3);
    await page.goto(`${baseUrl()}/statistik?period=month`);
    await expect(figure(page, 'total')).toHaveText(String(held.length));
    const closed = held.filter((r) => r.status === 'closed').length;
    await expect(figure(page, 'completion_rate')).toHaveText(formatPercent(closed / held.length, 'id'));
    // The server names no agency for these requests: their row says so, rather than that one is still to be chosen.
    await expect(page.locator('#agency-table tbody th')).toHaveText(['Tidak dicatat']);
    await expect(page.getByText('Instansi belum ditentukan')).toHaveCount(0);
    const how = page.locator('.how-obtained');
    if (said) {
      await expect(how).toContainText('Cara angka ini diperoleh: filter server tidak hanya mengembalikan permintaan yang diminta');
      await expect(how).toContainText(said);
    } else {
      await expect(how).toHaveCount(0);
    }
    await screenshot(page, `open311-stats-${kase}-360`);
  });
}

test('a request without service_code shows its category when the services list knows it, else "tidak tercatat"; no LAPOR! wording', async ({ page, request }) => {
  await useImperfect(page, request, 'honest');
  await page.goto(`${baseUrl()}/lacak/IMP-2`);
  await expect(page.locator('.summary-row', { hasText: 'Kategori' })).toContainText('Air bersih');
  await page.goto(`${baseUrl()}/lacak/IMP-3`);
  await expect(page.locator('.status-badge')).toHaveText('Diterima');
  await expect(page.locator('.summary-row', { hasText: 'Kategori' })).toContainText('tidak tercatat');
  await expect(page.locator('.summary-row', { hasText: 'Instansi' })).toContainText('tidak tercatat');
  await expect(page.getByText('admin akan meneruskan')).toHaveCount(0);
  await expect(page.getByText(/SP4N-LAPOR!/)).toHaveCount(0);
  await page.goto(`${baseUrl()}/`);
  await expect(page.locator('.steps li')).toHaveText([
    'Tulis laporan Anda. Anda langsung menerima nomor tiket.',
    'Layanan penerima laporan menindaklanjutinya; pantau perkembangannya dengan nomor tiket.',
  ]);
  await expect(page.getByText(/SP4N-LAPOR!|Ombudsman|kode akses/)).toHaveCount(0);
  await page.goto(`${baseUrl()}/laporan`);
  await expect(page.locator('.report-row', { hasText: 'Sampah menumpuk' })).toContainText('Kategori: tidak tercatat');
  await expect(page.getByText('Instansi belum ditentukan')).toHaveCount(0);
});

test('the language chosen with ?lang=en survives following a link and opening another page', async ({ page }) => {
  await page.goto(`${baseUrl()}/?lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Statistics' }).first().click();
  await expect(page).toHaveURL(/\/statistik$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistics');
  // A page opened without ?lang= in the same tab (a reload, a link from elsewhere) stays in English.
  await page.goto(`${baseUrl()}/laporan`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public reports');
});

test('the refusal and the statistics notes at 360 and 1280 px, in both languages, pass axe', async ({ page, request }) => {
  test.setTimeout(120_000);
  const said = {
    id: ['Laporan Anda tidak terkirim', 'Cara angka ini diperoleh'],
    en: ['Your report was not sent', 'How these figures were obtained'],
  };
  for (const lang of ['id', 'en']) {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      await page.unrouteAll();
      await useImperfect(page, request, 'forbidden-object');
      await fillUntilReview(page, WORDS[lang], lang);
      await page.getByRole('button', { name: WORDS[lang].send }).click();
      await expect(page.getByRole('alert').filter({ hasText: said[lang][0] })).toBeVisible();
      await screenshot(page, `open311-refused-${lang}-${width}`);
      await expectNoAxeViolations(page, `refusal (${lang}, ${width})`);
      await page.unrouteAll();
      await useImperfect(page, request, 'swapped-dates');
      await page.goto(`${baseUrl()}/statistik?period=month&lang=${lang}`);
      await expect(page.locator('.how-obtained')).toContainText(said[lang][1]);
      await screenshot(page, `open311-stats-how-${lang}-${width}`);
      await expectNoAxeViolations(page, `statistics note (${lang}, ${width})`);
      // The next round starts without the kept draft.
      await page.evaluate(() => localStorage.clear());
    }
  }
});
