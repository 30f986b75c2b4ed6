// The wasm bench page: bench/web/run.mjs calls these from a fresh page each.
// The glue and the wasm are the ones the demo page downloads (www/pkg/).
const GLUE = '/pkg/factpanel.js';

/** Time to import the glue, and to fetch + compile + instantiate the wasm (init()). */
window.benchInstantiate = async () => {
  const t0 = performance.now();
  const glue = await import(GLUE);
  const t1 = performance.now();
  await glue.default();
  const t2 = performance.now();
  // The first call also parses the embedded rules (once per module).
  glue.analyze([{ id: 'a', text: 'Donald Trump a parlé une heure avec Vladimir Poutine.' }]).free();
  const t3 = performance.now();
  glue.analyze([{ id: 'a', text: 'Donald Trump a parlé une heure avec Vladimir Poutine.' }]).free();
  const t4 = performance.now();
  return { import_ms: t1 - t0, init_ms: t2 - t1, first_call_ms: t3 - t2, second_call_ms: t4 - t3 };
};

let glue = null;

/**
 * analyze() on one corpus: a warm-up run (unless told not to), then up to
 * `reps` timed runs within `budgetS` seconds (at least one).
 */
window.benchAnalyze = async (url, reps, budgetS, warmup) => {
  if (!glue) {
    glue = await import(GLUE);
    await glue.default();
  }
  const articles = await (await fetch(url)).json();
  const enc = new TextEncoder();
  const bytes = articles.reduce((n, a) => n + enc.encode(a.text).length, 0);
  if (warmup) glue.analyze(articles).free();
  const times = [];
  const started = performance.now();
  let facts = 0;
  do {
    const t = performance.now();
    // The document as the page gets it: analysis, then the frozen JS object.
    const analysis = glue.analyze(articles);
    const doc = analysis.toJSON();
    times.push((performance.now() - t) / 1000);
    analysis.free();
    facts = doc.facts.length;
  } while (times.length < reps && (performance.now() - started) / 1000 < budgetS);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { articles: articles.length, bytes, reps: times.length, median_s: median, mb_s: bytes / 1e6 / median, facts, times };
};
