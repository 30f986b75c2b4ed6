// The size budget: what a page downloads for the panel (wasm + JS + CSS).
// To show a document (`src` made by the CLI, the demo's seed) the element
// loads the renderer-only module: at most 150 KB gzip. To analyse articles
// it loads the analysing module: at most 200 KB gzip. Run after ./build.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WWW } from './server.mjs';

// Keep in sync with VIEW_FILES and PANEL_FILES in build.sh.
export const VIEW_FILES = ['pkg/factpanel_view_bg.wasm', 'pkg/factpanel_view.js', 'fact-panel.min.js'];
export const PANEL_FILES = ['pkg/factpanel_bg.wasm', 'pkg/factpanel.js', 'fact-panel.min.js'];
const VIEW_BUDGET = 150 * 1024;
const BUDGET = 200 * 1024;

function gzipTotal(files) {
  let total = 0;
  for (const f of files) {
    const gz = gzipSync(readFileSync(join(WWW, f)), { level: 9 }).length;
    total += gz;
    console.log(`# ${f.padEnd(28)} ${String(gz).padStart(8)} B gzip`);
  }
  console.log(`# total ${(total / 1024).toFixed(1)} KB gzip`);
  return total;
}

test(`to show a document, the panel downloads at most ${VIEW_BUDGET / 1024} KB gzip`, () => {
  const total = gzipTotal(VIEW_FILES);
  assert.ok(total <= VIEW_BUDGET, `${(total / 1024).toFixed(1)} KB gzip is over ${VIEW_BUDGET / 1024} KB`);
});

test(`to analyse articles, the panel downloads at most ${BUDGET / 1024} KB gzip`, () => {
  const total = gzipTotal(PANEL_FILES);
  assert.ok(total <= BUDGET, `${(total / 1024).toFixed(1)} KB gzip is over ${BUDGET / 1024} KB`);
});

test('the renderer-only module exports the same API as the other, but `analyze`', () => {
  const dts = (name) => readFileSync(join(WWW, `pkg/${name}.d.ts`), 'utf8');
  const exported = (name) => [...dts(name).matchAll(/^export (?:function|class) (\w+)\b/gm)].map((m) => m[1]).sort();
  assert.ok(exported('factpanel').includes('analyze'));
  assert.deepEqual(exported('factpanel_view'), exported('factpanel').filter((n) => n !== 'analyze'));
});

test('the element loads only these files (its worker for large inputs only, the seed corpus without src or articles only)', () => {
  const js = readFileSync(join(WWW, 'fact-panel.min.js'), 'utf8');
  const urls = [...js.matchAll(/new URL\(["']\.\/([^"']+)["'], *import\.meta\.url\)/g)].map((m) => m[1]).sort();
  assert.deepEqual(urls, ['fact-panel-worker.js', 'pkg/factpanel.js', 'pkg/factpanel_bg.wasm', 'pkg/factpanel_view.js', 'pkg/factpanel_view_bg.wasm', 'pkg/seed.json']);
  // The worker loads the same glue and gets the compiled module from the page.
  const worker = readFileSync(join(WWW, 'fact-panel-worker.js'), 'utf8');
  assert.deepEqual([...worker.matchAll(/from '([^']+)'/g)].map((m) => m[1]), ['./pkg/factpanel.js']);
  assert.doesNotMatch(worker, /fetch\(|_bg\.wasm/);
});
