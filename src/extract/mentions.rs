//! Every mention the extractor recognized, for rule authors (`--mentions`).

use super::*;

/// Every mention recognized in the articles.
pub fn mentions(articles: &[Article]) -> MentionsDocument {
    let packs = crate::rules::languages();
    let langs: Vec<usize> = articles.iter().map(|a| lang::pack_of(a, packs)).collect();
    let preps: Vec<Prepared> =
        articles.iter().zip(&langs).map(|(a, &l)| Prepared::new(&a.text, crate::rules::pack(l))).collect();
    let (texts, more) = first_reading(&preps, &langs);
    let readers = Readers { langs, more };
    let mut out = Vec::new();
    let (texts, _) = mentioned(texts, &readers, |_| true);
    for (i, (a, t)) in articles.iter().zip(texts).enumerate() {
        let r = readers.rules(i);
        let an = analyse(t, a, r);
        let p = an.prep;
        let mut push = |kind: &str, na: usize, nb: usize, value: serde_json::Value, rule: String| {
            let (start, end) = p.utf16_range(na, nb);
            out.push(Mention {
                source: a.id.clone(),
                kind: kind.into(),
                text: p.orig_text(na, nb).into(),
                start,
                end,
                value,
                rule,
            });
        };
        for s in &an.sents {
            for d in &s.durations {
                let iv = d.m.interval;
                push(
                    "duration",
                    d.start,
                    d.end,
                    serde_json::json!({"min": iv.min.map(|m| m.0), "max": iv.max.map(|m| m.0)}),
                    d.m.rule.clone(),
                );
            }
            for m in &s.mentions {
                let ids: Vec<&str> = m.ids.iter().map(|&i| r.entities[i].id.as_str()).collect();
                let kind = match m.form {
                    sentence::MentionForm::Name => "actor",
                    _ => "reference",
                };
                push(kind, s.toks[m.t0].start, s.toks[m.t1 - 1].end, serde_json::json!(ids), format!("entity.{kind}"));
            }
            for d in dates::find(s, r) {
                let parts = match d.back {
                    Some(k) => dates::resolve_back(k, an.article_date).unwrap_or_default(),
                    None => dates::resolve(d.parts, an.article_date, r),
                };
                let mut value = serde_json::json!(parts);
                // A weekday that is not the date's: the one written, beside
                // the date's own.
                if let (Some(w), Some(o)) = (dates::weekday_mismatch(&d, &parts), value.as_object_mut()) {
                    o.insert("stated_weekday".into(), w.into());
                }
                push("date", s.toks[d.t0].start, s.toks[d.t1 - 1].end, value, "date".into());
            }
            for at in &s.attributions {
                let who = s.mentions[at.speaker].actor(r).map(|i| r.entities[i].id.clone());
                push(
                    "attribution",
                    s.toks[at.at].start,
                    s.toks[at.at].end,
                    serde_json::json!(who),
                    "attribution".into(),
                );
            }
            // Topics, then positions: what their patterns find.
            let topics =
                r.topics.iter().enumerate().map(|(k, t)| ("topic", r.topic_patterns(k), serde_json::json!(t.id)));
            let positions = r
                .positions
                .iter()
                .enumerate()
                .map(|(k, p)| ("position", r.position_patterns(k), serde_json::json!(p.id)));
            for (kind, patterns, value) in topics.chain(positions) {
                for m in find_any(r, patterns, s) {
                    push(kind, s.toks[m.start].start, s.toks[m.end - 1].end, value.clone(), kind.into());
                }
            }
        }
    }
    MentionsDocument { schema: MENTIONS_SCHEMA.into(), mentions: out }
}
