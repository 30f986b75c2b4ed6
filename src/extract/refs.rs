//! References and reported speech across the sentences of one article.
//!
//! - A singular pronoun ("il", "lui", the "il" of "a-t-il") names the
//!   subject of the current sentence before it, or else of the closest
//!   sentence before that has one. The subject is the first actor mention
//!   that no preposition governs.
//! - A plural reference ("ils", "les deux dirigeants") names the two persons
//!   of the closest sentence that names two, preferring one that names them
//!   in one clause ([`pair_before`]). One that names them by their office
//!   ("les deux dirigeants", "the two presidents") names no one the text
//!   calls a minister or an aide.
//! - An attribution gives a speaker to a span of tokens:
//!   preposed ("X a déclaré que …", "…de X, qui avait jugé que …"), postposed ("…, a déclaré X",
//!   "…, a-t-il déclaré"), or by preposition ("selon X", "Pour X, …").
//! - "je"/"nous" inside a quote name the speaker of the span they are in.

use super::sentence::{is_title_word, Attribution, EntMention, MentionForm, Sent};
use crate::rules::{EntityKind, Grammar, Rules};
use crate::text::TokKind;

/// Whether the mention opens the sentence as a dateline's place
/// ("WASHINGTON, Feb 12 (Reuters) -", "MOSCOU (AFP) –"): a place name, then
/// a comma and a date, or an opening bracket.
pub(super) fn dateline_place(s: &Sent, rules: &Rules, m: &EntMention) -> bool {
    let tok = |i: usize| s.toks.get(i).map_or("", |t| t.lower);
    let dated = |i: usize| {
        s.toks.get(i).is_some_and(|t| t.kind == TokKind::Number)
            || rules.dates.month(tok(i)).is_some()
            || rules.dates.weekday(tok(i)).is_some()
    };
    m.t0 == 0 && (tok(m.t1) == "(" || (tok(m.t1) == "," && dated(m.t1 + 1)))
}

/// Whether the mention qualifies the person named right after its title
/// ("United States President Donald Trump"): it is then no subject.
fn qualifies_a_name(s: &Sent, rules: &Rules, m: &EntMention) -> bool {
    s.toks.get(m.t1).is_some_and(|t| is_title_word(rules, t.lower))
        && s.mentions_in(m.t1 + 1, m.t1 + 3).any(|(_, n)| n.persons(rules).next().is_some())
}

/// The first subject-like actor mention in tokens `[t0, t1)` of `s`.
pub fn subject_in(s: &Sent, rules: &Rules, t0: usize, t1: usize, singular: bool) -> Option<usize> {
    s.mentions_in(t0, t1)
        .find(|(_, m)| {
            !m.after_prep
                && !dateline_place(s, rules, m)
                && !qualifies_a_name(s, rules, m)
                && (!singular || !m.plural)
                && !m.ids.is_empty()
                && m.ids.iter().any(|&i| matches!(rules.entities[i].kind, EntityKind::Person | EntityKind::Institution))
        })
        .map(|(k, _)| k)
}

fn persons_of(m: &EntMention, rules: &Rules, out: &mut Vec<usize>) {
    for p in m.persons(rules) {
        if !out.contains(&p) {
            out.push(p);
        }
    }
}

/// Distinct persons mentioned in tokens `[t0, t1)`, in order.
pub fn persons_in(s: &Sent, rules: &Rules, t0: usize, t1: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // A set beside the list once it grows: a sentence naming many people
    // stays linear.
    // (Entities are indices: a bitmap, no hash table in the module.)
    let mut seen: Vec<bool> = Vec::new();
    for (_, m) in s.mentions_in(t0, t1) {
        if out.len() < 8 {
            persons_of(m, rules, &mut out);
            if out.len() >= 8 {
                seen = vec![false; rules.entities.len()];
                out.iter().for_each(|&p| seen[p] = true);
            }
        } else {
            for p in m.persons(rules) {
                if !std::mem::replace(&mut seen[p], true) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// The persons of the closest sentence before `si` (within the lookback)
/// that names two and all of `must`, preferring a sentence that names two
/// in one clause ("Trump a ensuite appelé Zelensky") over one whose names
/// are in different clauses ("… entre un président américain et le maître
/// du Kremlin, quand Joe Biden avait tenté…"): then the persons of that
/// clause, `must` first (« Macron s'entretient avec Zelensky après avoir
/// échangé avec Poutine », then « l'entretien avec Poutine »: Poutine,
/// then Macron).
pub fn pair_before(sents: &[Sent], si: usize, rules: &Rules, must: &[usize]) -> Option<Vec<usize>> {
    let mut ps = pair_before_of(sents, si, rules, must, false)?;
    crate::sort_by(&mut ps, |a, b| must.contains(b).cmp(&must.contains(a)));
    Some(ps)
}

/// [`pair_before`] without the persons the text names as aides or
/// ministers, with `leaders`: for "the two presidents", which the
/// ministers named since are not.
fn pair_before_of(sents: &[Sent], si: usize, rules: &Rules, must: &[usize], leaders: bool) -> Option<Vec<usize>> {
    let window = si.saturating_sub(rules.references.lookback)..si;
    let holds = |ps: &Vec<usize>| ps.len() >= 2 && must.iter().all(|m| ps.contains(m));
    let persons = |q: &Sent, c0: usize, c1: usize| pair_candidates(q, rules, c0, c1, leaders);
    let in_one_clause = window.clone().rev().find_map(|p| {
        let q = &sents[p];
        let mut t = 0;
        while t < q.toks.len() {
            let (c0, c1) = q.clause_of(t);
            let mut ps = persons(q, c0, c1);
            // Three or more in one clause ("After speaking with Putin,
            // Trump called Zelensky"): the last two are the call's.
            if ps.len() > 2 && must.is_empty() {
                ps.drain(..ps.len() - 2);
            }
            if holds(&ps) {
                return Some(ps);
            }
            t = c1.max(t + 1);
        }
        None
    });
    in_one_clause.or_else(|| window.rev().map(|p| persons(&sents[p], 0, sents[p].toks.len())).find(|ps| holds(ps)))
}

/// The persons of tokens `t0..t1` a plural reference may name: with
/// `leaders` ("the two presidents"), none the text calls a minister or an
/// aide.
fn pair_candidates(s: &Sent, rules: &Rules, t0: usize, t1: usize, leaders: bool) -> Vec<usize> {
    let mut ps = persons_in(s, rules, t0, t1);
    if leaders {
        ps.retain(|&p| !rules.entities[p].is_aide());
    }
    ps
}

/// Resolves pronouns and plural references in sentence `si`, in order.
pub fn resolve(sents: &mut [Sent], si: usize, rules: &Rules) {
    for k in 0..sents[si].mentions.len() {
        let m = &sents[si].mentions[k];
        let ids = match m.form {
            MentionForm::Name | MentionForm::FirstPerson => continue,
            MentionForm::Pronoun => {
                let (t0, quoted) = (m.t0, m.quoted);
                let here = subject_in(&sents[si], rules, 0, t0, true)
                    .filter(|&j| sents[si].mentions[j].quoted == quoted)
                    .and_then(|j| sents[si].mentions[j].actor(rules).map(|a| vec![a]));
                here.or_else(|| {
                    (si.saturating_sub(rules.references.lookback)..si).rev().find_map(|p| {
                        let s = &sents[p];
                        subject_in(s, rules, 0, s.toks.len(), true)
                            .and_then(|j| s.mentions[j].actor(rules).map(|a| vec![a]))
                    })
                })
            }
            MentionForm::Plural => {
                let (t0, leaders) = (m.t0, m.role);
                let here = pair_candidates(&sents[si], rules, 0, t0, leaders);
                if here.len() >= 2 {
                    Some(here[..2].to_vec())
                } else {
                    pair_before_of(sents, si, rules, &[], leaders).map(|ps| ps[..2].to_vec())
                }
            }
        };
        if let Some(ids) = ids {
            sents[si].mentions[k].ids = ids;
        }
    }
}

fn is_break(s: &Sent, t: usize) -> bool {
    s.toks.get(t).is_some_and(|x| matches!(x.kind, TokKind::ClauseBreak | TokKind::Quote))
}

/// Whether token `t` ends the sentence or its clause (or is past the end).
fn closes(s: &Sent, t: usize) -> bool {
    is_break(s, t) || s.toks.get(t).is_none_or(|x| x.kind == TokKind::Punct && matches!(x.lower, "." | "!" | "?"))
}

/// Words after a postposed speech verb, at most ("said in a statement
/// on Wednesday").
const MAX_TAIL: usize = 6;

/// Title words skipped between "selon" and its source, at most.
const MAX_SOURCE_TITLES: usize = 4;

/// Where the titles and capitalised words right before token `t` start
/// ("Russian presidential aide" in "…, Russian presidential aide Yuri
/// Ushakov said."), at most [`MAX_SOURCE_TITLES`] steps back.
fn titled_from(s: &Sent, rules: &Rules, t: usize) -> usize {
    let mut p = t;
    for _ in 0..MAX_SOURCE_TITLES {
        let Some(x) = p.checked_sub(1).map(|q| &s.toks[q]) else { break };
        if x.kind == TokKind::Word && x.capitalized {
            p -= 1;
            continue;
        }
        // A title ending right before `p`, of three words at most.
        let title = (p.saturating_sub(3)..p).find(|&q| {
            rules
                .titles_starting(s.toks[q].lower)
                .iter()
                .any(|(words, _)| q + words.len() == p && words.iter().zip(&s.toks[q..p]).all(|(w, x)| w == x.lower))
        });
        match title {
            Some(q) => p = q,
            None => break,
        }
    }
    p
}

/// The length in tokens of the longest speech verb at token `t`
/// (`[attribution].verbs`: "said", "told reporters"), if one starts there.
pub fn verb_at(rules: &Rules, s: &Sent, t: usize) -> Option<usize> {
    let toks = &s.toks;
    rules
        .verbs_starting(toks.get(t)?.lower)
        .iter()
        .filter(|(v, n)| t + n <= toks.len() && toks[t..t + n].iter().zip(v).all(|(a, b)| a.lower == b))
        .map(|&(_, n)| n)
        .max()
}

/// Finds the attributions of sentence `si` (after `resolve`), then
/// resolves its first-person mentions to their speakers.
pub fn attribute(s: &mut Sent, rules: &Rules) {
    let n = s.toks.len();
    let mut out = Vec::new();
    let actor_at = |s: &Sent, t: usize| s.mentions.iter().position(|m| m.t0 == t && !m.ids.is_empty());
    let g = &rules.grammar;
    let aux = |w: &str| Grammar::has(&g.auxiliaries, w);
    // A word that opens what was said: a listed one ("that", ":"), or, in
    // a language that drops "that", a name that more words follow ("said
    // Merz would visit", not "…, said Merz.").
    let introduces = |s: &Sent, t: usize| {
        Grammar::has(&rules.attribution.introducers, s.toks[t].lower)
            || (rules.attribution.names_open_clause
                && s.mentions.iter().any(|m| m.t0 == t && !m.ids.is_empty() && !closes(s, m.t1)))
    };
    for i in 0..n {
        let Some(vlen) = verb_at(rules, s, i) else {
            continue;
        };
        let after = i + vlen;
        // Back over an inverted pronoun and auxiliaries: ", a-t-il déclaré".
        let mut b = i;
        let mut inverted = None;
        if b > 0 {
            if let Some(k) = s.mentions.iter().position(|m| m.t1 == b && m.form == MentionForm::Pronoun) {
                if s.mentions[k].t0 > 0 && aux(s.toks[s.mentions[k].t0 - 1].lower) {
                    inverted = Some(k);
                    b = s.mentions[k].t0 - 1;
                }
            }
        }
        while b > 0 && aux(s.toks[b - 1].lower) && inverted.is_none() {
            b -= 1;
        }
        let before_is_break = b == 0 || is_break(s, b - 1);
        let before_is_relative = b > 0 && Grammar::has(&g.complementizers, s.toks[b - 1].lower);
        if let Some(k) = inverted {
            if !s.mentions[k].ids.is_empty() {
                out.push(Attribution { speaker: k, t0: 0, t1: b, at: i });
            }
            continue;
        }
        let intro_next = after < n && introduces(s, after);
        // Postposed, the speaker before the verb, closing the sentence or
        // its clause: "« … », Peskov said.", "…, the Kremlin said in a
        // statement." The words after the verb (a few, no introducer) end
        // at the sentence's end or a break.
        let tail_closes = || {
            (after..(after + MAX_TAIL + 1).min(n + 1)).any(|t| closes(s, t))
                && !(after..n.min(after + MAX_TAIL)).any(|t| introduces(s, t) && s.toks[t].lower != "\"")
        };
        let before_speaker = s.mentions.iter().position(|m| {
            m.t1 == b && !m.ids.is_empty() && !m.after_prep && {
                let p = titled_from(s, rules, m.t0);
                p > 0 && is_break(s, p - 1)
            }
        });
        if let Some(k) = before_speaker.filter(|_| tail_closes()) {
            if s.mentions[k].is_actor(rules) {
                out.push(Attribution { speaker: k, t0: 0, t1: s.mentions[k].t0, at: i });
                continue;
            }
        }
        if (before_is_break || before_is_relative) && !intro_next {
            // Postposed: the speaker follows within a few tokens.
            let found = (after..(after + 5).min(n)).find_map(|t| actor_at(s, t)).filter(|&k| !s.mentions[k].after_prep);
            if let Some(k) = found {
                if s.mentions[k].is_actor(rules) {
                    out.push(Attribution { speaker: k, t0: 0, t1: b, at: i });
                    continue;
                }
            }
        }
        // Preposed: "X a déclaré que …", the content starts within a few tokens.
        // A comma before an opening quote opens it too: 'X said, "…"'.
        let opens = |t: usize| s.toks[t].lower == ":" || s.toks.get(t + 1).is_some_and(|x| x.kind == TokKind::Quote);
        let intro = (after..(after + 6).min(n))
            .take_while(|&t| s.toks[t].kind != TokKind::ClauseBreak || opens(t))
            .find(|&t| introduces(s, t));
        if let Some(intro) = intro {
            let (c0, _) = s.clause_of(i);
            // "les propos de Pete Hegseth, qui avait jugé que …": the
            // speaker is the name before "qui".
            let antecedent = (b > 0 && Grammar::has(&g.relatives, s.toks[b - 1].lower))
                .then(|| {
                    let e = if b > 1 && s.toks[b - 2].lower == "," { b - 2 } else { b - 1 };
                    s.mentions.iter().position(|m| m.t1 == e && m.is_actor(rules))
                })
                .flatten();
            let speaker = antecedent
                .or_else(|| subject_in(s, rules, c0, b, false))
                .or_else(|| subject_in(s, rules, 0, b, false))
                .filter(|&k| s.mentions[k].is_actor(rules));
            if let Some(k) = speaker {
                // Reported speech runs to the end of its sentence, even
                // inside a quote that goes on ("… OTAN. Et je …").
                let end = (intro + 1..n)
                    .find(|&t| s.toks[t].kind == TokKind::Punct && matches!(s.toks[t].lower, "." | "!" | "?"))
                    .unwrap_or(n);
                out.push(Attribution { speaker: k, t0: intro, t1: end, at: i });
            }
        }
    }
    // "selon X", "d'après X"; "Pour X, …" at the start.
    for i in 0..n {
        let w = s.toks[i].lower;
        let whole = rules.attribution.sources.iter().any(|x| x == w);
        let leading = i == 0 && rules.attribution.leading_sources.iter().any(|x| x == w);
        if !(whole || leading) {
            continue;
        }
        // Over a few title words: "selon un communiqué du Kremlin", "d'après
        // les services du président ukrainien".
        let mut j = i + 1;
        while j < n.min(i + 1 + MAX_SOURCE_TITLES) && !s.mentions.iter().any(|m| m.t0 == j) {
            let t = s.toks[j].lower;
            if !is_title_word(rules, t) && !Grammar::has(&rules.grammar.of, t) {
                break;
            }
            j += 1;
        }
        if let Some(k) = s.mentions.iter().position(|m| m.t0 == j && m.is_actor(rules)) {
            out.push(Attribution { speaker: k, t0: 0, t1: n, at: i });
        }
    }
    s.attributions = out;
    // First person: the speaker of the span.
    for k in 0..s.mentions.len() {
        if s.mentions[k].form == MentionForm::FirstPerson {
            if let Some(a) = s.speaker_at(s.mentions[k].t0) {
                let ids = s.mentions[a.speaker].ids.clone();
                s.mentions[k].ids = ids;
            }
        }
    }
}
