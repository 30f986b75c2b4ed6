//! Unit tests of the view tree and its sections (`crate::panel`).

use super::*;
use crate::format::Lang;
use crate::model::{Agreement, Claim, Document, EntityId, Fact, Kind, Source, Status};
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
    assert_eq!(order, ["call_duration/putin+trump", "call_date/putin+trump", "stance/hegseth+ukraine_nato_membership"]);
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
    assert_eq!(en.by_class("copy-note")[0].text_content(), "Copy of the same AFP dispatch as source 1: one newsroom.");
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
