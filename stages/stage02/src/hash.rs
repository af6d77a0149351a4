//! `hash()` as `PYTHONHASHSEED=0 python3.11` computes it, and the hash table that
//! gives a `set` its iteration order.
//!
//! A set iterates in the order of its hash table, so a program that prints a set
//! prints what the hashes and the table's probing rules make of it. To print
//! exactly what CPython prints we compute CPython's `Py_hash_t` for every value a
//! set can hold and rebuild `Objects/setobject.c`'s table ([`SetTable`]). Dicts
//! iterate in insertion order and need only the hashes.
//!
//! Everything here is value-agnostic: plain Rust data in, an `i64` out. A value
//! model hashes a tuple by hashing its items and passing their hashes to
//! [`hash_tuple`], and it compares keys for the table with a closure.
//!
//! * `str` and `bytes` go through SipHash-1-3 with a zero key (`PYTHONHASHSEED=0`;
//!   with any other seed CPython's hashes change from run to run);
//! * numbers share one formula so that `1`, `1.0`, `True` and `1+0j` hash equal
//!   (the implementation is in `float/hash.rs`, reused here);
//! * `-1` is never a hash: at the C level it means "error", so it becomes `-2`.
//!
//! Some hashes cannot be reproduced from a value: CPython 3.11 hashes `None`,
//! `...`, a NaN float, functions and code objects by their memory address
//! (`Python/pyhash.c: _Py_HashPointer`). [`hash_float`] and [`hash_complex`] say
//! so with `None`; a caller that needs a hash anyway picks one and documents it.

use num_bigint::BigInt;

use crate::float::never_minus_one;
use crate::int::Int;

mod set_table;
mod siphash;

pub use crate::float::{HASH_IMAG, HASH_INF, HASH_MODULUS};
pub use set_table::{NoMemory, SetTable};
pub use siphash::SipHasher13;

// ANCHOR: hash_text
/// `_Py_HashBytes`: the empty input hashes to 0 without running SipHash, and a
/// result of -1 becomes -2.
fn py_hash_bytes(hasher: &SipHasher13) -> i64 {
    if hasher.is_empty() {
        return 0;
    }
    never_minus_one(hasher.finish() as i64)
}

/// `hash(b)` for `bytes` (`Objects/bytesobject.c: bytes_hash`).
pub fn hash_bytes(data: &[u8]) -> i64 {
    let mut hasher = SipHasher13::new();
    hasher.write(data);
    py_hash_bytes(&hasher)
}

/// PEP 393's storage kinds (`Include/cpython/unicodeobject.h`:
/// `PyUnicode_1BYTE_KIND` and so on, holding `Py_UCS1`, `Py_UCS2` or `Py_UCS4`): a
/// `str` keeps every code point in 1, 2 or 4 bytes, the fewest that hold its
/// largest code point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnicodeKind {
    Ucs1,
    Ucs2,
    Ucs4,
}

impl UnicodeKind {
    /// `PyUnicode_New`'s choice by `maxchar`: ASCII and Latin-1 both take 1 byte.
    fn for_max_char(max_char: u32) -> UnicodeKind {
        match max_char {
            0..=0xff => UnicodeKind::Ucs1,
            0x100..=0xffff => UnicodeKind::Ucs2,
            _ => UnicodeKind::Ucs4,
        }
    }

    /// Feeds one code point in this kind's representation (little-endian, as on
    /// the x86-64 and ARM machines `python3.11` runs on).
    fn write(self, hasher: &mut SipHasher13, code_point: u32) {
        match self {
            UnicodeKind::Ucs1 => hasher.write(&[code_point as u8]),
            UnicodeKind::Ucs2 => hasher.write(&(code_point as u16).to_le_bytes()),
            UnicodeKind::Ucs4 => hasher.write(&code_point.to_le_bytes()),
        }
    }
}

/// `hash(s)` for a `str` given as its code points (`Objects/unicodeobject.c:
/// unicode_hash`): `_Py_HashBytes` over the PEP 393 storage, so `"é"` (1 byte)
/// and `"€"` (2 bytes) hash different widths. Lone surrogates are allowed: they
/// are stored in 2 bytes like any other code point below `U+10000`.
///
/// The iterator is walked twice, once for the largest code point and once to
/// hash; nothing is allocated.
pub fn hash_str(code_points: impl Iterator<Item = u32> + Clone) -> i64 {
    let max_char = code_points.clone().max().unwrap_or(0);
    let kind = UnicodeKind::for_max_char(max_char);
    let mut hasher = SipHasher13::new();
    for code_point in code_points {
        kind.write(&mut hasher, code_point);
    }
    py_hash_bytes(&hasher)
}

/// [`hash_str`] of a Rust `str`. ASCII text is its own 1-byte storage, so its
/// UTF-8 bytes are hashed as they are; other text is decoded on the fly.
pub fn hash_str_utf8(text: &str) -> i64 {
    if text.is_ascii() {
        return hash_bytes(text.as_bytes());
    }
    hash_str(text.chars().map(u32::from))
}
// ANCHOR_END: hash_text

// ANCHOR: hash_numbers
/// `hash(n)` for an int that fits an `i64` (`Objects/longobject.c: long_hash`):
/// `n` modulo [`HASH_MODULUS`] with the sign kept, -1 becoming -2.
pub fn hash_int(n: i64) -> i64 {
    crate::float::hash_int(&Int::Small(n))
}

/// `hash(n)` for an int of any size (`long_hash`).
pub fn hash_bigint(n: &BigInt) -> i64 {
    crate::float::hash_bigint(n)
}

/// `hash(n)` for the workbook's [`Int`], whichever representation it has.
pub fn hash_long(n: &Int) -> i64 {
    crate::float::hash_int(n)
}

/// `hash(b)` for a bool: `True` is the int 1 and `False` the int 0.
pub fn hash_bool(b: bool) -> i64 {
    i64::from(b)
}

/// `hash(x)` for a float (`Python/pyhash.c: _Py_HashDouble`): an integral float
/// hashes like the int it equals, `inf` to [`HASH_INF`].
///
/// `None` for a NaN: since 3.10 CPython hashes each NaN *object* by its address
/// (bpo-43475), so two NaNs land apart in a set and no value-level function can
/// reproduce the number.
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    Some(crate::float::hash_float(x))
}

/// `hash(z)` for a complex (`Objects/complexobject.c: complex_hash`):
/// `hash(real) + 1000003 * hash(imag)`, wrapping. `None` when either part is a
/// NaN, whose hash is the complex object's address.
pub fn hash_complex(real: f64, imag: f64) -> Option<i64> {
    if real.is_nan() || imag.is_nan() {
        return None;
    }
    Some(crate::float::hash_complex(real, imag))
}
// ANCHOR_END: hash_numbers

// ANCHOR: hash_tuple
/// `_PyHASH_XXPRIME_1`, `_2` and `_5` of `Objects/tupleobject.c` (64-bit).
const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `tuplehash` (3.8+): an xxHash-style accumulator fed with the items' hashes.
///
/// A struct rather than a function over an iterator, so that a caller whose item
/// hashes can fail (`hash((1, []))` raises `TypeError`) stops at the first error
/// with `?` in its own loop.
#[derive(Debug, Clone)]
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    pub fn new() -> TupleHasher {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }

    /// One round of the loop: `acc += lane * PRIME_2; acc = rotl(acc, 31);
    /// acc *= PRIME_1`.
    pub fn add(&mut self, item_hash: i64) {
        let lane = item_hash as u64;
        self.acc = self.acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    /// Mixes in the length ("mangled to keep the historical value of
    /// `hash(())`") and avoids -1 with 3.8's constant 1546275796.
    pub fn finish(&self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            return 1_546_275_796;
        }
        acc as i64
    }
}

impl Default for TupleHasher {
    fn default() -> TupleHasher {
        TupleHasher::new()
    }
}

/// `hash(t)` for a tuple, given its items' hashes in order.
pub fn hash_tuple(item_hashes: impl IntoIterator<Item = i64>) -> i64 {
    let mut hasher = TupleHasher::new();
    for item_hash in item_hashes {
        hasher.add(item_hash);
    }
    hasher.finish()
}

/// `_shuffle_bits` of `Objects/setobject.c`: spreads an item's hash before the
/// xor, so that items with nearby hashes do not cancel out.
fn shuffle_bits(hash: u64) -> u64 {
    ((hash ^ 89_869_747) ^ (hash << 16)).wrapping_mul(3_644_798_167)
}

/// `hash(f)` for a frozenset, given the hashes of its (distinct) items in any
/// order (`frozenset_hash`): an xor of the shuffled hashes, so the order does
/// not matter, then the size and a final dispersion.
///
/// CPython xors over every slot of the table and then cancels the empty and
/// dummy slots again; what remains is the xor over the items computed here.
pub fn hash_frozenset(item_hashes: impl IntoIterator<Item = i64>) -> i64 {
    let mut hash = 0u64;
    let mut len = 0u64;
    for item_hash in item_hashes {
        hash ^= shuffle_bits(item_hash as u64);
        len += 1;
    }
    hash ^= len.wrapping_add(1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}
// ANCHOR_END: hash_tuple
