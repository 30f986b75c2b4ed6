//! Reading a language pack: the TOML files of `data/lang/<lang>/`, split by
//! concern, and the language-neutral `data/reconcile.toml`.
//!
//! | file              | holds                                                   |
//! |-------------------|---------------------------------------------------------|
//! | `page.toml`       | `[boilerplate]`, `[segmentation]`, `[wire]`             |
//! | `entities.toml`   | `[[entity]]`, `[[group]]`                               |
//! | `people.toml`     | `[people]`: titles and roles before names               |
//! | `countries.toml`  | `[[country]]`: names, demonyms, "of" phrases            |
//! | `speech.toml`     | `[references]`, `[attribution]`                         |
//! | `claims.toml`     | `[lexicon]`, `[[rule]]`, `[[topic]]`, `[[position]]`, `[release]`, `[[marker]]` |
//! | `dates.toml`      | `[dates]`                                               |
//! | `labels.toml`     | `[labels]`                                              |
//! | `durations.toml`  | the duration grammar (`extract::duration`)              |
//!
//! Each file is read with serde into its own struct, unknown keys refused, and
//! an error names the file, the line and what was expected.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::*;

/// The files of one language pack, by name, with their text.
#[derive(Debug, Clone)]
pub struct Pack {
    /// The language (`"fr"`): the `lang` of the articles it reads.
    pub lang: &'static str,
    files: Vec<(&'static str, String)>,
}

/// The languages of the embedded packs, the default (French) first.
pub const LANGS: &[&str] = &["fr", "en"];

/// The files of the embedded pack of `lang`. Only the loaders read them:
/// the wasm module, which embeds the rules prebuilt, holds no TOML.
pub fn files(lang: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match lang {
        "fr" => Some(FR),
        "en" => Some(EN),
        _ => None,
    }
}

macro_rules! pack_files {
    ($lang:literal) => {
        &[
            (
                concat!("data/lang/", $lang, "/page.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/page.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/entities.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/entities.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/people.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/people.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/countries.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/countries.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/speech.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/speech.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/claims.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/claims.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/dates.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/dates.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/labels.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/labels.toml")),
            ),
            (
                concat!("data/lang/", $lang, "/durations.toml"),
                include_str!(concat!("../../data/lang/", $lang, "/durations.toml")),
            ),
            ("data/reconcile.toml", include_str!("../../data/reconcile.toml")),
        ]
    };
}

/// The French pack, embedded at build time.
const FR: &[(&str, &str)] = pack_files!("fr");
/// The English pack.
const EN: &[(&str, &str)] = pack_files!("en");

impl Pack {
    /// The embedded pack of `lang`, if there is one.
    pub fn embedded(lang: &str) -> Option<Pack> {
        let lang = LANGS.iter().find(|l| **l == lang)?;
        Some(Pack { lang, files: files(lang)?.iter().map(|(n, t)| (*n, t.to_string())).collect() })
    }

    /// The embedded French pack.
    pub fn french() -> Pack {
        Pack::embedded("fr").expect("the French pack is embedded")
    }

    /// Replaces the first `from` with `to` in the first file that holds it
    /// (for trying damaged packs); whether one did.
    pub fn replace(&mut self, from: &str, to: &str) -> bool {
        match self.files.iter_mut().find(|(_, t)| t.contains(from)) {
            Some((_, t)) => {
                *t = t.replacen(from, to, 1);
                true
            }
            None => false,
        }
    }

    fn read<T: DeserializeOwned>(&self, name: &str) -> Result<T, String> {
        let (path, text) =
            self.files.iter().find(|(n, _)| n.ends_with(name)).ok_or_else(|| format!("the pack has no file {name}"))?;
        toml::from_str(text).map_err(|e| format!("{path}: {}", e.to_string().trim_end()))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    boilerplate: Boilerplate,
    segmentation: Segmentation,
    wire: Wire,
    language: Language,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    entity: Vec<EntityDef>,
    #[serde(default)]
    group: Vec<GroupDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    people: People,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    country: Vec<Country>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeechFile {
    references: References,
    attribution: Attribution,
    grammar: Grammar,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    #[serde(deserialize_with = "pairs")]
    lexicon: Vec<(String, Vec<String>)>,
    rule: Vec<RuleDef>,
    topic: Vec<TopicDef>,
    position: Vec<PositionDef>,
    release: Release,
    #[serde(default)]
    marker: Vec<MarkerDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesFile {
    dates: Dates,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelsFile {
    labels: Labels,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReconcileFile {
    reconcile: ReconcileParams,
}

/// Reads, validates and compiles a pack's rules.
pub fn load(pack: &Pack) -> Result<Rules, String> {
    let page: PageFile = pack.read("page.toml")?;
    let entities: EntitiesFile = pack.read("entities.toml")?;
    let people: PeopleFile = pack.read("people.toml")?;
    let countries: CountriesFile = pack.read("countries.toml")?;
    let speech: SpeechFile = pack.read("speech.toml")?;
    let claims: ClaimsFile = pack.read("claims.toml")?;
    let dates: DatesFile = pack.read("dates.toml")?;
    let labels: LabelsFile = pack.read("labels.toml")?;
    let reconcile: ReconcileFile = pack.read("reconcile.toml")?;
    let mut core = Core {
        lang: pack.lang.to_string(),
        boilerplate: page.boilerplate,
        segmentation: page.segmentation,
        language: Language {
            words: {
                let mut w: Vec<String> = page.language.words.iter().map(|x| crate::case::to_lowercase(x)).collect();
                w.sort();
                w.dedup();
                w
            },
        },
        entities: entities.entity,
        groups: entities.group,
        references: speech.references,
        attribution: speech.attribution,
        grammar: speech.grammar,
        lexicon: claims.lexicon,
        claim_rules: claims.rule,
        topics: claims.topic,
        positions: claims.position,
        release: claims.release,
        dates: dates.dates,
        markers: claims.marker,
        reconcile: reconcile.reconcile,
        pack_labels: labels.labels,
        people: people.people,
        countries: countries.country,
        wire: page.wire,
        compiled: Compiled::default(),
    };
    core.compile()?;
    Ok(Rules::from_core(core))
}
