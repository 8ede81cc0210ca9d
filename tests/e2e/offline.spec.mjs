// The installable shell: after a first visit the portal opens with the network cut, a draft can be written,
// and it is sent exactly once when the network is back. API answers with personal data are never cached.
import { test, expect } from '@playwright/test';
import { baseUrl } from './helpers.mjs';
import { WORDS, fillUntilReview } from './flows.mjs';

test.use({ serviceWorkers: 'allow' });

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
  const title = `Jembatan retak (luring ${Date.now()})`;
  await fillUntilReview(page, WORDS.id, { title, attach: false });
  await page.getByRole('button', { name: WORDS.id.send }).click();
  await expect(page.getByRole('alert').filter({ hasText: WORDS.id.notSent })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS.id.receipt, { timeout: 20_000 });
  const found = await (await request.get(`${baseUrl()}/api/v1/reports?q=${encodeURIComponent(title.split(' (')[0])}&per_page=100`)).json();
  expect(found.items.filter((r) => r.title === title)).toHaveLength(1);

  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain('/');
  expect(cached.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(cached.filter((u) => u.startsWith('/api/'))).toEqual(['/api/v1/portal']);
});
