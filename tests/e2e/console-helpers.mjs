// What the staff console's browser tests share: signing in through the console's form, and setting a scene
// through the API (a fresh report, a step taken by the operator's service account).
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { baseUrl, operator } from './helpers.mjs';
import { fixture } from './flows.mjs';

const SIGN_IN = {
  id: { username: 'Nama pengguna', password: 'Kata sandi', signIn: 'Masuk', nav: 'Menu petugas' },
  en: { username: 'Username', password: 'Password', signIn: 'Sign in', nav: 'Staff menu' },
};

/** The sign-in form, on whatever page shows it: fills it and waits for the console's menu. */
export async function signIn(page, [username, password], lang = 'id') {
  const w = SIGN_IN[lang];
  await page.getByLabel(w.username, { exact: true }).fill(username);
  await page.getByLabel(w.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  // Argon2 on a busy machine: generous, as a sign-in may queue behind others' hashes.
  await expect(page.getByRole('navigation', { name: w.nav })).toBeVisible({ timeout: 20_000 });
}

/** A fresh report through the citizen API, with a reporter and one attachment (surat.pdf). */
export async function createReport(request, title, { category = 'jalan' } = {}) {
  const upload = await request.post(`${baseUrl()}/api/v1/attachments`, {
    multipart: { file: { name: 'surat.pdf', mimeType: 'application/pdf', buffer: readFileSync(fixture('surat.pdf')) } },
  });
  expect(upload.status()).toBe(201);
  const res = await request.post(`${baseUrl()}/api/v1/reports`, {
    headers: { 'idempotency-key': `console-${title}-${Date.now()}` },
    data: {
      kind: 'complaint', title, body: 'Lubang besar di tengah jalan membahayakan pengendara motor setiap malam.', incident_date: '2026-01-15',
      category_id: category, region_id: 'cempaka', address: 'Depan pasar Cempaka', anonymous: false, confidential: false,
      attachment_ids: [(await upload.json()).id], reporter: { name: 'Budi Santoso', email: 'budi@contoh.id', phone: '' },
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).ticket;
}

/** A step taken through the staff API as the service account `operator` (role admin), to set a scene. */
export async function staffStep(request, ticket, action, message = '', agency_id) {
  const res = await request.post(`${baseUrl()}/api/v1/staff/reports/${ticket}/steps`, { headers: operator(), data: { action, message, agency_id } });
  expect(res.status(), await res.text()).toBe(200);
}
