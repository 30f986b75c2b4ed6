//! The extraction rules: a language pack (`data/lang/fr/*.toml`, embedded
//! with `include_str!`, read with serde: see [`pack`]), validated and
//! compiled once, then shared.
//!
//! A pack describes the *language*, not any article: boilerplate lines,
//! abbreviations, entities and their aliases, attribution verbs, cue
//! phrases, and the claim rules. Every claim rule carries its own examples
//! and counterexamples; `tests/rules.rs` runs them all.
//!
//! ## Pattern syntax
//! A pattern is a sequence of space-separated elements matched against the
//! tokens of one sentence (lowercased; quotation marks are transparent):
//!
//! | element      | matches                                                    |
//! |--------------|------------------------------------------------------------|
//! | `mot`        | the token `mot`                                            |
//! | `irréalis*`  | any token starting with `irréalis`                         |
//! | `a\|b\|c*`   | any one of the alternatives                                |
//! | `[a\|b]`     | optionally one of the alternatives                         |
//! | `@class`     | one phrase of the lexicon class `class` (`[lexicon]`)      |
//! | `@duration`  | a duration phrase (see `extract::duration`)                |
//! | `@actor`     | a mention of a known actor (person or institution)         |
//! | `@place`     | a mention of a known place                                 |
//! | `..N`        | between 0 and N tokens                                     |
//!
//! Elisions are separate tokens: write `d' une heure`, `l' otan`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::Stance;
use serde::{Deserialize, Deserializer};

pub mod labels;
pub mod pack;
pub use labels::Labels;
pub use pack::{load, Pack};

/// `once!([T; N][i], init)`: the `i`-th of `N` values of type `T`, made by
/// `init` on first use and kept for the program's life (`&'static T`).
///
/// Natively a `OnceLock` per value, shared by the CLI's `--batch` threads.
/// The wasm module has one thread: there the value is leaked once into a
/// thread-local cell, which spares the module the standard `Once` (its
/// poisoning and state machine, ~1.3 KB) without `unsafe`.
macro_rules! once {
    ([$t:ty; $n:expr][$i:expr], $init:expr) => {{
        let i: usize = $i;
        #[cfg(not(target_arch = "wasm32"))]
        {
            static CELLS: [std::sync::OnceLock<$t>; $n] = [const { std::sync::OnceLock::new() }; $n];
            CELLS[i].get_or_init(|| $init)
        }
        #[cfg(target_arch = "wasm32")]
        {
            type Slot = std::cell::Cell<Option<&'static $t>>;
            thread_local! {
                static CELLS: [Slot; $n] = const { [const { std::cell::Cell::new(None) }; $n] };
            }
            // (`init` may make another value, from this array too: the
            // cell is not borrowed meanwhile.)
            CELLS.with(|c| match c[i].get() {
                Some(v) => v,
                None => {
                    let v: &'static $t = Box::leak(Box::new($init));
                    c[i].set(Some(v));
                    v
                }
            })
        }
    }};
}
pub(crate) use once;

mod binary;
mod compile;
mod defs;
mod pattern;
pub(crate) use binary::*;
pub use compile::*;
pub use defs::*;
pub use pattern::*;

/// The rules: what does not change from one analysis to the next
/// ([`Core`], shared), and the entities, which an analysis extends with the
/// people its articles introduce ([`Rules::with_people`]): extending them
/// copies the entities and their indexes, not the rest. Everything in
/// [`Core`] reads through `Deref` (`rules.labels`).
#[derive(Debug, Clone)]
pub struct Rules {
    core: std::sync::Arc<Core>,
    /// Known entities: the rules file's, then the people found.
    pub entities: Vec<EntityDef>,
    alias_index: WordMap<Vec<AliasEntry>>,
    entity_index: WordMap<usize>,
}

impl std::ops::Deref for Rules {
    type Target = Core;
    fn deref(&self) -> &Core {
        &self.core
    }
}

/// The parsed rules file, but the entities (see [`Rules`]).
#[derive(Debug)]
pub struct Core {
    /// The pack's language (`"fr"`).
    pub lang: String,
    /// Lines that never yield claims.
    pub boilerplate: Boilerplate,
    /// Sentence segmentation data.
    pub segmentation: Segmentation,
    /// How an article in this language is told apart.
    pub language: Language,
    /// Known entities (while loading; then [`Rules::entities`]).
    entities: Vec<EntityDef>,
    /// Phrases that name several entities at once.
    pub groups: Vec<GroupDef>,
    /// Pronouns and references.
    pub references: References,
    /// Reported speech.
    pub attribution: Attribution,
    /// The function words the engine reads.
    pub grammar: Grammar,
    /// Named phrase classes used by patterns as `@name`.
    pub lexicon: Vec<(String, Vec<String>)>,
    /// Claim rules.
    pub claim_rules: Vec<RuleDef>,
    /// Topics of positions.
    pub topics: Vec<TopicDef>,
    /// Position cues.
    pub positions: Vec<PositionDef>,
    /// Prisoner releases.
    pub release: Release,
    /// Dates.
    pub dates: Dates,
    /// Event markers, for telling events apart.
    pub markers: Vec<MarkerDef>,
    /// Reconciliation parameters.
    pub reconcile: ReconcileParams,
    /// Labels for readers.
    /// The labels as loaded from the TOML; read them through
    /// [`Rules::labels`] or [`view`] (a pack decoded from the prebuilt blob
    /// leaves this empty: they have a section of their own).
    pub pack_labels: Labels,
    /// How people the rules do not list are recognised.
    pub people: People,
    /// Countries, as titles name them ("le président brésilien").
    pub countries: Vec<Country>,
    /// How an article credits a news agency's dispatch.
    pub wire: Wire,

    compiled: Compiled,
}

impl Core {
    /// Pattern ids of claim rule `i`.
    pub fn rule_patterns(&self, i: usize) -> &[usize] {
        &self.compiled.rules[i]
    }
    /// Pattern ids of topic `i`.
    pub fn topic_patterns(&self, i: usize) -> &[usize] {
        &self.compiled.topics[i]
    }
    /// Pattern ids of position `i`.
    pub fn position_patterns(&self, i: usize) -> &[usize] {
        &self.compiled.positions[i]
    }
    /// Pattern id of marker `i`.
    pub fn marker_pattern(&self, i: usize) -> usize {
        self.compiled.markers[i]
    }
    /// A compiled pattern by id.
    pub fn pattern(&self, id: usize) -> &Pattern {
        &self.compiled.patterns[id]
    }
    /// Which patterns can start where.
    pub fn starts(&self) -> &StartIndex {
        &self.compiled.starts
    }
    /// Attribution verbs starting with the token, as token sequences with
    /// their length.
    pub fn verbs_starting(&self, tok: &str) -> &[(Vec<String>, usize)] {
        self.compiled.verbs.get(tok).map_or(&[], Vec::as_slice)
    }
    /// Plural references, as token sequences, each with 1 when it names
    /// two leaders ("the two presidents"), else 0.
    pub fn plural_tokens(&self) -> &[(Vec<String>, usize)] {
        &self.compiled.plural_refs
    }
    /// The phrases of lexicon class `i`.
    pub fn class_phrases(&self, i: usize) -> &[Vec<Alt>] {
        &self.compiled.classes[i].1
    }
    /// The phrases of lexicon class `i` that may match at a token: those
    /// whose first word it is, then those whose first token is a prefix
    /// (indexes into [`Rules::class_phrases`]).
    pub fn class_phrases_at<'a>(&'a self, i: usize, tok: &str) -> impl Iterator<Item = &'a [Alt]> + 'a {
        let (words, prefixed) = &self.compiled.class_starts[i];
        let phrases = &self.compiled.classes[i].1;
        words.get(tok).map_or(&[][..], Vec::as_slice).iter().chain(prefixed).map(move |&k| phrases[k].as_slice())
    }
    /// The index of a lexicon class by name.
    pub fn class_id(&self, name: &str) -> Option<usize> {
        self.compiled.class_index.get(name).copied()
    }

    /// The countries' demonyms and "of" phrases by first token, longest
    /// first. Built when the rules load, from their binary form too (the
    /// index is three times the size of the phrases).
    fn country_index(&self) -> Result<WordMap<Vec<(Vec<String>, usize)>>, String> {
        let mut index: WordMap<Vec<(Vec<String>, usize)>> = WordMap::default();
        for (k, country) in self.countries.iter().enumerate() {
            let name = crate::case::to_lowercase(&country.name);
            // (`fill`, not `str::replace`: no substring searcher in the
            // module.)
            let made = self.people.country_forms.iter().map(|f| labels::fill(f, &[("name", &name)]));
            for phrase in country.demonyms.iter().cloned().chain(country.of.iter().cloned()).chain(made) {
                let phrase = phrase.as_str();
                let toks = phrase_tokens(phrase);
                let first = toks
                    .first()
                    .cloned()
                    .ok_or_else(|| format!("country {}: empty phrase", crate::error::Quoted(&country.id)))?;
                let v = index.entry(first).or_default();
                // Checked when the pack is compiled from its TOML, which is
                // also when `build.rs` bakes it for the wasm module: the
                // module's prebuilt rules skip it (a phrase listed twice for
                // one country is then found twice, with the same answer).
                // The lists under « de », "of" hold a phrase per country,
                // and their last word, the name, tells most apart at once.
                #[cfg(not(prebuilt))]
                if let Some((_, other)) = v.iter().find(|(t, _)| t.last() == toks.last() && *t == toks) {
                    if *other != k {
                        return Err(format!(
                            "country {}: {} also names another country",
                            crate::error::Quoted(&country.id),
                            crate::error::Quoted(phrase)
                        ));
                    }
                    continue;
                }
                // Longest first, without a sort (an insertion in a short list).
                let at = v.iter().position(|(t, _)| t.len() < toks.len()).unwrap_or(v.len());
                v.insert(at, (toks, k));
            }
        }
        Ok(index)
    }

    /// Titles starting with the token: `(tokens, 1 for a leader's)`,
    /// longest first.
    pub fn titles_starting(&self, tok: &str) -> &[(Vec<String>, usize)] {
        self.compiled.titles.get(tok).map_or(&[], Vec::as_slice)
    }
    /// Demonyms and "of" phrases starting with the token: `(tokens,
    /// country)`, longest first.
    pub fn country_phrases_starting(&self, tok: &str) -> &[(Vec<String>, usize)] {
        self.compiled.country_phrases.get(tok).map_or(&[], Vec::as_slice)
    }
}

impl Rules {
    /// The rules of a loaded [`Core`]: its entities and their indexes move
    /// out of it.
    fn from_core(mut core: Core) -> Rules {
        let entities = std::mem::take(&mut core.entities);
        let alias_index = std::mem::take(&mut core.compiled.alias_index);
        let entity_index = std::mem::take(&mut core.compiled.entity_index);
        Rules { core: std::sync::Arc::new(core), entities, alias_index, entity_index }
    }
    /// Aliases starting with the token.
    pub fn aliases_starting(&self, tok: &str) -> &[AliasEntry] {
        self.alias_index.get(tok).map_or(&[], Vec::as_slice)
    }
    /// These rules with more people: each `(entity, aliases)` is added as
    /// the rules file's entities are, its aliases given as token lists
    /// (`cased`: counted only when capitalised in the text); an entity the
    /// rules have (same id and name) gains the aliases. A phrase that
    /// already names an entity is not added.
    pub fn with_people(&self, people: Vec<(EntityDef, Vec<(Vec<String>, bool)>)>) -> Rules {
        let mut r = self.clone();
        // The aliases the people add, kept apart until all are known: the
        // rules' buckets stay sorted for a binary search of what is taken,
        // and only the new aliases need a set (many people sharing a first
        // word, "Quispe …", cost no scan of that word's list each).
        let mut added: WordMap<usize> = WordMap::default();
        let mut new: Vec<AliasEntry> = Vec::new();
        for (mut e, aliases) in people {
            let i = match r.entity_index.get(&e.id) {
                // A listed person, with spellings of theirs.
                Some(&j) if r.entities[j].name == e.name => j,
                listed => {
                    if listed.is_some() {
                        let n = (2..).find(|n| !r.entity_index.contains_key(&format!("{}_{n}", e.id))).unwrap_or(2);
                        e.id = format!("{}_{n}", e.id);
                    }
                    r.entity_index.insert(e.id.clone(), r.entities.len());
                    r.entities.push(e);
                    r.entities.len() - 1
                }
            };
            for (tokens, cased) in aliases {
                let Some(first) = tokens.first() else { continue };
                let listed = r.aliases_starting(first).binary_search_by(|a| a.tokens.cmp(&tokens)).is_ok();
                if !listed && added.insert(crate::join(&tokens, " "), 0).is_none() {
                    new.push(AliasEntry { tokens, entities: vec![i], plural: false, cased, role: false });
                }
            }
        }
        for a in new {
            r.alias_index.entry(a.tokens[0].clone()).or_default().push(a);
        }
        sort_buckets(&mut r.alias_index);
        r
    }

    /// The aliases that the words `words` (lowercase) start with, shortest
    /// first, equal ones in their order: a binary search per length in the
    /// first word's sorted aliases.
    pub fn aliases_at<'a>(&'a self, words: &[&str]) -> Vec<&'a AliasEntry> {
        let Some(first) = words.first() else { return Vec::new() };
        let bucket = self.aliases_starting(first);
        let mut out = Vec::new();
        let cmp = |e: &AliasEntry, l: usize| {
            let n = e.tokens.len().min(l);
            for k in 0..n {
                match e.tokens[k].as_str().cmp(words[k]) {
                    std::cmp::Ordering::Equal => {}
                    o => return o,
                }
            }
            n.cmp(&l)
        };
        let (mut lo, mut hi) = (0, bucket.len());
        for l in 1..=words.len() {
            // The aliases whose first `l` words are these: a sub-range.
            let range = &bucket[lo..hi];
            let a = lo + range.partition_point(|e| cmp(e, l) == std::cmp::Ordering::Less);
            let b = lo + range.partition_point(|e| cmp(e, l) != std::cmp::Ordering::Greater);
            if a == b {
                break;
            }
            out.extend(bucket[a..b].iter().filter(|e| e.tokens.len() == l));
            (lo, hi) = (a, b);
        }
        out
    }
    /// An entity by id.
    pub fn entity(&self, id: &str) -> Option<&EntityDef> {
        self.entity_at(id).map(|i| &self.entities[i])
    }
    /// An entity's index by id.
    pub fn entity_at(&self, id: &str) -> Option<usize> {
        self.entity_index.get(id).copied()
    }
}

/// The embedded rules of the first (default) pack, loaded once.
pub fn rules() -> &'static Rules {
    pack(0)
}

/// How many packs are embedded ([`pack::LANGS`]).
pub fn pack_count() -> usize {
    pack::LANGS.len()
}

/// The rules of pack `i` (in [`pack::LANGS`] order, French first), loaded
/// on first use: a page whose articles are all French never decodes the
/// English pack. Panics past [`pack_count`].
pub fn pack(i: usize) -> &'static Rules {
    once!([Rules; pack::LANGS.len()][i], {
        let lang = pack::LANGS[i];
        #[cfg(prebuilt)]
        let r = {
            use crate::codec::{at, section, PREBUILT};
            let n = pack_count();
            section(PREBUILT, at::rules(n, i)).and_then(|core| from_bytes(core, section(PREBUILT, at::names(n, i))?))
        };
        #[cfg(not(prebuilt))]
        let r = load(&Pack::embedded(lang).expect("listed"));
        r.unwrap_or_else(|e| panic!("embedded rules ({lang}) are invalid: {e}"))
    })
}

/// The rules of every embedded pack, in [`pack::LANGS`] order (each loaded
/// if it was not yet).
pub fn packs() -> Vec<&'static Rules> {
    (0..pack_count()).map(pack).collect()
}

/// Each pack's tag and `[language] words`, in [`pack::LANGS`] order: what
/// chooses the pack of an article (`extract::lang`), without loading every
/// pack (the prebuilt blob holds them in a section of their own).
pub fn languages() -> &'static [(String, Language)] {
    once!([Vec<(String, Language)>; 1][0], {
        #[cfg(prebuilt)]
        let all = crate::codec::section(crate::codec::PREBUILT, crate::codec::at::languages(pack_count()))
            .and_then(|b| crate::codec::decode(b))
            .unwrap_or_else(|e| panic!("embedded pack languages are invalid: {e}"));
        #[cfg(not(prebuilt))]
        let all = (0..pack_count()).map(|i| (pack(i).lang.clone(), pack(i).language.clone())).collect();
        all
    })
}

/// What rendering needs of pack `i`: its labels, and its date names
/// (`Dates::weekday_name`, `month_name`). A document made ahead of time (the
/// demo's seed, a `src` file) renders with these alone: the prebuilt blob
/// holds them in a section of their own, so that its first render does not
/// decode the whole pack.
pub fn view(i: usize) -> (&'static Labels, &'static Dates) {
    #[cfg(prebuilt)]
    {
        let v = once!([(Labels, Dates); pack::LANGS.len()][i], {
            crate::codec::section(crate::codec::PREBUILT, crate::codec::at::view(pack_count(), i))
                .and_then(|b| crate::codec::decode(b))
                .unwrap_or_else(|e| panic!("embedded labels ({}) are invalid: {e}", pack::LANGS[i]))
        });
        (&v.0, &v.1)
    }
    #[cfg(not(prebuilt))]
    {
        let r = pack(i);
        (&r.pack_labels, &r.dates)
    }
}

/// The view section of pack `lang` in the prebuilt blob: [`view`] encoded.
pub(crate) fn view_bytes(lang: &str) -> Result<Vec<u8>, String> {
    let r = load(&Pack::embedded(lang).ok_or_else(|| format!("no pack {lang}"))?)?;
    let mut w = Vec::new();
    crate::codec::Codec::put(&r.pack_labels, &mut w);
    crate::codec::Codec::put(&r.dates, &mut w);
    Ok(w)
}

impl Rules {
    /// The labels of this pack ([`view`]: the decoded pack does not hold
    /// them).
    pub fn labels(&self) -> &'static Labels {
        let i = languages().iter().position(|(tag, _)| *tag == self.lang).expect("a rules' language is a pack's");
        view(i).0
    }
}

/// The languages section of the prebuilt blob: [`languages`] encoded.
pub(crate) fn languages_bytes() -> Result<Vec<u8>, String> {
    let mut all: Vec<(String, Language)> = Vec::new();
    for lang in pack::LANGS {
        let r = load(&Pack::embedded(lang).ok_or_else(|| format!("no pack {lang}"))?)?;
        all.push((r.lang.clone(), r.language.clone()));
    }
    let mut w = Vec::new();
    crate::codec::Codec::put(&all, &mut w);
    Ok(w)
}

/// The rules of the pack of `lang`, if one is embedded.
pub fn for_lang(lang: &str) -> Option<&'static Rules> {
    languages().iter().position(|(l, _)| l == lang).map(pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let r = rules();
        assert!(!r.entities.is_empty());
        assert!(r.entity("trump").is_some());
    }

    #[test]
    fn bad_rules_give_clear_errors() {
        let damaged = |from: &str, to: &str| {
            let mut p = Pack::french();
            assert!(p.replace(from, to), "{from:?} is in the pack");
            load(&p).unwrap_err()
        };
        let e = damaged("@call_noun", "@no_such_class");
        assert!(e.contains("unknown lexicon class @no_such_class"), "{e}");
        let e = damaged("\"@duration de retard|décalage\",", "\"de retard\",");
        assert!(e.contains("\"not_call_duration.delay\": pattern \"de retard\" has no @duration"), "{e}");
        let e = damaged("inline = [\"({a})\"]", "inline = [\"{a}\"]");
        assert!(e.contains("wire.inline"), "{e}");
        let e = damaged("dateline = [\"{a} -\"]", "dateline = [\"-\"]");
        assert!(e.contains("must hold {a} once"), "{e}");
        let e = damaged("line_exact = [", "line_exact = 3, x = [");
        assert!(e.starts_with("data/lang/fr/page.toml:") && e.contains("line_exact"), "{e}");
        let e = damaged("kind = \"person\"", "kind = \"persona\"");
        assert!(
            e.starts_with("data/lang/fr/entities.toml:") && e.contains("persona") && e.contains("institution"),
            "{e}"
        );
        // An alternative the tokenizer cuts in two could never match.
        let e = damaged("\"d' ici [à] @duration\",", "\"d'ici|dans @duration\",");
        assert!(e.contains("alternative \"d'ici\" is 2 tokens"), "{e}");
        let e = damaged("\"d' ici [à] @duration\",", "\"dans [@call_noun] @duration\",");
        assert!(e.contains("alternative \"@call_noun\""), "{e}");
        let e = damaged("[people]", "[people]\nspelling = []");
        assert!(e.contains("unknown field") && e.contains("spelling"), "{e}");
    }

    #[test]
    fn the_binary_form_round_trips_and_keeps_what_the_matchers_read() {
        for (lang, full) in pack::LANGS.iter().zip(packs()) {
            let bytes = embedded_bytes(lang).unwrap();
            let r = from_bytes(&bytes[0], &bytes[1]).unwrap();
            assert_eq!(r.put(), bytes, "{lang}: decode then encode gives the same bytes");
            assert_eq!(
                r.compiled.country_phrases, full.compiled.country_phrases,
                "{lang}: the countries' index is rebuilt"
            );
            assert_eq!(r.compiled.starts, full.compiled.starts, "{lang}: the start index is rebuilt");
            assert_eq!(r.alias_index, full.alias_index, "{lang}: the alias index is rebuilt");
            assert_eq!(r.entity_index, full.entity_index, "{lang}: the entity index is rebuilt");
            assert_eq!(r.compiled.verbs, full.compiled.verbs, "{lang}: the verb index is rebuilt");
            assert_eq!(r.compiled.titles, full.compiled.titles, "{lang}: the title index is rebuilt");
            assert_eq!(r.compiled.class_index, full.compiled.class_index, "{lang}: the class index is rebuilt");
            assert_eq!(r.compiled.class_starts, full.compiled.class_starts, "{lang}: the class start index is rebuilt");
            assert_eq!(r.compiled.plural_refs, full.compiled.plural_refs, "{lang}: the plural references are rebuilt");
        }
        let [core, names] = embedded_bytes("fr").unwrap();
        let r = from_bytes(&core, &names).unwrap();
        let full = rules();
        assert_eq!(r.entities.len(), full.entities.len());
        assert_eq!(r.compiled.patterns, full.compiled.patterns);
        assert_eq!(r.compiled.starts.words.len(), full.compiled.starts.words.len());
        assert_eq!(r.entity("trump").map(|e| &e.name), full.entity("trump").map(|e| &e.name));
        assert_eq!(r.aliases_starting("poutine").len(), full.aliases_starting("poutine").len());
        assert!(r.claim_rules.iter().all(|x| x.examples.is_empty() && x.patterns.is_empty()), "source forms stay out");
    }

    #[test]
    fn damaged_binary_rules_give_errors() {
        let [core, names] = embedded_bytes("fr").unwrap();
        for cut in (0..core.len()).step_by(97) {
            assert!(from_bytes(&core[..cut], &names).is_err(), "core cut at {cut}");
        }
        for cut in (0..names.len()).step_by(97) {
            assert!(from_bytes(&core, &names[..cut]).is_err(), "names cut at {cut}");
        }
        for (k, bytes) in [&core, &names].into_iter().enumerate() {
            let mut flipped = bytes.clone();
            for i in (0..flipped.len()).step_by(31) {
                flipped[i] ^= 0x5a;
                // An error or other rules, never a panic.
                let _ = if k == 0 { from_bytes(&flipped, &names) } else { from_bytes(&core, &flipped) };
                flipped[i] ^= 0x5a;
            }
        }
    }

    #[test]
    fn globs() {
        assert_eq!(glob_match("# réponses", "13 réponses"), Some("13 réponses".len()));
        assert_eq!(glob_match("![*](*)", "![1](https://x.jpg)"), Some(19));
        assert_eq!(glob_match("date #-#", "date 2025 le"), None);
        assert_eq!(glob_match("date #-#", "date 2025-02 le"), Some(12));
        assert_eq!(glob_match("avatar de *", "avatar de coucou"), Some(16));
        // A star followed by a literal: the longest match, at the literal's
        // last fitting occurrence, multi-byte literals included.
        assert_eq!(glob_match("*. photo: *", "a. b. photo: x"), Some(14));
        assert_eq!(glob_match("*. photo: *", "a. b. photos"), None);
        assert_eq!(glob_match("*é*", "aébéc"), Some(7));
        assert_eq!(glob_match("*é", "aébéc"), Some(6));
        assert_eq!(glob_match("* (photo: *)", "x (photo: a) (photo: b)"), Some(23));
        assert_eq!(glob_match("*#", "ab12"), Some(4));
        assert_eq!(glob_match("*x", ""), None);
        assert_eq!(glob_match("*", ""), Some(0));
    }
}
