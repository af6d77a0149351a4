//! CPython's set hash table (`Objects/setobject.c`, 3.11), generic over what a
//! slot holds, so that its iteration order is CPython's.
//!
//! A set is an array of slots, a power of two long. An item goes to the slot its
//! hash points at (`hash & mask`); when that is taken it tries the next 9 slots
//! (`LINEAR_PROBES`, cheap because they share cache lines) and then jumps to a
//! slot chosen by more bits of the hash (`perturb`), and so on until it finds a
//! free slot or an equal item. Iterating reads the array from slot 0 up, so the
//! order of a set depends on the hashes, the table size, and the history of
//! insertions, deletions and resizes. Every one of those rules is mirrored here,
//! each in a method named after the `setobject.c` function it follows.
//!
//! A deleted item leaves a *dummy* in its slot, so that searches for items that
//! probed past it still go on; a later insertion may reuse the last dummy it
//! passed. `fill` counts active and dummy slots, `used` only the active ones.
//!
//! The table knows nothing of Python values: the caller passes each key's hash
//! and a closure that says whether a stored key equals the one sought
//! (`PyObject_RichCompareBool(startkey, key, Py_EQ)`). The closure returns a
//! `Result`, because a Python `__eq__` can raise; the error is passed up as it
//! is. CPython also restarts a search when a comparison mutated the set
//! (`goto restart`); here the table is borrowed for the whole call, so a
//! comparison cannot reach it, and a value model must refuse such a mutation.
//!
//! Sizes assume a 64-bit `Py_hash_t` and `size_t`, as on the machines
//! `python3.11` runs on.

use std::fmt;

use crate::exc::Exception;

// ANCHOR: set_table
/// `LINEAR_PROBES`: how many slots after the first one a probe tries before
/// jumping.
const LINEAR_PROBES: usize = 9;

/// `PERTURB_SHIFT`: how many more bits of the hash each jump uses.
const PERTURB_SHIFT: u32 = 5;

/// `PySet_MINSIZE`: a new or cleared set has 8 slots.
const MIN_SIZE: usize = 8;

/// A table could not be allocated (CPython's `PyErr_NoMemory` in
/// `set_table_resize`): the caller raises `MemoryError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoMemory;

impl fmt::Display for NoMemory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cannot allocate the set's hash table")
    }
}

impl std::error::Error for NoMemory {}

impl From<NoMemory> for Exception {
    fn from(_: NoMemory) -> Exception {
        Exception::memory_error()
    }
}

/// One `setentry`. CPython marks an empty slot with a `NULL` key and a dummy with
/// the `dummy` key and hash -1; an enum says the same.
#[derive(Debug, Clone)]
enum Slot<K> {
    Empty,
    Dummy,
    Active { hash: i64, key: K },
}

/// `PySetObject`'s table: `slots.len()` is `mask + 1`, a power of two, at least
/// `PySet_MINSIZE` (8).
///
/// Invariant: at least one slot is empty, so every probe sequence ends
/// (`set_lookkey` needs "at least one virgin slot to terminate failing searches").
#[derive(Debug, Clone)]
pub struct SetTable<K> {
    slots: Vec<Slot<K>>,
    /// Active plus dummy slots (`so->fill`).
    fill: usize,
    /// Active slots: the set's `len()` (`so->used`).
    used: usize,
    /// Where `set.pop()` looks next (`so->finger`).
    finger: usize,
}

/// The slots `setobject.c` visits for `hash` in a table of `mask + 1` slots, in
/// order: the slot the hash points at and the 9 after it (`LINEAR_PROBES`, unless
/// that would run off the end of the table), then `i = (i * 5 + 1 + perturb) &
/// mask` with `perturb` shifted right 5 bits each time, and again. Endless, like
/// the C loop; the caller stops at an empty slot or an equal key.
fn probe_sequence(hash: i64, mask: usize) -> impl Iterator<Item = usize> {
    let mut perturb = hash as u64 as usize;
    let mut i = perturb & mask;
    std::iter::from_fn(move || {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        let run = i..=i + probes;
        perturb >>= PERTURB_SHIFT;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        Some(run)
    })
    .flatten()
}

/// `size` empty slots, or [`NoMemory`] where `PyMem_NEW` would return `NULL`
/// (too many bytes for the address space, or the allocator refuses).
fn empty_slots<K>(size: usize) -> Result<Vec<Slot<K>>, NoMemory> {
    let mut slots = Vec::new();
    slots.try_reserve_exact(size).map_err(|_| NoMemory)?;
    slots.resize_with(size, || Slot::Empty);
    Ok(slots)
}

/// `set_table_resize`'s "smallest table size > minused": a power of two, at
/// least `PySet_MINSIZE` (8).
fn table_size_above(min_used: usize) -> Result<usize, NoMemory> {
    let mut size = MIN_SIZE;
    while size <= min_used {
        size = size.checked_mul(2).ok_or(NoMemory)?;
    }
    Ok(size)
}

impl<K> SetTable<K> {
    /// `make_new_set`: an empty table of `PySet_MINSIZE` (8) slots.
    pub fn new() -> SetTable<K> {
        SetTable {
            slots: (0..MIN_SIZE).map(|_| Slot::Empty).collect(),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// The number of keys: `len(set)`.
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The number of slots, `mask + 1`.
    pub fn table_size(&self) -> usize {
        self.slots.len()
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_lookkey`: the slot of the key equal to the one sought, walking the
    /// probe sequence past dummies up to the first empty slot. Only slots with
    /// the same hash are compared, as CPython does.
    fn lookkey<E>(
        &self,
        hash: i64,
        mut eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        for index in probe_sequence(hash, self.mask()) {
            match self.slots.get(index) {
                Some(Slot::Active { hash: h, key }) => {
                    if *h == hash && eq(key)? {
                        return Ok(Some(index));
                    }
                }
                Some(Slot::Dummy) => {}
                Some(Slot::Empty) | None => return Ok(None),
            }
        }
        Ok(None)
    }

    /// `set_contains_entry`: is a key equal to the sought one in the table?
    /// `eq(stored)` compares a stored key with it.
    pub fn contains<E>(&self, hash: i64, eq: impl FnMut(&K) -> Result<bool, E>) -> Result<bool, E> {
        Ok(self.lookkey(hash, eq)?.is_some())
    }

    /// `set_add_entry`: adds `key` unless an equal key is present; `Ok(true)` when
    /// it was added. `eq(stored, &key)` compares a stored key with the new one
    /// (CPython compares `startkey` first too; it also checks identity first,
    /// which a caller's `eq` should do so that a NaN finds itself).
    ///
    /// The new key goes to the *last* dummy passed on the way (`freeslot =
    /// entry` overwrites, in 3.11), else to the empty slot that ended the search. Only taking an empty slot can grow the table:
    /// when `fill * 5 >= mask * 3` it is rebuilt for `used * 4` keys (`used * 2`
    /// past 50,000). If that allocation fails the key stays and the error
    /// ([`NoMemory`]) is returned, as CPython keeps the key and raises.
    pub fn insert<E: From<NoMemory>>(
        &mut self,
        hash: i64,
        key: K,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        self.keep_an_empty_slot()?;
        let mut free_slot = None;
        for index in probe_sequence(hash, self.mask()) {
            match self.slots.get(index) {
                Some(Slot::Active {
                    hash: h,
                    key: stored,
                }) => {
                    if *h == hash && eq(stored, &key)? {
                        return Ok(false);
                    }
                }
                Some(Slot::Dummy) => free_slot = Some(index),
                Some(Slot::Empty) | None => {
                    self.place(free_slot, index, hash, key)?;
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Our guard, not CPython's: after failed resizes the table could be left
    /// with no empty slot, and a search would never end. Grow first instead.
    fn keep_an_empty_slot(&mut self) -> Result<(), NoMemory> {
        if self.fill + 1 < self.slots.len() {
            return Ok(());
        }
        self.grow()
    }

    /// `set_add_entry`'s labels `found_unused_or_dummy` and `found_unused`.
    fn place(
        &mut self,
        dummy: Option<usize>,
        empty: usize,
        hash: i64,
        key: K,
    ) -> Result<(), NoMemory> {
        self.used += 1;
        if let Some(slot) = dummy.and_then(|index| self.slots.get_mut(index)) {
            *slot = Slot::Active { hash, key };
            return Ok(());
        }
        self.fill += 1;
        if let Some(slot) = self.slots.get_mut(empty) {
            *slot = Slot::Active { hash, key };
        }
        if self.fill.saturating_mul(5) < self.mask().saturating_mul(3) {
            return Ok(());
        }
        self.grow()
    }

    /// `set_add_entry`'s growth: `set_table_resize(so, so->used>50000 ?
    /// so->used*2 : so->used*4)`.
    fn grow(&mut self) -> Result<(), NoMemory> {
        let factor = if self.used > 50_000 { 2 } else { 4 };
        let min_used = self.used.checked_mul(factor).ok_or(NoMemory)?;
        self.resize(min_used)
    }

    /// `set_table_resize`: rebuilds the table with the smallest power of two
    /// above `min_used` slots (at least 8), dropping the dummies. The keys are
    /// re-inserted in the order of their old slots (`set_insert_clean`), which is
    /// why a resize can reorder colliding keys. A table of 8 slots without
    /// dummies that would stay at 8 is left alone.
    ///
    /// CPython's callers never ask for fewer slots than keys; a `min_used` below
    /// `len()` is raised to it here, so the keys always fit with a slot to spare.
    pub fn resize(&mut self, min_used: usize) -> Result<(), NoMemory> {
        let size = table_size_above(min_used.max(self.used))?;
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return Ok(());
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(size)?);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                self.insert_clean(hash, key);
            }
        }
        Ok(())
    }

    /// `set_insert_clean`: puts a key known to be absent into the first empty
    /// slot of its probe sequence, comparing nothing (the table has no dummies).
    /// The caller counts it in `fill` and `used`.
    fn insert_clean(&mut self, hash: i64, key: K) {
        let empty = probe_sequence(hash, self.mask())
            .find(|&index| matches!(self.slots.get(index), Some(Slot::Empty) | None));
        if let Some(slot) = empty.and_then(|index| self.slots.get_mut(index)) {
            *slot = Slot::Active { hash, key };
        }
    }

    /// `set_discard_entry`: removes the key equal to the sought one and returns
    /// it, leaving a dummy in its slot. The table never shrinks here.
    pub fn remove<E>(
        &mut self,
        hash: i64,
        eq: impl FnMut(&K) -> Result<bool, E>,
    ) -> Result<Option<K>, E> {
        let Some(index) = self.lookkey(hash, eq)? else {
            return Ok(None);
        };
        Ok(self.take(index))
    }

    /// Turns an active slot into a dummy and returns its key.
    fn take(&mut self, index: usize) -> Option<K> {
        let slot = self.slots.get_mut(index)?;
        match std::mem::replace(slot, Slot::Dummy) {
            Slot::Active { key, .. } => {
                self.used -= 1;
                Some(key)
            }
            other => {
                *slot = other;
                None
            }
        }
    }

    /// `set_pop`: removes and returns the first key at or after the finger,
    /// wrapping around, and moves the finger past it, so repeated pops do not
    /// rescan the slots already emptied. `None` for an empty set (CPython's
    /// `KeyError: 'pop from an empty set'`).
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut index = self.finger & mask;
        while !matches!(self.slots.get(index), Some(Slot::Active { .. })) {
            index = (index + 1) & mask;
        }
        self.finger = index + 1;
        self.take(index)
    }

    /// `set_clear_internal`: back to 8 empty slots. The finger is kept, as in
    /// CPython.
    pub fn clear(&mut self) {
        self.slots = (0..MIN_SIZE).map(|_| Slot::Empty).collect();
        self.fill = 0;
        self.used = 0;
    }

    /// The one big resize `set_merge` and `set_update_internal` (for a dict) do
    /// before adding `additional` keys, rather than growing step by step: when
    /// `(fill + additional) * 5 >= mask * 3`, resize for `(used + additional) * 2`.
    pub fn reserve(&mut self, additional: usize) -> Result<(), NoMemory> {
        let fill = self.fill.saturating_add(additional);
        if fill.saturating_mul(5) < self.mask().saturating_mul(3) {
            return Ok(());
        }
        let min_used = self
            .used
            .checked_add(additional)
            .and_then(|n| n.checked_mul(2))
            .ok_or(NoMemory)?;
        self.resize(min_used)
    }

    /// `set_next`: the first key at or after slot `pos`, as `(next_pos, hash,
    /// key)`; `None` past the end. What a set iterator (`setiter_iternext`) keeps
    /// between calls is `pos`, starting at 0.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, i64, &K)> {
        let rest = self.slots.get(pos..)?;
        rest.iter()
            .enumerate()
            .find_map(|(offset, slot)| match slot {
                Slot::Active { hash, key } => Some((pos + offset + 1, *hash, key)),
                _ => None,
            })
    }

    /// The keys with their hashes in iteration order: slot 0 up.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.slots.iter().filter_map(|slot| match slot {
            Slot::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// The keys in iteration order: slot 0 up.
    pub fn iter(&self) -> impl Iterator<Item = &K> + '_ {
        self.entries().map(|(_, key)| key)
    }
}

impl<K: Clone> SetTable<K> {
    /// `set_merge`: adds every key of `other` (`s.update(t)`, `s | t`, `set(t)`,
    /// `t.copy()`). After one [`Self::reserve`], three cases, each with its own
    /// resulting order:
    ///
    /// * this table is empty, as large as `other`'s, and `other` has no dummies:
    ///   the slots are copied as they are, so a copy iterates like the original;
    /// * this table is empty: the keys are re-inserted in `other`'s slot order
    ///   without comparisons (`set_insert_clean`);
    /// * otherwise: one [`Self::insert`] per key, in `other`'s slot order.
    ///
    /// CPython returns at once for `s.update(s)`; the borrow rules keep that case
    /// from reaching here, so the caller checks for it.
    pub fn merge<E: From<NoMemory>>(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        self.reserve(other.used)?;
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (hash, key) in other.entries() {
                self.insert_clean(hash, key.clone());
            }
            return Ok(());
        }
        for (hash, key) in other.entries() {
            self.insert(hash, key.clone(), &mut eq)?;
        }
        Ok(())
    }
}

impl<K> Default for SetTable<K> {
    fn default() -> SetTable<K> {
        SetTable::new()
    }
}
// ANCHOR_END: set_table
