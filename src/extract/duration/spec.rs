//! The grammar file `durations.toml` and its examples file, as serde
//! reads them.

use super::*;

#[cfg(test)]
pub(super) const DATA: &str = include_str!("../../../data/lang/fr/durations.toml");
/// The lexicon's examples and counterexamples (tests only).
#[cfg(test)]
pub(super) const EXAMPLES: &str = include_str!("../../../data/lang/fr/durations.examples.toml");
/// The grammar file, as serde reads it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RulesFile {
    pub(super) tolerance: ToleranceSpec,
    pub(super) connectors: ConnectorSpec,
    #[serde(rename = "number")]
    pub(super) numbers: Vec<NumberSpec>,
    #[serde(rename = "unit")]
    pub(super) units: Vec<UnitSpec>,
    #[serde(rename = "fraction")]
    pub(super) fractions: Vec<FractionSpec>,
    pub(super) approx: Vec<ApproxSpec>,
    #[serde(rename = "hedge")]
    pub(super) hedges: Vec<HedgeSpec>,
    #[serde(rename = "not_duration")]
    pub(super) blocks: Vec<BlockSpec>,
}

/// The examples file (tests only).
#[cfg(test)]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExamplesFile {
    #[serde(rename = "example")]
    pub(super) examples: Vec<ExampleSpec>,
    #[serde(rename = "counterexample")]
    pub(super) counterexamples: Vec<CounterexampleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ToleranceSpec {
    pub(super) close_below: f64,
    pub(super) around: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ConnectorSpec {
    pub(super) and: Vec<String>,
    pub(super) of: Vec<String>,
    pub(super) range: Vec<String>,
    pub(super) range_lead: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NumberSpec {
    pub(super) words: Vec<String>,
    pub(super) value: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitSpec {
    pub(super) id: String,
    pub(super) words: Vec<String>,
    #[serde(default)]
    pub(super) abbrev: Vec<String>,
    pub(super) minutes: Option<u32>,
    pub(super) seconds: Option<u32>,
    #[serde(default)]
    pub(super) bare_minutes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum FractionUse {
    AfterEt,
    BeforeUnit,
    OfUnit,
    AfterUnit,
    AndBeforeUnit,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FractionSpec {
    pub(super) id: String,
    pub(super) words: Vec<String>,
    pub(super) twelfths: u32,
    pub(super) uses: Vec<FractionUse>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ApproxSpec {
    pub(super) id: String,
    pub(super) words: Vec<String>,
    pub(super) value: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum HedgePosition {
    #[default]
    Before,
    Infix,
    After,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HedgeSpec {
    pub(super) id: String,
    pub(super) hedge: Hedge,
    #[serde(default)]
    pub(super) position: HedgePosition,
    pub(super) phrases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum BlockPosition {
    Before,
    After,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BlockSpec {
    pub(super) id: String,
    pub(super) position: BlockPosition,
    pub(super) why: String,
    pub(super) phrases: Vec<String>,
    #[serde(default)]
    pub(super) units: Vec<String>,
    #[serde(default)]
    pub(super) ranges_only: bool,
}

/// An example bound: whole minutes, or `"open"`.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Deserialize), serde(untagged))]
#[cfg_attr(not(test), allow(dead_code))]
pub(super) enum BoundSpec {
    Minutes(u32),
    Word(String),
}

#[derive(Debug)]
#[cfg_attr(test, derive(Deserialize), serde(deny_unknown_fields))]
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct ExampleSpec {
    pub(super) text: String,
    pub(super) phrase: String,
    pub(super) min: BoundSpec,
    pub(super) max: BoundSpec,
    pub(super) hedge: Option<Hedge>,
    pub(super) rule: Option<String>,
}

#[derive(Debug)]
#[cfg_attr(test, derive(Deserialize), serde(deny_unknown_fields))]
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct CounterexampleSpec {
    pub(super) text: String,
    pub(super) why: String,
    pub(super) phrase: Option<String>,
}

/// Reads the grammar file with serde: unknown keys are refused, and an
/// error names the line and what was expected.
pub(super) fn read_rules(src: &str) -> Result<RulesFile, String> {
    toml::from_str(src).map_err(|e| e.to_string().trim_end().to_string())
}

/// The examples and counterexamples of the grammar.
#[cfg(test)]
pub(super) fn read_examples() -> ExamplesFile {
    toml::from_str(EXAMPLES).unwrap_or_else(|e| panic!("data/lang/fr/durations.examples.toml: {e}"))
}
