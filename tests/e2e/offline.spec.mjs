// The installable shell: after a first visit the portal opens with the network cut, a draft can be written,
// and it is sent exactly once when the network is back. API answers with personal data are never cached.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKENDS, baseUrl } from './helpers.mjs';
import { WORDS, answerJalanQuestions, fillOpen311Contact, fillUntilReview } from './flows.mjs';
import { root, startServer, UNLIMITED_READS } from './server.mjs';

test.use({ serviceWorkers: 'allow' });

/** The paths of everything the service worker keeps. */
async function cachedPaths(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
}

test('offline after a first visit: the portal opens, a draft is written, and it is sent once back online', async ({ page, context, request }) => {
  await page.goto(`${baseUrl()}/lapor`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  // A visit under the service worker keeps the portal description for offline use.
  await page.reload();
  await expect(page.getByLabel(WORDS.id.complaint, { exact: true })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sampaikan Laporan');
  expect(await page.evaluate(() => fetch('/healthz').then(() => 'online', () => 'offline'))).toBe('offline');
  // A page never opened online opens too: the service worker keeps every page's wasm chunk.
  await page.getByRole('link', { name: 'Laporan Publik', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laporan Publik');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sampaikan Laporan');
  const title = `Jembatan retak (luring ${Date.now()})`;
  await fillUntilReview(page, WORDS.id, { title, attach: false });
  await page.getByRole('button', { name: WORDS.id.send }).click();
  await expect(page.getByRole('alert').filter({ hasText: WORDS.id.notSent })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS.id.receipt, { timeout: 20_000 });
  const found = await (await request.get(`${baseUrl()}/api/v1/reports?q=${encodeURIComponent(title.split(' (')[0])}&per_page=100`)).json();
  expect(found.items.filter((r) => r.title === title)).toHaveLength(1);

  const cached = await cachedPaths(page);
  expect(cached).toContain('/');
  expect(cached.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(cached.filter((u) => u.startsWith('/api/'))).toEqual(['/api/v1/portal']);
});

test('the service worker is installed only after the first visit has loaded and settled', async ({ page }) => {
  // Installing downloads every page's code; during the first visit it would compete with the page's own data.
  await page.addInitScript(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.__registeredAt = performance.now();
      return register(...args);
    };
  });
  await page.goto(`${baseUrl()}/statistik`);
  await expect(page.getByRole('table').first()).toBeVisible();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const { registeredAt, loadedAt } = await page.evaluate(() => ({
    registeredAt: window.__registeredAt,
    loadedAt: performance.getEntriesByType('navigation')[0].loadEventStart,
  }));
  expect(loadedAt).toBeGreaterThan(0);
  // 2 s after load by the app's timer; the margin only absorbs the coarse clock of performance.now().
  expect(registeredAt - loadedAt).toBeGreaterThanOrEqual(1990);
});

// The same with an Open311 backend: a second portal whose config.json points at the reference server's
// /open311/v2. The service list and the definitions seen online are kept, so the form and its questions work
// offline; the request goes out once when the network is back.
test.describe('with an Open311 backend', () => {
  let portal;
  let dir;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-open311-'));
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'dist', 'config.json'), 'utf8'));
    writeFileSync(join(dir, 'dist', 'config.json'), JSON.stringify({ ...config, backend: BACKENDS.open311 }));
    portal = await startServer(['--data', join(dir, 'data'), '--static', join(dir, 'dist'), '--demo', '--demo-reports', '50', '--rate-limit', '1000', ...UNLIMITED_READS]);
  });

  test.afterAll(() => {
    portal.server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  test('offline, the form and the questions of a category seen online still work; a refusal stops the retries', async ({ page, context, request }) => {
    const w = WORDS.id;
    await page.goto(`${portal.url}/lapor`);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.reload();
    // The app only asks that a description is given; the server wants 30 characters. Sent offline, the
    // short one is refused once the network is back, and that answer stops the automatic retries.
    await page.getByLabel(w.body).fill('Lampu taman mati.');
    await page.getByRole('button', { name: w.continue }).click();
    await page.getByLabel(w.category, { exact: true }).selectOption('jalan');
    await expect(page.getByLabel('Judul laporan', { exact: true })).toBeVisible();

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('#step-heading')).toHaveText('Langkah 2 dari 4');
    await expect(page.getByLabel(w.category, { exact: true })).toHaveValue('jalan');
    await answerJalanQuestions(page, { title: 'Lampu taman mati', date: '2026-11-20' });
    await page.getByRole('button', { name: w.continue }).click();
    await fillOpen311Contact(page, w);
    await page.getByRole('button', { name: w.send }).click();
    await expect(page.getByRole('alert').filter({ hasText: w.notSent })).toBeVisible();

    const answered = [];
    page.on('requestfinished', (r) => { if (r.method() === 'POST') answered.push(r.url()); });
    await context.setOffline(false);
    await expect(page.locator('.error-summary').getByRole('link')).toHaveText('Isi laporan: Terlalu pendek.', { timeout: 20_000 });
    await expect(page.getByRole('alert').filter({ hasText: w.notSent })).toHaveCount(0);
    await page.waitForTimeout(4_000); // longer than the first two automatic retries' waits
    expect(answered).toHaveLength(1);

    const body = `Lampu taman mati total sejak kemarin malam (luring ${Date.now()}).`;
    await page.getByLabel(w.body).fill(body);
    for (let step = 0; step < 3; step++) await page.getByRole('button', { name: w.continue }).click();
    await page.getByRole('button', { name: w.send }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.receipt);
    const sent = await (await request.get(`${portal.url}/open311/v2/requests.json`)).json();
    expect(sent.filter((r) => r.description === body)).toHaveLength(1);
    const cached = await cachedPaths(page);
    expect(cached).toEqual(expect.arrayContaining(['/open311/v2/services.json', '/open311/v2/services/jalan.json']));
    expect(cached.filter((u) => u.startsWith('/open311/') && !u.includes('/services'))).toEqual([]);
  });
});
