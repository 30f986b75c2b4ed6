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
use std::sync::OnceLock;

use crate::model::Stance;
use serde::{Deserialize, Deserializer};

pub mod labels;
pub mod pack;
pub use labels::Labels;
pub use pack::{load, Pack};

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
    pub labels: Labels,
    /// How people the rules do not list are recognised.
    pub people: People,
    /// Countries, as titles name them ("le président brésilien").
    pub countries: Vec<Country>,
    /// How an article credits a news agency's dispatch.
    pub wire: Wire,

    compiled: Compiled,
}

/// Boilerplate line descriptions. Globs: `*` is any text, `#` one or more
/// digits; matching is case-insensitive on the trimmed line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boilerplate {
    /// A line equal to one of these is boilerplate.
    pub line_exact: Vec<String>,
    /// A line matching one of these globs is boilerplate.
    pub line_glob: Vec<String>,
    /// A line matching one of these starts a trailing block (reader
    /// comments, comment form) masked to the end of the text.
    pub tail_glob: Vec<String>,
    /// A line starting with one of these globs has that prefix masked and
    /// read as the article's date (` date 2025-02 …`).
    pub metadata_prefix_glob: Vec<String>,
    /// A line matching one of these heads a list of links ("Sur le même
    /// sujet"): it and the headline-like lines after it (no final full
    /// stop) are masked.
    pub links_glob: Vec<String>,
}

/// Boilerplate lines are short: longer lines are never checked.
pub(crate) const MAX_BOILERPLATE_LINE: usize = 240;

impl Boilerplate {
    fn lowercase(&mut self) {
        for v in [
            &mut self.line_exact,
            &mut self.line_glob,
            &mut self.tail_glob,
            &mut self.metadata_prefix_glob,
            &mut self.links_glob,
        ] {
            for g in v.iter_mut() {
                *g = g.to_lowercase();
            }
        }
    }
    /// Whether the (trimmed, lowercased) line is boilerplate.
    pub fn is_boilerplate_line(&self, line: &str) -> bool {
        line.len() <= MAX_BOILERPLATE_LINE
            && (self.line_exact.iter().any(|e| e == line) || whole_line_matches(&self.line_glob, line))
    }
    /// Whether the line heads a list of links.
    pub fn starts_links(&self, line: &str) -> bool {
        line.len() <= MAX_BOILERPLATE_LINE && whole_line_matches(&self.links_glob, line)
    }
    /// Whether the line starts the trailing block.
    pub fn starts_tail(&self, line: &str) -> bool {
        line.len() <= MAX_BOILERPLATE_LINE && whole_line_matches(&self.tail_glob, line)
    }
    /// Length in bytes of a metadata prefix at the start of the line.
    pub fn metadata_prefix(&self, line: &str) -> Option<usize> {
        let head = &line[..line.floor_char_boundary(MAX_BOILERPLATE_LINE)];
        self.metadata_prefix_glob.iter().find_map(|g| {
            let n = glob_match(g, head)?;
            // The prefix must end at a word boundary.
            (n == line.len() || line[n..].starts_with(' ')).then_some(n)
        })
    }
}

/// Whether one of the globs matches the whole line.
fn whole_line_matches(globs: &[String], line: &str) -> bool {
    globs.iter().any(|g| glob_match(g, line) == Some(line.len()))
}

/// Matches a glob at the start of `s`; returns the longest matched length.
/// `*` matches any text, `#` one or more ASCII digits.
fn glob_match(g: &str, s: &str) -> Option<usize> {
    fn go(g: &str, s: &str, at: usize) -> Option<usize> {
        let mut chars = g.chars();
        let Some(first) = chars.next() else { return Some(at) };
        let rest = chars.as_str();
        match first {
            '*' => {
                // Longest first: every character boundary from the end back to `at`.
                let mut end = s.len();
                loop {
                    if let Some(n) = go(rest, s, end) {
                        return Some(n);
                    }
                    if end == at {
                        return None;
                    }
                    end = s.floor_char_boundary(end - 1);
                }
            }
            '#' => {
                let digits = s[at..].bytes().take_while(u8::is_ascii_digit).count();
                (1..=digits).rev().find_map(|d| go(rest, s, at + d))
            }
            c => {
                let next = s[at..].chars().next()?;
                if next == c {
                    go(rest, s, at + c.len_utf8())
                } else {
                    None
                }
            }
        }
    }
    go(g, s, 0)
}

/// Frequent function words of the language (`[language]`), sorted when
/// loaded: an article without `lang` goes to the pack whose words it uses
/// most (`extract::lang`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The words, lowercase.
    pub words: Vec<String>,
}

/// Sentence segmentation data.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segmentation {
    /// Words that take a period without ending a sentence (`M`, `Mme`).
    pub abbreviations: Vec<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person: can take part in a call.
    Person,
    /// A government, office or organisation: can hold positions and speak.
    Institution,
    /// A place.
    Place,
    /// A news agency or outlet: can be quoted as a source.
    Media,
}

/// Entity kinds by their name in the rules file.
const ENTITY_KINDS: &[(&str, EntityKind)] = &[
    ("person", EntityKind::Person),
    ("institution", EntityKind::Institution),
    ("place", EntityKind::Place),
    ("media", EntityKind::Media),
];

/// A TOML table of strings or lists, as `(key, value)` pairs in key order.
fn pairs<'de, D: Deserializer<'de>, V: Deserialize<'de>>(d: D) -> Result<Vec<(String, V)>, D::Error> {
    Ok(std::collections::BTreeMap::<String, V>::deserialize(d)?.into_iter().collect())
}

/// The value named `name` in a name table.
fn named<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// A known entity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    /// Lowercase ASCII id.
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// Full name, in the pack's language.
    pub name: String,
    /// Short name, in the pack's language.
    pub short: String,
    /// Phrases that name it.
    pub aliases: Vec<String>,
    /// The institution it speaks for (`hegseth` → `united_states`).
    pub member_of: Option<String>,
    /// The person whose time in office it stands for
    /// (`biden_administration` → `biden`): a government's position stated
    /// in that time ([`References::era`]) is its.
    pub era_of: Option<String>,
    /// Phrases among `aliases` that are plural ("les Russes").
    #[serde(default)]
    pub plural: Vec<String>,
    /// The role the text gives a person found by [`People`] ("président").
    #[serde(skip)]
    pub role: Option<String>,
    /// The country of that role (index into [`Core::countries`]).
    #[serde(skip)]
    pub country: Option<usize>,
    /// Whether that role is a leader's (`[people].leader_titles`): a person
    /// found with another role (a spokesperson) who reports a call is no
    /// party to it.
    #[serde(skip)]
    pub leader: bool,
}

/// How a person the rules do not list is recognised: a title before a
/// capitalised name, « le président péruvien Tomás Quispe Huamán »,
/// « son homologue péruvien Quispe » (see `extract::people`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct People {
    /// Titles of heads of state or government ("président", "première
    /// ministre"): their holder may then be named by title and country.
    pub leader_titles: Vec<String>,
    /// Other titles and roles ("ministre", "porte-parole").
    pub titles: Vec<String>,
    /// Words that name any leader of a country once the person is known:
    /// « le dirigeant brésilien », « son homologue brésilien ».
    pub leader_words: Vec<String>,
    /// Words before a title ("le", "son").
    pub determiners: Vec<String>,
    /// Lowercase words inside a name ("da", "von").
    pub particles: Vec<String>,
    /// Prepositions that open a complement of a title ("du" in « le
    /// ministre du Commerce »).
    pub complement: Vec<String>,
    /// Articles after such a preposition ("la" in « de la Défense »).
    pub articles: Vec<String>,
    /// Lowercase words allowed between a title and the name ("élu").
    pub modifiers: Vec<String>,
    /// Whether a complement takes every capitalised word after its head
    /// ("leader of the Liberal Democratic Party"), so that a name after it
    /// must follow a comma ("the Minister of Foreign Affairs, Kwame
    /// Boateng"); otherwise a capitalised word after the head starts the
    /// name (« le ministre des Affaires étrangères Kwame Boateng »).
    #[serde(default)]
    pub capitalised_complements: bool,
    /// Country phrases made from every country's name (lowercased) in
    /// place of `{name}`: "of {name}", "{name}'s" give "of brazil",
    /// "brazil's" beside the phrases `countries.toml` lists.
    #[serde(default)]
    pub country_forms: Vec<String>,
    /// Whether role aliases put the country before the title ("the
    /// Peruvian president") rather than after it (« le président
    /// péruvien »).
    #[serde(default)]
    pub country_before_title: bool,
    /// Capitalised words that never start a name.
    pub name_stop: Vec<String>,
    /// `[sentence, name found]`: the rule must find this person.
    pub examples: Vec<Vec<String>>,
    /// Sentences in which no person may be found.
    pub counterexamples: Vec<String>,
}

/// A country, as French news text names it and its people.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// Lowercase ASCII id ("brazil").
    pub id: String,
    /// Name, in the pack's language ("Brésil").
    pub name: String,
    /// Adjectives ("brésilien", "brésilienne").
    pub demonyms: Vec<String>,
    /// "of" phrases ("du brésil").
    pub of: Vec<String>,
}

/// A phrase naming several entities ("ses homologues russe et ukrainien").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDef {
    /// The phrase.
    pub text: String,
    /// The entities it names.
    pub ids: Vec<String>,
}

/// Pronouns and other references resolved to entities.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    /// Third person singular ("il", "lui").
    pub singular: Vec<String>,
    /// Plural references to the last pair ("ils", "les deux dirigeants").
    pub plural: Vec<String>,
    /// First person, resolved to the speaker of the quote ("je", "nous").
    pub first_person: Vec<String>,
    /// Words after which a mention is not a grammatical subject.
    pub prepositions: Vec<String>,
    /// Demonstratives that point back to the previous call ("cet appel").
    pub demonstratives: Vec<String>,
    /// Words that may stand between a preposition and a name.
    pub titles: Vec<String>,
    /// Words that place a dated call sentence before the article's call
    /// (« ils s'étaient déjà parlé le 12 février », « lors de leur
    /// précédent entretien »): that date is another call's.
    pub earlier: Vec<String>,
    /// Impersonal constructions, whose pronoun refers to nobody ("il s'
    /// agit", "il y a", "il faut"): space-separated tokens.
    pub impersonal: Vec<String>,
    /// Words that, right before a person, place what follows in the
    /// sentence in that person's time ("Sous Joe Biden, Washington jugeait
    /// …"): see [`EntityDef::era_of`].
    pub era: Vec<String>,
    /// How many sentences back a reference may look.
    pub lookback: usize,
}

/// Reported speech.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// Verbs of saying, as tokens ("déclaré", "a-t-il" is split already).
    pub verbs: Vec<String>,
    /// Words after a verb that introduce what was said ("que", ":").
    pub introducers: Vec<String>,
    /// Prepositions that attribute a whole sentence ("selon").
    pub sources: Vec<String>,
    /// Prepositions that attribute only at the start of a sentence ("pour").
    pub leading_sources: Vec<String>,
}

/// The function words the engine reads (`[grammar]`): with them, no word
/// of any language is written in its code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    /// Between a title word and a name ("du" in « le porte-parole du
    /// Kremlin »), and before a call noun that a duration measures.
    pub of: Vec<String>,
    /// Auxiliaries before a speech verb (« a déclaré », "has said").
    pub auxiliaries: Vec<String>,
    /// Before a speech verb whose speaker follows (« qu'a déclaré X »).
    pub complementizers: Vec<String>,
    /// A relative whose antecedent is the speaker (« X, qui a jugé »).
    pub relatives: Vec<String>,
    /// Coordinators (« Trump et Poutine »).
    pub coordinators: Vec<String>,
    /// Negations before a negatable cue.
    pub negators: Vec<String>,
    /// Passive auxiliaries before a release verb.
    pub passive: Vec<String>,
    /// The agent preposition after a passive release verb.
    pub agent: Vec<String>,
    /// Determiners between `of` and a call noun.
    pub determiners: Vec<String>,
    /// The plural ending of adjectives ("s"; empty for none), taken off a
    /// characterization before its endings are folded.
    pub adjective_plural: String,
    /// Adjective endings and the ending they fold to, first match wins
    /// (`["ive", "if"]`: "significative" and "significatif" are one word).
    pub adjective_endings: Vec<(String, String)>,
}

impl Grammar {
    /// Whether `w` is in `list`.
    pub fn has(list: &[String], w: &str) -> bool {
        list.iter().any(|x| x == w)
    }

    /// One form for the inflections of an adjective phrase
    /// (`adjective_plural`, `adjective_endings`), to compare
    /// characterizations; a stem keeps at least two letters.
    pub fn fold_adjective(&self, term: &str) -> String {
        let p = self.adjective_plural.as_str();
        let t = term.strip_suffix(p).filter(|t| !p.is_empty() && t.len() > 3).unwrap_or(term);
        for (from, to) in &self.adjective_endings {
            if let Some(stem) = t.strip_suffix(from.as_str()).filter(|s| s.chars().count() >= 2 || !to.is_empty()) {
                return format!("{stem}{to}");
            }
        }
        t.to_string()
    }
}

/// One claim rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Unique id (`call_duration.noun_de`).
    pub id: String,
    /// What the rule finds.
    pub kind: RuleKind,
    /// Patterns; any may match.
    pub patterns: Vec<String>,
    /// For `timing` rules: the start it gives.
    pub value: Option<String>,
    /// Sentences in which the rule must produce its claim.
    pub examples: Vec<String>,
    /// Sentences in which it must not.
    pub counterexamples: Vec<String>,
}

/// What a claim rule finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A duration bound to a call (`@duration` in the pattern).
    CallDuration,
    /// A date bound to a call or agreement.
    CallDate,
    /// A participant's word for a call (`@term`).
    CallCharacterization,
    /// Negotiations and when they start.
    Negotiations,
    /// A prisoner set free.
    PrisonerRelease,
    /// A prisoner exchange.
    PrisonerExchange,
    /// A planned meeting (`@place` optional).
    Meeting,
    /// Agreement with another actor's position.
    Agreement,
    /// Durations that are no call's length, whatever call rule matches
    /// around them (a delay, a truce, a deadline, time since, another
    /// event's length): each pattern's `@duration` is held back from
    /// `call_duration` claims.
    NotCallDuration,
}

/// Claim rule kinds by their name in the rules file.
const RULE_KINDS: &[(&str, RuleKind)] = &[
    ("call_duration", RuleKind::CallDuration),
    ("call_date", RuleKind::CallDate),
    ("call_characterization", RuleKind::CallCharacterization),
    ("negotiations", RuleKind::Negotiations),
    ("prisoner_release", RuleKind::PrisonerRelease),
    ("prisoner_exchange", RuleKind::PrisonerExchange),
    ("meeting", RuleKind::Meeting),
    ("agreement", RuleKind::Agreement),
    ("not_call_duration", RuleKind::NotCallDuration),
];

/// A topic and the patterns that mention it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicDef {
    /// The topic's id (`ukraine_nato_membership`), shared by every pack.
    pub id: String,
    /// Patterns.
    pub patterns: Vec<String>,
}

/// A position and its cues.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionDef {
    /// The position.
    pub id: Stance,
    /// Patterns.
    pub patterns: Vec<String>,
    /// Whether a negation just before the cue cancels it.
    #[serde(default)]
    pub negatable: bool,
    /// Sentences in which a stance with this position must be found.
    pub examples: Vec<String>,
    /// Sentences in which it must not.
    pub counterexamples: Vec<String>,
}

/// How to tell who released a prisoner.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Words for being held ("détenu en Russie").
    pub detained: Vec<String>,
    /// `[lexicon class of a nationality, entity that holds such prisoners]`.
    pub held_by_nationality: Vec<(String, String)>,
    /// Capitalized words that do not start a person's name.
    pub name_stop: Vec<String>,
    /// How many tokens from the cue a name may be.
    pub window: usize,
}

/// Date words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// Weekday names, Monday first.
    pub weekdays: Vec<String>,
    /// Month names, January first; each entry may list variants.
    pub months: Vec<Vec<String>>,
    /// How many days before the article date a bare weekday may lie.
    pub weekday_window: u32,
    /// Words for a day counted back from the article's date: entry `k` is
    /// `k` days before it ("hier" is 1, "avant-hier" 2).
    pub days_back: Vec<Vec<String>>,
    /// Written after a day's number ("er" in « 1er juillet », "th" in
    /// "12th").
    pub ordinal_suffixes: Vec<String>,
    /// Before a day in a dateline ("le" in « Paris, le 3 mars 2025 »).
    pub day_articles: Vec<String>,
    /// Whether weekdays and months are written with a capital in running
    /// text ("Wednesday 12 February"; French: « mercredi 12 février »).
    #[serde(default)]
    pub capitalized: bool,
}

/// A phrase that characterizes an event, for telling events apart.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkerDef {
    /// The phrase pattern.
    pub pattern: String,
    /// How a reader would name it.
    pub label: String,
}

/// Reconciliation parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReconcileParams {
    /// A duration interval no wider than this share of its value is precise.
    pub precise_tolerance: f64,
    /// The longest plausible call, in minutes.
    pub max_call_minutes: u32,
    /// A source whose similarity to the main event is below this share of
    /// the median similarity covers another event.
    pub off_event_ratio: f64,
    /// A source on the main pair's call that gives the call no day, dated
    /// more than this many days after the event's day, covers a later
    /// call.
    pub undated_call_days: u32,
}

/// How an article credits the news agency whose dispatch it republishes
/// (`[wire]`; see `extract::wire`). In a form, `{a}` stands for one agency
/// or several joined by `joiners`; letters match in any case, a space any
/// white space (or none), `'` either apostrophe and `-` any dash.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wire {
    /// Each agency: the name shown to readers, then its other spellings.
    pub agencies: Vec<Vec<String>>,
    /// What joins several agencies in one credit ("AFP et Reuters").
    pub joiners: Vec<String>,
    /// Forms found anywhere in the text ("({a})"); each starts with an
    /// ASCII mark.
    pub inline: Vec<String>,
    /// Forms that start within the first `dateline_words` words of a line
    /// ("{a} -": "PARIS, 14 août, AFP - …").
    pub dateline: Vec<String>,
    /// How many words of a dateline may come before its credit.
    pub dateline_words: usize,
    /// Forms that end a line of at most `line_words` words ("avec {a}":
    /// "Le Monde avec AFP").
    pub line_end: Vec<String>,
    /// The longest such credit line, in words.
    pub line_words: usize,
}

impl Wire {
    fn check(&self) -> Result<(), String> {
        if self.agencies.iter().any(|a| a.is_empty() || a.iter().any(|n| n.trim().is_empty())) {
            return Err("wire.agencies: each agency needs a name".into());
        }
        for (name, forms) in [("inline", &self.inline), ("dateline", &self.dateline), ("line_end", &self.line_end)] {
            for f in forms.iter() {
                if f.matches("{a}").count() != 1 {
                    return Err(format!("wire.{name}: form {f:?} must hold {{a}} once"));
                }
            }
        }
        for f in &self.inline {
            if !f.starts_with(|c: char| c.is_ascii_punctuation() && !matches!(c, '-' | '\'' | '{')) {
                return Err(format!("wire.inline: form {f:?} must start with an ASCII mark such as '('"));
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Compiled form.

/// One alternative of a literal element.
#[derive(Debug, Clone, PartialEq)]
pub enum Alt {
    /// Exact token.
    Word(String),
    /// Token prefix.
    Prefix(String),
}

impl Alt {
    /// Whether the lowercased token matches.
    pub fn matches(&self, tok: &str) -> bool {
        match self {
            Alt::Word(w) => w == tok,
            Alt::Prefix(p) => tok.starts_with(p.as_str()),
        }
    }
}

/// A special slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A duration phrase.
    Duration,
    /// A known actor (person, institution, media) or a resolved pronoun.
    Actor,
    /// A known place.
    Place,
}

/// Slots by their name in patterns (`@duration`, `@actor`, `@place`).
const SLOTS: &[(&str, Slot)] = &[("duration", Slot::Duration), ("actor", Slot::Actor), ("place", Slot::Place)];

/// A compiled pattern element.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// One token among the alternatives.
    Lit(Vec<Alt>),
    /// Optionally one token among the alternatives.
    Opt(Vec<Alt>),
    /// One phrase of a lexicon class.
    Class(usize),
    /// A slot.
    Slot(Slot),
    /// 0..=N tokens.
    Gap(usize),
}

/// A compiled pattern.
pub type Pattern = Vec<Elem>;

/// Hashing for the rules' word indexes, looked up for every token of every
/// article: short keys, no untrusted inserts, so FNV-1a rather than SipHash.
pub type Fnv = BuildHasherDefault<FnvHasher>;
type WordMap<V> = HashMap<String, V, Fnv>;

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of `bytes`.
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    fnv_extend(FNV_OFFSET, bytes.iter().copied())
}

/// FNV-1a state `h` after `bytes`.
pub(crate) fn fnv_extend(h: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// The [`Hasher`] of [`Fnv`].
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_extend(if self.0 == 0 { FNV_OFFSET } else { self.0 }, bytes.iter().copied());
    }
}

#[derive(Debug, Default)]
struct Compiled {
    classes: Vec<(String, Vec<Vec<Alt>>)>,
    class_index: WordMap<usize>,
    patterns: Vec<Pattern>,
    rules: Vec<Vec<usize>>,
    topics: Vec<Vec<usize>>,
    positions: Vec<Vec<usize>>,
    markers: Vec<usize>,
    starts: StartIndex,
    alias_index: WordMap<Vec<AliasEntry>>,
    entity_index: WordMap<usize>,
    verbs: WordMap<Vec<Vec<String>>>,
    plural_refs: Vec<Vec<String>>,
    /// Titles by first token: `(tokens, 1 for a leader's)` (the value
    /// type of `country_phrases`: one map type in the module).
    titles: WordMap<Vec<(Vec<String>, usize)>>,
    /// Demonyms and "of" phrases by first token: `(tokens, country)`.
    country_phrases: WordMap<Vec<(Vec<String>, usize)>>,
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
    fn add_alt(&mut self, alt: &Alt, pid: usize) {
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
}

/// The aliases of the entities and groups by first token, and the
/// entities by id: built when the rules are compiled and again when they
/// are loaded in binary form (the indexes are larger than what they are
/// built from).
fn index_entities(
    entities: &[EntityDef],
    groups: &[GroupDef],
) -> Result<(WordMap<Vec<AliasEntry>>, WordMap<usize>), String> {
    let mut aliases: WordMap<Vec<AliasEntry>> = WordMap::default();
    let mut ids: WordMap<usize> = WordMap::default();
    for (i, e) in entities.iter().enumerate() {
        if ids.insert(e.id.clone(), i).is_some() {
            return Err(format!("entity id {:?} appears twice", e.id));
        }
        for a in &e.aliases {
            let toks = phrase_tokens(a);
            let Some(first) = toks.first().cloned() else {
                return Err(format!("entity {:?} has an empty alias", e.id));
            };
            let plural = e.plural.iter().any(|p| p == a);
            aliases.entry(first).or_default().push(AliasEntry {
                tokens: toks,
                entities: vec![i],
                plural,
                cased: false,
            });
        }
    }
    for g in groups {
        let toks = phrase_tokens(&g.text);
        let members = g
            .ids
            .iter()
            .map(|id| ids.get(id).copied().ok_or_else(|| format!("group {:?}: unknown entity {id:?}", g.text)))
            .collect::<Result<Vec<_>, _>>()?;
        let first = toks.first().cloned().ok_or("empty group phrase")?;
        aliases.entry(first).or_default().push(AliasEntry {
            tokens: toks,
            entities: members,
            plural: true,
            cased: false,
        });
    }
    sort_buckets(&mut aliases);
    Ok((aliases, ids))
}

/// Each first token's aliases sorted by their tokens, stably (equal
/// aliases keep their order): a text position finds its aliases by binary
/// search ([`Rules::aliases_at`]), so that many aliases sharing a first
/// word ("Quispe …") cost no scan each.
fn sort_buckets(aliases: &mut WordMap<Vec<AliasEntry>>) {
    for v in aliases.values_mut() {
        crate::sort_by(v, |a, b| a.tokens.cmp(&b.tokens));
    }
}

/// Splits a phrase into the tokens the tokenizer would make.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    // "d' une" and "d'une" are the same two tokens.
    let norm = phrase.replace('\u{2019}', "'").replace("' ", "'");
    let lower = crate::text::lowercase_aligned(&norm);
    crate::text::tokenize(&norm, &lower, 0, norm.len()).into_iter().map(|t| t.lower.to_string()).collect()
}

impl Core {
    fn compile(&mut self) -> Result<(), String> {
        self.boilerplate.lowercase();
        self.wire.check()?;
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
                return Err(format!("lexicon class {name:?} has an empty phrase"));
            }
            c.class_index.insert(name.clone(), c.classes.len());
            c.classes.push((name.clone(), alts));
        }
        let compile_all = |ps: &[String], c: &mut Compiled, ctx: &str| -> Result<Vec<usize>, String> {
            let mut ids = Vec::new();
            for p in ps {
                let pat = compile_pattern(p, c).map_err(|e| format!("{ctx}: pattern {p:?}: {e}"))?;
                ids.push(c.add_pattern(pat));
            }
            Ok(ids)
        };
        let mut seen = std::collections::HashSet::new();
        for r in &self.claim_rules {
            if !seen.insert(r.id.clone()) {
                return Err(format!("rule id {:?} appears twice", r.id));
            }
            if r.examples.is_empty() {
                return Err(format!("rule {:?} has no example", r.id));
            }
            let pats = compile_all(&r.patterns, &mut c, &format!("rule {:?}", r.id))?;
            if matches!(r.kind, RuleKind::CallDuration | RuleKind::NotCallDuration) {
                if let Some(k) = pats.iter().position(|&p| !c.patterns[p].contains(&Elem::Slot(Slot::Duration))) {
                    return Err(format!("rule {:?}: pattern {:?} has no @duration", r.id, r.patterns[k]));
                }
            }
            c.rules.push(pats);
        }
        for t in &self.topics {
            let pats = compile_all(&t.patterns, &mut c, &format!("topic {:?}", t.id))?;
            c.topics.push(pats);
        }
        for p in &self.positions {
            let pats = compile_all(&p.patterns, &mut c, &format!("position {:?}", p.id))?;
            c.positions.push(pats);
        }
        for m in &self.markers {
            let pat = compile_pattern(&m.pattern, &c).map_err(|e| format!("marker {:?}: {e}", m.pattern))?;
            let id = c.add_pattern(pat);
            c.markers.push(id);
        }
        for e in &self.entities {
            if e.id.is_empty() || !e.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(format!("entity id {:?} is not lowercase ASCII with underscores", e.id));
            }
        }
        (c.alias_index, c.entity_index) = index_entities(&self.entities, &self.groups)?;
        for e in &self.entities {
            if let Some(m) = &e.member_of {
                if !c.entity_index.contains_key(m) {
                    return Err(format!("entity {:?}: member_of {m:?} is not a known entity", e.id));
                }
            }
            if let Some(p) = &e.era_of {
                let person = c.entity_index.get(p).is_some_and(|&k| self.entities[k].kind == EntityKind::Person);
                if !person {
                    return Err(format!("entity {:?}: era_of {p:?} is not a known person", e.id));
                }
            }
        }
        for (class, holder) in &self.release.held_by_nationality {
            if !c.class_index.contains_key(class) || !c.entity_index.contains_key(holder) {
                return Err(format!("release.held_by_nationality: unknown class {class:?} or entity {holder:?}"));
            }
        }
        c.index_words(&self.attribution, &self.references, &self.people)?;
        for country in &self.countries {
            if country.id.is_empty() || !country.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(format!("country id {:?} is not lowercase ASCII with underscores", country.id));
            }
        }
        c.country_phrases = self.country_index()?;
        if self.dates.weekdays.len() != 7 || self.dates.months.len() != 12 {
            return Err("dates: expected 7 weekdays and 12 months".into());
        }
        c.index_starts()?;
        self.compiled = c;
        Ok(())
    }

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
    /// Attribution verbs starting with the token, as token sequences.
    pub fn verbs_starting(&self, tok: &str) -> &[Vec<String>] {
        self.compiled.verbs.get(tok).map_or(&[], Vec::as_slice)
    }
    /// Plural references, as token sequences.
    pub fn plural_tokens(&self) -> &[Vec<String>] {
        &self.compiled.plural_refs
    }
    /// The phrases of lexicon class `i`.
    pub fn class_phrases(&self, i: usize) -> &[Vec<Alt>] {
        &self.compiled.classes[i].1
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
            let name = country.name.to_lowercase();
            let made = self.people.country_forms.iter().map(|f| f.replace("{name}", &name));
            for phrase in country.demonyms.iter().cloned().chain(country.of.iter().cloned()).chain(made) {
                let phrase = phrase.as_str();
                let toks = phrase_tokens(phrase);
                let first = toks.first().cloned().ok_or_else(|| format!("country {:?}: empty phrase", country.id))?;
                let v = index.entry(first).or_default();
                if v.iter().any(|(t, other)| *t == toks && *other != k) {
                    return Err(format!("country {:?}: {phrase:?} also names another country", country.id));
                }
                if v.iter().any(|(t, _)| *t == toks) {
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
    /// (`cased`: counted only when capitalised in the text). A phrase
    /// that already names an entity is not added.
    pub fn with_people(&self, people: Vec<(EntityDef, Vec<(Vec<String>, bool)>)>) -> Rules {
        let mut r = self.clone();
        // The aliases the people add, kept apart until all are known: the
        // rules' buckets stay sorted for a binary search of what is taken,
        // and only the new aliases need a set (many people sharing a first
        // word, "Quispe …", cost no scan of that word's list each).
        let mut added: WordMap<usize> = WordMap::default();
        let mut new: Vec<AliasEntry> = Vec::new();
        for (mut e, aliases) in people {
            let i = r.entities.len();
            if r.entity_index.contains_key(&e.id) {
                let n = (2..).find(|n| !r.entity_index.contains_key(&format!("{}_{n}", e.id))).unwrap_or(2);
                e.id = format!("{}_{n}", e.id);
            }
            r.entity_index.insert(e.id.clone(), i);
            r.entities.push(e);
            for (tokens, cased) in aliases {
                let Some(first) = tokens.first() else { continue };
                let listed = r.aliases_starting(first).binary_search_by(|a| a.tokens.cmp(&tokens)).is_ok();
                if !listed && added.insert(tokens.join(" "), 0).is_none() {
                    new.push(AliasEntry { tokens, entities: vec![i], plural: false, cased });
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
        self.entity_index.get(id).map(|&i| &self.entities[i])
    }
}

impl Compiled {
    fn add_pattern(&mut self, pat: Pattern) -> usize {
        self.patterns.push(pat);
        self.patterns.len() - 1
    }

    /// The word indexes of speech verbs, plural references, titles and
    /// lexicon classes: built when the rules are compiled and again when
    /// they are loaded in binary form (from the lists they index).
    fn index_words(
        &mut self,
        attribution: &Attribution,
        references: &References,
        people: &People,
    ) -> Result<(), String> {
        self.verbs = WordMap::default();
        for v in &attribution.verbs {
            let toks = phrase_tokens(v);
            let first = toks.first().cloned().ok_or("attribution: empty verb")?;
            self.verbs.entry(first).or_default().push(toks);
        }
        self.plural_refs = references.plural.iter().map(|v| phrase_tokens(v)).collect();
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
        Ok(())
    }

    /// Which patterns may start at which token: built from the patterns
    /// when they are compiled and again when they are loaded in binary form
    /// (the index is larger than what it is built from).
    fn index_starts(&mut self) -> Result<(), String> {
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

fn parse_alts(s: &str) -> Result<Vec<Alt>, String> {
    s.split('|')
        .map(|a| {
            if a.is_empty() {
                return Err("empty alternative".to_string());
            }
            let norm = a.replace('\u{2019}', "'");
            Ok(match norm.strip_suffix('*') {
                Some(p) => Alt::Prefix(p.to_lowercase()),
                None => Alt::Word(norm.to_lowercase()),
            })
        })
        .collect()
}

/// Compiles one pattern string.
fn compile_pattern(p: &str, c: &Compiled) -> Result<Pattern, String> {
    let mut out = Vec::new();
    for el in p.split_whitespace() {
        let e = if let Some(n) = el.strip_prefix("..") {
            Elem::Gap(n.parse().map_err(|_| format!("gap {el:?} needs a number, like ..3"))?)
        } else if let Some(name) = el.strip_prefix('@') {
            match named(SLOTS, name) {
                Some(slot) => Elem::Slot(slot),
                None => Elem::Class(*c.class_index.get(name).ok_or_else(|| format!("unknown lexicon class @{name}"))?),
            }
        } else if let Some(inner) = el.strip_prefix('[') {
            let inner = inner.strip_suffix(']').ok_or_else(|| format!("{el:?}: missing ]"))?;
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

/// The embedded rules, loaded once.
pub fn rules() -> &'static Rules {
    &packs()[0]
}

/// The rules of every embedded pack, in [`pack::LANGS`] order (French first).
pub fn packs() -> &'static [Rules] {
    static PACKS: OnceLock<Vec<Rules>> = OnceLock::new();
    PACKS.get_or_init(|| {
        pack::LANGS
            .iter()
            .enumerate()
            .map(|(_i, lang)| {
                #[cfg(feature = "prebuilt-rules")]
                let r =
                    crate::codec::section(crate::codec::PREBUILT, crate::codec::RULES + 2 * _i).and_then(from_bytes);
                #[cfg(not(feature = "prebuilt-rules"))]
                let r = load(&Pack::embedded(lang).expect("listed"));
                r.unwrap_or_else(|e| panic!("embedded rules ({lang}) are invalid: {e}"))
            })
            .collect()
    })
}

/// The rules of the pack of `lang`, if one is embedded.
pub fn for_lang(lang: &str) -> Option<&'static Rules> {
    packs().iter().find(|r| r.lang == lang)
}

// ---------------------------------------------------------------------------
// Binary form (see `crate::codec`): what `./build.sh` embeds in the wasm
// module instead of the TOML, built by `load` from the same files.

use crate::codec::{codec_enum, codec_named, codec_struct};

codec_struct!(Core {
    lang,
    boilerplate,
    segmentation,
    language,
    groups,
    references,
    attribution,
    grammar,
    claim_rules,
    topics,
    positions,
    release,
    dates,
    markers,
    reconcile,
    labels,
    people,
    countries,
    wire,
    compiled;
    entities,
    lexicon,
});
impl Rules {
    /// The binary form: the shared part, then the entities.
    fn put(&self, w: &mut Vec<u8>) {
        use crate::codec::Codec;
        self.core.put(w);
        self.entities.put(w);
    }
}
codec_struct!(Boilerplate { line_exact, line_glob, tail_glob, metadata_prefix_glob, links_glob });
codec_struct!(Segmentation { abbreviations });
codec_struct!(Language { words });
codec_named!(EntityKind, ENTITY_KINDS);
codec_struct!(EntityDef { id, kind, name, short, member_of, era_of, role, country, leader, aliases, plural });
codec_struct!(People {
    capitalised_complements,
    country_forms,
    country_before_title,
    leader_words,
    determiners,
    particles,
    complement,
    articles,
    modifiers,
    name_stop,
    leader_titles,
    titles;
    examples,
    counterexamples,
});
codec_struct!(Country { name, demonyms, of; id });
codec_struct!(GroupDef { text, ids });
codec_struct!(References {
    singular,
    first_person,
    prepositions,
    demonstratives,
    titles,
    earlier,
    impersonal,
    era,
    lookback,
    plural,
});
codec_struct!(Grammar {
    of,
    auxiliaries,
    complementizers,
    relatives,
    coordinators,
    negators,
    passive,
    agent,
    determiners,
    adjective_plural,
    adjective_endings
});
codec_struct!(Attribution { introducers, sources, leading_sources, verbs });
codec_struct!(RuleDef { id, kind, value; patterns, examples, counterexamples });
codec_named!(RuleKind, RULE_KINDS);
codec_named!(crate::model::Stance, crate::model::json::STANCES);
codec_struct!(TopicDef { id; patterns });
codec_struct!(PositionDef { id, negatable; patterns, examples, counterexamples });
codec_struct!(Release { detained, held_by_nationality, name_stop, window });
codec_struct!(Dates { weekdays, months, weekday_window, days_back, ordinal_suffixes, day_articles, capitalized });

impl Dates {
    /// The weekday (1 = Monday) the lowercase word `w` names.
    pub fn weekday(&self, w: &str) -> Option<u8> {
        self.weekdays.iter().position(|v| v == w).map(|i| i as u8 + 1)
    }
    /// The month (1 = January) the lowercase word `w` names, by any of its
    /// forms; a final full stop is left out ("feb." is "feb").
    pub fn month(&self, w: &str) -> Option<u8> {
        let w = w.trim_end_matches('.');
        self.months.iter().position(|vs| vs.iter().any(|v| v == w)).map(|i| i as u8 + 1)
    }
    /// Weekday `w` (1 = Monday) as a reader sees it.
    pub fn weekday_name(&self, w: u8) -> Option<String> {
        self.weekdays.get(usize::from(w).wrapping_sub(1)).map(|x| self.display(x))
    }
    /// Month `m` (1 = January) as a reader sees it: its first form.
    pub fn month_name(&self, m: u8) -> Option<String> {
        self.months.get(usize::from(m).wrapping_sub(1)).and_then(|v| v.first()).map(|x| self.display(x))
    }
    fn display(&self, w: &str) -> String {
        let mut s = w.to_string();
        // ASCII only: the Unicode case tables weigh kilobytes in the wasm
        // module, and the packs' capitalised names start with ASCII.
        if self.capitalized {
            if let Some(f) = s.get_mut(..1) {
                f.make_ascii_uppercase();
            }
        }
        s
    }
}
codec_struct!(MarkerDef { label; pattern });
codec_struct!(ReconcileParams { precise_tolerance, max_call_minutes, off_event_ratio, undated_call_days });
codec_struct!(Wire { agencies, joiners, inline, dateline, dateline_words, line_end, line_words });
codec_struct!(Compiled {
    classes,
    patterns,
    rules,
    topics,
    positions,
    markers;
    class_index,
    verbs,
    plural_refs,
    titles,
    starts,
    alias_index,
    entity_index,
    country_phrases,
});
codec_struct!(StartIndex { words, prefixes, slots, anywhere });
codec_struct!(AliasEntry { tokens, entities, plural, cased });
codec_named!(Slot, SLOTS);

codec_enum!(Alt { Word(s), Prefix(s) });
codec_enum!(Elem { Lit(a), Opt(a), Class(c), Slot(s), Gap(n) });

/// The embedded rules, loaded from the TOML, in binary form: what the
/// matchers read at run time. What only `compile` and the tests read stays
/// out (the fields after `;` in the `codec_struct!` lists above: the source
/// form of patterns, lexicon classes and aliases, whose compiled indexes go
/// in, and the examples and counterexamples).
pub(crate) fn embedded_bytes(lang: &str) -> Result<Vec<u8>, String> {
    let rules = load(&Pack::embedded(lang).ok_or_else(|| format!("no pack {lang}"))?)?;
    let mut w = Vec::new();
    rules.put(&mut w);
    Ok(w)
}

/// Rules from their binary form ([`embedded_bytes`]).
#[cfg_attr(not(feature = "prebuilt-rules"), allow(dead_code))]
pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Rules, String> {
    use crate::codec::Codec;
    let mut reader = crate::codec::Reader::new(bytes);
    let mut core = Core::get(&mut reader);
    let entities: Vec<EntityDef> = Codec::get(&mut reader);
    reader.finish()?;
    // The indexes are rebuilt, not stored.
    let (alias_index, entity_index) = index_entities(&entities, &core.groups)?;
    core.compiled.index_starts().map_err(|e| format!("prebuilt rules: {e}"))?;
    let Core { attribution, references, people, compiled, .. } = &mut core;
    compiled.index_words(attribution, references, people).map_err(|e| format!("prebuilt rules: {e}"))?;
    core.compiled.country_phrases = core.country_index()?;
    Ok(Rules { core: std::sync::Arc::new(core), entities, alias_index, entity_index })
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
        let e = damaged("[people]", "[people]\nspelling = []");
        assert!(e.contains("unknown field") && e.contains("spelling"), "{e}");
    }

    #[test]
    fn the_binary_form_round_trips_and_keeps_what_the_matchers_read() {
        for (lang, full) in pack::LANGS.iter().zip(packs()) {
            let bytes = embedded_bytes(lang).unwrap();
            let r = from_bytes(&bytes).unwrap();
            let mut again = Vec::new();
            r.put(&mut again);
            assert_eq!(again, bytes, "{lang}: decode then encode gives the same bytes");
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
            assert_eq!(r.compiled.plural_refs, full.compiled.plural_refs, "{lang}: the plural references are rebuilt");
        }
        let bytes = embedded_bytes("fr").unwrap();
        let r = from_bytes(&bytes).unwrap();
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
        let bytes = embedded_bytes("fr").unwrap();
        for cut in (0..bytes.len()).step_by(97) {
            assert!(from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        for i in (0..flipped.len()).step_by(31) {
            flipped[i] ^= 0x5a;
            let _ = from_bytes(&flipped); // an error or other rules, never a panic
            flipped[i] ^= 0x5a;
        }
    }

    #[test]
    fn globs() {
        assert_eq!(glob_match("# réponses", "13 réponses"), Some("13 réponses".len()));
        assert_eq!(glob_match("![*](*)", "![1](https://x.jpg)"), Some(19));
        assert_eq!(glob_match("date #-#", "date 2025 le"), None);
        assert_eq!(glob_match("date #-#", "date 2025-02 le"), Some(12));
        assert_eq!(glob_match("avatar de *", "avatar de coucou"), Some(16));
    }
}
