// The size budget: what the page downloads for the panel (wasm + JS + CSS)
// stays within 200 KB gzip (target 150 KB). Run after ./build.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WWW } from './server.mjs';

// Keep in sync with PANEL_FILES in build.sh.
export const PANEL_FILES = ['pkg/factpanel_bg.wasm', 'pkg/factpanel.js', 'fact-panel.min.js'];
const BUDGET = 200 * 1024;
const TARGET = 150 * 1024;

test(`the panel downloads at most ${BUDGET / 1024} KB gzip`, () => {
  let total = 0;
  for (const f of PANEL_FILES) {
    const gz = gzipSync(readFileSync(join(WWW, f)), { level: 9 }).length;
    total += gz;
    console.log(`# ${f.padEnd(24)} ${String(gz).padStart(8)} B gzip`);
  }
  console.log(`# total ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB, target ${TARGET / 1024} KB)`);
  assert.ok(total <= BUDGET, `${(total / 1024).toFixed(1)} KB gzip is over the ${BUDGET / 1024} KB budget`);
});

test('the element loads only these files (its worker for large inputs only, the seed corpus without src or articles only)', () => {
  const js = readFileSync(join(WWW, 'fact-panel.min.js'), 'utf8');
  const urls = [...js.matchAll(/new URL\(["']\.\/([^"']+)["'], *import\.meta\.url\)/g)].map((m) => m[1]).sort();
  assert.deepEqual(urls, ['fact-panel-worker.js', 'pkg/factpanel.js', 'pkg/factpanel_bg.wasm', 'pkg/seed.json']);
  // The worker loads the same glue and gets the compiled module from the page.
  const worker = readFileSync(join(WWW, 'fact-panel-worker.js'), 'utf8');
  assert.deepEqual([...worker.matchAll(/from '([^']+)'/g)].map((m) => m[1]), ['./pkg/factpanel.js']);
  assert.doesNotMatch(worker, /fetch\(|_bg\.wasm/);
});
