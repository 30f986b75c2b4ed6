//! Positions: who holds which position on which topic.
//!
//! A sentence that mentions a topic ("l'adhésion de l'Ukraine à l'OTAN")
//! and a position cue ("n'est pas réaliste") states a position; each cue
//! goes to the closest topic mention. The holder is, in order:
//! 1. the grammatical subject of the cue (the closest actor before it in its
//!    clause that no preposition governs and no subordinator parts from it:
//!    "le Kremlin qui refuse …", not Netanyahu in "Biden told Netanyahu
//!    that a ceasefire was needed"),
//!    unless that subject is the speaker's own side ("les États-Unis ne
//!    croient pas …" said by their defence secretary), then the speaker;
//! 2. the speaker of the reported speech the cue stands in;
//! 3. the subject of the sentence.
//!
//! A government or institution holding a position in a sentence placed in
//! a person's time ("Sous Joe Biden, Washington jugeait …", the
//! `[references].era` words) holds it as the entity that stands for that
//! time (`era_of`, the Biden administration), when the rules know one.
//!
//! Agreement ("je partage cet avis", "en phase avec X", "le même message")
//! gives its holder the position it agrees with: the named actor's, or else
//! the latest one stated before.

use super::matcher::{find_any, Match};
use super::refs::{dateline_place, subject_in};
use super::{eid, Ctx};
use crate::model::{Kind, Stance, Subject, Value};
use crate::rules::{EntityKind, Grammar, RuleKind, Slot};

struct Direct {
    si: usize,
    topic: usize,
    cue: Match,
    position: Stance,
}

fn is_holder_kind(k: EntityKind) -> bool {
    matches!(k, EntityKind::Person | EntityKind::Institution)
}

/// The mention that is the subject of a cue starting at token `t`: the
/// closest actor before it in its clause that no preposition governs (an
/// index into the sentence's mentions).
fn subject_mention(cx: &Ctx, si: usize, t: usize, skip: Option<(usize, usize)>) -> Option<usize> {
    let s = cx.sent(si);
    let r = cx.r;
    let (c0, _) = s.clause_of(t);
    s.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.t1 <= t && m.t0 >= c0 && !m.after_prep && !m.ids.is_empty())
        .filter(|(_, m)| skip.is_none_or(|(a, b)| m.t0 < a || m.t0 >= b))
        // A subordinate clause opens between them: the mention speaks or
        // is spoken to ("Biden told Netanyahu that a ceasefire was needed").
        .filter(|(_, m)| !(m.t1..t).any(|i| Grammar::has(&r.grammar.subordinators, s.toks[i].lower)))
        // Nor is the one a speech verb addresses ("Biden told Netanyahu an
        // immediate ceasefire was essential").
        .filter(|(_, m)| m.t0 == 0 || r.verbs_starting(s.toks[m.t0 - 1].lower).is_empty())
        .filter(|(_, m)| m.actor(r).is_some_and(|a| is_holder_kind(r.entities[a].kind)))
        .map(|(k, _)| k)
        .next_back()
}

/// The persons who hold a position together with subject mention `k`:
/// those of a plural mention (« les deux hommes ont appelé à … ») and of
/// the mentions coordinated before it ("Meloni and Merz called for …").
/// They are added to `out` once each.
fn joint_holders(cx: &Ctx, si: usize, k: usize, out: &mut Vec<usize>) {
    let s = cx.sent(si);
    let r = cx.r;
    let mut cur = k;
    loop {
        for &i in &s.mentions[cur].ids {
            if r.entities[i].kind == EntityKind::Person && !out.contains(&i) {
                out.push(i);
            }
        }
        if cur == 0 || !super::sentence::coordinated(&s.toks, r, &s.mentions[cur - 1], &s.mentions[cur]) {
            return;
        }
        cur -= 1;
    }
}

/// The actor holding a position cue that starts at token `t`, in the
/// sentence's time ([`in_its_time`]).
fn holder(cx: &Ctx, si: usize, t: usize, skip: Option<(usize, usize)>) -> Option<usize> {
    holder_of(cx, si, t, subject_mention(cx, si, t, skip))
}

/// [`holder`], the cue's subject mention `k` ([`subject_mention`]) found.
fn holder_of(cx: &Ctx, si: usize, t: usize, k: Option<usize>) -> Option<usize> {
    let s = cx.sent(si);
    let r = cx.r;
    let subj = k.and_then(|k| s.mentions[k].actor(r));
    let spk =
        s.speaker_at(t).and_then(|a| s.mentions[a.speaker].actor(r)).filter(|&a| is_holder_kind(r.entities[a].kind));
    let h = match (subj, spk) {
        (Some(sj), Some(sp)) => {
            let own_side = sj == sp || r.entities[sp].member_of.as_deref() == Some(r.entities[sj].id.as_str());
            Some(if own_side { sp } else { sj })
        }
        (Some(sj), None) => Some(sj),
        (None, Some(sp)) => Some(sp),
        // The sentence's subject, unless the cue stands in a relative
        // clause whose antecedent is nobody known ("Les Européens, qui
        // réclament une trêve, craignent que Moscou …" is not Moscow's),
        // or a place is the subject ("Beijing released a proposal calling
        // for a ceasefire, cosying up to Russia" is not Russia's).
        (None, None) if t > 0 && Grammar::has(&r.grammar.relatives, s.toks[t - 1].lower) => None,
        (None, None) => subject_in(s, r, 0, s.toks.len(), false)
            .filter(|&k| {
                !s.mentions[..k].iter().any(|m| !m.after_prep && m.actor(r).is_none() && !dateline_place(s, r, m))
            })
            .and_then(|k| s.mentions[k].actor(r))
            .filter(|&a| is_holder_kind(r.entities[a].kind)),
    };
    h.map(|h| in_its_time(cx, si, t, h))
}

/// The person whose time the words before token `t` place the sentence in:
/// an era word right before a person ("Sous Joe Biden, …").
fn era_before(cx: &Ctx, si: usize, t: usize) -> Option<usize> {
    let (s, r) = (cx.sent(si), cx.r);
    (0..t.min(s.toks.len())).rev().find_map(|i| {
        if !r.references.era.iter().any(|w| w == s.toks[i].lower) {
            return None;
        }
        s.mentions_in(i + 1, i + 2).find_map(|(_, m)| m.persons(r).next())
    })
}

/// `holder` as the sentence's time makes it: a non-person holder in a
/// person's time is the entity standing for that time, if any.
fn in_its_time(cx: &Ctx, si: usize, t: usize, holder: usize) -> usize {
    let r = cx.r;
    if r.entities[holder].kind == EntityKind::Person {
        return holder;
    }
    era_before(cx, si, t)
        .and_then(|p| r.entities.iter().position(|e| e.era_of.as_deref() == Some(r.entities[p].id.as_str())))
        .unwrap_or(holder)
}

fn negated(cx: &Ctx, si: usize, t: usize) -> bool {
    let s = cx.sent(si);
    (t.saturating_sub(3)..t).any(|i| Grammar::has(&cx.r.grammar.negators, s.toks[i].lower))
}

/// Finds direct positions, then agreements, and pushes their claims.
pub(super) fn stances(cx: &mut Ctx) {
    let r = cx.r;
    let mut directs = Vec::new();
    for si in 0..cx.an.sents.len() {
        if cx.sent(si).is_question() {
            continue;
        }
        let s = cx.sent(si);
        let topics: Vec<(usize, Match)> = r
            .topics
            .iter()
            .enumerate()
            .flat_map(|(k, _)| find_any(r, r.topic_patterns(k), s).into_iter().map(move |m| (k, m)))
            .collect();
        if topics.is_empty() {
            continue;
        }
        let mut cues: Vec<(usize, Match)> = Vec::new();
        for (k, p) in r.positions.iter().enumerate() {
            for m in find_any(r, r.position_patterns(k), s) {
                if p.negatable && negated(cx, si, m.start) {
                    continue;
                }
                // Overlapping cues for the same topics: keep the first found.
                if cues.iter().any(|(j, c)| c.start < m.end && m.start < c.end && r.positions[*j].topics == p.topics) {
                    continue;
                }
                cues.push((k, m));
            }
        }
        // Pair each cue with its closest topic mention it may speak of,
        // closest pairs first.
        let mut pairs = Vec::new();
        for (ci, (k, c)) in cues.iter().enumerate() {
            let scope = &r.positions[*k].topics;
            for (ti, (topic, t)) in topics.iter().enumerate() {
                if !scope.is_empty() && !scope.contains(&r.topics[*topic].id) {
                    continue;
                }
                let dist = if c.end <= t.start { t.start - c.end } else { c.start.saturating_sub(t.end) };
                if dist <= 25 {
                    pairs.push((dist, ci, ti));
                }
            }
        }
        crate::sort_by(&mut pairs, Ord::cmp);
        let (mut used_c, mut used_t) = (vec![false; cues.len()], vec![false; r.topics.len()]);
        for (_, ci, ti) in pairs {
            let topic = topics[ti].0;
            if used_c[ci] || used_t[topic] {
                continue;
            }
            used_c[ci] = true;
            used_t[topic] = true;
            directs.push(Direct { si, topic, cue: cues[ci].1.clone(), position: r.positions[cues[ci].0].id });
        }
    }
    // Claims of the direct positions.
    let mut stated: Vec<(usize, usize, usize, Stance, usize)> = Vec::new(); // (pos, holder, topic, stance, si)
    for d in &directs {
        let s = cx.sent(d.si);
        let topic_span = find_any(r, r.topic_patterns(d.topic), s).into_iter().map(|m| (m.start, m.end)).next();
        let t = d.cue.start.min(topic_span.map_or(usize::MAX, |x| x.0));
        let subj = subject_mention(cx, d.si, t, topic_span);
        let Some(h) = holder_of(cx, d.si, t, subj) else {
            continue;
        };
        // The subject's partners hold it too, when the subject holds it.
        let mut holders = vec![h];
        if let Some(k) = subj.filter(|&k| s.mentions[k].actor(r) == Some(h)) {
            joint_holders(cx, d.si, k, &mut holders);
        }
        let (va, vb) = cx.tok_range(d.si, d.cue.start, d.cue.end);
        for h in holders {
            let said_by = cx.said_by(d.si, d.cue.start);
            let subject =
                Subject { actor: Some(eid(r, h)), topic: Some(r.topics[d.topic].id.clone()), ..Subject::default() };
            let value = Value { position: Some(d.position), ..Value::default() };
            stated.push((va, h, d.topic, d.position, d.si));
            cx.push(d.si, Kind::Stance, subject, value, va, vb, said_by, "stance.direct", false);
        }
    }
    // Agreements, in text order.
    for si in 0..cx.an.sents.len() {
        if cx.sent(si).is_question() {
            continue;
        }
        for (ri, rule) in r.claim_rules.iter().enumerate() {
            if rule.kind != RuleKind::Agreement {
                continue;
            }
            let ms = find_any(r, r.rule_patterns(ri), cx.sent(si));
            for m in ms {
                let s = cx.sent(si);
                let target = m.capture(Slot::Actor).and_then(|k| s.mentions[k].actor(r));
                let skip = m.capture(Slot::Actor).map(|k| (s.mentions[k].t0, s.mentions[k].t1));
                let (c0, c1) = s.clause_of(m.start);
                let h = holder(cx, si, m.start, skip).or_else(|| {
                    s.mentions
                        .iter()
                        .filter(|mm| mm.t0 >= m.end && mm.t0 < c1 && mm.t0 >= c0)
                        .find_map(|mm| mm.actor(r).filter(|&a| is_holder_kind(r.entities[a].kind)))
                });
                let Some(h) = h else { continue };
                let (va, vb) = cx.tok_range(si, m.start, m.end);
                let sent_end = s.toks.last().map_or(va, |t| t.end);
                // The position agreed with: the target's latest, else the
                // latest stated before the cue by someone else.
                let agreed: Vec<(usize, Stance)> = match target {
                    Some(t) => {
                        let best = stated.iter().filter(|x| x.1 == t && x.0 < sent_end).max_by_key(|x| x.0);
                        best.map(|x| vec![(x.2, x.3)]).unwrap_or_default()
                    }
                    None => {
                        let best = stated.iter().filter(|x| x.1 != h && x.0 < va).max_by_key(|x| x.0);
                        best.map(|x| vec![(x.2, x.3)]).unwrap_or_default()
                    }
                };
                for (topic, position) in agreed {
                    if Some(h) == target {
                        continue;
                    }
                    let said_by = cx.said_by(si, m.start);
                    let subject = Subject {
                        actor: Some(eid(r, h)),
                        topic: Some(r.topics[topic].id.clone()),
                        ..Subject::default()
                    };
                    let value = Value { position: Some(position), ..Value::default() };
                    stated.push((va, h, topic, position, si));
                    cx.push(si, Kind::Stance, subject, value, va, vb, said_by, &rule.id, true);
                }
            }
        }
    }
}
