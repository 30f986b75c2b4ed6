//! A compact binary form of the compiled rules, so that the wasm module
//! does not parse and compile `data/lang/*/*.toml` on the page.
//!
//! For a wasm build, `build.rs` loads the rules files exactly as the CLI
//! does and writes them in this form; the module embeds the result (the
//! `prebuilt` cfg the script sets). A native build (the CLI, `cargo test`)
//! loads the rules from the TOML at first use. Tests check that the two give
//! the same rules, and (natively and in the browser) the same documents.
//!
//! # Format
//!
//! ```text
//! blob     = "FPRB" version:u32le (section section)* section
//!            (per pack: rules, durations; then every pack's tag and
//!            language words, which choose the pack of an article)
//! section  = len:varint bytes[len]
//! varint   = LEB128, unsigned, at most 10 bytes
//! usize/u32/u64/u16 = varint          bool = 0 | 1        f64 = 8 bytes LE
//! String   = len:varint UTF-8[len]    char = varint (a scalar value)
//! Vec<T>   = len:varint T*            Option<T> = 0 | 1 T
//! (A, B)   = A B                      map = Vec<(K, V)>, sorted by key
//! struct   = its fields in declaration order
//! enum     = variant:varint fields
//! ```
//!
//! | value                  | bytes                |
//! |------------------------|----------------------|
//! | `300usize`             | `ac 02`              |
//! | `"é"`                  | `02 c3 a9`           |
//! | `Some(true)`           | `01 01`              |
//! | `vec![1u32, 2]`        | `02 01 02`           |
//!
//! Decoding never trusts a length: every length is checked against the bytes
//! left, so a damaged blob gives an error naming what was being read, never
//! a panic or a huge allocation.

// Natively (the CLI, tests, the build script) only the writing side is used.
#![cfg_attr(not(prebuilt), allow(dead_code))]

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};

/// The magic bytes and format version at the start of a blob.
pub const MAGIC: &[u8; 4] = b"FPRB";
/// Bumped whenever an encoded type changes.
pub const VERSION: u32 = 19;

/// Reads values from a byte slice.
///
/// Errors are sticky: the first one is kept ([`Reader::fail`]), the reader
/// jumps to the end, and every later read gives a default value (zero, an
/// empty string or list), so that decoders are straight-line code without
/// an early return per field; [`decode`] reports the error at the end.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    error: Option<String>,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0, error: None }
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.pos == self.buf.len()
    }

    /// [`Reader::fail`] with the value read: "option byte 7". One copy of
    /// the formatting for every type's decoder.
    #[inline(never)]
    pub fn fail_value(&mut self, what: &str, v: u64) {
        self.fail(&format!("{what} {v}"));
    }

    /// Records the first error (what was wrong, and where) and stops
    /// reading.
    #[inline(never)]
    pub fn fail(&mut self, what: &str) {
        if self.error.is_none() {
            self.error = Some(format!("prebuilt rules: {what} at byte {} of {}", self.pos, self.buf.len()));
        }
        self.pos = self.buf.len();
    }

    /// The first error, if any.
    pub fn finish(self) -> Result<(), String> {
        match self.error {
            Some(e) => Err(e),
            None if !self.is_done() => {
                Err(format!("prebuilt rules: trailing bytes at byte {} of {}", self.pos, self.buf.len()))
            }
            None => Ok(()),
        }
    }

    fn byte(&mut self) -> u8 {
        match self.buf.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                b
            }
            None => {
                self.fail("unexpected end");
                0
            }
        }
    }

    /// `n` raw bytes (none after an error).
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        if n > self.buf.len() - self.pos {
            self.fail(&format!("{n} bytes announced, fewer left"));
            return &[];
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        s
    }

    /// An unsigned LEB128 integer.
    pub fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        self.fail("integer longer than 10 bytes");
        0
    }

    /// A length, at most the number of bytes left (each element takes at
    /// least one byte), so that no damaged length can allocate much.
    pub fn length(&mut self) -> usize {
        let n = self.varint();
        let left = (self.buf.len() - self.pos) as u64;
        if n > left {
            self.fail(&format!("length {n} but {left} bytes left"));
            return 0;
        }
        n as usize
    }
}

/// Appends an unsigned LEB128 integer.
pub fn put_varint(w: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            w.push(b);
            return;
        }
        w.push(b | 0x80);
    }
}

/// A type with a binary form.
pub trait Codec: Sized {
    /// Appends the binary form.
    fn put(&self, w: &mut Vec<u8>);
    /// Reads one value; on damaged input, records the error in the reader
    /// ([`Reader::fail`]) and gives some value of the type.
    fn get(r: &mut Reader) -> Self;
}

macro_rules! codec_uint {
    ($($t:ty),*) => {$(
        impl Codec for $t {
            fn put(&self, w: &mut Vec<u8>) {
                put_varint(w, *self as u64);
            }
            fn get(r: &mut Reader) -> Self {
                let v = r.varint();
                <$t>::try_from(v).unwrap_or_else(|_| {
                    r.fail_value(concat!("a number too large for a ", stringify!($t), ":"), v);
                    0
                })
            }
        }
    )*};
}
codec_uint!(u16, u32, u64, usize);

impl Codec for bool {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            b => {
                r.fail_value("bool byte", u64::from(b));
                false
            }
        }
    }
}

impl Codec for f64 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    fn get(r: &mut Reader) -> Self {
        match *r.bytes(8) {
            [a, b, c, d, e, f, g, h] => f64::from_le_bytes([a, b, c, d, e, f, g, h]),
            _ => 0.0,
        }
    }
}

impl Codec for char {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, u64::from(u32::from(*self)));
    }
    fn get(r: &mut Reader) -> Self {
        let v = r.varint();
        u32::try_from(v).ok().and_then(char::from_u32).unwrap_or_else(|| {
            r.fail_value("not a character:", v);
            ' '
        })
    }
}

/// Appends a string: its length in bytes, then its UTF-8.
fn put_str(w: &mut Vec<u8>, s: &str) {
    put_varint(w, s.len() as u64);
    w.extend_from_slice(s.as_bytes());
}

impl Codec for String {
    fn put(&self, w: &mut Vec<u8>) {
        put_str(w, self);
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Self {
        let n = r.length();
        let b = r.bytes(n);
        String::from_utf8(b.to_vec()).unwrap_or_else(|_| {
            r.fail("invalid UTF-8 in a string");
            String::new()
        })
    }
}

impl Codec for Box<str> {
    fn put(&self, w: &mut Vec<u8>) {
        put_str(w, self);
    }
    fn get(r: &mut Reader) -> Self {
        String::get(r).into_boxed_str()
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, self.len() as u64);
        self.iter().for_each(|x| x.put(w));
    }
    // Out of line: a struct's decoder calls one copy per element type
    // instead of holding a loop per field.
    #[inline(never)]
    fn get(r: &mut Reader) -> Self {
        // A plain loop: `length` is bounded by the bytes left, so the
        // capacity is too; after an error the reader is at its end, so the
        // loop stops.
        let n = r.length();
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            if r.error.is_some() {
                break;
            }
            v.push(T::get(r));
        }
        v
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(x) => {
                w.push(1);
                x.put(w);
            }
        }
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::get(r)),
            b => {
                r.fail_value("option byte", u64::from(b));
                None
            }
        }
    }
}

impl<A: Codec, B: Codec> Codec for (A, B) {
    fn put(&self, w: &mut Vec<u8>) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let a = A::get(r);
        (a, B::get(r))
    }
}

impl<T: Codec + Copy + Default, const N: usize> Codec for [T; N] {
    fn put(&self, w: &mut Vec<u8>) {
        self.iter().for_each(|x| x.put(w));
    }
    fn get(r: &mut Reader) -> Self {
        let mut out = [T::default(); N];
        for x in &mut out {
            *x = T::get(r);
        }
        out
    }
}

/// Maps are written sorted by key, so that a blob is the same on every run.
impl<K: Codec + Ord + Hash + Eq, V: Codec, S: BuildHasher + Default> Codec for HashMap<K, V, S> {
    fn put(&self, w: &mut Vec<u8>) {
        let mut entries: Vec<(&K, &V)> = self.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        put_varint(w, entries.len() as u64);
        for (k, v) in entries {
            k.put(w);
            v.put(w);
        }
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Self {
        let n = r.length();
        let mut m = HashMap::with_capacity_and_hasher(n, S::default());
        for _ in 0..n {
            if r.error.is_some() {
                break;
            }
            let k = K::get(r);
            m.insert(k, V::get(r));
        }
        m
    }
}

/// `impl Codec` for a struct: its fields in declaration order. Fields
/// after `;` are left out (what only loading and the tests read: a
/// pattern's source, a rule's examples): read back as their default.
macro_rules! codec_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        $crate::codec::codec_struct!($t { $($f),* ; });
    };
    ($t:ident { $($f:ident),* $(,)? ; $($skip:ident),* $(,)? }) => {
        impl $crate::codec::Codec for $t {
            fn put(&self, w: &mut Vec<u8>) {
                $( $crate::codec::Codec::put(&self.$f, w); )*
            }
            fn get(r: &mut $crate::codec::Reader) -> Self {
                $t { $( $f: $crate::codec::Codec::get(r), )* $( $skip: Default::default(), )* }
            }
        }
    };
}

/// `impl Codec` for a closed set that has a name table (`&[(&str, T)]`, the
/// one its readers use): the value's index in the table.
macro_rules! codec_named {
    ($t:ty, $table:expr) => {
        impl $crate::codec::Codec for $t {
            fn put(&self, w: &mut Vec<u8>) {
                let i = $table.iter().position(|(_, v)| v == self);
                let i = i.unwrap_or_else(|| panic!("{self:?} is missing from its name table"));
                $crate::codec::put_varint(w, i as u64);
            }
            fn get(r: &mut $crate::codec::Reader) -> Self {
                let i = r.varint();
                match $table.get(i as usize) {
                    Some((_, v)) => *v,
                    None => {
                        r.fail_value(concat!("no variant of ", stringify!($t), " numbered"), i);
                        $table[0].1
                    }
                }
            }
        }
    };
}

/// `impl Codec` for an enum whose variants carry nothing or one value: the
/// variant's index, then the value. `codec_enum!(Key { Word(id), Apos })`.
macro_rules! codec_enum {
    ($t:ident { $($v:ident $(($x:ident))?),* $(,)? }) => {
        impl $crate::codec::Codec for $t {
            #[allow(unused_assignments)]
            fn put(&self, w: &mut Vec<u8>) {
                let mut tag = 0u64;
                $(
                    if let $t::$v $(($x))? = self {
                        $crate::codec::put_varint(w, tag);
                        $( $crate::codec::Codec::put($x, w); )?
                        return;
                    }
                    tag += 1;
                )*
            }
            #[allow(unused_assignments)]
            fn get(r: &mut $crate::codec::Reader) -> Self {
                let t = r.varint();
                let mut tag = 0u64;
                $(
                    if t == tag {
                        return $t::$v $(({ let $x = $crate::codec::Codec::get(r); $x }))?;
                    }
                    tag += 1;
                )*
                // An unknown variant: the error; then, the reader being at
                // its end, the first variant with default values.
                r.fail_value(concat!("no variant of ", stringify!($t), " numbered"), t);
                Self::get(r)
            }
        }
    };
}

pub(crate) use {codec_enum, codec_named, codec_struct};

/// Where each section of the blob sits, for `n` packs (pack `i` in
/// `rules::pack::LANGS` order): each pack's duration lexicon, the packs'
/// languages, each pack's view (labels and date names), then each pack's
/// rules and each pack's names (titles, classes, patterns, countries and
/// entities), both from the last pack to the first. Of the orders measured
/// this one compresses best (docs/architecture.md); the renderer-only
/// module stops after the views. See `pipeline::prebuilt_rules`.
pub mod at {
    /// Pack `i`'s duration lexicon.
    pub const fn durations(i: usize) -> usize {
        i
    }
    /// Every pack's tag and language words.
    pub const fn languages(n: usize) -> usize {
        n
    }
    /// Pack `i`'s view.
    pub const fn view(n: usize, i: usize) -> usize {
        n + 1 + i
    }
    /// Pack `i`'s rules.
    pub const fn rules(n: usize, i: usize) -> usize {
        3 * n - i
    }
    /// Pack `i`'s names.
    pub const fn names(n: usize, i: usize) -> usize {
        4 * n - i
    }
}

/// The blob `build.rs` made for this wasm build.
#[cfg(prebuilt)]
pub static PREBUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));

/// Writes a whole blob: magic, version, then each section with its length.
pub fn blob(sections: &[Vec<u8>]) -> Vec<u8> {
    let mut w = MAGIC.to_vec();
    w.extend_from_slice(&VERSION.to_le_bytes());
    for s in sections {
        put_varint(&mut w, s.len() as u64);
        w.extend_from_slice(s);
    }
    w
}

/// Section `i` of a blob written by [`blob`].
pub fn section(blob: &[u8], i: usize) -> Result<&[u8], String> {
    if blob.len() < 8 || &blob[..4] != MAGIC {
        return Err("prebuilt rules: not a factpanel rules blob (no FPRB header)".into());
    }
    let version = u32::from_le_bytes([blob[4], blob[5], blob[6], blob[7]]);
    if version != VERSION {
        return Err(format!("prebuilt rules: format version {version}, this build reads {VERSION}"));
    }
    let mut r = Reader::new(&blob[8..]);
    for _ in 0..i {
        let n = r.length();
        r.bytes(n);
    }
    let n = r.length();
    let section = r.bytes(n);
    match r.error {
        Some(e) => Err(e),
        None => Ok(section),
    }
}

/// Decodes a whole section as one `T`, refusing trailing bytes.
pub fn decode<T: Codec>(bytes: &[u8]) -> Result<T, String> {
    let mut r = Reader::new(bytes);
    let v = T::get(&mut r);
    r.finish().map(|()| v)
}

/// Encodes one value.
pub fn encode<T: Codec>(v: &T) -> Vec<u8> {
    let mut w = Vec::new();
    v.put(&mut w);
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_one_place() {
        for n in 1..=4 {
            let mut places: Vec<usize> = (0..n)
                .flat_map(|i| [at::durations(i), at::view(n, i), at::rules(n, i), at::names(n, i)])
                .chain([at::languages(n)])
                .collect();
            places.sort_unstable();
            assert_eq!(places, (0..4 * n + 1).collect::<Vec<_>>(), "{n} packs");
            // The renderer-only blob stops after the views.
            assert!((0..n).all(|i| at::view(n, i) < at::view(n, n) && at::rules(n, i) >= at::view(n, n)));
        }
    }

    #[test]
    fn documented_examples() {
        assert_eq!(encode(&300usize), [0xac, 0x02]);
        assert_eq!(encode(&"é".to_string()), [0x02, 0xc3, 0xa9]);
        assert_eq!(encode(&Some(true)), [0x01, 0x01]);
        assert_eq!(encode(&vec![1u32, 2]), [0x02, 0x01, 0x02]);
    }

    #[test]
    fn round_trips() {
        let v: Vec<(String, Option<Vec<u64>>)> =
            vec![("a’b".into(), None), ("".into(), Some(vec![0, 1, 127, 128, u64::MAX]))];
        assert_eq!(decode::<Vec<(String, Option<Vec<u64>>)>>(&encode(&v)).unwrap(), v);
        let m: HashMap<String, usize> = [("b".to_string(), 2), ("a".to_string(), 1)].into_iter().collect();
        assert_eq!(encode(&m), [2, 1, b'a', 1, 1, b'b', 2], "maps are sorted by key");
        assert_eq!(decode::<HashMap<String, usize>>(&encode(&m)).unwrap(), m);
        assert_eq!(decode::<f64>(&encode(&0.15f64)).unwrap(), 0.15);
        assert_eq!(decode::<[u64; 3]>(&encode(&[1u64, 2, 3])).unwrap(), [1, 2, 3]);
    }

    #[derive(Debug, PartialEq)]
    enum Sample {
        Empty,
        Number(u32),
        Text(String),
    }
    codec_enum!(Sample { Empty, Number(n), Text(s) });

    #[test]
    fn enums_are_a_variant_index_then_the_value() {
        assert_eq!(encode(&Sample::Empty), [0]);
        assert_eq!(encode(&Sample::Number(300)), [1, 0xac, 0x02]);
        assert_eq!(encode(&Sample::Text("é".into())), [2, 2, 0xc3, 0xa9]);
        for v in [Sample::Empty, Sample::Number(7), Sample::Text("x".into())] {
            assert_eq!(decode::<Sample>(&encode(&v)).unwrap(), v);
        }
        let e = decode::<Sample>(&[3]).unwrap_err();
        assert!(e.contains("no variant of Sample numbered 3"), "{e}");
    }

    #[test]
    fn damaged_input_gives_errors_not_panics() {
        let e = decode::<String>(&[0xff, 0xff, 0xff, 0xff, 0x0f]).unwrap_err();
        assert!(e.contains("length 4294967295 but 0 bytes left"), "{e}");
        let e = decode::<Vec<u32>>(&[0x80; 11]).unwrap_err();
        assert!(e.contains("integer longer than 10 bytes"), "{e}");
        let e = decode::<bool>(&[2]).unwrap_err();
        assert!(e.contains("bool byte 2"), "{e}");
        let e = decode::<u16>(&encode(&70_000u32)).unwrap_err();
        assert!(e.contains("a number too large for a u16: 70000"), "{e}");
        let e = decode::<u32>(&[1, 2]).unwrap_err();
        assert!(e.contains("trailing bytes"), "{e}");
        let e = decode::<String>(&[2, 0xc3, 0x28]).unwrap_err();
        assert!(e.contains("invalid UTF-8"), "{e}");
        assert!(section(b"nope", 0).unwrap_err().contains("no FPRB header"));
        let mut b = blob(&[vec![1], vec![2, 3]]);
        assert_eq!(section(&b, 1).unwrap(), [2, 3]);
        b[4] = (VERSION + 1) as u8;
        assert!(section(&b, 0).unwrap_err().contains(&format!("format version {}", VERSION + 1)));
        // Every truncation of a valid encoding is an error.
        let full = encode(&vec!["abc".to_string(), "déf".to_string()]);
        for n in 0..full.len() {
            assert!(decode::<Vec<String>>(&full[..n]).is_err(), "{n}");
        }
    }
}
