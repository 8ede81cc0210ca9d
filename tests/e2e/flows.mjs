// The submission steps that several specs walk through, and the glossary words they find controls by.
import { expect } from '@playwright/test';
import { resolve } from 'node:path';
import { expectNoAxeViolations, screenshot } from './helpers.mjs';

export const fixture = (name) => resolve(import.meta.dirname, 'fixtures', name);

export const WORDS = {
  id: {
    continue: 'Lanjutkan', back: 'Kembali', send: 'Kirim laporan', complaint: 'Pengaduan', title: 'Judul laporan',
    body: 'Isi laporan', date: 'Tanggal kejadian', region: 'Lokasi kejadian', address: 'Alamat atau patokan',
    category: 'Kategori', agency: 'Instansi tujuan', attachments: 'Lampiran', name: 'Nama', email: 'Email',
    review: 'Periksa kembali laporan Anda', receipt: 'Laporan terkirim', summary: 'Ada yang perlu diperbaiki',
    kindError: 'Pilih klasifikasi laporan', titleError: 'Masukkan judul laporan', futureError: 'Tanggal kejadian tidak boleh setelah hari ini',
    startAgain: 'Mulai dari awal', startAgainYes: 'Ya, hapus dan mulai lagi', notSent: 'Laporan belum terkirim', sendAgain: 'Kirim ulang laporan',
  },
  en: {
    continue: 'Continue', back: 'Back', send: 'Send report', complaint: 'Complaint', title: 'Report title',
    body: 'Report details', date: 'Date of incident', region: 'Location', address: 'Address or landmark',
    category: 'Category', agency: 'Agency', attachments: 'Attachments', name: 'Name', email: 'Email',
    review: 'Check your report', receipt: 'Report sent', summary: 'There is a problem',
    kindError: 'Select the type of report', titleError: 'Enter a title for your report', futureError: 'The date of the incident cannot be after today',
    startAgain: 'Start again', startAgainYes: 'Yes, delete and start again', notSent: 'Your report has not been sent yet', sendAgain: 'Send the report again',
  },
};

export async function fillUntilReview(page, w, { title = 'Lampu jalan mati di Jl. Merdeka', attach = true, look = null } = {}) {
  // With `look`, each step is photographed and checked with axe-core on the way.
  const check = async (name) => {
    if (!look) return;
    await screenshot(page, `submit-${name}-${look}-360`);
    await expectNoAxeViolations(page, `${name} (${look})`);
  };
  await check('1-kind');
  await page.getByLabel(w.complaint, { exact: true }).check();
  await page.getByRole('button', { name: w.continue }).click();
  await check('2-details');
  await page.getByLabel(w.title).fill(title);
  await page.getByLabel(w.body).fill('Sudah seminggu lampu penerangan jalan mati sehingga jalan gelap dan rawan kecelakaan.');
  await page.getByLabel(w.date).fill('2026-01-15');
  await page.getByRole('button', { name: w.continue }).click();
  await check('3-location');
  await page.getByLabel(w.region, { exact: true }).selectOption({ label: 'Cempaka' });
  await page.getByLabel(w.address).fill('Depan pasar Cempaka');
  await page.getByLabel(w.category, { exact: true }).selectOption('jalan');
  await page.getByRole('button', { name: w.continue }).click();
  if (attach) {
    await page.getByLabel(w.attachments, { exact: true }).setInputFiles([fixture('jalan.png'), fixture('surat.pdf')]);
    await expect(page.locator('.attachment')).toHaveCount(2);
    await expect(page.locator('.attachment progress')).toHaveCount(0);
    await expect(page.locator('.attachment img')).toHaveCount(1);
  }
  await check('4-attachments');
  await page.getByRole('button', { name: w.continue }).click();
  await check('5-privacy');
  await page.getByLabel(w.name, { exact: true }).fill('Siti Aminah');
  await page.getByLabel(w.email, { exact: true }).fill('siti@contoh.id');
  await page.getByRole('button', { name: w.continue }).click();
  await expect(page.getByRole('heading', { name: w.review })).toBeVisible();
  // The date as people write it, in the page's language, not the form's ISO value.
  await expect(page.locator('.summary-row', { hasText: w.date }).locator('.answer')).toHaveText('15 Jan 2026');
}


/** The reference server's Open311 service "jalan" asks three questions (its attributes): answers them. */
export async function answerJalanQuestions(page, { title, date }) {
  await page.getByLabel('Judul laporan', { exact: true }).fill(title);
  await page.getByLabel('Kecamatan tempat kejadian', { exact: true }).selectOption({ label: 'Cempaka' });
  await page.getByLabel('Tanggal kejadian', { exact: true }).fill(date);
}

/** Open311's contact step (no confidentiality to choose): a name and an email, then on to the review. */
export async function fillOpen311Contact(page, w) {
  await expect(page.getByLabel('Rahasia', { exact: true })).toHaveCount(0);
  await page.getByLabel(w.name, { exact: true }).fill('Siti Aminah');
  await page.getByLabel(w.email, { exact: true }).fill('siti@contoh.id');
  await page.getByRole('button', { name: w.continue }).click();
}
