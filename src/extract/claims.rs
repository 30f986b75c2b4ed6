//! From the rule matches of a sentence to claims: one builder per kind of
//! rule, and the clean-up of an article's claims (call days, duplicates).

use super::*;

/// The claims of the rules that match sentence `si`.
///
/// Out of line, like the builders it calls: this loop is the hot part of
/// an article's extraction, and a small hot function is what a browser's
/// optimising compiler can take up quickly (the builders run only on a
/// match; inlined, they made one 16 KB function V8 spent 30–55 ms
/// optimising on a first visit).
#[inline(never)]
pub(super) fn sentence_claims(cx: &mut Ctx, si: usize) {
    let r = cx.r;
    // A call or meeting after a `denial` word is denied (« a démenti des
    // informations faisant état d'un entretien téléphonique », "denied
    // reports of a phone call"): none of its claims (found once, when a
    // rule of a call or meeting matches).
    let mut denied: Option<Option<usize>> = None;
    for (ri, rule) in r.claim_rules.iter().enumerate() {
        // Vetoes are read by the call-duration builder, when it needs them.
        if rule.kind == RuleKind::NotCallDuration {
            continue;
        }
        let mut ms = find_any(r, r.rule_patterns(ri), &cx.an.sents[si]);
        if matches!(
            rule.kind,
            RuleKind::CallDuration | RuleKind::CallDate | RuleKind::CallCharacterization | RuleKind::Meeting
        ) && !ms.is_empty()
        {
            let s = &cx.an.sents[si];
            let d = *denied.get_or_insert_with(|| (0..s.toks.len()).find(|&t| matcher::class_at(r, "denial", s, t)));
            ms.retain(|m| d.is_none_or(|d| m.start < d));
        }
        if ms.is_empty() {
            continue;
        }
        match rule.kind {
            RuleKind::CallDuration => call_durations(cx, si, &ms, &rule.id),
            RuleKind::CallDate => call_date(cx, si, &ms, &rule.id),
            RuleKind::CallCharacterization => characterization(cx, si, &ms, &rule.id),
            RuleKind::Negotiations => negotiations(cx, si, &ms, &rule.id),
            RuleKind::PrisonerRelease => releases(cx, si, &ms, &rule.id),
            RuleKind::PrisonerExchange => exchange(cx, si, &ms, &rule.id),
            RuleKind::Meeting => meeting(cx, si, &ms, &rule.id),
            RuleKind::Agreement | RuleKind::NotCallDuration => {}
        }
    }
}

/// Keeps the best claim per fact and source (and one per other voice on a
/// call's length or place of a meeting, below): a direct statement over a derived
/// one, then the more informative value, then (for a call's length) one
/// that says who gave it (the body's "a duré 1 h 30, selon le Kremlin" over
/// the headline's "1 h 30 de conversation"), then one from the body over
/// the headline's rounder words ("deux heures au téléphone" above "un appel
/// de plus de deux heures"), then the first in the text.
#[inline(never)]
pub(super) fn dedupe(found: &mut Vec<Found>, headline_end: usize) {
    // Claims about another day's call are kept apart: they are that
    // call's, not the article's.
    let other = |f: &Found| f.other_day;
    let info = |f: &Found| -> u8 {
        let v = &f.claim.value;
        u8::from(v.place.as_ref().is_some_and(Option::is_some))
            + u8::from(v.released_by.is_some())
            + u8::from(v.parts.as_ref().is_some_and(|p| p.day.is_some()))
    };
    // A length is worth its source; a position keeps its own order (what
    // the holder says, then agreements).
    let named = |f: &Found| f.kind == Kind::CallDuration && f.claim.said_by.is_some();
    crate::sort_by(found, |a, b| {
        (a.kind, &a.subject, other(a))
            .cmp(&(b.kind, &b.subject, other(b)))
            .then(a.derived.cmp(&b.derived))
            .then(info(b).cmp(&info(a)))
            .then(named(b).cmp(&named(a)))
            .then((a.pos < headline_end).cmp(&(b.pos < headline_end)))
            .then(a.pos.cmp(&b.pos))
    });
    // Besides the best claim of each fact, a source keeps one more for each
    // other voice on a call's length ("selon le Kremlin" and Trump's own
    // "plus d'une heure") and each other place of a meeting (Riyad, and
    // Putin's invitation to Moscow): what the panel compares.
    let voice = |f: &Found| -> Option<String> {
        match f.kind {
            Kind::CallDuration => f.claim.said_by.as_ref().map(|e| e.0.clone()),
            Kind::Meeting => f.claim.value.place.clone().flatten().map(|e| e.0),
            _ => None,
        }
    };
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    let mut group_start = 0;
    for f in found.drain(..) {
        let same_fact =
            kept.get(group_start).is_some_and(|g| g.kind == f.kind && g.subject == f.subject && other(g) == other(&f));
        if !same_fact {
            group_start = kept.len();
            kept.push(f);
            continue;
        }
        let v = voice(&f);
        if v.is_some() && kept[group_start..].iter().all(|k| voice(k) != v) {
            kept.push(f);
        }
    }
    *found = kept;
    crate::sort_by(found, |a, b| (a.pos, a.kind).cmp(&(b.pos, b.kind)));
}

/// Dates each call claim by the call date its sentence gives, and marks
/// those dated to another day than the article's call day: the day its
/// sentences give most often (the first on a tie), leaving out those that
/// place their call earlier.
#[inline(never)]
pub(super) fn call_days(found: &mut [Found]) {
    // In text order, as the claims were found: one lookup by sentence.
    let dated: Vec<(usize, DateParts)> = found
        .iter()
        .filter(|f| f.kind == Kind::CallDate)
        .filter_map(|f| f.claim.value.parts.map(|p| (f.claim.start, p)))
        .filter(|(_, p)| p.day.is_some() || p.weekday.is_some())
        .collect();
    for f in found.iter_mut() {
        if is_call_kind(f.kind) {
            let k = dated.partition_point(|(start, _)| *start < f.claim.start);
            f.day = dated.get(k).filter(|(start, _)| *start == f.claim.start).map(|(_, p)| *p);
        }
    }
    let (own, _) = super::days_told(found, None);
    let mut best: Option<(usize, DateParts)> = None;
    for (p, _) in &own {
        let n = dates::day_support(p, &own);
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, *p));
        }
    }
    let day = best.map(|(_, p)| p);
    for f in found.iter_mut() {
        f.other_day = f.day.zip(day).is_some_and(|(a, b)| !dates::same_day(&a, &b));
    }
}

/// Whether the date is another event's: walking back from the date in its
/// clause (at most [`OTHER_EVENT_REACH`] tokens), an `other_event` phrase
/// that is not the rule's cue comes before any call noun ("after her visit
/// to Berlin on 3 May", « la conférence prévue le 26 avril »). An
/// `in_person` one ("visit", « rencontre ») counts only in a sentence that
/// says the call was by phone: in an in-person meeting's sentence, « leur
/// rencontre de mardi » may be the event itself.
fn of_other_event(r: &Rules, s: &Sent, d: &dates::DateMention, ms: &[Match]) -> bool {
    use matcher::class_at;
    let clause = s.toks[d.t0].clause;
    (d.t0.saturating_sub(OTHER_EVENT_REACH)..d.t0)
        .rev()
        .take_while(|&t| s.toks[t].clause == clause && !class_at(r, "call_noun", s, t))
        .any(|t| {
            class_at(r, "other_event", s, t)
                && !ms.iter().any(|m| (m.start..m.end).contains(&t))
                && (!class_at(r, "in_person", s, t) || matcher::holds(r, "phone", s))
        })
}

/// Whether the date is the day the call was told: it stands by a speech
/// verb (at most [`REPORT_REACH`] tokens apart, in one clause),
/// and every cue is in what was said, after the words that open it ("said
/// on Thursday that the pair had discussed", "on Thursday said he had
/// talked with") or before the verb ("…, the Kremlin said on Monday").
/// Words said during the call ("said on Thursday during a call with …")
/// have the cue outside what was said.
fn of_report(r: &Rules, s: &Sent, d: &dates::DateMention, ms: &[Match]) -> bool {
    let opens = |t: usize| s.toks.get(t).is_some_and(|x| Grammar::has(&r.attribution.introducers, x.lower));
    let told = |v: usize, end: usize| {
        let (first, last) = (d.t0.min(v), d.t1.max(end));
        let after = |m: &Match| opens(last) && m.start > last;
        let before = |m: &Match| m.end <= first && s.toks[first].clause != s.toks[m.start].clause;
        !ms.is_empty() && (ms.iter().all(after) || ms.iter().all(before))
    };
    let clause = s.toks[d.t0].clause;
    (d.t0.saturating_sub(REPORT_REACH)..d.t1 + REPORT_REACH).any(|v| {
        let end = v + refs::verb_at(r, s, v).unwrap_or(0);
        end > v && (end <= d.t0 || v >= d.t1) && s.toks[v].clause == clause && told(v, end)
    })
}

/// How many of the article's sentences that name two persons say they
/// talked by phone, and how many in person (the `phone` and `in_person`
/// lexicon classes); and the call the article leads with: the first two
/// persons it names, when a sentence naming them and no third says they
/// talked (a `call_verb`, a `call_noun` or a `phone` word). That shows
/// which call a source is about when it states none of its facts (« Lors
/// d'une conversation téléphonique avec Emmanuel Macron, Xi Jinping a
/// invité… »), and not a call it recalls after leading with others.
#[inline(never)]
pub(super) fn call_sentences(an: &Analysed, r: &Rules) -> ((usize, usize), Option<Vec<EntityId>>) {
    let (Some(phone), Some(person)) = (r.class_id("phone"), r.class_id("in_person")) else { return ((0, 0), None) };
    let talk: Vec<usize> = ["call_verb", "call_noun"].iter().filter_map(|c| r.class_id(c)).collect();
    let mut votes = (0, 0);
    let mut first: Vec<usize> = Vec::new();
    let mut told = false;
    for s in &an.sents {
        let persons = persons_in(s, r, 0, s.toks.len());
        for &p in persons.iter().take(2) {
            if first.len() < 2 {
                crate::push_new(&mut first, p);
            }
        }
        if persons.len() < 2 {
            continue;
        }
        let by_phone = matcher::holds_class(r, phone, s);
        votes.0 += usize::from(by_phone);
        votes.1 += usize::from(matcher::holds_class(r, person, s));
        told |= first.len() == 2
            && persons.len() == 2
            && first.iter().all(|p| persons.contains(p))
            && (by_phone || talk.iter().any(|&c| matcher::holds_class(r, c, s)));
    }
    let lead = told.then(|| {
        let mut pair: Vec<EntityId> = first.iter().map(|&p| eid(r, p)).collect();
        crate::sort_by(&mut pair, Ord::cmp);
        pair
    });
    (votes, lead)
}

/// The durations of sentence `si` that `not_call_duration` rules hold
/// back (indices into its durations), sorted. A veto is local evidence: a
/// match across a clause break holds nothing back ("La conversation,
/// suivie d'une déclaration, a duré deux heures"), and neither does one on
/// a duration that measures a call by its grammar ("en deux heures de
/// conversation").
pub(super) fn held_back(r: &Rules, s: &Sent) -> Vec<usize> {
    let mut out = Vec::new();
    for (ri, _) in r.claim_rules.iter().enumerate().filter(|(_, x)| x.kind == RuleKind::NotCallDuration) {
        for &pid in r.rule_patterns(ri) {
            for m in matcher::find_all(r, pid, s) {
                let Some(di) = m.capture(Slot::Duration) else { continue };
                let local = s.toks[m.start..m.end].iter().all(|t| t.kind != TokKind::ClauseBreak);
                if local && !measures_a_call(r, s, s.durations[di].t1) {
                    // Kept sorted as it grows (a few at most).
                    if let Err(at) = out.binary_search(&di) {
                        out.insert(at, di);
                    }
                }
            }
        }
    }
    out
}

/// Whether the duration ending at token `t` measures a call by its
/// grammar: "de|d'", an optional determiner, a call noun ("deux heures
/// de conversation", "plus d'une heure d'un entretien tendu").
pub(super) fn measures_a_call(r: &Rules, s: &Sent, t: usize) -> bool {
    let Some(call) = r.class_id("call_noun") else { return false };
    let g = &r.grammar;
    if !s.toks.get(t).is_some_and(|x| Grammar::has(&g.of, x.lower)) {
        return false;
    }
    let mut j = t + 1;
    if s.toks.get(j).is_some_and(|x| Grammar::has(&g.determiners, x.lower)) {
        j += 1;
    }
    matcher::match_class(r, call, s, j).is_some()
}

#[inline(never)]
pub(super) fn call_durations(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let mut held: Option<Vec<usize>> = None;
    for m in ms {
        let Some(di) = m.capture(Slot::Duration) else { continue };
        if held.get_or_insert_with(|| held_back(cx.r, cx.sent(si))).binary_search(&di).is_ok() {
            continue;
        }
        let d = cx.sent(si).durations[di].clone();
        let iv = d.m.interval;
        let max_call = cx.r.reconcile.max_call_minutes;
        if iv.min.is_some_and(|x| x.0 > max_call) || iv.max.is_some_and(|x| x.0 > max_call) {
            continue;
        }
        let sent_start = cx.sent(si).start;
        if cx
            .out
            .iter()
            .rev()
            .take_while(|f| f.pos >= sent_start)
            .any(|f| f.kind == Kind::CallDuration && f.pos == d.start)
        {
            continue;
        }
        let Some(participants) = cx.participants(si, d.t0, false).or_else(|| cx.title_participants(si)) else {
            continue;
        };
        let said_by = cx.said_by(si, d.t0);
        let subject = Subject { participants, ..Subject::default() };
        cx.push(si, Kind::CallDuration, subject, Value::duration(iv), d.start, d.end, said_by, rule, false);
    }
}

#[inline(never)]
pub(super) fn call_date(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let s = cx.sent(si);
    // Every cue negated ("has never met Lind … on Saturday"): no call.
    if ms.iter().all(|m| negated(cx.r, s, m)) {
        return;
    }
    // A relative date ("hier") only with a full article date to count from.
    // A date after « depuis » or "since" bounds a span ("had not spoken
    // since 2 December 2022"): not the day of this call.
    // A dateline's date ("MOSCOU, 13 février 2025 (Reuters) -") is the
    // dispatch's, not the call's.
    let dateline = dates::dateline_date(s, cx.r).map(|d| d.t0);
    let ds = dates::find(s, cx.r)
        .into_iter()
        .filter(|d| Some(d.t0) != dateline && !dates::is_bound(&s.toks, d, cx.r) && !of_other_event(cx.r, s, d, ms))
        .filter_map(|mut d| match d.back {
            None => Some(d),
            Some(k) => dates::resolve_back(k, cx.an.article_date).map(|p| {
                d.parts = p;
                d
            }),
        })
        .collect::<Vec<_>>();
    // The date must sit in a clause that names a person or holds the cue,
    // or right after the cue's clause ("ont discuté deux heures, le 1er
    // juillet, selon …").
    let cue_clauses: Vec<usize> = ms.iter().map(|m| s.toks[m.start].clause).collect();
    let qualifies = |d: &dates::DateMention| {
        let c = s.toks[d.t0].clause;
        // Clause indices are not contiguous (short clauses merge into the
        // next one): the clause after `k` is the next index that occurs.
        let next = |k: usize| s.toks.iter().map(|t| t.clause).find(|&x| x > k);
        // In the clause after, the date opens it ("spoke for two hours,
        // on Tuesday, …"), not a later event it tells ("…, with a swap of
        // prisoners set for March 19").
        let opens = |c: usize| s.toks[..d.t0].iter().rev().take_while(|t| t.clause == c).count() <= DATE_OPENS_CLAUSE;
        cue_clauses.iter().any(|&k| c == k || (Some(c) == next(k) && opens(c)))
            || s.mentions.iter().any(|m| s.toks[m.t0].clause == c && m.persons(cx.r).next().is_some())
    };
    // Of two bare weekdays, the one nearest the cue (the first on a tie):
    // « après l'annonce de Paris, mardi, le président a eu un entretien
    // téléphonique samedi » is Saturday's call.
    let bare = |d: &dates::DateMention| d.parts.day.is_none() && d.back.is_none();
    let gap = |d: &dates::DateMention| ms.iter().map(|m| m.start.abs_diff(d.t0).min(m.end.abs_diff(d.t1))).min();
    let Some(d) = ds.iter().find(|d| qualifies(d)) else { return };
    // A relative day with the date written beside it ("today, Thursday",
    // « aujourd'hui (28 décembre) »): the date written, which the page's
    // date, counted from, may not be.
    let d = match d.back {
        Some(_) => ds.iter().find(|e| e.back.is_none() && e.t0 > d.t0 && e.t0 <= d.t1 + 2).unwrap_or(d),
        None => d,
    };
    let d = match bare(d) {
        true => ds.iter().filter(|d| bare(d) && qualifies(d)).min_by_key(|d| gap(d)).unwrap_or(d),
        false => d,
    };
    let persons = persons_in(s, cx.r, 0, s.toks.len());
    let d_t0 = d.t0;
    // The first person named between the cue and the date is none of the
    // first two ("told Okafor of his meeting with Hale on Wednesday"): the
    // date is the call or meeting with that person ("spoke with Okafor and
    // Hale on Wednesday" keeps it).
    let cue = ms.iter().fold(0, |c, m| if m.end <= d_t0 { c.max(m.end) } else { c });
    let third = s
        .mentions_in(cue, d_t0)
        .find_map(|(_, m)| m.persons(cx.r).next())
        .is_some_and(|p| persons.iter().skip(2).any(|&q| q == p));
    let mut participants: Vec<EntityId> = if persons.len() >= 2 && !third {
        persons.into_iter().take(2).map(|i| eid(cx.r, i)).collect()
    } else if persons.is_empty() {
        // "The call, on Friday October 4, lasted …": a call named without
        // its parties is the one of the sentences before.
        let Some(ps) = cx.participants(si, d_t0, false) else { return };
        ps
    } else {
        return;
    };
    let s = cx.sent(si);
    crate::sort_by(&mut participants, Ord::cmp);
    let parts = dates::resolve(d.parts, cx.an.article_date, cx.r);
    let (va, vb) = cx.tok_range(si, d.t0, d.t1);
    let said_by = cx.said_by(si, d.t0);
    let note = dates::weekday_mismatch(&d, &parts).map(|w| DateNote::WeekdayInconsistent { stated_weekday: w });
    // Whether the sentence places this call before the article's.
    let earlier = s.toks.iter().any(|t| cx.r.references.earlier.iter().any(|w| w == t.lower));
    let reported = of_report(cx.r, s, d, ms);
    let met = matcher::holds(cx.r, "in_person", s) && !matcher::holds(cx.r, "phone", s);
    let value = Value { date: dates::iso(&parts), parts: Some(parts), ..Value::default() };
    cx.push(si, Kind::CallDate, Subject { participants, ..Subject::default() }, value, va, vb, said_by, rule, false);
    if let Some(f) = cx.out.last_mut() {
        f.claim.date_note = note;
        f.earlier = earlier;
        f.reported = reported;
        f.met = met;
    }
}

#[inline(never)]
pub(super) fn characterization(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let Some(class) = cx.r.class_id("characterization") else { return };
    for m in ms {
        let s = cx.sent(si);
        // The term: the first characterization phrase inside the match
        // (the longest at its start), with a coordinated second one.
        let term = (m.start..m.end)
            .filter(|&t| s.toks[t].kind != TokKind::Quote)
            .find_map(|t| Some((t, super::matcher::match_class_to(cx.r, class, s, t, m.end)?)));
        let Some((t0, mut t1)) = term else { continue };
        // A coordinated second term belongs to the same characterization:
        // « franc et constructif », « très bon et productif ».
        if let Some(end) = coordinated_term(cx.r, class, s, t1) {
            t1 = end;
        }
        // Without the "de" a verb's construction puts before a coordinated
        // term: « qualifiée d'importante et de détaillée » is « importante
        // et détaillée ».
        let words: Vec<&str> = s.toks[t0..t1]
            .iter()
            .enumerate()
            .filter(|(k, x)| x.kind != TokKind::Quote && (*k == 0 || !Grammar::has(&cx.r.grammar.of, x.lower)))
            .map(|(_, x)| x.lower)
            .collect();
        let term_text = crate::join(&words, " ");
        // Who characterizes: an actor the pattern names ("qualifié de
        // « franc » par l'Élysée", "que l'Élysée a présenté comme …"), else
        // the subject before the phrase when it is a person ("Le président
        // ukrainien a évoqué une conversation « significative », selon la
        // présidence ukrainienne"), else the speaker, else any subject.
        let named = m.capture(Slot::Actor).and_then(|k| s.mentions[k].actor(cx.r));
        // A name right before the call noun modifies it ("Merz call was
        // 'productive,' Meloni says"): it is no subject.
        let noun_first = super::matcher::class_at(cx.r, "call_noun", s, m.start);
        // The subject before the words, else inside them when the call
        // comes after its tone (« Dans un climat cordial, Meloni et Merz
        // ont échangé »), else after them when they open the sentence
        // ("Describing the call as frank, the Kremlin said …").
        let to = if s.toks[..m.start].iter().all(|x| x.kind == TokKind::Quote) { s.toks.len() } else { m.end };
        let within = |singular| {
            subject_in(s, cx.r, 0, m.start, singular)
                .or_else(|| subject_in(s, cx.r, 0, to, singular))
                .filter(|&k| !noun_first || s.mentions[k].t1 < m.start)
        };
        let k = within(true);
        // Both parties as the subject, a plural in the clause of the words
        // (« les deux dirigeants ont eu un échange constructif ») or two
        // names coordinated ("Macron and Biden had a “friendly” talk"):
        // the article describes the call, neither party alone does.
        let joint = within(false).is_some_and(|p| {
            let a = &s.mentions[p];
            a.plural && a.ids.len() > 1 && s.toks[a.t0].clause == s.toks[m.start].clause
        }) || k.is_some_and(|k| {
            s.mentions.get(k + 1).is_some_and(|b| super::sentence::coordinated(&s.toks, cx.r, &s.mentions[k], b))
        });
        let subject = k.filter(|_| !joint).and_then(|k| s.mentions[k].actor(cx.r));
        let person = subject.filter(|&a| cx.r.entities[a].kind == crate::rules::EntityKind::Person);
        let actor = named
            .or(person)
            .or_else(|| s.speaker_at(m.start).and_then(|a| s.mentions[a.speaker].actor(cx.r)))
            .or(subject);
        if actor.is_none() && !joint {
            continue;
        }
        let Some(participants) = cx.participants(si, m.start, false) else { continue };
        // A participant, or the institution one of them belongs to ("le
        // Kremlin a salué un échange utile" speaks for Putin's side).
        let member_of = |p: &EntityId| cx.r.entity(p.as_str()).and_then(|e| e.member_of.as_deref());
        let actor = actor.map(|a| eid(cx.r, a));
        if actor.as_ref().is_some_and(|a| !participants.iter().any(|p| p == a || member_of(p) == Some(a.as_str()))) {
            continue;
        }
        let (va, vb) = cx.tok_range(si, t0, t1);
        let said_by = cx.said_by(si, m.start);
        let subject = Subject { participants, actor, ..Subject::default() };
        let value = Value { term: Some(term_text), ..Value::default() };
        cx.push(si, Kind::CallCharacterization, subject, value, va, vb, said_by, rule, false);
    }
}

/// The end of a characterization coordinated with the one ending at token
/// `t` (a `term_joiner` phrase, then a characterization: "et \[très\]
/// constructif"; quotes skipped), if any.
pub(super) fn coordinated_term(r: &Rules, class: usize, s: &Sent, t: usize) -> Option<usize> {
    let joiner = r.class_id("term_joiner")?;
    let j = matcher::match_class(r, joiner, s, matcher::skip_quotes(s, t))?;
    matcher::match_class(r, class, s, matcher::skip_quotes(s, j))
}

#[inline(never)]
pub(super) fn negotiations(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let Some(m) = ms.first() else { return };
    let Some(participants) = cx.participants(si, m.start, true) else { return };
    let said_by = cx.said_by(si, m.start);
    let (va, vb) = cx.tok_range(si, m.start, m.end);
    let value = Value { start: Some(NegotiationStart::Immediately), ..Value::default() };
    cx.push(
        si,
        Kind::Negotiations,
        Subject { participants, ..Subject::default() },
        value,
        va,
        vb,
        said_by,
        rule,
        false,
    );
}

/// How many lowercase words (a title: "presidential spokeswoman") may stand
/// between "by" and the name of who released ([`person_name`]).
const AGENT_TITLE_WORDS: usize = 3;

/// A run of capitalized words near token `t` that is no known entity.
pub(super) fn person_name(cx: &Ctx, si: usize, t: usize, end: usize) -> Option<(usize, usize)> {
    let s = cx.sent(si);
    // A name before a verb that takes an object is its subject, the one
    // who releases: "Downing Street released a statement" frees nobody,
    // nor do "Ghanaian state media released excerpts".
    let active = s.toks.get(end).is_some_and(|x| Grammar::has(&cx.r.grammar.determiners, x.lower));
    let stop = &cx.r.release.name_stop;
    let d = &cx.r.dates;
    // A weekday or month is no part of a name ("On Tuesday, Russia freed …").
    let date_word = |w: &str| d.weekday(w).is_some() || d.month(w).is_some();
    let is_name_tok = |i: usize| {
        let x = &s.toks[i];
        x.kind == TokKind::Word
            && x.capitalized
            && !stop.iter().any(|w| w == x.lower)
            && !date_word(x.lower)
            && !s.mentions.iter().any(|m| m.t0 <= i && i < m.t1 && m.form == sentence::MentionForm::Name)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < s.toks.len() {
        if is_name_tok(i) {
            let a = i;
            while i < s.toks.len() && is_name_tok(i) {
                i += 1;
            }
            if i - a >= 2 {
                runs.push((a, i));
            }
        } else {
            i += 1;
        }
    }
    // A person the articles introduce by a role that is no leader's ("the
    // journalist Tomas Reiner") is named by that mention.
    for m in &s.mentions {
        let introduced = m.persons(cx.r).any(|p| cx.r.entities[p].role.is_some() && !cx.r.entities[p].leader);
        if m.form == sentence::MentionForm::Name && m.t1 - m.t0 >= 2 && introduced {
            runs.push((m.t0, m.t1));
        }
    }
    let w = cx.r.release.window;
    // In the active voice, who is freed is the object, after the verb: a
    // name before it in its clause is the subject's.
    let before = |b: usize| b <= t && t - b < w && !(active && s.toks[b - 1].clause == s.toks[t].clause);
    // The name after "released by" is who released, not who was freed:
    // "a readout released by Port Moresby" frees nobody, nor does "a
    // statement released by presidential spokeswoman Ines Carvalho" (a few
    // lowercase words, a title, between).
    let agent = s.toks.get(end).is_some_and(|x| Grammar::has(&cx.r.grammar.agent, x.lower));
    let by_agent = |a: usize| {
        agent && a > end && a - end <= AGENT_TITLE_WORDS + 1 && s.toks[end + 1..a].iter().all(|x| !x.capitalized)
    };
    // A quotation mark between them parts a name from the cue: the name
    // quoted, the cue in the words that attribute the quotation ("'… the
    // Strategic Partnership,' stated a PMO release").
    let quoted_apart = |a: usize, b: usize| {
        let (lo, hi) = if a > t { (end, a) } else { (b, t) };
        s.toks[lo..hi].iter().any(|x| x.kind == TokKind::Quote)
    };
    runs.into_iter()
        .filter(|&(a, b)| ((a > t && a - t <= w) || before(b)) && !by_agent(a) && !quoted_apart(a, b))
        .min_by_key(|&(a, b)| if a > t { a - t } else { t - b })
}

/// The first token in `within` where a phrase of `class` starts, in the
/// clause of token `t` (the words a cue at `t` looks back over).
fn class_in_clause(cx: &Ctx, si: usize, within: std::ops::Range<usize>, t: usize, class: &str) -> Option<usize> {
    let s = cx.sent(si);
    let clause = s.toks[t].clause;
    within.into_iter().find(|&k| s.toks[k].clause == clause && matcher::class_at(cx.r, class, s, k))
}

/// Whether a release or exchange starting at token `t` has not happened: a
/// phrase of `class` a few words before it or on it, in its clause.
/// `no_release`: asked for, wished or talked about ("called for the release
/// of", « en demandant de nouveau la libération de »), or a text ("said in
/// a press release"); `no_exchange`: negotiated ("negotiations on prisoner
/// exchanges"). An exchange talked about may have happened (« ont évoqué
/// l'échange de prisonniers qui a permis la libération de … »).
fn not_done(cx: &Ctx, si: usize, t: usize, class: &str) -> bool {
    class_in_clause(cx, si, t.saturating_sub(NO_RELEASE_REACH)..t + 1, t, class).is_some()
}

#[inline(never)]
pub(super) fn releases(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    for m in ms {
        let Some((n0, n1)) = person_name(cx, si, m.start, m.end) else { continue };
        let s = cx.sent(si);
        if not_done(cx, si, m.start, "no_release") {
            continue;
        }
        let name: Vec<&str> = s.toks[n0..n1].iter().map(|x| &cx.an.prep.norm[x.start..x.end]).collect();
        let name = crate::join(&name, " ");
        let id = slug(&name);
        if id.is_empty() {
            continue;
        }
        let (lo, hi) = (n0.min(m.start), n1.max(m.end));
        // Who released: the subject of the release verb, then where the
        // person was held, then the person's nationality.
        let (c0, _) = s.clause_of(m.start);
        let passive = m.start > 0 && Grammar::has(&cx.r.grammar.passive, s.toks[m.start - 1].lower);
        let subject = (!passive)
            .then(|| subject_in(s, cx.r, c0, m.start, false))
            .flatten()
            .filter(|&k| s.mentions[k].t0 > hi.min(m.start).saturating_sub(8) && !(n0..n1).contains(&s.mentions[k].t0))
            .and_then(|k| s.mentions[k].actor(cx.r));
        let window_end = (hi + cx.r.release.window).min(s.toks.len());
        let held = (lo..window_end)
            .find(|&t| cx.r.release.detained.iter().any(|w| w == s.toks[t].lower))
            .and_then(|t| s.mentions.iter().find(|mm| mm.t0 > t && mm.t0 <= t + 3).and_then(|mm| mm.actor(cx.r)));
        let nationality = cx.r.release.held_by_nationality.iter().find_map(|(class, holder)| {
            let c = cx.r.class_id(class)?;
            let near = (lo.saturating_sub(3)..window_end)
                .any(|t| cx.r.class_phrases(c).iter().any(|p| p.len() == 1 && p[0].matches(s.toks[t].lower)));
            near.then(|| cx.r.entities.iter().position(|e| &e.id == holder)).flatten()
        });
        // "libéré par la Russie": the agent. An agent the rules do not know
        // ("par l'Ukraine") is no one: nothing is guessed over it.
        let par = (m.end..(m.end + 2).min(s.toks.len())).find(|&t| Grammar::has(&cx.r.grammar.agent, s.toks[t].lower));
        let agent = par.and_then(|t| s.mentions.iter().find(|mm| mm.t0 == t + 1).and_then(|mm| mm.actor(cx.r)));
        let by = match (par, agent) {
            (Some(_), None) => None,
            _ => agent.or(subject).or(held).or(nationality),
        };
        let (va, vb) = cx.tok_range(si, n0, n1);
        let said_by = cx.said_by(si, m.start);
        let value = Value { released_by: by.map(|i| eid(cx.r, i)), ..Value::default() };
        let subject = Subject { person: Some(EntityId(id)), ..Subject::default() };
        let sent_start = s.start;
        if cx
            .out
            .iter()
            .rev()
            .take_while(|f| f.pos >= sent_start)
            .any(|f| f.kind == Kind::PrisonerRelease && f.subject == subject)
        {
            continue;
        }
        cx.push(si, Kind::PrisonerRelease, subject, value, va, vb, said_by, rule, false);
    }
}

/// Lowercase ASCII id with underscores: "Marc Fogel" → `marc_fogel`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let base = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Â' | 'Á' | 'Ä' | 'Ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'í' | 'ì' | 'ī' | 'ı' | 'İ' | 'Í' | 'Î' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' | 'ō' | 'ő' | 'Ó' | 'Ö' | 'Ô' | 'Ø' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'ū' | 'ů' | 'ű' | 'Ú' | 'Ü' => 'u',
            'ç' | 'ć' | 'č' | 'Ç' | 'Č' | 'Ć' => 'c',
            'ğ' | 'Ğ' => 'g',
            'ñ' | 'ń' | 'ň' | 'Ñ' => 'n',
            'ş' | 'ś' | 'š' | 'ș' | 'Ş' | 'Š' | 'Ś' | 'Ș' => 's',
            'ţ' | 'ț' | 'ť' | 'Ț' => 't',
            'ž' | 'ź' | 'ż' | 'Ž' | 'Ż' => 'z',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'ł' | 'Ł' => 'l',
            'ř' | 'Ř' => 'r',
            'đ' | 'ď' | 'Đ' => 'd',
            c => c,
        };
        if base.is_ascii_alphanumeric() {
            out.push(base.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

#[inline(never)]
pub(super) fn exchange(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let Some(m) = ms.iter().find(|m| !not_done(cx, si, m.start, "no_exchange")) else { return };
    let said_by = cx.said_by(si, m.start);
    let (va, vb) = cx.tok_range(si, m.start, m.end);
    let value = Value { occurred: Some(true), ..Value::default() };
    cx.push(si, Kind::PrisonerExchange, Subject::default(), value, va, vb, said_by, rule, false);
}

/// How many words before a meeting plan an `other_plan` phrase (a group of
/// others as its subject, words that say it lapsed) is looked for
/// ([`meeting`]).
const OTHER_PLAN_REACH: usize = 6;

/// Whether a cue is negated ("could not meet", "has never met", « n'ont
/// pas pu se rencontrer »): a negation just before it or in its first
/// words (not further on: « au plus tard en juin » negates nothing).
fn negated(r: &Rules, s: &Sent, m: &Match) -> bool {
    s.toks[m.start.saturating_sub(3)..m.end.min(m.start + 3)].iter().any(|t| Grammar::has(&r.grammar.negators, t.lower))
}

#[inline(never)]
pub(super) fn meeting(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    // A negated plan is none.
    let s = cx.sent(si);
    let Some(m) = ms.iter().find(|m| !negated(cx.r, s, m)) else { return };
    // Somebody else's meeting: a group of others is its subject, in the
    // words right before it with nobody named between ("their negotiators
    // will meet", « des responsables italiens et allemands doivent se
    // rencontrer »); a plan that lapsed ("had been expected to meet",
    // « auraient dû se rencontrer »); a meeting held ("the meeting he had
    // in …"). All are `other_plan` phrases, before it or on its first word.
    let other = class_in_clause(cx, si, m.start.saturating_sub(OTHER_PLAN_REACH)..m.start + 1, m.start, "other_plan");
    if other.is_some_and(|d| s.mentions_in(d, m.start).next().is_none()) {
        return;
    }
    let Some(participants) = cx.participants(si, m.start, true) else { return };
    let party = |p: usize| participants.iter().any(|e| cx.r.entities[p].id == e.0);
    // Somebody else's plan: a person who is no party named right before it
    // ("the speaker Ana Ruiz's planned visit to Lima").
    if persons_in(s, cx.r, m.start.saturating_sub(3), m.start).iter().any(|&p| !party(p)) {
        return;
    }
    let place = m
        .capture(Slot::Place)
        .map(|k| &s.mentions[k])
        .or_else(|| s.mentions.iter().find(|mm| mm.t0 >= m.start && mm.place(cx.r).is_some()))
        .and_then(|mm| mm.place(cx.r))
        .filter(|&p| !party(p));
    let (va, vb) = match place.and_then(|p| s.mentions.iter().find(|mm| mm.t0 >= m.start && mm.place(cx.r) == Some(p)))
    {
        Some(pm) => cx.tok_range(si, m.start, pm.t1),
        None => cx.tok_range(si, m.start, m.end),
    };
    let said_by = cx.said_by(si, m.start);
    let value = Value { place: Some(place.map(|p| eid(cx.r, p))), ..Value::default() };
    cx.push(si, Kind::Meeting, Subject { participants, ..Subject::default() }, value, va, vb, said_by, rule, false);
}
