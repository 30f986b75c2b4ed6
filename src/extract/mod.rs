//! Extraction: from one article's text to claims with quotes and offsets.
//!
//! For each article: prepare the text (normalise, mask boilerplate), cut
//! sentences, annotate each (tokens, entity mentions, durations), resolve
//! references and reported speech, then run the claim rules of the rules
//! file. Every claim keeps the sentence that states it as its quote, with
//! UTF-16 offsets into the original text.

pub mod dates;
pub mod duration;
pub mod lang;
mod matcher;
pub mod people;
mod refs;
mod sentence;
mod stance;
pub mod wire;

use crate::model::{
    Agreement, Article, Claim, DateNote, DateParts, EntityId, Kind, Mention, MentionsDocument, NegotiationStart,
    Subject, Value, MENTIONS_SCHEMA,
};
use crate::rules::{Grammar, RuleKind, Rules, Slot};
use crate::text::{Prepared, TokKind};
use matcher::{find_any, Match};
use refs::{persons_in, subject_in};
use sentence::Sent;

/// A claim found in one source, before reconciliation.
#[derive(Debug, Clone)]
pub struct Found {
    /// What it is about.
    pub kind: Kind,
    /// Who or what.
    pub subject: Subject,
    /// The claim as it will appear in the document.
    pub claim: Claim,
    /// Derived from agreement with another actor's statement.
    pub derived: bool,
    /// Normalised byte position, for ordering.
    pub pos: usize,
    /// The day of the call the claim is about, when its sentence dates
    /// the call (« lors de leur précédent entretien, le 6 mai, … »).
    pub day: Option<DateParts>,
    /// For a call date: whether its sentence places that call before the
    /// article's (`[references].earlier`), so that its date says nothing of
    /// the article's day.
    pub earlier: bool,
    /// Whether `day` is not the article's call day: the claim is another
    /// call's (set by `call_days`).
    pub other_day: bool,
}

/// The kinds of claim about a call itself, which belong to one call on
/// one day.
pub fn is_call_kind(k: Kind) -> bool {
    matches!(k, Kind::CallDuration | Kind::CallDate | Kind::CallCharacterization | Kind::Negotiations | Kind::Meeting)
}

/// What extraction found in one article.
#[derive(Debug)]
pub struct SourceExtract {
    /// The article.
    pub article: Article,
    /// Its title.
    pub title: String,
    /// Claims, one per fact at most, in text order.
    pub found: Vec<Found>,
    /// Entity ids mentioned by name: how often, and where first (byte),
    /// in order of first mention.
    pub entities: Vec<(String, (usize, usize))>,
    /// Event markers found (reader labels).
    pub markers: Vec<String>,
    /// Sentences about the event that say it was by phone, and that say
    /// it was in person.
    pub phone_votes: (usize, usize),
    /// The article's date: its `published` field, a metadata line's, a
    /// dateline's.
    pub date: Option<DateParts>,
    /// The news agencies the text credits ("AFP"), see [`wire`].
    pub wire: Option<String>,
    /// The hashes of its words, in order, for finding copies of one text
    /// (`copies`): made here from the tokens extraction makes
    /// anyway.
    pub words: Vec<u32>,
}

/// What extraction found in all the articles.
#[derive(Debug, Default)]
pub struct Extraction {
    /// One per article, in input order.
    pub sources: Vec<SourceExtract>,
    /// The pack (index into [`crate::rules::packs`]) that read each
    /// article.
    pub langs: Vec<usize>,
    /// Per article, the language no pack reads (its tag, or `""` when its
    /// words are no pack's): its facts are not used.
    pub unread: Vec<Option<String>>,
    /// Per pack, the rules with the people the articles introduce, when
    /// they introduce someone the packs do not list.
    pub rules: Vec<Option<Rules>>,
}

impl Extraction {
    /// The rules of the main pack: the one that read the most articles
    /// (the first on a tie), with the people found.
    pub fn rules(&self) -> &Rules {
        let packs = crate::rules::packs();
        let main = crate::tally(self.langs.iter().copied()).into_iter().max_by_key(|&(l, n)| (n, usize::MAX - l));
        let l = main.map_or(0, |(l, _)| l);
        self.rules.get(l).and_then(Option::as_ref).unwrap_or(&packs[l])
    }
}

/// An analysed article: prepared text and annotated sentences.
pub(crate) struct Analysed<'a> {
    pub prep: &'a Prepared<'a>,
    pub sents: Vec<Sent<'a>>,
    pub article_date: Option<DateParts>,
}

/// An article cut into sentences and tokens: the first reading, before
/// entities are known.
pub(crate) struct Tokenized<'a> {
    pub prep: &'a Prepared<'a>,
    pub sents: Vec<(usize, usize, Vec<crate::text::Token<'a>>)>,
}

impl<'a> Tokenized<'a> {
    pub(crate) fn new(prep: &'a Prepared<'a>, rules: &Rules) -> Tokenized<'a> {
        let sents = prep
            .sentences(rules)
            .iter()
            .map(|s| (s.start, s.end, crate::text::tokenize(&prep.norm, &prep.lower, s.start, s.end)))
            .collect();
        Tokenized { prep, sents }
    }
}

/// The first reading of every article (`langs`: the pack of each), and per
/// pack the rules that also know the people the articles introduce by a
/// title no pack lists (`None`: nobody new, or the pack read no article).
fn first_reading<'a>(preps: &'a [Prepared<'a>], langs: &[usize]) -> (Vec<Tokenized<'a>>, Vec<Option<Rules>>) {
    let packs = crate::rules::packs();
    let texts: Vec<Tokenized> = preps.iter().zip(langs).map(|(p, &l)| Tokenized::new(p, &packs[l])).collect();
    let found = people::sightings_in(&texts, langs);
    let more = packs
        .iter()
        .enumerate()
        .map(|(l, r)| {
            if found.is_empty() || !langs.contains(&l) {
                return None;
            }
            let people = people::people(found.clone(), r);
            (!people.is_empty()).then(|| r.with_people(people))
        })
        .collect();
    (texts, more)
}

/// The packs that read the articles, and their rules with the people found.
struct Readers {
    langs: Vec<usize>,
    more: Vec<Option<Rules>>,
}

impl Readers {
    fn rules(&self, i: usize) -> &Rules {
        let l = self.langs[i];
        self.more.get(l).and_then(Option::as_ref).unwrap_or(&crate::rules::packs()[l])
    }
}

/// Annotates one article, tokenized.
pub(crate) fn analyse_tokens<'a>(t: Tokenized<'a>, article: &Article, rules: &Rules) -> Analysed<'a> {
    let prep = t.prep;
    let mut sents: Vec<Sent> =
        t.sents.into_iter().map(|(a, b, toks)| Sent::with_tokens(&prep.norm, toks, a, b, rules)).collect();
    for i in 0..sents.len() {
        refs::resolve(&mut sents, i, rules);
        refs::attribute(&mut sents[i], rules);
    }
    // The article's date: its `published` field, else a metadata line's
    // date, else a dateline's ("WASHINGTON, 12 février 2025 (AFP) – …" at
    // the start of a line among the first sentences).
    let article_date = article
        .published
        .as_deref()
        .and_then(dates::parse_iso)
        .or_else(|| prep.metadata_date.as_deref().and_then(|m| dates::parse_loose(m, rules)))
        .or_else(|| {
            sents
                .iter()
                .take(DATELINE_SENTENCES)
                .filter(|s| {
                    let before = prep.norm[..s.start].trim_end_matches([' ', '\t']);
                    before.is_empty() || before.ends_with('\n')
                })
                .find_map(|s| {
                    // A date line is a line of its own.
                    let after = prep.norm[s.end..].trim_start_matches([' ', '\t']);
                    let alone = after.is_empty() || after.starts_with('\n');
                    dates::dateline(s, rules).or_else(|| alone.then(|| dates::date_line(s, rules)).flatten())
                })
        });
    Analysed { prep, sents, article_date }
}

/// Tokens before a date in the clause after a call cue, at most.
const DATE_OPENS_CLAUSE: usize = 3;

/// A dateline opens one of the article's first sentences (after a title,
/// a kicker, a byline).
const DATELINE_SENTENCES: usize = 4;

/// Extracts every article.
pub fn extract_all(articles: &[Article]) -> Extraction {
    let packs = crate::rules::packs();
    let (langs, unread): (Vec<usize>, Vec<Option<String>>) = articles.iter().map(|a| lang::reading(a, packs)).unzip();
    let preps: Vec<Prepared> = articles.iter().zip(&langs).map(|(a, &l)| Prepared::new(&a.text, &packs[l])).collect();
    let (texts, more) = first_reading(&preps, &langs);
    let readers = Readers { langs, more };
    let credits: Vec<Option<wire::Matcher>> = (0..packs.len())
        .map(|l| readers.langs.iter().position(|&x| x == l).map(|i| wire::Matcher::new(&readers.rules(i).wire)))
        .collect();
    let sources = articles
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (a, t))| {
            let credits = credits[readers.langs[i]].as_ref().expect("made for every pack that reads");
            let mut s = extract_one(a, t, readers.rules(i), credits);
            if unread[i].is_some() {
                // Read for its title, words and credit only.
                s.found.clear();
                s.markers.clear();
            }
            s
        })
        .collect();
    Extraction { sources, langs: readers.langs, unread, rules: readers.more }
}

/// The given title, else the first sentence of the text (the first line
/// when it is a headline; metadata and boilerplate are skipped).
#[inline(never)]
fn title_of(a: &Article, an: &Analysed) -> String {
    let given = a.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
    // The first sentence; a kicker of one or two words ("DIRECT.", "VIDÉO.")
    // takes the rest of its line with it, and so does a headline line (no
    // final full stop: "Une heure et demie ou « plus d'une heure » ? Ce
    // que l'on sait").
    let first = || {
        let s0 = an.sents.first()?;
        let mut end = s0.end;
        let line_end = first_line_end(an)?;
        let line = an.prep.norm[s0.start..line_end].trim_end();
        let headline = !line.ends_with('.') && line.len() <= MAX_HEADLINE_BYTES;
        if headline || an.prep.norm[s0.start..s0.end].split_whitespace().count() <= KICKER_WORDS {
            end = an.sents.iter().take_while(|s| s.start < line_end).last().map_or(end, |s| s.end);
        }
        Some(an.prep.orig_text(s0.start, end).trim().to_string())
    };
    let t = given
        .or_else(first)
        .unwrap_or_else(|| a.text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").to_string());
    let mut out: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.chars().count() > 200 {
        out = out.chars().take(199).collect::<String>() + "…";
    }
    out
}

/// The end (normalised byte) of the line that holds the first sentence.
fn first_line_end(an: &Analysed) -> Option<usize> {
    let s0 = an.sents.first()?;
    Some(an.prep.norm[s0.start..].find('\n').map_or(an.prep.norm.len(), |i| s0.start + i))
}

/// A first sentence this short is a kicker, not the headline.
const KICKER_WORDS: usize = 2;
/// A first line up to this long without a final full stop is a headline.
const MAX_HEADLINE_BYTES: usize = 300;

fn eid(r: &Rules, i: usize) -> EntityId {
    EntityId(r.entities[i].id.clone())
}

/// Context shared by the claim builders of one article.
struct Ctx<'a, 'r> {
    r: &'r Rules,
    an: &'a Analysed<'a>,
    source: &'a str,
    out: Vec<Found>,
    /// [`main_pair`] of the article, found the first time it is needed.
    main_pair: std::cell::OnceCell<Option<[usize; 2]>>,
    /// The title given with the article, if any.
    title: Option<&'a str>,
    /// [`title_pair`] of the article, found the first time it is needed.
    title_pair: std::cell::OnceCell<Option<[usize; 2]>>,
}

impl Ctx<'_, '_> {
    fn sent(&self, si: usize) -> &Sent<'_> {
        &self.an.sents[si]
    }

    /// Builds a claim quoting sentence `si`, with the value phrase at
    /// normalised bytes `[va, vb)`.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        si: usize,
        kind: Kind,
        subject: Subject,
        mut value: Value,
        va: usize,
        vb: usize,
        said_by: Option<EntityId>,
        rule: &str,
        derived: bool,
    ) {
        let s = &self.an.sents[si];
        let p = &self.an.prep;
        let (start, end) = p.utf16_range(s.start, s.end);
        let (value_start, value_end) = p.utf16_range(va, vb);
        value.text = Some(p.orig_text(va, vb).to_string());
        let claim = Claim {
            source: self.source.to_string(),
            quote: p.orig_text(s.start, s.end).to_string(),
            start,
            end,
            value,
            value_start,
            value_end,
            said_by,
            agreement: Agreement::Precise,
            rule: rule.to_string(),
            date_note: None,
        };
        self.out.push(Found { kind, subject, claim, derived, pos: va, day: None, earlier: false, other_day: false });
    }

    /// Who the outlet says is speaking at token `t` of sentence `si`.
    fn said_by(&self, si: usize, t: usize) -> Option<EntityId> {
        let s = self.sent(si);
        let a = s.speaker_at(t)?;
        s.mentions[a.speaker].actor(self.r).map(|i| eid(self.r, i))
    }

    /// The two participants of whatever happens around token `t`: persons
    /// in its clause, else in its sentence, else in the closest sentence
    /// before that names two ([`refs::pair_before`]). With `main`, for
    /// what the call's parties agree on (negotiations, a meeting), a
    /// sentence that does not name two persons itself takes the article's
    /// main pair ([`main_pair`]) when it holds whoever the sentence names:
    /// "Il évoque aussi une rencontre" after a paragraph on another call
    /// is still about the main one.
    fn participants(&self, si: usize, t: usize, main: bool) -> Option<Vec<EntityId>> {
        let s = self.sent(si);
        let (c0, c1) = s.clause_of(t);
        let here = persons_in(s, self.r, c0, c1);
        let back = |must: &[usize]| refs::pair_before(&self.an.sents, si, self.r, must);
        let mut ps = here.clone();
        if ps.len() < 2 && main {
            let named = persons_in(s, self.r, 0, s.toks.len());
            if named.len() < 2 {
                if let Some(pair) = self
                    .main_pair
                    .get_or_init(|| main_pair(&self.an.sents, self.r))
                    .filter(|p| named.iter().all(|x| p.contains(x)))
                {
                    ps = pair.to_vec();
                }
            }
        }
        if ps.len() < 2 && !here.is_empty() {
            ps = back(&here).unwrap_or(ps);
        }
        if ps.len() < 2 {
            ps = persons_in(s, self.r, 0, s.toks.len());
        }
        if ps.len() < 2 {
            ps = back(&[])?;
        }
        // A spokesperson or aide who reports a call is not one of its
        // parties when two others are named (« Sa porte-parole a déclaré
        // que l'appel entre Trump et le président ukrainien… »); a leader
        // who speaks of a call may be one.
        {
            let s = self.sent(si);
            let aide = |i: usize| self.r.entities[i].role.is_some() && !self.r.entities[i].leader;
            let speakers: Vec<usize> = s
                .attributions
                .iter()
                .filter_map(|a| s.mentions[a.speaker].actor(self.r))
                .filter(|&i| aide(i))
                .collect();
            if ps.iter().any(|p| speakers.contains(p)) {
                let mut rest: Vec<usize> = Vec::new();
                for p in persons_in(s, self.r, 0, s.toks.len()).into_iter().filter(|p| !speakers.contains(p)) {
                    crate::push_new(&mut rest, p);
                }
                if rest.len() >= 2 {
                    ps = rest;
                }
            }
        }
        let mut ids: Vec<EntityId> = ps.into_iter().take(2).map(|i| eid(self.r, i)).collect();
        crate::sort_by(&mut ids, Ord::cmp);
        ids.dedup();
        (ids.len() == 2).then_some(ids)
    }

    /// The pair the title names, for a call sentence that names no pair
    /// and has none in the sentences before it ("L'échange a duré plus de
    /// deux heures." far below a headline "Starmer et Erdogan se
    /// parlent"), when it holds whoever the sentence names.
    fn title_participants(&self, si: usize) -> Option<Vec<EntityId>> {
        let pair = (*self.title_pair.get_or_init(|| title_pair(self.an, self.title, self.r)))?;
        let s = self.sent(si);
        if !persons_in(s, self.r, 0, s.toks.len()).iter().all(|p| pair.contains(p)) {
            return None;
        }
        let mut ids: Vec<EntityId> = pair.iter().map(|&i| eid(self.r, i)).collect();
        crate::sort_by(&mut ids, Ord::cmp);
        Some(ids)
    }

    fn tok_range(&self, si: usize, t0: usize, t1: usize) -> (usize, usize) {
        let s = self.sent(si);
        (s.toks[t0].start, s.toks[t1.max(t0 + 1) - 1].end)
    }
}

/// The pair of persons the article names together most often (the first
/// two persons of each sentence that names two; ties go to the earlier
/// pair): whose call the article is about.
fn main_pair(sents: &[Sent], r: &Rules) -> Option<[usize; 2]> {
    let counts = crate::tally(sents.iter().filter_map(|s| {
        let ps = persons_in(s, r, 0, s.toks.len());
        (ps.len() >= 2).then(|| [ps[0].min(ps[1]), ps[0].max(ps[1])])
    }));
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts.into_iter().find(|&(_, n)| n == best).map(|(p, _)| p)
}

/// The first two persons the article's title names: the title given with
/// it, else its headline (a first line without a final full stop, as
/// [`title_of`] reads it).
fn title_pair(an: &Analysed, given: Option<&str>, r: &Rules) -> Option<[usize; 2]> {
    let pair = |ps: Vec<usize>| (ps.len() >= 2).then(|| [ps[0], ps[1]]);
    if let Some(t) = given.map(str::trim).filter(|t| !t.is_empty()) {
        let prep = Prepared::new(t, r);
        let lower = &prep.lower;
        return prep
            .sentences(r)
            .iter()
            .map(|x| Sent::new(&prep.norm, lower, x.start, x.end, r))
            .find_map(|s| pair(persons_in(&s, r, 0, s.toks.len())));
    }
    let s0 = an.sents.first()?;
    let line_end = first_line_end(an)?;
    let line = an.prep.norm[s0.start..line_end].trim_end();
    if line.ends_with('.') || line.len() > MAX_HEADLINE_BYTES || an.sents.last().is_none_or(|s| s.start < line_end) {
        return None;
    }
    an.sents.iter().take_while(|s| s.start < line_end).find_map(|s| pair(persons_in(s, r, 0, s.toks.len())))
}

fn extract_one(article: &Article, t: Tokenized, r: &Rules, credits: &wire::Matcher) -> SourceExtract {
    let an = analyse_tokens(t, article, r);
    let mut cx = Ctx {
        r,
        an: &an,
        source: &article.id,
        out: Vec::new(),
        main_pair: std::cell::OnceCell::new(),
        title: article.title.as_deref(),
        title_pair: std::cell::OnceCell::new(),
    };
    for si in 0..an.sents.len() {
        if !an.sents[si].is_question() {
            sentence_claims(&mut cx, si);
        }
    }
    stance::stances(&mut cx);
    let mut found = std::mem::take(&mut cx.out);
    call_days(&mut found);
    // The headline: the first line, when the text starts with one.
    let headline_end = first_line_end(&an).filter(|&end| an.sents.len() > 1 && an.sents[1].start > end).unwrap_or(0);
    dedupe(&mut found, headline_end);
    let entities = named_entities(&an, r);
    let markers = event_markers(&an, r);
    let phone_votes = phone_votes(&an, r);
    let wire = credits.credit(&article.text);
    let mut words = Vec::new();
    for s in &an.sents {
        crate::copies::push_words(&an.prep.lower, &s.toks, &mut words);
    }
    SourceExtract {
        title: title_of(article, &an),
        article: article.clone(),
        found,
        entities,
        markers,
        phone_votes,
        date: an.article_date,
        wire,
        words,
    }
}

/// Each entity named in the article: its id, how often it is named, and
/// where first.
#[inline(never)]
fn named_entities(an: &Analysed, r: &Rules) -> Vec<(String, (usize, usize))> {
    let mut entities: Vec<(String, (usize, usize))> = Vec::new();
    for s in &an.sents {
        for m in &s.mentions {
            if m.form == sentence::MentionForm::Name {
                for &i in &m.ids {
                    let id = &r.entities[i].id;
                    match entities.iter_mut().find(|(k, _)| k == id) {
                        Some((_, e)) => e.0 += 1,
                        None => entities.push((id.clone(), (1, s.toks[m.t0].start))),
                    }
                }
            }
        }
    }
    entities
}

/// The labels of the event markers the article matches, each once, in
/// order of first match.
#[inline(never)]
fn event_markers(an: &Analysed, r: &Rules) -> Vec<String> {
    let mut markers: Vec<String> = Vec::new();
    for s in &an.sents {
        for (k, def) in r.markers.iter().enumerate() {
            for m in matcher::find_all(r, r.marker_pattern(k), s) {
                let label = match m.capture(Slot::Place).and_then(|c| s.mentions[c].place(r)) {
                    Some(p) => def.label.replace("{place}", &r.entities[p].name),
                    None => def.label.clone(),
                };
                if !markers.contains(&label) {
                    markers.push(label);
                }
            }
        }
    }
    markers
}

/// The claims of the rules that match sentence `si`.
///
/// Out of line, like the builders it calls: this loop is the hot part of
/// an article's extraction, and a small hot function is what a browser's
/// optimising compiler can take up quickly (the builders run only on a
/// match; inlined, they made one 16 KB function V8 spent 30–55 ms
/// optimising on a first visit).
#[inline(never)]
fn sentence_claims(cx: &mut Ctx, si: usize) {
    let r = cx.r;
    for (ri, rule) in r.claim_rules.iter().enumerate() {
        // Vetoes are read by the call-duration builder, when it needs them.
        if rule.kind == RuleKind::NotCallDuration {
            continue;
        }
        let ms = find_any(r, r.rule_patterns(ri), &cx.an.sents[si]);
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
fn dedupe(found: &mut Vec<Found>, headline_end: usize) {
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
fn call_days(found: &mut [Found]) {
    // In text order, as the claims were found: one lookup by sentence.
    let dated: Vec<(usize, DateParts, bool)> = found
        .iter()
        .filter(|f| f.kind == Kind::CallDate)
        .filter_map(|f| f.claim.value.parts.map(|p| (f.claim.start, p, f.earlier)))
        .filter(|(_, p, _)| p.day.is_some() || p.weekday.is_some())
        .collect();
    for f in found.iter_mut() {
        if is_call_kind(f.kind) {
            let k = dated.partition_point(|(start, _, _)| *start < f.claim.start);
            f.day = dated.get(k).filter(|(start, _, _)| *start == f.claim.start).map(|(_, p, _)| *p);
        }
    }
    let own = dates::tally_days(&mut dated.iter().filter(|(_, _, earlier)| !earlier).map(|(_, p, _)| *p));
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

/// How many of the article's sentences that name two persons say they
/// talked by phone, and how many in person (the `phone` and `in_person`
/// lexicon classes).
#[inline(never)]
fn phone_votes(an: &Analysed, r: &Rules) -> (usize, usize) {
    let (Some(phone), Some(person)) = (r.class_id("phone"), r.class_id("in_person")) else { return (0, 0) };
    let mut votes = (0, 0);
    for s in &an.sents {
        if persons_in(s, r, 0, s.toks.len()).len() < 2 {
            continue;
        }
        let has = |class: usize| (0..s.toks.len()).any(|t| matcher::match_class(r, class, s, t).is_some());
        votes.0 += usize::from(has(phone));
        votes.1 += usize::from(has(person));
    }
    votes
}

/// The durations of sentence `si` that `not_call_duration` rules hold
/// back (indices into its durations), sorted. A veto is local evidence: a
/// match across a clause break holds nothing back ("La conversation,
/// suivie d'une déclaration, a duré deux heures"), and neither does one on
/// a duration that measures a call by its grammar ("en deux heures de
/// conversation").
fn held_back(r: &Rules, s: &Sent) -> Vec<usize> {
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
fn measures_a_call(r: &Rules, s: &Sent, t: usize) -> bool {
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
fn call_durations(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
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
fn call_date(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let s = cx.sent(si);
    // A relative date ("hier") only with a full article date to count from.
    let ds = dates::find(s, cx.r)
        .into_iter()
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
    let Some(d) = ds.into_iter().find(|d| {
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
    }) else {
        return;
    };
    let persons = persons_in(s, cx.r, 0, s.toks.len());
    let d_t0 = d.t0;
    let mut participants: Vec<EntityId> = if persons.len() >= 2 {
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
    let value = Value { date: dates::iso(&parts), parts: Some(parts), ..Value::default() };
    cx.push(si, Kind::CallDate, Subject { participants, ..Subject::default() }, value, va, vb, said_by, rule, false);
    if let Some(f) = cx.out.last_mut() {
        f.claim.date_note = note;
        f.earlier = earlier;
    }
}

#[inline(never)]
fn characterization(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let Some(class) = cx.r.class_id("characterization") else { return };
    for m in ms {
        let s = cx.sent(si);
        // The term: the first characterization phrase inside the match
        // (the longest at its start), with a coordinated second one.
        let mut term = None;
        for t in (m.start..m.end).filter(|&t| s.toks[t].kind != TokKind::Quote) {
            for phrase in cx.r.class_phrases(class) {
                let mut j = t;
                let ok = phrase.iter().all(|alt| {
                    while s.toks.get(j).is_some_and(|x| x.kind == TokKind::Quote) {
                        j += 1;
                    }
                    let hit = s.toks.get(j).is_some_and(|x| alt.matches(x.lower));
                    j += 1;
                    hit
                });
                if ok && j <= m.end && term.is_none_or(|(a, b): (usize, usize)| t == a && j > b) {
                    term = Some((t, j));
                }
            }
        }
        let Some((t0, mut t1)) = term else { continue };
        // A coordinated second term belongs to the same characterization:
        // « franc et constructif », « très bon et productif ».
        if let Some(end) = coordinated_term(cx.r, class, s, t1) {
            t1 = end;
        }
        let words: Vec<&str> = s.toks[t0..t1].iter().filter(|x| x.kind != TokKind::Quote).map(|x| x.lower).collect();
        let term_text = words.join(" ");
        // Who characterizes: an actor the pattern names ("qualifié de
        // « franc » par l'Élysée", "que l'Élysée a présenté comme …"), else
        // the subject before the phrase when it is a person ("Le président
        // ukrainien a évoqué une conversation « significative », selon la
        // présidence ukrainienne"), else the speaker, else any subject.
        let named = m.capture(Slot::Actor).and_then(|k| s.mentions[k].actor(cx.r));
        let subject = subject_in(s, cx.r, 0, m.start, true).and_then(|k| s.mentions[k].actor(cx.r));
        let person = subject.filter(|&a| cx.r.entities[a].kind == crate::rules::EntityKind::Person);
        let actor = named
            .or(person)
            .or_else(|| s.speaker_at(m.start).and_then(|a| s.mentions[a.speaker].actor(cx.r)))
            .or(subject);
        let Some(actor) = actor else { continue };
        let Some(participants) = cx.participants(si, m.start, false) else { continue };
        // A participant, or the institution one of them belongs to ("le
        // Kremlin a salué un échange utile" speaks for Putin's side).
        let member_of = |p: &EntityId| cx.r.entity(p.as_str()).and_then(|e| e.member_of.as_deref());
        let actor = eid(cx.r, actor);
        if !participants.iter().any(|p| *p == actor || member_of(p) == Some(actor.as_str())) {
            continue;
        }
        let (va, vb) = cx.tok_range(si, t0, t1);
        let said_by = cx.said_by(si, m.start);
        let subject = Subject { participants, actor: Some(actor), ..Subject::default() };
        let value = Value { term: Some(term_text), ..Value::default() };
        cx.push(si, Kind::CallCharacterization, subject, value, va, vb, said_by, rule, false);
    }
}

/// The end of a characterization coordinated with the one ending at token
/// `t` (a `term_joiner` phrase, then a characterization: "et \[très\]
/// constructif"; quotes skipped), if any.
fn coordinated_term(r: &Rules, class: usize, s: &Sent, t: usize) -> Option<usize> {
    let joiner = r.class_id("term_joiner")?;
    let j = matcher::match_class(r, joiner, s, matcher::skip_quotes(s, t))?;
    matcher::match_class(r, class, s, matcher::skip_quotes(s, j))
}

#[inline(never)]
fn negotiations(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
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

/// A run of capitalized words near token `t` that is no known entity.
fn person_name(cx: &Ctx, si: usize, t: usize) -> Option<(usize, usize)> {
    let s = cx.sent(si);
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
    runs.into_iter().filter(|&(a, b)| (a > t && a - t <= w) || (b <= t && t - b < w)).min_by_key(|&(a, b)| {
        if a > t {
            a - t
        } else {
            t - b
        }
    })
}

#[inline(never)]
fn releases(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    for m in ms {
        let Some((n0, n1)) = person_name(cx, si, m.start) else { continue };
        let s = cx.sent(si);
        let name: Vec<&str> = s.toks[n0..n1].iter().map(|x| &cx.an.prep.norm[x.start..x.end]).collect();
        let name = name.join(" ");
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
fn exchange(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let Some(m) = ms.first() else { return };
    let said_by = cx.said_by(si, m.start);
    let (va, vb) = cx.tok_range(si, m.start, m.end);
    let value = Value { occurred: Some(true), ..Value::default() };
    cx.push(si, Kind::PrisonerExchange, Subject::default(), value, va, vb, said_by, rule, false);
}

#[inline(never)]
fn meeting(cx: &mut Ctx, si: usize, ms: &[Match], rule: &str) {
    let Some(m) = ms.first() else { return };
    let Some(participants) = cx.participants(si, m.start, true) else { return };
    let s = cx.sent(si);
    let place = m
        .capture(Slot::Place)
        .map(|k| &s.mentions[k])
        .or_else(|| s.mentions.iter().find(|mm| mm.t0 >= m.start && mm.place(cx.r).is_some()))
        .and_then(|mm| mm.place(cx.r))
        .filter(|&p| !participants.iter().any(|e| cx.r.entities[p].id == e.0));
    let (va, vb) = match place.and_then(|p| s.mentions.iter().find(|mm| mm.t0 >= m.start && mm.place(cx.r) == Some(p)))
    {
        Some(pm) => cx.tok_range(si, m.start, pm.t1),
        None => cx.tok_range(si, m.start, m.end),
    };
    let said_by = cx.said_by(si, m.start);
    let value = Value { place: Some(place.map(|p| eid(cx.r, p))), ..Value::default() };
    cx.push(si, Kind::Meeting, Subject { participants, ..Subject::default() }, value, va, vb, said_by, rule, false);
}

/// Every mention recognized in the articles.
pub fn mentions(articles: &[Article]) -> MentionsDocument {
    let packs = crate::rules::packs();
    let langs: Vec<usize> = articles.iter().map(|a| lang::pack_of(a, packs)).collect();
    let preps: Vec<Prepared> = articles.iter().zip(&langs).map(|(a, &l)| Prepared::new(&a.text, &packs[l])).collect();
    let (texts, more) = first_reading(&preps, &langs);
    let readers = Readers { langs, more };
    let mut out = Vec::new();
    for (i, (a, t)) in articles.iter().zip(texts).enumerate() {
        let r = readers.rules(i);
        let an = analyse_tokens(t, a, r);
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
