//! `marshal`, version 4: the serialisation format of a `.pyc` after its header
//! (`Python/marshal.c`, reference.md §2).
//!
//! Every object starts with one *type byte*: a type code in bits 0–6 (`'i'` for an
//! int, `'c'` for a code object …) and `FLAG_REF` in bit 7. A flagged object gets
//! the next slot in a *reference table*; later, `'r'` followed by a slot number
//! stands for that same object again. That is how the writer shares the name
//! `'x'` between `co_names` and `co_consts`, or an empty `b''` between fields.
//!
//! The reader is a recursive descent over the type bytes, named as in `marshal.c`:
//! `Reader::r_object` dispatches on the type code, `r_byte`, `r_long` (a signed
//! 32-bit little-endian number) and `r_string` read the raw parts.
//!
//! Nothing here trusts the input: every length is checked against the bytes that
//! remain before anything is allocated, every reference against the table, and the
//! nesting depth against CPython's limit. A bad file gives a [`LoadError`] that says
//! where and what, never a panic.

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::{BigInt, BigUint, Sign};

use crate::code::{Code, Constant};
use crate::pyc::LoadError;

/// Bit 7 of a type byte: "put this object in the reference table".
pub const FLAG_REF: u8 = 0x80;

/// `marshal.c: MAX_MARSHAL_STACK_DEPTH`: CPython refuses objects nested deeper.
pub const MAX_MARSHAL_STACK_DEPTH: u32 = 2000;

// ANCHOR: type_codes
/// The type codes of `marshal.c` (`#define TYPE_NULL '0'` …).
pub mod type_code {
    pub const TYPE_NULL: u8 = b'0';
    pub const TYPE_NONE: u8 = b'N';
    pub const TYPE_FALSE: u8 = b'F';
    pub const TYPE_TRUE: u8 = b'T';
    pub const TYPE_STOPITER: u8 = b'S';
    pub const TYPE_ELLIPSIS: u8 = b'.';
    pub const TYPE_INT: u8 = b'i';
    /// Legacy: only written by Python 2 on 64-bit machines; still readable.
    pub const TYPE_INT64: u8 = b'I';
    /// Legacy: a float as decimal text (marshal versions 0 and 1).
    pub const TYPE_FLOAT: u8 = b'f';
    pub const TYPE_BINARY_FLOAT: u8 = b'g';
    /// Legacy: a complex as two decimal texts.
    pub const TYPE_COMPLEX: u8 = b'x';
    pub const TYPE_BINARY_COMPLEX: u8 = b'y';
    pub const TYPE_LONG: u8 = b'l';
    /// A `bytes` object (the name is from Python 2, where `str` was bytes).
    pub const TYPE_STRING: u8 = b's';
    pub const TYPE_INTERNED: u8 = b't';
    pub const TYPE_REF: u8 = b'r';
    pub const TYPE_TUPLE: u8 = b'(';
    pub const TYPE_LIST: u8 = b'[';
    pub const TYPE_DICT: u8 = b'{';
    pub const TYPE_CODE: u8 = b'c';
    pub const TYPE_UNICODE: u8 = b'u';
    /// What the writer emits for an object it cannot marshal; never valid input.
    pub const TYPE_UNKNOWN: u8 = b'?';
    pub const TYPE_SET: u8 = b'<';
    pub const TYPE_FROZENSET: u8 = b'>';
    pub const TYPE_ASCII: u8 = b'a';
    pub const TYPE_ASCII_INTERNED: u8 = b'A';
    pub const TYPE_SMALL_TUPLE: u8 = b')';
    pub const TYPE_SHORT_ASCII: u8 = b'z';
    pub const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
}
// ANCHOR_END: type_codes

use type_code::*;

// ANCHOR: ref_slot
/// One slot of the reference table (`marshal.c: p->refs`).
#[derive(Debug, Clone)]
pub enum RefSlot {
    /// Reserved for a code object or a frozenset whose parts are still being read
    /// (`r_ref_reserve`). CPython stores `None` there; a reference to it is
    /// "bad marshal data (invalid reference)".
    Reserved,
    /// A tuple, list, dict or set still being read. CPython registers these
    /// *before* reading their items, so an item may refer to its own container and
    /// the container then contains itself. Our constants are immutable trees and
    /// cannot hold a cycle: such a reference reads as an empty container of the
    /// same kind. (The compiler never writes one.)
    Building(u8),
    /// A finished object.
    Filled(Constant),
}
// ANCHOR_END: ref_slot

/// The state of one `marshal.loads` (`marshal.c: RFILE`): the input, the read
/// position, the nesting depth and the reference table.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
    pub refs: Vec<RefSlot>,
    /// How many objects the loaded tree holds when every shared reference is
    /// counted at each place it is used (see [`MAX_EXPANDED_OBJECTS`]).
    expanded: u64,
    /// The expanded size of each shared object, by address, so that counting stays
    /// linear in the file's size.
    expanded_sizes: HashMap<usize, u64>,
}

/// How many objects a loaded tree may hold counting shared references at every use.
///
/// A back-reference makes an object appear twice for the price of five bytes, so a
/// crafted file of a few hundred bytes can describe a tuple of 2**60 items (each level
/// a pair of references to the level below). Loading it costs nothing, but anything
/// that walks it (the hashability check, `repr`, `dis`) would never finish. Real
/// `.pyc` files stay far below this bound; CPython has no such limit and would hang.
pub const MAX_EXPANDED_OBJECTS: u64 = 1 << 24;

/// Reads one object from `bytes` (offsets in errors count from the start of
/// `bytes`), like `marshal.loads`. Trailing bytes are ignored, as CPython does.
pub fn read_object(bytes: &[u8]) -> Result<Constant, LoadError> {
    Reader::new(bytes, 0).read_object()
}

impl<'a> Reader<'a> {
    /// A reader over `bytes` starting at `pos` (16 for the marshal data of a `.pyc`,
    /// so that error offsets are file offsets).
    pub fn new(bytes: &'a [u8], pos: usize) -> Reader<'a> {
        Reader {
            bytes,
            pos,
            depth: 0,
            refs: Vec::new(),
            expanded: 0,
            expanded_sizes: HashMap::new(),
        }
    }

    /// The current read position.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// `marshal.c: read_object`: one object; the NULL marker is an error here.
    pub fn read_object(&mut self) -> Result<Constant, LoadError> {
        self.r_object("object")
    }

    // ---------------------------------------------------------------- raw reads

    fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    // ANCHOR: r_string
    /// `marshal.c: r_string`: the next `n` bytes. Checks the length against what
    /// remains first, so a huge length read from a corrupt file costs nothing.
    fn r_string(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], LoadError> {
        // EXERCISE 2.2 r_string: the next n bytes and advance, or Truncated if fewer remain
        let bytes: &'a [u8] = self.bytes;
        let end = self.pos.checked_add(n);
        match end.and_then(|end| bytes.get(self.pos..end)) {
            Some(slice) => {
                self.pos += n;
                Ok(slice)
            }
            None => Err(LoadError::Truncated {
                offset: self.pos,
                expected: what,
                needed: n,
                available: self.remaining(),
            }),
        }
        // END EXERCISE
    }
    // ANCHOR_END: r_string

    fn r_array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], LoadError> {
        let slice = self.r_string(N, what)?;
        let mut array = [0u8; N];
        array.copy_from_slice(slice);
        Ok(array)
    }

    /// `marshal.c: r_byte`.
    fn r_byte(&mut self, what: &'static str) -> Result<u8, LoadError> {
        Ok(self.r_array::<1>(what)?[0])
    }

    /// `marshal.c: r_long`: a signed 32-bit little-endian number.
    fn r_long(&mut self, what: &'static str) -> Result<i32, LoadError> {
        Ok(i32::from_le_bytes(self.r_array(what)?))
    }

    /// A length written as `r_long`: must not be negative (CPython: "bad marshal
    /// data (… size out of range)").
    fn r_size(&mut self, what: &'static str) -> Result<usize, LoadError> {
        let offset = self.pos;
        let n = self.r_long(what)?;
        usize::try_from(n).map_err(|_| LoadError::BadSize {
            offset,
            what,
            size: n,
        })
    }

    fn r_float_bin(&mut self) -> Result<f64, LoadError> {
        Ok(f64::from_le_bytes(self.r_array("an 8-byte float")?))
    }

    /// `marshal.c: r_float_str`: a legacy float written as text, one length byte
    /// first. Parsed like `PyOS_string_to_double` (no surrounding spaces).
    fn r_float_str(&mut self) -> Result<f64, LoadError> {
        let n = self.r_byte("the length of a text float")?;
        let offset = self.pos;
        let text = self.r_string(usize::from(n), "the digits of a text float")?;
        std::str::from_utf8(text)
            .ok()
            .filter(|text| !text.starts_with(|c: char| c.is_whitespace()))
            .and_then(|text| text.parse::<f64>().ok())
            .ok_or(LoadError::BadFloatText { offset })
    }

    // ------------------------------------------------------------- the dispatch

    // ANCHOR: r_object
    // ANCHOR: r_object_type_byte
    /// `marshal.c: r_object`: reads one object. `context` says what the object is
    /// for, in the error when the NULL marker (`'0'`) stands where an object must be.
    fn r_object(&mut self, context: &'static str) -> Result<Constant, LoadError> {
        let offset = self.pos;
        match self.r_object_or_null()? {
            Some(object) => Ok(object),
            None => Err(LoadError::NullObject { offset, context }),
        }
    }

    /// `r_object` proper: `None` is CPython's `NULL` without an error set, which
    /// only `TYPE_NULL` produces (the end marker of a dict).
    ///
    /// This is the `switch (type)` of `marshal.c`, first half: the types that
    /// contain other objects, which is where the recursion happens. Scalars are
    /// read by [`Reader::r_scalar`]. The functions on the recursive path
    /// (`r_object_or_null`, `r_sequence`) avoid `?` and keep few locals: a debug
    /// build gives every temporary its own stack slot, and 2000 nested levels
    /// must fit in a test thread's 2 MiB stack.
    #[allow(clippy::question_mark)] // `?` costs stack slots in debug builds
    fn r_object_or_null(&mut self) -> Result<Option<Constant>, LoadError> {
        let offset = self.pos;
        let type_byte = match self.r_type_byte() {
            Ok(type_byte) => type_byte,
            Err(error) => return Err(error),
        };
        let flag = type_byte & FLAG_REF != 0;
        let code = type_byte & !FLAG_REF;
        // ANCHOR_END: r_object_type_byte
        // ANCHOR: r_object_switch
        let result = match code {
            // TYPE_NULL: no object, no error: ends a dict.
            TYPE_NULL => Ok(None),
            // TYPE_SMALL_TUPLE, TYPE_TUPLE, TYPE_LIST, TYPE_SET, TYPE_FROZENSET:
            // a count, then the items.
            TYPE_SMALL_TUPLE | TYPE_TUPLE | TYPE_LIST | TYPE_SET | TYPE_FROZENSET => {
                self.r_sequence(code, flag)
            }
            // TYPE_DICT: key, value pairs up to a NULL.
            TYPE_DICT => self.r_dict(flag),
            // TYPE_REF: an object read before.
            TYPE_REF => self.r_ref_lookup(offset),
            // TYPE_CODE: a code object, field by field.
            TYPE_CODE => self.r_code_object(offset, flag),
            _ => self.r_scalar(offset, code, flag),
        };
        self.depth -= 1;
        result
    }

    /// Reads a type byte and counts one more level of nesting; refuses to go
    /// deeper than CPython does ("recursion limit exceeded").
    #[inline(never)]
    fn r_type_byte(&mut self) -> Result<u8, LoadError> {
        let offset = self.pos;
        let type_byte = self.r_byte("a type byte")?;
        if self.depth >= MAX_MARSHAL_STACK_DEPTH {
            return Err(LoadError::TooDeep { offset });
        }
        self.depth += 1;
        Ok(type_byte)
    }
    // ANCHOR_END: r_object_switch

    // ANCHOR: r_scalar_ints
    /// The `switch (type)` of `r_object`, second half: objects with no parts.
    #[inline(never)]
    fn r_scalar(
        &mut self,
        offset: usize,
        code: u8,
        flag: bool,
    ) -> Result<Option<Constant>, LoadError> {
        let object = match code {
            // TYPE_NONE, TYPE_FALSE, TYPE_TRUE, TYPE_STOPITER, TYPE_ELLIPSIS:
            // singletons, never put in the reference table even if flagged.
            TYPE_NONE => return Ok(Some(Constant::None)),
            TYPE_FALSE => return Ok(Some(Constant::Bool(false))),
            TYPE_TRUE => return Ok(Some(Constant::Bool(true))),
            TYPE_STOPITER => return Ok(Some(Constant::StopIteration)),
            TYPE_ELLIPSIS => return Ok(Some(Constant::Ellipsis)),
            // TYPE_INT: every int that fits in 32 bits.
            TYPE_INT => Constant::Int(BigInt::from(self.r_long("a 32-bit int")?)),
            // TYPE_INT64: legacy 64-bit int.
            TYPE_INT64 => Constant::Int(BigInt::from(i64::from_le_bytes(
                self.r_array("a 64-bit int")?,
            ))),
            // TYPE_LONG: any other int, in 15-bit digits.
            TYPE_LONG => Constant::Int(self.r_long_object()?),
            // ANCHOR_END: r_scalar_ints
            // ANCHOR: r_scalar_floats_bytes
            // TYPE_BINARY_FLOAT: an IEEE 754 double, little-endian.
            TYPE_BINARY_FLOAT => Constant::Float(self.r_float_bin()?),
            // TYPE_FLOAT: legacy text float.
            TYPE_FLOAT => Constant::Float(self.r_float_str()?),
            // TYPE_BINARY_COMPLEX: two doubles, real then imaginary.
            TYPE_BINARY_COMPLEX => {
                let real = self.r_float_bin()?;
                let imag = self.r_float_bin()?;
                Constant::Complex { real, imag }
            }
            // TYPE_COMPLEX: legacy, two text floats.
            TYPE_COMPLEX => {
                let real = self.r_float_str()?;
                let imag = self.r_float_str()?;
                Constant::Complex { real, imag }
            }
            // TYPE_STRING: a bytes object.
            TYPE_STRING => {
                let n = self.r_size("the length of a bytes object")?;
                Constant::Bytes(Rc::from(
                    self.r_string(n, "the contents of a bytes object")?,
                ))
            }
            // ANCHOR_END: r_scalar_floats_bytes
            // ANCHOR: r_scalar_strs
            // TYPE_UNICODE, TYPE_INTERNED: UTF-8 with `surrogatepass`.
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.r_size("the length of a str")?;
                let start = self.pos;
                let utf8 = self.r_string(n, "the UTF-8 of a str")?;
                decode_utf8_surrogatepass(utf8).ok_or(LoadError::BadUtf8 { offset: start })?
            }
            // TYPE_ASCII, TYPE_ASCII_INTERNED: one byte per character.
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.r_size("the length of a str")?;
                Constant::Str(decode_latin1(self.r_string(n, "the characters of a str")?))
            }
            // TYPE_SHORT_ASCII, TYPE_SHORT_ASCII_INTERNED: the same with a 1-byte length.
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.r_byte("the length of a short str")?;
                let text = self.r_string(usize::from(n), "the characters of a str")?;
                Constant::Str(decode_latin1(text))
            }
            // TYPE_UNKNOWN and anything else.
            _ => {
                return Err(LoadError::UnknownTypeCode {
                    offset,
                    code: code | if flag { FLAG_REF } else { 0 },
                })
            }
        };
        // A scalar has no parts, so registering it now, after reading it, gives
        // it the same slot as registering it when its type byte was read.
        if flag {
            self.refs.push(RefSlot::Filled(object.clone()));
        }
        Ok(Some(object))
    }
    // ANCHOR_END: r_scalar_strs
    // ANCHOR_END: r_object

    // ANCHOR: r_long_object
    /// `marshal.c: r_PyLong`: a count `n` (its sign is the number's sign), then
    /// `|n|` 15-bit digits, least significant first. Each digit must be below
    /// 2**15 and the top one non-zero, so every int has exactly one encoding.
    fn r_long_object(&mut self) -> Result<BigInt, LoadError> {
        let offset = self.pos;
        let n = self.r_long("the digit count of a long")?;
        let count = usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX);
        let needed = count.saturating_mul(2);
        if needed > self.remaining() {
            return Err(LoadError::Truncated {
                offset: self.pos,
                expected: "the digits of a long",
                needed,
                available: self.remaining(),
            });
        }
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let digit_offset = self.pos;
            let digit = u16::from_le_bytes(self.r_array("a digit of a long")?);
            if digit >= 1 << 15 {
                return Err(LoadError::BadLong {
                    offset: digit_offset,
                    problem: "digit out of range in long",
                });
            }
            digits.push(digit);
        }
        if digits.last() == Some(&0) {
            return Err(LoadError::BadLong {
                offset,
                problem: "unnormalized long data",
            });
        }
        let magnitude = BigInt::from_biguint(Sign::Plus, digits_to_biguint(&digits));
        Ok(if n < 0 { -magnitude } else { magnitude })
    }
    // ANCHOR_END: r_long_object

    // ANCHOR: r_ref
    // ANCHOR: r_ref_lookup
    /// `TYPE_REF`: a 32-bit slot number into the reference table. The slot must
    /// exist and hold a finished object (`marshal.c`: "bad marshal data (invalid
    /// reference)").
    #[inline(never)]
    fn r_ref_lookup(&mut self, offset: usize) -> Result<Option<Constant>, LoadError> {
        let index = self.r_long("a reference index")?;
        let slot = usize::try_from(index).ok().and_then(|i| self.refs.get(i));
        match slot {
            Some(RefSlot::Filled(object)) => {
                let object = object.clone();
                self.count_expanded(&object, offset)?;
                Ok(Some(object))
            }
            Some(RefSlot::Building(container)) => Ok(Some(empty_container(*container))),
            Some(RefSlot::Reserved) | None => Err(LoadError::InvalidRef {
                offset,
                index,
                table_len: self.refs.len(),
            }),
        }
    }

    /// Adds one more use of a shared object to the expanded size of the tree.
    fn count_expanded(&mut self, object: &Constant, offset: usize) -> Result<(), LoadError> {
        let size = expanded_size(object, &mut self.expanded_sizes);
        self.expanded = self.expanded.saturating_add(size);
        if self.expanded > MAX_EXPANDED_OBJECTS {
            return Err(LoadError::TooLarge { offset });
        }
        Ok(())
    }
    // ANCHOR_END: r_ref_lookup

    // ANCHOR: r_ref_reserve
    /// `marshal.c: r_ref_reserve`: takes the next slot *now*, when the flagged type
    /// byte has been read, and fills it once the object is complete. The numbering
    /// must follow the order of the type bytes in the stream (pre-order), because
    /// that is how the writer numbered them.
    fn r_ref_reserve(&mut self, flag: bool, slot: RefSlot) -> Option<usize> {
        if !flag {
            return None;
        }
        self.refs.push(slot);
        Some(self.refs.len() - 1)
    }

    /// `marshal.c: r_ref_insert`: fills a slot taken by [`Reader::r_ref_reserve`].
    fn r_ref_insert(&mut self, index: Option<usize>, object: &Constant) {
        if let Some(slot) = index.and_then(|i| self.refs.get_mut(i)) {
            *slot = RefSlot::Filled(object.clone());
        }
    }
    // ANCHOR_END: r_ref_reserve
    // ANCHOR_END: r_ref

    // ANCHOR: r_sequence
    /// Tuples, lists, sets and frozensets: `n` objects. Tuples, lists and sets are
    /// registered before their items (a reference from inside sees the container
    /// being built); frozensets reserve a slot that stays invalid until they are
    /// complete (`marshal.c`: "must use delayed registration of frozensets").
    #[allow(clippy::question_mark)] // on the recursive path: see `r_object_or_null`
    fn r_sequence(&mut self, code: u8, flag: bool) -> Result<Option<Constant>, LoadError> {
        let n = match self.r_count(code) {
            Ok(n) => n,
            Err(error) => return Err(error),
        };
        let index = self.r_ref_reserve(flag, sequence_slot(code));
        // Each item takes at least one byte: never reserve more than remains.
        let mut items = Vec::with_capacity(n.min(self.remaining()));
        for _ in 0..n {
            let item_offset = self.pos;
            match self.r_object_or_null() {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Err(null_item(code, item_offset)),
                Err(error) => return Err(error),
            }
        }
        self.finish_sequence(code, index, items).map(Some)
    }

    /// The item count: one byte for a small tuple, `r_long` for the others.
    #[inline(never)]
    fn r_count(&mut self, code: u8) -> Result<usize, LoadError> {
        if code == TYPE_SMALL_TUPLE {
            Ok(usize::from(self.r_byte("the length of a small tuple")?))
        } else {
            self.r_size("the length of a container")
        }
    }

    /// Builds the container and fills its reference slot. Set items must be
    /// hashable (`PySet_Add`).
    #[inline(never)]
    fn finish_sequence(
        &mut self,
        code: u8,
        index: Option<usize>,
        items: Vec<Constant>,
    ) -> Result<Constant, LoadError> {
        if matches!(code, TYPE_SET | TYPE_FROZENSET) {
            let offset = self.pos;
            items
                .iter()
                .try_for_each(|item| check_hashable(item, offset))?;
        }
        let items: Rc<[Constant]> = Rc::from(items);
        let object = match code {
            TYPE_LIST => Constant::List(items),
            TYPE_SET => Constant::Set(items),
            TYPE_FROZENSET => Constant::FrozenSet(items),
            _ => Constant::Tuple(items),
        };
        self.r_ref_insert(index, &object);
        Ok(object)
    }

    /// `TYPE_DICT`: key, value pairs until the NULL marker. As in `marshal.c`, a
    /// NULL in place of a value also ends the dict (its key is dropped).
    #[inline(never)]
    fn r_dict(&mut self, flag: bool) -> Result<Option<Constant>, LoadError> {
        let index = self.r_ref_reserve(flag, RefSlot::Building(TYPE_DICT));
        let mut pairs = Vec::new();
        loop {
            let key_offset = self.pos;
            let Some(key) = self.r_object_or_null()? else {
                break;
            };
            let Some(value) = self.r_object_or_null()? else {
                break;
            };
            check_hashable(&key, key_offset)?;
            pairs.push((key, value));
        }
        let object = Constant::Dict(Rc::from(pairs));
        self.r_ref_insert(index, &object);
        Ok(Some(object))
    }
    // ANCHOR_END: r_sequence

    // ANCHOR: r_code_object
    // ANCHOR: r_code_fields
    /// `TYPE_CODE`: the sixteen fields of a 3.11 code object, in the order
    /// `marshal.c` reads them, then `_PyCode_Validate`'s checks. The slot is
    /// reserved before the fields: nested objects that are flagged come after it.
    #[inline(never)]
    fn r_code_object(&mut self, offset: usize, flag: bool) -> Result<Option<Constant>, LoadError> {
        let index = self.r_ref_reserve(flag, RefSlot::Reserved);
        let argcount = self.r_long("co_argcount")?;
        let posonlyargcount = self.r_long("co_posonlyargcount")?;
        let kwonlyargcount = self.r_long("co_kwonlyargcount")?;
        let stacksize = self.r_long("co_stacksize")?;
        let flags = self.r_long("co_flags")?;
        let code = self.r_field("co_code")?;
        let consts = self.r_field("co_consts")?;
        let names = self.r_field("co_names")?;
        let localsplusnames = self.r_field("co_localsplusnames")?;
        let localspluskinds = self.r_field("co_localspluskinds")?;
        let filename = self.r_field("co_filename")?;
        let name = self.r_field("co_name")?;
        let qualname = self.r_field("co_qualname")?;
        let firstlineno = self.r_long("co_firstlineno")?;
        let linetable = self.r_field("co_linetable")?;
        let exceptiontable = self.r_field("co_exceptiontable")?;
        // ANCHOR_END: r_code_fields
        // ANCHOR: r_code_validate
        let fields = CodeFields {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        };
        let code =
            validate_code(fields).map_err(|problem| LoadError::BadCode { offset, problem })?;
        let object = Constant::Code(Rc::new(code));
        self.r_ref_insert(index, &object);
        Ok(Some(object))
    }

    /// One object-valued field of a code object, with its name kept for errors.
    fn r_field(&mut self, field: &'static str) -> Result<(usize, Constant), LoadError> {
        let offset = self.pos;
        Ok((offset, self.r_object(field)?))
    }
    // ANCHOR_END: r_code_validate
    // ANCHOR_END: r_code_object
}

/// Packs 15-bit digits (least significant first) into the 32-bit words
/// `BigUint` is built from: linear time, however long the number.
/// Objects in `object`'s tree, shared ones counted at each use; memoised by the
/// address of each container, so a tree of shared references costs one visit per
/// distinct container.
fn expanded_size(object: &Constant, memo: &mut HashMap<usize, u64>) -> u64 {
    let (key, children): (usize, Vec<&Constant>) = match object {
        Constant::Tuple(items)
        | Constant::FrozenSet(items)
        | Constant::List(items)
        | Constant::Set(items) => (items.as_ptr() as usize, items.iter().collect()),
        Constant::Dict(pairs) => (
            pairs.as_ptr() as usize,
            pairs.iter().flat_map(|(k, v)| [k, v]).collect(),
        ),
        Constant::Code(code) => (Rc::as_ptr(code) as usize, code.consts.iter().collect()),
        _ => return 1,
    };
    if let Some(size) = memo.get(&key) {
        return *size;
    }
    let size = children.into_iter().fold(1u64, |total, child| {
        total.saturating_add(expanded_size(child, memo))
    });
    memo.insert(key, size);
    size
}

fn digits_to_biguint(digits: &[u16]) -> BigUint {
    let mut words = Vec::with_capacity(digits.len() / 2 + 1);
    let mut buffer: u64 = 0;
    let mut bits = 0;
    for &digit in digits {
        buffer |= u64::from(digit) << bits;
        bits += 15;
        if bits >= 32 {
            words.push(buffer as u32); // the low 32 bits; the rest stays buffered
            buffer >>= 32;
            bits -= 32;
        }
    }
    if bits > 0 {
        words.push(buffer as u32);
    }
    BigUint::new(words)
}

/// The slot a flagged container takes before its items are read.
fn sequence_slot(code: u8) -> RefSlot {
    if code == TYPE_FROZENSET {
        RefSlot::Reserved
    } else {
        RefSlot::Building(code)
    }
}

/// "NULL object in marshal data for tuple" (or list, or set).
fn null_item(code: u8, offset: usize) -> LoadError {
    let context = match code {
        TYPE_LIST => "list",
        TYPE_SET | TYPE_FROZENSET => "set",
        _ => "tuple",
    };
    LoadError::NullObject { offset, context }
}

/// The value a reference to a container still being read stands for (see
/// [`RefSlot::Building`]).
fn empty_container(code: u8) -> Constant {
    let empty: Rc<[Constant]> = Rc::from(Vec::new());
    match code {
        TYPE_LIST => Constant::List(empty),
        TYPE_SET => Constant::Set(empty),
        TYPE_DICT => Constant::Dict(Rc::from(Vec::new())),
        _ => Constant::Tuple(empty),
    }
}

/// `PySet_Add` and `PyDict_SetItem` hash their key: a list, set or dict (or a tuple
/// holding one) is refused with "unhashable type", as CPython's `marshal.loads` does.
fn check_hashable(item: &Constant, offset: usize) -> Result<(), LoadError> {
    match item {
        Constant::List(_) => Err(LoadError::Unhashable {
            offset,
            type_name: "list",
        }),
        Constant::Set(_) => Err(LoadError::Unhashable {
            offset,
            type_name: "set",
        }),
        Constant::Dict(_) => Err(LoadError::Unhashable {
            offset,
            type_name: "dict",
        }),
        Constant::Tuple(items) => items
            .iter()
            .try_for_each(|item| check_hashable(item, offset)),
        _ => Ok(()),
    }
}

/// `PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, …)`: each byte is one
/// character, U+0000 to U+00FF (the writer only uses these codes for ASCII).
fn decode_latin1(bytes: &[u8]) -> Rc<str> {
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    Rc::from(text)
}

// ANCHOR: surrogatepass
/// `bytes.decode("utf-8", "surrogatepass")`: UTF-8 in which the three-byte forms of
/// the surrogates U+D800..U+DFFF are also allowed, each standing for one code point
/// (a pair is *not* combined). Valid UTF-8 gives a `Str`, anything with a surrogate
/// a `SurrogateStr`, anything else `None`.
pub fn decode_utf8_surrogatepass(bytes: &[u8]) -> Option<Constant> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(Constant::Str(Rc::from(text)));
    }
    let mut code_points = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                code_points.extend(text.chars().map(u32::from));
                break;
            }
            Err(error) => {
                let (valid, after) = rest.split_at(error.valid_up_to());
                let valid = std::str::from_utf8(valid).ok()?;
                code_points.extend(valid.chars().map(u32::from));
                code_points.push(decode_surrogate(after)?);
                rest = after.get(3..)?;
            }
        }
    }
    Some(Constant::SurrogateStr(Rc::from(code_points)))
}

/// A surrogate written as UTF-8 would write it: `ED A0..BF 80..BF`.
fn decode_surrogate(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [0xED, second @ 0xA0..=0xBF, third @ 0x80..=0xBF, ..] => {
            Some(0xD000 | (u32::from(second & 0x3F) << 6) | u32::from(third & 0x3F))
        }
        _ => None,
    }
}
// ANCHOR_END: surrogatepass

// ANCHOR: validate_code
/// The raw fields of a code object, each object field with its stream offset.
struct CodeFields {
    argcount: i32,
    posonlyargcount: i32,
    kwonlyargcount: i32,
    stacksize: i32,
    flags: i32,
    code: (usize, Constant),
    consts: (usize, Constant),
    names: (usize, Constant),
    localsplusnames: (usize, Constant),
    localspluskinds: (usize, Constant),
    filename: (usize, Constant),
    name: (usize, Constant),
    qualname: (usize, Constant),
    firstlineno: i32,
    linetable: (usize, Constant),
    exceptiontable: (usize, Constant),
}

/// `Objects/codeobject.c: _PyCode_Validate` (and `intern_strings`, which refuses
/// a name that is not a `str`): the checks CPython makes before it builds a code
/// object from marshal data. Returns the problem as text for [`LoadError::BadCode`].
fn validate_code(fields: CodeFields) -> Result<Code, String> {
    let count = |value: i32, field: &str| {
        u32::try_from(value).map_err(|_| format!("{field} is negative ({value})"))
    };
    let argcount = count(fields.argcount, "co_argcount")?;
    let posonlyargcount = count(fields.posonlyargcount, "co_posonlyargcount")?;
    let kwonlyargcount = count(fields.kwonlyargcount, "co_kwonlyargcount")?;
    let stacksize = count(fields.stacksize, "co_stacksize")?;
    let flags = count(fields.flags, "co_flags")?;
    let firstlineno = count(fields.firstlineno, "co_firstlineno")?;
    if posonlyargcount > argcount {
        return Err(format!(
            "co_posonlyargcount ({posonlyargcount}) is larger than co_argcount ({argcount})"
        ));
    }
    let code = expect_bytes(fields.code, "co_code")?;
    if code.len() % 2 != 0 {
        return Err(format!(
            "co_code is malformed: {} bytes is not a whole number of 2-byte code units",
            code.len()
        ));
    }
    let consts = match fields.consts.1 {
        Constant::Tuple(items) => items,
        other => return Err(format!("co_consts is {}, not a tuple", type_name(&other))),
    };
    let names = expect_names(fields.names, "co_names")?;
    let localsplusnames = expect_names(fields.localsplusnames, "co_localsplusnames")?;
    let localspluskinds = expect_bytes(fields.localspluskinds, "co_localspluskinds")?;
    if localsplusnames.len() != localspluskinds.len() {
        return Err(format!(
            "co_localsplusnames has {} names but co_localspluskinds has {} kinds",
            localsplusnames.len(),
            localspluskinds.len()
        ));
    }
    let code_object = Code {
        argcount,
        posonlyargcount,
        kwonlyargcount,
        stacksize,
        flags,
        code,
        consts,
        names,
        localsplusnames,
        localspluskinds,
        filename: expect_str(fields.filename, "co_filename")?,
        name: expect_str(fields.name, "co_name")?,
        qualname: expect_str(fields.qualname, "co_qualname")?,
        firstlineno,
        linetable: expect_bytes(fields.linetable, "co_linetable")?,
        exceptiontable: expect_bytes(fields.exceptiontable, "co_exceptiontable")?,
    };
    check_varnames_cover_arguments(&code_object)?;
    Ok(code_object)
}

/// `_PyCode_Validate`: "code: co_varnames is too small": every argument, and the
/// `*args` / `**kwargs` slots the flags promise, needs a local variable.
fn check_varnames_cover_arguments(code: &Code) -> Result<(), String> {
    use crate::code::flags::{CO_VARARGS, CO_VARKEYWORDS};
    let needed = u64::from(code.argcount)
        + u64::from(code.kwonlyargcount)
        + u64::from(code.flags & CO_VARARGS != 0)
        + u64::from(code.flags & CO_VARKEYWORDS != 0);
    let nlocals = code.nlocals() as u64;
    if nlocals < needed {
        return Err(format!(
            "co_varnames is too small: {nlocals} local variables for {needed} arguments"
        ));
    }
    Ok(())
}

fn expect_bytes((_, value): (usize, Constant), field: &str) -> Result<Rc<[u8]>, String> {
    match value {
        Constant::Bytes(bytes) => Ok(bytes),
        other => Err(format!("{field} is {}, not bytes", type_name(&other))),
    }
}

fn expect_str((_, value): (usize, Constant), field: &str) -> Result<Rc<str>, String> {
    match value {
        Constant::Str(text) => Ok(text),
        other => Err(format!("{field} is {}, not a str", type_name(&other))),
    }
}

fn expect_names((_, value): (usize, Constant), field: &str) -> Result<Rc<[Rc<str>]>, String> {
    let Constant::Tuple(items) = value else {
        return Err(format!("{field} is {}, not a tuple", type_name(&value)));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Constant::Str(text) => Ok(text.clone()),
            other => Err(format!("{field}[{i}] is {}, not a str", type_name(other))),
        })
        .collect()
}
// ANCHOR_END: validate_code

/// The Python type name of a loaded value, for error messages.
pub fn type_name(value: &Constant) -> &'static str {
    match value {
        Constant::None => "None",
        Constant::Bool(_) => "a bool",
        Constant::Ellipsis => "Ellipsis",
        Constant::StopIteration => "the class StopIteration",
        Constant::Int(_) => "an int",
        Constant::Float(_) => "a float",
        Constant::Complex { .. } => "a complex",
        Constant::Str(_) => "a str",
        Constant::SurrogateStr(_) => "a str with a lone surrogate",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "a tuple",
        Constant::FrozenSet(_) => "a frozenset",
        Constant::List(_) => "a list",
        Constant::Set(_) => "a set",
        Constant::Dict(_) => "a dict",
        Constant::Code(_) => "a code object",
    }
}
