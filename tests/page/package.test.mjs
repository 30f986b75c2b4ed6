// The npm package (`./build.sh` writes it to target/npm/factpanel/): packed
// with `npm pack`, installed from the tarball into a scratch project, its
// exports resolved by node, and the element loaded from node_modules in
// headless Chromium under the strict CSP, rendering articles given by `src`.
//
//   cd tests/page && node --test package.test.mjs      (after ./build.sh)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, FIXTURE_ARTICLES, HERE } from './harness.mjs';
import { serve, STRICT_CSP } from './server.mjs';

const PKG = process.env.FACTPANEL_NPM_DIR ?? resolve(HERE, '../../target/npm/factpanel');
let scratch;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'factpanel-npm-'));
});
after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the package names its entry points, its types and its files', () => {
  const m = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  assert.equal(m.name, 'factpanel');
  assert.match(m.version, /^\d+\.\d+\.\d+/);
  assert.equal(m.types, './fact-panel.d.ts');
  assert.equal(m.exports['.'].default, './fact-panel.js');
  for (const f of ['fact-panel.js', 'fact-panel-worker.js', 'fact-panel.d.ts', 'pkg/factpanel.js', 'pkg/factpanel_bg.wasm', 'pkg/factpanel_view.js', 'pkg/factpanel_view_bg.wasm']) {
    assert.ok(m.files.includes(f), `files lists ${f}`);
    assert.ok(existsSync(join(PKG, f)), `${f} is built`);
  }
});

test('npm pack, npm install of the tarball, and the element renders from node_modules', async () => {
  const out = execFileSync('npm', ['pack', PKG, '--pack-destination', scratch, '--json'], { encoding: 'utf8' });
  const [packed] = JSON.parse(out);
  const names = packed.files.map((f) => f.path).sort();
  assert.ok(names.includes('pkg/factpanel_bg.wasm') && names.includes('fact-panel.js'), names.join(', '));
  assert.ok(!names.some((n) => n.includes('seed')), 'no seed corpus in the package');

  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(scratch, packed.filename)], {
    cwd: scratch,
    stdio: 'pipe',
  });
  const installed = join(scratch, 'node_modules/factpanel');
  assert.ok(existsSync(join(installed, 'pkg/factpanel_bg.wasm')), 'installed');

  // Node resolves the bare specifier and the types through `exports`.
  const resolved = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "console.log(import.meta.resolve('factpanel'))"],
    { cwd: scratch, encoding: 'utf8' },
  ).trim();
  assert.ok(resolved.endsWith('/node_modules/factpanel/fact-panel.js'), resolved);

  // A site that serves its node_modules: the element, its glue and its wasm
  // all come from there.
  writeFileSync(join(scratch, 'articles.json'), JSON.stringify(FIXTURE_ARTICLES));
  writeFileSync(
    join(scratch, 'index.html'),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>npm</title>' +
      '<script type="module" src="/node_modules/factpanel/fact-panel.js"></script>' +
      '<fact-panel src="/articles.json" lang="en">Loading…</fact-panel></html>',
  );
  const server = await serve({ csp: STRICT_CSP, root: scratch });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // (The scratch site has no favicon: the browser's request for it is no error of the element.)
    page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(m.text()));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => (document.querySelector('fact-panel')?.data?.facts?.length ?? 0) > 0, null, {
      timeout: 30_000,
    });
    const shown = await page.evaluate(() => {
      const root = document.querySelector('fact-panel').shadowRoot;
      return { facts: root.querySelectorAll('[data-fact]').length, lang: root.querySelector('[lang]')?.getAttribute('lang') };
    });
    assert.ok(shown.facts > 0, 'facts are shown');
    assert.equal(shown.lang, 'en');
    assert.deepEqual(errors, [], `requests: ${server.requests.join(', ')}`);
    const fromModules = server.requests.filter((p) => p.startsWith('/node_modules/factpanel/'));
    for (const f of ['fact-panel.js', 'pkg/factpanel.js', 'pkg/factpanel_bg.wasm']) {
      assert.ok(fromModules.includes(`/node_modules/factpanel/${f}`), `${f} loaded from node_modules: ${fromModules}`);
    }
    // The renderer-only module loads while `src` is fetched; the file holds
    // articles, so the analysing one loads too.
    assert.ok(fromModules.includes('/node_modules/factpanel/pkg/factpanel_view_bg.wasm'), `${fromModules}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
