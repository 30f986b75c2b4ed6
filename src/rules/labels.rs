//! A language pack's reader-facing text (`labels.toml`): the document's
//! `label` fields and the panel's words, filled from templates.
//!
//! # Templates
//!
//! | template                         | values               | text                              |
//! |----------------------------------|----------------------|-----------------------------------|
//! | `Appel {p}`                      | `p` = `Trump–Poutine`| `Appel Trump–Poutine`             |
//! | `Durée de l'appel[ {p}]`         | `p` empty            | `Durée de l'appel`                |
//! | `[Libération de {x}\|Libération d'un prisonnier]` | `x` = `Alexander Vinnik` | `Libération d'Alexander Vinnik` |
//! | `Position de {a} : {t}`          | `a` = `le Kremlin`   | `Position du Kremlin : …`         |
//!
//! `{name}` is a value (empty when not given). A part in `[ … ]` is kept when
//! every value it names is non-empty; otherwise the part after its `|` is
//! written, or nothing. Then the pack's `[labels.grammar]` tidies the text:
//! its contractions (« de le » → « du ») and elisions (« de » → « d' »
//! before a vowel). The engine holds no word of either.
//!
//! ```
//! use factpanel::rules::labels::fill;
//! assert_eq!(fill("Durée de l'appel[ {p}]", &[("p", "")]), "Durée de l'appel");
//! assert_eq!(fill("[{a} on {t}|{t}]", &[("a", "Hegseth"), ("t", "NATO")]), "Hegseth on NATO");
//! ```

use serde::Deserialize;

use super::pairs;
use crate::codec::codec_struct;
use crate::model::{Agreement, Kind, Stance, Status};

/// Reader-facing templates of a pack.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// The event label (`{p}`).
    pub event: String,
    /// The event label of an in-person meeting.
    pub event_meeting: String,
    /// The off-event note; `{m}` the markers.
    pub off_event_note: String,
    /// The off-event note when no marker is known.
    pub off_event_note_plain: String,
    /// The note of a source on another call of the event's participants;
    /// `{p}` the participants, `{d}` its day.
    pub off_event_call: String,
    /// The same for another meeting.
    pub off_event_meeting: String,
    /// The note of a source on an undated call of the event's
    /// participants, itself dated long after the event: `{d}` its date,
    /// `{e}` the event's day.
    pub off_event_undated: String,
    /// The note of a source published two months or more before the event's
    /// month: `{d}` its month, `{e}` the event's day.
    pub off_event_early: String,
    /// The first day of a month in a date ("1er").
    pub first_day: String,
    /// The note of a source in a language no pack reads; `{lang}` its tag.
    pub no_pack: String,
    /// The note of a source whose words are no pack's.
    pub unknown_language: String,
    /// How a name carrying its article starts ("le ", "the ").
    pub articles: Vec<String>,
    /// A quoted term (`{t}`).
    pub quote: String,
    /// A claim's attribution (`{a}`).
    pub said_by: String,
    /// A claim in the outlet's own voice.
    pub own_voice: String,
    /// A date with no known part.
    pub unknown_date: String,
    /// A stated weekday (`{w}`) that is not the date's (`{d}`).
    pub weekday_mismatch: String,
    /// The same when the date has no day and month.
    pub weekday_mismatch_plain: String,
    /// The accessible name of an article's full text (`{t}` its title).
    pub full_text: String,
    /// Per kind of fact (its JSON name).
    #[serde(deserialize_with = "pairs")]
    pub kinds: Vec<(String, String)>,
    /// Per kind, for the facts of an in-person meeting; kinds not listed
    /// use `kinds`.
    #[serde(deserialize_with = "pairs")]
    pub meeting_kinds: Vec<(String, String)>,
    /// Per topic id, in running text.
    #[serde(deserialize_with = "pairs")]
    pub topics: Vec<(String, String)>,
    /// Per topic id, as a heading.
    #[serde(deserialize_with = "pairs")]
    pub topic_headings: Vec<(String, String)>,
    /// Per status.
    pub statuses: Statuses,
    /// Per position.
    pub positions: Positions,
    /// Per agreement of a claim with its fact.
    pub agreements: Agreements,
    /// Values of facts in words.
    pub values: Values,
    /// Durations in words.
    pub durations: Durations,
    /// Counts of sources and newsrooms, copies.
    pub counts: Counts,
    /// The panel's fixed text.
    pub view: View,
    /// How filled text is tidied.
    pub grammar: TextGrammar,
}

/// The name of each status.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Statuses {
    pub agreed: String,
    pub compatible: String,
    pub disputed: String,
    pub single: String,
}

/// The name of each position.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Positions {
    pub unrealistic: String,
    pub opposed: String,
    pub inevitable: String,
    pub supports: String,
}

/// How a claim relates to its fact.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Agreements {
    pub precise: String,
    pub compatible: String,
    pub disputes: String,
}

/// Values of facts: `{a}` who released, `{x}` places.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Values {
    pub immediately: String,
    pub released: String,
    pub released_by: String,
    pub took_place: String,
    pub did_not_take_place: String,
    pub meeting_no_place: String,
    pub meeting_place: String,
    pub meeting_places: String,
}

/// Durations: `{h}` hours, `{m2}` minutes on two digits, `{m}` minutes,
/// `{v}` a duration in words, `{lo}`/`{hi}` bounds in words, `{a}`/`{b}`
/// bounds in minutes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Durations {
    pub minutes: String,
    pub hours: String,
    pub hours_minutes: String,
    pub exact: String,
    pub range: String,
    pub short_range: String,
    pub more_than: String,
    pub up_to: String,
    pub unknown: String,
}

/// A text for one and one for any other number (`{n}`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    /// For 1.
    pub one: String,
    /// For any other number.
    pub other: String,
}

impl Plural {
    /// The template for `n`.
    pub fn of(&self, n: usize) -> &str {
        if n == 1 {
            &self.one
        } else {
            &self.other
        }
    }
}

/// Counts and copies: `{n}` a number, `{x}` a text, `{w}` an agency.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Counts {
    pub sources: Plural,
    pub newsrooms: Plural,
    pub less_precise: Plural,
    pub disagreeing: Plural,
    pub source_refs: Plural,
    pub independent: Plural,
    pub of_which: String,
    pub in_newsrooms: String,
    pub coverage_all: String,
    pub coverage_some: String,
    pub copy_wire: String,
    pub copy_text: String,
    pub copy_of_source: String,
    pub credit: String,
}

/// The panel's fixed text.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct View {
    pub title: String,
    pub facts: String,
    pub positions: String,
    pub sources: String,
    pub actor: String,
    pub show_quotes: String,
    pub hide_quotes: String,
    pub read_in_context: String,
    pub close_context: String,
    pub off_event: String,
    pub on_event: String,
    pub no_facts: String,
    pub date_unknown: String,
    pub no_context: String,
    pub open_article: String,
    pub value_given: String,
}

/// How filled text is tidied, word by word.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextGrammar {
    /// A word pair and the word it becomes ("de le" → "du").
    #[serde(deserialize_with = "pairs")]
    pub contractions: Vec<(String, String)>,
    /// A word and its elided form ("de" → "d'"), written joined to the next
    /// word when that starts with one of `elision_onsets` or is one of
    /// `elide_before`.
    #[serde(deserialize_with = "pairs")]
    pub elisions: Vec<(String, String)>,
    /// The letters a word starts with to elide the word before.
    pub elision_onsets: String,
    /// Words before which to elide whatever their first letter ("1").
    pub elide_before: Vec<String>,
}

codec_struct!(Labels {
    event,
    event_meeting,
    off_event_note,
    off_event_note_plain,
    off_event_call,
    off_event_meeting,
    off_event_undated,
    off_event_early,
    first_day,
    no_pack,
    unknown_language,
    articles,
    quote,
    said_by,
    own_voice,
    unknown_date,
    weekday_mismatch,
    weekday_mismatch_plain,
    full_text,
    kinds,
    meeting_kinds,
    topics,
    topic_headings,
    statuses,
    positions,
    agreements,
    values,
    durations,
    counts,
    view,
    grammar
});
codec_struct!(Statuses { agreed, compatible, disputed, single });
codec_struct!(Positions { unrealistic, opposed, inevitable, supports });
codec_struct!(Agreements { precise, compatible, disputes });
codec_struct!(Values {
    immediately,
    released,
    released_by,
    took_place,
    did_not_take_place,
    meeting_no_place,
    meeting_place,
    meeting_places
});
codec_struct!(Durations { minutes, hours, hours_minutes, exact, range, short_range, more_than, up_to, unknown });
codec_struct!(Plural { one, other });
codec_struct!(Counts {
    sources,
    newsrooms,
    less_precise,
    disagreeing,
    source_refs,
    independent,
    of_which,
    in_newsrooms,
    coverage_all,
    coverage_some,
    copy_wire,
    copy_text,
    copy_of_source,
    credit
});
codec_struct!(View {
    title,
    facts,
    positions,
    sources,
    actor,
    show_quotes,
    hide_quotes,
    read_in_context,
    close_context,
    off_event,
    on_event,
    no_facts,
    date_unknown,
    no_context,
    open_article,
    value_given
});
codec_struct!(TextGrammar { contractions, elisions, elision_onsets, elide_before });

fn lookup<'a>(v: &'a [(String, String)], k: &str) -> Option<&'a str> {
    v.iter().find(|(n, _)| n == k).map(|(_, l)| l.as_str())
}

impl Labels {
    /// `tpl` filled with `vars` ([`fill`]), then tidied by the pack's
    /// grammar.
    pub fn text(&self, tpl: &str, vars: &[(&str, &str)]) -> String {
        self.grammar.tidy(&fill(tpl, vars))
    }

    /// The label of a fact of `kind`: `{p}` participants, `{a}` the actor
    /// in running text, `{t}` the topic, `{x}` the person. A label opens
    /// with a capital ("The Kremlin on …"; ASCII letters only, which the
    /// packs' templates and articles start with).
    pub fn kind(&self, kind: Kind, meeting: bool, vars: &[(&str, &str)]) -> String {
        let k = kind.as_str();
        let tpl = meeting.then(|| lookup(&self.meeting_kinds, k)).flatten().or_else(|| lookup(&self.kinds, k));
        let mut s = self.text(tpl.unwrap_or(k), vars);
        if let Some(f) = s.get_mut(..1) {
            f.make_ascii_uppercase();
        }
        s
    }

    /// A topic in running text; the id when the pack does not label it.
    pub fn topic<'a>(&'a self, id: &'a str) -> &'a str {
        lookup(&self.topics, id).unwrap_or(id)
    }

    /// A topic as a heading; the id when the pack does not label it.
    pub fn topic_heading<'a>(&'a self, id: &'a str) -> &'a str {
        lookup(&self.topic_headings, id).or_else(|| lookup(&self.topics, id)).unwrap_or(id)
    }

    /// A status's name.
    pub fn status(&self, s: Status) -> &str {
        let l = &self.statuses;
        match s {
            Status::Agreed => &l.agreed,
            Status::Compatible => &l.compatible,
            Status::Disputed => &l.disputed,
            Status::Single => &l.single,
        }
    }

    /// A position's name.
    pub fn position(&self, s: Stance) -> &str {
        let l = &self.positions;
        match s {
            Stance::Unrealistic => &l.unrealistic,
            Stance::Opposed => &l.opposed,
            Stance::Inevitable => &l.inevitable,
            Stance::Supports => &l.supports,
        }
    }

    /// An agreement's name.
    pub fn agreement(&self, a: Agreement) -> &str {
        let l = &self.agreements;
        match a {
            Agreement::Precise => &l.precise,
            Agreement::Compatible => &l.compatible,
            Agreement::Disputes => &l.disputes,
        }
    }

    /// A count: `n` with its plural's template, `{x}` = `x`.
    pub fn count(&self, p: &Plural, n: usize, x: &str) -> String {
        self.text(p.of(n), &[("n", &n.to_string()), ("x", x)])
    }

    /// Whether a name carries its article ("le Kremlin", "the Kremlin").
    pub fn has_article(&self, name: &str) -> bool {
        let lower = crate::case::to_lowercase(name);
        self.articles.iter().any(|a| lower.starts_with(a.as_str()))
    }
}

/// `tpl` with `{name}` replaced by its value in `vars` (empty when absent),
/// and `[then|else]` parts resolved: `then` when every value it names is
/// non-empty, else `else` (or nothing). Brackets do not nest; an unclosed
/// `[` or `{` is text.
pub fn fill(tpl: &str, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(tpl.len() + 32);
    let mut rest = tpl;
    while let Some(i) = rest.find('[') {
        let Some(len) = rest[i..].find(']') else { break };
        substitute(&rest[..i], vars, &mut out);
        let part = &rest[i + 1..i + len];
        let (then, otherwise) = part.split_once('|').unwrap_or((part, ""));
        let mut filled = String::new();
        if substitute(then, vars, &mut filled) {
            out.push_str(&filled);
        } else {
            substitute(otherwise, vars, &mut out);
        }
        rest = &rest[i + len + 1..];
    }
    substitute(rest, vars, &mut out);
    out
}

/// Where `needle` first starts in `hay`: the search the module uses for a
/// string in a short text, instead of `str::find`, whose substring
/// searcher would be linked into the module (docs/architecture.md).
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    hay.char_indices().map(|(i, _)| i).find(|&i| hay[i..].starts_with(needle))
}

/// Appends `s` with its `{name}`s replaced; whether every value was
/// non-empty.
fn substitute(s: &str, vars: &[(&str, &str)], out: &mut String) -> bool {
    let mut all = true;
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let Some(len) = rest[i..].find('}') else { break };
        out.push_str(&rest[..i]);
        let name = &rest[i + 1..i + len];
        let v = vars.iter().find(|(k, _)| *k == name).map_or("", |(_, v)| *v);
        all &= !v.is_empty();
        out.push_str(v);
        rest = &rest[i + len + 1..];
    }
    out.push_str(rest);
    all
}

impl TextGrammar {
    /// `s` with the contractions and elisions applied between words
    /// (separated by single spaces).
    pub fn tidy(&self, s: &str) -> String {
        if self.contractions.is_empty() && self.elisions.is_empty() {
            return s.to_string();
        }
        let words: Vec<&str> = s.split(' ').collect();
        let mut out = String::with_capacity(s.len());
        let (mut i, mut glue) = (0, true);
        while i < words.len() {
            let (w, next) = (words[i], words.get(i + 1).copied());
            if !glue {
                out.push(' ');
            }
            glue = false;
            if let Some(next) = next {
                let pair =
                    self.contractions.iter().find(|(k, _)| k.split_once(' ').is_some_and(|(a, b)| a == w && b == next));
                if let Some((_, to)) = pair {
                    out.push_str(to);
                    i += 2;
                    continue;
                }
                // (Compared char by char: `str::contains(char)` searches a
                // non-ASCII char as a string, which links a substring
                // searcher into the module.)
                let onset = next.chars().next().is_some_and(|c| self.elision_onsets.chars().any(|o| o == c));
                if onset || self.elide_before.iter().any(|b| b == next) {
                    if let Some((_, to)) = self.elisions.iter().find(|(k, _)| k == w) {
                        out.push_str(to);
                        glue = true;
                        i += 1;
                        continue;
                    }
                }
            }
            out.push_str(w);
            i += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_parts() {
        assert_eq!(fill("a[ {p}] b", &[("p", "X")]), "a X b");
        assert_eq!(fill("a[ {p}] b", &[]), "a b");
        assert_eq!(fill("[{a} : {t}|{t}]", &[("t", "T")]), "T");
        assert_eq!(fill("[{a} : {t}|{t}]", &[("a", "A"), ("t", "T")]), "A : T");
        assert_eq!(fill("open [ and { stay", &[]), "open [ and { stay");
        assert_eq!(fill("{unknown}!", &[]), "!");
    }

    #[test]
    fn tidy_contracts_and_elides() {
        let g = TextGrammar {
            contractions: vec![("de le".into(), "du".into())],
            elisions: vec![("de".into(), "d'".into())],
            elision_onsets: "aeiouAEIOU".into(),
            elide_before: vec!["1".into()],
        };
        assert_eq!(g.tidy("Position de le Kremlin : x"), "Position du Kremlin : x");
        assert_eq!(g.tidy("Libération de Alexander Vinnik"), "Libération d'Alexander Vinnik");
        assert_eq!(g.tidy("plus de 1 h"), "plus d'1 h");
        assert_eq!(g.tidy("plus de 10 h"), "plus de 10 h");
        assert_eq!(g.tidy("de"), "de");
    }
}
