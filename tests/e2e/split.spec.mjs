// How the wasm is split (scripts/build-wasm.mjs, tools/wasm-split-cli): the staff console is a "consumer"
// module, so it must not cut the citizen pages' shared chunks in two (issue #17: a citizen's first visit
// downloads no more than before the console), and it must work whichever of it and a citizen page loads first.
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { baseUrl, watchErrors } from './helpers.mjs';
import { CONSUMERS, filesByModule } from '../../scripts/split-loader.mjs';

const dist = new URL('../../dist/', import.meta.url);

test('no two wasm files are loaded by the same citizen pages: the console adds no cut to their chunks', () => {
  const loader = readdirSync(dist).find((name) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(name));
  const modules = filesByModule(readFileSync(new URL(loader, dist), 'utf8'));
  const citizen = Object.keys(modules).filter((name) => !CONSUMERS.includes(name));
  expect(citizen.length).toBeGreaterThan(1);
  // Each file, by the set of citizen modules that load it. Without the console, the splitter makes one file
  // per set; a file per (set, with or without the console) would show as two files with the same set.
  const filesBySet = new Map();
  for (const file of new Set(citizen.flatMap((name) => modules[name]))) {
    const set = citizen.filter((name) => modules[name].includes(file)).join(',');
    filesBySet.set(set, [...(filesBySet.get(set) ?? []), file]);
  }
  for (const [set, files] of filesBySet) expect(files, `files loaded by exactly ${set}`).toHaveLength(1);
});

test('the console opens after a citizen page loaded its chunks, and a citizen page after the console', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`${baseUrl()}/lapor`);
  await expect(page.getByLabel('Pengaduan', { exact: true })).toBeVisible();
  await page.getByRole('contentinfo').getByRole('link', { name: 'Petugas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();

  await page.goto(`${baseUrl()}/petugas`);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  // In-app navigation, so that the modules the console loaded are reused rather than reloaded.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Statistik' }).click();
  await expect(page.locator('#status-table tbody tr').first()).toBeVisible();
  await nav.getByRole('link', { name: 'Sampaikan Laporan' }).click();
  await expect(page.getByLabel('Pengaduan', { exact: true })).toBeVisible();
  expect(errors.filter((e) => e.startsWith('pageerror') || e.includes('panicked'))).toEqual([]);
});

test.describe('the English messages are a chunk of their own', () => {
  // The service worker would fetch every file in the background: this is about what the page itself asks for.
  test.use({ serviceWorkers: 'block' });

  test('a visit in Bahasa Indonesia never downloads them; choosing English fetches them and the page follows', async ({ page }) => {
    const errors = watchErrors(page);
    const english = [];
    page.on('request', (r) => {
      if (/\/split_english-[0-9a-f]{16}\.wasm$/.test(r.url())) english.push(r.url());
    });
    await page.goto(`${baseUrl()}/lacak`);
    await expect(page.getByRole('button', { name: 'Lacak', exact: true })).toBeVisible();
    await page.getByLabel('Nomor tiket').fill('ABC');
    expect(english).toEqual([]);
    expect(await page.locator('link[rel="preload"][href*="split_english-"]').count()).toBe(0);

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Track', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // Nothing typed is lost by the change of language.
    await expect(page.getByLabel('Ticket number')).toHaveValue('ABC');
    expect(english).toHaveLength(1);

    // Remembered: the next visit asks for them alongside the main module and opens in English.
    await page.reload();
    expect(await page.locator('link[rel="preload"][href*="split_english-"]').count()).toBe(1);
    await expect(page.getByRole('button', { name: 'Track', exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
