// The staff console's report page (/petugas/{ticket}) with the demo accounts: the administrator
// verifies and forwards, the agency officer answers at 360 px, the citizen's page names roles only; a hand-back
// is re-forwarded; a supervisor only reads; notes stay internal; refusals are explained; axe in both languages.
// Every test makes its own report through the API, so none depends on the demo data's state.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, watchErrors } from './helpers.mjs';
import { createReport, staffStep } from './console-helpers.mjs';

const ACCOUNTS = {
  admin: ['admin', 'demo-admin-2026', 'Admin Demo'],
  supervisor: ['pengawas', 'demo-pengawas-2026', 'Pengawas Demo'],
  pupr: ['petugas-pupr', 'demo-petugas-2026', 'Petugas PUPR Demo'],
  dinkes: ['petugas-dinkes', 'demo-petugas-2026', 'Petugas Dinkes Demo'],
};
const PUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';
const DINKES = 'Dinas Kesehatan';

const W = {
  id: {
    username: 'Nama pengguna', password: 'Kata sandi', signIn: 'Masuk', verify: 'Verifikasi', reject: 'Tolak', forward: 'Teruskan ke instansi',
    initial: 'Kirim tanggapan awal', followUp: 'Kirim tindak lanjut', complete: 'Selesaikan', handBack: 'Bukan wewenang kami',
    message: 'Pesan untuk pelapor', agency: 'Instansi tujuan', summary: 'Ada yang perlu diperbaiki', audit: 'Jejak audit', notes: 'Catatan internal',
    newNote: 'Tambah catatan internal', saveNote: 'Simpan catatan', noteSaved: 'Catatan tersimpan.', readOnly: 'Sebagai pengawas',
    conflict: 'baru saja dipindahkan oleh petugas lain', reload: 'Muat ulang laporan', title: (t) => `Laporan ${t.slice(0, 3)}-${t.slice(3, 6)}-${t.slice(6)}`,
    done: (step, status) => `${step}: tersimpan. Status laporan sekarang: ${status}.`,
    needsMessage: (step) => `Tulis pesan untuk pelapor: ${step} memerlukannya`,
    status: { verified: 'Terverifikasi', dispositioned: 'Didisposisikan ke instansi', in_progress: 'Ditindaklanjuti', completed: 'Selesai' },
    followUpEvent: 'Tindak lanjut', handBackEvent: 'Dikembalikan ke admin untuk diteruskan ke instansi yang berwenang',
    admin: 'Admin', agency: 'Instansi', handedBackTab: 'Dikembalikan', correct: 'Koreksi laporan', reason: 'Alasan koreksi',
    saveCorrection: 'Simpan koreksi', corrected: 'Koreksi tersimpan.', confidential: 'Rahasia', category: 'Kategori',
  },
  en: {
    username: 'Username', password: 'Password', signIn: 'Sign in', verify: 'Verify', forward: 'Forward to agency', initial: 'Send initial response',
    message: 'Message to the reporter', summary: 'There is a problem', audit: 'Audit trail', notes: 'Internal note', title: (t) => `Report ${t.slice(0, 3)}-${t.slice(3, 6)}-${t.slice(6)}`,
    followUpEvent: 'Follow-up', handBackEvent: 'Returned to the administrator to be forwarded to the right agency', admin: 'Administrator', agency: 'Agency',
    needsMessage: (step) => `Write a message to the reporter: ${step} needs one`,
  },
};
const w = W.id;

/** Opens the report page, which shows the sign-in form, and signs in as `who`; the page then shows the report. */
async function openAs(page, ticket, who, lang = 'id') {
  const [username, password] = ACCOUNTS[who];
  await page.goto(`${baseUrl()}/petugas/${ticket}?lang=${lang}`);
  await page.getByLabel(W[lang].username).fill(username);
  await page.getByLabel(W[lang].password).fill(password);
  await page.getByRole('button', { name: W[lang].signIn, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: W[lang].title(ticket) })).toBeVisible();
  // The heading is drawn before the report arrives: wait for the report itself, so that what a test does next
  // (e.g. another session's step) happens after the page read the report, on a busy machine too.
  await expect(page.locator('.status-badge')).toBeVisible();
}

const stepButton = (page, name) => page.getByRole('button', { name, exact: true });
const doneNotice = (page) => page.locator('#report-done');

async function takeStep(page, name, status, { message, agency } = {}) {
  if (agency) await page.getByLabel(w.agency).selectOption({ label: agency });
  if (message !== undefined) await page.getByLabel(w.message).fill(message);
  await stepButton(page, name).click();
  await expect(doneNotice(page)).toHaveText(w.done(name, status));
  await expect(doneNotice(page)).toBeFocused();
  await expect(page.locator('.status-badge')).toHaveText(status);
}

test('the administrator verifies and forwards; the officer answers at 360 px; the citizen sees roles, never names', async ({ browser, request }) => {
  const ticket = await createReport(request, 'Jalan berlubang di depan pasar Cempaka');
  const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(admin);
  await openAs(admin, ticket, 'admin');
  // Staff see the reporter's identity and every attachment, fetched with the session's token.
  await expect(admin.locator('.report-facts')).toContainText('Budi Santoso');
  await expect(admin.locator('.report-facts')).toContainText('budi@contoh.id');
  const download = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'surat.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('surat.pdf');
  await expect(stepButton(admin, w.reject)).toBeVisible();
  await takeStep(admin, w.verify, w.status.verified);
  await expect(stepButton(admin, w.verify)).toHaveCount(0);
  // Forwarding needs an agency: the error summary says so and links to the select.
  await stepButton(admin, w.forward).click();
  await expect(admin.locator('.error-summary')).toContainText(w.summary);
  await expect(admin.locator('.error-summary')).toBeFocused();
  await takeStep(admin, w.forward, w.status.dispositioned, { agency: PUPR, message: 'Diteruskan ke Dinas PUPR untuk perbaikan jalan.' });
  await expect(admin.locator('.report-facts')).toContainText(PUPR);
  await expect(admin.locator('.audit li')).toHaveCount(2);
  await expect(admin.locator('.audit li').last()).toContainText('Admin Demo');
  await expect(admin.locator('.audit li').last()).toContainText(w.forward);
  await admin.screenshot({ path: '/work/screens/console-report-admin-1280.png', fullPage: true });
  await admin.setViewportSize({ width: 360, height: 740 });
  await admin.screenshot({ path: '/work/screens/console-report-admin-360.png', fullPage: true });
  expect(errors).toEqual([]);

  const officer = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await openAs(officer, ticket, 'pupr');
  await expect(stepButton(officer, w.forward)).toHaveCount(0);
  // The initial response needs a message to the citizen.
  await stepButton(officer, w.initial).click();
  await expect(officer.locator('.error-summary')).toContainText(w.needsMessage(w.initial));
  await expect(officer.locator('#step-message-error')).toContainText(w.needsMessage(w.initial));
  await takeStep(officer, w.initial, w.status.in_progress, { message: 'Tim kami akan menambal jalan pekan ini.' });
  await takeStep(officer, w.followUp, w.status.in_progress, { message: 'Penambalan dimulai hari Senin.' });
  await officer.screenshot({ path: '/work/screens/console-report-officer-360.png', fullPage: true });
  await takeStep(officer, w.complete, w.status.completed, { message: 'Jalan sudah ditambal.' });
  await expect(officer.locator('.audit li').last()).toContainText('Petugas PUPR Demo');
  await expect(officer.locator('.step-form')).toHaveCount(0);
  await officer.setViewportSize({ width: 1280, height: 800 });
  await officer.screenshot({ path: '/work/screens/console-report-officer-1280.png', fullPage: true });

  // The citizen's page: each step by role, with the follow-up under its own heading, and no account's name.
  const citizen = await browser.newPage();
  await citizen.goto(`${baseUrl()}/lacak/${ticket}`);
  const events = citizen.locator('.timeline li');
  await expect(events).toHaveCount(6);
  await expect(events.nth(1)).toContainText(w.status.verified);
  await expect(events.nth(2)).toContainText(`${w.status.dispositioned}`);
  await expect(events.nth(3)).toContainText('Tim kami akan menambal jalan pekan ini.');
  await expect(events.nth(4).locator('.timeline-status')).toHaveText(w.followUpEvent);
  await expect(events.nth(4).locator('.timeline-when')).toContainText(w.agency);
  await expect(events.nth(5)).toContainText(w.status.completed);
  await expect(events.nth(1).locator('.timeline-when')).toContainText(w.admin);
  const text = await citizen.locator('body').innerText();
  for (const name of ['Admin Demo', 'Petugas PUPR Demo', 'petugas-pupr']) expect(text).not.toContain(name);
  await citizen.goto(`${baseUrl()}/lacak/${ticket}?lang=en`);
  await expect(citizen.locator('.timeline li').nth(4).locator('.timeline-status')).toHaveText(W.en.followUpEvent);
});

test('a report the officer hands back appears in the handed-back tab and is forwarded again', async ({ browser, request }) => {
  const ticket = await createReport(request, 'Puskesmas tutup lebih awal dari jadwal');
  await staffStep(request, ticket, 'verify');
  await staffStep(request, ticket, 'forward', 'Diteruskan ke Dinas PUPR.', 'dinas-pupr');
  const officer = await browser.newPage();
  await openAs(officer, ticket, 'pupr');
  await takeStep(officer, w.handBack, w.status.verified, { message: 'Layanan puskesmas adalah wewenang Dinas Kesehatan.' });
  // Back with the administrator: no longer the officer's to act on.
  await expect(officer.locator('.step-form')).toHaveCount(0);

  const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openAs(admin, ticket, 'admin');
  await admin.goto(`${baseUrl()}/petugas?tab=handed_back`);
  await admin.locator(`a[href="/petugas/${ticket}"]`).first().click();
  await expect(admin.getByRole('heading', { level: 1, name: w.title(ticket) })).toBeVisible();
  await takeStep(admin, w.forward, w.status.dispositioned, { agency: DINKES, message: 'Diteruskan ke Dinas Kesehatan.' });
  await expect(admin.locator('.report-facts')).toContainText(DINKES);

  const citizen = await browser.newPage();
  await citizen.goto(`${baseUrl()}/lacak/${ticket}`);
  const handBack = citizen.locator('.timeline li[data-kind="hand_back"]');
  await expect(handBack.locator('.timeline-status')).toHaveText(w.handBackEvent);
  await expect(handBack.locator('.timeline-when')).toContainText(w.agency);
  await expect(handBack).toContainText('Layanan puskesmas adalah wewenang Dinas Kesehatan.');
  await citizen.goto(`${baseUrl()}/lacak/${ticket}?lang=en`);
  await expect(citizen.locator('.timeline li[data-kind="hand_back"] .timeline-status')).toHaveText(W.en.handBackEvent);
});

test('a supervisor reads everything and is offered no action', async ({ page, request }) => {
  const ticket = await createReport(request, 'Lampu jalan mati di Jalan Melati');
  await openAs(page, ticket, 'supervisor');
  await expect(page.locator('.report-facts')).toContainText('Budi Santoso');
  await expect(page.locator('.notice', { hasText: w.readOnly })).toBeVisible();
  for (const name of [w.verify, w.reject, w.forward, w.initial, w.followUp, w.complete, w.handBack, w.saveNote, w.saveCorrection]) {
    await expect(stepButton(page, name)).toHaveCount(0);
  }
  await expect(page.getByLabel(w.newNote)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: w.audit })).toBeVisible();
});

test('an officer of another agency is told the report is not theirs', async ({ page, request }) => {
  const ticket = await createReport(request, 'Trotoar rusak di depan sekolah');
  await staffStep(request, ticket, 'verify');
  await staffStep(request, ticket, 'forward', 'Diteruskan.', 'dinas-pupr');
  await page.goto(`${baseUrl()}/petugas/${ticket}`);
  await page.getByLabel(w.username).fill(ACCOUNTS.dinkes[0]);
  await page.getByLabel(w.password).fill(ACCOUNTS.dinkes[1]);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('tidak diteruskan ke instansi Anda');
  await expect(page.locator('.report-facts')).toHaveCount(0);
});

test('an internal note shows in the console and never on the public page', async ({ page, request }) => {
  const ticket = await createReport(request, 'Saluran air tersumbat di gang Kenanga');
  const note = `Sudah dicek ke lapangan, pelapor tetangga kepala RT (${Date.now()})`;
  await openAs(page, ticket, 'admin');
  await page.getByRole('button', { name: w.saveNote }).click();
  await expect(page.locator('#note-text-error')).toBeVisible();
  await page.getByLabel(w.newNote).fill(note);
  await page.getByRole('button', { name: w.saveNote }).click();
  await expect(doneNotice(page)).toHaveText(w.noteSaved);
  await expect(page.locator('.notes li')).toContainText(note);
  await expect(page.locator('.notes li')).toContainText('Admin Demo');
  await expect(page.locator('.audit li[data-action="note"]')).toHaveCount(1);
  const publicJson = await (await request.get(`${baseUrl()}/api/v1/reports/${ticket}`)).text();
  expect(publicJson).not.toContain(note);
  await page.goto(`${baseUrl()}/lacak/${ticket}`);
  await expect(page.locator('.timeline li')).toHaveCount(1);
  expect(await page.locator('body').innerText()).not.toContain(note);
});

test('the administrator corrects the category and confidentiality with a reason, off the public timeline', async ({ page, request }) => {
  const ticket = await createReport(request, 'Antrean panjang di puskesmas Cempaka');
  await openAs(page, ticket, 'admin');
  await page.getByRole('button', { name: w.saveCorrection }).click();
  await expect(page.locator('.error-summary')).toContainText('Tulis alasan koreksi');
  await page.locator('#correction-category').selectOption('kesehatan');
  await page.getByLabel(w.confidential, { exact: true }).check();
  await page.getByLabel(w.reason).fill('Keluhan tentang layanan kesehatan, dan pelapor menyebut data pribadi.');
  await page.getByRole('button', { name: w.saveCorrection }).click();
  await expect(doneNotice(page)).toHaveText(w.corrected);
  await expect(page.locator('.report-facts')).toContainText(/Kesehatan/);
  await expect(page.locator('.audit li[data-action="correct"]')).toContainText('Admin Demo');
  // What changed, in words (field names and the values' names, never ids).
  const changes = page.locator('.audit li[data-action="correct"] .audit-changes li');
  await expect(changes.filter({ hasText: /^Kategori: / })).toContainText(/→ Kesehatan/);
  await expect(changes.filter({ hasText: /^Rahasia: / })).toHaveText('Rahasia: Tidak → Ya');
  await expect(page.locator('.audit')).not.toContainText('category_id');
  const view = await (await request.get(`${baseUrl()}/api/v1/reports/${ticket}`)).json();
  expect(view.confidential).toBe(true);
  expect(view.events).toHaveLength(1);
  // A confidential report's files still open for staff (the public route would ask for the access code).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'surat.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('surat.pdf');
  await expect(page.getByText('Lampiran belum dapat diunduh')).toHaveCount(0);
});

test('a step someone else took first is explained, and reloading shows where the report is', async ({ browser, request }) => {
  const ticket = await createReport(request, 'Pohon tumbang menutup jalan');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openAs(page, ticket, 'admin');
  await staffStep(request, ticket, 'verify');
  await stepButton(page, w.verify).click();
  await expect(page.locator('#report-refused')).toContainText(w.conflict);
  await expect(page.locator('#report-refused')).toBeFocused();
  await page.getByRole('button', { name: w.reload }).click();
  await expect(page.locator('.status-badge')).toHaveText(w.status.verified);
  await expect(stepButton(page, w.verify)).toHaveCount(0);
  await expect(stepButton(page, w.forward)).toBeVisible();
});

test('a session that ends keeps the message being typed for after signing in again', async ({ page, request }) => {
  const ticket = await createReport(request, 'Jembatan kayu lapuk di desa Mawar');
  await openAs(page, ticket, 'admin');
  const reason = 'Laporan ini duplikat dari laporan minggu lalu.';
  await page.getByLabel(w.message).fill(reason);
  // The session is revoked elsewhere (as an expiry would end it).
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('aduan.staff')).token);
  const revoked = await request.delete(`${baseUrl()}/api/v1/staff/session`, { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(204);
  await stepButton(page, w.reject).click();
  await expect(page.getByLabel(w.password)).toBeVisible();
  await page.getByLabel(w.username).fill(ACCOUNTS.admin[0]);
  await page.getByLabel(w.password).fill(ACCOUNTS.admin[1]);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await expect(page.getByLabel(w.message)).toHaveValue(reason);
  await takeStep(page, w.reject, 'Ditolak');
});

for (const lang of ['id', 'en']) {
  test(`the report page has no axe violations at 360 and 1280 px (${lang})`, async ({ page, request }) => {
    const ticket = await createReport(request, `Halte bus rusak dan atapnya bocor (${lang})`);
    await staffStep(request, ticket, 'verify');
    await openAs(page, ticket, 'admin', lang);
    await expect(stepButton(page, W[lang].forward)).toBeVisible();
    await expect(page.getByRole('heading', { name: W[lang].audit })).toBeVisible();
    await expectNoAxeViolations(page, `report page as admin at 360 (${lang})`);
    // With the error summary and inline errors showing.
    await stepButton(page, W[lang].forward).click();
    await expect(page.locator('.error-summary')).toContainText(W[lang].summary);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoAxeViolations(page, `report page with errors at 1280 (${lang})`);
  });
}
