//! The panel as a pure view tree.
//!
//! [`panel`] turns a `factpanel/1` [`Document`] into a tree of [`Node`]s:
//! elements whose tag and attribute *names* are `&'static str` chosen here,
//! and text. Nothing from the articles can become markup: a title or a quote
//! is always a [`Node::Text`], and the DOM builder (`src/wasm.rs`) turns text
//! into DOM text nodes, never into HTML. Links keep only `http:` and
//! `https:` URLs.
//!
//! No web-sys here: the tree is built and tested natively.
//!
//! ```
//! use factpanel::panel::{panel, Options};
//! let doc = factpanel::analyze(&[factpanel::Article::new("a", "<b>Bonjour</b>")]).unwrap();
//! let tree = panel(&doc, &Options::default());
//! assert!(tree.text_content().contains("<b>Bonjour</b>"));
//! ```

use crate::copies::Newsrooms;
use crate::format::{self, Lang, Ui};
use crate::model::{Agreement, Claim, Document, EntityId, Fact, Kind, Source, Status};

/// One node of the view tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element; tag and attribute names come from this module only.
    Element {
        /// Lower-case tag name (one of [`TAGS`]).
        tag: &'static str,
        /// Attributes, in order (names from [`ATTRS`]).
        attrs: Vec<(&'static str, String)>,
        /// Child nodes.
        children: Vec<Node>,
    },
    /// Text, shown as is.
    Text(String),
}

/// Every tag the panel uses. The DOM builder refuses any other.
pub const TAGS: &[&str] = &[
    "a",
    "article",
    "blockquote",
    "button",
    "cite",
    "div",
    "h2",
    "h3",
    "h4",
    "header",
    "li",
    "mark",
    "ol",
    "p",
    "section",
    "span",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "ul",
];

/// Every attribute name the panel uses. The DOM builder refuses any other
/// (no `on*`, no `style`, no `src`).
pub const ATTRS: &[&str] = &[
    "aria-controls",
    "aria-expanded",
    "aria-hidden",
    "aria-label",
    "aria-labelledby",
    "class",
    "data-agreement",
    "data-claim",
    "data-claims",
    "data-fact",
    "data-kind",
    "data-source",
    "data-status",
    "datetime",
    "hidden",
    "href",
    "id",
    "lang",
    "part",
    "rel",
    "role",
    "scope",
    "tabindex",
    "target",
    "title",
    "type",
];

impl Node {
    /// A new element without attributes or children.
    pub fn el(tag: &'static str) -> Node {
        debug_assert!(TAGS.contains(&tag), "tag {tag} is not in TAGS");
        Node::Element { tag, attrs: Vec::new(), children: Vec::new() }
    }

    /// A text node.
    pub fn text(s: impl Into<String>) -> Node {
        Node::Text(s.into())
    }

    /// Adds an attribute (builder style).
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Node {
        debug_assert!(ATTRS.contains(&name), "attribute {name} is not in ATTRS");
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((name, value.into()));
        }
        self
    }

    /// Adds a child (builder style).
    pub fn child(mut self, node: Node) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.push(node);
        }
        self
    }

    /// Adds children (builder style).
    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.extend(nodes);
        }
        self
    }

    /// Adds a text child (builder style).
    pub fn push_text(self, s: impl Into<String>) -> Node {
        self.child(Node::text(s))
    }

    /// The tag, for an element.
    pub fn tag(&self) -> Option<&'static str> {
        match self {
            Node::Element { tag, .. } => Some(tag),
            Node::Text(_) => None,
        }
    }

    /// The value of an attribute, for an element that has it.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    /// Whether the element's `class` lists `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.get_attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }

    /// The children (none for text).
    pub fn child_nodes(&self) -> &[Node] {
        match self {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }

    /// All the text below this node, concatenated, as the DOM's
    /// `textContent` gives it.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element { children, .. } => children.iter().for_each(|c| c.collect_text(out)),
        }
    }

    /// Every node below (and including) this one that satisfies `pred`, in
    /// document order.
    pub fn find_all<'a>(&'a self, pred: &dyn Fn(&Node) -> bool) -> Vec<&'a Node> {
        let mut out = Vec::new();
        self.walk(&mut |n| {
            if pred(n) {
                out.push(n);
            }
        });
        out
    }

    /// Every element with the given class, in document order.
    pub fn by_class(&self, class: &str) -> Vec<&Node> {
        self.find_all(&|n| n.has_class(class))
    }

    fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Node)) {
        f(self);
        for c in self.child_nodes() {
            c.walk(f);
        }
    }

    /// The tree as HTML, every text and attribute value escaped. For tests,
    /// snapshots and server-side use; the browser builds DOM nodes instead.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(t) => escape_into(t, out),
            Node::Element { tag, attrs, children } => {
                out.push('<');
                out.push_str(tag);
                for (k, v) in attrs {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape_into(v, out);
                    out.push('"');
                }
                out.push('>');
                children.iter().for_each(|c| c.write_html(out));
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
        }
    }
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The language of labels and values.
    pub lang: Lang,
    /// Ids of the sources whose full text the caller can show: their claims
    /// get a "read in the article" button and an (empty) context region,
    /// filled on demand with [`context_children`].
    pub articles: Vec<String>,
    /// Prefix of every `id` in the tree, so that several panels can share
    /// one document (`fp1-`). Only `[A-Za-z0-9_-]` are kept.
    pub id_prefix: String,
    /// When the document has more claims than this, the claims lists are
    /// left empty, marked `data-claims="<index of the fact>"`, and filled on
    /// demand with [`fact_claims`] when a fact is opened: thousands of
    /// quotes cost a second or more of DOM building. `None`: always built
    /// (the wasm `render` uses [`LAZY_CLAIMS_OVER`]).
    pub lazy_claims_over: Option<usize>,
}

/// Above this many claims in a document, the wasm `render` leaves the claims
/// lists to be filled on demand (see [`Options::lazy_claims_over`]).
pub const LAZY_CLAIMS_OVER: usize = 300;

/// The URL if it is `http:` or `https:` (case-insensitive scheme), else `None`.
pub fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let scheme_end = u.find(':')?;
    let scheme = &u[..scheme_end];
    let ok = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let rest = &u[scheme_end + 1..];
    (ok && rest.starts_with("//") && rest.len() > 2 && !u.chars().any(|c| c.is_control() || c.is_whitespace()))
        .then_some(u)
}

/// The byte offset in `s` of the UTF-16 offset `u`, when it falls on a
/// character boundary inside (or at the end of) `s`.
pub fn utf16_to_byte(s: &str, u: usize) -> Option<usize> {
    let mut units = 0;
    for (b, c) in s.char_indices() {
        if units == u {
            return Some(b);
        }
        if units > u {
            return None;
        }
        units += c.len_utf16();
    }
    (units == u).then_some(s.len())
}

/// `s[start..end]` in UTF-16 code units (JavaScript's `s.slice(start, end)`),
/// when both offsets fall on character boundaries.
pub fn utf16_slice(s: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let a = utf16_to_byte(s, start)?;
    let b = utf16_to_byte(&s[a..], end - start)? + a;
    Some(&s[a..b])
}

/// A quote split around its value phrase: `(before, value, after)`. The
/// value phrase is located by the claim's UTF-16 offsets (`value_start`,
/// `value_end`, relative to the source text, like `start`). `None` when the
/// value phrase does not lie inside the quote.
pub fn split_quote(claim: &Claim) -> Option<(&str, &str, &str)> {
    if claim.value_start < claim.start || claim.value_end > claim.end || claim.value_start >= claim.value_end {
        return None;
    }
    let q = claim.quote.as_str();
    let a = utf16_to_byte(q, claim.value_start - claim.start)?;
    let b = utf16_to_byte(q, claim.value_end - claim.start)?;
    Some((&q[..a], &q[a..b], &q[b..]))
}

/// The facts in display order: agreed first, then compatible, disputed and
/// single-source; the document's order (most supported first) within each.
pub fn ordered_facts(doc: &Document) -> Vec<&Fact> {
    ordered_fact_indices(doc).into_iter().map(|i| &doc.facts[i]).collect()
}

/// The indices into `doc.facts` in display order (see [`ordered_facts`]).
pub fn ordered_fact_indices(doc: &Document) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..doc.facts.len()).collect();
    // Sorted on (rank, index): the order of a stable sort by rank.
    crate::sort_by(&mut idx, |&a, &b| {
        (status_rank(doc.facts[a].status), a).cmp(&(status_rank(doc.facts[b].status), b))
    });
    idx
}

fn status_rank(s: Status) -> u8 {
    match s {
        Status::Agreed => 0,
        Status::Compatible => 1,
        Status::Disputed => 2,
        Status::Single => 3,
    }
}

/// The CSS/part suffix of a status (`agreed`, `compatible`, `disputed`, `single`).
pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::Agreed => "agreed",
        Status::Compatible => "compatible",
        Status::Disputed => "disputed",
        Status::Single => "single",
    }
}

/// A symbol for a status, so that the chip does not rely on colour.
fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Agreed => "✓",
        Status::Compatible => "≈",
        Status::Disputed => "≠",
        Status::Single => "•",
    }
}

fn agreement_key(a: Agreement) -> &'static str {
    match a {
        Agreement::Precise => "precise",
        Agreement::Compatible => "compatible",
        Agreement::Disputes => "disputes",
    }
}

/// The positions matrix: actors (rows) × topics (columns).
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix<'a> {
    /// Actors, in order of first appearance among the ordered facts.
    pub actors: Vec<&'a EntityId>,
    /// Topics, in order of first appearance.
    pub topics: Vec<&'a str>,
    /// The stance fact of each (actor, topic) that has one: the cell of
    /// actor `a` and topic `t` is at `a * topics.len() + t`.
    pub cells: Vec<Option<&'a Fact>>,
}

impl<'a> Matrix<'a> {
    /// The stance fact of actor `a` on topic `t`.
    pub fn cell(&self, a: usize, t: usize) -> Option<&'a Fact> {
        self.cells.get(a * self.topics.len() + t).copied().flatten()
    }
}

/// Builds the positions matrix from the `stance` facts.
pub fn positions(doc: &Document) -> Matrix<'_> {
    let mut m = Matrix { actors: Vec::new(), topics: Vec::new(), cells: Vec::new() };
    let mut found = Vec::new();
    for f in ordered_facts(doc) {
        let (Kind::Stance, Some(actor), Some(topic)) = (f.kind, f.subject.actor.as_ref(), f.subject.topic.as_deref())
        else {
            continue;
        };
        let a = index_or_push(&mut m.actors, actor);
        let t = index_or_push(&mut m.topics, topic);
        found.push((a, t, f));
    }
    m.cells = vec![None; m.actors.len() * m.topics.len()];
    for (a, t, f) in found {
        let cell = &mut m.cells[a * m.topics.len() + t];
        if cell.is_none() {
            *cell = Some(f);
        }
    }
    m
}

fn index_or_push<T: PartialEq>(v: &mut Vec<T>, x: T) -> usize {
    match v.iter().position(|y| *y == x) {
        Some(i) => i,
        None => {
            v.push(x);
            v.len() - 1
        }
    }
}

/// A fact's `(sources, newsrooms, less precise, disputing)`: its distinct
/// sources, and among the claims that count ([`Newsrooms::counted`]), their
/// distinct sources and how many are less precise or contradict.
pub fn support(rooms: &Newsrooms, fact: &Fact) -> (usize, usize, usize, usize) {
    let counted = rooms.counted(&fact.claims);
    let mut counting: Vec<&str> = Vec::new();
    let (mut less, mut disp) = (0, 0);
    for (c, _) in fact.claims.iter().zip(&counted).filter(|(_, k)| **k) {
        crate::push_new(&mut counting, c.source.as_str());
        less += usize::from(c.agreement == Agreement::Compatible);
        disp += usize::from(c.agreement == Agreement::Disputes);
    }
    (fact_sources(fact).len(), counting.len(), less, disp)
}

/// The distinct sources of a fact's claims, in claim order.
pub fn fact_sources(fact: &Fact) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in &fact.claims {
        if !out.contains(&c.source.as_str()) {
            out.push(&c.source);
        }
    }
    out
}

struct Ctx<'a> {
    doc: &'a Document,
    rooms: Newsrooms<'a>,
    lang: Lang,
    prefix: String,
    /// The claims lists are filled on demand ([`fact_claims`]).
    lazy: bool,
    /// [`Options::articles`], sorted, for a binary search per claim.
    articles: Vec<&'a str>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document, opts: &'a Options) -> Self {
        let prefix = opts.id_prefix.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        let claims: usize = doc.facts.iter().map(|f| f.claims.len()).sum();
        let lazy = opts.lazy_claims_over.is_some_and(|max| claims > max);
        let mut articles: Vec<&str> = opts.articles.iter().map(String::as_str).collect();
        crate::sort_by(&mut articles, |a, b| a.cmp(b));
        Ctx { doc, rooms: Newsrooms::new(&doc.sources), lang: opts.lang, prefix, lazy, articles }
    }

    fn id(&self, local: &str) -> String {
        format!("{}{local}", self.prefix)
    }

    fn ui(&self, k: Ui) -> &'static str {
        format::ui(k, self.lang)
    }

    fn source(&self, id: &str) -> Option<(usize, &Source)> {
        self.doc.sources.iter().enumerate().find(|(_, s)| s.id == id).map(|(i, s)| (i + 1, s))
    }

    fn source_number(&self, id: &str) -> String {
        self.source(id).map(|(n, _)| n.to_string()).unwrap_or_else(|| "?".into())
    }
}

/// The whole panel for a document.
pub fn panel(doc: &Document, opts: &Options) -> Node {
    let cx = Ctx::new(doc, opts);
    let title_id = cx.id("title");
    Node::el("article")
        .attr("class", "fp")
        .attr("part", "panel")
        .attr("lang", cx.lang.tag())
        .attr("aria-labelledby", title_id.clone())
        .child(header(&cx, &title_id))
        .child(facts_section(&cx))
        .children(positions_section(&cx))
        .child(sources_section(&cx))
}

/// The items of the claims list of `doc.facts[fi]`, as [`panel`] builds
/// them, for a list it left empty (`data-claims="fi"`). `None` if there is
/// no such fact.
pub fn fact_claims(doc: &Document, opts: &Options, fi: usize) -> Option<Vec<Node>> {
    let f = doc.facts.get(fi)?;
    let i = ordered_fact_indices(doc).iter().position(|&x| x == fi)?;
    let cx = Ctx::new(doc, opts);
    Some(f.claims.iter().enumerate().map(|(j, c)| claim_item(&cx, i, fi, j, f, c)).collect())
}

fn header(cx: &Ctx, title_id: &str) -> Node {
    let label = format::event_label(cx.doc, cx.lang);
    let title = if label.is_empty() { cx.ui(Ui::PanelTitle).to_string() } else { label };
    let on = cx.doc.sources.iter().filter(|s| s.on_event).count();
    let mut meta = Node::el("p").attr("class", "meta").attr("part", "meta");
    match cx.doc.event.date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(d) => {
            meta = meta.child(Node::el("time").attr("datetime", d).push_text(format::date(d, cx.lang)));
        }
        None => meta = meta.child(Node::el("span").attr("class", "muted").push_text(cx.ui(Ui::DateUnknown))),
    }
    let coverage = format::coverage_in_newsrooms(on, cx.doc.sources.len(), cx.rooms.on_event(), cx.lang);
    meta = meta.push_text(" · ").child(Node::el("span").attr("class", "coverage").push_text(coverage));
    Node::el("header")
        .attr("class", "head")
        .attr("part", "header")
        .child(Node::el("p").attr("class", "kicker").push_text(cx.ui(Ui::PanelTitle)))
        .child(Node::el("h2").attr("id", title_id).attr("class", "title").attr("part", "title").push_text(title))
        .child(meta)
}

fn section(cx: &Ctx, key: &str, part: &'static str, heading: &str) -> Node {
    let hid = cx.id(&format!("{key}-h"));
    Node::el("section")
        .attr("class", format!("sec {key}"))
        .attr("part", part)
        .attr("aria-labelledby", hid.clone())
        .child(Node::el("h3").attr("id", hid).push_text(heading))
}

fn facts_section(cx: &Ctx) -> Node {
    let sec = section(cx, "facts", "facts", cx.ui(Ui::Facts));
    let facts = ordered_fact_indices(cx.doc);
    if facts.is_empty() {
        return sec.child(Node::el("p").attr("class", "empty").push_text(cx.ui(Ui::NoFacts)));
    }
    let list = Node::el("ul")
        .attr("class", "facts-list")
        .attr("role", "list")
        .children(facts.iter().enumerate().map(|(i, &fi)| fact_item(cx, i, fi, &cx.doc.facts[fi])));
    sec.child(list)
}

fn chip(status: Status, lang: Lang) -> Node {
    let key = status_key(status);
    Node::el("span")
        .attr("class", format!("chip chip-{key}"))
        .attr("part", format!("chip chip-{key}"))
        .child(Node::el("span").attr("class", "sym").attr("aria-hidden", "true").push_text(status_symbol(status)))
        .push_text(format::status(status, lang))
}

fn fact_item(cx: &Ctx, i: usize, fi: usize, f: &Fact) -> Node {
    let claims_id = cx.id(&format!("f{i}"));
    let (sources, rooms, less, disp) = support(&cx.rooms, f);
    let toggle = Node::el("button")
        .attr("type", "button")
        .attr("class", "toggle fact-toggle")
        .attr("part", "fact-toggle")
        .attr("aria-expanded", "false")
        .attr("aria-controls", claims_id.clone())
        .child(
            Node::el("span")
                .attr("class", "label")
                .attr("part", "label")
                .push_text(format::fact_label(f, cx.doc, cx.lang)),
        )
        .child(
            Node::el("span")
                .attr("class", "value")
                .attr("part", "value")
                .push_text(format::fact_value(f, cx.doc, cx.lang)),
        )
        .child(
            Node::el("span").attr("class", "badges").child(chip(f.status, cx.lang)).child(
                Node::el("span")
                    .attr("class", "count")
                    .attr("part", "count")
                    .push_text(format::support_in_newsrooms(sources, rooms, less, disp, cx.lang)),
            ),
        )
        .child(Node::el("span").attr("class", "chev").attr("aria-hidden", "true"));
    let claims = Node::el("ol")
        .attr("id", claims_id)
        .attr("class", "claims")
        .attr("part", "claims")
        .attr("role", "list")
        .attr("hidden", "");
    let claims = if cx.lazy {
        claims.attr("data-claims", fi.to_string())
    } else {
        claims.children(f.claims.iter().enumerate().map(|(j, c)| claim_item(cx, i, fi, j, f, c)))
    };
    Node::el("li")
        .attr("class", format!("fact status-{}", status_key(f.status)))
        .attr("part", "fact")
        .attr("data-fact", f.id.clone())
        .attr("data-kind", f.kind.as_str())
        .attr("data-status", status_key(f.status))
        .child(Node::el("h4").attr("class", "fact-h").child(toggle))
        .child(claims)
}

fn source_lang(s: Option<&Source>) -> String {
    s.map(|s| s.lang.trim())
        .filter(|l| !l.is_empty() && l.len() <= 35 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or("fr")
        .to_string()
}

fn source_ref(cx: &Ctx, id: &str) -> Node {
    let found = cx.source(id);
    let (num, title) = match found {
        Some((n, s)) => (n.to_string(), s.title.clone()),
        None => ("?".into(), id.to_string()),
    };
    let mut p = Node::el("p")
        .attr("class", "claim-src")
        .child(Node::el("span").attr("class", "num").attr("aria-hidden", "true").push_text(num))
        .child(
            Node::el("cite")
                .attr("class", "src-title")
                .attr("part", "source-title")
                .attr("lang", source_lang(found.map(|(_, s)| s)))
                .push_text(title),
        );
    if let Some(outlet) = found.and_then(|(_, s)| s.outlet.as_deref()).filter(|o| !o.trim().is_empty()) {
        p = p.child(Node::el("span").attr("class", "outlet").push_text(format!(" — {outlet}")));
    }
    if let Some(o) = found.and_then(|(n, _)| cx.rooms.original(n - 1)) {
        p = p.child(
            Node::el("span")
                .attr("class", "copy-of")
                .push_text(format!(" · {}", format::copy_of_source(o + 1, cx.lang))),
        );
    }
    p
}

fn claim_item(cx: &Ctx, i: usize, fi: usize, j: usize, f: &Fact, c: &Claim) -> Node {
    let src = cx.source(&c.source).map(|(_, s)| s);
    let lang = source_lang(src);
    let mut quote_p = Node::el("p").push_text("« ");
    match split_quote(c) {
        Some((pre, val, post)) => {
            quote_p = quote_p
                .push_text(pre)
                .child(Node::el("mark").attr("class", "hl").attr("part", "highlight").push_text(val))
                .push_text(post);
        }
        None => quote_p = quote_p.push_text(c.quote.clone()),
    }
    quote_p = quote_p.push_text(" »");
    let agreement = format::agreement(c.agreement, cx.lang);
    let meta = Node::el("p")
        .attr("class", "claim-meta")
        .child(Node::el("span").attr("class", "said-by").attr("part", "said-by").push_text(format::said_by(
            c.said_by.as_ref(),
            cx.doc,
            cx.lang,
        )))
        .push_text(" · ")
        .child(Node::el("span").attr("class", "claim-value").push_text(format::claim_value(f.kind, c, cx.doc, cx.lang)))
        .push_text(" · ")
        .child(
            Node::el("span")
                .attr("class", format!("agreement agreement-{}", agreement_key(c.agreement)))
                .push_text(agreement),
        );
    let mut li = Node::el("li")
        .attr("class", "claim")
        .attr("part", "claim")
        .attr("data-source", c.source.clone())
        .attr("data-agreement", agreement_key(c.agreement))
        .child(source_ref(cx, &c.source))
        .child(
            Node::el("blockquote")
                .attr("class", "quote")
                .attr("part", "quote")
                .attr("lang", lang.clone())
                .child(quote_p),
        )
        .child(meta);
    // What the reader should know about the claim's date (a weekday that
    // is not the date's).
    if let Some(note) = &c.date_note {
        li = li.child(
            Node::el("p")
                .attr("class", "claim-note")
                .attr("part", "claim-note")
                .push_text(format::date_note(note, c, f, cx.lang)),
        );
    }
    if cx.articles.binary_search(&c.source.as_str()).is_ok() {
        let ctx_id = cx.id(&format!("f{i}c{j}"));
        let title = src.map(|s| s.title.clone()).unwrap_or_else(|| c.source.clone());
        li = li
            .child(
                Node::el("button")
                    .attr("type", "button")
                    .attr("class", "toggle ctx-toggle")
                    .attr("part", "context-toggle")
                    .attr("aria-expanded", "false")
                    .attr("aria-controls", ctx_id.clone())
                    .push_text(cx.ui(Ui::ReadInContext)),
            )
            .child(context_region(cx, &ctx_id, &title, &lang, fi, j));
    }
    li
}

/// The (empty, hidden) region that shows a claim in its full source text
/// once opened; `data-claim` = `fact index:claim index` in the document.
fn context_region(cx: &Ctx, id: &str, title: &str, lang: &str, fi: usize, j: usize) -> Node {
    let label = format::full_text(title, cx.lang);
    Node::el("div")
        .attr("id", id)
        .attr("class", "context")
        .attr("part", "context")
        .attr("role", "region")
        .attr("aria-label", label)
        .attr("tabindex", "0")
        .attr("lang", lang)
        .attr("data-claim", format!("{fi}:{j}"))
        .attr("hidden", "")
}

/// The content of a context region: the full source text with the claim's
/// quote highlighted (`<mark>`) and its value phrase in bold inside it.
/// Offsets that do not fit the text give the text without a highlight.
pub fn context_children(text: &str, c: &Claim) -> Vec<Node> {
    let (Some(a), Some(b)) = (utf16_to_byte(text, c.start), utf16_to_byte(text, c.end)) else {
        return vec![Node::text(text)];
    };
    if a > b {
        return vec![Node::text(text)];
    }
    let mut mark = Node::el("mark").attr("class", "ctx-quote");
    match split_quote(c) {
        Some((pre, val, post)) if text[a..b] == c.quote => {
            mark = mark.push_text(pre).child(Node::el("strong").push_text(val)).push_text(post);
        }
        _ => mark = mark.push_text(&text[a..b]),
    }
    vec![Node::text(&text[..a]), mark, Node::text(&text[b..])]
}

fn positions_section(cx: &Ctx) -> Option<Node> {
    let m = positions(cx.doc);
    if m.cells.iter().all(Option::is_none) {
        return None;
    }
    let sec = section(cx, "positions", "positions", cx.ui(Ui::Positions));
    let head = Node::el("thead").child(
        Node::el("tr").child(Node::el("th").attr("scope", "col").push_text(cx.ui(Ui::Actor))).children(
            m.topics.iter().map(|t| Node::el("th").attr("scope", "col").push_text(format::topic(t, cx.lang))),
        ),
    );
    let body = Node::el("tbody").children(m.actors.iter().enumerate().map(|(a, actor)| {
        Node::el("tr")
            .child(Node::el("th").attr("scope", "row").push_text(format::entity_short(cx.doc, actor.as_str(), cx.lang)))
            .children((0..m.topics.len()).map(|t| match m.cell(a, t) {
                Some(f) => position_cell(cx, f),
                None => Node::el("td").attr("class", "none").push_text("—"),
            }))
    }));
    let table = Node::el("table").attr("class", "matrix").attr("part", "matrix").child(head).child(body);
    Some(
        sec.child(
            Node::el("div")
                .attr("class", "matrix-wrap")
                .attr("role", "region")
                .attr("aria-label", cx.ui(Ui::Positions))
                .attr("tabindex", "0")
                .child(table),
        ),
    )
}

fn position_cell(cx: &Ctx, f: &Fact) -> Node {
    let sources = fact_sources(f);
    let nums: Vec<String> = sources.iter().map(|s| cx.source_number(s)).collect();
    let refs = format::source_refs(&nums, cx.lang);
    let mut td = Node::el("td")
        .attr("class", format!("pos status-{}", status_key(f.status)))
        .attr("data-fact", f.id.clone())
        .child(Node::el("span").attr("class", "pos-value").push_text(format::fact_value(f, cx.doc, cx.lang)));
    if f.status == Status::Disputed {
        td = td.push_text(" ").child(chip(f.status, cx.lang));
    }
    td.child(Node::el("span").attr("class", "refs").push_text(refs))
}

fn sources_section(cx: &Ctx) -> Node {
    let sec = section(cx, "sources", "sources", cx.ui(Ui::Sources));
    let list = Node::el("ol")
        .attr("class", "sources-list")
        .attr("role", "list")
        .children(source_order(cx).into_iter().map(|i| source_item(cx, i + 1, &cx.doc.sources[i])));
    sec.child(list)
}

/// The sources list's order: input order, each copy moved right after the
/// source it copies (each keeps its number).
fn source_order(cx: &Ctx) -> Vec<usize> {
    let n = cx.doc.sources.len();
    if !cx.rooms.any() {
        return (0..n).collect();
    }
    let mut copies: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        if let Some(o) = cx.rooms.original(i) {
            copies[o].push(i);
        }
    }
    let mut out = Vec::with_capacity(n);
    for i in (0..n).filter(|&i| cx.rooms.original(i).is_none()) {
        out.push(i);
        out.extend(copies[i].iter().copied());
    }
    out
}

fn source_item(cx: &Ctx, n: usize, s: &Source) -> Node {
    let mut head = Node::el("p")
        .attr("class", "src-head")
        .child(Node::el("span").attr("class", "num").push_text(n.to_string()))
        .child(
            Node::el("cite")
                .attr("class", "src-title")
                .attr("part", "source-title")
                .attr("lang", source_lang(Some(s)))
                .push_text(s.title.clone()),
        );
    if let Some(outlet) = s.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        head = head.child(Node::el("span").attr("class", "outlet").push_text(format!(" — {outlet}")));
    }
    let original = cx.rooms.original(n - 1);
    let (class, part) = match (s.on_event, original.is_some()) {
        (true, false) => ("source", "source"),
        (false, false) => ("source off", "source off-event"),
        (true, true) => ("source copy", "source copy"),
        (false, true) => ("source off copy", "source off-event copy"),
    };
    let mut li = Node::el("li").attr("class", class).attr("part", part).attr("data-source", s.id.clone()).child(head);
    let mut line = Node::el("p").attr("class", "src-meta");
    if !s.on_event {
        line = line.child(
            Node::el("span")
                .attr("class", "badge off-badge")
                .child(Node::el("span").attr("aria-hidden", "true").push_text("⊘ "))
                .push_text(cx.ui(Ui::OffEvent)),
        );
    }
    if let Some(w) = s.wire.as_deref().filter(|w| !w.trim().is_empty()) {
        if !line.child_nodes().is_empty() {
            line = line.push_text(" · ");
        }
        line = line.child(Node::el("span").attr("class", "wire").push_text(format::wire_credit(w, cx.lang)));
    }
    if let Some(url) = s.url.as_deref().and_then(safe_url) {
        if !line.child_nodes().is_empty() {
            line = line.push_text(" · ");
        }
        line = line.child(
            Node::el("a")
                .attr("href", url)
                .attr("rel", "noopener noreferrer")
                .attr("target", "_blank")
                .push_text(cx.ui(Ui::OpenArticle)),
        );
    }
    if line.child_nodes().is_empty() {
        // Nothing to say: on the event and no link.
    } else {
        li = li.child(line);
    }
    if let Some(o) = original {
        let wire = s.wire.as_deref().or(cx.doc.sources[o].wire.as_deref());
        li = li.child(Node::el("p").attr("class", "note copy-note").attr("part", "note").push_text(format::copy_note(
            o + 1,
            wire,
            cx.lang,
        )));
    }
    if !s.on_event {
        if let Some(note) = s.note.as_deref().filter(|n| !n.trim().is_empty()) {
            li = li.child(Node::el("p").attr("class", "note").attr("part", "note").push_text(note));
        }
    }
    li
}

/// The browser entry points of `src/wasm.rs`, re-exported so that the
/// wasm-bindgen tests (`tests/web.rs`) can call them. wasm32 only.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod web {
    pub use crate::wasm::{
        analyze, render, render_claims, render_context, JsArticles, JsClaim, JsDocument, JsRenderOptions, JsRoot,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityInfo, Event, Interval, Stance, Subject, Value, SCHEMA};

    fn id(s: &str) -> EntityId {
        EntityId(s.into())
    }

    fn source(i: &str, title: &str, on: bool) -> Source {
        Source {
            id: i.into(),
            title: title.into(),
            lang: "fr".into(),
            url: Some(format!("https://example.org/{i}")),
            outlet: None,
            on_event: on,
            note: if on { None } else { Some("Couvre un autre événement : des pourparlers à Istanbul.".into()) },
            copy_of: None,
            wire: None,
        }
    }

    /// A claim on `text` whose quote is `quote` and whose value phrase is `value`.
    fn claim(src: &str, text: &str, quote: &str, value: &str, v: Value, said: Option<&str>, a: Agreement) -> Claim {
        let qb = text.find(quote).expect("quote in text");
        let vb = qb + quote.find(value).expect("value in quote");
        let u = |b: usize| text[..b].encode_utf16().count();
        Claim {
            source: src.into(),
            quote: quote.into(),
            start: u(qb),
            end: u(qb + quote.len()),
            value: Value { text: Some(value.into()), ..v },
            value_start: u(vb),
            value_end: u(vb + value.len()),
            said_by: said.map(id),
            agreement: a,
            rule: "test".into(),
            date_note: None,
        }
    }

    const T1: &str = "Titre un\nLe 3 mars, Donald Trump a tenu un appel de 90 minutes avec Vladimir Poutine. Suite.";
    const T2: &str =
        "Titre deux 🇫🇷\nSelon le Kremlin, l'appel a duré une heure et demie. Hegseth juge l'adhésion « irréaliste ».";
    const T3: &str =
        "<img src=x onerror=alert(1)>\nTrump a parlé « plus d'une heure » <script>alert(2)</script> avec Poutine.";

    fn doc() -> Document {
        let mut entities = crate::model::Entities::default();
        for (k, n, s, ne, se) in [
            ("trump", "Donald Trump", "Trump", "Donald Trump", "Trump"),
            ("putin", "Vladimir Poutine", "Poutine", "Vladimir Putin", "Putin"),
            ("kremlin", "le Kremlin", "Kremlin", "the Kremlin", "Kremlin"),
            ("hegseth", "Pete Hegseth", "Hegseth", "Pete Hegseth", "Hegseth"),
        ] {
            entities.insert(
                k.to_string(),
                EntityInfo {
                    name: n.into(),
                    short: s.into(),
                    name_en: ne.into(),
                    short_en: se.into(),
                    role: None,
                    country: None,
                    country_en: None,
                },
            );
        }
        let call = Subject { participants: vec![id("putin"), id("trump")], actor: None, topic: None, person: None };
        let dur = Fact {
            id: "call_duration/putin+trump".into(),
            kind: Kind::CallDuration,
            label: "Durée de l'appel Trump–Poutine".into(),
            subject: call.clone(),
            value: Value::duration(Interval::exact(90)),
            status: Status::Agreed,
            claims: vec![
                claim(
                    "a",
                    T1,
                    "Donald Trump a tenu un appel de 90 minutes avec Vladimir Poutine.",
                    "90 minutes",
                    Value::duration(Interval::exact(90)),
                    None,
                    Agreement::Precise,
                ),
                claim(
                    "b",
                    T2,
                    "Selon le Kremlin, l'appel a duré une heure et demie.",
                    "une heure et demie",
                    Value::duration(Interval::exact(90)),
                    Some("kremlin"),
                    Agreement::Precise,
                ),
                claim(
                    "c",
                    T3,
                    "Trump a parlé « plus d'une heure » <script>alert(2)</script> avec Poutine.",
                    "plus d'une heure",
                    Value::duration(Interval { min: Some(crate::model::Minutes(60)), max: None }),
                    Some("trump"),
                    Agreement::Compatible,
                ),
            ],
        };
        let stance = Fact {
            id: "stance/hegseth+ukraine_nato_membership".into(),
            kind: Kind::Stance,
            label: "x".into(),
            subject: Subject {
                participants: vec![],
                actor: Some(id("hegseth")),
                topic: Some("ukraine_nato_membership".into()),
                person: None,
            },
            value: Value { position: Some(Stance::Unrealistic), ..Value::default() },
            status: Status::Single,
            claims: vec![claim(
                "b",
                T2,
                "Hegseth juge l'adhésion « irréaliste ».",
                "irréaliste",
                Value { position: Some(Stance::Unrealistic), ..Value::default() },
                None,
                Agreement::Precise,
            )],
        };
        let date = Fact {
            id: "call_date/putin+trump".into(),
            kind: Kind::CallDate,
            label: "x".into(),
            subject: call,
            value: Value { date: Some("2025-02-12".into()), ..Value::default() },
            status: Status::Compatible,
            claims: vec![],
        };
        Document {
            schema: SCHEMA.into(),
            event: Event {
                label: "Appel Trump–Poutine".into(),
                date: Some("2025-02-12".into()),
                participants: vec![EntityId("trump".into()), EntityId("putin".into())],
                kind: Some("call".into()),
            },
            sources: vec![
                source("a", "Titre un", true),
                source("b", "Titre deux 🇫🇷", true),
                source("c", "<img src=x onerror=alert(1)>", true),
                source("d", "Pourparlers à Istanbul", false),
            ],
            // Deliberately out of display order.
            facts: vec![stance, date, dur],
            entities,
        }
    }

    fn opts(lang: Lang) -> Options {
        let articles = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        Options { lang, articles, id_prefix: "p1-".into(), lazy_claims_over: None }
    }

    #[test]
    fn agreed_facts_come_first() {
        let d = doc();
        let order: Vec<&str> = ordered_facts(&d).iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            order,
            ["call_duration/putin+trump", "call_date/putin+trump", "stance/hegseth+ukraine_nato_membership"]
        );
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let facts: Vec<&str> = tree.by_class("fact").iter().map(|n| n.get_attr("data-fact").unwrap()).collect();
        assert_eq!(facts, order);
    }

    #[test]
    fn fact_rows_show_label_value_chip_and_count() {
        let d = doc();
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let first = tree.by_class("fact")[0];
        let button = first.find_all(&|n| n.tag() == Some("button"))[0];
        assert_eq!(button.get_attr("aria-expanded"), Some("false"));
        assert_eq!(button.get_attr("aria-controls"), Some("p1-f0"));
        assert_eq!(first.by_class("label")[0].text_content(), "Durée de l'appel Trump–Poutine");
        assert_eq!(first.by_class("value")[0].text_content(), "1 h 30 (90 min)");
        assert_eq!(first.by_class("chip")[0].text_content(), "✓concordant");
        assert_eq!(first.by_class("chip")[0].get_attr("part"), Some("chip chip-agreed"));
        assert_eq!(first.by_class("count")[0].text_content(), "3 sources, dont 1 moins précise");
        let claims = first.by_class("claims")[0];
        assert_eq!(claims.get_attr("id"), Some("p1-f0"));
        assert_eq!(claims.get_attr("hidden"), Some(""));
        // Every status has a symbol besides its colour.
        for s in [Status::Agreed, Status::Compatible, Status::Disputed, Status::Single] {
            assert!(!status_symbol(s).is_empty());
        }
        let en = panel(&d, &opts(Lang::from_tag("en")));
        assert_eq!(en.by_class("label")[0].text_content(), "Length of the Trump–Putin call");
        assert_eq!(en.by_class("chip")[0].text_content(), "✓agreed");
        assert_eq!(en.get_attr("lang"), Some("en"));
        assert_eq!(en.by_class("title")[0].text_content(), "Trump–Putin call");
    }

    #[test]
    fn header_shows_event_date_and_coverage() {
        let tree = panel(&doc(), &opts(Lang::from_tag("fr")));
        let head = tree.by_class("head")[0].text_content();
        assert!(head.contains("Appel Trump–Poutine"), "{head}");
        assert!(head.contains("mercredi 12 février 2025"), "{head}");
        assert!(head.contains("couvert par 3 sources sur 4"), "{head}");
        let time = tree.find_all(&|n| n.tag() == Some("time"))[0];
        assert_eq!(time.get_attr("datetime"), Some("2025-02-12"));
    }

    #[test]
    fn copies_count_as_one_newsroom_and_sit_under_their_original() {
        let mut d = doc();
        // "a" and "c" are one dispatch; "c" credits AFP.
        d.sources[2].copy_of = Some("a".into());
        d.sources[2].wire = Some("AFP".into());
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let head = tree.by_class("head")[0].text_content();
        assert!(head.contains("couvert par 3 sources sur 4, 2 rédactions indépendantes"), "{head}");
        let fact = tree.find_all(&|n| n.get_attr("data-fact") == Some("call_duration/putin+trump"))[0];
        // The copy's claim is "less precise" but does not count.
        assert_eq!(fact.by_class("count")[0].text_content(), "2 rédactions (3 sources)");
        assert_eq!(fact.by_class("claim").len(), 3, "the copy's quote is still shown");
        assert!(fact.by_class("copy-of")[0].text_content().contains("reprise de la source 1"));
        let items = tree.by_class("source");
        let order: Vec<&str> = items.iter().filter_map(|n| n.get_attr("data-source")).collect();
        assert_eq!(order, ["a", "c", "b", "d"], "the copy right after its original");
        let copy = items[1];
        assert!(copy.has_class("copy") && copy.get_attr("part") == Some("source copy"));
        assert_eq!(copy.by_class("num")[0].text_content(), "3", "it keeps its number");
        assert_eq!(
            copy.by_class("copy-note")[0].text_content(),
            "Reprise de la même dépêche AFP que la source 1 : une seule rédaction."
        );
        assert_eq!(copy.by_class("wire")[0].text_content(), "crédit : AFP");
        let en = panel(&d, &opts(Lang::from_tag("en")));
        assert!(en.by_class("head")[0].text_content().contains("covered by 3 of 4 sources, 2 independent newsrooms"));
        assert_eq!(
            en.by_class("copy-note")[0].text_content(),
            "Copy of the same AFP dispatch as source 1: one newsroom."
        );
        // No copies: the panel as before.
        let plain = panel(&doc(), &opts(Lang::from_tag("fr")));
        assert!(plain.by_class("copy-note").is_empty() && plain.by_class("copy-of").is_empty());
    }

    #[test]
    fn a_copy_of_nothing_known_is_no_copy() {
        for target in ["zzz", "c", "<b>a</b>"] {
            let mut d = doc();
            d.sources[2].copy_of = Some(target.into());
            let tree = panel(&d, &opts(Lang::from_tag("fr")));
            assert!(tree.by_class("copy-note").is_empty(), "{target}");
            assert!(tree.by_class("head")[0].text_content().ends_with("couvert par 3 sources sur 4"), "{target}");
        }
        // A copy of a copy (not made by `analyze`): only the direct one counts.
        let mut d = doc();
        d.sources[1].copy_of = Some("a".into());
        d.sources[2].copy_of = Some("b".into());
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        assert_eq!(tree.by_class("copy-note").len(), 1);
    }

    #[test]
    fn claims_show_source_quote_mark_and_attribution() {
        let d = doc();
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let claims = tree.by_class("claims")[0].by_class("claim");
        assert_eq!(claims.len(), 3);
        let kremlin = claims[1];
        assert_eq!(kremlin.by_class("src-title")[0].text_content(), "Titre deux 🇫🇷");
        assert_eq!(kremlin.by_class("said-by")[0].text_content(), "selon le Kremlin");
        assert_eq!(claims[0].by_class("said-by")[0].text_content(), "selon le média");
        let q = kremlin.by_class("quote")[0];
        assert_eq!(q.text_content(), "« Selon le Kremlin, l'appel a duré une heure et demie. »");
        let marks = q.find_all(&|n| n.tag() == Some("mark"));
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].text_content(), "une heure et demie");
        assert_eq!(claims[2].by_class("agreement")[0].text_content(), "moins précis");
    }

    #[test]
    fn mark_splits_quote_at_utf16_value_offsets() {
        let d = doc();
        // T2 has an emoji flag (4 UTF-16 units, 8 bytes) before the quote.
        let c = &d.facts[2].claims[1];
        assert_eq!(utf16_slice(T2, c.start, c.end), Some(c.quote.as_str()));
        assert_eq!(utf16_slice(T2, c.value_start, c.value_end), Some("une heure et demie"));
        let (pre, val, post) = split_quote(c).unwrap();
        assert_eq!((pre, val, post), ("Selon le Kremlin, l'appel a duré ", "une heure et demie", "."));
        // A value outside its quote gives no mark, never a panic.
        let mut bad = c.clone();
        bad.value_end = bad.end + 5;
        assert_eq!(split_quote(&bad), None);
        let mut inside_char = c.clone();
        inside_char.value_start = c.start + 1;
        inside_char.value_end = c.end;
        assert!(split_quote(&inside_char).is_some());
        // Offsets inside a surrogate pair are refused.
        assert_eq!(utf16_to_byte("a🇫b", 2), None);
        assert_eq!(utf16_to_byte("a🇫b", 3), Some(5));
        assert_eq!(utf16_slice("héllo", 1, 3), Some("él"));
        assert_eq!(utf16_slice("héllo", 3, 1), None);
        assert_eq!(utf16_slice("héllo", 0, 9), None);
    }

    #[test]
    fn context_view_highlights_the_quote_in_the_full_text() {
        let d = doc();
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let claim = tree.by_class("claims")[0].by_class("claim")[1];
        let btn = claim.by_class("ctx-toggle")[0];
        assert_eq!(btn.get_attr("aria-controls"), Some("p1-f0c1"));
        let ctx = claim.by_class("context")[0];
        assert_eq!(ctx.get_attr("id"), Some("p1-f0c1"));
        assert_eq!(ctx.get_attr("hidden"), Some(""));
        // The duration fact is facts[2] in the document, shown first.
        assert_eq!(ctx.get_attr("data-claim"), Some("2:1"));
        assert!(ctx.child_nodes().is_empty(), "filled on demand");
        let c = &d.facts[2].claims[1];
        let ctx = Node::el("div").children(context_children(T2, c));
        assert_eq!(ctx.text_content(), T2);
        let mark = ctx.by_class("ctx-quote")[0];
        assert_eq!(Some(mark.text_content().as_str()), utf16_slice(T2, c.start, c.end));
        let strong = mark.find_all(&|n| n.tag() == Some("strong"))[0];
        assert_eq!(strong.text_content(), "une heure et demie");
        // Without the article text there is no context view.
        let bare = panel(&d, &Options::default());
        assert!(bare.by_class("context").is_empty());
        assert!(bare.by_class("ctx-toggle").is_empty());
        // Offsets past the end of the text: the text without a mark.
        let short = Node::el("div").children(context_children("court", c));
        assert_eq!(short.text_content(), "court");
        assert!(short.by_class("ctx-quote").is_empty());
        // A text that differs from the quote: the quoted span is marked, no value split.
        let other = T2.replace("une heure et demie", "deux heures et quart");
        let n = Node::el("div").children(context_children(&other, c));
        assert_eq!(n.text_content(), other);
        assert!(n.find_all(&|n| n.tag() == Some("strong")).is_empty());
    }

    #[test]
    fn hostile_strings_stay_text() {
        let d = doc();
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let mut hostile = 0;
        tree.walk(&mut |n| match n {
            Node::Text(t) if t.contains("<img") || t.contains("<script>") => hostile += 1,
            Node::Element { tag, attrs, .. } => {
                assert!(TAGS.contains(tag), "{tag}");
                assert!(!["img", "script"].contains(tag));
                for (k, v) in attrs {
                    assert!(ATTRS.contains(k), "{k}");
                    assert!(!k.starts_with("on"));
                    // Attribute values are set with setAttribute (never
                    // parsed); only accessible names may carry source text.
                    assert!(!v.contains("<img") || *k == "aria-label", "attribute {k} carries source text: {v}");
                }
            }
            _ => {}
        });
        // Title in the claim and the sources list, quote.
        assert!(hostile >= 3, "{hostile}");
        let c = &d.facts[2].claims[2];
        let ctx = Node::el("div").children(context_children(T3, c));
        assert!(ctx.find_all(&|n| matches!(n, Node::Text(t) if t.contains("<script>"))).len() == 1);
        let html = tree.to_html();
        assert!(!html.contains("<img"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn positions_matrix_is_actor_by_topic() {
        let d = doc();
        let m = positions(&d);
        assert_eq!(m.actors, [&id("hegseth")]);
        assert_eq!(m.topics, ["ukraine_nato_membership"]);
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let table = tree.by_class("matrix")[0];
        let ths: Vec<String> = table.find_all(&|n| n.tag() == Some("th")).iter().map(|n| n.text_content()).collect();
        assert_eq!(ths, ["Acteur", "Adhésion de l'Ukraine à l'OTAN", "Hegseth"]);
        let cell = table.by_class("pos")[0];
        assert_eq!(cell.text_content(), "irréalistesource 2");
        let en = panel(&d, &opts(Lang::from_tag("en")));
        assert_eq!(en.by_class("pos")[0].by_class("pos-value")[0].text_content(), "not realistic");
        // No stance facts, no matrix.
        let mut none = d.clone();
        none.facts.retain(|f| f.kind != Kind::Stance);
        assert!(panel(&none, &Options::default()).by_class("matrix").is_empty());
    }

    #[test]
    fn sources_list_marks_off_event_with_note_and_safe_links() {
        let mut d = doc();
        d.sources[0].url = Some("javascript:alert(1)".into());
        let tree = panel(&d, &opts(Lang::from_tag("fr")));
        let items = tree.by_class("source");
        assert_eq!(items.len(), 4);
        let off = items[3];
        assert!(off.has_class("off"));
        assert_eq!(off.get_attr("part"), Some("source off-event"));
        assert!(off.text_content().contains("autre événement"));
        assert_eq!(off.by_class("note")[0].text_content(), "Couvre un autre événement : des pourparlers à Istanbul.");
        let links: Vec<&str> =
            tree.find_all(&|n| n.tag() == Some("a")).iter().map(|a| a.get_attr("href").unwrap()).collect();
        assert_eq!(links, ["https://example.org/b", "https://example.org/c", "https://example.org/d"]);
        assert!(items[1].by_class("note").is_empty());
    }

    #[test]
    fn urls_are_http_or_https_only() {
        assert_eq!(safe_url("https://a.fr/x"), Some("https://a.fr/x"));
        assert_eq!(safe_url(" HTTP://a.fr "), Some("HTTP://a.fr"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "data:text/html,x",
            "//a.fr",
            "https:",
            "https:/a",
            "http://a b",
            "vbscript:x",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn ids_are_prefixed_and_sanitized() {
        let d = doc();
        let mut o = opts(Lang::from_tag("fr"));
        o.id_prefix = "x\" onload=\"y".into();
        let tree = panel(&d, &o);
        for n in tree.find_all(&|n| n.get_attr("id").is_some()) {
            let v = n.get_attr("id").unwrap();
            assert!(v.starts_with("xonloady"), "{v}");
            assert!(v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        }
        // Every aria-controls points at an element of the tree.
        let ids: Vec<&str> =
            tree.find_all(&|n| n.get_attr("id").is_some()).iter().map(|n| n.get_attr("id").unwrap()).collect();
        for n in tree.find_all(&|n| n.get_attr("aria-controls").is_some()) {
            assert!(ids.contains(&n.get_attr("aria-controls").unwrap()));
        }
        let mut uniq = ids.clone();
        uniq.sort();
        uniq.dedup();
        assert_eq!(uniq.len(), ids.len(), "duplicate ids");
    }

    #[test]
    fn many_claims_are_built_on_demand_as_they_would_be_up_front() {
        let d = doc();
        let eager = panel(&d, &opts(Lang::from_tag("en")));
        let claims: usize = d.facts.iter().map(|f| f.claims.len()).sum();
        let lazy_opts = Options { lazy_claims_over: Some(claims - 1), ..opts(Lang::from_tag("en")) };
        let lazy = panel(&d, &lazy_opts);
        assert_eq!(
            panel(&d, &Options { lazy_claims_over: Some(claims), ..opts(Lang::from_tag("en")) }),
            eager,
            "at the limit: built"
        );
        let lists = lazy.by_class("claims");
        assert_eq!(lists.len(), d.facts.len());
        for (list, full) in lists.iter().zip(eager.by_class("claims")) {
            assert!(list.child_nodes().is_empty(), "left empty");
            let fi: usize = list.get_attr("data-claims").expect("marked with its fact").parse().unwrap();
            assert_eq!(list.get_attr("id"), full.get_attr("id"));
            assert_eq!(fact_claims(&d, &lazy_opts, fi).unwrap(), full.child_nodes(), "fact {fi}");
        }
        assert_eq!(fact_claims(&d, &lazy_opts, d.facts.len()), None);
        // Apart from the lists, the same panel.
        assert_eq!(lazy.by_class("fact-toggle"), eager.by_class("fact-toggle"));
        assert_eq!(lazy.by_class("sources"), eager.by_class("sources"));
    }

    #[test]
    fn empty_document_still_renders() {
        let d = Document {
            schema: SCHEMA.into(),
            event: Event { label: String::new(), date: None, participants: Vec::new(), kind: None },
            sources: vec![source("a", "Seul", true)],
            facts: vec![],
            entities: Default::default(),
        };
        let tree = panel(&d, &Options::default());
        let text = tree.text_content();
        assert!(text.contains("Aucun fait"), "{text}");
        assert!(text.contains("date non établie"), "{text}");
        assert_eq!(tree.by_class("title")[0].text_content(), "Ce que disent les sources");
    }
}
