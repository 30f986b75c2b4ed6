//! The wasm boundary: the only file that touches wasm-bindgen and web-sys.
//!
//! - `analyze(articles)` returns the `factpanel/1` document
//!   as a JS object made by `JSON.parse` of exactly the JSON the CLI prints
//!   (`serde_json`), so both APIs agree by construction. The object is
//!   deeply frozen, and the module remembers the last few it made with
//!   their Rust documents: `render` then skips reading it back. Articles come in as
//!   a JS value, read into a JSON value and then
//!   [`crate::articles_from_value`], like a `.json` file given to the CLI.
//! - `render(root, doc, options)` builds the panel of [`crate::panel`] under
//!   `root` (a ShadowRoot or an Element) with `createElement`,
//!   `setAttribute` (allow-listed names only) and `createTextNode`: text
//!   from the articles is never parsed as HTML.
//! - `renderContext(region, text, claim)` fills a "read in the article"
//!   region on demand (the full text is not put in the DOM up front);
//!   `renderClaims(region, doc, f, options)` fills a fact's claims list
//!   that `render` left empty (documents with many claims).
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
    /// One claim of a document (typed for TypeScript).
    #[wasm_bindgen(typescript_type = "FactpanelClaim")]
    pub type JsClaim;
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

/// How many documents [`DOCS`] remembers (a page rarely has more panels).
const REMEMBERED_DOCS: usize = 4;

thread_local! {
    /// The documents this module made, newest first: each frozen JS object
    /// with the Rust document it was made from. `render` and
    /// `renderClaims` given one of them use the Rust document instead of
    /// reading the JS object back (which costs more than the rendering on
    /// a cold page). Sound because the JS object is deeply frozen.
    static DOCS: std::cell::RefCell<Vec<(JsValue, std::rc::Rc<crate::Document>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The document as a deeply frozen JS object, remembered for `render`.
fn document_to_js(doc: crate::Document) -> Result<JsDocument, js_sys::Error> {
    let json = serde_json::to_string(&doc).map_err(into_error)?;
    let js = parse_frozen(&json).map_err(|e| into_error(js_message(&e)))?;
    remember(js.clone(), doc);
    Ok(js.unchecked_into())
}

/// Remembers `doc` as the Rust document of the frozen JS object `js`.
fn remember(js: JsValue, doc: crate::Document) {
    DOCS.with_borrow_mut(|docs| {
        docs.truncate(REMEMBERED_DOCS - 1);
        docs.insert(0, (js, std::rc::Rc::new(doc)));
    });
}

/// Analyses an array of articles (`{id, text, title?, url?, outlet?, lang?,
/// published?}`) and returns the `factpanel/1` document: the same JSON as
/// `factpanel --json` for the same articles, deeply frozen. Throws an
/// `Error` on bad input.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze(articles: JsArticles) -> Result<JsDocument, js_sys::Error> {
    if articles.is_undefined() || articles.is_null() {
        return Err(into_error("expected an array of articles, got nothing"));
    }
    let value = to_json_value(&articles, "the articles", 0)?;
    let articles = crate::articles_from_value(&value).map_err(into_error)?;
    document_to_js(crate::analyze(&articles).map_err(into_error)?)
}

/// JS value → JSON value, walking it directly (no JSON text, no serde
/// deserializers in the module). Functions and `undefined` are rejected
/// like `JSON.stringify` would drop them; depth is bounded.
fn to_json_value(v: &JsValue, what: &str, depth: usize) -> Result<serde_json::Value, js_sys::Error> {
    use serde_json::Value as J;
    if depth > 64 {
        return Err(into_error(format!("{what} is nested too deeply")));
    }
    if v.is_null() {
        return Ok(J::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(J::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(if n.fract() == 0.0 && n.abs() < 9.0e15 {
            J::from(n as i64)
        } else {
            serde_json::Number::from_f64(n).map_or(J::Null, J::Number)
        });
    }
    if let Some(s) = v.as_string() {
        return Ok(J::String(s));
    }
    if js_sys::Array::is_array(v) {
        let a: &js_sys::Array = v.unchecked_ref();
        return a.iter().map(|x| to_json_value(&x, what, depth + 1)).collect::<Result<Vec<_>, _>>().map(J::Array);
    }
    if v.is_object() && !v.is_function() {
        let o: &js_sys::Object = v.unchecked_ref();
        let mut m = serde_json::Map::new();
        for k in js_sys::Object::keys(o).iter() {
            let val = js_sys::Reflect::get(o, &k).map_err(|e| into_error(js_message(&e)))?;
            if val.is_undefined() || val.is_function() {
                continue;
            }
            m.insert(k.as_string().unwrap_or_default(), to_json_value(&val, what, depth + 1)?);
        }
        return Ok(J::Object(m));
    }
    let kind = match v.js_typeof().as_string().as_deref() {
        Some("undefined") => "undefined".to_string(),
        Some(t) => format!("a {t}"),
        None => "a value".to_string(),
    };
    Err(into_error(format!("{what}: {kind} is not JSON data")))
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
        Some(_) => Err(format!("{k:?} must be a string")),
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

/// Builds the panel for `doc` inside `root` (a ShadowRoot or an Element),
/// replacing what `root` held. The new panel is built completely before the
/// old one is removed, so a failure leaves the previous panel in place.
/// `options`: `{lang?: "fr" | "en", articles?: [{id, text}], idPrefix?,
/// lazyClaims?}`. With `lazyClaims`, or when the document has more than
/// [`panel::LAZY_CLAIMS_OVER`] claims, the claims lists are left empty
/// (`data-claims="f"`), to fill with `renderClaims` when opened.
#[wasm_bindgen(js_name = render)]
pub fn render(root: &JsRoot, doc: JsDocument, options: Option<JsRenderOptions>) -> Result<(), js_sys::Error> {
    let root = as_container(root, "render: the root")?;
    let doc = read_document(&doc)?;
    let opts = read_render_options(options)?;
    replace_children(root, &[panel::panel(&doc, &opts)])
}

/// Fills a claims list that `render` left empty (an element with
/// `data-claims="f"`: documents with many claims) with the claims of
/// `doc.facts[fact]`. `doc` and `options` are those given to `render`.
#[wasm_bindgen(js_name = renderClaims)]
pub fn render_claims(
    region: &JsRoot,
    doc: JsDocument,
    fact: u32,
    options: Option<JsRenderOptions>,
) -> Result<(), js_sys::Error> {
    let region = as_container(region, "renderClaims: the region")?;
    let doc = read_document(&doc)?;
    let opts = read_render_options(options)?;
    let items = panel::fact_claims(&doc, &opts, fact as usize)
        .ok_or_else(|| into_error(format!("renderClaims: the document has no fact {fact}")))?;
    replace_children(region, &items)
}

/// The Rust document of `doc`: the remembered one if this module made `doc`
/// (see [`DOCS`]), else read from the JS object.
fn read_document(doc: &JsValue) -> Result<std::rc::Rc<crate::Document>, js_sys::Error> {
    let known = DOCS.with_borrow(|docs| docs.iter().find(|(js, _)| js == doc).map(|(_, d)| d.clone()));
    if let Some(d) = known {
        return Ok(d);
    }
    let doc = to_json_value(doc, "the document", 0)?;
    crate::model::json::document(&doc)
        .map(std::rc::Rc::new)
        .map_err(|e| into_error(format!("not a factpanel/1 document: {e}")))
}

fn read_render_options(options: Option<JsRenderOptions>) -> Result<Options, js_sys::Error> {
    let opts = match options {
        Some(o) if !o.is_undefined() && !o.is_null() => {
            let v = to_json_value(&o, "the render options", 0)?;
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

/// Fills a context region (an element with `data-claim`, made by `render`)
/// with the claim's full source `text`, the quote highlighted (`<mark>`)
/// and the value phrase in bold inside it. `claim` is one of the document's
/// claims (`doc.facts[f].claims[c]` for `data-claim="f:c"`).
#[wasm_bindgen(js_name = renderContext)]
pub fn render_context(region: &JsRoot, text: &str, claim: JsClaim) -> Result<(), js_sys::Error> {
    let region = as_container(region, "renderContext: the region")?;
    let claim = to_json_value(&claim, "the claim", 0)?;
    let claim = crate::model::json::claim(&claim).map_err(|e| into_error(format!("not a factpanel/1 claim: {e}")))?;
    replace_children(region, &panel::context_children(text, &claim))
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
