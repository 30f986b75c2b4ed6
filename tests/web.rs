//! Browser tests of the wasm boundary and the panel DOM (headless Chromium).
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target
//! wasm32-unknown-unknown` (see build.sh). Native builds skip this file.
#![cfg(target_arch = "wasm32")]

use factpanel::model::{
    Agreement, Claim, Document, EntityId, EntityInfo, Event, Fact, Interval, Kind, Source, Status, Subject, Value,
    SCHEMA,
};
use factpanel::wasm::{analyze, Analysis, JsArticles};
use factpanel::Article;
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh `<div>` in the page.
fn host() -> Element {
    let d = document();
    let div = d.create_element("div").unwrap();
    d.body().unwrap().append_child(&div).unwrap();
    div
}

fn js<T: serde::Serialize>(v: &T) -> JsValue {
    js_sys::JSON::parse(&serde_json::to_string(v).unwrap()).unwrap()
}

/// The seed corpus: the module does not carry it (the element fetches
/// `pkg/seed.json`), so the tests bring its texts.
const SEEDS: &[(&str, &str)] = &[
    ("000_a36b81443388f293", include_str!("../data/articles/000_a36b81443388f293.txt")),
    ("001_8203fcc26b8d55c1", include_str!("../data/articles/001_8203fcc26b8d55c1.txt")),
    ("002_6dac9232fcc345fe", include_str!("../data/articles/002_6dac9232fcc345fe.txt")),
    ("003_4c2571a8f38eeca3", include_str!("../data/articles/003_4c2571a8f38eeca3.txt")),
    ("004_178b0b382189b7ab", include_str!("../data/articles/004_178b0b382189b7ab.txt")),
];

/// The seed articles, as the CLI reads them.
fn seed_articles() -> Vec<Article> {
    SEEDS.iter().map(|(id, text)| Article { lang: Some("fr".into()), ..Article::new(*id, *text) }).collect()
}

/// The seed corpus's analysis, made by the module.
fn embedded() -> Result<Analysis, js_sys::Error> {
    analyze(js(&seed_articles()).unchecked_into())
}

/// A document made elsewhere (here, natively), read by the module.
fn read(doc: &Document) -> Analysis {
    Analysis::read(js(doc).unchecked_ref()).unwrap()
}

/// The seed articles as a JS value.
fn embedded_articles() -> Result<JsArticles, js_sys::Error> {
    Ok(js(&seed_articles()).unchecked_into())
}

fn from_js<T: serde::de::DeserializeOwned>(v: &JsValue) -> T {
    serde_json::from_str(&String::from(js_sys::JSON::stringify(v).unwrap())).unwrap()
}

fn options(lang: &str, articles: &[Article]) -> JsValue {
    let list: Vec<serde_json::Value> =
        articles.iter().map(|a| serde_json::json!({"id": a.id, "text": a.text})).collect();
    js(&serde_json::json!({"lang": lang, "articles": list, "idPrefix": "t-"}))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap()).collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// JavaScript's `text.slice(start, end)`, computed by the JS engine.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    String::from(js_sys::JsString::from(text).slice(start as u32, end as u32))
}

fn seed_panel(lang: &str) -> (Element, Document) {
    let root = host();
    let analysis = embedded().unwrap();
    analysis.render(root.unchecked_ref(), Some(options(lang, &seed_articles()).unchecked_into())).unwrap();
    (root, from_js(&analysis.to_json().unwrap()))
}

#[wasm_bindgen_test]
fn seed_panel_dom_contains_the_facts() {
    let (root, doc) = seed_panel("fr");
    let native = factpanel::analyze(&seed_articles()).unwrap();
    assert_eq!(doc.facts.len(), native.facts.len());
    assert_eq!(doc.sources, native.sources);
    assert!(!doc.facts.is_empty(), "the seed corpus yields facts");
    let rendered = all(&root, "li.fact");
    assert_eq!(rendered.len(), doc.facts.len());
    for f in &doc.facts {
        let li = rendered
            .iter()
            .find(|li| li.get_attribute("data-fact").as_deref() == Some(f.id.as_str()))
            .unwrap_or_else(|| panic!("fact {} is rendered", f.id));
        let value = li.query_selector(".value").unwrap().unwrap();
        assert_eq!(text(&value), factpanel::format::fact_value(f, &doc, factpanel::format::Lang::from_tag("fr")));
        assert_eq!(all(li, "li.claim").len(), f.claims.len(), "{}", f.id);
        let button = li.query_selector("button.fact-toggle").unwrap().unwrap();
        assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    }
    let call = doc.facts.iter().find(|f| f.id == "call_duration/putin+trump").expect("the call duration fact");
    let li = rendered.iter().find(|li| li.get_attribute("data-fact").as_deref() == Some(call.id.as_str())).unwrap();
    assert!(text(li).contains("1 h 30 (90 min)"), "{}", text(li));
    // Agreed facts first.
    let statuses: Vec<String> = rendered.iter().map(|li| li.get_attribute("data-status").unwrap()).collect();
    let rank = |s: &str| ["agreed", "compatible", "disputed", "single"].iter().position(|x| *x == s).unwrap();
    assert!(statuses.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "{statuses:?}");
    // The positions matrix and the off-event source.
    assert!(text(&root).contains("Hegseth"));
    let off = all(&root, "li.source.off");
    assert_eq!(off.len(), 1);
    assert_eq!(off[0].get_attribute("data-source").as_deref(), Some("003_4c2571a8f38eeca3"));
    assert!(off[0].query_selector(".note").unwrap().is_some());
    root.remove();
}

#[wasm_bindgen_test]
fn seed_panel_in_english() {
    let (root, doc) = seed_panel("en");
    let panel = root.query_selector("article").unwrap().unwrap();
    assert_eq!(panel.get_attribute("lang").as_deref(), Some("en"));
    assert!(text(&root).contains("Sources"));
    for (li, f) in all(&root, "li.fact").iter().zip(factpanel::panel::ordered_facts(&doc)) {
        let label = li.query_selector(".label").unwrap().unwrap();
        assert_eq!(text(&label), factpanel::format::fact_label(f, &doc, factpanel::format::Lang::from_tag("en")));
    }
    root.remove();
}

#[wasm_bindgen_test]
fn highlighted_quotes_are_js_slices_of_the_seed_texts() {
    let (root, doc) = seed_panel("fr");
    let texts: BTreeMap<String, String> = seed_articles().into_iter().map(|a| (a.id, a.text)).collect();
    check_highlights(&root, &doc, &texts);
    root.remove();
}

fn check_highlights(root: &Element, doc: &Document, texts: &BTreeMap<String, String>) {
    let analysis = read(doc);
    let mut checked = 0;
    for (li, f) in all(root, "li.fact").iter().zip(factpanel::panel::ordered_facts(doc)) {
        for (cl, c) in all(li, "li.claim").iter().zip(&f.claims) {
            let text = &texts[&c.source];
            let quote = cl.query_selector("blockquote").unwrap().unwrap();
            assert_eq!(self::text(&quote), format!("« {} »", c.quote));
            assert_eq!(c.quote, js_slice(text, c.start, c.end), "quote offsets of {}", f.id);
            let mark = quote.query_selector("mark").unwrap().expect("the value phrase is highlighted");
            assert_eq!(self::text(&mark), js_slice(text, c.value_start, c.value_end), "value mark in {}", f.id);
            let ctx = cl.query_selector(".context").unwrap().expect("context view");
            assert_eq!(ctx.get_attribute("hidden").as_deref(), Some(""));
            assert_eq!(self::text(&ctx), "", "the full text is filled on demand");
            // The region names its claim; fill it as the element does.
            let (fi, ci) = ctx
                .get_attribute("data-claim")
                .unwrap()
                .split_once(':')
                .map(|(a, b)| (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap()))
                .unwrap();
            assert_eq!(&doc.facts[fi].claims[ci], c);
            analysis.render_context(ctx.unchecked_ref(), text, fi as u32, ci as u32).unwrap();
            assert_eq!(self::text(&ctx), *text);
            let ctx_mark = ctx.query_selector("mark").unwrap().unwrap();
            assert_eq!(self::text(&ctx_mark), js_slice(text, c.start, c.end), "context mark in {}", f.id);
            let strong = ctx_mark.query_selector("strong").unwrap().unwrap();
            assert_eq!(self::text(&strong), js_slice(text, c.value_start, c.value_end));
            checked += 1;
        }
    }
    assert!(checked > 0, "no claim was checked");
}

/// Offsets computed the way the core does (UTF-16 units).
fn claim_on(src: &str, text: &str, quote: &str, value: &str, said_by: Option<&str>) -> Claim {
    let qb = text.find(quote).unwrap();
    let vb = qb + quote.find(value).unwrap();
    let u = |b: usize| text[..b].encode_utf16().count();
    Claim {
        source: src.into(),
        quote: quote.into(),
        start: u(qb),
        end: u(qb + quote.len()),
        value: Value { text: Some(value.into()), ..Value::duration(Interval::exact(90)) },
        value_start: u(vb),
        value_end: u(vb + value.len()),
        said_by: said_by.map(|s| EntityId(s.into())),
        agreement: Agreement::Precise,
        rule: "test".into(),
        date_note: None,
    }
}

const HOSTILE_TITLE: &str = "<img src=x onerror=\"window.__pwned=1\">Titre";
const HOSTILE_TEXT: &str = "<img src=x onerror=\"window.__pwned=1\">Titre\n😀 Astral 𝕏 avant. Trump a parlé 90 minutes <script>window.__pwned=2</script> avec Poutine.\n<b>Fin</b>";
const HOSTILE_QUOTE: &str = "Trump a parlé 90 minutes <script>window.__pwned=2</script> avec Poutine.";

fn hostile_doc() -> (Document, Vec<Article>) {
    let mut entities = factpanel::model::Entities::default();
    entities.insert(
        "trump".to_string(),
        EntityInfo {
            name: "Donald <i>Trump</i>".into(),
            short: "<i>Trump</i>".into(),
            name_en: "Trump".into(),
            short_en: "Trump".into(),
            role: Some("<b>président</b>".into()),
            country: None,
            country_en: None,
        },
    );
    let doc = Document {
        schema: SCHEMA.into(),
        event: Event {
            label: "<svg onload=alert(1)>".into(),
            date: Some("2025-02-12".into()),
            participants: Vec::new(),
            kind: Some("call".into()),
        },
        sources: vec![Source {
            id: "h".into(),
            title: HOSTILE_TITLE.into(),
            lang: "fr\" onmouseover=\"x".into(),
            url: Some("javascript:window.__pwned=3".into()),
            outlet: Some("<u>Outlet</u>".into()),
            on_event: false,
            note: Some("<em>note</em>".into()),
            copy_of: Some("<i>h</i>".into()),
            wire: Some("<script>window.__pwned=5</script>".into()),
        }],
        facts: vec![Fact {
            id: "call_duration/putin+trump\"><img src=x>".into(),
            kind: Kind::CallDuration,
            label: "<b>label</b>".into(),
            subject: Subject { participants: vec![EntityId("trump".into())], actor: None, topic: None, person: None },
            value: Value::duration(Interval::exact(90)),
            status: Status::Single,
            claims: vec![claim_on("h", HOSTILE_TEXT, HOSTILE_QUOTE, "90 minutes", Some("trump"))],
        }],
        entities,
    };
    (doc, vec![Article::new("h", HOSTILE_TEXT)])
}

#[wasm_bindgen_test]
fn hostile_text_in_a_document_stays_text() {
    let (doc, articles) = hostile_doc();
    let root = host();
    read(&doc).render(root.unchecked_ref(), Some(options("fr", &articles).unchecked_into())).unwrap();
    assert!(all(&root, "img, script, svg, b, i, u, em").is_empty(), "markup was created");
    let t = text(&root);
    for s in [
        HOSTILE_TITLE,
        "<script>window.__pwned=2</script>",
        "<svg onload=alert(1)>",
        "<u>Outlet</u>",
        "<em>note</em>",
        "<i>Trump</i>",
        "<script>window.__pwned=5</script>",
    ] {
        assert!(t.contains(s), "{s:?} missing from {t}");
    }
    assert!(all(&root, "a").is_empty(), "a javascript: URL became a link");
    for el in all(&root, "*") {
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap();
            assert!(!name.starts_with("on"), "event handler attribute {name}");
        }
    }
    assert!(js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap().is_undefined());
    let texts = BTreeMap::from([("h".to_string(), HOSTILE_TEXT.to_string())]);
    check_highlights(&root, &doc, &texts);
    root.remove();
}

#[wasm_bindgen_test]
fn hostile_articles_through_analyze_stay_text() {
    let articles = vec![
        Article { title: Some(HOSTILE_TITLE.into()), url: Some("javascript:alert(1)".into()), ..Article::new("h1", HOSTILE_TEXT) },
        Article::new("h2", "<script>window.__pwned=4</script>\nDonald Trump a eu un échange téléphonique de 90 minutes avec Vladimir Poutine."),
    ];
    let analysis = analyze(js(&articles).unchecked_into()).unwrap();
    let root = host();
    analysis.render(root.unchecked_ref(), Some(options("fr", &articles).unchecked_into())).unwrap();
    assert!(all(&root, "img, script").is_empty());
    assert!(text(&root).contains("<script>window.__pwned=4</script>"));
    assert!(js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap().is_undefined());
    root.remove();
}

#[wasm_bindgen_test]
fn analyze_equals_the_native_result() {
    let inputs: Vec<Vec<Article>> = vec![
        seed_articles(),
        hostile_doc().1,
        vec![
            Article {
                title: Some("Un titre".into()),
                lang: Some("fr".into()),
                published: Some("2025-02-13".into()),
                outlet: Some("Le Monde".into()),
                url: Some("https://example.org/a".into()),
                ..Article::new(
                    "a",
                    "Donald Trump a eu un échange téléphonique de 90 minutes avec Vladimir Poutine mercredi.",
                )
            },
            Article::new(
                "b",
                "Selon le Kremlin, l'appel entre Vladimir Poutine et Donald Trump a duré près d'une heure et demie.",
            ),
        ],
    ];
    for articles in inputs {
        let native = factpanel::to_json(&factpanel::analyze(&articles).unwrap());
        let from_wasm = analyze(js(&articles).unchecked_into()).unwrap();
        // `JSON.stringify(analysis)` calls its `toJSON()`.
        let pretty =
            js_sys::JSON::stringify_with_replacer_and_space(&from_wasm.into(), &JsValue::NULL, &JsValue::from(2))
                .unwrap();
        assert_eq!(String::from(pretty), native);
    }
    // The seed corpus, as the native CLI gives it, and its JSON text.
    let seed = embedded().unwrap();
    let a =
        js_sys::JSON::stringify_with_replacer_and_space(&seed.to_json().unwrap(), &JsValue::NULL, &JsValue::from(2))
            .unwrap();
    let native = factpanel::analyze(&seed_articles()).unwrap();
    assert_eq!(String::from(a), factpanel::to_json(&native));
    assert_eq!(seed.json().unwrap(), serde_json::to_string(&native).unwrap());
    assert!(embedded_articles().is_ok());
}

fn error_message(r: Result<impl Sized, js_sys::Error>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => {
            assert!(e.is_instance_of::<js_sys::Error>());
            String::from(e.message())
        }
    }
}

#[wasm_bindgen_test]
fn errors_cross_as_js_errors_with_clear_messages() {
    let m = error_message(analyze(js_sys::Array::new().unchecked_into()));
    assert!(m.starts_with("factpanel: no articles"), "{m}");
    let m = error_message(analyze(JsValue::from(42).unchecked_into()));
    assert!(m.contains("malformed article JSON"), "{m}");
    let m = error_message(analyze(JsValue::UNDEFINED.unchecked_into()));
    assert!(m.contains("expected an array of articles"), "{m}");
    let dup = js(&vec![Article::new("a", "x"), Article::new("a", "y")]);
    let m = error_message(analyze(dup.unchecked_into()));
    assert!(m.contains("duplicate article id \"a\""), "{m}");
    let m = error_message(analyze(js(&serde_json::json!([{"id": "a"}])).unchecked_into()));
    assert!(m.contains("article #1"), "{m}");
    let article = js(&serde_json::json!({"id": "a", "text": "x"}));
    js_sys::Reflect::set(&article, &"published".into(), &js_sys::BigInt::from(1u32).into()).unwrap();
    let m = error_message(analyze(js_sys::Array::of1(&article).unchecked_into()));
    assert!(m.contains("the articles cannot be read as JSON (") && m.contains("BigInt"), "{m}");
    let cycle = js(&serde_json::json!({"id": "a", "text": "x"}));
    js_sys::Reflect::set(&cycle, &"self".into(), &cycle).unwrap();
    let m = error_message(analyze(js_sys::Array::of1(&cycle).unchecked_into()));
    assert!(m.contains("the articles cannot be read as JSON (") && m.contains("circular"), "{m}");
    let m = error_message(analyze(js_sys::Function::new_no_args("").unchecked_into()));
    assert!(m.contains("the articles: a function is not JSON data"), "{m}");

    // A document made elsewhere is read and checked.
    let m = error_message(Analysis::read(js(&serde_json::json!({"schema": "nope"})).unchecked_ref()));
    assert!(m.contains("not a factpanel/1 document"), "{m}");
    let m = error_message(Analysis::read(JsValue::from("{\"schema\": ").unchecked_ref()));
    assert!(m.contains("the document is not valid JSON (it ends early at line 1, column "), "{m}");
    let m = error_message(Analysis::read(JsValue::from("{\"schema\" 1}").unchecked_ref()));
    assert!(m.contains("the document is not valid JSON (a syntax error at line 1, column "), "{m}");

    // A failed render keeps the previous panel.
    let (root, _) = seed_panel("fr");
    let before = root.inner_html();
    let seed = embedded().unwrap();
    let m = error_message(
        seed.render(root.unchecked_ref(), Some(js(&serde_json::json!({"articles": 3})).unchecked_into())),
    );
    assert!(m.contains("bad render options"), "{m}");
    assert_eq!(root.inner_html(), before);
    root.remove();

    let m = error_message(seed.render(JsValue::NULL.unchecked_ref(), None));
    assert!(m.contains("render: the root must be an Element or a ShadowRoot"), "{m}");
    let text_node: JsValue = document().create_text_node("x").into();
    let m = error_message(seed.render(text_node.unchecked_ref(), None));
    assert!(m.contains("must be an Element or a ShadowRoot"), "{m}");

    let region = host();
    let m = error_message(seed.render_context(region.unchecked_ref(), "x", 0, 999));
    assert!(m.contains("renderContext: the document has no claim 0:999"), "{m}");
    region.remove();
}

#[wasm_bindgen_test]
fn renders_into_a_shadow_root_and_replaces_previous_content() {
    let h = host();
    let shadow = h.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    let analysis = embedded().unwrap();
    analysis.render(shadow.unchecked_ref(), None).unwrap();
    analysis.render(shadow.unchecked_ref(), None).unwrap();
    assert_eq!(shadow.query_selector_all("article").unwrap().length(), 1);
    // Without articles there is no context view, but quotes are there.
    assert_eq!(shadow.query_selector_all(".context").unwrap().length(), 0);
    assert!(shadow.query_selector(".sources").unwrap().is_some());
    h.remove();
}

/// The XSS filter-evasion payloads shared with the page test
/// (tests/page/fixtures/xss-payloads.txt: one a line, "# " comments).
fn payloads() -> Vec<&'static str> {
    include_str!("page/fixtures/xss-payloads.txt").lines().filter(|l| !l.is_empty() && !l.starts_with("# ")).collect()
}

/// No element or attribute outside the panel's allow-lists, no `on*`, only
/// http(s) links, and nothing ran.
fn assert_inert(root: &Element) {
    for el in all(root, "*") {
        let tag = el.local_name();
        assert!(factpanel::panel::TAGS.contains(&tag.as_str()), "created <{tag}>");
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap();
            assert!(factpanel::panel::ATTRS.contains(&name.as_str()), "attribute {name} on <{tag}>");
        }
    }
    for a in all(root, "a") {
        let href = a.get_attribute("href").unwrap_or_default();
        assert_eq!(factpanel::panel::safe_url(&href), Some(href.as_str()), "a link to {href:?}");
    }
    assert!(
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap().is_undefined(),
        "a payload ran"
    );
}

fn normalized(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[wasm_bindgen_test]
fn hostile_payloads_stay_text() {
    let payloads = payloads();
    assert!(payloads.len() >= 30, "{} payloads", payloads.len());
    // Through analyze: in ids, titles, texts, URLs and outlets.
    let articles: Vec<Article> = payloads
        .iter()
        .enumerate()
        .map(|(i, x)| Article {
            title: Some(x.to_string()),
            url: Some(x.to_string()),
            outlet: Some(x.to_string()),
            ..Article::new(
                format!("{i}{x}").chars().take(200).collect::<String>(),
                format!("{x}\nDonald Trump a eu un échange téléphonique de 90 minutes {x} avec Vladimir Poutine, selon le Kremlin.\n{x}"),
            )
        })
        .collect();
    let analysis = analyze(js(&articles).unchecked_into()).unwrap();
    let root = host();
    analysis.render(root.unchecked_ref(), Some(options("fr", &articles).unchecked_into())).unwrap();
    let doc: Document = from_js(&analysis.to_json().unwrap());
    for ctx in all(&root, ".context[data-claim]") {
        let (f, c) = ctx
            .get_attribute("data-claim")
            .unwrap()
            .split_once(':')
            .map(|(a, b)| (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap()))
            .unwrap();
        let claim = &doc.facts[f].claims[c];
        let text = &articles.iter().find(|a| a.id == claim.source).unwrap().text;
        analysis.render_context(ctx.unchecked_ref(), text, f as u32, c as u32).unwrap();
        assert_eq!(self::text(&ctx), *text);
    }
    assert!(doc.facts.iter().map(|f| f.claims.len()).sum::<usize>() >= payloads.len() / 2, "few quotes");
    assert_inert(&root);
    let shown = normalized(&text(&root));
    for x in &payloads {
        assert!(shown.contains(&normalized(x)), "{x:?} is not shown as text");
    }
    root.remove();

    // In a document: the event label, entity names, fact labels, notes, languages.
    let (mut doc, articles) = hostile_doc();
    for (i, x) in payloads.iter().enumerate() {
        let mut s = doc.sources[0].clone();
        s.id = format!("p{i}");
        s.title = x.to_string();
        s.url = Some(x.to_string());
        s.outlet = Some(x.to_string());
        s.note = Some(x.to_string());
        s.lang = x.to_string();
        doc.sources.push(s);
    }
    doc.event.label = payloads.join(" ");
    let root = host();
    read(&doc).render(root.unchecked_ref(), Some(options("en", &articles).unchecked_into())).unwrap();
    assert_inert(&root);
    root.remove();
}

#[wasm_bindgen_test]
fn many_claims_are_filled_on_demand_by_render_claims() {
    // 60 copies of the seed corpus: over LAZY_CLAIMS_OVER claims.
    let seeds = seed_articles();
    let articles: Vec<Article> =
        (0..60).flat_map(|k| seeds.iter().map(move |a| Article { id: format!("{k}-{}", a.id), ..a.clone() })).collect();
    let analysis = analyze(js(&articles).unchecked_into()).unwrap();
    let doc: Document = from_js(&analysis.to_json().unwrap());
    assert!(doc.facts.iter().map(|f| f.claims.len()).sum::<usize>() > factpanel::panel::LAZY_CLAIMS_OVER);
    let root = host();
    let opts = options("fr", &articles);
    analysis.render(root.unchecked_ref(), Some(opts.clone().unchecked_into())).unwrap();
    assert!(all(&root, "li.claim").is_empty(), "claims are not built up front");
    let lists = all(&root, "ol.claims");
    assert_eq!(lists.len(), doc.facts.len());
    for list in &lists {
        let f: u32 = list.get_attribute("data-claims").expect("marked for renderClaims").parse().unwrap();
        analysis.render_claims(list.unchecked_ref(), f, Some(opts.clone().unchecked_into())).unwrap();
        assert_eq!(all(list, "li.claim").len(), doc.facts[f as usize].claims.len());
    }
    // Filled, they are the panel's usual claims: quotes, highlights, context.
    let texts: BTreeMap<String, String> = articles.into_iter().map(|a| (a.id, a.text)).collect();
    check_highlights(&root, &doc, &texts);
    let m = error_message(analysis.render_claims(lists[0].unchecked_ref(), 999, None));
    assert!(m.contains("renderClaims: the document has no fact 999"), "{m}");
    root.remove();
}

/// Whether `v` and every object and array inside it are frozen.
fn deeply_frozen(v: &JsValue) -> bool {
    if !v.is_object() {
        return true;
    }
    let o: &js_sys::Object = v.unchecked_ref();
    js_sys::Object::is_frozen(o) && js_sys::Object::values(o).iter().all(|x| deeply_frozen(&x))
}

#[wasm_bindgen_test]
fn documents_are_frozen_and_render_like_a_copy_read_back() {
    let articles = seed_articles();
    let analysis = analyze(js(&articles).unchecked_into()).unwrap();
    let doc_js: JsValue = analysis.to_json().unwrap().into();
    assert!(deeply_frozen(&doc_js), "toJSON() gives a deeply frozen document");
    let title = js_sys::Reflect::get(&doc_js, &"event".into()).unwrap();
    assert!(
        !js_sys::Reflect::set(&title, &"label".into(), &"changed".into()).unwrap(),
        "a frozen document cannot change"
    );
    // The same document read from a plain copy, and from its JSON text (as
    // from a worker or a file): the same panel.
    let copy = js_sys::JSON::parse(&analysis.json().unwrap()).unwrap();
    assert!(!deeply_frozen(&copy));
    let opts = options("fr", &articles);
    let (a, b, c) = (host(), host(), host());
    analysis.render(a.unchecked_ref(), Some(opts.clone().unchecked_into())).unwrap();
    Analysis::read(copy.unchecked_ref())
        .unwrap()
        .render(b.unchecked_ref(), Some(opts.clone().unchecked_into()))
        .unwrap();
    let text_doc = JsValue::from(analysis.json().unwrap());
    Analysis::read(text_doc.unchecked_ref())
        .unwrap()
        .render(c.unchecked_ref(), Some(opts.clone().unchecked_into()))
        .unwrap();
    assert!(!all(&a, "li.claim").is_empty());
    assert_eq!(a.inner_html(), b.inner_html());
    assert_eq!(a.inner_html(), c.inner_html());
    // A changed copy is read as it is now.
    let source = js_sys::Reflect::get(&js_sys::Reflect::get(&copy, &"sources".into()).unwrap(), &0.into()).unwrap();
    js_sys::Reflect::set(&source, &"title".into(), &"Un titre changé".into()).unwrap();
    Analysis::read(copy.unchecked_ref()).unwrap().render(b.unchecked_ref(), Some(opts.unchecked_into())).unwrap();
    assert!(text(&b).contains("Un titre changé"));
    assert!(!text(&a).contains("Un titre changé"));
    a.remove();
    b.remove();
    c.remove();
}

#[wasm_bindgen_test]
fn lazy_claims_leave_every_list_for_render_claims() {
    let articles = seed_articles();
    let analysis = embedded().unwrap();
    let doc: Document = from_js(&analysis.to_json().unwrap());
    let opts = options("en", &articles);
    js_sys::Reflect::set(&opts, &"lazyClaims".into(), &true.into()).unwrap();
    let (lazy, eager) = (host(), host());
    analysis.render(lazy.unchecked_ref(), Some(opts.clone().unchecked_into())).unwrap();
    analysis.render(eager.unchecked_ref(), Some(options("en", &articles).unchecked_into())).unwrap();
    assert!(all(&lazy, "li.claim").is_empty(), "no claim is built up front");
    assert_eq!(all(&lazy, "button.fact-toggle").len(), doc.facts.len());
    for list in all(&lazy, "ol.claims") {
        let f: u32 = list.get_attribute("data-claims").expect("marked for renderClaims").parse().unwrap();
        analysis.render_claims(list.unchecked_ref(), f, Some(opts.clone().unchecked_into())).unwrap();
    }
    // Filled, the lists hold what the eager panel holds.
    let items = |root: &Element| all(root, "ol.claims").iter().map(|l| l.inner_html()).collect::<Vec<_>>();
    assert_eq!(items(&lazy), items(&eager));
    let texts: BTreeMap<String, String> = articles.into_iter().map(|a| (a.id, a.text)).collect();
    check_highlights(&lazy, &doc, &texts);
    js_sys::Reflect::set(&opts, &"lazyClaims".into(), &"yes".into()).unwrap();
    let m = error_message(analysis.render(lazy.unchecked_ref(), Some(opts.unchecked_into())));
    assert!(m.contains("\"lazyClaims\" must be a boolean"), "{m}");
    lazy.remove();
    eager.remove();
}
