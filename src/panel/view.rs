//! The view: [`Options`], the facts' display order, the positions matrix,
//! and the builders of the panel's sections.

use super::*;

use crate::copies::Newsrooms;
use crate::format::{self, Lang, Ui};
use crate::model::{Agreement, Claim, Document, EntityId, Fact, Kind, Source, Status};

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

pub(super) fn status_rank(s: Status) -> u8 {
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
pub(super) fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Agreed => "✓",
        Status::Compatible => "≈",
        Status::Disputed => "≠",
        Status::Single => "•",
    }
}

pub(super) fn agreement_key(a: Agreement) -> &'static str {
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

pub(super) fn index_or_push<T: PartialEq>(v: &mut Vec<T>, x: T) -> usize {
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

pub(super) struct Ctx<'a> {
    pub(super) doc: &'a Document,
    pub(super) rooms: Newsrooms<'a>,
    pub(super) lang: Lang,
    pub(super) prefix: String,
    /// The claims lists are filled on demand ([`fact_claims`]).
    pub(super) lazy: bool,
    /// [`Options::articles`], sorted, for a binary search per claim.
    pub(super) articles: Vec<&'a str>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(doc: &'a Document, opts: &'a Options) -> Self {
        let prefix = opts.id_prefix.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        let claims: usize = doc.facts.iter().map(|f| f.claims.len()).sum();
        let lazy = opts.lazy_claims_over.is_some_and(|max| claims > max);
        let mut articles: Vec<&str> = opts.articles.iter().map(String::as_str).collect();
        crate::sort_by(&mut articles, |a, b| a.cmp(b));
        Ctx { doc, rooms: Newsrooms::new(&doc.sources), lang: opts.lang, prefix, lazy, articles }
    }

    pub(super) fn id(&self, local: &str) -> String {
        format!("{}{local}", self.prefix)
    }

    pub(super) fn ui(&self, k: Ui) -> &'static str {
        format::ui(k, self.lang)
    }

    pub(super) fn source(&self, id: &str) -> Option<(usize, &Source)> {
        self.doc.sources.iter().enumerate().find(|(_, s)| s.id == id).map(|(i, s)| (i + 1, s))
    }

    pub(super) fn source_number(&self, id: &str) -> String {
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

pub(super) fn header(cx: &Ctx, title_id: &str) -> Node {
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

pub(super) fn section(cx: &Ctx, key: &str, part: &'static str, heading: &str) -> Node {
    let hid = cx.id(&format!("{key}-h"));
    Node::el("section")
        .attr("class", format!("sec {key}"))
        .attr("part", part)
        .attr("aria-labelledby", hid.clone())
        .child(Node::el("h3").attr("id", hid).push_text(heading))
}

pub(super) fn facts_section(cx: &Ctx) -> Node {
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

pub(super) fn chip(status: Status, lang: Lang) -> Node {
    let key = status_key(status);
    Node::el("span")
        .attr("class", format!("chip chip-{key}"))
        .attr("part", format!("chip chip-{key}"))
        .child(Node::el("span").attr("class", "sym").attr("aria-hidden", "true").push_text(status_symbol(status)))
        .push_text(format::status(status, lang))
}

pub(super) fn fact_item(cx: &Ctx, i: usize, fi: usize, f: &Fact) -> Node {
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

pub(super) fn source_lang(s: Option<&Source>) -> String {
    s.map(|s| s.lang.trim())
        .filter(|l| !l.is_empty() && l.len() <= 35 && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or("fr")
        .to_string()
}

pub(super) fn source_ref(cx: &Ctx, id: &str) -> Node {
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

pub(super) fn claim_item(cx: &Ctx, i: usize, fi: usize, j: usize, f: &Fact, c: &Claim) -> Node {
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
pub(super) fn context_region(cx: &Ctx, id: &str, title: &str, lang: &str, fi: usize, j: usize) -> Node {
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

pub(super) fn positions_section(cx: &Ctx) -> Option<Node> {
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

pub(super) fn position_cell(cx: &Ctx, f: &Fact) -> Node {
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

pub(super) fn sources_section(cx: &Ctx) -> Node {
    let sec = section(cx, "sources", "sources", cx.ui(Ui::Sources));
    let list = Node::el("ol")
        .attr("class", "sources-list")
        .attr("role", "list")
        .children(source_order(cx).into_iter().map(|i| source_item(cx, i + 1, &cx.doc.sources[i])));
    sec.child(list)
}

/// The sources list's order: input order, each copy moved right after the
/// source it copies (each keeps its number).
pub(super) fn source_order(cx: &Ctx) -> Vec<usize> {
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

pub(super) fn source_item(cx: &Ctx, n: usize, s: &Source) -> Node {
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
