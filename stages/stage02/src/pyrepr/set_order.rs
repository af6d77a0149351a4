//! The order in which CPython iterates (and so `repr`s) a frozenset constant.
//!
//! Since 3.11, `marshal` writes a set's items **sorted by their serialized bytes**
//! (bpo-37596, reproducible `.pyc` files), not in iteration order. But `dis` prints
//! `repr(frozenset)`, which walks CPython's hash table. To print what
//! `PYTHONHASHSEED=0 python3.11 -m dis` prints we rebuild that table with
//! [`crate::hash`]:
//!
//! 1. hash every item as CPython does with a zero hash secret ([`constant_hash`]);
//! 2. insert the items into a [`SetTable`], which follows
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
use crate::hash::{self, NoMemory, SetTable};

// ANCHOR: constant_hash
/// `hash(constant)` as CPython computes it with `PYTHONHASHSEED=0`; `None` when it
/// depends on a memory address or is not modelled here.
pub fn constant_hash(constant: &Constant) -> Option<i64> {
    match constant {
        Constant::Bool(b) => Some(hash::hash_bool(*b)),
        Constant::Int(n) => Some(hash::hash_bigint(n)),
        Constant::Float(x) => hash::hash_float(*x),
        Constant::Complex { real, imag } => hash::hash_complex(*real, *imag),
        Constant::Str(s) => Some(hash::hash_str_utf8(s)),
        Constant::SurrogateStr(points) => Some(hash::hash_str(points.iter().copied())),
        Constant::Bytes(b) => Some(hash::hash_bytes(b)),
        Constant::Tuple(items) => {
            let item_hashes: Vec<i64> = items.iter().map(constant_hash).collect::<Option<_>>()?;
            Some(hash::hash_tuple(item_hashes))
        }
        _ => None,
    }
}
// ANCHOR_END: constant_hash

// ANCHOR: iteration_order
/// The order, as indexes into `items` (in marshal's stored order), in which
/// `PYTHONHASHSEED=0 python3.11` iterates the frozenset `marshal.loads` builds from
/// them; `None` when an item's hash is unknowable (see the module documentation),
/// or in the unlikely case that the table cannot be allocated.
pub fn iteration_order(items: &[Constant]) -> Option<Vec<usize>> {
    let hashes: Vec<i64> = items.iter().map(constant_hash).collect::<Option<_>>()?;
    let mut table = SetTable::new();
    for (index, hash) in hashes.into_iter().enumerate() {
        let same = |a: &usize, b: &usize| Ok::<bool, NoMemory>(items.get(*a) == items.get(*b));
        table.insert(hash, index, same).ok()?;
    }
    Some(table.iter().copied().collect())
}
// ANCHOR_END: iteration_order
