// The wasm part of ./build.sh bench, in headless Chromium.
//
//   node run.mjs CORPUS_DIR [NAME ...]    (after ./build.sh built www/pkg/)
//
// CORPUS_DIR holds NAME.json files (arrays of articles, as written by
// `scale --dump`). Measures, each on fresh pages:
//   - instantiate: import of the glue, then init() = fetch + compile +
//     instantiate of www/pkg/factpanel_bg.wasm (median of RUNS pages);
//   - analyze(): MB/s of article text on each corpus (median of runs);
//   - the demo page (www/index.html, the seed corpus): DOMContentLoaded and
//     the `factpanel:start` and `factpanel:rendered` marks, on a first visit
//     (fresh profile, `no-store`) and on a repeat visit (the same profile
//     loads the page again, served under /__cached__/ with `max-age`: the
//     HTTP cache and V8's wasm code cache), medians of RUNS visits;
//   - the same page without the panel (its script and preloads removed,
//     served at /__nopanel__/): DOMContentLoaded and load on a first visit,
//     the page's own load time, to read the panel's marks against.
// Prints one JSON object on stdout; progress goes to stderr.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const WWW = resolve(HERE, '../../www');
const PAGE = resolve(HERE, 'page');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 9);

const [corpusDir, ...names] = process.argv.slice(2);
if (!corpusDir) {
  console.error('usage: node run.mjs CORPUS_DIR [NAME ...]');
  process.exit(2);
}
const CORPUS = resolve(corpusDir);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/** www/ at /, the bench page at /__bench__/, the corpora at /__corpus__/; loopback only. */
function serve() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let [root, rel] = [WWW, path];
    if (path.startsWith('/__bench__/')) [root, rel] = [PAGE, path.slice('/__bench__'.length)];
    if (path.startsWith('/__corpus__/')) [root, rel] = [CORPUS, path.slice('/__corpus__'.length)];
    const cached = path.startsWith('/__cached__/');
    if (cached) rel = path.slice('/__cached__'.length);
    const nopanel = path.startsWith('/__nopanel__/');
    if (nopanel) rel = path.slice('/__nopanel__'.length);
    let file = normalize(join(root, rel));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (nopanel && file === join(WWW, 'index.html')) body = withoutPanel(body.toString());
      const caching = cached ? 'public, max-age=3600' : 'no-store';
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': caching });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

/** The demo page without the panel: its module script and preloads go (the element stays, undefined). */
function withoutPanel(html) {
  const out = html.replace(/^\s*<(link rel="(?:modulepreload|preload)" href="pkg\/|script type="module" src="fact-panel\.js")[^\n]*\n/gm, '');
  if (out.length === html.length) throw new Error('bench: the demo page has no panel tags to remove');
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (...a) => console.error('[web]', ...a);

const { url, server } = await serve();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const out = { chromium: browser.version(), runs: RUNS };

async function fresh(path) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url + path);
  return { page, context, errors };
}

try {
  // 1. Instantiate.
  const inst = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, context } = await fresh('/__bench__/');
    await page.waitForFunction(() => typeof window.benchInstantiate === 'function');
    inst.push(await page.evaluate(() => window.benchInstantiate()));
    await context.close();
  }
  out.instantiate = {
    import_ms: median(inst.map((x) => x.import_ms)),
    init_ms: median(inst.map((x) => x.init_ms)),
    first_call_ms: median(inst.map((x) => x.first_call_ms)),
    second_call_ms: median(inst.map((x) => x.second_call_ms)),
    all_init_ms: inst.map((x) => x.init_ms),
  };
  log(`init() median ${out.instantiate.init_ms.toFixed(1)} ms; first analyze() call ${out.instantiate.first_call_ms.toFixed(1)} ms, second ${out.instantiate.second_call_ms.toFixed(1)} ms`);

  // 2. analyze() per corpus, one page for all (the module tiers up as it runs).
  out.analyze = {};
  {
    const { page, context, errors } = await fresh('/__bench__/');
    await page.waitForFunction(() => typeof window.benchAnalyze === 'function');
    for (const name of names) {
      const big = /^(synth-)?(1000|10000)$/.test(name);
      const r = await page.evaluate(
        ([u, reps, budget, warmup]) => window.benchAnalyze(u, reps, budget, warmup),
        [`/__corpus__/${name}.json`, big ? 5 : 15, big ? 40 : 10, !name.endsWith('10000')],
      );
      out.analyze[name] = r;
      log(`analyze ${name}: ${r.articles} articles, ${(r.bytes / 1e6).toFixed(2)} MB, ${r.reps} runs, median ${(r.median_s * 1000).toFixed(1)} ms, ${r.mb_s.toFixed(2)} MB/s`);
    }
    if (errors.length) throw new Error(`bench page errors: ${errors.join('; ')}`);
    await context.close();
  }

  // 3. The demo page, first visit (fresh profile, nothing cached) and
  // repeat visit (the same profile loads it again, served with caching
  // headers as a site would: the HTTP cache and V8's wasm code cache).
  const marks = () => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      dcl_ms: nav?.domContentLoadedEventEnd ?? null,
      load_ms: nav?.loadEventStart || null,
      start_ms: at('factpanel:start'),
      rendered_ms: at('factpanel:rendered'),
    };
  };
  const loaded = () => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0;
  const settle = async (page) => {
    await page.waitForFunction(() => performance.getEntriesByName('factpanel:rendered').length > 0, null, { timeout: 30_000 });
    await page.waitForFunction(loaded, null, { timeout: 30_000 });
  };
  const first = [];
  const repeat = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    {
      const { page, context } = await fresh('/__nopanel__/');
      await page.waitForFunction(loaded, null, { timeout: 30_000 });
      bare.push(await page.evaluate(marks));
      await context.close();
    }
    const { page, context, errors } = await fresh('/');
    await settle(page);
    first.push(await page.evaluate(marks));
    await context.close();
    const again = await fresh('/__cached__/');
    await settle(again.page);
    await again.page.waitForTimeout(1000);
    await again.page.goto(`${url}/__cached__/`);
    await settle(again.page);
    repeat.push(await again.page.evaluate(marks));
    errors.push(...again.errors);
    if (errors.length) throw new Error(`demo page errors: ${errors.join('; ')}`);
    await again.context.close();
  }
  const summary = (runs) => ({
    dcl_ms: median(runs.map((x) => x.dcl_ms)),
    load_ms: median(runs.map((x) => x.load_ms)),
    start_ms: median(runs.map((x) => x.start_ms)),
    rendered_ms: median(runs.map((x) => x.rendered_ms)),
    start_to_rendered_ms: median(runs.map((x) => x.rendered_ms - x.start_ms)),
    all_rendered_ms: runs.map((x) => x.rendered_ms),
  });
  out.demo = summary(first);
  out.demo_repeat = summary(repeat);
  out.page_without_panel = { dcl_ms: median(bare.map((x) => x.dcl_ms)), load_ms: median(bare.map((x) => x.load_ms)) };
  log(`demo page without the panel, first visit: DOMContentLoaded ${out.page_without_panel.dcl_ms.toFixed(1)} ms, load ${out.page_without_panel.load_ms.toFixed(1)} ms`);
  for (const [what, d] of [['first visit', out.demo], ['repeat visit', out.demo_repeat]]) {
    log(`demo page, ${what}: DOMContentLoaded ${d.dcl_ms.toFixed(1)} ms, load ${d.load_ms.toFixed(1)} ms, factpanel:start ${d.start_ms.toFixed(1)} ms, factpanel:rendered ${d.rendered_ms.toFixed(1)} ms (start → rendered ${d.start_to_rendered_ms.toFixed(1)} ms; medians of ${RUNS})`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out));
