// Robustness and security of <fact-panel> in the page (issue 5, browser
// half): bad input through `.articles` and `src`, a wasm that cannot load or
// crashes, hostile text, strict CSP with Trusted Types, large inputs in a
// worker. Imported by page.test.mjs (so `./build.sh test` runs it); also
// runs alone: `node --test --test-concurrency=1 robustness.test.mjs`.
//
// How a crash is simulated: the release wasm is built with panic = "abort",
// so a Rust panic traps (`RuntimeError: unreachable`) and may leave the
// instance unusable. The tests serve a rewritten copy of the glue
// (pkg/factpanel.js, through page.route; nothing in www/ knows about it):
// when `analyze` is given articles containing TRAP_MARKER, it runs a real
// wasm `unreachable` (a 35-byte module) and from then on every export of that
// glue instance traps too, like an instance left broken by a panic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addPanel, alertMatching, close, FIXTURE_ARTICLES, HERE, inPanel, open, own, ready, text, useBrowser } from './harness.mjs';
import { serve, TT_CSP } from './server.mjs';

useBrowser();

const ROOT = resolve(HERE, '../..');
const SEEDS = readdirSync(join(ROOT, 'data/articles'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'data/articles', f), 'utf8'));

/** The XSS payload list (one a line, "# " comments), shared with tests/web.rs. */
export const PAYLOADS = readFileSync(join(HERE, 'fixtures/xss-payloads.txt'), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('# '));

/** The tags and attributes the panel may create (src/panel/node.rs), plus the element's own. */
function allowList(name) {
  const src = readFileSync(join(ROOT, 'src/panel/node.rs'), 'utf8');
  const body = src.match(new RegExp(`pub const ${name}: &\\[&str\\] = &\\[([^\\]]*)\\]`))?.[1];
  assert.ok(body, `${name} not found in src/panel/node.rs`);
  return [...body.matchAll(/"([a-z0-9-]+)"/g)].map((m) => m[1]);
}
const TAGS = [...allowList('TAGS'), 'div', 'slot', 'link'];
const ATTRS = allowList('ATTRS');

const TRAP_MARKER = '__factpanel_trap__';
// (module (func (export "trap") unreachable))
const TRAP_WASM = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 116, 114, 97, 112, 0, 0, 10, 5, 1, 3, 0, 0, 11];
// (module (import "MODULE" "nope" (func))), MODULE being the one the real
// `factpanel_bg.wasm` or `factpanel_view_bg.wasm` imports from (build.sh
// shortens it): compiles, but the glue has no such import, so
// instantiating it fails (a LinkError).
const name = (s) => [s.length, ...Buffer.from(s)];
function unlinkableWasm(url) {
  const real = readFileSync(join(ROOT, 'www/pkg', new URL(url).pathname.split('/').pop()));
  const [{ module }] = WebAssembly.Module.imports(new WebAssembly.Module(real));
  const IMPORT = [1, ...name(module), ...name('nope'), 0, 0];
  return [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, IMPORT.length, ...IMPORT];
}

/**
 * The glue, wrapped so that `analyze` of TRAP_MARKER traps for real and
 * breaks its instance: each request for the glue (`?instance=N` included)
 * gets a module that imports the real glue of that request under another
 * path and re-exports its functions and classes (named by the glue's .d.ts:
 * the glue itself is minified), each function and method checking first.
 */
async function trappingGlue(page) {
  const names = [...readFileSync(join(ROOT, 'www/pkg/factpanel.d.ts'), 'utf8').matchAll(/^export function (\w+)\(/gm)]
    .map((m) => m[1])
    .filter((n) => n !== 'initSync');
  const classes = [...readFileSync(join(ROOT, 'www/pkg/factpanel.d.ts'), 'utf8').matchAll(/^export class (\w+)\b/gm)].map((m) => m[1]);
  assert.ok(names.includes('analyze') && classes.includes('Analysis'), `glue functions: ${names}; classes: ${classes}`);
  await page.context().route('**/__real_glue__.js*', async (route) => {
    const url = new URL(route.request().url());
    const q = url.searchParams.get('q');
    await route.fulfill({ response: await route.fetch({ url: `${url.origin}/pkg/factpanel.js${q ? `?${q}` : ''}` }) });
  });
  await page.context().route('**/pkg/factpanel.js*', async (route) => {
    const url = new URL(route.request().url());
    const body = `import __init, * as __g from '/__real_glue__.js?q=${encodeURIComponent(url.search.slice(1))}';
const __trap = () => new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.of(${TRAP_WASM}))).exports.trap();
let __dead = false;
function __check(name, args) {
  if (__dead) __trap();
  if (name === 'analyze' && String(JSON.stringify(args[0])).includes('${TRAP_MARKER}')) { __dead = true; __trap(); }
}
export default __init;
export const initSync = __g.initSync;
${names.map((n) => `export function ${n}(...a) { __check('${n}', a); return __g.${n}(...a); }`).join('\n')}
${classes.map((c) => `const ${c} = __g.${c};
for (const [o, prefix] of [[${c}.prototype, '${c}#'], [${c}, '${c}.']]) {
  for (const m of Object.getOwnPropertyNames(o)) {
    const f = o[m];
    if (typeof f !== 'function' || m === 'constructor' || m === 'free' || m.startsWith('__')) continue;
    o[m] = function (...a) { __check(prefix + m, a); return f.apply(this, a); };
  }
}
export { ${c} };`).join('\n')}
`;
    await route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
}

/** Defines window.__fp.big(chars) and window.__fp.many(n): large inputs made in the page from the seed texts. */
async function largeInputs(page) {
  await page.addInitScript((seeds) => {
    window.__fp = {
      /** One article of at least `chars` characters: the seed texts, repeated. */
      big(chars, id = 'big') {
        const parts = [];
        let n = 0;
        for (let i = 0; n < chars; i++) {
          const t = seeds[i % seeds.length];
          parts.push(t);
          n += t.length + 2;
        }
        return [{ id, title: 'Un très long article', text: parts.join('\n\n') }];
      },
      /** `n` articles: copies of the seeds under new ids. */
      many(n) {
        return Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `Article ${i}`, text: seeds[i % seeds.length] }));
      },
    };
  }, SEEDS);
}

const FIVE_MB = 5_000_000;

describe('bad input through .articles and src', () => {
  test('.articles: each bad value gives one clear message in the panel, the last good panel stays', async () => {
    const p = await open('/__test__/blank.html');
    const { page } = p;
    await addPanel(page, { articles: FIXTURE_ARTICLES });
    await ready(page, '#p');
    const cases = [
      ['42', /\.articles must be an array of articles \(\{id, text\}\), not a number/],
      ['"Donald Trump a parlé 90 minutes avec Vladimir Poutine."', /\.articles must be an array .*not a string/],
      ['({ id: "a", text: "x" })', /\.articles must be an array .*not an object/],
      ['[{ id: "a" }]', /\.articles: article #1 \("a"\) has no text \(expected a string, got nothing\)/],
      ['[{ id: "a", text: 42 }]', /article #1 \("a"\) has no text \(expected a string, got a number\)/],
      ['[{ id: "a", text: "x" }, null]', /article #2 must be an object \(\{id, text\}\), not null/],
      ['[{ id: "a", text: "x" }, { id: "a", text: "y" }]', /duplicate article id "a"/],
      ['[]', /no articles given/],
      ['[{ id: "", text: "x" }]', /article id "" is not usable/],
      ['[{ id: "a", text: "  \\n " }]', /article "a" has an empty text/],
      ['[{ id: "a", text: "x", published: 1n }]', /the articles cannot be read as JSON \(.*BigInt/],
      ['(() => { const a = { id: "a", text: "x" }; a.self = a; return [a]; })()', /the articles cannot be read as JSON \(.*circular/],
      ['[{ id: "a", get text() { throw new Error("a getter that throws"); } }]', /a getter that throws/],
      ['[{ id: "a", text: "x" }, undefined]', /article #2 must be an object \(\{id, text\}\), not nothing/],
      ['[{ id: "big", text: "a".repeat(9 << 20) }]', /article "big" is 9437184 bytes, over the limit of 8388608 bytes/],
    ];
    for (const [value, re] of cases) {
      // A string expression: evaluated by the test driver (CDP), not by the page under its CSP.
      const thrown = await page.evaluate(`(() => {
        try {
          document.getElementById('p').articles = (${value});
          return null;
        } catch (e) {
          return String(e);
        }
      })()`);
      assert.equal(thrown, null, `setting .articles = ${value} threw`);
      const message = await alertMatching(page, re, '#p');
      assert.match(message, /^Le panneau des faits n’a pas pu être affiché\. /, value);
      assert.ok(await inPanel(page, 'article.fp', '#p').isVisible(), `the last good panel stays (${value})`);
      assert.deepEqual(await page.evaluate(() => document.getElementById('p').data.sources.map((s) => s.id)), ['a-agence', 'b-quotidien']);
    }
    assert.equal(own(p.log).length, cases.length, `one console.error per bad value: ${JSON.stringify(p.log.errors)}`);
    // Good input again: the message goes.
    await page.evaluate((a) => { document.getElementById('p').articles = a.slice(0, 1); }, FIXTURE_ARTICLES);
    await page.waitForFunction(() => document.getElementById('p').data.sources.length === 1);
    assert.equal(await text(inPanel(page, '[role="alert"]', '#p')), '');
    await close(p, { expectedErrors: cases.length, ownErrors: cases.length });
  });

  test('src: 404, invalid JSON, not an array, a document of another schema or a broken one, other origins, javascript:/data: URLs, invalid URL', async () => {
    const p = await open('/__test__/blank.html');
    const { page } = p;
    await addPanel(page, { attrs: { src: '/__test__/missing.json' }, fallback: 'Chargement…' });
    assert.match(await alertMatching(page, /n’a pas pu être affiché\. could not load \/__test__\/missing\.json \(HTTP 404\)/, '#p'), /404/);
    assert.ok(await inPanel(page, '[role="alert"]', '#p').isVisible());
    assert.equal(await page.evaluate(() => document.getElementById('p').shadowRoot.querySelector('slot')), null, 'no "loading…" forever');
    await page.evaluate((a) => { document.getElementById('p').articles = a; }, FIXTURE_ARTICLES);
    await ready(page, '#p');
    assert.equal(await text(inPanel(page, '[role="alert"]', '#p')), '', 'recovery clears the message');
    const cases = [
      ['/__test__/invalid.json', /\/__test__\/invalid\.json is not valid JSON \(.+\)/],
      ['/__test__/object.json', /\/__test__\/object\.json must be an array of articles \(\{id, text\}\) or a factpanel\/1 document, not an object/],
      ['/__test__/doc-schema2.json', /\/__test__\/doc-schema2\.json is a document of schema "factpanel\/2"; this panel reads factpanel\/1/],
      ['/__test__/doc-broken.json', /not a factpanel\/1 document: .+/],
      ['https://example.org/articles.json', /src must be a same-origin URL, not https:\/\/example\.org$/],
      ['javascript:window.__pwned=1', /src must be a same-origin URL, not a javascript: URL/],
      ['data:application/json,[]', /src must be a same-origin URL, not a data: URL/],
      ['http://[', /src is not a valid URL: "http:\/\/\["/],
      ['/__test__/missing.json', /HTTP 404/],
    ];
    for (const [src, re] of cases) {
      await page.evaluate((src) => {
        const el = document.getElementById('p');
        el.articles = null;
        el.setAttribute('src', src);
      }, src);
      await alertMatching(page, re, '#p');
      assert.ok(await inPanel(page, 'article.fp', '#p').isVisible(), `the last good panel stays (${src})`);
      assert.equal(await page.evaluate(() => document.getElementById('p').data.sources[0].id), 'a-agence');
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // Each failure logs once; the browser also logs each 404 response.
    await close(p, { expectedErrors: p.log.errors.length, ownErrors: cases.length + 1 });
  });
});

describe('wasm failure', () => {
  const failures = [
    ['pkg/ is missing', (page) => page.route('**/pkg/**', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' })), /HTTP 404|Failed to fetch|module script/],
    ['the .wasm request fails', (page) => page.route('**/*.wasm', (r) => r.abort()), /Failed to fetch/],
    ['the .wasm is not WebAssembly (CompileError)', (page) => page.route('**/*.wasm', (r) => r.fulfill({ contentType: 'application/wasm', body: 'pas du wasm' })), /CompileError|expected magic word/],
    ['the .wasm does not fit its glue (LinkError when instantiating)', (page) => page.route('**/*.wasm', (r) => r.fulfill({ contentType: 'application/wasm', body: Buffer.from(unlinkableWasm(r.request().url())) })), /Import #0 ".*" "nope"/],
  ];
  for (const [name, setup, detail] of failures) {
    test(`${name}: the light-DOM fallback stays and the panel says it could not load`, async () => {
      const p = await open('/', { setup });
      const { page } = p;
      const message = await alertMatching(page, /n’a pas pu être chargé/);
      assert.match(message, /^Le panneau des faits n’a pas pu être chargé\. could not load the factpanel module \(/);
      assert.match(message, detail);
      assert.ok(await inPanel(page, '[role="alert"]').isVisible());
      assert.ok(await page.locator('#panel .fallback-text').isVisible(), 'the fallback is still shown');
      assert.equal(await page.evaluate(() => document.getElementById('panel').data), null);
      // The language switch still works on the message.
      await page.getByRole('button', { name: 'English' }).click();
      assert.match(await alertMatching(page, /^The fact panel could not be loaded\./), /could not load the factpanel module/);
      await close(p, { expectedErrors: p.log.errors.length, ownErrors: 1 });
    });
  }

  test('a trap in the wasm (a Rust panic) is reported, and the next call gets a fresh instance', async () => {
    const p = await open('/__test__/blank.html', { setup: trappingGlue });
    const { page, log } = p;
    await addPanel(page, { articles: FIXTURE_ARTICLES });
    await ready(page, '#p');
    const trapping = FIXTURE_ARTICLES.map((a) => ({ ...a, text: `${a.text} ${TRAP_MARKER}` }));
    await page.evaluate((a) => { document.getElementById('p').articles = a; }, trapping);
    const message = await alertMatching(page, /internal error/, '#p');
    assert.match(message, /n’a pas pu être affiché\. internal error in the factpanel module \(RuntimeError: unreachable\)/);
    assert.ok(await inPanel(page, 'article.fp', '#p').isVisible(), 'the last good panel stays');
    // That instance is now dead, as a panicked one may be…
    const dead = await page.evaluate(async () => {
      const glue = await import('/pkg/factpanel.js');
      try {
        glue.analyze([{ id: 'a', text: 'Donald Trump a parlé avec Vladimir Poutine.' }]);
        return 'alive';
      } catch (e) {
        return `${e.name}: ${e.message}`;
      }
    });
    assert.equal(dead, 'RuntimeError: unreachable');
    // …but the panel is not: the next input runs on a fresh instance.
    await page.evaluate((a) => { document.getElementById('p').articles = a.slice(1); }, FIXTURE_ARTICLES);
    await page.waitForFunction(() => document.getElementById('p').data.sources.length === 1);
    assert.equal(await text(inPanel(page, '[role="alert"]', '#p')), '');
    await page.evaluate(() => document.getElementById('p').setAttribute('lang', 'en'));
    await page.waitForFunction(() => document.getElementById('p').shadowRoot.querySelector('article')?.lang === 'en');
    await page.evaluate(() => document.getElementById('p').shadowRoot.querySelector('button.fact-toggle')?.click());
    await page.evaluate(() => document.getElementById('p').shadowRoot.querySelector('button.ctx-toggle')?.click());
    assert.ok((await inPanel(page, '.context mark', '#p').first().textContent()).length > 10, '"read in the article" works on the new instance');
    const glue = log.requests.filter((u) => u.includes('/pkg/factpanel.js')).map((u) => new URL(u).search);
    assert.deepEqual(glue, ['', '?instance=1'], 'a fresh copy of the glue');
    assert.equal(log.requests.filter((u) => u.endsWith('.wasm')).length, 1, 'the compiled module is reused');
    await close(p, { ownErrors: 1, expectedErrors: 1 });
  });

  test('a trap in the analysis worker is reported; the next large analysis works', async () => {
    const p = await open('/__test__/blank.html', { setup: async (page) => { await trappingGlue(page); await largeInputs(page); } });
    const { page, log } = p;
    await addPanel(page, { articles: FIXTURE_ARTICLES });
    await ready(page, '#p');
    await page.evaluate((marker) => {
      const a = window.__fp.big(100_000);
      a[0].text += ` ${marker}`;
      document.getElementById('p').articles = a;
    }, TRAP_MARKER);
    assert.match(await alertMatching(page, /internal error/, '#p'), /internal error in the factpanel module \(RuntimeError: unreachable\)/);
    assert.equal(log.workers.length, 1, 'the analysis ran in a worker');
    assert.ok(await inPanel(page, 'article.fp', '#p').isVisible(), 'the last good panel stays');
    await page.evaluate(() => { document.getElementById('p').articles = window.__fp.big(100_000); });
    await page.waitForFunction(() => document.getElementById('p').data.sources[0].id === 'big');
    assert.equal(await text(inPanel(page, '[role="alert"]', '#p')), '');
    assert.equal(log.workers.length, 2);
    await close(p, { ownErrors: 1, expectedErrors: 1 });
  });
});

describe('hostile text', () => {
  test(`${PAYLOADS.length} XSS payloads in titles, texts, URLs, outlets and ids render as inert text`, async () => {
    assert.ok(PAYLOADS.length >= 30);
    const articles = PAYLOADS.map((x, i) => ({
      id: `${i}${x}`.slice(0, 200),
      title: x,
      outlet: x,
      url: x,
      text: `${x}\nDonald Trump a eu un échange téléphonique de 90 minutes ${x} avec Vladimir Poutine, selon le Kremlin.\n${x}`,
    }));
    const p = await open('/__test__/blank.html');
    const { page } = p;
    await addPanel(page, { articles });
    await ready(page, '#p');
    // Open everything, "read in the article" included, and hover/focus it all.
    await page.evaluate(() => {
      const root = document.getElementById('p').shadowRoot;
      for (const b of root.querySelectorAll('button.fact-toggle')) b.click();
      for (const b of root.querySelectorAll('button.ctx-toggle')) b.click();
      for (const el of root.querySelectorAll('*')) {
        for (const type of ['mouseover', 'focus', 'load', 'error', 'toggle']) el.dispatchEvent(new Event(type));
      }
    });
    await page.waitForTimeout(200); // let anything that was injected try to run
    const r = await page.evaluate((ids) => {
      const panel = document.getElementById('p');
      const root = panel.shadowRoot;
      const all = [...root.querySelectorAll('*')];
      const norm = (s) => s.replace(/\s+/g, ' ').trim();
      const sources = Object.fromEntries(
        [...root.querySelectorAll('li.source')].map((li) => [
          li.getAttribute('data-source'),
          { title: li.querySelector('.src-title')?.textContent, outlet: li.querySelector('.outlet')?.textContent, href: li.querySelector('a')?.getAttribute('href') ?? null },
        ]),
      );
      const texts = new Map(panel.articles.map((a) => [a.id, a.text]));
      const contexts = [...root.querySelectorAll('.context[data-claim]')].map((region) => {
        const [f, c] = region.dataset.claim.split(':').map(Number);
        return region.textContent === texts.get(panel.data.facts[f].claims[c].source);
      });
      return {
        tags: [...new Set(all.map((e) => e.localName))],
        attrs: [...new Set(all.flatMap((e) => e.getAttributeNames()))],
        links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        sources: ids.map((id) => sources[id] && { title: norm(sources[id].title ?? ''), outlet: norm(sources[id].outlet ?? ''), href: sources[id].href }),
        contexts,
        quotes: panel.data.facts.reduce((n, f) => n + f.claims.length, 0),
        pwned: window.__pwned,
      };
    }, articles.map((a) => a.id));
    assert.equal(r.pwned, undefined, 'no payload ran');
    assert.deepEqual(r.tags.filter((t) => !TAGS.includes(t)), [], 'only the panel’s own tags');
    assert.deepEqual(r.attrs.filter((a) => !ATTRS.includes(a)), [], 'only the panel’s own attributes');
    for (const href of r.links) assert.match(href, /^https?:\/\/\S+$/i, 'links are http(s) only');
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    PAYLOADS.forEach((x, i) => {
      const s = r.sources[i];
      assert.ok(s, `source ${i} is listed`);
      assert.equal(s.title, norm(x), `payload ${i} as a title`);
      assert.equal(s.outlet, `— ${norm(x)}`, `payload ${i} as an outlet`);
      const isLink = /^\s*https?:\/\/\S+\s*$/i.test(x);
      assert.equal(s.href, isLink ? x.trim() : null, `payload ${i} as a URL`);
    });
    assert.ok(r.links.includes('https://example.org/"><script>window.__pwned=56</script>'), 'an http URL with markup is a link, verbatim');
    assert.ok(r.quotes >= PAYLOADS.length / 2, `quotes with payloads: ${r.quotes}`);
    assert.ok(r.contexts.length >= PAYLOADS.length / 2 && r.contexts.every(Boolean), '"read in the article" shows each text as text');
    await close(p);
  });
});

describe('strict CSP and Trusted Types', () => {
  test('the test pages do enforce Trusted Types (control)', async () => {
    const p = await open('/__test__/blank.html');
    const { page } = p;
    const r = await page.evaluate(() => {
      try {
        document.getElementById('main').innerHTML = '<b>x</b>';
        return 'assigned';
      } catch (e) {
        return e.name;
      }
    });
    assert.equal(r, 'TypeError');
    assert.deepEqual(await page.evaluate(() => window.__csp.map((v) => v.split(' ')[0])), ['require-trusted-types-for']);
    await page.evaluate(() => { window.__csp = []; });
    await close(p, { expectedErrors: 1 }); // the browser logs the blocked assignment
  });

  test('the demo under Trusted Types: render, language, every disclosure, the form, a large input — no violation', async () => {
    const p = await open('/', { setup: largeInputs });
    const { page, log } = p;
    await ready(page);
    assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /require-trusted-types-for 'script'; trusted-types factpanel/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.getElementById('panel').shadowRoot.querySelector('article')?.lang === 'en');
    await page.evaluate(() => {
      const root = document.getElementById('panel').shadowRoot;
      for (const b of root.querySelectorAll('button.fact-toggle')) b.click();
      for (const b of root.querySelectorAll('button.ctx-toggle')) b.click();
    });
    await page.keyboard.press('Escape');
    await page.fill('#try-text', 'Premier\nDonald Trump a parlé 90 minutes avec Vladimir Poutine.\n---\nSecond\nSelon le Kremlin, l’appel a duré une heure et demie.');
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('panel').data.sources.length === 2);
    await page.evaluate(() => { document.getElementById('panel').articles = window.__fp.big(200_000); });
    await page.waitForFunction(() => document.getElementById('panel').data.sources[0]?.id === 'big');
    assert.equal(log.workers.length, 1, 'the large input went through the worker (Trusted Types policy "factpanel")');
    await page.click('#try-reset');
    await page.waitForFunction(() => document.getElementById('panel').data.sources.length === 5);
    await close(p);
  });

  test('under the CSP of issue 5 (require-trusted-types-for, no trusted-types list) too', async () => {
    const server = await serve({ csp: TT_CSP });
    try {
      const p = await open('/', { server, setup: largeInputs });
      const { page, log } = p;
      await ready(page);
      await page.evaluate(() => { document.getElementById('panel').articles = window.__fp.big(100_000); });
      await page.waitForFunction(() => document.getElementById('panel').data.sources[0]?.id === 'big');
      assert.equal(log.workers.length, 1);
      await close(p);
    } finally {
      await server.close();
    }
  });

  test('a page that allows no Trusted Types policy: large inputs fall back to the main thread', async () => {
    const server = await serve({ csp: `${TT_CSP}; trusted-types 'none'` });
    try {
      const p = await open('/__test__/blank.html', { server, setup: largeInputs });
      const { page, log } = p;
      await addPanel(page);
      await page.evaluate(() => { document.getElementById('p').articles = window.__fp.big(100_000); });
      await page.waitForFunction(() => document.getElementById('p').data?.sources[0]?.id === 'big');
      assert.equal(await text(inPanel(page, '[role="alert"]', '#p')), '');
      assert.equal(log.workers.length, 0);
      // The refused policy and the refused worker URL are reported, once.
      const csp = await page.evaluate(() => window.__csp.map((v) => v.split(' ')[0]));
      assert.deepEqual(csp, ['trusted-types', 'require-trusted-types-for']);
      await page.evaluate(() => { document.getElementById('p').articles = window.__fp.big(100_001, 'again'); });
      await page.waitForFunction(() => document.getElementById('p').data?.sources[0]?.id === 'again');
      assert.equal((await page.evaluate(() => window.__csp)).length, 2, 'no new attempt');
      await page.evaluate(() => { window.__csp = []; });
      await close(p, { expectedErrors: 2, ownErrors: 0 }); // the browser logs both
    } finally {
      await server.close();
    }
  });
});

describe('large inputs: a worker keeps the page responsive', () => {
  /** Sets `.articles` to `window.__fp[kind](arg)` and measures until fact-panel-ready. */
  async function timed(page, [kind, arg], id = '#p') {
    return page.evaluate(
      async ([kind, arg, id]) => {
        const panel = document.querySelector(id);
        const articles = window.__fp[kind](arg);
        let last = performance.now();
        let maxGap = 0;
        const tick = setInterval(() => {
          const now = performance.now();
          maxGap = Math.max(maxGap, now - last);
          last = now;
        }, 5);
        const t0 = performance.now();
        const done = new Promise((ok) => panel.addEventListener('fact-panel-ready', ok, { once: true }));
        panel.articles = articles;
        await done;
        const total = performance.now() - t0;
        maxGap = Math.max(maxGap, performance.now() - last);
        clearInterval(tick);
        return { total, maxGap, chars: articles.reduce((n, a) => n + a.text.length, 0), bytes: new TextEncoder().encode(articles.map((a) => a.text).join('')).length };
      },
      [kind, arg, id],
    );
  }

  /** analyze + render on the main thread, as without a worker. */
  async function mainThread(page, [kind, arg]) {
    return page.evaluate(async ([kind, arg]) => {
      const glue = await import('/pkg/factpanel.js');
      const articles = window.__fp[kind](arg);
      const t0 = performance.now();
      const analysis = glue.analyze(articles);
      const doc = analysis.toJSON();
      const t1 = performance.now();
      const host = document.createElement('div');
      document.body.append(host);
      analysis.render(host, { articles: articles.map((a) => ({ id: a.id })) });
      const t2 = performance.now();
      host.remove();
      analysis.free();
      return { analyze: t1 - t0, render: t2 - t1, claims: doc.facts.reduce((n, f) => n + f.claims.length, 0) };
    }, [kind, arg]);
  }

  test('a 5 MB article and 1,000 articles: analysed in a worker, the main thread is never blocked for long', async () => {
    const p = await open('/__test__/blank.html', { setup: largeInputs });
    const { page, log } = p;
    await addPanel(page, { articles: FIXTURE_ARTICLES });
    await ready(page, '#p');
    assert.equal(log.workers.length, 0, 'small inputs stay on the main thread');
    const frozen = () =>
      page.evaluate(() => {
        const deep = (v) => v === null || typeof v !== 'object' || (Object.isFrozen(v) && Object.values(v).every(deep));
        return deep(document.getElementById('p').data);
      });
    assert.ok(await frozen(), 'a document analysed on the main thread is deeply frozen');
    const big = await timed(page, ['big', FIVE_MB]);
    assert.ok(big.bytes >= FIVE_MB, `${big.bytes} bytes`);
    assert.equal(log.workers.length, 1, 'the 5 MB article went to a worker');
    assert.equal(await page.evaluate(() => document.getElementById('p').data.sources[0].id), 'big');
    assert.ok(await frozen(), 'so is one analysed in the worker');
    // "Read in the article" shows the whole 5 MB text.
    const shown = await page.evaluate(() => {
      const root = document.getElementById('p').shadowRoot;
      root.querySelector('button.fact-toggle').click();
      root.querySelector('button.ctx-toggle').click();
      return root.querySelector('.context:not([hidden])')?.textContent.length;
    });
    assert.ok(shown >= FIVE_MB, `context of ${shown} characters`);
    const bigMain = await mainThread(page, ['big', FIVE_MB]);
    const many = await timed(page, ['many', 1000]);
    assert.equal(log.workers.length, 2);
    const manyMain = await mainThread(page, ['many', 1000]);
    const ms = (x) => `${Math.round(x)} ms`;
    console.log(`# 5 MB article (${big.bytes} bytes): main thread analyze ${ms(bigMain.analyze)} + render ${ms(bigMain.render)}; ` +
      `element (worker): ready after ${ms(big.total)}, longest main-thread block ${ms(big.maxGap)}`);
    console.log(`# 1,000 articles (${many.bytes} bytes, ${manyMain.claims} claims): main thread analyze ${ms(manyMain.analyze)} + render ${ms(manyMain.render)}; ` +
      `element (worker): ready after ${ms(many.total)}, longest main-thread block ${ms(many.maxGap)}`);
    // The worker takes the analysis off the main thread: what is left is
    // JSON.stringify, the message copy and the render (whose claims lists
    // are built when a fact is opened, for a document with many claims).
    assert.ok(big.maxGap < Math.max(250, bigMain.analyze / 2), `5 MB: the main thread was blocked ${ms(big.maxGap)}`);
    assert.ok(many.maxGap < Math.max(250, manyMain.analyze / 2), `1,000 articles: blocked ${ms(many.maxGap)}`);
    assert.ok(manyMain.render < 600, `1,000 articles: render took ${ms(manyMain.render)}`);
    // Opening a fact builds its claims; "read in the article" works in them.
    const opened = await page.evaluate(() => {
      const panel = document.getElementById('p');
      const root = panel.shadowRoot;
      const t0 = performance.now();
      root.querySelector('button.fact-toggle').click();
      const ms = performance.now() - t0;
      const list = root.querySelector('ol.claims:not([hidden])');
      list.querySelector('button.ctx-toggle').click();
      const region = list.querySelector('.context:not([hidden])');
      const [f, c] = region.dataset.claim.split(':').map(Number);
      const claim = panel.data.facts[f].claims[c];
      return {
        ms,
        claims: list.querySelectorAll('li.claim').length,
        expected: panel.data.facts[Number(list.dataset.claims)].claims.length,
        context: region.textContent === panel.articles.find((a) => a.id === claim.source).text,
      };
    });
    console.log(`# 1,000 articles: opening a fact of ${opened.claims} claims took ${ms(opened.ms)}`);
    assert.ok(opened.claims > 100 && opened.claims === opened.expected, JSON.stringify(opened));
    assert.ok(opened.context, 'the context is the article text');
    await close(p);
  });

  test('a newer input stops the running analysis', async () => {
    const p = await open('/__test__/blank.html', { setup: largeInputs });
    const { page, log } = p;
    let closed = 0;
    page.on('worker', (w) => w.on('close', () => closed++));
    await addPanel(page, { articles: FIXTURE_ARTICLES });
    await ready(page, '#p');
    let events = 0;
    await page.exposeFunction('__ready', () => events++);
    await page.evaluate((n) => {
      const el = document.getElementById('p');
      el.addEventListener('fact-panel-ready', () => window.__ready());
      el.articles = window.__fp.big(n);
    }, FIVE_MB);
    for (let i = 0; i < 100 && log.workers.length === 0; i++) await page.waitForTimeout(20);
    assert.equal(log.workers.length, 1, 'the analysis started in a worker');
    await page.evaluate((a) => { document.getElementById('p').articles = a.slice(1); }, FIXTURE_ARTICLES);
    await page.waitForFunction(() => document.getElementById('p').data.sources.length === 1);
    for (let i = 0; i < 100 && closed === 0; i++) await page.waitForTimeout(20);
    assert.equal(closed, 1, 'the worker was terminated');
    await page.waitForTimeout(1500);
    assert.equal(events, 1, 'only the newer input was rendered');
    assert.equal(await page.evaluate(() => document.getElementById('p').data.sources[0].id), 'b-quotidien');
    await close(p);
  });

  test('an analysis running past FactPanel.analysisTimeout is stopped and reported; the last good panel stays', async () => {
    const p = await open('/__test__/blank.html', { setup: largeInputs });
    const { page } = p;
    await addPanel(page, { articles: FIXTURE_ARTICLES });
    await ready(page, '#p');
    await page.evaluate(() => {
      customElements.get('fact-panel').analysisTimeout = 50;
      document.getElementById('p').articles = window.__fp.big(2_000_000);
    });
    assert.match(await alertMatching(page, /took longer/, '#p'), /the analysis took longer than 0\.05 s and was stopped/);
    assert.ok(await inPanel(page, 'article.fp', '#p').isVisible());
    await page.evaluate(() => {
      customElements.get('fact-panel').analysisTimeout = 30_000;
      document.getElementById('p').articles = window.__fp.big(2_000_000);
    });
    await page.waitForFunction(() => document.getElementById('p').data.sources[0].id === 'big');
    assert.equal(await text(inPanel(page, '[role="alert"]', '#p')), '');
    await close(p, { ownErrors: 1, expectedErrors: 1 });
  });

  test('when the worker script cannot load, the analysis runs on the main thread', async () => {
    const p = await open('/__test__/blank.html', {
      setup: async (page) => {
        await largeInputs(page);
        await page.context().route('**/fact-panel-worker.js', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      },
    });
    const { page } = p;
    await addPanel(page);
    await page.evaluate(() => { document.getElementById('p').articles = window.__fp.big(100_000); });
    await page.waitForFunction(() => document.getElementById('p').data?.sources[0]?.id === 'big');
    assert.equal(await text(inPanel(page, '[role="alert"]', '#p')), '');
    // Only the browser's own log of the 404, nothing from the element.
    await close(p, { ownErrors: 0, expectedErrors: p.log.errors.length });
  });
});

