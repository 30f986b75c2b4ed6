//! People the rules do not list, recognised by the shape of their mention.
//!
//! A news text introduces a person by a title before the name; the rules'
//! `[people]` section lists the titles and the words around them:
//!
//! ```text
//! sighting   = title complement* [","] name
//! title      = a `leader_titles` or `titles` phrase        « président », « chef du gouvernement »
//! complement = demonym | of-phrase | modifier | de-phrase   « brésilien », « du Brésil », « élu »,
//!                                                           « des Affaires étrangères »
//! name       = Capitalised (particle* Capitalised)*         « Rui Almeida da Costa Pires »
//! ```
//!
//! | text                                                      | person                      | role           | country |
//! |-----------------------------------------------------------|-----------------------------|----------------|---------|
//! | « le président péruvien Tomás Quispe Huamán »            | Tomás Quispe Huamán         | président      | peru    |
//! | « le chef du gouvernement portugais, Rui Pires, »         | Rui Pires                   | chef du gouvernement | portugal |
//! | « le ministre des Affaires étrangères Kwame Boateng »     | Kwame Boateng               | ministre       | –       |
//! | « son homologue péruvien Quispe »                         | Quispe (the same person)    | homologue      | peru    |
//! | « le président a parlé avec Quispe »                      | nobody: "a" is no complement |               |         |
//!
//! Sightings across all the articles of one analysis are merged: a name
//! whose words all belong to a longer one of the same country is that
//! person ("Quispe", "Pires"). People the rules already list (by any alias)
//! are left to the rules. Each person found becomes an entity with a
//! stable id (the name as a slug), and aliases: the names seen, the
//! surname (counted only when capitalised), and title with country (« le
//! président péruvien », and for a leader « son homologue péruvien »)
//! when that names one person only.
//!
//! Work is linear in the text: a title is looked up once per word, and a
//! sighting reads a bounded window after it.

use std::collections::HashMap;

use crate::rules::Fnv;

use crate::rules::{EntityDef, EntityKind, Rules};
use crate::text::{TokKind, Token};

/// How many words a title's complement may take.
const MAX_COMPLEMENT: usize = 8;
/// How many words a name may take.
const MAX_NAME: usize = 6;

/// One person introduced by a title.
#[derive(Debug, Clone)]
pub(crate) struct Sighting {
    /// The name's words as written.
    pub words: Vec<String>,
    /// Its words lowercased.
    pub lower: Vec<String>,
    /// The title as written ("président", "Première ministre").
    pub title: String,
    /// The title's tokens, lowercased.
    pub title_lower: Vec<String>,
    /// Whether the title is a leader's.
    pub leader: bool,
    /// The country the title gives.
    pub country: Option<usize>,
}

fn is_word(t: &Token) -> bool {
    t.kind == TokKind::Word
}

fn starts_with(toks: &[Token], at: usize, phrase: &[String]) -> bool {
    at + phrase.len() <= toks.len() && toks[at..at + phrase.len()].iter().zip(phrase).all(|(t, w)| t.lower == w)
}

/// The country phrase (demonym or "of" phrase) at `at`: `(end, country)`.
fn country_at(toks: &[Token], at: usize, r: &Rules) -> Option<(usize, usize)> {
    let t = toks.get(at)?;
    r.country_phrases_starting(t.lower).iter().find(|(p, _)| starts_with(toks, at, p)).map(|(p, c)| (at + p.len(), *c))
}

/// The country phrase that ends right before token `end`.
fn country_ending_at(toks: &[Token], end: usize, r: &Rules) -> Option<usize> {
    (1..=MAX_COUNTRY_WORDS.min(end))
        .find_map(|k| country_at(toks, end - k, r).filter(|&(e, _)| e == end).map(|(_, c)| c))
}

/// The longest country phrase, in words, looked for before a title.
const MAX_COUNTRY_WORDS: usize = 5;

fn is_name_word(t: &Token, r: &Rules, norm: &str) -> bool {
    is_word(t)
        && t.capitalized
        && t.lower.chars().next().is_some_and(char::is_alphabetic)
        && !r.people.name_stop.iter().any(|w| w == &norm[t.start..t.end])
}

/// The sightings in one sentence's tokens (`norm`: the text the tokens'
/// offsets point into).
pub(crate) fn sightings(toks: &[Token], norm: &str, r: &Rules, out: &mut Vec<Sighting>) {
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // A title in capitals is a headline's ("LE PRÉSIDENT TEBBOUNE A
        // REÇU"): every word after it looks like a name. (Its last letter
        // is a capital: the first may be one anyway; "MP", an
        // abbreviation, is written so.)
        let shouted = t.end - t.start > 2 && norm.as_bytes().get(t.end - 1).is_some_and(u8::is_ascii_uppercase);
        let titles = if is_word(t) && !shouted { r.titles_starting(t.lower) } else { &[] };
        let Some((title, leader)) = titles.iter().find(|(p, _)| starts_with(toks, i, p)) else {
            i += 1;
            continue;
        };
        match sighting_after(toks, i, title.len(), *leader == 1, norm, r) {
            Some((mut s, end)) => {
                // A country may come before the title ("Peruvian President
                // Quispe", "Peru's President Quispe").
                s.country = s.country.or_else(|| country_ending_at(toks, i, r));
                out.push(s);
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The sighting whose title is `toks[i..i + n]`, and where it ends.
fn sighting_after(
    toks: &[Token],
    i: usize,
    n: usize,
    leader: bool,
    norm: &str,
    r: &Rules,
) -> Option<(Sighting, usize)> {
    let p = &r.people;
    let mut j = i + n;
    let mut country = None;
    let mut taken = 0;
    let mut complement = false;
    // Whether the last de-phrase ends on a capitalised word (« de l'Union »).
    let mut capitalised_head = false;
    while j < toks.len() && taken < MAX_COMPLEMENT {
        let t = &toks[j];
        if let Some((end, c)) = country_at(toks, j, r) {
            country = country.or(Some(c));
            taken += end - j;
            j = end;
        } else if p.modifiers.iter().any(|m| m == t.lower) {
            j += 1;
            taken += 1;
        } else if p.complement.iter().any(|m| m == t.lower) {
            // A de-phrase: « des Affaires étrangères », « de la Défense ».
            let mut k = j + 1;
            if toks.get(k).is_some_and(|t| p.articles.iter().any(|a| a == t.lower)) {
                k += 1;
            }
            toks.get(k).filter(|t| is_word(t))?;
            k += 1;
            while let Some(t) = toks.get(k).filter(|t| is_word(t)) {
                // Lowercase words continue the phrase (« étrangères »); a
                // capitalised word after a capitalised head ("du
                // Pérou Quispe") or after a lowercase word starts the name,
                // unless complements take capitalised words (then the name
                // needs a comma).
                let continues = p.capitalised_complements && t.capitalized;
                if (t.capitalized && !continues) || p.complement.iter().any(|m| m == t.lower) {
                    break;
                }
                // Another preposition ends it, and what follows is a place
                // or a time, not the name: « la porte-parole du ministère
                // de l'Intérieur à Lisbonne, Ana Sousa » gives nobody
                // rather than a person « Lisbonne ».
                if super::sentence::is_prep(r, t.lower) {
                    return None;
                }
                k += 1;
            }
            taken += k - j;
            capitalised_head = toks[k - 1].capitalized;
            j = k;
            complement = true;
        } else {
            break;
        }
    }
    let apposition = toks.get(j).is_some_and(|t| t.lower == ",");
    if apposition {
        j += 1;
    } else if complement && p.capitalised_complements {
        return None;
    }
    let start = j;
    let mut end = j;
    while end < toks.len() && end - start < MAX_NAME {
        if is_name_word(&toks[end], r, norm) {
            end += 1;
            // An initial and its full stop: "George W. Bush".
            if toks[end - 1].lower.chars().nth(1).is_none()
                && toks.get(end).is_some_and(|t| t.lower == "." && t.start == toks[end - 1].end)
                && toks.get(end + 1).is_some_and(|t| is_name_word(t, r, norm))
            {
                end += 1;
            }
        } else if end > start
            && toks[end].lower == "-"
            && toks[end].kind != TokKind::ClauseBreak
            && toks.get(end + 1).is_some_and(|t| is_name_word(t, r, norm))
        {
            // Names joined by a hyphen ("Jean-Marc", "Al-Tayeb"): one
            // name, whose words the tokenizer splits.
            end += 2;
        } else if end > start {
            // Particles, then a capitalised word: "van der Berg".
            let is_particle = |t: &Token| !t.capitalized && p.particles.iter().any(|w| w == t.lower);
            let mut k = end;
            while k < toks.len() && k - end < 3 && is_particle(&toks[k]) {
                k += 1;
            }
            if k == end || !toks.get(k).is_some_and(|t| is_name_word(t, r, norm)) {
                break;
            }
            end = k;
        } else {
            break;
        }
    }
    // One capitalised word right after a capitalised de-phrase continues
    // the body's name, which a name then follows: « le président de
    // l'Union Africaine a… », « de la Banque Mondiale ».
    if end == start || (capitalised_head && !apposition && end - start == 1) {
        return None;
    }
    // A name is followed by something else than more of a name: a run cut
    // by the length bound is no name.
    if end - start == MAX_NAME && toks.get(end).is_some_and(|t| is_name_word(t, r, norm)) {
        return None;
    }
    // After a comma the name stands in apposition, closed by another comma
    // or the sentence end: « selon le président, Paris a… » names nobody.
    if apposition && toks.get(end).is_some_and(|t| !matches!(t.lower, "," | "." | ")")) {
        return None;
    }
    let name = &toks[start..end];
    // A title or country word is no name (« le président Brésilien »), nor
    // is a run with a country in it: a tag line ("… Prime Minister Anjali
    // Rao Ukraine Russia India"). A given name and a surname that is a
    // country's ("Luís Montenegro") are a name.
    let country_word = |k: usize| (k != 1 || name.len() > 2) && country_at(toks, start + k, r).is_some();
    if name.iter().enumerate().any(|(k, t)| !r.titles_starting(t.lower).is_empty() || country_word(k)) {
        return None;
    }
    // As written: "Al-Tayeb" is one word, of three tokens.
    let words: Vec<String> = norm[name[0].start..name[name.len() - 1].end].split(' ').map(str::to_string).collect();
    let lower: Vec<String> = name.iter().map(|t| t.lower.to_string()).collect();
    let title_toks = &toks[i..i + n];
    let title = norm[title_toks[0].start..title_toks[n - 1].end].to_string();
    let title_lower = title_toks.iter().map(|t| t.lower.to_string()).collect();
    Some((Sighting { words, lower, title, title_lower, leader, country }, end))
}

/// Whether the rules already name someone by these words (or by their
/// last word, a surname: "Wladimir Poutine" is Poutine).
fn listed(lower: &[String], r: &Rules) -> bool {
    let names = |ws: &[String]| r.aliases_starting(&ws[0]).iter().any(|a| a.tokens.as_slice() == ws && !a.cased);
    names(lower) || lower.last().is_some_and(|l| names(std::slice::from_ref(l)))
}

/// Accent-folded form of a word, a doubled letter written once, without
/// a particle joined by a hyphen: one form for "Quispe Huamán" and "Quispe
/// Huaman", and for transliterations that differ in a doubled letter
/// ("Massoud" and "Masoud") or in an article ("Al-Tayeb", "el-Tayeb" and
/// "Tayeb").
fn fold(w: &str, r: &Rules) -> String {
    let mut out = String::new();
    for c in super::slug(w).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    match out.split_once('_') {
        Some((head, rest)) if !rest.is_empty() && r.people.particles.iter().any(|p| p == head) => rest.to_string(),
        _ => out,
    }
}

/// Whether two folded words of [`MIN_TRANSLITERATED`] letters or more
/// are one word transliterated with other vowels: the same first letter,
/// then the same consonants ("yusuf", "yousef"; "karimov", "karymov").
/// Latin vowels, "y" with them, are the letters transliterations disagree on.
fn same_consonants(a: &str, b: &str) -> bool {
    fn consonants(w: &str) -> impl Iterator<Item = u8> + '_ {
        w.bytes().enumerate().filter(|&(k, c)| k == 0 || !b"aeiouy".contains(&c)).map(|(_, c)| c)
    }
    a.len().min(b.len()) >= MIN_TRANSLITERATED && consonants(a).eq(consonants(b))
}

/// Shorter given names that differ in a vowel ("Jan", "Jon") are others'.
const MIN_TRANSLITERATED: usize = 5;

/// Of the persons `ks`, the one sighted most (the first on a tie).
fn most_seen(ks: impl Iterator<Item = usize>, seen: impl Fn(usize) -> usize) -> Option<usize> {
    ks.reduce(|a, b| if seen(b) > seen(a) { b } else { a })
}

/// A person being gathered from sightings.
struct Person {
    words: Vec<String>,
    folded: Vec<String>,
    variants: Vec<Vec<String>>,
    singles: Vec<(String, usize)>,
    role: Option<String>,
    roles: Vec<Vec<String>>,
    leader: bool,
    country: Option<usize>,
    /// How many sightings name the person.
    seen: usize,
}

/// The people of a set of sightings (in text order), as rules entities
/// with their aliases (token lists, and whether counted only capitalised).
pub(crate) fn people(sightings: Vec<Sighting>, r: &Rules) -> Vec<(EntityDef, Vec<(Vec<String>, bool)>)> {
    let sightings: Vec<Sighting> = sightings.into_iter().filter(|s| !listed(&s.lower, r)).collect();
    // A listed person written another way ("Nétanyahou" for "Netanyahou"):
    // the spelling joins the listed person, as an alias of theirs.
    let shorts: Vec<(String, usize)> = (r.entities.iter().enumerate())
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .map(|(k, e)| (fold(&e.short, r), k))
        .collect();
    let mut respelled: Vec<(EntityDef, Vec<(Vec<String>, bool)>)> = Vec::new();
    let sightings: Vec<Sighting> = sightings
        .into_iter()
        .filter(|s| {
            let Some(e) = respelt(s, &shorts, r) else { return true };
            // Its surname: the name's other words are no alias of anyone.
            respelled.push((r.entities[e].clone(), vec![(s.lower[s.lower.len() - 1..].to_vec(), true)]));
            false
        })
        .collect();
    let mut persons: Vec<Person> = Vec::new();
    // Folded word → persons whose name holds it: merging stays linear.
    let mut by_word: HashMap<String, Vec<usize>, Fnv> = HashMap::default();
    // Longest names first, so that "Quispe" joins "Tomás Quispe Huamán"
    // (names are at most `MAX_NAME` words: a pass per length, no sort).
    let by_length = (1..=MAX_NAME).rev().flat_map(|n| sightings.iter().filter(move |s| s.words.len() == n));
    for s in by_length {
        let folded: Vec<String> = s.words.iter().map(|w| fold(w, r)).collect();
        // Of two persons the words may name ("Trudeau": a prime minister
        // and his father), the one sighted most so far (the first on a tie).
        // A word joined by a hyphen is also its parts: "Min-seok" is in
        // "Park Min Seok" (longer names come first). Beside a word that is
        // the same, a word may be written with other vowels ("Yusuf Bakirov",
        // "Yousef Bakirov"): a transliteration.
        let same =
            |w: &String, p: &Person| p.folded.contains(w) || w.split('_').all(|x| p.folded.iter().any(|y| y == x));
        let fits = |&k: &usize| {
            let p = &persons[k];
            folded.iter().any(|w| same(w, p))
                && folded.iter().all(|w| same(w, p) || p.folded.iter().any(|y| same_consonants(w, y)))
                && (p.country.is_none() || s.country.is_none() || p.country == s.country)
        };
        let ps = folded.iter().filter_map(|w| by_word.get(w).or_else(|| by_word.get(w.split('_').next()?)));
        let found = most_seen(ps.flatten().copied().filter(fits), |k| persons[k].seen);
        // The other spellings name the person too ("Yousef" alone); a
        // flood of spellings of one name stays bounded.
        if let Some(k) = found {
            for w in &folded {
                if !persons[k].folded.contains(w) && persons[k].folded.len() < 2 * MAX_NAME {
                    persons[k].folded.push(w.clone());
                    let v = by_word.entry(w.clone()).or_default();
                    if v.len() < 8 {
                        v.push(k);
                    }
                }
            }
        }
        let k = match found {
            // Of two spellings of one name ("Masoud", "Massoud"), the one
            // whose id comes first names the person, whatever the order
            // of the articles.
            Some(k) => {
                let p = &mut persons[k];
                if s.words.len() == p.words.len()
                    && super::slug(&crate::join(&s.words, " ")) < super::slug(&crate::join(&p.words, " "))
                {
                    p.words = s.words.clone();
                }
                k
            }
            None => {
                for w in &folded {
                    let v = by_word.entry(w.clone()).or_default();
                    // A flood of one surname stays bounded.
                    if v.len() < 8 {
                        v.push(persons.len());
                    }
                }
                persons.push(Person {
                    words: s.words.clone(),
                    folded,
                    variants: Vec::new(),
                    singles: Vec::new(),
                    role: None,
                    roles: Vec::new(),
                    leader: false,
                    country: None,
                    seen: 0,
                });
                persons.len() - 1
            }
        };
        let p = &mut persons[k];
        p.seen += 1;
        if !p.variants.contains(&s.lower) {
            p.variants.push(s.lower.clone());
        }
        if s.words.len() == 1 {
            match p.singles.iter_mut().find(|(w, _)| *w == s.words[0]) {
                Some((_, n)) => *n += 1,
                None => p.singles.push((s.words[0].clone(), 1)),
            }
        }
        // "homologue", "dirigeant" say nothing of the role itself.
        let generic = r.people.leader_words.iter().any(|w| crate::rules::phrase_tokens(w) == s.title_lower);
        if p.role.is_none() && !generic {
            p.role = Some(crate::case::to_lowercase(&s.title));
        }
        if !generic && !p.roles.contains(&s.title_lower) {
            p.roles.push(s.title_lower.clone());
        }
        p.leader |= s.leader;
        p.country = p.country.or(s.country);
    }
    let mut out = role_aliases(persons, &by_word, r);
    out.extend(respelled);
    out
}

/// The listed person a name no alias lists is, written another way: its
/// last word, folded ([`fold`]), is the short name of one listed person
/// (`shorts`: each person's, folded) and of no other.
fn respelt(s: &Sighting, shorts: &[(String, usize)], r: &Rules) -> Option<usize> {
    let last = fold(s.lower.last()?, r);
    let mut them = shorts.iter().filter(|(f, _)| *f == last);
    match (them.next(), them.next()) {
        (Some(&(_, e)), None) => Some(e),
        _ => None,
    }
}

/// The entities, with their aliases: names, surnames, and title with
/// country where only one person holds it.
fn role_aliases(
    persons: Vec<Person>,
    by_word: &HashMap<String, Vec<usize>, Fnv>,
    r: &Rules,
) -> Vec<(EntityDef, Vec<(Vec<String>, bool)>)> {
    let p = &r.people;
    let dets: Vec<Vec<String>> = p.determiners.iter().map(|d| crate::rules::phrase_tokens(d)).collect();
    let leader_words: Vec<Vec<String>> = p.leader_words.iter().map(|w| crate::rules::phrase_tokens(w)).collect();
    // Role phrases, and who they would name.
    let mut role_phrases: HashMap<String, Vec<usize>, Fnv> = HashMap::default();
    for (k, person) in persons.iter().enumerate() {
        let Some(c) = person.country else { continue };
        let mut titles = person.roles.clone();
        // "His French counterpart" may be a listed French leader
        // (`People::leader_countries`): then it names no leader found in
        // the texts.
        if person.leader && !p.leader_countries.contains(&c) {
            titles.extend(leader_words.iter().cloned());
        }
        for title in &titles {
            for dem in &r.countries[c].demonyms {
                for det in &dets {
                    let dem = crate::rules::phrase_tokens(dem);
                    let phrase: Vec<String> = if p.country_before_title {
                        det.iter().chain(&dem).chain(title).cloned().collect()
                    } else {
                        det.iter().chain(title).cloned().chain(dem).collect()
                    };
                    // Persons come in order: a repeat is the last one (a
                    // `contains` here was quadratic in a flood of people
                    // with one title).
                    let v = role_phrases.entry(crate::join(&phrase, " ")).or_default();
                    if v.last() != Some(&k) {
                        v.push(k);
                    }
                }
            }
        }
    }
    let mut aliases: Vec<Vec<(Vec<String>, bool)>> = persons.iter().map(|_| Vec::new()).collect();
    for (phrase, ks) in role_phrases {
        let phrase: Vec<String> = phrase.split(' ').map(str::to_string).collect();
        if ks.len() == 1 && !r.aliases_starting(&phrase[0]).iter().any(|a| a.tokens == phrase) {
            add_alias(&mut aliases[ks[0]], phrase, false);
        }
    }
    // A word of several persons' names stands alone for the one sighted
    // most (the first on a tie): "Trudeau" for the prime minister, not for
    // his father named once.
    let seen: Vec<usize> = persons.iter().map(|p| p.seen).collect();
    let owns = |k: usize, w: &str| {
        by_word
            .get(&fold(w, r))
            .is_none_or(|ps| !ps.contains(&k) || most_seen(ps.iter().copied(), |j| seen[j]) == Some(k))
    };
    persons
        .into_iter()
        .zip(aliases)
        .enumerate()
        .map(|(k, (person, mut al))| {
            let short = short_name(&person, r);
            for v in &person.variants {
                add_alias(&mut al, v.clone(), v.len() == 1);
            }
            let short_lower = crate::rules::phrase_tokens(&short);
            let cased = short_lower.len() == 1;
            if !cased || owns(k, &short) {
                add_alias(&mut al, short_lower, cased);
            }
            // Every capitalised word after the first may stand for the person.
            for w in person.words.iter().skip(1) {
                if w.chars().next().is_some_and(char::is_uppercase) && owns(k, w) {
                    add_alias(&mut al, vec![crate::case::to_lowercase(w)], true);
                }
            }
            let name = crate::join(&person.words, " ");
            let entity = EntityDef {
                id: super::slug(&name),
                kind: EntityKind::Person,
                name,
                short,
                aliases: Vec::new(),
                roles: Vec::new(),
                member_of: None,
                era_of: None,
                plural: Vec::new(),
                role: person.role,
                country: person.country,
                leader: person.leader,
            };
            (entity, al)
        })
        .filter(|(e, _)| !e.id.is_empty())
        .collect()
}

/// Adds an alias unless the person has it already (a person has a few).
fn add_alias(al: &mut Vec<(Vec<String>, bool)>, tokens: Vec<String>, cased: bool) {
    if !al.iter().any(|(t, _)| *t == tokens) {
        al.push((tokens, cased));
    }
}

/// The short name: the one word the texts use alone most often, else the
/// name from its first particle ("van der Berg") or the word before it
/// ("Costa" in "Rui Almeida Costa da Silveira"), else the last word, with
/// the word before it when that is a regnal number ("Mohammed VI",
/// "Charles III").
fn short_name(p: &Person, r: &Rules) -> String {
    if let Some((w, _)) = p.singles.iter().max_by_key(|(_, n)| *n) {
        return w.clone();
    }
    let words = &p.words;
    let particle = words.iter().position(|w| r.people.particles.iter().any(|x| x == w));
    let last = words.len().saturating_sub(1);
    let regnal = last > 0 && words[last].bytes().all(|b| b"IVX".contains(&b));
    let from = match particle {
        Some(k) if k >= 3 => return words[k - 1].clone(),
        Some(k) if k >= 1 => k,
        _ => last - usize::from(regnal),
    };
    crate::join(&words[from..], " ")
}

/// The names of the people a text introduces by a title, for rule
/// authors and the rules' examples (`tests/rules.rs`).
pub fn names_in(text: &str, r: &Rules) -> Vec<String> {
    let prep = crate::text::Prepared::new(text, r);
    let mut found = Vec::new();
    text_sightings(&super::Tokenized::new(&prep, r), r, &mut found);
    people(found, r)
        .into_iter()
        .filter(|(e, _)| r.entity(&e.id).is_none_or(|l| l.name != e.name))
        .map(|(e, _)| e.name)
        .collect()
}

/// The sightings of one article, read with the rules `r`.
fn text_sightings(t: &super::Tokenized, r: &Rules, found: &mut Vec<Sighting>) {
    for (_, _, toks) in &t.sents {
        sightings(toks, &t.prep.norm, r, found);
    }
}

/// The sightings of the articles, each read with its pack (`langs`: an
/// index into [`crate::rules::pack`] per text).
pub(crate) fn sightings_in(texts: &[super::Tokenized], langs: &[usize]) -> Vec<Sighting> {
    let mut found = Vec::new();
    for (t, &l) in texts.iter().zip(langs) {
        text_sightings(t, crate::rules::pack(l), &mut found);
    }
    found
}
