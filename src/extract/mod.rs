//! Extraction: from one article's text to claims with quotes and offsets.
//!
//! For each article: prepare the text (normalise, mask boilerplate), cut
//! sentences, annotate each (tokens, entity mentions, durations), resolve
//! references and reported speech, then run the claim rules of the rules
//! file. Every claim keeps the sentence that states it as its quote, with
//! UTF-16 offsets into the original text.

mod claims;
pub mod dates;
pub mod duration;
pub mod lang;
mod matcher;
mod mentions;
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

/// The days a source gives the call of `pair` (any pair when none),
/// tallied ([`dates::tally_days`]), and whether they are only the days of
/// its telling (`Found::reported`): those count when it gives no other.
pub fn days_told(found: &[Found], pair: Option<&[EntityId]>) -> (Vec<(DateParts, usize)>, bool) {
    let days = |reported: bool| {
        found
            .iter()
            .filter(move |f| {
                f.kind == Kind::CallDate
                    && !f.earlier
                    && f.reported == reported
                    && pair.is_none_or(|p| f.subject.participants == p)
            })
            .filter_map(|f| f.day)
    };
    let reported = days(false).next().is_none();
    (dates::tally_days(&mut days(reported)), reported)
}

pub use claims::slug;
use claims::*;
pub use mentions::mentions;
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
    /// For a call date: whether it dates the saying, not the call ("X said
    /// on Thursday that they had talked", see `claims::of_report`). The
    /// call was that day or before: other dates of it come first.
    pub reported: bool,
    /// Whether `day` is not the article's call day: the claim is another
    /// call's (set by `call_days`).
    pub other_day: bool,
    /// For a call date: whether its sentence says the pair met (`in_person`)
    /// and not that they called (`phone`): beside a phone call, it dates a
    /// meeting (see `reconcile::event`).
    pub met: bool,
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
    /// The call it leads with, whether or not it states a fact of it: the
    /// first two persons it names, sorted, when it says they talked.
    pub lead_call: Option<Vec<EntityId>>,
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
        let main = crate::tally(self.langs.iter().copied()).into_iter().max_by_key(|&(l, n)| (n, usize::MAX - l));
        let l = main.map_or(0, |(l, _)| l);
        self.rules.get(l).and_then(Option::as_ref).unwrap_or_else(|| crate::rules::pack(l))
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
    let pack = crate::rules::pack;
    let texts: Vec<Tokenized> = preps.iter().zip(langs).map(|(p, &l)| Tokenized::new(p, pack(l))).collect();
    let found = people::sightings_in(&texts, langs);
    let more = (0..crate::rules::pack_count())
        .map(|l| {
            if found.is_empty() || !langs.contains(&l) {
                return None;
            }
            let r = pack(l);
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
        self.more.get(l).and_then(Option::as_ref).unwrap_or_else(|| crate::rules::pack(l))
    }
}

/// The ids of the entities the articles name by name, sorted: whom an
/// office ([`crate::rules::EntityDef::roles`]) can stand for. And the
/// offices the articles give to another person by apposition ("le
/// président américain, Joe Biden", [`sentence::apposed_offices`]), as
/// (the pack's holder, that person) in turn: when no article gives the
/// office to its holder, it names that person throughout the set.
struct Named<'r>(Vec<&'r str>, Vec<&'r str>);

impl Named<'_> {
    /// Whether entity `k` of `r` is named.
    fn holds(&self, r: &Rules, k: usize) -> bool {
        self.0.binary_search_by(|id| (*id).cmp(r.entities[k].id.as_str())).is_ok()
    }
    /// Keeps the mentions by office of `mentions` for the named entities
    /// ([`sentence::keep_named_roles`]), an office given to another
    /// person naming that person.
    fn keep(&self, r: &Rules, mentions: &mut Vec<sentence::EntMention>) {
        let pairs = || self.1.chunks_exact(2);
        for k in mentions.iter_mut().filter(|m| m.role).flat_map(|m| m.ids.iter_mut()) {
            let h = r.entities[*k].id.as_str();
            let other = pairs().find(|c| c[0] == h && c[1] != h).filter(|_| !pairs().any(|c| c == [h, h]));
            *k = other.and_then(|c| r.entity_at(c[1])).unwrap_or(*k);
        }
        sentence::keep_named_roles(mentions, |k| self.holds(r, k));
    }
}

/// Every article's sentences with their mentions (`counts`: the articles
/// whose names count), the mentions by office kept for the entities some
/// article names by name; and those entities. Each article is then read by
/// [`analyse`], one at a time.
fn mentioned<'a, 'r>(
    texts: Vec<Tokenized<'a>>,
    readers: &'r Readers,
    counts: impl Fn(usize) -> bool,
) -> (Vec<Mentioned<'a>>, Named<'r>) {
    let mut out: Vec<Mentioned> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let r = readers.rules(i);
            let sents = t.sents.into_iter().map(|(a, b, toks)| {
                let m = sentence::find_mentions(&toks, r);
                (a, b, toks, m)
            });
            Mentioned { prep: t.prep, sents: sents.collect() }
        })
        .collect();
    // By id: each pack numbers its entities.
    let mut named: Vec<&str> = Vec::new();
    let mut given: Vec<&str> = Vec::new();
    for (i, article) in out.iter_mut().enumerate().filter(|&(i, _)| counts(i)) {
        let r = readers.rules(i);
        for s in &mut article.sents {
            sentence::apposed_offices(&s.2, &mut s.3, r, &mut given);
        }
        let by_name =
            article.sents.iter().flat_map(|s| &s.3).filter(|m| m.form == sentence::MentionForm::Name && !m.role);
        for m in by_name {
            named.extend(m.ids.iter().map(|&k| r.entities[k].id.as_str()));
        }
    }
    crate::sort_by(&mut named, |a, b| a.cmp(b));
    named.dedup();
    let named = Named(named, given);
    for (i, article) in out.iter_mut().enumerate() {
        let r = readers.rules(i);
        for s in &mut article.sents {
            named.keep(r, &mut s.3);
        }
    }
    (out, named)
}

/// An article cut into sentences, tokens and mentions.
struct Mentioned<'a> {
    prep: &'a Prepared<'a>,
    sents: Vec<(usize, usize, Vec<crate::text::Token<'a>>, Vec<sentence::EntMention>)>,
}

/// Annotates one article: its sentences, references, attributions, the
/// article's date.
fn analyse<'a>(m: Mentioned<'a>, article: &Article, rules: &Rules) -> Analysed<'a> {
    let prep = m.prep;
    let sents = m
        .sents
        .into_iter()
        .map(|(a, b, toks, mentions)| Sent::with_mentions(&prep.norm, toks, mentions, a, b, rules))
        .collect();
    analyse_sents(prep, sents, article, rules)
}

/// Reads one article's annotated sentences: references, attributions, the
/// article's date.
fn analyse_sents<'a>(
    prep: &'a Prepared<'a>,
    mut sents: Vec<Sent<'a>>,
    article: &Article,
    rules: &Rules,
) -> Analysed<'a> {
    for i in 0..sents.len() {
        refs::resolve(&mut sents, i, rules);
        refs::attribute(&mut sents[i], rules);
    }
    // The article's date: its `published` field, else a metadata line's
    // date, else its address's ("…/2022/02/11/…"), else a dateline's
    // ("WASHINGTON, 12 février 2025 (AFP) – …" at the start of a line among
    // the first sentences).
    let blank = |b: u8| b == b' ' || b == b'\t';
    let article_date = article
        .published
        .as_deref()
        .and_then(dates::parse_iso)
        .or_else(|| prep.metadata_date.as_deref().and_then(|m| dates::parse_loose(m, rules)))
        .or_else(|| article.url.as_deref().and_then(dates::from_url))
        .or_else(|| {
            sents
                .iter()
                .take(DATELINE_SENTENCES)
                .filter(|s| {
                    prep.norm.as_bytes()[..s.start].iter().rev().find(|&&b| !blank(b)).is_none_or(|&b| b == b'\n')
                })
                .find_map(|s| {
                    // A date line is a line of its own.
                    let alone = prep.norm.as_bytes()[s.end..].iter().find(|&&b| !blank(b)).is_none_or(|&b| b == b'\n');
                    dates::dateline(s, rules).or_else(|| alone.then(|| dates::date_line(s, rules)).flatten())
                })
        });
    Analysed { prep, sents, article_date }
}

/// Tokens before a date in the clause after a call cue, at most.
const DATE_OPENS_CLAUSE: usize = 3;

/// How far after a speech verb a date still dates the saying ("said on
/// social media today", 4 tokens): see `claims::of_report`.
const REPORT_REACH: usize = 4;

/// How far before a date another event's noun still governs it ("her
/// visit of two days to Berlin on 3 May", 7 tokens): see
/// `claims::of_other_event`.
const OTHER_EVENT_REACH: usize = 8;

/// How far before a release cue a `no_release` phrase (a verb asking for
/// it, a text) may start, in tokens ("pressing for the swift release").
const NO_RELEASE_REACH: usize = 4;

/// A dateline opens one of the article's first sentences (after a title,
/// a kicker, a byline).
const DATELINE_SENTENCES: usize = 4;

/// Extracts every article.
pub fn extract_all(articles: &[Article]) -> Extraction {
    let packs = crate::rules::languages();
    let (langs, unread): (Vec<usize>, Vec<Option<String>>) = articles.iter().map(|a| lang::reading(a, packs)).unzip();
    let preps: Vec<Prepared> =
        articles.iter().zip(&langs).map(|(a, &l)| Prepared::new(&a.text, crate::rules::pack(l))).collect();
    let (texts, more) = first_reading(&preps, &langs);
    let readers = Readers { langs, more };
    let credits: Vec<Option<wire::Matcher>> = (0..packs.len())
        .map(|l| readers.langs.iter().position(|&x| x == l).map(|i| wire::Matcher::new(&readers.rules(i).wire)))
        .collect();
    let (texts, named) = mentioned(texts, &readers, |i| unread[i].is_none());
    let sources = articles
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (a, t))| {
            let credits = credits[readers.langs[i]].as_ref().expect("made for every pack that reads");
            let r = readers.rules(i);
            let mut s = extract_one(a, analyse(t, a, r), r, &named, credits);
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
    let mut out: String = crate::join(&t.split_whitespace().collect::<Vec<_>>(), " ");
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
    /// Whom the articles name: an office in the given title stands for
    /// them only, as in the texts ([`mentioned`]).
    named: &'a Named<'r>,
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
        self.out.push(Found {
            kind,
            subject,
            claim,
            derived,
            pos: va,
            day: None,
            earlier: false,
            reported: false,
            other_day: false,
            met: false,
        });
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
        let mut here = persons_in(s, self.r, c0, c1);
        // A clause that opens with a relative ("…, qui se sont entretenus
        // pendant …", "…, who spoke for …") is about its antecedent: the
        // persons of the clause before come first.
        let opener = s.toks[c0..c1].iter().find(|x| x.kind == TokKind::Word);
        if c0 > 0 && opener.is_some_and(|x| Grammar::has(&self.r.grammar.relatives, x.lower)) {
            let (a0, a1) = s.clause_of(c0 - 1);
            let mut before = persons_in(s, self.r, a0, a1);
            for p in here {
                crate::push_new(&mut before, p);
            }
            here = before;
        }
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
        // A sentence that names a party of its own whom no sentence before
        // pairs with anybody is about another call or meeting (a headline
        // « Ortiz va rencontrer Zelensky » after a report on two others'
        // call): the pair before would drop the person it names. An aide it
        // names is no party.
        if ps.len() < 2 && ps.iter().any(|&p| !self.r.entities[p].is_aide()) {
            ps = back(&ps)?;
        }
        if ps.len() < 2 {
            ps = back(&[])?;
        }
        // A spokesperson or aide who reports a call is not one of its
        // parties when two others are named (« Sa porte-parole a déclaré
        // que l'appel entre Trump et le président ukrainien… »), or the
        // others and whom the sentences before pair them with ("Zelensky's
        // spokesman said the two had talked for an hour"); a leader who
        // speaks of a call may be one.
        {
            let s = self.sent(si);
            let aide = |i: usize| self.r.entities[i].is_aide();
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
                } else if let Some(pair) = back(&rest) {
                    ps = pair;
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
        let pair = (*self.title_pair.get_or_init(|| title_pair(self.an, self.title, self.r, self.named)))?;
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
fn title_pair(an: &Analysed, given: Option<&str>, r: &Rules, named: &Named) -> Option<[usize; 2]> {
    let pair = |ps: Vec<usize>| (ps.len() >= 2).then(|| [ps[0], ps[1]]);
    if let Some(t) = given.map(str::trim).filter(|t| !t.is_empty()) {
        let prep = Prepared::new(t, r);
        let lower = &prep.lower;
        return prep
            .sentences(r)
            .iter()
            .map(|x| {
                let mut s = Sent::new(&prep.norm, lower, x.start, x.end, r);
                named.keep(r, &mut s.mentions);
                s
            })
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

fn extract_one(article: &Article, an: Analysed, r: &Rules, named: &Named, credits: &wire::Matcher) -> SourceExtract {
    let mut cx = Ctx {
        r,
        named,
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
    let (phone_votes, lead_call) = call_sentences(&an, r);
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
        lead_call,
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
                    // (`fill`, not `str::replace`: no substring searcher in
                    // the module for one template.)
                    Some(p) => crate::rules::labels::fill(&def.label, &[("place", &r.entities[p].name)]),
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
