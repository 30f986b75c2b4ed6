//! The compile step: a pack's definitions turned into patterns and the
//! indexes the matchers read (start words, aliases, entities).

use super::*;
use crate::error::Quoted;

#[derive(Debug, Default)]
pub(super) struct Compiled {
    pub(super) classes: Vec<(String, Vec<Vec<Alt>>)>,
    pub(super) class_index: WordMap<usize>,
    /// Per lexicon class, its phrases by first word, and those whose
    /// first token is a prefix: a class is matched at a token by a lookup.
    pub(super) class_starts: Vec<(WordMap<Vec<usize>>, Vec<usize>)>,
    pub(super) patterns: Vec<Pattern>,
    pub(super) rules: Vec<Vec<usize>>,
    pub(super) topics: Vec<Vec<usize>>,
    pub(super) positions: Vec<Vec<usize>>,
    pub(super) markers: Vec<usize>,
    pub(super) starts: StartIndex,
    pub(super) alias_index: WordMap<Vec<AliasEntry>>,
    pub(super) entity_index: WordMap<usize>,
    /// Speech verbs by first token: `(tokens, their number)` (the value
    /// type of `titles`: one map type in the module).
    pub(super) verbs: WordMap<Vec<(Vec<String>, usize)>>,
    /// Plural references: `(tokens, 1 for one that names two leaders)`.
    pub(super) plural_refs: Vec<(Vec<String>, usize)>,
    /// Titles by first token: `(tokens, 1 for a leader's)` (the value
    /// type of `country_phrases`: one map type in the module).
    pub(super) titles: WordMap<Vec<(Vec<String>, usize)>>,
    /// Demonyms and "of" phrases by first token: `(tokens, country)`.
    pub(super) country_phrases: WordMap<Vec<(Vec<String>, usize)>>,
}

/// Which patterns can start at a token: looked up once per token, so that
/// matching costs nothing for the many patterns that cannot start there.
#[derive(Debug, Default, PartialEq)]
pub struct StartIndex {
    /// Exact first tokens → pattern ids.
    pub words: HashMap<String, Vec<usize>, Fnv>,
    /// First-token prefixes → pattern ids.
    pub prefixes: Vec<(String, usize)>,
    /// Patterns that start with a slot.
    pub slots: Vec<(Slot, usize)>,
    /// Patterns that may start anywhere (an optional first element).
    pub anywhere: Vec<usize>,
}

impl StartIndex {
    pub(super) fn add_alt(&mut self, alt: &Alt, pid: usize) {
        match alt {
            Alt::Word(w) => {
                let v = self.words.entry(w.clone()).or_default();
                if !v.contains(&pid) {
                    v.push(pid);
                }
            }
            Alt::Prefix(p) => self.prefixes.push((p.clone(), pid)),
        }
    }
}

/// An alias phrase, indexed by its first token.
#[derive(Debug, Clone, PartialEq)]
pub struct AliasEntry {
    /// The tokens of the phrase.
    pub tokens: Vec<String>,
    /// The entities it names (indices into `entities`).
    pub entities: Vec<usize>,
    /// Whether the phrase is plural.
    pub plural: bool,
    /// Whether the phrase counts only when capitalised in the text (a
    /// found person's surname, which may also be a common word).
    pub cased: bool,
    /// Whether the phrase names its entity by an office
    /// ([`EntityDef::roles`]).
    pub role: bool,
}

/// The aliases of the entities and groups by first token, and the
/// entities by id: built when the rules are compiled and again when they
/// are loaded in binary form (the indexes are larger than what they are
/// built from).
pub(super) fn index_entities(
    entities: &[EntityDef],
    groups: &[GroupDef],
) -> Result<(WordMap<Vec<AliasEntry>>, WordMap<usize>), String> {
    let mut aliases: WordMap<Vec<AliasEntry>> = WordMap::default();
    let mut ids: WordMap<usize> = WordMap::default();
    for (i, e) in entities.iter().enumerate() {
        if ids.insert(e.id.clone(), i).is_some() {
            return Err(format!("entity id {} appears twice", Quoted(&e.id)));
        }
        let named = e.aliases.iter().map(|a| (a, false));
        for (a, role) in named.chain(e.roles.iter().map(|a| (a, true))) {
            let toks = phrase_tokens(a);
            let Some(first) = toks.first().cloned() else {
                return Err(format!("entity {} has an empty alias", Quoted(&e.id)));
            };
            let plural = e.plural.iter().any(|p| p == a);
            aliases.entry(first).or_default().push(AliasEntry {
                tokens: toks,
                entities: vec![i],
                plural,
                cased: false,
                role,
            });
        }
    }
    for g in groups {
        let toks = phrase_tokens(&g.text);
        let members = g
            .ids
            .iter()
            .map(|id| {
                ids.get(id).copied().ok_or_else(|| format!("group {}: unknown entity {}", Quoted(&g.text), Quoted(&id)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let first = toks.first().cloned().ok_or("empty group phrase")?;
        aliases.entry(first).or_default().push(AliasEntry {
            tokens: toks,
            entities: members,
            plural: true,
            cased: false,
            role: false,
        });
    }
    sort_buckets(&mut aliases);
    Ok((aliases, ids))
}

/// Each first token's aliases sorted by their tokens, stably (equal
/// aliases keep their order): a text position finds its aliases by binary
/// search ([`Rules::aliases_at`]), so that many aliases sharing a first
/// word ("Quispe …") cost no scan each.
pub(super) fn sort_buckets(aliases: &mut WordMap<Vec<AliasEntry>>) {
    for v in aliases.values_mut() {
        crate::sort_by(v, |a, b| a.tokens.cmp(&b.tokens));
    }
}

/// Splits a phrase into the tokens the tokenizer would make.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    // "d' une" and "d'une" are the same two tokens. (By hand: a
    // `str::replace` of a string links core's substring searcher into the
    // module; docs/architecture.md.)
    let mut norm = String::with_capacity(phrase.len());
    let mut after_apostrophe = false;
    for c in phrase.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if after_apostrophe && c == ' ' {
            after_apostrophe = false;
            continue;
        }
        norm.push(c);
        after_apostrophe = c == '\'';
    }
    let lower = crate::token::lowercase_aligned(&norm);
    crate::token::tokenize(&norm, &lower, 0, norm.len()).into_iter().map(|t| t.lower.to_string()).collect()
}

impl Core {
    pub(super) fn compile(&mut self) -> Result<(), String> {
        self.boilerplate.lowercase();
        self.wire.check()?;
        // A listed person is a leader when one of its roles holds a
        // leader's title (« le président russe »), else, if it has roles
        // (« le chef de la diplomatie française »), an aide.
        let leader_titles: Vec<Vec<String>> =
            self.people.leader_titles.iter().chain(&self.people.leader_words).map(|t| phrase_tokens(t)).collect();
        for e in self.entities.iter_mut().filter(|e| e.kind == EntityKind::Person) {
            e.leader = e.roles.iter().any(|r| {
                let toks = phrase_tokens(r);
                leader_titles.iter().any(|t| !t.is_empty() && toks.windows(t.len()).any(|w| w == t.as_slice()))
            });
        }
        let mut c = Compiled::default();
        for (name, phrases) in &self.lexicon {
            let alts = phrases
                .iter()
                .map(|p| {
                    phrase_tokens(p)
                        .into_iter()
                        .map(|t| match t.strip_suffix('*') {
                            Some(pre) => Alt::Prefix(pre.to_string()),
                            None => Alt::Word(t),
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>();
            if alts.iter().any(Vec::is_empty) {
                return Err(format!("lexicon class {} has an empty phrase", Quoted(&name)));
            }
            c.class_index.insert(name.clone(), c.classes.len());
            c.classes.push((name.clone(), alts));
        }
        let compile_all = |ps: &[String], c: &mut Compiled, ctx: &str| -> Result<Vec<usize>, String> {
            let mut ids = Vec::new();
            for p in ps {
                let pat = compile_pattern(p, c).map_err(|e| format!("{ctx}: pattern {}: {e}", Quoted(&p)))?;
                ids.push(c.add_pattern(pat));
            }
            Ok(ids)
        };
        let mut seen = std::collections::HashSet::new();
        for r in &self.claim_rules {
            if !seen.insert(r.id.clone()) {
                return Err(format!("rule id {} appears twice", Quoted(&r.id)));
            }
            if r.examples.is_empty() {
                return Err(format!("rule {} has no example", Quoted(&r.id)));
            }
            let pats = compile_all(&r.patterns, &mut c, &format!("rule {}", Quoted(&r.id)))?;
            if matches!(r.kind, RuleKind::CallDuration | RuleKind::NotCallDuration) {
                if let Some(k) = pats.iter().position(|&p| !c.patterns[p].contains(&Elem::Slot(Slot::Duration))) {
                    return Err(format!("rule {}: pattern {} has no @duration", Quoted(&r.id), Quoted(&r.patterns[k])));
                }
            }
            c.rules.push(pats);
        }
        for t in &self.topics {
            let pats = compile_all(&t.patterns, &mut c, &format!("topic {}", Quoted(&t.id)))?;
            c.topics.push(pats);
        }
        for p in &self.positions {
            if let Some(t) = p.topics.iter().find(|t| !self.topics.iter().any(|x| x.id == **t)) {
                return Err(format!("position {:?}: topic {} is not a [[topic]] of the pack", p.id, Quoted(&t)));
            }
            let pats = compile_all(&p.patterns, &mut c, &format!("position {:?}", p.id))?;
            c.positions.push(pats);
        }
        for m in &self.markers {
            let pat = compile_pattern(&m.pattern, &c).map_err(|e| format!("marker {}: {e}", Quoted(&m.pattern)))?;
            let id = c.add_pattern(pat);
            c.markers.push(id);
        }
        for e in &self.entities {
            if e.id.is_empty() || !e.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(format!("entity id {} is not lowercase ASCII with underscores", Quoted(&e.id)));
            }
        }
        (c.alias_index, c.entity_index) = index_entities(&self.entities, &self.groups)?;
        for e in &self.entities {
            if let Some(m) = &e.member_of {
                if !c.entity_index.contains_key(m) {
                    return Err(format!("entity {}: member_of {} is not a known entity", Quoted(&e.id), Quoted(&m)));
                }
            }
            if let Some(p) = &e.era_of {
                let person = c.entity_index.get(p).is_some_and(|&k| self.entities[k].kind == EntityKind::Person);
                if !person {
                    return Err(format!("entity {}: era_of {} is not a known person", Quoted(&e.id), Quoted(&p)));
                }
            }
        }
        for (class, holder) in &self.release.held_by_nationality {
            if !c.class_index.contains_key(class) || !c.entity_index.contains_key(holder) {
                return Err(format!(
                    "release.held_by_nationality: unknown class {} or entity {}",
                    Quoted(&class),
                    Quoted(&holder)
                ));
            }
        }
        c.index_words(&self.attribution, &self.references, &self.people)?;
        for country in &self.countries {
            if country.id.is_empty() || !country.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(format!("country id {} is not lowercase ASCII with underscores", Quoted(&country.id)));
            }
        }
        c.country_phrases = self.country_index()?;
        for e in self.entities.iter().filter(|e| e.leader) {
            for w in e.roles.iter().flat_map(|x| phrase_tokens(x)) {
                if let Some((_, k)) = c.country_phrases.get(&w).and_then(|v| v.iter().find(|(p, _)| p.len() == 1)) {
                    crate::collect::push_new(&mut self.people.leader_countries, *k);
                }
            }
        }
        if self.dates.weekdays.len() != 7 || self.dates.months.len() != 12 {
            return Err("dates: expected 7 weekdays and 12 months".into());
        }
        c.index_starts()?;
        self.compiled = c;
        Ok(())
    }
}

impl Compiled {
    pub(super) fn add_pattern(&mut self, pat: Pattern) -> usize {
        self.patterns.push(pat);
        self.patterns.len() - 1
    }

    /// The word indexes of speech verbs, plural references, titles and
    /// lexicon classes: built when the rules are compiled and again when
    /// they are loaded in binary form (from the lists they index).
    pub(super) fn index_words(
        &mut self,
        attribution: &Attribution,
        references: &References,
        people: &People,
    ) -> Result<(), String> {
        self.verbs = WordMap::default();
        for v in &attribution.verbs {
            let toks = phrase_tokens(v);
            let first = toks.first().cloned().ok_or("attribution: empty verb")?;
            let n = toks.len();
            self.verbs.entry(first).or_default().push((toks, n));
        }
        self.plural_refs = [(&references.plural, 0), (&references.plural_leaders, 1)]
            .into_iter()
            .flat_map(|(list, leaders)| list.iter().map(move |v| (phrase_tokens(v), leaders)))
            .collect();
        self.titles = WordMap::default();
        for (list, leader) in [(&people.leader_titles, true), (&people.titles, false)] {
            for t in list {
                let toks = phrase_tokens(t);
                let first = toks.first().cloned().ok_or("people: empty title")?;
                self.titles.entry(first).or_default().push((toks, usize::from(leader)));
            }
        }
        for t in self.titles.values_mut() {
            crate::sort_by(t, |a, b| b.0.len().cmp(&a.0.len()));
        }
        self.class_index = self.classes.iter().enumerate().map(|(i, (name, _))| (name.clone(), i)).collect();
        self.class_starts = self
            .classes
            .iter()
            .map(|(_, phrases)| {
                let (mut words, mut prefixed) = (WordMap::<Vec<usize>>::default(), Vec::new());
                for (k, phrase) in phrases.iter().enumerate() {
                    match phrase.first() {
                        Some(Alt::Word(w)) => words.entry(w.clone()).or_default().push(k),
                        Some(Alt::Prefix(_)) => prefixed.push(k),
                        None => {}
                    }
                }
                (words, prefixed)
            })
            .collect();
        Ok(())
    }

    /// Which patterns may start at which token: built from the patterns
    /// when they are compiled and again when they are loaded in binary form
    /// (the index is larger than what it is built from).
    pub(super) fn index_starts(&mut self) -> Result<(), String> {
        let mut starts = StartIndex::default();
        for (id, pat) in self.patterns.iter().enumerate() {
            match pat.first().ok_or("an empty pattern")? {
                Elem::Lit(alts) => alts.iter().for_each(|a| starts.add_alt(a, id)),
                Elem::Class(c) => {
                    for p in &self.classes.get(*c).ok_or("a pattern names no known class")?.1 {
                        starts.add_alt(p.first().ok_or("an empty class phrase")?, id);
                    }
                }
                Elem::Slot(slot) => starts.slots.push((*slot, id)),
                Elem::Opt(_) | Elem::Gap(_) => starts.anywhere.push(id),
            }
        }
        self.starts = starts;
        Ok(())
    }
}

pub(super) fn parse_alts(s: &str) -> Result<Vec<Alt>, String> {
    s.split('|')
        .map(|a| {
            if a.is_empty() {
                return Err("empty alternative".to_string());
            }
            let norm = a.replace('\u{2019}', "'");
            // An alternative is matched against one token: one that the
            // tokenizer cuts in several ("pre-2014", "@place") never would.
            // (An elided word, "d'", and a clitic, "'s", are one token
            // beside the word they join, not alone.)
            let n = phrase_tokens(norm.trim_end_matches('*')).len();
            if n != 1 && !norm.ends_with('\'') && !norm.starts_with('\'') {
                return Err(format!(
                    "alternative {} is {n} tokens, and an alternative matches one: \
                     write it as a pattern of its own or a lexicon phrase",
                    Quoted(a)
                ));
            }
            Ok(match norm.strip_suffix('*') {
                Some(p) => Alt::Prefix(crate::case::to_lowercase(p)),
                None => Alt::Word(crate::case::to_lowercase(&norm)),
            })
        })
        .collect()
}

/// Compiles one pattern string.
pub(super) fn compile_pattern(p: &str, c: &Compiled) -> Result<Pattern, String> {
    let mut out = Vec::new();
    for el in p.split_whitespace() {
        let e = if let Some(n) = el.strip_prefix("..") {
            Elem::Gap(n.parse().map_err(|_| format!("gap {} needs a number, like ..3", Quoted(&el)))?)
        } else if let Some(name) = el.strip_prefix('@') {
            match named(SLOTS, name) {
                Some(slot) => Elem::Slot(slot),
                None => Elem::Class(*c.class_index.get(name).ok_or_else(|| format!("unknown lexicon class @{name}"))?),
            }
        } else if let Some(inner) = el.strip_prefix('[') {
            let inner = inner.strip_suffix(']').ok_or_else(|| format!("{}: missing ]", Quoted(&el)))?;
            Elem::Opt(parse_alts(inner)?)
        } else {
            Elem::Lit(parse_alts(el)?)
        };
        out.push(e);
    }
    if out.is_empty() {
        return Err("empty pattern".into());
    }
    if matches!(out.first(), Some(Elem::Gap(_))) || matches!(out.last(), Some(Elem::Gap(_))) {
        return Err("a pattern cannot start or end with a gap".into());
    }
    Ok(out)
}
