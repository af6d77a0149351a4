//! The numeric hash (`Python/pyhash.c: _Py_HashDouble`, `Objects/longobject.c:
//! long_hash`): equal numbers must hash equal across types, so `{1: 'a'}[1.0]`
//! and `{True: 'a'}[1]` find the entry.
//!
//! The trick is one formula for every type: the hash of a rational number `x` is
//! `x` reduced modulo the prime `P = 2**61 - 1` (`sys.hash_info.modulus`), with
//! the sign kept apart. A float is `m * 2**e`, and since `2**61 == 1 (mod P)`,
//! `2**e` reduces to `2**(e mod 61)`. `-1` is reserved for errors at the C
//! level, so a hash of `-1` becomes `-2`.

use num_traits::{Signed, ToPrimitive};

use crate::int::Int;

// ANCHOR: numeric_hash
/// `sys.hash_info.modulus`: the Mersenne prime 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `sys.hash_info.inf`: the hash of `inf` (and `-HASH_INF` of `-inf`).
pub const HASH_INF: i64 = 314_159;

/// A residue in `[0, P)` with a sign, as a hash; -1 becomes -2.
fn signed_hash(negative: bool, residue: u64) -> i64 {
    let magnitude = residue as i64; // < 2**61
    let hash = if negative { -magnitude } else { magnitude };
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// `hash(n)` for an int (`long_hash`).
pub fn hash_int(i: &Int) -> i64 {
    match i {
        Int::Small(v) => signed_hash(*v < 0, v.unsigned_abs() % HASH_MODULUS),
        Int::Big(b) => {
            let residue = (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
            signed_hash(b.is_negative(), residue)
        }
    }
}

/// `hash(x)` for a float (`_Py_HashDouble`); integral floats hash like ints.
///
/// NaN: CPython 3.11 hashes each NaN *object* by its address, which a value
/// cannot reproduce; we return 0 (the hash of NaN before 3.10).
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (significand, exponent) = decompose(x.abs());
    // 2**exponent mod P == 2**(exponent mod 61), for negative exponents too.
    let shift = exponent.rem_euclid(61) as u32;
    let residue = (u128::from(significand % HASH_MODULUS) << shift) % u128::from(HASH_MODULUS);
    signed_hash(x < 0.0, residue as u64)
}
// ANCHOR_END: numeric_hash

/// A finite `x >= 0` as `significand * 2**exponent`.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}
