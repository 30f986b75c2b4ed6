//! The definitions a pack's files hold, as serde reads them: boilerplate,
//! entities, people, references, grammar, claim rules, dates, wire.

use super::*;

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
    pub(super) fn lowercase(&mut self) {
        for v in [
            &mut self.line_exact,
            &mut self.line_glob,
            &mut self.tail_glob,
            &mut self.metadata_prefix_glob,
            &mut self.links_glob,
        ] {
            for g in v.iter_mut() {
                *g = crate::case::to_lowercase(g);
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
pub(super) fn whole_line_matches(globs: &[String], line: &str) -> bool {
    globs.iter().any(|g| glob_match(g, line) == Some(line.len()))
}

/// Matches a glob at the start of `s`; returns the longest matched length.
/// `*` matches any text, `#` one or more ASCII digits.
pub(super) fn glob_match(g: &str, s: &str) -> Option<usize> {
    fn go(g: &str, s: &str, at: usize) -> Option<usize> {
        let mut chars = g.chars();
        let Some(first) = chars.next() else { return Some(at) };
        let rest = chars.as_str();
        match first {
            '*' => {
                // Longest first: every character boundary from the end back
                // to `at`; only where the literal that follows starts, when
                // one does (found by a backward search, not tried at every
                // boundary).
                let lit = rest.chars().next().filter(|c| *c != '*' && *c != '#');
                let mut end = s.len();
                loop {
                    if lit.is_none_or(|c| s[end..].starts_with(c)) {
                        if let Some(n) = go(rest, s, end) {
                            return Some(n);
                        }
                    }
                    end = match lit {
                        Some(c) => at + s[at..end].rfind(c)?,
                        None if end == at => return None,
                        None => s.floor_char_boundary(end - 1),
                    };
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
#[derive(Debug, Clone, Deserialize)]
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
pub(super) const ENTITY_KINDS: &[(&str, EntityKind)] = &[
    ("person", EntityKind::Person),
    ("institution", EntityKind::Institution),
    ("place", EntityKind::Place),
    ("media", EntityKind::Media),
];

/// A TOML table of strings or lists, as `(key, value)` pairs in key order.
pub(super) fn pairs<'de, D: Deserializer<'de>, V: Deserialize<'de>>(d: D) -> Result<Vec<(String, V)>, D::Error> {
    Ok(std::collections::BTreeMap::<String, V>::deserialize(d)?.into_iter().collect())
}

/// The value named `name` in a name table.
pub(super) fn named<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
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
    /// Phrases that name it by an office whose holder changes ("the US
    /// president", « le président américain »): one counts for it only in
    /// an article that also names it by one of its `aliases`, so that an
    /// article on another holder's time is not read as about it.
    #[serde(default)]
    pub roles: Vec<String>,
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
    /// party to it. For a listed person, whether one of its `roles` holds
    /// a leader's title (set when the rules are compiled).
    #[serde(skip)]
    pub leader: bool,
}

impl EntityDef {
    /// Whether its role is no leader's (a minister, a spokesperson): the
    /// role the text gives a person found by title, or a listed person's
    /// `roles`. Then it is no party to a call between leaders.
    pub fn is_aide(&self) -> bool {
        !self.leader && (self.role.is_some() || (self.kind == EntityKind::Person && !self.roles.is_empty()))
    }
}

/// How a person the rules do not list is recognised: a title before a
/// capitalised name, « le président péruvien Tomás Quispe Huamán »,
/// « son homologue péruvien Quispe » (see `extract::people`).
#[derive(Debug, Default, Deserialize)]
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
    /// The countries (indices into [`Core::countries`]) of the listed
    /// leaders, by a country word in their roles (« le président
    /// français »): "his French counterpart" may be that leader, so it
    /// names no leader found in the texts. Set when the rules are
    /// compiled.
    #[serde(skip)]
    pub leader_countries: Vec<usize>,
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
    /// Plural references to the last pair ("ils", "they").
    pub plural: Vec<String>,
    /// Plural references that name the pair by its office ("les deux
    /// dirigeants", "the two presidents"): the last pair of leaders.
    pub plural_leaders: Vec<String>,
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
    /// A name after the verb opens what was said when more words follow
    /// it ("said Merz would visit"): languages that drop "that".
    #[serde(default)]
    pub names_open_clause: bool,
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
    /// Open a subordinate clause: an actor before one is no subject of a
    /// position stated after it ("Biden told Netanyahu that a ceasefire
    /// was needed").
    #[serde(default)]
    pub subordinators: Vec<String>,
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
pub(super) const RULE_KINDS: &[(&str, RuleKind)] = &[
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
    /// The topics (ids) the cues speak of; empty: any topic. A cue like
    /// « ne peut pas » says something of joining an alliance, nothing of a
    /// ceasefire.
    #[serde(default)]
    pub topics: Vec<String>,
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
    /// Words that make the date after them (and its article) a bound of a
    /// span, not a day something happened on: « depuis le 2 mars »,
    /// "since March 2", "before Friday".
    #[serde(default)]
    pub bounds: Vec<String>,
    /// Words that, one or two words before a date, make it an earlier
    /// event's day: "who last spoke on March 2", "spoke last on March 2",
    /// « pour la dernière fois le 2 mars ». Right before the date ("last
    /// Tuesday") they do not.
    #[serde(default)]
    pub last: Vec<String>,
    /// Parts of the day, written between a weekday and its date: « mercredi
    /// matin 9 mars », "Wednesday morning, March 9".
    #[serde(default)]
    pub day_parts: Vec<String>,
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
    pub(super) fn check(&self) -> Result<(), String> {
        if self.agencies.iter().any(|a| a.is_empty() || a.iter().any(|n| n.trim().is_empty())) {
            return Err("wire.agencies: each agency needs a name".into());
        }
        for (name, forms) in [("inline", &self.inline), ("dateline", &self.dateline), ("line_end", &self.line_end)] {
            for f in forms.iter() {
                if f.matches("{a}").count() != 1 {
                    return Err(format!("wire.{name}: form {} must hold {{a}} once", crate::error::Quoted(f)));
                }
            }
        }
        for f in &self.inline {
            if !f.starts_with(|c: char| c.is_ascii_punctuation() && !matches!(c, '-' | '\'' | '{')) {
                return Err(format!(
                    "wire.inline: form {} must start with an ASCII mark such as '('",
                    crate::error::Quoted(f)
                ));
            }
        }
        Ok(())
    }
}

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
    pub(super) fn display(&self, w: &str) -> String {
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
