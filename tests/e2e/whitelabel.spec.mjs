// White-label: another city's config.json changes the name, logo, colours, language and contact line of
// the same build; a colour that fails contrast is applied but warned about in the console.
import { test, expect } from '@playwright/test';
import { baseUrl, expectNoAxeViolations, screenshot, useConfig } from './helpers.mjs';

const lestari = {
  portal_name: 'Lapor Kabupaten Lestari',
  logo_url: '/favicon.svg',
  primary_color: '#6a1b9a',
  accent_color: '#00695c',
  default_language: 'en',
  contact: 'Pusat layanan: 1500-123 · lapor@lestarikab.go.id',
  backend: { kind: 'aduan', base_url: '/api/v1' },
};


test("a second city's config.json re-brands the same build without rebuilding", async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await useConfig(page, lestari);
  await page.goto(`${baseUrl()}/`);
  await expect(page.locator('.brand')).toContainText('Lapor Kabupaten Lestari');
  await expect(page.locator('.brand img')).toHaveAttribute('src', '/favicon.svg');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Submit a report' })).toBeVisible();
  await expect(page.locator('.site-footer')).toContainText('Pusat layanan: 1500-123');
  const header = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(header).toBe('rgb(106, 27, 154)');
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-accent').trim());
  expect(accent).toBe('#00695c');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#6a1b9a');
  await expect(page).toHaveTitle(/Lapor Kabupaten Lestari/);
  expect(warnings.filter((w) => w.includes('contrast'))).toEqual([]);
  await screenshot(page, 'whitelabel-lestari-360');
  await expectNoAxeViolations(page, 'a second city');
});

test('a theme colour that fails contrast is reported in the console', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await useConfig(page, { ...lestari, primary_color: '#ffeb3b' });
  await page.goto(`${baseUrl()}/`);
  await expect(page.locator('.brand')).toContainText('Lapor Kabupaten Lestari');
  await expect.poll(() => warnings.find((w) => w.includes('primary_color #ffeb3b'))).toContain('WCAG 2.1 AA needs 4.5:1');
});

test('a portal in another time zone (WITA) shows times in it, from config.json alone', async ({ page, request }) => {
  const { items } = await (await request.get(`${baseUrl()}/api/v1/reports?per_page=1`)).json();
  const { ticket, created_at: createdAt } = items[0];
  const clock = (hours) => {
    const t = new Date(Date.parse(createdAt) + hours * 3600e3);
    return `${String(t.getUTCHours()).padStart(2, '0')}.${String(t.getUTCMinutes()).padStart(2, '0')}`;
  };
  await useConfig(page, { ...lestari, default_language: 'id', time_zone: 'WITA' });
  await page.goto(`${baseUrl()}/lacak/${ticket}`);
  await expect(page.locator('.summary-row', { hasText: 'Dikirim' }).locator('dd')).toHaveText(new RegExp(`, ${clock(8)} WITA$`));
  await expect(page.locator('.timeline-when time').first()).toContainText('WITA');
});
