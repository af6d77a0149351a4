//! The order in which CPython iterates (and so `repr`s) a frozenset constant.
//!
//! Since 3.11, `marshal` writes a set's items **sorted by their serialized bytes**
//! (bpo-37596, reproducible `.pyc` files), not in iteration order. But `dis` prints
//! `repr(frozenset)`, which walks CPython's hash table. To print what
//! `PYTHONHASHSEED=0 python3.11 -m dis` prints we rebuild that table:
//!
//! 1. hash every item as CPython does with a zero hash secret (`PYTHONHASHSEED=0`:
//!    SipHash-1-3 with a zero key for `str` and `bytes`, `sys.hash_info`);
//! 2. insert the items into an open-addressing table exactly like
//!    `Objects/setobject.c: set_add_entry` (linear probes, then perturbation,
//!    resizing at 3/5 full);
//! 3. read the table from slot 0 up.
//!
//! We insert the items in the order marshal stored them, which is exactly what
//! `marshal.loads` does, so the result is CPython's `repr` of the constant *as
//! loaded from the `.pyc`* (`PYTHONHASHSEED=0 python3.11 -c "import marshal, dis;
//! dis.dis(marshal.loads(data[16:]))"`). `python3.11 -m dis FILE.py` compiles
//! the source instead: its set was built from the items in source order (twice:
//! `ast_opt.c` then `compile.c: merge_consts_recursive`), and when items collide in
//! the table the iteration order depends on that insertion history, which the
//! sorted `.pyc` no longer holds. Sets without collisions print the same either way.
//!
//! Items whose hash depends on a memory address (`None`, `...`, a NaN, code
//! objects) or that we do not hash (nested frozensets) make the order unknowable:
//! [`iteration_order`] then returns `None` and the caller keeps the stored order.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use crate::code::Constant;

/// `_PyHASH_MODULUS`: numeric hashes are values modulo the prime 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;
/// `_PyHASH_INF`: `hash(float('inf'))`.
const HASH_INF: i64 = 314_159;
/// `_PyHASH_IMAG`: multiplier of the imaginary part's hash.
const HASH_IMAG: u64 = 1_000_003;

// ANCHOR: siphash13
/// One SipRound (`Python/pyhash.c: HALF_ROUND` twice).
fn sip_round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[2] = v[2].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[1]);
    v[0] = v[0].wrapping_add(v[3]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].rotate_left(32);
}

/// `pyhash.c: siphash13` with the zero key of `PYTHONHASHSEED=0`.
fn siphash13_zero_key(data: &[u8]) -> u64 {
    let mut v = [
        0x736f_6d65_7073_6575,
        0x646f_7261_6e64_6f6d,
        0x6c79_6765_6e65_7261,
        0x7465_6462_7974_6573,
    ];
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let m = u64::from_le_bytes(word);
        v[3] ^= m;
        sip_round(&mut v);
        v[0] ^= m;
    }
    let mut last = [0u8; 8];
    let tail = chunks.remainder();
    for (slot, byte) in last.iter_mut().zip(tail) {
        *slot = *byte;
    }
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(last);
    v[3] ^= b;
    sip_round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    sip_round(&mut v);
    sip_round(&mut v);
    sip_round(&mut v);
    (v[0] ^ v[1]) ^ (v[2] ^ v[3])
}

/// `_Py_HashBytes`: 0 for empty input, and -1 is reserved for errors.
fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13_zero_key(data) as i64)
}

/// A `str` is hashed over its PEP 393 storage: 1, 2 or 4 bytes per code point,
/// chosen by the largest code point.
fn hash_str(code_points: impl Iterator<Item = u32> + Clone) -> i64 {
    let widest = code_points.clone().max().unwrap_or(0);
    let mut data = Vec::new();
    for c in code_points {
        match widest {
            0..=0xff => data.push(c as u8),
            0x100..=0xffff => data.extend_from_slice(&(c as u16).to_le_bytes()),
            _ => data.extend_from_slice(&c.to_le_bytes()),
        }
    }
    hash_bytes(&data)
}
// ANCHOR_END: siphash13

/// CPython never returns -1 from a hash function: it means "error".
fn fix_minus_one(hash: i64) -> i64 {
    if hash == -1 {
        -2
    } else {
        hash
    }
}

// ANCHOR: numeric_hash
/// `long_hash`: the value modulo 2**61 - 1, with the sign of the value.
fn hash_int(n: &BigInt) -> i64 {
    let modulus = BigInt::from(MODULUS);
    let magnitude = (n.magnitude() % modulus.magnitude()).to_i64().unwrap_or(0);
    let hash = if n.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    };
    fix_minus_one(hash)
}

/// `_Py_HashDouble`: the float's exact value modulo 2**61 - 1, so that
/// `hash(2.0) == hash(2)`. `None` for NaN (hashed by address since 3.10).
fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    // x = mantissa * 2**exponent exactly, mantissa < 2**53.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    // 2**61 ≡ 1 (mod 2**61 - 1), so 2**e ≡ 2**(e mod 61).
    let shift = exponent.rem_euclid(61) as u32;
    let reduced = (u128::from(mantissa) << shift) % u128::from(MODULUS);
    let magnitude = reduced as i64;
    let hash = if x < 0.0 { -magnitude } else { magnitude };
    Some(fix_minus_one(hash))
}

/// `complex_hash`: `hash(real) + 1000003 * hash(imag)`, wrapping.
fn hash_complex(real: f64, imag: f64) -> Option<i64> {
    let real = hash_float(real)? as u64;
    let imag = hash_float(imag)? as u64;
    Some(fix_minus_one(
        real.wrapping_add(HASH_IMAG.wrapping_mul(imag)) as i64,
    ))
}

/// `tuplehash`: the xxHash-style mix of the items' hashes.
fn hash_tuple(items: &[Constant]) -> Option<i64> {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for item in items {
        let lane = constant_hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (PRIME_5 ^ 3_527_539));
    Some(if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    })
}
// ANCHOR_END: numeric_hash

/// `hash(constant)` as CPython computes it with `PYTHONHASHSEED=0`; `None` when it
/// depends on a memory address or is not modelled here.
pub fn constant_hash(constant: &Constant) -> Option<i64> {
    match constant {
        Constant::Bool(b) => Some(i64::from(*b)),
        Constant::Int(n) => Some(hash_int(n)),
        Constant::Float(x) => hash_float(*x),
        Constant::Complex { real, imag } => hash_complex(*real, *imag),
        Constant::Str(s) => Some(hash_str(s.chars().map(u32::from))),
        Constant::SurrogateStr(points) => Some(hash_str(points.iter().copied())),
        Constant::Bytes(b) => Some(hash_bytes(b)),
        Constant::Tuple(items) => hash_tuple(items),
        _ => None,
    }
}

// ANCHOR: set_table
/// `LINEAR_PROBES` and `PERTURB_SHIFT` of `setobject.c`.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// `PySet_MINSIZE`: a new set starts with 8 slots.
const MIN_SIZE: usize = 8;

/// A set's hash table: each slot holds the index of an item and its hash.
struct SetTable {
    slots: Vec<Option<(usize, i64)>>,
    used: usize,
}

impl SetTable {
    fn new() -> SetTable {
        SetTable {
            slots: vec![None; MIN_SIZE],
            used: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_add_entry`: probe 10 neighbouring slots, then jump with the
    /// perturbed hash, until a free slot or an equal item turns up.
    fn add(&mut self, item: usize, hash: i64, items: &[Constant]) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for slot in i..=i + probes {
                match self.slots.get(slot).copied().flatten() {
                    None => {
                        if let Some(free) = self.slots.get_mut(slot) {
                            *free = Some((item, hash));
                        }
                        self.used += 1;
                        // Grow when 3/5 full, to 4 times the items (`set_table_resize`).
                        if self.used * 5 >= mask * 3 {
                            self.resize(self.used * 4);
                        }
                        return;
                    }
                    Some((other, other_hash)) if other_hash == hash => {
                        if items.get(other) == items.get(item) {
                            return;
                        }
                    }
                    Some(_) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize` + `set_insert_clean`: the smallest power of two above
    /// `min_used`, items re-inserted in old slot order.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        let mask = size - 1;
        for (item, hash) in old.into_iter().flatten() {
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            'probe: loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for slot in i..=i + probes {
                    if let Some(free @ None) = self.slots.get_mut(slot) {
                        *free = Some((item, hash));
                        break 'probe;
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// The items in iteration order: slot 0 up.
    fn iteration_order(&self) -> Vec<usize> {
        self.slots.iter().flatten().map(|&(item, _)| item).collect()
    }
}

/// Builds `frozenset(items[order])` and returns its iteration order.
fn build(items: &[Constant], hashes: &[i64], order: &[usize]) -> Vec<usize> {
    let mut table = SetTable::new();
    for &item in order {
        if let Some(&hash) = hashes.get(item) {
            table.add(item, hash, items);
        }
    }
    table.iteration_order()
}

/// The order, as indexes into `items` (in marshal's stored order), in which
/// `PYTHONHASHSEED=0 python3.11` iterates the frozenset `marshal.loads` builds from
/// them; `None` when an item's hash is unknowable (see the module documentation).
pub fn iteration_order(items: &[Constant]) -> Option<Vec<usize>> {
    let hashes: Vec<i64> = items.iter().map(constant_hash).collect::<Option<_>>()?;
    let stored: Vec<usize> = (0..items.len()).collect();
    Some(build(items, &hashes, &stored))
}
// ANCHOR_END: set_table
