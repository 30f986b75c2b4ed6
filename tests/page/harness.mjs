// What the page tests share: one headless Chromium (playwright-core driving
// /usr/bin/chromium; no browser download), one server (server.mjs) with the
// strict CSP + Trusted Types header, and helpers that open a page, record
// what must stay clean and check it on close.
//
// Each test file calls `useBrowser()` once at its top level; the browser and
// the server are started by the first and closed after the last test.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, STRICT_CSP } from './server.mjs';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_ARTICLES = JSON.parse(readFileSync(join(HERE, 'fixtures/articles.json'), 'utf8'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];

/** `h.browser`, `h.server`: set once `useBrowser()`'s `before` hook ran. */
export const h = { browser: null, server: null };
let users = 0;
let starting = null; // one browser and one server, however many files ask

export function useBrowser() {
  before(async () => {
    users++;
    starting ??= (async () => {
      h.server = await serve({ csp: STRICT_CSP });
      h.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    })();
    await starting;
  });
  after(async () => {
    if (--users > 0) return;
    await starting?.catch(() => {});
    await h.browser?.close();
    await h.server?.close();
    h.browser = h.server = starting = null;
  });
}

/**
 * Opens a page and records what must stay clean: console errors, uncaught
 * exceptions, CSP (and Trusted Types) violations, requests outside the
 * origin, and the workers started. `setup(page, context)` runs before the
 * navigation (routes, init scripts).
 */
export async function open(path = '/', { width = 1200, height = 900, colorScheme = 'light', server = h.server, setup } = {}) {
  const context = await h.browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const log = { errors: [], violations: [], foreign: [], requests: [], workers: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    log.requests.push(r.url());
    if (!r.url().startsWith(server.url + '/')) log.foreign.push(r.url());
  });
  page.on('worker', (w) => log.workers.push(w.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''}`.trim()),
    );
  });
  await setup?.(page, context);
  await page.goto(server.url + path);
  return { page, context, log, server };
}

/** Console errors logged by the element itself (`<fact-panel>: …`). */
export const own = (log) => log.errors.filter((e) => /^<[a-z-]+>: /.test(e));

/**
 * Closes the page after checking it stayed clean. `expectedErrors`: the
 * console errors allowed (default none); `ownErrors`: how many of them the
 * element logged (checked when given).
 */
export async function close({ page, context, log }, { expectedErrors = 0, ownErrors } = {}) {
  const csp = await page.evaluate(() => window.__csp);
  await context.close();
  assert.deepEqual(csp, [], 'CSP violations');
  assert.deepEqual(log.foreign, [], 'requests outside the page origin');
  assert.deepEqual(log.errors.filter((e) => e.startsWith('uncaught')), [], 'no exception escapes to the page');
  if (ownErrors !== undefined) assert.equal(own(log).length, ownErrors, `console errors of the element: ${JSON.stringify(log.errors)}`);
  assert.equal(log.errors.length, expectedErrors, `console errors: ${JSON.stringify(log.errors)}`);
}

export async function ready(page, selector = '#panel') {
  await page.waitForFunction((s) => document.querySelector(s)?.data, selector, { timeout: 30_000 });
}

/** Waits until the panel's alert (role="alert") shows a message matching `re`; returns it. */
export async function alertMatching(page, re, selector = '#panel') {
  await page.waitForFunction(
    ([s, source, flags]) => new RegExp(source, flags).test(document.querySelector(s)?.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? ''),
    [selector, re.source, re.flags],
    { timeout: 30_000 },
  );
  return text(page.locator(`${selector} [role="alert"]`));
}

export const inPanel = (page, css, panel = '#panel') => page.locator(`${panel} ${css}`);

export async function text(locator) {
  return (await locator.textContent())?.replace(/\s+/g, ' ').trim();
}

/** Adds a `<fact-panel id=…>` to the blank fixture page (which loads the element). */
export async function addPanel(page, { id = 'p', attrs = {}, fallback = '', articles } = {}) {
  await page.evaluate(
    ({ id, attrs, fallback, articles }) => {
      const el = document.createElement('fact-panel');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (fallback) el.textContent = fallback;
      if (articles) el.articles = articles;
      document.getElementById('main').append(el);
    },
    { id, attrs, fallback, articles },
  );
}
