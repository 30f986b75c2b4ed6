//! The scanner: reads quantities, amounts, ranges and hedges from the
//! tokens and turns a phrase into its interval.

use super::*;

// --------------------------------------------------------------- scanner

/// A quantity: fixed-point value, and whether it was written in digits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Qty {
    pub(super) scaled: u128,
    pub(super) digits: bool,
}

/// One quantity with its unit ("trois quarts d'heure").
#[derive(Debug, Clone, Copy)]
pub(super) struct Comp {
    /// Twelfths of the unit per unit of quantity (12 plain, 6 demi…).
    pub(super) mult: u64,
    pub(super) unit: usize,
    pub(super) end: usize,
    pub(super) value: u128,
    pub(super) infix: Option<usize>,
    pub(super) approx: Option<usize>,
    /// A bare "quantity unit", which may take a fraction or bare minutes.
    pub(super) plain: bool,
}

/// An amount, or a range of amounts, before hedging.
#[derive(Debug, Clone, Copy)]
pub(super) struct Amount {
    pub(super) lo: u128,
    pub(super) hi: u128,
    /// Token index after the amount.
    pub(super) end: usize,
    /// The first (largest) unit.
    pub(super) unit: usize,
    /// Whether seconds are involved (then minutes round up).
    pub(super) seconds: bool,
    /// Whether the first figure is written in digits.
    pub(super) digits: bool,
    pub(super) range: bool,
    pub(super) infix: Option<usize>,
    pub(super) approx: Option<usize>,
}

pub(super) struct Scanner<'t> {
    pub(super) text: &'t str,
    pub(super) lex: &'static Lexicon,
    /// Tokens from global index `base` on.
    pub(super) toks: Vec<Tok>,
    pub(super) base: usize,
    pub(super) next_pos: usize,
    pub(super) eof: bool,
    /// Tokens at or past `limit` read as the end of the text.
    pub(super) limit: usize,
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str, lex: &'static Lexicon) -> Self {
        Scanner { text, lex, toks: Vec::with_capacity(64), base: 0, next_pos: 0, eof: false, limit: usize::MAX }
    }

    /// Token `i` (global index), lexed on demand.
    #[inline]
    pub(super) fn tok(&mut self, i: usize) -> Option<Tok> {
        if i >= self.limit {
            return None;
        }
        match self.toks.get(i.wrapping_sub(self.base)) {
            Some(t) if i >= self.base => Some(*t),
            _ => self.tok_slow(i),
        }
    }

    #[cold]
    #[inline(never)]
    pub(super) fn tok_slow(&mut self, i: usize) -> Option<Tok> {
        if i < self.base {
            return None;
        }
        while self.base + self.toks.len() <= i {
            if self.eof {
                return None;
            }
            match raw_next(self.text, self.next_pos) {
                Some((mut t, ascii)) => {
                    self.next_pos = t.end;
                    if t.kind == Kind::Word {
                        t.id = self.lookup(t.start, t.end, ascii);
                    }
                    self.toks.push(t);
                }
                None => {
                    self.eof = true;
                    return None;
                }
            }
        }
        self.toks.get(i - self.base).copied()
    }

    /// Drops tokens well behind `i`, keeping `KEEP` for look-behind.
    #[inline]
    pub(super) fn forget_before(&mut self, i: usize) {
        if i > self.base + 4 * KEEP + 256 {
            self.forget(i);
        }
    }

    #[cold]
    #[inline(never)]
    pub(super) fn forget(&mut self, i: usize) {
        let drop = (i - KEEP - self.base).min(self.toks.len());
        self.toks.drain(..drop);
        self.base += drop;
    }

    /// The lexicon id of the word `text[start..end]`, lowercased; 0 when
    /// it is not in the lexicon.
    #[inline(never)]
    pub(super) fn lookup(&self, start: usize, end: usize, ascii: bool) -> u16 {
        let lex = self.lex;
        let max = lex.max_word_bytes;
        let Some(w) = self.text.get(start..end) else { return 0 };
        let mut buf = [0u8; MAX_WORD_BYTES];
        let lower: &[u8] = if ascii {
            // most words stop here, unhashed
            let bytes = w.as_bytes();
            let first = bytes.first().map_or(0, |b| b | 0x20);
            if bytes.len() > max || lex.first_len[usize::from(first & 0x7f)] & (1 << bytes.len()) == 0 {
                return 0;
            }
            bytes
        } else {
            if w.len() > 4 * max {
                return 0;
            }
            let mut len = 0;
            for c in w.chars() {
                if !push_lower(c, &mut buf, &mut len) || len > max {
                    return 0;
                }
            }
            &buf[..len]
        };
        let hash = fnv_extend(FNV_OFFSET, lower.iter().map(u8::to_ascii_lowercase));
        let mask = lex.table.len().wrapping_sub(1);
        let mut slot = (hash as usize) & mask;
        for _ in 0..lex.table.len() {
            let (kh, id) = lex.table[slot];
            if id == 0 {
                return 0;
            }
            if kh == hash && lex.texts[usize::from(id)].as_bytes().eq_ignore_ascii_case(lower) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        0
    }

    #[inline]
    pub(super) fn word(&mut self, i: usize) -> Option<&'static WordInfo> {
        let t = self.tok(i)?;
        if t.kind == Kind::Word && t.id != 0 {
            self.lex.words.get(usize::from(t.id))
        } else {
            None
        }
    }

    #[inline]
    pub(super) fn can_start(&self, t: &Tok) -> bool {
        match t.kind {
            Kind::Num => true,
            Kind::Word => t.id != 0 && self.lex.words.get(usize::from(t.id)).is_some_and(|w| w.starts),
            _ => false,
        }
    }

    #[inline]
    pub(super) fn match_keys(&mut self, i: usize, keys: &[Key]) -> Option<usize> {
        for (k, key) in keys.iter().enumerate() {
            let t = self.tok(i.checked_add(k)?)?;
            if !key_matches(&t, key) {
                return None;
            }
        }
        Some(i + keys.len())
    }

    /// The end of the longest phrase of `list` starting at `i`.
    pub(super) fn match_any(&mut self, i: usize, list: &[Vec<Key>]) -> Option<usize> {
        list.iter().filter_map(|keys| self.match_keys(i, keys)).max()
    }

    /// Whether `keys` end right before token `i`.
    pub(super) fn ends_with(&mut self, i: usize, keys: &[Key]) -> bool {
        i.checked_sub(keys.len()).is_some_and(|s| self.match_keys(s, keys) == Some(i))
    }

    pub(super) fn unit_secs(&self, u: usize) -> u64 {
        self.lex.units.get(u).map_or(60, |u| u.seconds)
    }

    /// The longest phrase starting at token `i`: its end, and the match
    /// unless a context blocks it.
    ///
    /// Out of line: few tokens can start a phrase, and the loop over all of
    /// them in [`find_durations`] stays small (see `text::tokenize`).
    #[inline(never)]
    pub(super) fn attempt(&mut self, i: usize) -> Option<(usize, Option<DurationMatch>)> {
        let lex = self.lex;
        let mut best: Option<(Amount, Option<usize>)> = None;
        if let Some(info) = self.word(i) {
            for &h in &info.pre_hedges {
                if let Some(j) = self.match_keys(i, &lex.hedges[h].keys) {
                    if let Some(a) = self.amount(j) {
                        if best.as_ref().is_none_or(|(b, _)| a.end > b.end) {
                            best = Some((a, Some(h)));
                        }
                    }
                }
            }
        }
        if let Some(a) = self.amount(i) {
            if best.as_ref().is_none_or(|(b, _)| a.end > b.end) {
                best = Some((a, None));
            }
        }
        let (amount, pre) = best?;

        let applies =
            |b: &Block| (b.units.is_empty() || b.units.contains(&amount.unit)) && (!b.ranges_only || amount.range);
        let blocked = lex.before_blocks.iter().any(|b| applies(b) && self.ends_with(i, &b.keys))
            || lex.after_blocks.iter().any(|b| applies(b) && self.match_keys(amount.end, &b.keys).is_some());
        if blocked {
            return Some((amount.end, None));
        }

        let mut end = amount.end;
        let mut hedge = pre.or(amount.infix);
        if hedge.is_none() {
            let mut post: Option<(usize, usize)> = None;
            for &h in &lex.post_hedges {
                if let Some(e) = self.match_keys(end, &lex.hedges[h].keys) {
                    if post.is_none_or(|(pe, _)| e > pe) {
                        post = Some((e, h));
                    }
                }
            }
            if let Some((e, h)) = post {
                end = e;
                hedge = Some(h);
            }
        }

        let start_byte = self.tok(i)?.start;
        let end_byte = self.tok(end.checked_sub(1)?)?.end;
        let lo = to_minutes(amount.lo, amount.seconds);
        let hi = to_minutes(amount.hi, amount.seconds);
        let kind = match hedge {
            Some(h) => lex.hedges[h].hedge,
            None if amount.approx.is_some() => Hedge::Around,
            None => Hedge::Exact,
        };
        let below = |f: u32| scale(f, PER_MILLION - lex.close_below.min(PER_MILLION), false);
        let interval = match kind {
            Hedge::Exact => Interval::between(lo, hi),
            Hedge::CloseBelow => Interval::between(below(lo), hi),
            Hedge::Around => Interval::between(
                scale(lo, PER_MILLION - lex.around.min(PER_MILLION), false),
                scale(hi, PER_MILLION + lex.around, true),
            ),
            Hedge::AtLeast => Interval { min: Some(Minutes(lo)), max: None },
            Hedge::AtMost => Interval { min: None, max: Some(Minutes(hi)) },
        };
        let rule = match (hedge, amount.approx) {
            (Some(h), _) => lex.hedge_rules.get(lex.hedges[h].rule).cloned().unwrap_or_default(),
            (None, Some(a)) => lex.approx[a].rule.clone(),
            (None, None) if amount.range => "duration.range".to_string(),
            (None, None) => "duration.plain".to_string(),
        };
        Some((end, Some(DurationMatch { start: start_byte, end: end_byte, interval, hedge: kind, figure: hi, rule })))
    }

    /// An amount or a range starting at token `i`.
    pub(super) fn amount(&mut self, i: usize) -> Option<Amount> {
        let lex = self.lex;
        if let Some(k) = self.match_any(i, &lex.range_lead) {
            let (q1, k1) = self.quantity(k, false)?;
            if let Some(k2) = self.match_any(k1, &lex.and) {
                return self.range_tail(q1, k2);
            }
            // "entre 14h et 16h"
            let a1 = self.chain(q1, k1)?;
            let k2 = self.match_any(a1.end, &lex.and)?;
            return self.amount_range(a1, k2);
        }
        let (q, k) = self.quantity(i, false)?;
        if let Some(a) = self.chain(q, k) {
            // "14h à 16h", "1h-1h30"
            let next = match self.match_any(a.end, &lex.range) {
                Some(k2) => Some(k2),
                None => self.tok(a.end).filter(|t| t.kind == Kind::Num && t.hyphen_before).map(|_| a.end),
            };
            return Some(next.and_then(|k2| self.amount_range(a, k2)).unwrap_or(a));
        }
        let k2 = match self.match_any(k, &lex.range) {
            Some(k2) => k2,
            None => {
                let t = self.tok(k)?;
                if t.hyphen_before && matches!(t.kind, Kind::Num | Kind::Word) {
                    k
                } else {
                    return None;
                }
            }
        };
        self.range_tail(q, k2)
    }

    /// A second amount, in the same unit and larger, after a first one:
    /// "14h à 16h", "une heure à une heure et demie".
    pub(super) fn amount_range(&mut self, a1: Amount, k: usize) -> Option<Amount> {
        let (q2, k2) = self.quantity(k, true)?;
        let a2 = self.chain(q2, k2)?;
        let plain = |a: &Amount| a.infix.is_none() && a.approx.is_none() && !a.range;
        // "une heure à 14h" is a length then a clock time, not a range
        if a2.unit != a1.unit || a1.digits != a2.digits || !plain(&a1) || !plain(&a2) || a1.hi >= a2.lo {
            return None;
        }
        Some(Amount { hi: a2.hi, end: a2.end, seconds: a1.seconds || a2.seconds, range: true, ..a1 })
    }

    /// "… trois heures" after the first figure of a range.
    pub(super) fn range_tail(&mut self, q1: Qty, k: usize) -> Option<Amount> {
        let (q2, k2) = self.quantity(k, true)?;
        let first = self.component(q2, k2)?;
        let mut a = self.chain_from(first)?;
        let lo =
            q1.scaled.saturating_mul(u128::from(first.mult)).saturating_mul(u128::from(self.unit_secs(first.unit)));
        if lo >= a.hi {
            return None;
        }
        a.lo = lo;
        a.range = true;
        Some(a)
    }

    /// A quantity at token `i`. A number glued to a word before it ("A320",
    /// "COVID-19") is not one, unless `glued_ok` (inside "1h30min").
    pub(super) fn quantity(&mut self, i: usize, glued_ok: bool) -> Option<(Qty, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num => {
                if !glued_ok && !t.space_before && i > 0 {
                    if let Some(p) = self.tok(i - 1) {
                        if matches!(p.kind, Kind::Word | Kind::Num) {
                            return None;
                        }
                    }
                }
                Some((Qty { scaled: t.num.scaled(), digits: true }, i + 1))
            }
            Kind::Word => {
                let (v, j) = self.number_words(i)?;
                Some((Qty { scaled: u128::from(v) * NANO, digits: false }, j))
            }
            _ => None,
        }
    }

    /// French number words from token `i`: "quatre-vingt-dix-neuf",
    /// "soixante et onze", "deux mille trois cents".
    pub(super) fn number_words(&mut self, i: usize) -> Option<(u64, usize)> {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum Last {
            Unit(u64),
            Teen(u64),
            Tens(u64),
            Hundred,
            Thousand,
        }
        let lex = self.lex;
        let v = u64::from(self.word(i)?.number?);
        let (mut total, mut cur, mut last) = match v {
            1000 => (1000, 0, Last::Thousand),
            100 => (0, 100, Last::Hundred),
            20.. => (0, v, Last::Tens(v)),
            10.. => (0, v, Last::Teen(v)),
            _ => (0, v, Last::Unit(v)),
        };
        let mut j = i + 1;
        loop {
            if let Some(k) = self.match_any(j, &lex.and) {
                // "vingt et un", "soixante et onze"
                if matches!(last, Last::Tens(t) if t != 80) {
                    if let Some(n @ (1 | 11)) = self.word(k).and_then(|w| w.number) {
                        cur += u64::from(n);
                        last = if n == 1 { Last::Unit(1) } else { Last::Teen(11) };
                        j = k + 1;
                        continue;
                    }
                }
                break;
            }
            let Some(v) = self.word(j).and_then(|w| w.number).map(u64::from) else { break };
            let round = cur % 100 == 0 && matches!(last, Last::Hundred | Last::Thousand);
            match v {
                1..=9 => {
                    let ok = match last {
                        Last::Tens(_) => true,
                        Last::Teen(10) => v >= 7,
                        _ => round,
                    };
                    if !ok {
                        break;
                    }
                    cur += v;
                    last = Last::Unit(v);
                }
                10..=19 => {
                    if !(matches!(last, Last::Tens(60 | 80)) || round) {
                        break;
                    }
                    cur += v;
                    last = Last::Teen(v);
                }
                20..=99 => {
                    if v == 20 && last == Last::Unit(4) && cur % 100 == 4 {
                        cur += 76;
                        last = Last::Tens(80);
                    } else if round {
                        cur += v;
                        last = Last::Tens(v);
                    } else {
                        break;
                    }
                }
                100 => match last {
                    // "deux cents", "onze cents"
                    Last::Unit(d) | Last::Teen(d) if d >= 2 && cur == d => {
                        cur = d * 100;
                        last = Last::Hundred;
                    }
                    Last::Thousand if cur == 0 => {
                        cur = 100;
                        last = Last::Hundred;
                    }
                    _ => break,
                },
                1000 => {
                    if total != 0 || last == Last::Thousand || cur == 0 {
                        break;
                    }
                    total = cur * 1000;
                    cur = 0;
                    last = Last::Thousand;
                }
                _ => break,
            }
            j += 1;
        }
        Some((total + cur, j))
    }

    /// The unit at token `i`; abbreviations only after digits.
    pub(super) fn unit_at(&mut self, i: usize, digits: bool) -> Option<usize> {
        let (u, abbrev) = self.word(i)?.unit?;
        (digits || !abbrev).then_some(u)
    }

    /// What follows a quantity: [infix hedge] then a unit, "demi" unit,
    /// "quart(s) d'" unit or "dizaine de" unit.
    pub(super) fn component(&mut self, q: Qty, k: usize) -> Option<Comp> {
        let lex = self.lex;
        let mut k = k;
        let mut infix = None;
        if let Some(h) = self.word(k).and_then(|w| w.infix) {
            infix = Some(h);
            k += 1;
        }
        // "one and a half hours": the quantity plus the fraction, of the unit.
        if let Some(k2) = self.match_any(k, &lex.and) {
            if let Some(f) = self.word(k2).and_then(|w| w.fraction) {
                let fr = &lex.fractions[f];
                if fr.uses.contains(&FractionUse::AndBeforeUnit) {
                    let u = self.unit_at(k2 + 1, false)?;
                    let scaled = q.scaled.saturating_mul(12).saturating_add(NANO * u128::from(fr.twelfths));
                    let value = scaled.saturating_mul(u128::from(self.unit_secs(u)));
                    return Some(Comp { mult: 12, unit: u, end: k2 + 2, value, infix, approx: None, plain: false });
                }
            }
        }
        let info = self.word(k)?;
        let (mult, unit, end, approx, plain) = if let Some(a) = info.approx {
            let k2 = self.match_any(k + 1, &lex.of)?;
            let u = self.unit_at(k2, false)?;
            (lex.approx[a].value * 12, u, k2 + 1, Some(a), false)
        } else if let Some(f) = info.fraction {
            let fr = &lex.fractions[f];
            if fr.uses.contains(&FractionUse::BeforeUnit) {
                if let Some(u) = self.unit_at(k + 1, false) {
                    return Some(self.make_comp(q, fr.twelfths, u, k + 2, infix, None, false));
                }
            }
            if !fr.uses.contains(&FractionUse::OfUnit) {
                return None;
            }
            let k2 = self.match_any(k + 1, &lex.of)?;
            let u = self.unit_at(k2, false)?;
            (fr.twelfths, u, k2 + 1, None, false)
        } else {
            (12, self.unit_at(k, q.digits)?, k + 1, None, true)
        };
        Some(self.make_comp(q, mult, unit, end, infix, approx, plain))
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn make_comp(
        &self,
        q: Qty,
        mult: u64,
        unit: usize,
        end: usize,
        infix: Option<usize>,
        approx: Option<usize>,
        plain: bool,
    ) -> Comp {
        let value = q.scaled.saturating_mul(u128::from(mult)).saturating_mul(u128::from(self.unit_secs(unit)));
        Comp { mult, unit, end, value, infix, approx, plain }
    }

    pub(super) fn chain(&mut self, q: Qty, k: usize) -> Option<Amount> {
        let first = self.component(q, k)?;
        let mut a = self.chain_from(first)?;
        a.digits = q.digits;
        Some(a)
    }

    /// The first component, its fraction, then smaller units or bare
    /// minutes.
    pub(super) fn chain_from(&mut self, first: Comp) -> Option<Amount> {
        let lex = self.lex;
        let mut total = first.value;
        let mut end = first.end;
        let mut prev_secs = self.unit_secs(first.unit);
        let mut seconds = prev_secs < 60;
        let mut simple = first.plain;
        if first.plain {
            if let Some((x, e)) = self.fraction_after(first.unit, end) {
                total = total.saturating_add(x);
                end = e;
                simple = false;
            }
        }
        for _ in 0..lex.units.len() {
            let at = self.match_any(end, &lex.and).unwrap_or(end);
            let Some((q, k)) = self.quantity(at, true) else { break };
            let Some(c) = self.component(q, k) else { break };
            let secs = self.unit_secs(c.unit);
            if secs >= prev_secs || c.infix.is_some() || c.approx.is_some() {
                break;
            }
            total = total.saturating_add(c.value);
            end = c.end;
            prev_secs = secs;
            seconds |= secs < 60;
            simple = false;
            if c.plain {
                if let Some((x, e)) = self.fraction_after(c.unit, end) {
                    total = total.saturating_add(x);
                    end = e;
                }
            }
        }
        if simple && lex.units[first.unit].bare_minutes {
            if let Some((x, e)) = self.bare_minutes(end) {
                total = total.saturating_add(x);
                end = e;
            }
        }
        Some(Amount {
            lo: total,
            hi: total,
            end,
            unit: first.unit,
            seconds,
            digits: false,
            range: false,
            infix: first.infix,
            approx: first.approx,
        })
    }

    /// "et demie", "et quart", "\[et\] trois quarts" after a unit: the amount
    /// added and the end.
    pub(super) fn fraction_after(&mut self, unit: usize, e: usize) -> Option<(u128, usize)> {
        let lex = self.lex;
        let secs = u128::from(self.unit_secs(unit));
        if let Some(k) = self.match_any(e, &lex.and) {
            if let Some(f) = self.word(k).and_then(|w| w.fraction) {
                let fr = &lex.fractions[f];
                if fr.uses.contains(&FractionUse::AfterEt) {
                    return Some((NANO * u128::from(fr.twelfths) * secs, k + 1));
                }
            }
            if let Some(x) = self.counted_fraction(k, secs) {
                return Some(x);
            }
        }
        self.counted_fraction(e, secs)
    }

    /// "trois quarts" (of the unit before), not followed by "d'".
    pub(super) fn counted_fraction(&mut self, k: usize, secs: u128) -> Option<(u128, usize)> {
        let lex = self.lex;
        let (q, k2) = self.quantity(k, true)?;
        let fr = &lex.fractions[self.word(k2)?.fraction?];
        if !fr.uses.contains(&FractionUse::AfterUnit) || self.match_any(k2 + 1, &lex.of).is_some() {
            return None;
        }
        Some((q.scaled.saturating_mul(u128::from(fr.twelfths)).saturating_mul(secs), k2 + 1))
    }

    /// "30" in "1h30", "trente" in "une heure trente".
    pub(super) fn bare_minutes(&mut self, e: usize) -> Option<(u128, usize)> {
        let t = self.tok(e)?;
        let (n, k) = match t.kind {
            Kind::Num if !t.num.has_frac && t.num.digits == 2 && t.num.int <= 59 => (t.num.int, e + 1),
            Kind::Word => match self.number_words(e)? {
                (v @ 10..=59, k) => (v, k),
                _ => return None,
            },
            _ => return None,
        };
        if let Some(w) = self.word(k) {
            if w.unit.is_some() || w.fraction.is_some() || w.approx.is_some() || w.infix.is_some() {
                return None;
            }
        }
        Some((u128::from(n) * 60 * PER_SECOND, k))
    }
}

/// Whole minutes of an amount: rounded up when seconds are involved,
/// to the nearest minute otherwise; saturating.
///
/// `PER_MINUTE` is 2¹³ · 87,890,625: dividing by 2¹³ (a shift), then by
/// the odd factor in 64 bits, gives the quotient exactly without a 128-bit
/// division, whose routine weighs 1 KB in the wasm module. A quotient of
/// 2⁶⁴ · 2¹³ or more is far over `u32::MAX` (saturated anyway).
pub(super) fn to_minutes(v: u128, round_up: bool) -> u32 {
    const ODD: u64 = 87_890_625;
    const _: () = assert!(PER_MINUTE == (ODD as u128) << 13);
    let v = if round_up { v } else { v.saturating_add(PER_MINUTE / 2) };
    let m = match u64::try_from(v >> 13) {
        Ok(high) => high / ODD + u64::from(round_up && (v & 0x1fff != 0 || high % ODD != 0)),
        Err(_) => u64::MAX,
    };
    u32::try_from(m).unwrap_or(u32::MAX)
}

/// `f · ppm / 10⁶`, rounded down or up, saturating.
pub(super) fn scale(f: u32, ppm: u64, up: bool) -> u32 {
    let x = u64::from(f) * ppm;
    let v = if up { x.div_ceil(PER_MILLION) } else { x / PER_MILLION };
    u32::try_from(v).unwrap_or(u32::MAX)
}
