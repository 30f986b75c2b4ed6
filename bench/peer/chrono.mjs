// The date-parsing peer of ./build.sh bench (issue 17): chrono-node's French
// parser, `chrono.fr.parse`, over every article text of each corpus given,
// the texts factpanel's whole pipeline reads in the same run.
//
//   node chrono.mjs CORPUS.json [CORPUS.json ...]
//
// CORPUS.json is an array of {id, text} (what `scale --dump`
// writes). Prints one JSON object: per corpus, its bytes (UTF-8), the median
// time of several passes and the MB/s, and how many dates chrono found.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as chrono from 'chrono-node';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node chrono.mjs CORPUS.json [CORPUS.json ...]');
  process.exit(2);
}
const ref = new Date('2025-02-13T12:00:00Z');
const out = { peer: 'chrono-node', version: JSON.parse(readFileSync(new URL('./node_modules/chrono-node/package.json', import.meta.url), 'utf8')).version, corpora: {} };
for (const file of files) {
  const articles = JSON.parse(readFileSync(file, 'utf8'));
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0);
  const pass = () => articles.reduce((n, a) => n + chrono.fr.parse(a.text, ref).length, 0);
  const found = pass(); // warm-up, and what it finds
  const times = [];
  // At least 3 passes and about 2 s.
  for (let t0 = performance.now(); times.length < 3 || performance.now() - t0 < 2000; ) {
    const s = performance.now();
    pass();
    times.push((performance.now() - s) / 1000);
  }
  times.sort((a, b) => a - b);
  const s = times[Math.floor(times.length / 2)];
  out.corpora[basename(file, '.json')] = { articles: articles.length, bytes, s, mb_s: bytes / 1e6 / s, dates_found: found, passes: times.length };
}
console.log(JSON.stringify(out));
