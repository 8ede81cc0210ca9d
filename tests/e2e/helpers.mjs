import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const baseUrl = () => process.env.ADUAN_URL;

/** The operator API's authorisation header (the token global-setup gave the server). */
export const operator = () => ({ authorization: `Bearer ${process.env.ADUAN_OPERATOR_TOKEN}` });

/** Moves a report one workflow step through the operator API. */
export async function moveReport(request, ticket, to, message, extra = {}) {
  const res = await request.post(`${baseUrl()}/api/v1/operator/reports/${ticket}/transitions`, { headers: operator(), data: { to, message, ...extra } });
  expect(res.status(), await res.text()).toBe(200);
}

/** The tracking page reloads its report when the window regains focus. */
export async function regainFocus(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

/** The backends one build can use, as `config.json` names them (Open311 is the reference server's). */
export const BACKENDS = {
  aduan: { kind: 'aduan', base_url: '/api/v1' },
  open311: { kind: 'open311', base_url: '/open311/v2', jurisdiction_id: 'sukamaju.go.id' },
};

/** The value shown for one headline figure. */
export const figure = (page, id) => page.locator(`[data-figure="${id}"] .figure-value`);

/** Serves `config` as the page's config.json: another city or backend for the same build. */
export async function useConfig(page, config) {
  await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(config) }));
}

/** Collects page errors and console errors, so a test can assert that nothing broke (including the CSP). */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  return errors;
}

/** Runs axe-core (WCAG 2.1 A/AA rules) in the page. evaluate() is not subject to the page's CSP. */
export async function expectNoAxeViolations(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** How the app formats figures, written independently of the Rust code: 5.000 / 79,2 % (id), 5,000 / 79.2 % (en). */
export function formatCount(n, lang) {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US').format(n);
}

export function formatPercent(rate, lang) {
  const text = String(Number((rate * 100).toFixed(1)));
  return `${lang === 'id' ? text.replace('.', ',') : text} %`;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `target/e2e-screens/${name}.png`, fullPage: true });
}

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A valid ticket from 8 body characters: the check character makes Σ (i+1)·value ≡ 0 (mod 31). */
export function makeTicket(body) {
  const sum = [...body].reduce((acc, c, i) => acc + (i + 1) * ALPHABET.indexOf(c), 0);
  for (const c of ALPHABET) {
    if ((sum + 9 * ALPHABET.indexOf(c)) % 31 === 0) return body + c;
  }
  throw new Error('unreachable');
}

/** A ticket as receipts, lists and the console write it: ABC-DEF-GHJ. */
export const grouped = (t) => `${t.slice(0, 3)}-${t.slice(3, 6)}-${t.slice(6)}`;
