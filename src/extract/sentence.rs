//! One sentence, annotated: tokens, entity mentions (names, pronouns,
//! groups), durations, and who is speaking where (attributions).

use super::duration::{find_durations_in, DurationMatch};
use crate::rules::{EntityKind, Grammar, Rules, Slot};
use crate::text::{tokenize, TokKind, Token};

/// How a mention names its entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// A name or description ("Donald Trump", "le président russe").
    Name,
    /// A third-person pronoun ("il", "lui"), resolved later.
    Pronoun,
    /// A plural reference ("ils", "les deux dirigeants"), resolved later.
    Plural,
    /// First person inside a quote ("je", "nous"), resolved to the speaker.
    FirstPerson,
}

/// A mention of one or more entities.
#[derive(Debug, Clone)]
pub struct EntMention {
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// Entity indices into `Rules::entities` (several for places that are
    /// also governments, like "Moscou"; filled in by resolution for
    /// pronouns).
    pub ids: Vec<usize>,
    /// How it names them.
    pub form: MentionForm,
    /// Whether the phrase is plural.
    pub plural: bool,
    /// Whether a preposition comes right before it (then it is no subject).
    pub after_prep: bool,
    /// Whether it stands inside a quotation.
    pub quoted: bool,
    /// Whether it names its entities by an office only
    /// ([`crate::rules::EntityDef::roles`]): kept by [`keep_named_roles`]
    /// for the entities the article also names. For a plural reference,
    /// that it names a pair of leaders ("the two presidents"): no one
    /// the text calls a minister or an aide.
    pub role: bool,
}

impl EntMention {
    /// The first non-place entity: the actor reading of the mention.
    pub fn actor(&self, rules: &Rules) -> Option<usize> {
        self.ids.iter().copied().find(|&i| rules.entities[i].kind != EntityKind::Place)
    }
    /// Whether the mention can be an actor.
    pub fn is_actor(&self, rules: &Rules) -> bool {
        self.actor(rules).is_some()
    }
    /// The place reading of the mention.
    pub fn place(&self, rules: &Rules) -> Option<usize> {
        self.ids.iter().copied().find(|&i| rules.entities[i].kind == EntityKind::Place)
    }
    /// The persons it names.
    pub fn persons<'r>(&'r self, rules: &'r Rules) -> impl Iterator<Item = usize> + 'r {
        self.ids.iter().copied().filter(move |&i| rules.entities[i].kind == EntityKind::Person)
    }
}

/// A duration phrase aligned to tokens.
#[derive(Debug, Clone)]
pub struct DurMention {
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// Normalised byte range.
    pub start: usize,
    /// Normalised byte end.
    pub end: usize,
    /// The parsed duration.
    pub m: DurationMatch,
}

/// Who speaks over which tokens.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// Index of the speaker's mention in `Sent::mentions`.
    pub speaker: usize,
    /// First token covered.
    pub t0: usize,
    /// One past the last token covered.
    pub t1: usize,
    /// Token of the verb or preposition.
    pub at: usize,
}

/// An annotated sentence; its tokens borrow the article's lowercased text.
#[derive(Debug, Clone)]
pub struct Sent<'a> {
    /// Normalised byte range.
    pub start: usize,
    /// Normalised byte end.
    pub end: usize,
    /// Tokens.
    pub toks: Vec<Token<'a>>,
    /// Entity mentions, by position.
    pub mentions: Vec<EntMention>,
    /// Durations, by position.
    pub durations: Vec<DurMention>,
    /// Attributions (filled by `attribute`).
    pub attributions: Vec<Attribution>,
    /// Where patterns may start: `(pattern id, token)`, sorted.
    pub cands: Vec<(u32, u32)>,
    /// The pattern ids in `cands`, as a bit set: most patterns have no
    /// candidate in a given sentence, and this answers that without a
    /// search ([`Sent::may_match`]).
    pub cand_ids: Vec<u64>,
}

impl<'a> Sent<'a> {
    /// Tokenizes and annotates the sentence `[start, end)` of `norm`;
    /// `lower` is `norm` lowercased ([`crate::text::lowercase_aligned`]).
    pub fn new(norm: &str, lower: &'a str, start: usize, end: usize, rules: &Rules) -> Sent<'a> {
        Sent::with_tokens(norm, tokenize(norm, lower, start, end), start, end, rules)
    }

    /// Annotates the sentence `[start, end)` of `norm`, already tokenized.
    pub fn with_tokens(norm: &str, toks: Vec<Token<'a>>, start: usize, end: usize, rules: &Rules) -> Sent<'a> {
        let mentions = find_mentions(&toks, rules);
        Sent::with_mentions(norm, toks, mentions, start, end, rules)
    }

    /// Annotates the sentence `[start, end)` of `norm`, already tokenized,
    /// with its mentions already found ([`find_mentions`]).
    pub fn with_mentions(
        norm: &str,
        toks: Vec<Token<'a>>,
        mentions: Vec<EntMention>,
        start: usize,
        end: usize,
        rules: &Rules,
    ) -> Sent<'a> {
        let durations = align_durations(norm, start, end, &toks, rules);
        let mut s = Sent {
            start,
            end,
            toks,
            mentions,
            durations,
            attributions: Vec::new(),
            cands: Vec::new(),
            cand_ids: Vec::new(),
        };
        s.cands = candidates(rules, &s);
        if let Some(&(last, _)) = s.cands.last() {
            s.cand_ids = vec![0; last as usize / 64 + 1];
            for &(p, _) in &s.cands {
                s.cand_ids[p as usize / 64] |= 1 << (p % 64);
            }
        }
        s
    }

    /// Whether pattern `pid` may match somewhere in the sentence (it has a
    /// candidate start).
    pub fn may_match(&self, pid: usize) -> bool {
        self.cand_ids.get(pid / 64).is_some_and(|w| w & (1 << (pid % 64)) != 0)
    }

    /// Whether the sentence asks ("Combien de temps a duré l'appel ?"): it
    /// states nothing, whatever its words.
    pub fn is_question(&self) -> bool {
        self.toks.iter().rev().find(|t| t.kind != TokKind::Quote).is_some_and(|t| t.lower == "?")
    }

    /// The token index at or after normalised byte `b`.
    pub fn tok_at(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    /// Mentions whose first token lies in `[t0, t1)`.
    pub fn mentions_in(&self, t0: usize, t1: usize) -> impl Iterator<Item = (usize, &EntMention)> {
        // Mentions are sorted by start: a binary search finds the range.
        let a = self.mentions.partition_point(|m| m.t0 < t0);
        let b = self.mentions.partition_point(|m| m.t0 < t1).max(a);
        self.mentions[a..b].iter().enumerate().map(move |(k, m)| (a + k, m))
    }

    /// The token range of the clause holding token `t`.
    pub fn clause_of(&self, t: usize) -> (usize, usize) {
        if self.toks.is_empty() {
            return (0, 0);
        }
        // Tokens of one clause are contiguous: walk out from `t`.
        let t = t.min(self.toks.len() - 1);
        let c = self.toks[t].clause;
        let mut a = t;
        while a > 0 && self.toks[a - 1].clause == c {
            a -= 1;
        }
        let mut b = t + 1;
        while b < self.toks.len() && self.toks[b].clause == c {
            b += 1;
        }
        (a, b)
    }

    /// Innermost attribution covering token `t`.
    pub fn speaker_at(&self, t: usize) -> Option<&Attribution> {
        self.attributions.iter().filter(|a| a.t0 <= t && t < a.t1).min_by_key(|a| a.t1 - a.t0)
    }
}

/// Keeps a mention by office ("the US president") only for the entities
/// `named` (those the articles name by name): the office's holder is
/// whoever the articles name, not whom the pack lists. A mention left with
/// nobody is dropped.
pub fn keep_named_roles(mentions: &mut Vec<EntMention>, named: impl Fn(usize) -> bool) {
    mentions.retain_mut(|m| {
        if m.role {
            m.ids.retain(|&i| named(i));
        }
        !m.ids.is_empty() || m.form != MentionForm::Name
    });
}

/// How many distinct (holder, person) pairs [`apposed_offices`] keeps.
const MAX_OFFICES: usize = 8;

/// Offices apposed to a name in a sentence's mentions ("le président
/// américain, Joe Biden"): the office's mention gives way to the name's
/// (the pack's holder is not named there). Pushes to `given` the ids of
/// each holder and person in turn, the holder's own pairs too ("le
/// président américain Donald Trump"): see [`Named`](super::Named).
pub fn apposed_offices<'r>(toks: &[Token], mentions: &mut [EntMention], rules: &'r Rules, given: &mut Vec<&'r str>) {
    for j in 1..mentions.len() {
        let (m, n) = mentions.split_at_mut(j);
        let (m, n) = (&mut m[j - 1], &n[0]);
        if m.role
            && !n.role
            && n.form == MentionForm::Name
            && (n.t0 == m.t1 || n.t0 == m.t1 + 1 && toks[m.t1].lower == ",")
        {
            if let (Some(&h), Some(p)) = (m.ids.first(), n.actor(rules)) {
                if h != p {
                    m.ids.clear();
                }
                let (h, p) = (rules.entities[h].id.as_str(), rules.entities[p].id.as_str());
                // A few distinct pairs at most: a flood of appositions
                // stays linear.
                if given.len() < 2 * MAX_OFFICES && !given.chunks_exact(2).any(|c| c == [h, p]) {
                    given.push(h);
                    given.push(p);
                }
            }
        }
    }
}

/// Whether `tok` is one of the words between a preposition and a name
/// (`[references].titles`: « le », « président », "counterpart").
pub(crate) fn is_title_word(rules: &Rules, tok: &str) -> bool {
    rules.references.titles.iter().any(|w| w == tok)
}

/// Whether `tok` is one of the pack's prepositions.
pub(crate) fn is_prep(rules: &Rules, tok: &str) -> bool {
    rules.references.prepositions.iter().any(|p| p == tok)
}

/// The mentions of a sentence's tokens, in order.
pub fn find_mentions(toks: &[Token], rules: &Rules) -> Vec<EntMention> {
    let mut out = Vec::new();
    let mut i = 0;
    // A small loop, the work for each word out of line (see `tokenize`).
    while i < toks.len() {
        if toks[i].kind != TokKind::Word || !may_start_mention(&toks[i], rules) {
            debug_assert!(toks[i].kind != TokKind::Word || mention_at(toks, i, rules).is_none());
            i += 1;
            continue;
        }
        match mention_at(toks, i, rules) {
            Some(m) => {
                i = m.t1;
                out.push(m);
            }
            None => i += 1,
        }
    }
    // A name coordinated with one a preposition governs is governed too:
    // "entre Donald Trump et Vladimir Poutine" has no subject; so is one in
    // apposition to it (« avec son homologue russe, Vladimir Poutine, »).
    for k in 1..out.len() {
        let (prev, cur) = (&out[k - 1], &out[k]);
        let apposed = cur.ids == prev.ids && (prev.t1 == cur.t0 || prev.t1 + 1 == cur.t0 && toks[prev.t1].lower == ",");
        if prev.after_prep && !cur.after_prep && (apposed || coordinated(toks, rules, prev, cur)) {
            out[k].after_prep = true;
        }
    }
    out
}

/// Whether mention `b` is coordinated with the mention `a` right before
/// it ("Meloni and Merz", « Trump et Poutine »), title words between
/// ("Joe Biden and Chinese counterpart Xi Jinping").
#[inline(never)]
pub fn coordinated(toks: &[Token], rules: &Rules, a: &EntMention, b: &EntMention) -> bool {
    b.t0 > a.t1
        && b.t0 < a.t1 + 4
        && Grammar::has(&rules.grammar.coordinators, toks[a.t1].lower)
        && toks[a.t1 + 1..b.t0].iter().all(|t| t.capitalized || is_title_word(rules, t.lower))
}

/// Whether a mention may start at the word: an alias, a plural reference
/// or a pronoun starts with it, as [`mention_at`] reads them (debug builds
/// check that the two agree). Small and out of line, as most words start
/// nothing (see `text::tokenize` on hot loops).
#[inline(never)]
fn may_start_mention(t: &Token, rules: &Rules) -> bool {
    let refs = &rules.references;
    !rules.aliases_starting(t.lower).is_empty()
        || refs.singular.iter().any(|p| p == t.lower)
        || (t.quoted && refs.first_person.iter().any(|p| p == t.lower))
        || rules.plural_tokens().iter().any(|(p, _)| p.first().is_some_and(|w| w == t.lower))
}

/// The mention that starts at word `i`, if one does: the longest alias (or
/// group), a plural reference ("les deux dirigeants"), a pronoun.
/// Aliases of one first word scanned one by one, at most.
const BUCKET_SCAN: usize = 16;
/// The longest alias looked for in a large bucket, in words.
const MAX_ALIAS_WORDS: usize = 16;

#[inline(never)]
fn mention_at(toks: &[Token], i: usize, rules: &Rules) -> Option<EntMention> {
    let t = &toks[i];
    // Computed only for the tokens that start a mention.
    let after_prep = || {
        let mut j = i;
        while j > 0 && is_title_word(rules, toks[j - 1].lower) {
            j -= 1;
        }
        j > 0 && is_prep(rules, toks[j - 1].lower)
    };
    // Longest alias (or group) starting here.
    let mut best: Option<(usize, Vec<usize>, bool, bool)> = None;
    let bucket = rules.aliases_starting(t.lower);
    // A large bucket (many people sharing a first word) is searched, not
    // scanned: the same aliases, in the same order.
    let found: Vec<&crate::rules::AliasEntry>;
    let candidates: &mut dyn Iterator<Item = &crate::rules::AliasEntry> = if bucket.len() > BUCKET_SCAN {
        let words: Vec<&str> = toks[i..].iter().take(MAX_ALIAS_WORDS).map(|x| x.lower).collect();
        found = rules.aliases_at(&words);
        &mut found.iter().copied()
    } else {
        &mut bucket.iter()
    };
    for a in candidates {
        let n = a.tokens.len();
        if i + n <= toks.len()
            && (!a.cased || t.capitalized)
            && toks[i..i + n].iter().zip(&a.tokens).all(|(x, y)| x.lower == y)
        {
            // Single short tokens must be capitalized to count as names
            // ("Trump", not "trump" inside a slogan is fine either way).
            match &mut best {
                Some((bn, ids, _, role)) if *bn == n => {
                    for e in &a.entities {
                        if !ids.contains(e) {
                            ids.push(*e);
                        }
                    }
                    *role &= a.role;
                }
                Some((bn, _, _, _)) if *bn > n => {}
                _ => best = Some((n, a.entities.clone(), a.plural, a.role)),
            }
        }
    }
    // Plural references ("les deux dirigeants").
    // The longest, and whether it names two leaders ("the two presidents").
    let plural = rules
        .plural_tokens()
        .iter()
        .filter(|(p, _)| {
            i + p.len() <= toks.len() && toks[i..i + p.len()].iter().zip(p.iter()).all(|(x, y)| x.lower == y)
        })
        .map(|(p, leaders)| (p.len(), *leaders == 1))
        .max();
    let plural_len = plural.map(|(n, _)| n);
    if let Some((n, ids, plural, role)) = best {
        if plural_len.is_none_or(|p| n >= p) {
            return Some(EntMention {
                t0: i,
                t1: i + n,
                ids,
                form: MentionForm::Name,
                plural,
                after_prep: after_prep(),
                quoted: t.quoted,
                role,
            });
        }
    }
    if let Some((n, leaders)) = plural {
        return Some(EntMention {
            t0: i,
            t1: i + n,
            ids: vec![],
            form: MentionForm::Plural,
            plural: true,
            after_prep: after_prep(),
            quoted: t.quoted,
            role: leaders,
        });
    }
    let form = if rules.references.singular.iter().any(|p| p == t.lower) {
        (!impersonal(toks, i, rules)).then_some(MentionForm::Pronoun)
    } else if t.quoted && rules.references.first_person.iter().any(|p| p == t.lower) {
        Some(MentionForm::FirstPerson)
    } else {
        None
    };
    form.map(|form| EntMention {
        t0: i,
        t1: i + 1,
        ids: vec![],
        form,
        plural: false,
        after_prep: after_prep(),
        quoted: t.quoted,
        role: false,
    })
}

/// Whether the tokens from `i` on are an impersonal construction ("il s'
/// agit", "il y a", "il faut"), whose pronoun refers to nobody.
fn impersonal(toks: &[Token], i: usize, rules: &Rules) -> bool {
    let rest = toks.get(i..).unwrap_or_default();
    rules.references.impersonal.iter().any(|phrase| {
        let words = phrase.split_whitespace();
        words.clone().count() <= rest.len() && rest.iter().zip(words).all(|(t, w)| t.lower == w)
    })
}

fn align_durations(norm: &str, start: usize, end: usize, toks: &[Token], rules: &Rules) -> Vec<DurMention> {
    let grammar = super::duration::grammar(&rules.lang).expect("every pack has a duration grammar");
    find_durations_in(&norm[start..end], grammar)
        .into_iter()
        .filter_map(|m| {
            let (a, b) = (start + m.start, start + m.end);
            let t0 = toks.partition_point(|t| t.start < a);
            // A phrase may end inside a hyphenated word ("two-hour" in
            // "two-hour-long"): that word is the phrase's last token.
            let t1 = toks.partition_point(|t| t.start < b);
            (t0 < t1).then_some(DurMention { t0, t1, start: a, end: b, m })
        })
        .collect()
}

/// The `(pattern id, start token)` pairs where a pattern may start in the
/// sentence, sorted: one hash lookup per token instead of trying every
/// pattern everywhere.
pub fn candidates(rules: &Rules, s: &Sent) -> Vec<(u32, u32)> {
    let idx = rules.starts();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for (t, tok) in s.toks.iter().enumerate() {
        if tok.kind != TokKind::Quote {
            starts_at(idx, tok.lower, t as u32, &mut out);
        }
    }
    for &(slot, p) in &idx.slots {
        match slot {
            Slot::Duration => out.extend(s.durations.iter().map(|d| (p as u32, d.t0 as u32))),
            Slot::Actor | Slot::Place => out.extend(s.mentions.iter().map(|m| (p as u32, m.t0 as u32))),
        }
    }
    sort_candidates(&out)
}

/// `(pattern id, token)` pairs sorted and without repeats: a counting sort
/// by pattern id (the ids are small and dense), then each pattern's tokens
/// in order. They come in token order from each source above (the words,
/// then each slot), so a pattern's tokens are already in order unless it
/// starts both at a word and at a slot; only then are they sorted.
fn sort_candidates(v: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let Some(max) = v.iter().map(|&(p, _)| p as usize).max() else { return Vec::new() };
    let mut start = vec![0u32; max + 2];
    for &(p, _) in v {
        start[p as usize + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut out = vec![(0, 0); v.len()];
    let mut next = start[..=max].to_vec();
    for &x in v {
        let k = &mut next[x.0 as usize];
        out[*k as usize] = x;
        *k += 1;
    }
    for w in start.windows(2) {
        let bucket = &mut out[w[0] as usize..w[1] as usize];
        if bucket.windows(2).any(|x| x[0].1 > x[1].1) {
            crate::sort_by(bucket, |a, b| a.1.cmp(&b.1));
        }
    }
    out.dedup();
    out
}

/// The patterns that may start at token `t` (`lower`). Out of line: the
/// loop over a sentence's tokens stays small (see `text::tokenize`).
#[inline(never)]
fn starts_at(idx: &crate::rules::StartIndex, lower: &str, t: u32, out: &mut Vec<(u32, u32)>) {
    if let Some(ps) = idx.words.get(lower) {
        out.extend(ps.iter().map(|&p| (p as u32, t)));
    }
    let first = lower.as_bytes().first();
    for (pre, p) in &idx.prefixes {
        if pre.as_bytes().first() == first && lower.starts_with(pre.as_str()) {
            out.push((*p as u32, t));
        }
    }
    out.extend(idx.anywhere.iter().map(|&p| (p as u32, t)));
}
