//! The wasm boundary: the only file that touches wasm-bindgen and web-sys.
//!
//! - `analyze(articles)` returns an [`Analysis`]: a handle on the Rust
//!   document. `toJSON()` gives the document to JS as a deeply frozen
//!   object made by `JSON.parse` of exactly the JSON the CLI prints
//!   (`serde_json`), so both APIs agree by construction;
//!   `render(root, options)`, `renderClaims` and `renderContext` use the
//!   Rust document as it is (it never crosses back).
//! - `Analysis.read(doc)` reads a document made elsewhere (a `src` file,
//!   the demo's seed document, a worker's result), once.
//! - JS values come in one way ([`read_json`]): `JSON.stringify`, one call,
//!   then serde_json, then the same readers as the CLI's JSON files
//!   ([`crate::articles_from_value`], [`crate::model::json`]).
//! - `render` builds the panel of [`crate::panel`] under `root` (a
//!   ShadowRoot or an Element) with `createElement`, `setAttribute`
//!   (allow-listed names only) and `createTextNode`: text from the articles
//!   is never parsed as HTML. `renderContext(region, text, f, c)` fills a
//!   "read in the article" region on demand (the full text is not put in
//!   the DOM up front); `renderClaims(region, f, options)` fills a fact's
//!   claims list that `render` left empty (documents with many claims).
//! - The seed corpus of the demo is not in the module: `./build.sh` writes
//!   its articles and document to `pkg/seed.json`, which the element fetches
//!   when it has neither `src` nor `articles` (a page that embeds the panel
//!   for its own articles downloads no seed text).
//! - Every error becomes a JS `Error` in [`into_error`].
//! - The module allocates with [talc](https://docs.rs/talc) instead of
//!   Rust's default wasm allocator (dlmalloc): its `malloc` is small, which
//!   a browser compiles fast and does not re-compile with its optimising
//!   compiler on a first visit (dlmalloc's 4.7 KB `malloc` was the costliest
//!   of those optimising compiles, 10–19 ms on this 2-core VM; see
//!   docs/performance.md).

use crate::format::Lang;
use crate::panel::{self, Node, Options};
use std::fmt::Display;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** One article given to `analyze` (see docs/contract.md). */
export interface FactpanelArticle {
  /** Source id, unique within one analysis. */
  id: string;
  /** The text exactly as collected; offsets point into it (UTF-16). */
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  lang?: string;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  published?: string;
}

export type FactpanelKind = "call_duration" | "call_date" | "call_characterization" | "stance"
  | "negotiations" | "prisoner_release" | "prisoner_exchange" | "meeting";
export type FactpanelStatus = "agreed" | "compatible" | "disputed" | "single";
export type FactpanelAgreement = "precise" | "compatible" | "disputes";
export type FactpanelStance = "unrealistic" | "opposed" | "inevitable" | "supports";
/** A topic id a language pack declares (`ukraine_nato_membership`). */
export type FactpanelTopic = string;

export interface FactpanelSubject {
  participants?: string[];
  actor?: string;
  topic?: FactpanelTopic;
  person?: string;
}

export interface FactpanelDateParts { year?: number; month?: number; day?: number; weekday?: number; }

/** The fields present depend on the fact's kind. */
export interface FactpanelValue {
  /** Duration bounds in minutes; `null` = open. */
  min?: number | null;
  max?: number | null;
  date?: string;
  parts?: FactpanelDateParts;
  position?: FactpanelStance;
  start?: "immediately";
  released_by?: string;
  place?: string | null;
  places?: string[];
  term?: string;
  occurred?: boolean;
  /** On a claim: the value phrase as written. */
  text?: string;
}

export interface FactpanelClaim {
  source: string;
  quote: string;
  /** UTF-16 offsets: `text.slice(start, end) === quote`. */
  start: number;
  end: number;
  value: FactpanelValue;
  value_start: number;
  value_end: number;
  said_by: string | null;
  agreement: FactpanelAgreement;
  rule: string;
  /** On a `call_date` claim: what a reader should know about its date. */
  date_note?: FactpanelDateNote;
}

/** The weekday written beside the day and month is not that date's
 * ("mercredi 1er juillet 2025", a Tuesday): the claim keeps the day and
 * month, `value.parts.weekday` is the date's own, `stated_weekday` the one
 * written (1 = Monday … 7 = Sunday). */
export interface FactpanelDateNote { kind: "weekday_inconsistent"; stated_weekday: number; }

export interface FactpanelFact {
  id: string;
  kind: FactpanelKind;
  label: string;
  subject: FactpanelSubject;
  value: FactpanelValue;
  status: FactpanelStatus;
  claims: FactpanelClaim[];
}

export interface FactpanelSource {
  id: string;
  title: string;
  lang: string;
  url?: string;
  outlet?: string;
  on_event: boolean;
  note: string | null;
  /** This text is a copy of another source's (one dispatch run by several
   * outlets, lightly edited): the id of the first source of their group.
   * Absent for originals and independent sources. Its claims count with
   * that source's as one newsroom. */
  copy_of?: string;
  /** The news agency (or agencies, ", "-separated) the text credits, as
   * "AFP" for "(AFP)" or "Le Monde avec AFP". Absent when none. */
  wire?: string;
}

export interface FactpanelEntity {
  name: string; short: string; name_en: string; short_en: string;
  /** A person the rules do not list: the role and country the text gives. */
  role?: string; country?: string; country_en?: string;
}

/** The `factpanel/1` document: the same JSON as `factpanel --json`. */
export interface FactpanelDocument {
  schema: "factpanel/1";
  event: { label: string; date: string | null; participants?: string[]; kind?: "call" | "meeting" };
  sources: FactpanelSource[];
  facts: FactpanelFact[];
  entities: Record<string, FactpanelEntity>;
}

export interface FactpanelRenderOptions {
  /** `fr` (default) or `en`. */
  lang?: string;
  /** The analysed articles (only `id` is read): their claims get a "read in
   * the article" button; fill the region with `renderContext` when opened. */
  articles?: Array<Pick<FactpanelArticle, "id"> & Partial<FactpanelArticle>>;
  /** Prefix of every element id, unique per panel on a page (`fp1-`). */
  idPrefix?: string;
  /** Leave every claims list empty (`data-claims="f"`), to fill with
   * `renderClaims` when its fact is opened: a faster first render. Lists
   * are always left empty above 300 claims. */
  lazyClaims?: boolean;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// A `factpanel/1` document (typed for TypeScript).
    #[wasm_bindgen(typescript_type = "FactpanelDocument")]
    pub type JsDocument;
    /// An array of articles (typed for TypeScript).
    #[wasm_bindgen(typescript_type = "FactpanelArticle[]")]
    pub type JsArticles;
    /// Render options (typed for TypeScript).
    #[wasm_bindgen(typescript_type = "FactpanelRenderOptions")]
    pub type JsRenderOptions;
    /// A `factpanel/1` document, or its JSON text (typed for TypeScript).
    #[wasm_bindgen(typescript_type = "FactpanelDocument | string")]
    pub type JsDocumentOrText;
    /// Where to render: a ShadowRoot or an Element (checked at run time).
    #[wasm_bindgen(typescript_type = "ShadowRoot | Element")]
    pub type JsRoot;
}

/// Every error that crosses the boundary goes through here: a JS `Error`
/// whose message starts with `factpanel: `.
fn into_error(e: impl Display) -> js_sys::Error {
    js_sys::Error::new(&format!("factpanel: {e}"))
}

/// The message of a thrown JS value.
fn js_message(v: &JsValue) -> String {
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    v.as_string().unwrap_or_else(|| "unknown error".into())
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse(text, reviver)`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse_with(text: &str, reviver: &js_sys::Function) -> Result<JsValue, JsValue>;
}

/// `JSON.parse`, every object and array of the result frozen: the reviver
/// is `Function.prototype.call.bind(Object.freeze)`, i.e. `(k, v) =>
/// Object.freeze(v)` without a function made from source text (CSP).
fn parse_frozen(json: &str) -> Result<JsValue, JsValue> {
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &JsValue::from_str(k));
    let freeze = get(&get(&js_sys::global(), "Object")?, "freeze")?;
    let call: js_sys::Function = get(&freeze, "call")?.dyn_into()?;
    json_parse_with(json, &call.bind0(&freeze))
}

/// Analyses an array of articles (`{id, text, title?, url?, outlet?, lang?,
/// published?}`) and returns the [`Analysis`]: the module keeps the
/// document, `toJSON()` gives it to JS (the same JSON as `factpanel
/// --json`), and its `render` methods use it as it is. Throws an `Error` on
/// bad input.
#[cfg(feature = "analyze")]
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(articles: JsArticles) -> Result<Analysis, js_sys::Error> {
    if articles.is_undefined() || articles.is_null() {
        return Err(into_error("expected an array of articles, got nothing"));
    }
    let value = read_json(&articles, "the articles")?;
    let articles = crate::articles_from_value(&value).map_err(into_error)?;
    Ok(Analysis { doc: crate::analyze(&articles).map_err(into_error)? })
}

/// A `factpanel/1` document held by the module: made by [`analyze`], or
/// read once by [`Analysis::read`] (a document from a file, a server or a
/// worker). Its methods render it without the document crossing the
/// boundary again. Free it with `free()` when done (the element does).
#[wasm_bindgen]
pub struct Analysis {
    doc: crate::Document,
}

#[wasm_bindgen]
impl Analysis {
    /// Reads a `factpanel/1` document made elsewhere: the document, or its
    /// JSON text. Throws an `Error` naming what is wrong with it.
    pub fn read(doc: &JsDocumentOrText) -> Result<Analysis, js_sys::Error> {
        let value = match doc.as_string() {
            Some(text) => parse_json(&text, "the document")?,
            None => read_json(doc, "the document")?,
        };
        let doc =
            crate::model::json::document(&value).map_err(|e| into_error(format!("not a factpanel/1 document: {e}")))?;
        Ok(Analysis { doc })
    }

    /// The document as a deeply frozen JS object (also what
    /// `JSON.stringify(analysis)` writes).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsDocument, js_sys::Error> {
        let js = parse_frozen(&self.json()?).map_err(|e| into_error(js_message(&e)))?;
        Ok(js.unchecked_into())
    }

    /// The document's JSON text, exactly as `factpanel --json` prints it.
    pub fn json(&self) -> Result<String, js_sys::Error> {
        serde_json::to_string(&self.doc).map_err(|_| into_error("the document cannot be written as JSON"))
    }

    /// Builds the panel inside `root` (a ShadowRoot or an Element),
    /// replacing what `root` held. The new panel is built completely before
    /// the old one is removed, so a failure leaves the previous panel in
    /// place. `options`: `{lang?: "fr" | "en", articles?: [{id}], idPrefix?,
    /// lazyClaims?}`. With `lazyClaims`, or when the document has more than
    /// [`panel::LAZY_CLAIMS_OVER`] claims, the claims lists are left empty
    /// (`data-claims="f"`), to fill with `renderClaims` when opened.
    pub fn render(&self, root: &JsRoot, options: Option<JsRenderOptions>) -> Result<(), js_sys::Error> {
        let root = as_container(root, "render: the root")?;
        let opts = read_render_options(options)?;
        replace_children(root, &[panel::panel(&self.doc, &opts)])
    }

    /// Fills a claims list that `render` left empty (an element with
    /// `data-claims="f"`) with the claims of fact `fact`; `options` as given
    /// to `render`.
    #[wasm_bindgen(js_name = renderClaims)]
    pub fn render_claims(
        &self,
        region: &JsRoot,
        fact: u32,
        options: Option<JsRenderOptions>,
    ) -> Result<(), js_sys::Error> {
        let region = as_container(region, "renderClaims: the region")?;
        let opts = read_render_options(options)?;
        let items = panel::fact_claims(&self.doc, &opts, fact as usize)
            .ok_or_else(|| into_error(format!("renderClaims: the document has no fact {fact}")))?;
        replace_children(region, &items)
    }

    /// Fills a context region (an element with `data-claim="f:c"`, made by
    /// `render`) with the full source `text` of claim `c` of fact `f`, the
    /// quote highlighted (`<mark>`) and the value phrase in bold inside it.
    #[wasm_bindgen(js_name = renderContext)]
    pub fn render_context(&self, region: &JsRoot, text: &str, fact: u32, claim: u32) -> Result<(), js_sys::Error> {
        let region = as_container(region, "renderContext: the region")?;
        let claim = self
            .doc
            .facts
            .get(fact as usize)
            .and_then(|f| f.claims.get(claim as usize))
            .ok_or_else(|| into_error(format!("renderContext: the document has no claim {fact}:{claim}")))?;
        replace_children(region, &panel::context_children(text, claim))
    }
}

/// A JS value as JSON data: `JSON.stringify` (one call across the
/// boundary), then serde_json. What JSON cannot hold is an error naming
/// `what`: `undefined` or a function, a `BigInt`, a cycle.
fn read_json(v: &JsValue, what: &str) -> Result<serde_json::Value, js_sys::Error> {
    let text = js_sys::JSON::stringify(v)
        .map_err(|e| into_error(format!("{what} cannot be read as JSON ({})", js_message(&e))))?;
    match text.as_string() {
        Some(text) => parse_json(&text, what),
        None => Err(into_error(format!("{what}: {} is not JSON data", js_type(v)))),
    }
}

fn parse_json(text: &str, what: &str) -> Result<serde_json::Value, js_sys::Error> {
    // The kind and position, not serde_json's message: its `Display` would
    // bring the standard library's I/O error texts into the module
    // (docs/architecture.md).
    serde_json::from_str(text).map_err(|e| {
        let kind = if e.is_eof() { "it ends early" } else { "a syntax error" };
        into_error(format!("{what} is not valid JSON ({kind} at line {}, column {})", e.line(), e.column()))
    })
}

/// `a string`, `a function`, `undefined`: for messages.
fn js_type(v: &JsValue) -> String {
    match v.js_typeof().as_string().as_deref() {
        Some("undefined") => "undefined".to_string(),
        Some(t) => format!("a {t}"),
        None => "a value".to_string(),
    }
}

/// `render` options: `{lang?, articles?: [{id}], idPrefix?, lazyClaims?}`.
#[derive(Default)]
struct RenderOptionsIn {
    lang: Option<String>,
    articles: Vec<String>,
    id_prefix: Option<String>,
    lazy_claims: bool,
}

fn render_options(v: &serde_json::Value) -> Result<RenderOptionsIn, String> {
    let field = |k: &str| v.get(k).filter(|x| !x.is_null());
    let text = |k: &str| match field(k) {
        None => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("{} must be a string", crate::error::Quoted(k))),
    };
    let articles = match field("articles") {
        None => Vec::new(),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .map(|x| x.get("id").and_then(|i| i.as_str()).map(str::to_string).ok_or("every article needs an \"id\""))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("\"articles\" must be an array".into()),
    };
    let lazy_claims = match field("lazyClaims") {
        None => false,
        Some(serde_json::Value::Bool(b)) => *b,
        Some(_) => return Err("\"lazyClaims\" must be a boolean".into()),
    };
    Ok(RenderOptionsIn { lang: text("lang")?, articles, id_prefix: text("idPrefix")?, lazy_claims })
}

fn read_render_options(options: Option<JsRenderOptions>) -> Result<Options, js_sys::Error> {
    let opts = match options {
        Some(o) if !o.is_undefined() && !o.is_null() => {
            let v = read_json(&o, "the render options")?;
            render_options(&v).map_err(|e| into_error(format!("bad render options: {e}")))?
        }
        _ => RenderOptionsIn::default(),
    };
    Ok(Options {
        lang: Lang::from_tag(opts.lang.as_deref().unwrap_or("fr")),
        articles: opts.articles,
        id_prefix: opts.id_prefix.unwrap_or_default(),
        lazy_claims_over: Some(if opts.lazy_claims { 0 } else { panel::LAZY_CLAIMS_OVER }),
    })
}

/// The value as a DOM node that can hold the panel (an Element or a
/// ShadowRoot), or a clear error.
fn as_container<'a>(v: &'a JsValue, what: &str) -> Result<&'a web_sys::Node, js_sys::Error> {
    v.dyn_ref::<web_sys::Element>()
        .map(|e| e.as_ref())
        .or_else(|| v.dyn_ref::<web_sys::ShadowRoot>().map(|r| r.as_ref()))
        .ok_or_else(|| into_error(format!("{what} must be an Element or a ShadowRoot")))
}

/// Builds `nodes` off-document, then replaces `root`'s children with them.
fn replace_children(root: &web_sys::Node, nodes: &[Node]) -> Result<(), js_sys::Error> {
    let document = root.owner_document().ok_or_else(|| into_error("the render root is not in a document"))?;
    let built = nodes
        .iter()
        .map(|n| build(&document, n))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| into_error(js_message(&e)))?;
    while let Some(child) = root.last_child() {
        root.remove_child(&child).map_err(|e| into_error(js_message(&e)))?;
    }
    for n in &built {
        root.append_child(n).map_err(|e| into_error(js_message(&e)))?;
    }
    Ok(())
}

/// View tree → DOM. Tags and attribute names are checked against the
/// panel's allow-lists; text only ever becomes text nodes.
fn build(document: &web_sys::Document, node: &Node) -> Result<web_sys::Node, JsValue> {
    match node {
        Node::Text(t) => Ok(document.create_text_node(t).into()),
        Node::Element { tag, attrs, children } => {
            if !panel::TAGS.contains(tag) {
                return Err(JsValue::from_str(&format!("refusing to create <{tag}>")));
            }
            let el = document.create_element(tag)?;
            for (name, value) in attrs {
                let allowed = panel::ATTRS.contains(name) && (*name != "href" || panel::safe_url(value).is_some());
                if allowed {
                    el.set_attribute(name, value)?;
                }
            }
            match children.as_slice() {
                // One text child: `textContent` makes the text node (one
                // call instead of two; never parsed as HTML either).
                [Node::Text(t)] => el.set_text_content(Some(t)),
                _ => {
                    for c in children {
                        el.append_child(&build(document, c)?)?;
                    }
                }
            }
            Ok(el.into())
        }
    }
}
