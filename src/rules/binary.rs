//! The rules' binary form (see `crate::codec`).

use super::*;

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
    wire,
    compiled;
    // In the pack's names section, with the entities ([`Rules::put`]).
    people,
    countries,
    entities,
    lexicon,
    // In a section of its own, with the date names ([`super::view`]):
    // rendering a document reads them without decoding the pack.
    pack_labels,
});
impl Rules {
    /// The binary form, in two sections: the shared part, then the words
    /// the packs share most (people's titles, lexicon classes, patterns,
    /// countries, entities). The blob puts every pack's names side by
    /// side, after the packs, where gzip finds what the packs share (the
    /// same leaders and countries): the page is 0.7 KB smaller than with
    /// each pack's names inside its own section.
    pub(super) fn put(&self) -> [Vec<u8>; 2] {
        use crate::codec::Codec;
        let (mut core, mut names) = (Vec::new(), Vec::new());
        self.core.put(&mut core);
        self.core.people.put(&mut names);
        self.core.compiled.classes.put(&mut names);
        self.core.compiled.patterns.put(&mut names);
        self.core.countries.put(&mut names);
        self.entities.put(&mut names);
        [core, names]
    }
}
codec_struct!(Boilerplate { line_exact, line_glob, tail_glob, metadata_prefix_glob, links_glob });
codec_struct!(Segmentation { abbreviations });
codec_struct!(Language { words });
codec_named!(EntityKind, ENTITY_KINDS);
codec_struct!(EntityDef { id, kind, name, short, member_of, era_of, role, country, leader, aliases, roles, plural });
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
    titles,
    leader_countries;
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
    plural_leaders,
});
codec_struct!(Grammar {
    of,
    auxiliaries,
    complementizers,
    subordinators,
    relatives,
    coordinators,
    negators,
    passive,
    agent,
    determiners,
    adjective_plural,
    adjective_endings
});
codec_struct!(Attribution { introducers, names_open_clause, sources, leading_sources, verbs });
codec_struct!(RuleDef { id, kind, value; patterns, examples, counterexamples });
codec_named!(RuleKind, RULE_KINDS);
codec_named!(crate::model::Stance, crate::model::json::STANCES);
codec_struct!(TopicDef { id; patterns });
codec_struct!(PositionDef { id, negatable, topics; patterns, examples, counterexamples });
codec_struct!(Release { detained, held_by_nationality, name_stop, window });
codec_struct!(Dates {
    weekdays,
    months,
    weekday_window,
    days_back,
    ordinal_suffixes,
    day_articles,
    bounds,
    last,
    day_parts,
    capitalized
});

codec_struct!(MarkerDef { label; pattern });
codec_struct!(ReconcileParams { precise_tolerance, max_call_minutes, off_event_ratio, undated_call_days });
codec_struct!(Wire { agencies, joiners, inline, dateline, dateline_words, line_end, line_words });
codec_struct!(Compiled {
    rules,
    topics,
    positions,
    markers;
    // In the pack's names section ([`Rules::put`]).
    classes,
    patterns,
    class_index,
    class_starts,
    verbs,
    plural_refs,
    titles,
    starts,
    alias_index,
    entity_index,
    country_phrases,
});
codec_struct!(StartIndex { words, prefixes, slots, anywhere });
codec_struct!(AliasEntry { tokens, entities, plural, cased, role });
codec_named!(Slot, SLOTS);

codec_enum!(Alt { Word(s), Prefix(s) });
codec_enum!(Elem { Lit(a), Opt(a), Class(c), Slot(s), Gap(n) });

/// The embedded rules, loaded from the TOML, in binary form: what the
/// matchers read at run time. What only `compile` and the tests read stays
/// out (the fields after `;` in the `codec_struct!` lists above: the source
/// form of patterns, lexicon classes and aliases, whose compiled indexes go
/// in, and the examples and counterexamples).
pub(crate) fn embedded_bytes(lang: &str) -> Result<[Vec<u8>; 2], String> {
    let rules = load(&Pack::embedded(lang).ok_or_else(|| format!("no pack {lang}"))?)?;
    Ok(rules.put())
}

/// Rules from their binary form ([`embedded_bytes`]).
#[cfg_attr(not(prebuilt), allow(dead_code))]
pub(crate) fn from_bytes(bytes: &[u8], names: &[u8]) -> Result<Rules, String> {
    use crate::codec::Codec;
    let mut reader = crate::codec::Reader::new(bytes);
    let mut core = Core::get(&mut reader);
    reader.finish()?;
    let mut reader = crate::codec::Reader::new(names);
    core.people = Codec::get(&mut reader);
    core.compiled.classes = Codec::get(&mut reader);
    core.compiled.patterns = Codec::get(&mut reader);
    core.countries = Codec::get(&mut reader);
    let entities: Vec<EntityDef> = Codec::get(&mut reader);
    reader.finish()?;
    // The indexes are rebuilt, not stored.
    let (alias_index, entity_index) = index_entities(&entities, &core.groups)?;
    // (Their errors reach the caller as they are: `pack` says which
    // embedded rules they are from.)
    core.compiled.index_starts()?;
    let Core { attribution, references, people, compiled, .. } = &mut core;
    compiled.index_words(attribution, references, people)?;
    core.compiled.country_phrases = core.country_index()?;
    Ok(Rules { core: std::sync::Arc::new(core), entities, alias_index, entity_index })
}
