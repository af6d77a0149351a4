//! The location table (`co_linetable`, PEP 657): for every code unit, the source
//! line and columns it came from. Tracebacks print the line of the failing
//! instruction and underline its columns; `dis` prints where each line starts.
//!
//! The table is a sequence of entries. The first byte of an entry is
//! `1 CCCC LLL`: bit 7 set, a 4-bit *kind* `C`, and `L` = code units covered − 1.
//! Extra bytes follow, all with bit 7 clear. Kinds (reference.md §4,
//! `Objects/locations.md`, `Objects/codeobject.c`):
//!
//! | kind | name | extra bytes | what it says |
//! |---|---|---|---|
//! | 0–9 | short form | 1 | same line; column `kind*8 + (b>>4)`, end column `+ (b & 15)` |
//! | 10–12 | one-line form | 2 | line += kind − 10; column, end column |
//! | 13 | no columns | svarint | line += delta |
//! | 14 | long form | svarint, 3 varints | line += delta, end line, column + 1, end column + 1 |
//! | 15 | no location | 0 | everything `None` |
//!
//! Varints here are 6-bit chunks, **least significant first** (the exception table
//! uses the opposite order).
//!
//! Two readers, as in CPython: [`positions`] (`co_positions()`, read byte by byte
//! in `advance_with_locations`) and [`lines`] (`co_lines()`, which only computes
//! line deltas and then skips to the next byte with bit 7 set, in `advance`).

use crate::code::Code;

/// `PY_CODE_LOCATION_INFO_*` kinds (`Include/cpython/code.h`).
const LOCATION_INFO_ONE_LINE0: u8 = 10;
const LOCATION_INFO_NO_COLUMNS: u8 = 13;
const LOCATION_INFO_LONG: u8 = 14;
const LOCATION_INFO_NONE: u8 = 15;

// ANCHOR: position
/// One element of `co_positions()`: where a code unit came from. Columns are
/// 0-based UTF-8 byte offsets into the source line. Every member may be `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: Option<u32>,
    pub end_line: Option<u32>,
    pub col: Option<u32>,
    pub end_col: Option<u32>,
}
// ANCHOR_END: position

/// One element of `co_lines()`: the byte offsets `start..end` carry line `line`
/// (`None` for code with no line, such as the cleanup after an `except`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRange {
    pub start: u32,
    pub end: u32,
    pub line: Option<u32>,
}

/// CPython keeps lines and columns in C `int`s and uses -1 for "none"
/// (`codeobject.c: _source_offset_converter`). A negative value, which only a
/// hand-made table can produce, is reported as `None` too.
fn offset_to_option(value: i64) -> Option<u32> {
    u32::try_from(value).ok()
}

// ANCHOR: table_cursor
/// A read position in `co_linetable`. Every read returns `None` at the end of the
/// table, so a truncated or corrupted table stops the decoding instead of reading
/// past the end (CPython trusts the compiler and does not check).
struct TableCursor<'a> {
    table: &'a [u8],
    pos: usize,
}

impl TableCursor<'_> {
    fn read_byte(&mut self) -> Option<u8> {
        let byte = *self.table.get(self.pos)?;
        self.pos += 1;
        Some(byte)
    }

    /// `codeobject.c: read_varint`: 6-bit chunks, least significant first, bit 6
    /// set while more follow. Bits beyond 32 are dropped (C would overflow).
    fn read_varint(&mut self) -> Option<u32> {
        let mut byte = self.read_byte()?;
        let mut value = u32::from(byte & 63);
        let mut shift = 0u32;
        while byte & 64 != 0 {
            byte = self.read_byte()?;
            shift = shift.saturating_add(6);
            let chunk = u32::from(byte & 63).checked_shl(shift).unwrap_or(0);
            value |= chunk;
        }
        Some(value)
    }

    /// `codeobject.c: read_signed_varint`: the low bit is the sign.
    fn read_signed_varint(&mut self) -> Option<i64> {
        let unsigned = self.read_varint()?;
        let magnitude = i64::from(unsigned >> 1);
        Some(if unsigned & 1 != 0 {
            -magnitude
        } else {
            magnitude
        })
    }
}
// ANCHOR_END: table_cursor

// ANCHOR: advance_with_locations
/// One decoded entry: how many code units it covers and their position.
/// `codeobject.c: advance_with_locations`. `line` is the running line number,
/// which every kind but 15 updates (saturating: only a hand-made table of
/// gigabytes could push it past `i64`, but a file must not be able to panic us).
fn read_entry(cursor: &mut TableCursor<'_>, line: &mut i64) -> Option<(u32, Position)> {
    let first_byte = cursor.read_byte()?;
    let kind = (first_byte >> 3) & 15;
    let units = u32::from(first_byte & 7) + 1;
    let (line_now, end_line, col, end_col) = match kind {
        LOCATION_INFO_NONE => (-1, -1, -1, -1),
        LOCATION_INFO_LONG => {
            *line = line.saturating_add(cursor.read_signed_varint()?);
            let end_line = *line + i64::from(cursor.read_varint()?);
            let col = i64::from(cursor.read_varint()?) - 1;
            let end_col = i64::from(cursor.read_varint()?) - 1;
            (*line, end_line, col, end_col)
        }
        LOCATION_INFO_NO_COLUMNS => {
            *line = line.saturating_add(cursor.read_signed_varint()?);
            (*line, *line, -1, -1)
        }
        LOCATION_INFO_ONE_LINE0..=12 => {
            *line += i64::from(kind - LOCATION_INFO_ONE_LINE0);
            let col = i64::from(cursor.read_byte()?);
            let end_col = i64::from(cursor.read_byte()?);
            (*line, *line, col, end_col)
        }
        _ => {
            // Short forms 0..=9: the kind holds the high bits of the column.
            let second_byte = cursor.read_byte()?;
            let col = i64::from((kind << 3) | (second_byte >> 4));
            let end_col = col + i64::from(second_byte & 15);
            (*line, *line, col, end_col)
        }
    };
    let position = Position {
        line: offset_to_option(line_now),
        end_line: offset_to_option(end_line),
        col: offset_to_option(col),
        end_col: offset_to_option(end_col),
    };
    Some((units, position))
}
// ANCHOR_END: advance_with_locations

// ANCHOR: positions
/// `list(code.co_positions())`: one [`Position`] per code unit (caches included).
///
/// For a table written by the compiler this is exactly CPython's list. A table that
/// covers fewer code units than `co_code` is padded with all-`None` positions, and
/// one that covers more (or is cut short) is truncated, so the result always has
/// one entry per code unit: callers can index it with `byte_offset / 2`.
pub fn positions(code: &Code) -> Vec<Position> {
    let code_units = code.code.len() / 2;
    let mut result = Vec::with_capacity(code_units);
    let mut cursor = TableCursor {
        table: &code.linetable,
        pos: 0,
    };
    let mut line = i64::from(code.firstlineno);
    while result.len() < code_units {
        let Some((units, position)) = read_entry(&mut cursor, &mut line) else {
            break;
        };
        for _ in 0..units {
            if result.len() == code_units {
                break;
            }
            result.push(position);
        }
    }
    result.resize(code_units, Position::default());
    result
}
// ANCHOR_END: positions

// ANCHOR: co_lines
/// How far the running line moves at the entry starting at `pos`
/// (`codeobject.c: get_line_delta`). `None` if the table ends inside the delta.
fn line_delta(table: &[u8], pos: usize) -> Option<i64> {
    let first_byte = *table.get(pos)?;
    let kind = (first_byte >> 3) & 15;
    let mut cursor = TableCursor {
        table,
        pos: pos + 1,
    };
    match kind {
        LOCATION_INFO_NO_COLUMNS | LOCATION_INFO_LONG => cursor.read_signed_varint(),
        LOCATION_INFO_ONE_LINE0..=12 => Some(i64::from(kind - LOCATION_INFO_ONE_LINE0)),
        _ => Some(0),
    }
}

/// `list(code.co_lines())` in 3.11: one [`LineRange`] per table entry, in byte
/// offsets, **not merged** (two neighbours may carry the same line). Kind 15
/// entries have line `None`. `codeobject.c: advance` reads only the first byte of
/// each entry and the line delta, then skips to the next byte with bit 7 set.
pub fn lines(code: &Code) -> Vec<LineRange> {
    let table: &[u8] = &code.linetable;
    let mut result = Vec::new();
    let mut computed_line = i64::from(code.firstlineno);
    let mut pos = 0;
    let mut end: u32 = 0;
    while let Some(&first_byte) = table.get(pos) {
        let Some(delta) = line_delta(table, pos) else {
            break;
        };
        computed_line = computed_line.saturating_add(delta);
        let line = if first_byte >> 3 == 0x1f {
            None
        } else {
            offset_to_option(computed_line)
        };
        let start = end;
        let Some(next_end) = end.checked_add((u32::from(first_byte & 7) + 1) * 2) else {
            break;
        };
        end = next_end;
        result.push(LineRange { start, end, line });
        pos += 1;
        while table.get(pos).is_some_and(|byte| byte & 128 == 0) {
            pos += 1;
        }
    }
    result
}
// ANCHOR_END: co_lines

// ANCHOR: line_at
/// The line of the instruction at `byte_offset`, as tracebacks and `--trace` report
/// it (`codeobject.c: PyCode_Addr2Line`): the line of the [`lines`] range that
/// contains the offset, `None` if that range has no line or no range contains it.
pub fn line_at(code: &Code, byte_offset: u32) -> Option<u32> {
    lines(code)
        .into_iter()
        .find(|range| range.start <= byte_offset && byte_offset < range.end)
        .and_then(|range| range.line)
}
// ANCHOR_END: line_at
