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

use crate::code::Constant;
use crate::float::{hash_bigint, hash_complex, hash_float, never_minus_one};

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
    never_minus_one(siphash13_zero_key(data) as i64)
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

// ANCHOR: numeric_hash
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

/// `hash(constant)` as CPython computes it with `PYTHONHASHSEED=0`; `None` when it
/// depends on a memory address or is not modelled here.
pub fn constant_hash(constant: &Constant) -> Option<i64> {
    match constant {
        Constant::Bool(b) => Some(i64::from(*b)),
        // The numbers hash as they do at run time (`crate::float`'s numeric hash),
        // except that a NaN is hashed by its address.
        Constant::Int(n) => Some(hash_bigint(n)),
        Constant::Float(x) if x.is_nan() => None,
        Constant::Float(x) => Some(hash_float(*x)),
        Constant::Complex { real, imag } if real.is_nan() || imag.is_nan() => None,
        Constant::Complex { real, imag } => Some(hash_complex(*real, *imag)),
        Constant::Str(s) => Some(hash_str(s.chars().map(u32::from))),
        Constant::SurrogateStr(points) => Some(hash_str(points.iter().copied())),
        Constant::Bytes(b) => Some(hash_bytes(b)),
        Constant::Tuple(items) => hash_tuple(items),
        _ => None,
    }
}
// ANCHOR_END: numeric_hash

// ANCHOR: set_table
/// `LINEAR_PROBES` and `PERTURB_SHIFT` of `setobject.c`.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// `PySet_MINSIZE`: a new set starts with 8 slots.
const MIN_SIZE: usize = 8;

/// The slots `setobject.c` visits for `hash` in a table of `mask + 1` slots:
/// the slot the hash points at and the next 9 (`LINEAR_PROBES`, unless that runs
/// off the end of the table), then a jump driven by the bits of the hash shifted
/// in 5 at a time (`perturb`), and again. Endless, like the C loop: the table is
/// never full, so the caller's search ends.
fn probe_sequence(hash: i64, mask: usize) -> impl Iterator<Item = usize> {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    std::iter::from_fn(move || {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        let run = i..=i + probes;
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
        Some(run)
    })
    .flatten()
}

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

    /// `set_add_entry`: walk the probe sequence until a free slot or an equal
    /// item turns up.
    fn add(&mut self, item: usize, hash: i64, items: &[Constant]) {
        for slot in probe_sequence(hash, self.mask()) {
            match self.slots.get(slot).copied().flatten() {
                None => {
                    self.put(slot, item, hash);
                    self.used += 1;
                    // Grow when 3/5 full (`set_add_entry` → `set_table_resize`).
                    if self.used * 5 >= self.mask() * 3 {
                        let growth = if self.used > 50_000 { 2 } else { 4 };
                        self.resize(self.used * growth);
                    }
                    return;
                }
                Some((other, other_hash)) => {
                    if other_hash == hash && items.get(other) == items.get(item) {
                        return;
                    }
                }
            }
        }
    }

    fn put(&mut self, slot: usize, item: usize, hash: i64) {
        if let Some(free) = self.slots.get_mut(slot) {
            *free = Some((item, hash));
        }
    }

    /// `set_table_resize` + `set_insert_clean`: the smallest power of two above
    /// `min_used`, items re-inserted in old slot order (no two are equal).
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        for (item, hash) in old.into_iter().flatten() {
            let free = probe_sequence(hash, self.mask())
                .find(|&slot| matches!(self.slots.get(slot), Some(None)));
            if let Some(slot) = free {
                self.put(slot, item, hash);
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
