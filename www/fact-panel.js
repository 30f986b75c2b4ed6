// <fact-panel>: the factpanel web component.
//
//   <script type="module" src="/factpanel/fact-panel.js"></script>
//   <fact-panel src="/articles/event.json" lang="fr">Chargement…</fact-panel>
//
// Attributes: `src` (same-origin URL of a JSON array of articles), `lang`
// (`fr` | `en`). Properties: `articles` (set an array to analyse it), `data`
// (read-only: the last factpanel/1 document). Event: `fact-panel-ready`
// (bubbles, composed; detail = the document). The panel itself is built by
// the Rust core (wasm) with DOM text nodes; this file only loads it, feeds
// it and adds the disclosure behaviour. See README.md.
//
// Import as `fact-panel.js?define=false` to register under another tag with
// `FactPanel.define('my-tag')`.

const GLUE_URL = new URL('./pkg/factpanel.js', import.meta.url);
const WASM_URL = new URL('./pkg/factpanel_bg.wasm', import.meta.url);
const CSS_URL = new URL('./fact-panel.css', import.meta.url);

const MESSAGES = {
  fr: { failed: 'Le panneau des faits n’a pas pu être affiché.' },
  en: { failed: 'The fact panel could not be shown.' },
};

function mark(name) {
  try { performance.mark(name); } catch { /* marks are best effort */ }
}

// The wasm module: loaded once per page, shared by every panel.
let wasmPromise = null;
let wasm = null;
function loadWasm() {
  wasmPromise ??= import(GLUE_URL.href)
    .then(async (glue) => {
      await glue.default({ module_or_path: WASM_URL });
      wasm = glue;
      return glue;
    })
    .catch((e) => {
      wasmPromise = null; // let a later panel retry
      throw new Error(`could not load the factpanel module (${e?.message ?? e})`);
    });
  return wasmPromise;
}

// The stylesheet: fetched once, adopted by every shadow root. Styles are not
// essential: on failure the panel still renders, through a <link>.
let sheetPromise = null;
function loadSheet() {
  sheetPromise ??= (async () => {
    if (!('adoptedStyleSheets' in ShadowRoot.prototype) || typeof CSSStyleSheet.prototype.replaceSync !== 'function') {
      return null;
    }
    const res = await fetch(CSS_URL, { credentials: 'same-origin' });
    if (!res.ok) return null;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await res.text());
    return sheet;
  })().catch(() => null);
  return sheetPromise;
}

async function fetchArticles(src) {
  const url = new URL(src, document.baseURI);
  if (url.origin !== window.location.origin) {
    throw new Error(`src must be a same-origin URL, not ${url.origin}`);
  }
  const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`could not load ${url.pathname} (HTTP ${res.status})`);
  try {
    return await res.json();
  } catch {
    throw new Error(`${url.pathname} is not valid JSON`);
  }
}

const registered = new WeakSet();
let instances = 0;
let started = false;
let rendered = false;

export class FactPanel extends HTMLElement {
  static observedAttributes = ['lang', 'src'];

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
  #doc = null;
  #texts = new Map(); // source id → text, for "read in the article"
  #token = 0;
  #queued = false;
  #pending = false; // a change arrived while disconnected
  #lastError = '';

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
    return this.#doc;
  }

  connectedCallback() {
    try {
      if (!started) {
        started = true;
        mark('factpanel:start');
      }
      this.#setup();
      this.#upgradeProperty('articles');
      if (!this.#doc || this.#pending) this.#schedule();
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
    loadSheet().then((sheet) => {
      if (sheet) {
        this.#shadow.adoptedStyleSheets = [...this.#shadow.adoptedStyleSheets, sheet];
      } else {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = CSS_URL.href;
        this.#shadow.prepend(link);
      }
    });
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
    try {
      const [wasm] = await Promise.all([loadWasm(), loadSheet()]);
      let articles;
      if (this.#articles !== null) articles = this.#articles;
      else if (this.hasAttribute('src')) articles = await fetchArticles(this.getAttribute('src'));
      else articles = wasm.embeddedArticles();
      if (token !== this.#token) return; // superseded
      const doc = wasm.analyze(articles);
      const list = Array.isArray(articles) ? articles : [articles];
      wasm.render(this.#body, doc, { lang: this.#lang, articles: list, idPrefix: this.#prefix });
      this.#doc = doc;
      this.#texts = new Map(list.map((a) => [a.id, a.text]));
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

  // A new language: same document, new labels.
  async #rerender() {
    if (!this.#doc) return;
    try {
      const wasm = await loadWasm();
      const articles = [...this.#texts.keys()].map((id) => ({ id }));
      wasm.render(this.#body, this.#doc, { lang: this.#lang, articles, idPrefix: this.#prefix });
    } catch (e) {
      this.#fail(e);
    }
  }

  // Shows the error in the panel (the last good panel stays) and logs it once.
  #fail(error) {
    const detail = String(error?.message ?? error).replace(/^factpanel: /, '');
    const text = `${MESSAGES[this.#lang].failed} ${detail}`;
    try {
      if (!this.#shadow) this.#setup();
      if (!this.#doc) this.#body.replaceChildren(); // no "loading…" forever
      this.#alert.textContent = text;
    } catch {
      /* nothing more we can do without a shadow root */
    }
    if (text !== this.#lastError) console.error(`<${this.localName}>: ${detail}`, error);
    this.#lastError = text;
  }

  #clearError() {
    this.#alert.textContent = '';
    this.#lastError = '';
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
    if (open && region.hasAttribute('data-claim') && !region.firstChild) {
      try {
        this.#fillContext(region);
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

  // "Read in the article": the claim's full source text, built on demand.
  #fillContext(region) {
    const [f, c] = region.getAttribute('data-claim').split(':').map(Number);
    const claim = this.#doc?.facts[f]?.claims[c];
    const text = claim && this.#texts.get(claim.source);
    if (typeof text !== 'string' || !wasm) throw new Error('the article text is not available');
    wasm.renderContext(region, text, claim);
  }
}

// Start fetching and compiling right away, in parallel with the page.
loadWasm().catch(() => {}); // errors are reported by the panels
loadSheet();

if (new URL(import.meta.url).searchParams.get('define') !== 'false') {
  FactPanel.define();
}

export default FactPanel;
