// Tracking at 360×740: a report's timeline and working-day deadlines as the operator moves it, the access
// code for confidential content, replies and ratings, and typo checks made before any request.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, makeTicket, moveReport, operator, regainFocus, screenshot, watchErrors } from './helpers.mjs';
import { readFileSync } from 'node:fs';
import { WORDS, fillUntilReview, fixture } from './flows.mjs';

const T = {
  id: {
    status: { submitted: 'Diterima', verified: 'Terverifikasi', dispositioned: 'Didisposisikan ke instansi', in_progress: 'Ditindaklanjuti', completed: 'Selesai' },
    verify: 'Verifikasi oleh admin', respond: 'Tanggapan instansi', escalation: 'Eskalasi ke Ombudsman',
    dueIn3: 'jatuh tempo dalam 3 hari kerja', within0of3: 'selesai dalam 0 dari 3 hari kerja', within0of10: 'selesai dalam 0 dari 10 hari kerja',
    escalationIn60: '60 hari kerja lagi jika belum selesai', escalationDone: 'laporan selesai sebelum batas ini', late: /terlambat \d[\d.]* hari kerja/,
    escalated: 'laporan telah dieskalasi ke Ombudsman', moot: 'tidak berlaku lagi',
    escalatedByPortal: 'Laporan belum diselesaikan dalam 60 hari kerja dan dieskalasi ke Ombudsman RI.', confidential: 'Laporan ini rahasia', code: 'Kode akses', unlock: 'Buka dengan kode akses', wrongCode: 'Kode akses salah',
    reply: 'Balasan Anda', sendReply: 'Kirim balasan', replyEvent: 'Balasan pelapor', rate: 'Kirim penilaian', ratingRequired: 'Pilih nilai 1 sampai 5',
    four: '4 — Baik', comment: 'Komentar (opsional)', rated: 'Penilaian Anda: 4 dari 5', ratingEvent: 'Penilaian dari pelapor', notFound: 'Tidak ada laporan dengan nomor tiket ini',
  },
  en: {
    status: { submitted: 'Received', verified: 'Verified', dispositioned: 'Forwarded to agency', in_progress: 'In progress', completed: 'Completed' },
    verify: 'Verification by the administrator', respond: 'Agency response', escalation: 'Escalation to the Ombudsman',
    dueIn3: 'due in 3 working days', within0of3: 'done within 0 of 3 working days', within0of10: 'done within 0 of 10 working days',
    escalationIn60: 'in 60 working days if not completed', escalationDone: 'completed before this date', late: /\d[\d,]* working days? late/,
    escalated: 'the report has been escalated to the Ombudsman', moot: 'no longer applies',
    escalatedByPortal: 'Not completed within 60 working days, so the report was escalated to the Ombudsman RI.', confidential: 'This report is confidential', code: 'Access code', unlock: 'Open with access code', wrongCode: 'The access code is wrong',
    reply: 'Your reply', sendReply: 'Send reply', replyEvent: 'Reply from the reporter', rate: 'Send rating', ratingRequired: 'Choose a rating from 1 to 5',
    four: '4 — Good', comment: 'Comment (optional)', rated: 'Your rating: 4 of 5', ratingEvent: 'Rating from the reporter', notFound: 'There is no report with this ticket number',
  },
};




const deadlineRow = (page, label) => page.locator('.deadline').filter({ has: page.locator('dt', { hasText: label }) });

async function createByApi(request, { confidential, title, attachment_ids = [] }) {
  const res = await request.post(`${baseUrl()}/api/v1/reports`, {
    headers: { 'idempotency-key': `track-${title}-${Date.now()}` },
    data: {
      kind: 'complaint', title, body: 'Antrean pembuatan KTP sudah tiga minggu tanpa kepastian jadwal.', incident_date: '2026-01-15',
      category_id: 'jalan', region_id: 'cempaka', address: 'Kantor kecamatan', anonymous: false, confidential, attachment_ids,
      reporter: { name: 'Budi Santoso', email: 'budi@contoh.id', phone: '' },
    },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

for (const lang of ['id', 'en']) {
  test(`a report sent through the form shows each operator step with its deadline wording (${lang})`, async ({ page, request }) => {
    const errors = watchErrors(page);
    const t = T[lang];
    await page.goto(`${baseUrl()}/lapor?lang=${lang}`);
    await fillUntilReview(page, WORDS[lang], { title: `Jalan berlubang di depan sekolah (${lang})`, attach: false });
    await page.getByRole('button', { name: WORDS[lang].send }).click();
    const ticket = await page.locator('.ticket-number').getAttribute('data-ticket');
    await page.getByRole('link', { name: lang === 'id' ? 'Lacak laporan ini' : 'Track this report' }).click();

    await expect(page.locator('.status-badge')).toHaveText(t.status.submitted);
    await expect(page).toHaveTitle(new RegExp(`${ticket.slice(0, 3)}-${ticket.slice(3, 6)}-${ticket.slice(6)} — ${t.status.submitted}`));
    await expect(deadlineRow(page, t.verify)).toContainText(t.dueIn3);
    await expect(deadlineRow(page, t.escalation)).toContainText(t.escalationIn60);
    await expect(page.locator('.report-title')).toHaveText(`Jalan berlubang di depan sekolah (${lang})`);
    await expect(page.locator('.timeline li')).toHaveCount(1);

    const agency = (await (await request.get(`${baseUrl()}/api/v1/portal`)).json()).agencies[0];
    const steps = [
      ['verified', 'Laporan lengkap dan dapat ditindaklanjuti.', {}],
      ['dispositioned', `Diteruskan ke ${agency.name}.`, { agency_id: agency.id }],
      ['in_progress', 'Petugas akan menambal jalan pekan ini.', {}],
      ['completed', 'Jalan sudah ditambal.', {}],
    ];
    for (const [to, message, extra] of steps) {
      await moveReport(request, ticket, to, message, extra);
      await regainFocus(page);
      await expect(page.locator('.status-badge')).toHaveText(t.status[to]);
      await expect(page.locator('.timeline li').last()).toContainText(t.status[to]);
      await expect(page.locator('.timeline li').last()).toContainText(message);
      if (to === 'verified') await expect(deadlineRow(page, t.verify)).toContainText(t.within0of3);
      if (to === 'dispositioned') await expect(page.locator('.summary-list').first()).toContainText(agency.name);
    }
    await expect(page.locator('.timeline li')).toHaveCount(5);
    await expect(deadlineRow(page, t.verify)).toHaveAttribute('data-tone', 'on-time');
    await expect(deadlineRow(page, t.respond)).toContainText(t.within0of10);
    await expect(deadlineRow(page, t.escalation)).toContainText(t.escalationDone);
    await expect(page).toHaveTitle(new RegExp(`— ${t.status.completed} —`));
    await screenshot(page, `track-completed-${lang}-360`);
    await expectNoAxeViolations(page, `tracking (${lang})`);

    // "My reports on this device" lists it with its current status.
    await page.goto(`${baseUrl()}/lacak?lang=${lang}`);
    await expect(page.locator('.my-reports li').first()).toContainText(t.status.completed);
    expect(errors).toEqual([]);
  });

  test(`a late agency response is shown as late (${lang})`, async ({ page, request }) => {
    const t = T[lang];
    const queue = await (await request.get(`${baseUrl()}/api/v1/operator/reports?status=completed&per_page=100`, { headers: operator() })).json();
    const late = queue.items.find((r) => r.deadlines.respond.met === false && !r.confidential);
    expect(late, 'the demo city has completed reports answered late').toBeTruthy();
    await page.goto(`${baseUrl()}/lacak/${late.ticket}?lang=${lang}`);
    const row = deadlineRow(page, t.respond);
    await expect(row).toContainText(t.late);
    await expect(row).toHaveAttribute('data-tone', 'late');
    await screenshot(page, `track-late-${lang}-360`);

    // An escalated report missed its escalation date; its agency may still answer, so that deadline runs on.
    const escalatedQueue = await (await request.get(`${baseUrl()}/api/v1/operator/reports?status=escalated&per_page=100`, { headers: operator() })).json();
    const escalated = escalatedQueue.items.find((r) => !r.confidential);
    expect(escalated, 'the demo city has escalated reports').toBeTruthy();
    await page.goto(`${baseUrl()}/lacak/${escalated.ticket}?lang=${lang}`);
    await expect(deadlineRow(page, t.escalation)).toContainText(t.escalated);
    await expect(deadlineRow(page, t.escalation)).toHaveAttribute('data-tone', 'late');
    await expect(deadlineRow(page, t.respond)).not.toContainText(t.moot);
    // The portal's own step is worded in the citizen's language (the server stores it in Indonesian).
    await expect(page.locator('.timeline li').filter({ hasText: t.status.escalated }).last()).toContainText(t.escalatedByPortal);
  });
}

test('a confidential report needs its code; replies and ratings need it too and show in the timeline at once', async ({ page, request }) => {
  const errors = watchErrors(page);
  const t = T.id;
  const title = 'Pungutan liar di loket KTP';
  const pdf = readFileSync(fixture('surat.pdf'));
  const upload = await request.post(`${baseUrl()}/api/v1/attachments`, { multipart: { file: { name: 'surat.pdf', mimeType: 'application/pdf', buffer: pdf } } });
  expect(upload.status()).toBe(201);
  const created = await createByApi(request, { confidential: true, title, attachment_ids: [(await upload.json()).id] });
  const { ticket, access_code: code } = created;

  // Without the code: no title, no body, nothing to reply with; the API refuses replies and ratings.
  await page.goto(`${baseUrl()}/lacak/${ticket}`);
  await expect(page.locator('.notice').first()).toContainText(t.confidential);
  await expect(page.getByText(title)).toHaveCount(0);
  await expect(page.getByRole('button', { name: t.sendReply })).toHaveCount(0);
  expect((await request.post(`${baseUrl()}/api/v1/reports/${ticket}/replies`, { data: { message: 'tanpa kode' } })).status()).toBe(401);
  expect((await request.post(`${baseUrl()}/api/v1/reports/${ticket}/replies`, { headers: { 'x-access-code': 'ABCD-EFGH' }, data: { message: 'kode salah' } })).status()).toBe(403);

  // Empty, then a wrong code: refused with a message at the field; then the right one reveals the report.
  await page.getByRole('button', { name: t.unlock }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' })).toContainText('Masukkan kode akses');
  await page.getByLabel(t.code).fill('ABCD-EFGH');
  await page.getByRole('button', { name: t.unlock }).click();
  await expect(page.locator('#access-code-error')).toContainText(t.wrongCode);
  await expect(page.getByText(title)).toHaveCount(0);
  await page.getByLabel(t.code).fill(code.toLowerCase());
  await expect(page.getByText('Tidak ada lampiran yang dapat ditampilkan.')).toBeVisible();
  await page.getByRole('button', { name: t.unlock }).click();
  await expect(page.locator('.report-title')).toHaveText(title);
  // Its attachment opens only through the app, with the code: the bytes are the uploaded file's.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'surat.pdf' }).click()]);
  expect(file.suggestedFilename()).toBe('surat.pdf');
  expect(readFileSync(await file.path()).equals(pdf)).toBe(true);

  // An empty reply is caught here; a real one appears in the timeline without a reload.
  await page.getByRole('button', { name: t.sendReply }).click();
  await expect(page.locator('#reply-error')).toContainText('Tulis balasan Anda');
  const reply = 'Kejadiannya hari Senin sekitar pukul 10 pagi, <b>loket 3</b>.';
  await page.getByLabel(t.reply).fill(reply);
  await page.getByRole('button', { name: t.sendReply }).click();
  const last = page.locator('.timeline li').last();
  await expect(last).toContainText(t.replyEvent);
  await expect(last.locator('.timeline-message')).toHaveText(reply);
  await expect(page.locator('.timeline b')).toHaveCount(0);
  await expect(page.getByLabel(t.reply)).toHaveValue('');

  // A typed reply survives a background refresh that changes the status.
  await page.getByLabel(t.reply).fill('Saya juga punya foto kuitansinya.');
  await page.getByLabel(t.reply).focus();
  await moveReport(request, ticket, 'verified', 'Laporan diverifikasi.');
  await regainFocus(page);
  await expect(page.locator('.status-badge')).toHaveText(t.status.verified);
  await expect(page.getByLabel(t.reply)).toHaveValue('Saya juga punya foto kuitansinya.');
  await expect(page.getByLabel(t.reply)).toBeFocused();

  // Once completed: rating needs a choice, then shows its result.
  const agency = (await (await request.get(`${baseUrl()}/api/v1/portal`)).json()).agencies[1];
  await moveReport(request, ticket, 'dispositioned', 'Diteruskan.', { agency_id: agency.id });
  await moveReport(request, ticket, 'in_progress', 'Sedang diperiksa.');
  expect((await request.post(`${baseUrl()}/api/v1/reports/${ticket}/rating`, { headers: { 'x-access-code': code }, data: { rating: 4 } })).status()).toBe(409);
  await moveReport(request, ticket, 'completed', 'Petugas loket sudah ditindak.');
  await regainFocus(page);
  await expect(page.getByRole('button', { name: t.rate })).toBeVisible();
  await screenshot(page, 'track-reporter-id-360');
  await expectNoAxeViolations(page, 'tracking with the access code');
  expect((await request.post(`${baseUrl()}/api/v1/reports/${ticket}/rating`, { data: { rating: 4 } })).status()).toBe(401);
  await page.getByRole('button', { name: t.rate }).click();
  await expect(page.locator('#rating-error')).toContainText(t.ratingRequired);
  await page.getByLabel(t.four).check();
  await page.getByLabel(t.comment).fill('Cepat ditangani, terima kasih.');
  await page.getByRole('button', { name: t.rate }).click();
  await expect(page.locator('.rating-given')).toContainText(t.rated);
  await expect(page.getByRole('button', { name: t.rate })).toHaveCount(0);
  await expect(page.locator('.timeline li').last()).toContainText(t.ratingEvent);
  await expect(page.locator('.timeline li').last()).toContainText('Cepat ditangani, terima kasih.');
  // The browser logs the refused wrong code (403) itself; nothing else may fail.
  expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
  expect(errors.filter((e) => e.includes('status of 403'))).toHaveLength(1);
});

test('a mistyped ticket is caught as it is typed and on Track, with no request; an unknown one is not found', async ({ page }) => {
  const ticket = makeTicket('K7M3Q9XR');
  const substituted = ticket.slice(0, 4) + (ticket[4] === 'A' ? 'B' : 'A') + ticket.slice(5);
  const swapped = ticket.slice(0, 2) + ticket[3] + ticket[2] + ticket.slice(4);
  await page.goto(`${baseUrl()}/lacak`);
  await page.waitForLoadState('networkidle');
  const apiCalls = [];
  page.on('request', (r) => { if (r.url().includes('/api/')) apiCalls.push(r.url()); });
  const field = page.getByLabel('Nomor tiket');
  for (const typo of [substituted, swapped.toLowerCase()]) {
    await field.fill('');
    await field.pressSequentially(typo.slice(0, 8));
    await expect(page.locator('#ticket-error')).toHaveCount(0);
    await field.pressSequentially(typo.slice(8));
    await expect(page.locator('#ticket-error')).toContainText('salah ketik');
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Ada yang perlu diperbaiki');
    await expect(summary).toContainText('salah ketik');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  }
  expect(apiCalls).toEqual([]);
  await field.fill(` ${ticket.slice(0, 3)}-${ticket.slice(3, 6)} ${ticket.slice(6).toLowerCase()} `);
  await expect(page.locator('#ticket-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Lacak', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/lacak/${ticket}$`));
  await expect(page.locator('.ticket-number')).toHaveText(`${ticket.slice(0, 3)}-${ticket.slice(3, 6)}-${ticket.slice(6)}`);
  await expect(page.getByRole('alert')).toContainText(T.id.notFound);
});

for (const width of [360, 1280]) {
  for (const lang of ['id', 'en']) {
    test(`the tracking page has no accessibility violations at ${width} px in ${lang}`, async ({ page, request }) => {
      const { ticket } = await createByApi(request, { confidential: false, title: 'Sampah menumpuk di pasar' });
      await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
      await page.goto(`${baseUrl()}/lacak/${ticket}?lang=${lang}`);
      await expect(page.locator('.report-title')).toHaveText('Sampah menumpuk di pasar');
      await screenshot(page, `track-public-${lang}-${width}`);
      await expectNoAxeViolations(page, `tracking ${lang} ${width}`);
    });
  }
}

test('a ticket page asks for the report without waiting for the portal lists, and shows it once both arrive', async ({ page, request }) => {
  const { items } = await (await request.get(`${baseUrl()}/api/v1/reports?per_page=1`)).json();
  const ticket = items[0].ticket;
  let reportAsked;
  const asked = new Promise((resolve) => { reportAsked = resolve; });
  page.on('request', (r) => { if (new URL(r.url()).pathname === `/api/v1/reports/${ticket}`) reportAsked(); });
  // The lists are held back until the report has been asked for: a page that waited for them would never ask.
  await page.route('**/api/v1/portal', async (route) => { await asked; await route.continue(); });
  await page.goto(`${baseUrl()}/lacak/${ticket}`);
  await expect(page.locator('.ticket-number')).toHaveAttribute('data-ticket', ticket);
  await expect(page.locator('.status-badge')).toBeVisible();
  await expect(page.locator('.timeline li').first()).toBeVisible();
});
