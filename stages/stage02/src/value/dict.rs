//! `dict` (`Objects/dictobject.c`): a module's namespace, and from stage03 on a
//! value programs build (`**kwargs`, `{'a': 1}`).
//!
//! One type serves both, as in CPython: the globals a frame reads with
//! `LOAD_GLOBAL` are the very dict `globals()` returns in stage04. A dict keeps
//! its insertion order (guaranteed since Python 3.7), which is why it sits on
//! an [`IndexMap`]; deleting a key keeps the order of the others.
//!
//! Keys are any hashable value, with Python's equality: `1`, `1.0` and `True`
//! are one key. The map's hash is not Python's `hash()` (dict order does not
//! depend on it): it is a fast hash ([`FastHasher`]) that agrees with Python's
//! equality, so equal keys hash alike. A name lookup (`LOAD_GLOBAL x`) hashes
//! the name's few bytes with it, and never builds a `Value` to do so.

use std::cell::Cell;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use indexmap::{Equivalent, IndexMap};

use crate::exc::{Exception, PyResult};
use crate::value::ops;
use crate::value::Value;

// ANCHOR: dict
/// A `dict`, in insertion order.
#[derive(Debug)]
pub struct Dict {
    entries: IndexMap<Key, Value, BuildHasherDefault<FastHasher>>,
    /// Changes whenever a key is added or removed, to a number no dict had
    /// before (CPython's `ma_version_tag`, from `pydict_global_version`): a
    /// remembered lookup ([`LookupCache`]) is good while it is unchanged.
    keys_version: u64,
}

/// The source of every dict's `keys_version`: one counter for all dicts, so
/// that two dicts, or one dict before and after a change, never share a
/// version.
static KEYS_VERSIONS: AtomicU64 = AtomicU64::new(1);

fn new_keys_version() -> u64 {
    KEYS_VERSIONS.fetch_add(1, Ordering::Relaxed)
}

/// A copy has its own `keys_version`, so a lookup remembered in one dict is
/// never taken for the other's.
impl Clone for Dict {
    fn clone(&self) -> Dict {
        Dict {
            entries: self.entries.clone(),
            keys_version: new_keys_version(),
        }
    }
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            entries: IndexMap::default(),
            keys_version: new_keys_version(),
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// `d[key] = value`: a new key goes last, an existing key keeps its place
    /// (and its first spelling: `d[1] = 'a'; d[1.0] = 'b'` leaves the key `1`).
    /// `TypeError: unhashable type: 'dict'` for a key that cannot be hashed.
    pub fn insert(&mut self, key: Value, value: Value) -> PyResult<()> {
        let key = Key::new(key)?;
        match self.entries.get_mut(&key) {
            Some(slot) => *slot = value,
            None => {
                self.entries.insert(key, value);
                self.keys_version = new_keys_version();
            }
        }
        Ok(())
    }

    /// `d[name] = value` for a str key: how namespaces and keyword arguments
    /// store a name.
    pub fn insert_str(&mut self, name: Rc<str>, value: Value) {
        match self.entries.get_mut(&StrKey(&name)) {
            Some(slot) => *slot = value,
            None => {
                self.entries.insert(Key(Value::Str(name)), value);
                self.keys_version = new_keys_version();
            }
        }
    }

    /// `d.get(key)`.
    pub fn get(&self, key: &Value) -> PyResult<Option<&Value>> {
        Ok(self.entries.get(&Key::new(key.clone())?))
    }

    /// `d.get(name)` for a str key, without making a `Value` of it.
    pub fn get_str(&self, name: &str) -> Option<&Value> {
        self.entries.get(&StrKey(name))
    }

    pub fn contains_str(&self, name: &str) -> bool {
        self.entries.contains_key(&StrKey(name))
    }

    /// `del d[name]` for a str key: the value, or `None` if it was missing.
    pub fn remove_str(&mut self, name: &str) -> Option<Value> {
        let removed = self.entries.shift_remove(&StrKey(name));
        if removed.is_some() {
            self.keys_version = new_keys_version();
        }
        removed
    }

    /// `d.get(name)` through a remembered lookup: when the dict's keys are
    /// as they were at the last lookup through `cache`, the entry's index is
    /// known and nothing is hashed or compared. CPython specializes
    /// `LOAD_GLOBAL` the same way (`LOAD_GLOBAL_MODULE`: a dict version and
    /// an index in the instruction's inline cache).
    pub fn get_str_cached(&self, name: &str, cache: &LookupCache) -> Option<&Value> {
        if let Some((version, found)) = cache.0.get() {
            if version == self.keys_version {
                return found
                    .and_then(|index| self.entries.get_index(index))
                    .map(|(_, v)| v);
            }
        }
        let found = self.entries.get_index_of(&StrKey(name));
        cache.0.set(Some((self.keys_version, found)));
        found
            .and_then(|index| self.entries.get_index(index))
            .map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The item at `index` in insertion order (a dict iterator walks by index,
    /// as CPython's does, so that it notices a change of size).
    pub fn get_index(&self, index: usize) -> Option<(&Value, &Value)> {
        self.entries
            .get_index(index)
            .map(|(key, value)| (&key.0, value))
    }

    /// `del d[key]` / `d.pop(key)`: the value, or `None` when the key is
    /// missing; the order of the others is kept.
    pub fn remove(&mut self, key: &Value) -> PyResult<Option<Value>> {
        let removed = self.entries.shift_remove(&Key::new(key.clone())?);
        if removed.is_some() {
            self.keys_version = new_keys_version();
        }
        Ok(removed)
    }

    /// `d.popitem()`: the last item.
    pub fn pop_item(&mut self) -> Option<(Value, Value)> {
        let item = self.entries.pop().map(|(key, value)| (key.0, value));
        if item.is_some() {
            self.keys_version = new_keys_version();
        }
        item
    }

    /// The key equal to `key` as the dict stores it (`d[1.0]` finds the key `1`).
    pub fn get_key_value(&self, key: &Value) -> PyResult<Option<(&Value, &Value)>> {
        Ok(self
            .entries
            .get_key_value(&Key::new(key.clone())?)
            .map(|(key, value)| (&key.0, value)))
    }

    /// The items in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().map(|(key, value)| (&key.0, value))
    }

    /// Empties the dict, returning what it held (interpreter shutdown uses it to
    /// break the cycle function → globals → function).
    pub fn take(&mut self) -> Dict {
        std::mem::take(self)
    }

    /// Removes the last entry and gives its value (its key is dropped: a key
    /// nests at most [`MAX_KEY_DEPTH`] deep). For dropping a deeply nested
    /// value without recursion, `value::drop_nested`.
    pub fn pop_value(&mut self) -> Option<Value> {
        self.entries.pop().map(|(_, value)| value)
    }
}

/// Dropping a dict that holds containers frees them without recursing into
/// them (see `value::Tuple`).
impl Drop for Dict {
    fn drop(&mut self) {
        let holds_containers = self
            .entries
            .values()
            .any(|v| matches!(v, Value::Tuple(_) | Value::Dict(_) | Value::Object(_)));
        if holds_containers {
            crate::value::drop_nested(crate::value::Emptying::Dict(self.take()));
        }
    }
}

/// A remembered lookup of one name in one dict (see
/// [`Dict::get_str_cached`]): the dict's `keys_version` then, and the index
/// the name had, or `None` when it was missing.
#[derive(Debug, Default)]
pub struct LookupCache(Cell<Option<(u64, Option<usize>)>>);
// ANCHOR_END: dict

// ANCHOR: dict_repr
/// `Objects/dictobject.c: dict_repr`: `{'a': 1, 'b': 2}`. `repr_item` is the
/// caller's repr, which tracks the nesting depth.
pub fn repr_dict(
    dict: &Dict,
    mut repr_item: impl FnMut(&Value) -> PyResult<String>,
) -> PyResult<String> {
    let mut text = String::from("{");
    for (index, (key, value)) in dict.iter().enumerate() {
        if index > 0 {
            text.push_str(", ");
        }
        text.push_str(&repr_item(key)?);
        text.push_str(": ");
        text.push_str(&repr_item(value)?);
    }
    text.push('}');
    Ok(text)
}
// ANCHOR_END: dict_repr

// ANCHOR: key
/// A dict key: a hashable value. Its `Hash` and `Eq` follow Python's `==`.
#[derive(Debug, Clone)]
struct Key(Value);

impl Key {
    /// The key for `value`, or `TypeError: unhashable type: 'dict'`. A tuple
    /// nested deeper than [`MAX_KEY_DEPTH`] raises `RecursionError`, so that
    /// hashing and comparing keys never recurse without bound (CPython 3.11
    /// crashes hashing such a tuple: `tuplehash` does not count its depth).
    fn new(value: Value) -> PyResult<Key> {
        match unhashable_part(&value, 0)? {
            Some(part) => Err(Exception::type_error(format!(
                "unhashable type: '{}'",
                part.type_name()
            ))),
            None => Ok(Key(value)),
        }
    }
}

/// How deeply a dict key may nest tuples in tuples.
pub const MAX_KEY_DEPTH: usize = 1000;

/// The part of `value` that cannot be hashed (a dict, or a tuple holding one).
fn unhashable_part(value: &Value, depth: usize) -> PyResult<Option<&Value>> {
    match value {
        Value::Dict(_) => Ok(Some(value)),
        Value::Tuple(items) => {
            if depth >= MAX_KEY_DEPTH {
                return Err(Exception::new(
                    crate::exc::ExcType::RecursionError,
                    "maximum recursion depth exceeded while calling a Python object",
                ));
            }
            for item in items.iter() {
                if let Some(part) = unhashable_part(item, depth + 1)? {
                    return Ok(Some(part));
                }
            }
            Ok(None)
        }
        Value::Object(object) => match object.hash() {
            Some(Err(_)) => Ok(Some(value)),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        ops::equal(&self.0, &other.0)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state);
    }
}

/// Feeds `value` to `state` so that values Python calls equal feed the same
/// bytes: every number that equals an `i64` feeds that `i64`.
fn hash_value<H: Hasher>(value: &Value, state: &mut H) {
    match value {
        Value::Str(s) => s.hash(state),
        Value::Bool(b) => state.write_i64(i64::from(*b)),
        Value::Int(i) => match i.to_i64() {
            Some(small) => state.write_i64(small),
            None => hash_float(i.to_f64().unwrap_or(f64::NAN), state),
        },
        Value::Float(f) => hash_float(*f, state),
        Value::Complex { real, imag } if *imag == 0.0 => hash_float(*real, state),
        Value::Complex { real, imag } => {
            state.write_u64(real.to_bits());
            state.write_u64(imag.to_bits());
        }
        Value::Bytes(b) => b.hash(state),
        Value::Tuple(items) => {
            state.write_usize(items.len());
            for item in items.iter() {
                hash_value(item, state);
            }
        }
        Value::SurrogateStr(points) => points.hash(state),
        // Everything else is equal only to itself: hash where it lives.
        Value::None | Value::Ellipsis => state.write_u8(0),
        Value::Code(code) => state.write_usize(Rc::as_ptr(code) as usize),
        Value::Builtin(f) => state.write_usize(std::ptr::from_ref(*f) as usize),
        Value::Type(t) => state.write_usize(std::ptr::from_ref(*t) as usize),
        Value::Object(object) => match object.hash() {
            // A type with a hash of its own (a frozenset) hashes equal
            // objects alike; `Key::new` has refused the unhashable ones.
            Some(Ok(hash)) => state.write_i64(hash),
            _ => state.write_usize(Rc::as_ptr(object).cast::<()>() as usize),
        },
        Value::Dict(d) => state.write_usize(Rc::as_ptr(d) as usize),
    }
}

/// A float that equals an `i64` hashes as that `i64`; any other by its bits
/// (a big int that is not exactly a float equals no float, so the precision
/// lost in its `to_f64` above cannot make two unequal keys collide wrongly).
fn hash_float<H: Hasher>(f: f64, state: &mut H) {
    // i64::MIN as f64 is exact; the upper bound 2**63 is not an i64.
    if f.fract() == 0.0 && (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
        #[allow(clippy::cast_possible_truncation)]
        state.write_i64(f as i64);
    } else {
        state.write_u64(if f == 0.0 { 0 } else { f.to_bits() });
    }
}

/// A `&str` looked up in a dict without making a `Value`: it hashes and
/// compares exactly as the key `Value::Str` does.
struct StrKey<'a>(&'a str);

impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl Equivalent<Key> for StrKey<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        matches!(&key.0, Value::Str(s) if **s == *self.0)
    }
}
// ANCHOR_END: key

// ANCHOR: fast_hasher
/// The "Fx" hash of rustc and Firefox: a multiply and a rotate per word, no
/// protection against collision attacks (which a dict of a trusted program's
/// names does not need), and several times cheaper than the standard library's
/// SipHash on short names.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0; 8];
        let rest = chunks.remainder();
        if let Some(tail) = last.get_mut(..rest.len()) {
            tail.copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}
// ANCHOR_END: fast_hasher
