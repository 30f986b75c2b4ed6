// <fact-panel>: the factpanel web component.
//
//   <script type="module" src="/factpanel/fact-panel.js"></script>
//   <fact-panel src="/articles/event.json" lang="fr">Chargement…</fact-panel>
//
// Attributes: `src` (same-origin URL of a JSON array of articles, or of a
// factpanel/1 document made ahead of time by `factpanel --json`), `lang`
// (`fr` | `en`). Properties: `articles` (set an array to analyse it), `data`
// (read-only: the last factpanel/1 document). Event: `fact-panel-ready`
// (bubbles, composed; detail = the document). The panel itself is built by
// the Rust core (wasm) with DOM text nodes; this file only loads it, feeds
// it and adds the disclosure behaviour. No error escapes: each shows in the
// panel (role="alert", logged once) and the last good panel stays. Large
// inputs are analysed in a worker (fact-panel-worker.js). See docs/element.md.
//
// Import as `fact-panel.js?define=false` to register under another tag with
// `FactPanel.define('my-tag')`.

const WORKER_URL = new URL('./fact-panel-worker.js', import.meta.url);
// The demo's seed corpus (its articles and their document), written by
// ./build.sh: the module does not carry it, so that a page that embeds the
// panel for its own articles downloads no seed text.
const SEED_URL = new URL('./pkg/seed.json', import.meta.url);

// Inputs with more text than this (UTF-16 units, summed over the articles)
// are analysed in a worker: about 30 ms of analysis on the main thread
// below it (docs/element.md, "Large inputs").
const WORKER_MIN_CHARS = 32 * 1024;

const MESSAGES = {
  fr: { failed: 'Le panneau des faits n’a pas pu être affiché.', unavailable: 'Le panneau des faits n’a pas pu être chargé.' },
  en: { failed: 'The fact panel could not be shown.', unavailable: 'The fact panel could not be loaded.' },
};

function mark(name) {
  try { performance.mark(name); } catch { /* marks are best effort */ }
}

/** The panel's code could not be loaded: the light-DOM fallback stays. */
class LoadError extends Error {}

// Two wasm modules built from the same crate by ./build.sh: `full`
// analyses articles and renders; `view` only reads and renders documents,
// at less than half the size. A panel that shows a document (a `src` file
// made by `factpanel --json`, the demo's seed) loads `view` alone; one
// given articles loads `full`, which then also renders.
//
// Each module is fetched and compiled once per page (`module`), and has one
// instance on the page (`engine`: its JS glue), shared by every panel.
// After a crash (a Rust panic traps with `unreachable` and may leave the
// instance unusable), the instance is dropped and the next call gets a
// fresh one: a new copy of the glue (same URL, `?instance=N`, since the glue
// module keeps its instance in a module variable) instantiated from the
// compiled module. The analysis workers instantiate the compiled `full`.
const engines = {
  view: { glue: new URL('./pkg/factpanel_view.js', import.meta.url), wasm: new URL('./pkg/factpanel_view_bg.wasm', import.meta.url), generation: 0 },
  full: { glue: new URL('./pkg/factpanel.js', import.meta.url), wasm: new URL('./pkg/factpanel_bg.wasm', import.meta.url), generation: 0 },
};

function compileModule(kind) {
  const e = engines[kind];
  const url = e.wasm;
  e.module ??= (async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
    if (typeof WebAssembly.compileStreaming === 'function' && res.headers.get('Content-Type')?.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(res);
    }
    return WebAssembly.compile(await res.arrayBuffer());
  })();
  e.module.catch(() => { e.module = null; }); // let a later panel retry
  return e.module;
}

function loadEngine(kind) {
  const e = engines[kind];
  e.loading ??= (async () => {
    const base = e.glue.href;
    const url = e.generation === 0 ? base : `${base}?instance=${e.generation}`;
    const [glue, module] = await Promise.all([import(url), compileModule(kind)]);
    await glue.default({ module_or_path: module });
    e.engine = glue;
    return glue;
  })().catch((err) => {
    e.loading = null; // let a later panel retry
    throw new LoadError(`could not load the factpanel module (${err?.message ?? err})`);
  });
  return e.loading;
}

// The instance that renders: `full` once the page has it (it renders
// too), else `view`.
const renderer = () => engines.full.engine ?? engines.view.engine;
// A page whose `full` instance crashed restarts it rather than fetching `view`.
const loadRenderer = () => engines.full.loading ?? loadEngine(engines.full.generation > 0 ? 'full' : 'view');

/** An error thrown by the wasm module that is not one of its own `factpanel:` errors. */
function crashError(name, message) {
  return new Error(`internal error in the factpanel module (${name}: ${message})`);
}

const isOwnError = (e) => e instanceof Error && e.message.startsWith('factpanel: ');

// Runs `fn(glue)` on an instance. Anything thrown that is not one of the
// module's own errors (a trap, a stack overflow…) drops the instance.
function guarded(glue, fn) {
  try {
    return fn(glue);
  } catch (e) {
    if (isOwnError(e)) throw e;
    for (const dropped of Object.values(engines)) {
      if (dropped.engine === glue) {
        dropped.engine = null;
        dropped.loading = null;
        dropped.generation++;
      }
    }
    throw crashError(e?.name ?? 'Error', e?.message ?? String(e));
  }
}

/** Runs `fn(glue)` on the page's `full` instance (to analyse) or on its renderer, loading one if needed. */
async function withEngine(fn, kind = null) {
  const glue = kind === 'full' ? engines.full.engine ?? (await loadEngine('full')) : renderer() ?? (await loadRenderer());
  return guarded(glue, fn);
}

// Trusted Types: `new Worker(url)` needs a TrustedScriptURL where they are
// enforced. The policy is named `factpanel` and only ever blesses the
// worker's own URL; it is created the first time a worker is needed.
let policy;
function workerScriptURL() {
  if (policy === undefined) {
    policy = null;
    if (globalThis.trustedTypes?.createPolicy) {
      try {
        policy = globalThis.trustedTypes.createPolicy('factpanel', {
          createScriptURL: (url) => {
            if (url === WORKER_URL.href) return url;
            throw new TypeError(`factpanel: refusing the script URL ${url}`);
          },
        });
      } catch {
        /* not allowed by the page's CSP: try without, else the main thread */
      }
    }
  }
  return policy ? policy.createScriptURL(WORKER_URL.href) : WORKER_URL.href;
}

let workersFailed = false; // a worker could not start on this page: main thread only
const MAIN_THREAD = Symbol('main thread');

// Analyses `json` (the articles as JSON text) in a new module worker.
// Resolves to the document's JSON text, or to MAIN_THREAD when no worker can run here;
// `cancel()` stops it (the promise then never settles).
function analyzeInWorker(module, json, timeout) {
  let worker;
  try {
    worker = new Worker(workerScriptURL(), { type: 'module', name: 'factpanel' });
  } catch {
    workersFailed = true;
    return { promise: Promise.resolve(MAIN_THREAD), cancel() {} };
  }
  let finish;
  const promise = new Promise((resolve, reject) => {
    let loaded = false;
    const timer = setTimeout(
      () => finish(reject, new Error(`the analysis took longer than ${timeout / 1000} s and was stopped`)),
      timeout,
    );
    finish = (settle, value) => {
      clearTimeout(timer);
      worker.terminate();
      settle?.(value);
      finish = () => {};
    };
    worker.onmessage = ({ data }) => {
      if (data?.ready) loaded = true;
      else if (data?.ok) finish(resolve, data.json);
      else if (String(data?.message).startsWith('factpanel: ')) finish(reject, new Error(data.message));
      else finish(reject, crashError(data?.name, data?.message));
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      if (loaded) {
        finish(reject, new Error(`the analysis worker failed${ev.message ? ` (${ev.message})` : ''}`));
      } else {
        workersFailed = true; // not loadable here (CSP, missing file): use the main thread
        finish(resolve, MAIN_THREAD);
      }
    };
    worker.onmessageerror = () => finish(reject, new Error('the analysis result could not be read'));
    worker.postMessage({ module, json });
  });
  return { promise, cancel: () => finish() };
}

// The stylesheet (STYLES, at the end of this file): made once, adopted by
// every shadow root. It is part of this file so that it is there as soon as
// the panel is: no request, nothing to wait for.
let sheet;
function styleSheet() {
  if (sheet === undefined) {
    sheet = null;
    try {
      if ('adoptedStyleSheets' in ShadowRoot.prototype) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLES);
      }
    } catch {
      sheet = null;
    }
  }
  return sheet;
}

// A document the panel shows, and the module's handle on it (an
// `Analysis`, which renders it without the document crossing the boundary
// again). The handle belongs to one instance of the module (`glue`): a
// document from elsewhere (`src`, the seed, a worker: `text` is its JSON
// when known), or one whose instance crashed, is read by the instance that
// renders it, once.
function hold(doc, glue = null, analysis = null, text = null) {
  return { doc, glue, analysis, text };
}

function analysisOn(held, glue) {
  if (held.glue !== glue) {
    release(held);
    held.analysis = glue.Analysis.read(held.text ?? held.doc);
    held.glue = glue;
  }
  return held.analysis;
}

function release(held) {
  try {
    held?.analysis?.free();
  } catch {
    /* its instance is gone */
  }
  if (held) {
    held.analysis = null;
    held.glue = null;
  }
}

/** Freezes `v` and every object and array inside it; returns `v`. */
function deepFreeze(v) {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return t === 'object' ? 'an object' : t === 'undefined' ? 'nothing' : `a ${t}`;
}

/** Checks the shape the element relies on; the core checks the rest. */
function checkArticles(articles, where) {
  if (!Array.isArray(articles)) {
    throw new Error(`${where} must be an array of articles ({id, text}), not ${describe(articles)}`);
  }
  articles.forEach((a, i) => {
    if (a === null || typeof a !== 'object' || Array.isArray(a)) {
      throw new Error(`${where}: article #${i + 1} must be an object ({id, text}), not ${describe(a)}`);
    }
    if (typeof a.text !== 'string') {
      const id = typeof a.id === 'string' ? ` ("${a.id.slice(0, 60)}")` : '';
      throw new Error(`${where}: article #${i + 1}${id} has no text (expected a string, got ${describe(a.text)})`);
    }
  });
}

// `src`: the articles to analyse, or a factpanel/1 document made ahead of
// time (`factpanel --json`), rendered as it is. Resolves to `{ articles }`
// or `{ doc }`.
// The seed corpus, shown when the panel has neither `src` nor `articles`.
async function fetchSeed() {
  const res = await fetch(SEED_URL, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`could not load the seed corpus ${SEED_URL.pathname} (HTTP ${res.status})`);
  const { articles, document: doc } = await res.json();
  return { doc: deepFreeze(doc), texts: new Map(articles.map((a) => [a.id, a.text])) };
}

async function fetchSource(src) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw new Error(`src is not a valid URL: ${JSON.stringify(src.slice(0, 200))}`);
  }
  if (url.origin !== window.location.origin) {
    const what = url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : `a ${url.protocol} URL`;
    throw new Error(`src must be a same-origin URL, not ${what}`);
  }
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`could not load ${url.pathname} (HTTP ${res.status})`);
  let value;
  try {
    value = await res.json();
  } catch (e) {
    throw new Error(`${url.pathname} is not valid JSON (${e?.message ?? e})`);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'schema' in value) {
    if (value.schema !== 'factpanel/1') {
      throw new Error(`${url.pathname} is a document of schema ${JSON.stringify(value.schema)?.slice(0, 60)}; this panel reads factpanel/1`);
    }
    return { doc: deepFreeze(value) }; // checked by the module when rendered
  }
  if (!Array.isArray(value)) {
    throw new Error(`${url.pathname} must be an array of articles ({id, text}) or a factpanel/1 document, not ${describe(value)}`);
  }
  checkArticles(value, url.pathname);
  return { articles: value };
}

const registered = new WeakSet();
let instances = 0;
let started = false;
let rendered = false;

export class FactPanel extends HTMLElement {
  static observedAttributes = ['lang', 'src'];

  /**
   * Analyses with more text than about 32 K characters run in a worker; one
   * that takes longer than this (in ms) is stopped and reported.
   */
  static analysisTimeout = 30_000;

  /** Registers the element (once) under `tag`. */
  static define(tag = 'fact-panel', registry = window.customElements) {
    if (!registry.get(tag)) {
      // A constructor can back only one tag: another tag gets a subclass.
      const cls = registered.has(this) ? class extends this {} : this;
      registry.define(tag, cls);
      registered.add(cls);
    }
    return this;
  }

  #shadow;
  #alert;
  #body;
  #prefix;
  #articles = null;
  #held = null; // the document shown (hold())
  #texts = new Map(); // source id → text, for "read in the article"
  #token = 0;
  #queued = false;
  #pending = false; // a change arrived while disconnected
  #cancel = null; // stops the running worker analysis
  #error = null; // the error shown, if any

  constructor() {
    super();
    this.#prefix = `fp${++instances}-`;
  }

  /** Articles to analyse (an array of `{id, text, …}`); `null` = use `src`. */
  get articles() {
    return this.#articles;
  }

  set articles(value) {
    this.#articles = value ?? null;
    this.#schedule();
  }

  /** The last factpanel/1 document rendered, or `null`. Read-only. */
  get data() {
    return this.#held?.doc ?? null;
  }

  connectedCallback() {
    try {
      if (!started) {
        started = true;
        mark('factpanel:start');
      }
      this.#setup();
      this.#upgradeProperty('articles');
      if (!this.#held || this.#pending) this.#schedule();
    } catch (e) {
      this.#fail(e);
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#shadow) return;
    try {
      if (name === 'src') this.#schedule();
      else if (name === 'lang') this.#rerender();
    } catch (e) {
      this.#fail(e);
    }
  }

  get #lang() {
    return (this.getAttribute('lang') || 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr';
  }

  #setup() {
    if (this.#shadow) return;
    this.#shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#alert = document.createElement('div');
    this.#alert.className = 'alert';
    this.#alert.setAttribute('part', 'error');
    this.#alert.setAttribute('role', 'alert');
    this.#body = document.createElement('div');
    this.#body.className = 'body';
    const fallback = document.createElement('div');
    fallback.className = 'fallback';
    fallback.setAttribute('part', 'fallback');
    fallback.append(document.createElement('slot'));
    this.#body.append(fallback);
    this.#shadow.replaceChildren(this.#alert, this.#body);
    this.#shadow.addEventListener('click', (ev) => this.#onClick(ev));
    this.#shadow.addEventListener('keydown', (ev) => this.#onKeydown(ev));
    const styles = styleSheet();
    if (styles) {
      this.#shadow.adoptedStyleSheets = [...this.#shadow.adoptedStyleSheets, styles];
    } else {
      // No constructable stylesheets (old browsers): a <style> element,
      // which a strict CSP blocks (the panel then shows unstyled).
      const style = document.createElement('style');
      style.textContent = STYLES;
      this.#shadow.prepend(style);
    }
  }

  // A property set before the element was upgraded shadows the accessor.
  #upgradeProperty(name) {
    if (Object.prototype.hasOwnProperty.call(this, name)) {
      const value = this[name];
      delete this[name];
      this[name] = value;
    }
  }

  // Coalesces changes made in the same task (attributes + property).
  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#pending = !this.isConnected;
      if (this.isConnected) this.#update();
    });
  }

  async #update() {
    const token = ++this.#token;
    this.#cancel?.(); // a newer input supersedes a running analysis
    this.#cancel = null;
    try {
      // Articles load the analysing module (`full`). Otherwise the module
      // that shows a document (`view`) loads while `src` or the seed is
      // fetched; a `src` file that turns out to hold articles loads `full`
      // as well (#analyze). A module that cannot load is the error shown
      // if both fail.
      const engineReady = this.#articles !== null ? loadEngine('full') : loadRenderer();
      const fetching = this.#articles === null && this.hasAttribute('src') ? fetchSource(this.getAttribute('src')) : null;
      const seeding = this.#articles === null && !fetching ? fetchSeed() : null;
      fetching?.catch(() => {}); // awaited below, after the module
      seeding?.catch(() => {});
      await engineReady;
      let held;
      let texts;
      if (this.#articles !== null || fetching) {
        const { articles, doc: given } = this.#articles !== null ? { articles: this.#articles } : await fetching;
        if (token !== this.#token) return; // superseded
        if (given) {
          held = hold(given);
          texts = new Map(); // a document comes without its articles' texts
        } else {
          if (this.#articles !== null) checkArticles(articles, '.articles');
          held = await this.#analyze(articles, token);
          if (!held) return;
          texts = new Map(articles.map((a) => [a.id, a.text]));
        }
      } else {
        const seed = await seeding;
        held = hold(seed.doc);
        texts = seed.texts;
      }
      if (token !== this.#token) return release(held);
      try {
        await this.#render(held, texts);
      } catch (e) {
        release(held);
        throw e;
      }
      if (this.#held !== held) release(this.#held);
      this.#held = held;
      const doc = held.doc;
      this.#texts = texts;
      this.#clearError();
      if (!rendered) {
        rendered = true;
        mark('factpanel:rendered');
      }
      this.dispatchEvent(new CustomEvent('fact-panel-ready', { bubbles: true, composed: true, detail: doc }));
    } catch (e) {
      if (token === this.#token) this.#fail(e);
    }
  }

  // Small inputs on the main thread; large ones in a worker, so that the
  // page stays responsive and a runaway analysis can be stopped.
  async #analyze(articles, token) {
    const chars = articles.reduce((n, a) => n + a.text.length, 0);
    if (chars >= WORKER_MIN_CHARS && !workersFailed && typeof Worker === 'function') {
      let json;
      try {
        json = JSON.stringify(articles);
      } catch (e) {
        throw new Error(`the articles cannot be converted to JSON (${e?.message ?? e})`);
      }
      const module = await compileModule('full');
      if (token !== this.#token) return null;
      const job = analyzeInWorker(module, json, Math.max(0, Number(FactPanel.analysisTimeout) || 0) || 30_000);
      this.#cancel = job.cancel;
      const text = await job.promise;
      this.#cancel = null;
      if (text !== MAIN_THREAD) return hold(deepFreeze(JSON.parse(text)), null, null, text); // frozen like the module's own
    }
    return withEngine((glue) => {
      const analysis = glue.analyze(articles);
      try {
        return hold(analysis.toJSON(), glue, analysis);
      } catch (e) {
        analysis.free();
        throw e;
      }
    }, 'full');
  }

  // Builds the new panel off-document, then swaps it in: a failure at any
  // point leaves the previous panel as it was.
  async #render(held, texts = this.#texts) {
    const body = document.createElement('div');
    body.className = 'body';
    const options = this.#options(held.doc, texts);
    await withEngine((glue) => analysisOn(held, glue).render(body, options));
    this.#body.replaceWith(body);
    this.#body = body;
  }

  // A new language: same document, new labels.
  async #rerender() {
    if (this.#error) this.#show(this.#error);
    if (!this.#held) return;
    try {
      await this.#render(this.#held);
    } catch (e) {
      this.#fail(e);
    }
  }

  // Shows the error in the panel (the last good panel stays) and logs it once.
  #fail(error) {
    const detail = String(error?.message ?? error).replace(/^factpanel: /, '');
    const again = this.#error?.detail === detail;
    this.#error = { detail, load: error instanceof LoadError };
    try {
      if (!this.#shadow) this.#setup();
      // Without a panel yet: the fallback stays if the code could not load,
      // else it goes (no "loading…" forever).
      if (!this.#held && !this.#error.load) this.#body.replaceChildren();
      this.#show(this.#error);
    } catch {
      /* nothing more we can do without a shadow root */
    }
    if (!again) console.error(`<${this.localName}>: ${detail}`, error);
  }

  #show({ detail, load }) {
    const m = MESSAGES[this.#lang];
    this.#alert.textContent = `${load ? m.unavailable : m.failed} ${detail}`;
  }

  #clearError() {
    this.#alert.textContent = '';
    this.#error = null;
  }

  #onClick(ev) {
    const button = ev.target instanceof Element ? ev.target.closest('button[aria-controls][aria-expanded]') : null;
    if (!button || !this.#body.contains(button)) return;
    this.#toggle(button, button.getAttribute('aria-expanded') !== 'true');
  }

  // Escape closes the innermost open disclosure around the focus and
  // returns the focus to its button.
  #onKeydown(ev) {
    if (ev.key !== 'Escape' || !(ev.target instanceof Element)) return;
    let el = ev.target;
    if (el.matches('button[aria-expanded="true"]')) {
      this.#toggle(el, false);
      ev.preventDefault();
      return;
    }
    for (; el && el !== this.#body; el = el.parentElement) {
      if (!el.id || el.hidden) continue;
      const button = this.#shadow.querySelector(`button[aria-controls="${CSS.escape(el.id)}"][aria-expanded="true"]`);
      if (button) {
        this.#toggle(button, false);
        button.focus();
        ev.preventDefault();
        return;
      }
    }
  }

  #toggle(button, open) {
    const region = this.#shadow.getElementById(button.getAttribute('aria-controls'));
    if (!region) return;
    const onDemand = region.hasAttribute('data-claim') || region.hasAttribute('data-claims');
    if (open && onDemand && !region.firstChild) {
      const glue = renderer();
      if (!glue) {
        // The module is being restarted after a crash: open once it is back.
        loadRenderer().then(() => this.#toggle(button, open), (e) => this.#fail(e));
        return;
      }
      try {
        if (region.hasAttribute('data-claims')) this.#fillClaims(region, glue);
        else this.#fillContext(region, glue);
      } catch (e) {
        this.#fail(e);
        return;
      }
    }
    button.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    if (open && region.classList.contains('context')) {
      const m = region.querySelector('mark');
      if (m) region.scrollTop = Math.max(0, m.offsetTop - region.clientHeight / 3);
    }
  }

  // A fact's claims, built on demand when the document has many (render
  // leaves the lists empty then).
  #fillClaims(region, glue) {
    const f = Number(region.getAttribute('data-claims'));
    const held = this.#held;
    guarded(glue, (g) => analysisOn(held, g).renderClaims(region, f, this.#options(held.doc)));
  }

  // The options of render and renderClaims for `doc`: the claims of a
  // source whose text is in `texts` (by id) get "read in the article" (only
  // ids are passed); the claims lists are filled when a fact is opened.
  #options(doc, texts = this.#texts) {
    const sources = Array.isArray(doc?.sources) ? doc.sources : [];
    const articles = sources
      .filter((s) => typeof s?.id === 'string' && texts.has(s.id))
      .map((s) => ({ id: s.id }));
    return { lang: this.#lang, articles, idPrefix: this.#prefix, lazyClaims: true };
  }

  // "Read in the article": the claim's full source text, built on demand.
  #fillContext(region, glue) {
    const [f, c] = region.getAttribute('data-claim').split(':').map(Number);
    const held = this.#held;
    const claim = held?.doc.facts[f]?.claims[c];
    const text = claim && this.#texts.get(claim.source);
    if (typeof text !== 'string') throw new Error('the article text is not available');
    guarded(glue, (g) => analysisOn(held, g).renderContext(region, text, f, c));
  }
}

// The panel's styles. Theme it from the page with the custom properties
// on :host and the part names; see docs/element.md.
const STYLES = String.raw`
:host {
  --fact-panel-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --fact-panel-font-size: 1rem;
  --fact-panel-bg: #ffffff;
  --fact-panel-fg: #1d2125;
  --fact-panel-muted: #525a63;
  --fact-panel-border: #d3d8de;
  --fact-panel-surface: #f4f6f8;
  --fact-panel-accent: #1f5fbf;
  --fact-panel-mark: #fff1a8;
  --fact-panel-radius: 10px;
  --fact-panel-gap: 0.75rem;
  --fact-panel-agreed: #17652f;
  --fact-panel-compatible: #1d4f9c;
  --fact-panel-disputed: #a3161a;
  --fact-panel-single: #4d5359;

  display: block;
  container-type: inline-size;
  min-width: 0;
  color: var(--fact-panel-fg);
  font-family: var(--fact-panel-font);
  font-size: var(--fact-panel-font-size);
  line-height: 1.45;
}

@media (prefers-color-scheme: dark) {
  :host {
    --fact-panel-bg: #16191d;
    --fact-panel-fg: #e8eaed;
    --fact-panel-muted: #aab1b9;
    --fact-panel-border: #3a4048;
    --fact-panel-surface: #1f2329;
    --fact-panel-accent: #8ab4f8;
    --fact-panel-mark: #5c4d00;
    --fact-panel-agreed: #81c995;
    --fact-panel-compatible: #9cc0fa;
    --fact-panel-disputed: #f5a3a0;
    --fact-panel-single: #c4c9cf;
  }
}

[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }

.alert:empty { display: none; }
.alert {
  margin: 0 0 var(--fact-panel-gap);
  padding: 0.6rem 0.8rem;
  border: 1px solid var(--fact-panel-disputed);
  border-left-width: 4px;
  border-radius: var(--fact-panel-radius);
  background: var(--fact-panel-bg);
  color: var(--fact-panel-fg);
  font-size: 0.9rem;
}

.fp {
  background: var(--fact-panel-bg);
  color: var(--fact-panel-fg);
  border: 1px solid var(--fact-panel-border);
  border-radius: var(--fact-panel-radius);
  padding: var(--fact-panel-gap);
  overflow-wrap: anywhere;
}

p, h2, h3, h4, ul, ol, blockquote { margin: 0; }
ul, ol { padding: 0; list-style: none; }
cite { font-style: normal; }
button { font: inherit; color: inherit; }
button:focus-visible, .context:focus-visible, .matrix-wrap:focus-visible, a:focus-visible {
  outline: 3px solid var(--fact-panel-accent);
  outline-offset: 2px;
}
a { color: var(--fact-panel-accent); }

/* Header */
.kicker {
  font-size: 0.75rem;
  font-weight: 700;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fact-panel-muted);
}
.title { font-size: 1.3rem; line-height: 1.2; margin: 0.15rem 0 0.25rem; }
.meta, .muted { color: var(--fact-panel-muted); font-size: 0.9rem; }

/* Sections */
.sec { margin-top: var(--fact-panel-gap); border-top: 1px solid var(--fact-panel-border); padding-top: calc(var(--fact-panel-gap) * 0.75); }
.sec > h3 {
  font-size: 0.78rem;
  font-weight: 700;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fact-panel-muted);
  margin-bottom: 0.35rem;
}
.empty { color: var(--fact-panel-muted); }

/* Facts */
.fact + .fact { border-top: 1px solid var(--fact-panel-border); }
.fact-h { font: inherit; }
.fact-toggle {
  display: grid;
  grid-template-columns: 1fr auto;
  column-gap: 0.5rem;
  row-gap: 0.15rem;
  width: 100%;
  margin: 0;
  padding: 0.55rem 0.25rem;
  border: 0;
  border-radius: calc(var(--fact-panel-radius) * 0.6);
  background: none;
  text-align: start;
  cursor: pointer;
}
.fact-toggle:hover { background: var(--fact-panel-surface); }
.fact-toggle > .label { grid-column: 1; font-size: 0.9rem; color: var(--fact-panel-muted); font-weight: 600; }
.fact-toggle > .value { grid-column: 1; font-size: 1.1rem; font-weight: 700; line-height: 1.25; }
.fact-toggle > .badges { grid-column: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; }
.chev {
  grid-column: 2;
  grid-row: 1 / span 3;
  align-self: center;
  width: 0.55rem;
  height: 0.55rem;
  margin: 0 0.35rem;
  border-right: 2px solid var(--fact-panel-muted);
  border-bottom: 2px solid var(--fact-panel-muted);
  transform: rotate(45deg);
  transition: transform 0.15s;
}
[aria-expanded="true"] > .chev { transform: rotate(-135deg); }
@media (prefers-reduced-motion: reduce) { .chev { transition: none; } }

.chip {
  display: inline-flex;
  align-items: center;
  gap: 0.3em;
  padding: 0.05em 0.55em;
  border: 1px solid currentColor;
  border-radius: 999px;
  font-size: 0.78rem;
  font-weight: 700;
  white-space: nowrap;
  background: var(--fact-panel-bg);
}
.chip .sym { font-weight: 700; }
.chip-agreed { color: var(--fact-panel-agreed); }
.chip-compatible { color: var(--fact-panel-compatible); }
.chip-disputed { color: var(--fact-panel-disputed); border-style: dashed; }
.chip-single { color: var(--fact-panel-single); border-style: dotted; }
.count { font-size: 0.82rem; color: var(--fact-panel-muted); }

/* Claims */
.claims {
  margin: 0.15rem 0 0.6rem 0.3rem;
  padding-left: 0.7rem;
  border-left: 3px solid var(--fact-panel-border);
}
.claim { padding: 0.45rem 0; }
.claim + .claim { border-top: 1px dashed var(--fact-panel-border); }
.claim-src, .src-head { font-size: 0.85rem; }
.src-title { font-weight: 600; }
.num {
  display: inline-block;
  min-width: 1.45em;
  margin-right: 0.35em;
  padding: 0 0.3em;
  border: 1px solid var(--fact-panel-border);
  border-radius: 999px;
  font-size: 0.75rem;
  font-weight: 700;
  text-align: center;
  color: var(--fact-panel-muted);
}
.outlet { color: var(--fact-panel-muted); }
.quote {
  margin: 0.3rem 0;
  padding: 0.15rem 0 0.15rem 0.6rem;
  border-left: 3px solid var(--fact-panel-accent);
  font-size: 0.95rem;
}
mark {
  background: var(--fact-panel-mark);
  color: var(--fact-panel-fg);
  border-radius: 2px;
  padding: 0 0.1em;
}
.claim-meta { font-size: 0.82rem; color: var(--fact-panel-muted); }
.said-by { font-weight: 600; }
.agreement-compatible, .agreement-disputes { font-weight: 700; }
.agreement-disputes { color: var(--fact-panel-disputed); }
.claim-note { margin: 0.15rem 0 0; font-size: 0.82rem; font-style: italic; }

.ctx-toggle {
  margin-top: 0.35rem;
  padding: 0.2rem 0.6rem;
  border: 1px solid var(--fact-panel-border);
  border-radius: 999px;
  background: var(--fact-panel-bg);
  color: var(--fact-panel-accent);
  font-size: 0.82rem;
  font-weight: 600;
  cursor: pointer;
}
.ctx-toggle:hover { background: var(--fact-panel-surface); }
.context {
  position: relative;
  margin-top: 0.4rem;
  max-height: 16rem;
  overflow: auto;
  padding: 0.5rem 0.7rem;
  border: 1px solid var(--fact-panel-border);
  border-radius: calc(var(--fact-panel-radius) * 0.6);
  background: var(--fact-panel-surface);
  white-space: pre-wrap;
  font-size: 0.88rem;
}
.context mark { background: var(--fact-panel-mark); }
.context strong { text-decoration: underline; text-underline-offset: 0.15em; }

/* Positions matrix */
.matrix-wrap { overflow-x: auto; }
.matrix { width: 100%; border-collapse: collapse; font-size: 0.88rem; overflow-wrap: normal; hyphens: auto; }
.matrix th, .matrix td {
  padding: 0.35rem 0.4rem;
  border-bottom: 1px solid var(--fact-panel-border);
  text-align: start;
  vertical-align: top;
}
.matrix thead th { font-size: 0.78rem; color: var(--fact-panel-muted); }
.matrix tbody th { font-weight: 700; }
.pos-value { font-weight: 600; }
.refs { display: block; font-size: 0.75rem; color: var(--fact-panel-muted); }
.none { color: var(--fact-panel-muted); }

/* Sources */
.source { padding: 0.35rem 0; }
.source + .source { border-top: 1px solid var(--fact-panel-border); }
.src-meta, .note { font-size: 0.82rem; color: var(--fact-panel-muted); margin-top: 0.1rem; }
.off-badge {
  display: inline-block;
  padding: 0 0.45em;
  border: 1px dashed currentColor;
  border-radius: 999px;
  font-weight: 700;
  color: var(--fact-panel-fg);
}
.off .src-title { font-weight: 500; }
/* A copy of another source's text (one dispatch), listed under it. */
.source.copy { margin-left: 1.25rem; padding-left: 0.6rem; border-left: 2px solid var(--fact-panel-border); }
.copy-of { color: var(--fact-panel-muted); }

/* Fallback (light DOM) while loading */
.fallback { color: var(--fact-panel-muted); }

/* Wide panels: label and value side by side */
@container (min-width: 36rem) {
  .fp { padding: calc(var(--fact-panel-gap) * 1.5); }
  .title { font-size: 1.55rem; }
  .fact-toggle { grid-template-columns: minmax(12rem, 1fr) minmax(0, 1.2fr) auto; align-items: baseline; }
  .fact-toggle > .label { grid-column: 1; grid-row: 1 / span 2; font-size: 0.95rem; }
  .fact-toggle > .value { grid-column: 2; }
  .fact-toggle > .badges { grid-column: 2; }
  .chev { grid-column: 3; grid-row: 1 / span 2; }
  .claims { margin-left: 1rem; }
}

/* Very narrow panels */
@container (max-width: 20rem) {
  .fp { padding: calc(var(--fact-panel-gap) * 0.7); }
  .title { font-size: 1.15rem; }
  .matrix { font-size: 0.8rem; }
  .matrix th, .matrix td { padding: 0.3rem 0.25rem; }
}

@media (forced-colors: active) {
  .chip, .off-badge { border-color: CanvasText; }
  mark { forced-color-adjust: none; background: Mark; color: MarkText; }
}
`;

if (new URL(import.meta.url).searchParams.get('define') !== 'false') {
  FactPanel.define();
}

export default FactPanel;
