//! Builds a [`Lexicon`] from the grammar file: checks every entry, fills
//! the word table and its hash table.

use super::*;
use crate::error::Quoted;

/// Builds the lexicon, panicking with the offending entry named when the
/// data is malformed (the data is compiled in; `lexicon_loads` tests it).
pub(super) fn build_lexicon(src: &str, lang: &str) -> Lexicon {
    let path = format!("data/lang/{lang}/durations.toml");
    let file = read_rules(src).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut b = Builder { file: path.clone(), ..Builder::default() };
    let fail = |what: &str, msg: &str| -> ! { panic!("{path}: {what}: {msg}") };

    let tolerance = |name: &str, t: f64| -> u64 {
        if !(t.is_finite() && (0.0..1.0).contains(&t)) {
            fail(&format!("[tolerance] {name}"), "must be a number with 0 <= t < 1");
        }
        (t * PER_MILLION as f64).round() as u64
    };
    let close_below = tolerance("close_below", file.tolerance.close_below);
    let around = tolerance("around", file.tolerance.around);

    for n in &file.numbers {
        let what = format!("[[number]] value = {}", n.value);
        let ok = matches!(n.value, 1..=19 | 100 | 1000) || (n.value % 10 == 0 && (20..=90).contains(&n.value));
        if !ok {
            fail(&what, "value must be 1-19, a multiple of ten from 20 to 90, 100 or 1000");
        }
        for w in b.nonempty(&what, &n.words) {
            let id = b.single_word(&what, w);
            b.role(&what, w, id, |i| i.number.replace(n.value).is_some());
        }
    }

    let mut units = Vec::new();
    for (ui, u) in file.units.iter().enumerate() {
        let what = format!("[[unit]] id = {}", Quoted(&u.id));
        if units.iter().any(|x: &Unit| x.id == u.id) {
            fail(&what, "duplicate id");
        }
        let seconds = match (u.minutes, u.seconds) {
            (Some(m), None) if m > 0 => u64::from(m) * 60,
            (None, Some(s)) if s > 0 => u64::from(s),
            _ => fail(&what, "needs exactly one of `minutes` or `seconds`, greater than 0"),
        };
        for w in b.nonempty(&what, &u.words) {
            let id = b.single_word(&what, w);
            b.role(&what, w, id, |i| i.unit.replace((ui, false)).is_some());
        }
        for w in &u.abbrev {
            let id = b.single_word(&what, w);
            b.role(&what, w, id, |i| i.unit.replace((ui, true)).is_some());
        }
        units.push(Unit { id: u.id.clone(), seconds, bare_minutes: u.bare_minutes });
    }

    let mut fractions = Vec::new();
    for (fi, f) in file.fractions.iter().enumerate() {
        let what = format!("[[fraction]] id = {}", Quoted(&f.id));
        if !(1..=11).contains(&f.twelfths) {
            fail(&what, "twelfths must be 1-11");
        }
        if f.uses.is_empty() {
            fail(&what, "uses is empty");
        }
        for w in b.nonempty(&what, &f.words) {
            let id = b.single_word(&what, w);
            b.role(&what, w, id, |i| i.fraction.replace(fi).is_some());
        }
        fractions.push(Fraction { twelfths: u64::from(f.twelfths), uses: f.uses.clone() });
    }

    let mut approx = Vec::new();
    for (ai, a) in file.approx.iter().enumerate() {
        let what = format!("[[approx]] id = {}", Quoted(&a.id));
        if !(2..=1000).contains(&a.value) {
            fail(&what, "value must be 2-1000");
        }
        for w in b.nonempty(&what, &a.words) {
            let id = b.single_word(&what, w);
            b.role(&what, w, id, |i| i.approx.replace(ai).is_some());
        }
        approx.push(Approx { rule: format!("duration.approx.{}", a.id), value: u64::from(a.value) });
    }

    let mut hedges = Vec::new();
    let mut post_hedges = Vec::new();
    let mut hedge_rules = Vec::new();
    for h in &file.hedges {
        let what = format!("[[hedge]] id = {}", Quoted(&h.id));
        b.check_id(&what, &h.id);
        for p in b.nonempty(&what, &h.phrases) {
            let keys = b.keys(&what, p);
            let hi = hedges.len();
            match h.position {
                HedgePosition::Before => {
                    let Some(&Key::Word(first)) = keys.first() else {
                        fail(&what, &format!("phrase {} must start with a word", Quoted(&p)))
                    };
                    b.words[usize::from(first)].pre_hedges.push(hi);
                }
                HedgePosition::Infix => {
                    let &[Key::Word(id)] = keys.as_slice() else {
                        fail(&what, &format!("infix phrase {} must be one word", Quoted(&p)))
                    };
                    b.role(&what, p, id, |i| i.infix.replace(hi).is_some());
                }
                HedgePosition::After => post_hedges.push(hi),
            }
            hedges.push(HedgeRule { rule: hedge_rules.len(), hedge: h.hedge, keys });
        }
        hedge_rules.push(format!("duration.hedge.{}", h.id));
    }

    let c = &file.connectors;
    let and = b.phrase_list("[connectors] and", &c.and);
    let of = b.phrase_list("[connectors] of", &c.of);
    let range = b.phrase_list("[connectors] range", &c.range);
    let range_lead = b.phrase_list("[connectors] range_lead", &c.range_lead);
    for keys in &range_lead {
        let Some(&Key::Word(first)) = keys.first() else {
            fail("[connectors] range_lead", "each phrase must start with a word")
        };
        b.words[usize::from(first)].starts = true;
    }

    let mut before_blocks = Vec::new();
    let mut after_blocks = Vec::new();
    for bl in &file.blocks {
        let what = format!("[[not_duration]] id = {}", Quoted(&bl.id));
        b.check_id(&what, &bl.id);
        if bl.why.trim().is_empty() {
            fail(&what, "why is empty");
        }
        let unit_ix: Vec<usize> = bl
            .units
            .iter()
            .map(|u| {
                units
                    .iter()
                    .position(|x| &x.id == u)
                    .unwrap_or_else(|| fail(&what, &format!("unknown unit {}", Quoted(&u))))
            })
            .collect();
        for p in b.nonempty(&what, &bl.phrases) {
            let block = Block { keys: b.keys(&what, p), units: unit_ix.clone(), ranges_only: bl.ranges_only };
            match bl.position {
                BlockPosition::Before => before_blocks.push(block),
                BlockPosition::After => after_blocks.push(block),
            }
        }
    }

    for info in &mut b.words {
        info.starts |= info.number.is_some() || !info.pre_hedges.is_empty();
    }
    if units.is_empty() || file.numbers.is_empty() {
        fail("[[unit]] / [[number]]", "at least one of each is needed");
    }

    let mut texts = vec![Box::<str>::from("")];
    texts.resize(b.words.len(), Box::from(""));
    for (w, &id) in &b.ids {
        texts[usize::from(id)] = w.clone();
    }
    for w in texts.iter().skip(1) {
        if w.len() > MAX_WORD_BYTES {
            fail(&format!("word {}", Quoted(&w)), &format!("words are at most {MAX_WORD_BYTES} bytes"));
        }
    }

    Lexicon {
        max_word_bytes: texts.iter().map(|w| w.len()).max().unwrap_or(0),
        first_len: first_lengths(&texts),
        table: hash_table(&texts),
        texts,
        words: b.words,
        units,
        fractions,
        approx,
        hedges,
        hedge_rules,
        post_hedges,
        and,
        of,
        range,
        range_lead,
        before_blocks,
        after_blocks,
        close_below,
        around,
    }
}

/// The open-addressing table of the words (see [`Lexicon::table`]).
pub(super) fn hash_table(texts: &[Box<str>]) -> Vec<(u64, u16)> {
    let size = (texts.len() * 4).next_power_of_two();
    let mut table = vec![(0u64, 0u16); size];
    for (id, w) in texts.iter().enumerate().skip(1) {
        let h = fnv(w.as_bytes());
        let mut slot = (h as usize) & (size - 1);
        while table[slot].1 != 0 {
            slot = (slot + 1) & (size - 1);
        }
        table[slot] = (h, id as u16);
    }
    table
}

/// For each ASCII first byte, a bit per length of the words starting with it.
pub(super) fn first_lengths(texts: &[Box<str>]) -> [u64; 128] {
    let mut first_len = [0u64; 128];
    for w in texts.iter().skip(1) {
        if let Some(&b) = w.as_bytes().first().filter(|b| b.is_ascii() && w.len() < 64) {
            first_len[usize::from(b)] |= 1 << w.len();
        }
    }
    first_len
}

pub(super) struct Builder {
    /// The file, named in errors.
    pub(super) file: String,
    pub(super) ids: HashMap<Box<str>, u16, Fnv>,
    pub(super) words: Vec<WordInfo>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder { file: String::new(), ids: HashMap::default(), words: vec![WordInfo::default()] }
    }
}

impl Builder {
    pub(super) fn nonempty<'a>(&self, what: &str, list: &'a [String]) -> &'a [String] {
        if list.is_empty() {
            panic!("{}: {what}: the list is empty", self.file);
        }
        list
    }

    pub(super) fn check_id(&self, what: &str, id: &str) {
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            panic!("{}: {what}: ids are lowercase ASCII with underscores", self.file);
        }
    }

    pub(super) fn intern(&mut self, what: &str, w: &str) -> u16 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let Ok(id) = u16::try_from(self.words.len()) else { panic!("{}: {what}: too many distinct words", self.file) };
        self.ids.insert(w.into(), id);
        self.words.push(WordInfo::default());
        id
    }

    /// Cuts a phrase from the data into keys, with the article tokenizer.
    pub(super) fn keys(&mut self, what: &str, phrase: &str) -> Vec<Key> {
        let mut keys = Vec::new();
        let mut pos = 0;
        while let Some((t, _)) = raw_next(phrase, pos) {
            pos = t.end;
            let text = &phrase[t.start..t.end];
            keys.push(match t.kind {
                Kind::Word => {
                    if crate::case::to_lowercase(text) != *text {
                        panic!("{}: {what}: {} must be lowercase", self.file, Quoted(&phrase));
                    }
                    Key::Word(self.intern(what, text))
                }
                Kind::Num if !t.num.has_frac => Key::Num(t.num.int),
                Kind::Num => panic!("{}: {what}: {}: no decimals in phrases", self.file, Quoted(&phrase)),
                Kind::Apos => Key::Apos,
                Kind::Punct(c) => Key::Punct(c),
            });
        }
        if keys.is_empty() {
            panic!("{}: {what}: empty phrase {}", self.file, Quoted(&phrase));
        }
        keys
    }

    pub(super) fn single_word(&mut self, what: &str, w: &str) -> u16 {
        match self.keys(what, w).as_slice() {
            &[Key::Word(id)] => id,
            _ => panic!("{}: {what}: {} must be a single word", self.file, Quoted(&w)),
        }
    }

    pub(super) fn phrase_list(&mut self, what: &str, list: &[String]) -> Vec<Vec<Key>> {
        self.nonempty(what, list).iter().map(|p| self.keys(what, p)).collect()
    }

    /// Gives a word a role; a word has at most one of number, unit,
    /// fraction, approximate noun, infix hedge.
    pub(super) fn role(&mut self, what: &str, w: &str, id: u16, set: impl FnOnce(&mut WordInfo) -> bool) {
        let info = &mut self.words[usize::from(id)];
        let before = role_count(info);
        let replaced = set(info);
        if replaced || role_count(info) != before + 1 || before > 0 {
            panic!(
                "{}: {what}: {} already has a role (number, unit, fraction, approx or infix hedge)",
                self.file,
                Quoted(&w)
            );
        }
    }
}

pub(super) fn role_count(i: &WordInfo) -> usize {
    usize::from(i.number.is_some())
        + usize::from(i.unit.is_some())
        + usize::from(i.fraction.is_some())
        + usize::from(i.approx.is_some())
        + usize::from(i.infix.is_some())
}
