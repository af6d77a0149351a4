//! The exception table (`co_exceptiontable`), new in 3.11: which handler catches an
//! exception raised at a given instruction, and how deep the value stack is there.
//!
//! Python 3.10 and earlier pushed "blocks" at run time (`SETUP_FINALLY`, `POP_BLOCK`);
//! 3.11 moved that bookkeeping into a table the compiler writes once ("zero-cost"
//! exceptions: a `try` costs nothing until something raises). See
//! `Objects/exception_handling_notes.txt` and reference.md §5.
//!
//! The table is a sequence of entries of four numbers, `start`, `size`, `target` and
//! `depth_lasti`, all counted in code units. Each number is a varint of 6-bit chunks,
//! **most significant chunk first**, with bit 6 (`0x40`) meaning "more chunks follow";
//! bit 7 (`0x80`) marks the first byte of an entry. (The location table uses the
//! opposite chunk order: the two decoders are deliberately separate.)

use crate::code::Code;

// ANCHOR: exception_table_entry
/// One decoded entry, in **byte** offsets like `dis._parse_exception_table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First byte offset covered.
    pub start: u32,
    /// One past the last byte offset covered (`dis` prints `end - 2`).
    pub end: u32,
    /// Where the handler starts.
    pub target: u32,
    /// How many values stay on the value stack when the handler runs.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed before the exception
    /// (`lasti`), so `RERAISE 1` can restore it.
    pub lasti: bool,
}
// ANCHOR_END: exception_table_entry

/// Why a table could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExceptionTableError {
    /// A number (or an offset computed from it) does not fit in 32 bits. Python's
    /// `dis` would print the huge number; the interpreter could never jump there.
    ValueTooLarge { byte_offset: usize },
}

impl std::fmt::Display for ExceptionTableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExceptionTableError::ValueTooLarge { byte_offset } => write!(
                f,
                "exception table: value too large at byte {byte_offset} of co_exceptiontable"
            ),
        }
    }
}

// ANCHOR: parse_varint
/// `Lib/dis.py: _parse_varint`: 6-bit chunks, most significant first, bit 6 set while
/// more chunks follow. `None` when the table ends in the middle of a number.
/// Values are kept in a `u64` and refused once they pass `u32::MAX`.
fn parse_varint(table: &[u8], pos: &mut usize) -> Option<Result<u32, ExceptionTableError>> {
    // EXERCISE 2.3 parse_varint: 6-bit chunks, most significant first, bit 6 = more follow
    let start = *pos;
    let mut byte = *table.get(*pos)?;
    *pos += 1;
    let mut value = u64::from(byte & 63);
    while byte & 64 != 0 {
        byte = *table.get(*pos)?;
        *pos += 1;
        value = (value << 6) | u64::from(byte & 63);
        if value > u64::from(u32::MAX) {
            return Some(Err(ExceptionTableError::ValueTooLarge {
                byte_offset: start,
            }));
        }
    }
    Some(
        u32::try_from(value).map_err(|_| ExceptionTableError::ValueTooLarge { byte_offset: start }),
    )
    // END EXERCISE
}
// ANCHOR_END: parse_varint

// ANCHOR: parse_exception_table
/// Decodes the whole table, exactly like `dis._parse_exception_table`: four varints
/// per entry, counts in code units turned into byte offsets.
///
/// Like `dis`, an entry cut short by the end of the table is silently dropped (the
/// compiler never writes one). The only error is a number too large for a `u32`
/// byte offset.
pub fn parse(code: &Code) -> Result<Vec<ExceptionTableEntry>, ExceptionTableError> {
    parse_table(&code.exceptiontable)
}

/// [`parse`] on the raw bytes of a `co_exceptiontable`.
pub fn parse_table(table: &[u8]) -> Result<Vec<ExceptionTableEntry>, ExceptionTableError> {
    entries(table).collect()
}

/// The entries of a table, decoded one at a time as they are asked for: the
/// interpreter's lookup reads the bytes in place, as CPython's does, and
/// stops at the entry it wants.
pub fn entries(
    table: &[u8],
) -> impl Iterator<Item = Result<ExceptionTableEntry, ExceptionTableError>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || next_entry(table, &mut pos))
}
// ANCHOR_END: parse_exception_table

// ANCHOR: next_entry
/// The entry that starts at `pos`, with `pos` moved past it; `None` at the end
/// of the table (or in an entry cut short).
fn next_entry(
    table: &[u8],
    pos: &mut usize,
) -> Option<Result<ExceptionTableEntry, ExceptionTableError>> {
    let too_large = ExceptionTableError::ValueTooLarge { byte_offset: *pos };
    let mut numbers = [0; 4];
    for number in &mut numbers {
        *number = match parse_varint(table, pos)? {
            Ok(value) => value,
            Err(error) => return Some(Err(error)),
        };
    }
    let [start, size, target, depth_lasti] = numbers;
    let to_bytes = |units: u32| units.checked_mul(2).ok_or(too_large.clone());
    let entry = (|| {
        let start = to_bytes(start)?;
        let end = start
            .checked_add(to_bytes(size)?)
            .ok_or(too_large.clone())?;
        Ok(ExceptionTableEntry {
            start,
            end,
            target: to_bytes(target)?,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        })
    })();
    Some(entry)
}
// ANCHOR_END: next_entry

// ANCHOR: find_handler
/// The entry covering `byte_offset`, if any: what `ceval.c: get_exception_handler`
/// looks up when an instruction raises. Entries are sorted and do not overlap, so
/// the first match is the only one (CPython binary-searches long tables; a linear
/// scan gives the same answer).
pub fn find_handler(
    entries: &[ExceptionTableEntry],
    byte_offset: u32,
) -> Option<&ExceptionTableEntry> {
    entries
        .iter()
        .find(|entry| entry.start <= byte_offset && byte_offset < entry.end)
}

/// [`find_handler`] on the raw bytes, decoding only up to the entry found, or
/// to the first that starts past the offset (entries are sorted): what
/// `get_exception_handler` does, and the interpreter for each frame an
/// exception passes through. (CPython binary-searches a long table first.)
pub fn lookup(
    table: &[u8],
    byte_offset: u32,
) -> Result<Option<ExceptionTableEntry>, ExceptionTableError> {
    for entry in entries(table) {
        let entry = entry?;
        if entry.start > byte_offset {
            break;
        }
        if byte_offset < entry.end {
            return Ok(Some(entry));
        }
    }
    Ok(None)
}
// ANCHOR_END: find_handler
