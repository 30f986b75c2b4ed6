//! Small collection helpers every stage shares: a stable sort with one copy
//! in the wasm module, a small ordered set, a tally. A leaf: it imports no
//! other module of the crate.

/// Sorts stably by `cmp`, in O(n log n) time.
///
/// One merge sort over `u32` indices serves every element type: a standard
/// sort adds kilobytes to the wasm module for each element type and
/// comparator it is instantiated with, this one a few dozen bytes (the
/// generic part only calls the comparator and moves the items into place).
#[doc(hidden)]
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut idx: Vec<u32> = (0..v.len() as u32).collect();
    merge_sort(&mut idx, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    // Position i takes the item at idx[i]: follow each cycle of the
    // permutation, marking positions done with idx[j] = j.
    for i in 0..v.len() {
        let mut j = i;
        loop {
            let k = idx[j] as usize;
            idx[j] = j as u32;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// Bottom-up stable merge sort of indices (not generic: one copy in the module).
fn merge_sort(a: &mut Vec<u32>, cmp: &mut dyn FnMut(u32, u32) -> std::cmp::Ordering) {
    let n = a.len();
    let mut buf = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                if cmp(a[j], a[i]) == std::cmp::Ordering::Less {
                    buf[k] = a[j];
                    j += 1;
                } else {
                    buf[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            buf[k..k + hi - j].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(a, &mut buf);
        width *= 2;
    }
}

/// The parts with `sep` between them, as `[S]::join` gives them: a plain
/// loop, a few dozen bytes for each type joined, where the standard
/// library's copy-specialised join is about a kilobyte of wasm for each.
pub(crate) fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

/// Adds `x` to a small set kept as a vector, in order.
pub(crate) fn push_new<T: PartialEq>(set: &mut Vec<T>, x: T) {
    if !set.contains(&x) {
        set.push(x);
    }
}

/// How often each item occurs, in order of first occurrence (a linear map:
/// the lists counted here are short).
pub(crate) fn tally<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<(T, usize)> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for x in items {
        match counts.iter_mut().find(|(y, _)| *y == x) {
            Some((_, n)) => *n += 1,
            None => counts.push((x, 1)),
        }
    }
    counts
}
