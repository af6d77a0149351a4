//! The text CPython 3.11 writes to stderr for an uncaught exception, byte
//! for byte: the traceback of each exception of the chain, its last line,
//! and the sentence that links it to the next one.
//!
//! It mirrors the C printer, not `Lib/traceback.py` (the two differ in
//! details): `Python/pythonrun.c: print_exception_recursive` for the chain
//! and `Python/traceback.c` for each traceback: `tb_printinternal` walks the
//! entries, `tb_displayline` prints one with its source line and the PEP 657
//! carets that point at the failing expression (`~~~~^^^~~~`). The source
//! lines come from [`SourceLines`] (`source.rs`); which characters get `^`
//! and which `~` is decided by `anchors.rs`, a small parser standing in for
//! the one CPython runs on the underlined text; and `width.rs` knows which
//! characters take two columns on a terminal, where the carets under them
//! are doubled.
//!
//! The caller walks the exception chain and turns each traceback entry
//! into a [`FrameSummary`]: this module only formats plain data.

mod anchors;
mod source;
mod width;

use std::rc::Rc;

use crate::linetable::Position;
use anchors::Anchors;

pub use source::SourceLines;

/// One frame an exception passed through (a traceback entry), as
/// `tb_displayline` needs it.
#[derive(Debug, Clone)]
pub struct FrameSummary {
    /// `co_filename`.
    pub filename: Rc<str>,
    /// `co_name` (3.11 prints the name, not the qualified name).
    pub name: Rc<str>,
    /// `tb_lineno`: `None` when the instruction has no line.
    pub lineno: Option<u32>,
    /// The location-table entry of `tb_lasti`.
    pub position: Position,
}

/// How an exception of the chain leads to the next one printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChainLink {
    /// The next one was raised `from` this one (`__cause__`).
    Cause,
    /// The next one was raised while this one was handled (`__context__`).
    Context,
}

/// `pythonrun.c: cause_message`.
const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
/// `pythonrun.c: context_message`.
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
/// `EXCEPTION_TB_HEADER`.
const TRACEBACK_HEADER: &str = "Traceback (most recent call last):\n";
/// `PyTraceBack_LIMIT`: the default of `sys.tracebacklimit`.
const TRACEBACK_LIMIT: usize = 1000;
/// `TB_RECURSIVE_CUTOFF`: how many identical entries are printed before
/// they are counted instead.
const TB_RECURSIVE_CUTOFF: usize = 3;
/// `_TRACEBACK_SOURCE_LINE_INDENT`.
const SOURCE_LINE_INDENT: usize = 4;

// ANCHOR: format_chain
/// The whole stderr output for a chain the caller has walked, oldest first
/// (`print_exception_recursive`): for each exception its traceback (none if
/// it has no entries), its last line, and the sentence that leads to the
/// next one (`print_chained`).
pub fn format_chain(
    chain: &[(Vec<FrameSummary>, String, Option<ChainLink>)],
    sources: &mut SourceLines,
) -> String {
    let mut out = String::new();
    for (frames, last_line, link) in chain {
        out.push_str(&format_traceback(frames, sources));
        out.push_str(last_line);
        out.push('\n');
        out.push_str(match link {
            Some(ChainLink::Cause) => CAUSE_MESSAGE,
            Some(ChainLink::Context) => CONTEXT_MESSAGE,
            None => "",
        });
    }
    out
}
// ANCHOR_END: format_chain

// ANCHOR: format_traceback
/// One exception's traceback block (`_PyTraceBack_Print_Indented` and
/// `tb_printinternal`): the header, then the last 1000 (`PyTraceBack_LIMIT`)
/// entries, outermost first. A run of entries with the same file, line and
/// name is cut after `TB_RECURSIVE_CUTOFF` (3) with a count of the rest.
/// Empty when there are no entries.
pub fn format_traceback(frames: &[FrameSummary], sources: &mut SourceLines) -> String {
    if frames.is_empty() {
        return String::new();
    }
    let mut out = String::from(TRACEBACK_HEADER);
    let shown = frames
        .get(frames.len().saturating_sub(TRACEBACK_LIMIT)..)
        .unwrap_or_default();
    let mut last: Option<&FrameSummary> = None;
    let mut count = 0;
    for frame in shown {
        if !last.is_some_and(|last| same_line(last, frame)) {
            tb_print_line_repeated(&mut out, count);
            last = Some(frame);
            count = 0;
        }
        count += 1;
        if count <= TB_RECURSIVE_CUTOFF {
            tb_displayline(&mut out, frame, sources);
        }
    }
    tb_print_line_repeated(&mut out, count);
    out
}
// ANCHOR_END: format_traceback

/// Whether two entries print the same (`tb_printinternal` compares the
/// line, and the file and name objects by identity, which for one program's
/// code objects is comparing the strings; an entry without a line, C's
/// `-1`, never repeats the one before).
fn same_line(a: &FrameSummary, b: &FrameSummary) -> bool {
    a.lineno.is_some() && a.lineno == b.lineno && a.filename == b.filename && a.name == b.name
}

/// `tb_print_line_repeated`, for a run of `count` equal entries.
fn tb_print_line_repeated(out: &mut String, count: usize) {
    if count > TB_RECURSIVE_CUTOFF {
        let more = count - TB_RECURSIVE_CUTOFF;
        let times = if more > 1 { "times" } else { "time" };
        out.push_str(&format!("  [Previous line repeated {more} more {times}]\n"));
    }
}

// ANCHOR: tb_displayline
/// `tb_displayline`: the `File` line, then the source line with its
/// indentation replaced by four spaces, then the carets. No source line
/// means no carets; so does a position with a part missing.
fn tb_displayline(out: &mut String, frame: &FrameSummary, sources: &mut SourceLines) {
    // `%d` of a missing line number, C's -1.
    let lineno = frame
        .lineno
        .map_or_else(|| "-1".to_owned(), |n| n.to_string());
    out.push_str(&format!(
        "  File \"{}\", line {lineno}, in {}\n",
        frame.filename, frame.name
    ));
    let Some(line) = frame.lineno.and_then(|n| sources.line(&frame.filename, n)) else {
        return;
    };
    let indent = line
        .chars()
        .take_while(|&c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    out.push_str(&" ".repeat(SOURCE_LINE_INDENT));
    out.push_str(stripped);
    out.push('\n');
    if let Some(carets) = carets(&line, indent, &frame.position) {
        out.push_str(&carets);
        out.push('\n');
    }
}
// ANCHOR_END: tb_displayline

/// What to underline in a source line, counted from its start (indentation
/// included), in characters and then in display columns: `start..end`,
/// with the anchors marking the part inside it that gets the secondary
/// character; `^` throughout when there are none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Underline {
    start: usize,
    end: usize,
    anchors: Option<Anchors>,
}

// ANCHOR: carets
/// The caret line under `line` (whose first `indent` characters are the
/// indentation the printed line dropped), or `None` where `tb_displayline`
/// prints none: a position with a part missing, or a primary range that
/// covers the whole printed line and no secondary range.
fn carets(line: &str, indent: usize, position: &Position) -> Option<String> {
    let underline = underline(line, position)?;
    let stripped_len = line.chars().count() - indent;
    let whole_line = underline.end.checked_sub(underline.start) == Some(stripped_len);
    if whole_line && underline.anchors.is_none() {
        return None;
    }
    let columns = display_columns(line, &underline);
    Some(print_error_location_carets(&columns, indent))
}

/// The underline in terminal columns rather than characters: a wide
/// character takes two (`tb_displayline` converts every offset with
/// `_PyPegen_calculate_display_width` once it knows it prints carets).
fn display_columns(line: &str, underline: &Underline) -> Underline {
    let width = |chars: usize| width::display_width(line, chars);
    Underline {
        start: width(underline.start),
        end: width(underline.end),
        anchors: underline.anchors.map(|anchors| Anchors {
            left: width(anchors.left),
            right: width(anchors.right),
            ..anchors
        }),
    }
}

// ANCHOR_END: carets

// ANCHOR: print_error_location_carets
/// `print_error_location_carets`: a space for each column before the
/// range, then the primary character, and the secondary one between the
/// anchors. The indentation the printed line dropped is replaced by its
/// four spaces.
fn print_error_location_carets(underline: &Underline, indent: usize) -> String {
    let first_column = indent.saturating_sub(SOURCE_LINE_INDENT);
    let mut out = " ".repeat(SOURCE_LINE_INDENT.saturating_sub(indent));
    for column in first_column..underline.end {
        out.push(match underline.anchors {
            _ if column < underline.start => ' ',
            Some(anchors) if anchors.left <= column && column < anchors.right => anchors.secondary,
            Some(anchors) => anchors.primary,
            None => '^',
        });
    }
    out
}
// ANCHOR_END: print_error_location_carets

// ANCHOR: underline
/// The range to underline, from the instruction's position (UTF-8 byte
/// columns, turned into characters), and for a one-line range the anchors
/// found in the underlined text. A range that goes on to later lines is
/// underlined to the last non-blank character of this one.
fn underline(line: &str, position: &Position) -> Option<Underline> {
    let (start_line, end_line) = (position.line?, position.end_line?);
    let (col, end_col) = (position.col? as usize, position.end_col? as usize);
    let start = byte_offset_to_character_offset(line, col);
    let end = byte_offset_to_character_offset(line, end_col);
    if start_line != end_line {
        let end = last_non_blank_end(line);
        return Some(Underline {
            start,
            end,
            anchors: None,
        });
    }
    let segment = substring(line, start, end);
    let anchors = anchors::extract_anchors(segment).map(|found| Anchors {
        left: byte_offset_to_character_offset(segment, found.left) + start,
        right: byte_offset_to_character_offset(segment, found.right) + start,
        ..found
    });
    Some(Underline {
        start,
        end,
        anchors,
    })
}
// ANCHOR_END: underline

/// For a range that continues on the next lines: one past the last byte
/// that is not blank, searched from byte `characters - 1` down. That mixes
/// up characters and bytes as `tb_displayline` does, so a line with
/// non-ASCII text gets the same carets as from CPython.
fn last_non_blank_end(line: &str) -> usize {
    let bytes = line.as_bytes();
    let characters = line.chars().count();
    (0..characters)
        .rev()
        .find(|&i| !matches!(bytes.get(i), Some(b' ' | b'\t' | b'\x0c')))
        .map_or(0, |i| i + 1)
}

/// `_PyPegen_byte_offset_to_character_offset`: how many characters the
/// first `offset` bytes of `line` decode to, a character cut in the middle
/// counting as one (the decoder's "replace"). An offset past the end counts
/// the terminating NUL too, as the C code reads it.
fn byte_offset_to_character_offset(line: &str, offset: usize) -> usize {
    if offset > line.len() {
        return line.chars().count() + 1;
    }
    line.char_indices().take_while(|&(i, _)| i < offset).count()
}

/// `PyUnicode_Substring`: characters `start..end` of `text`, clamped to its
/// length.
fn substring(text: &str, start: usize, end: usize) -> &str {
    let byte_at = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    };
    let (start, end) = (byte_at(start), byte_at(end));
    text.get(start..end.max(start)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    //! Each expected output is CPython 3.11.7's own stderr for the program
    //! in the test (`python3 prog.py`), with the program's path replaced by
    //! `{file}`; the frames are what its traceback held: for each entry
    //! `co_name`, `tb_lineno` and `list(co_positions())[tb_lasti // 2]`.
    //! `cross_check_with_cpython` (ignored: it needs `python3`) produces
    //! both for many more programs and compares.

    use super::*;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};

    const FILE: &str = "{file}";

    /// An entry of the test's program: `co_name`, `tb_lineno`, and the
    /// position as `[line, end_line, col, end_col]`.
    fn at(name: &str, lineno: u32, position: [u32; 4]) -> FrameSummary {
        at_file(FILE, name, lineno, position)
    }

    fn at_file(filename: &str, name: &str, lineno: u32, position: [u32; 4]) -> FrameSummary {
        let [line, end_line, col, end_col] = position.map(Some);
        FrameSummary {
            filename: filename.into(),
            name: name.into(),
            lineno: Some(lineno),
            position: Position {
                line,
                end_line,
                col,
                end_col,
            },
        }
    }

    /// A directory of its own for each test (they run in parallel).
    fn scratch_dir() -> PathBuf {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("stage05-traceback-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Writes `source` to `prog.py` in a fresh directory, formats `chain`
    /// (where `{file}` names that file) and compares with `expected`.
    fn check(
        source: impl AsRef<[u8]>,
        chain: &[(Vec<FrameSummary>, String, Option<ChainLink>)],
        expected: &str,
    ) {
        let program = scratch_dir().join("prog.py");
        std::fs::write(&program, source).unwrap();
        let path = program.to_str().unwrap();
        let chain: Vec<_> = chain
            .iter()
            .map(|(frames, last, link)| (with_file(frames, path), last.clone(), *link))
            .collect();
        let mut sources = SourceLines::new(&program);
        assert_eq!(
            format_chain(&chain, &mut sources),
            expected.replace(FILE, path)
        );
    }

    fn with_file(frames: &[FrameSummary], path: &str) -> Vec<FrameSummary> {
        let rename = |frame: &FrameSummary| FrameSummary {
            filename: if &*frame.filename == FILE {
                path.into()
            } else {
                frame.filename.clone()
            },
            ..frame.clone()
        };
        frames.iter().map(rename).collect()
    }

    #[test]
    fn no_frames_no_header() {
        let mut sources = SourceLines::new(Path::new("prog.py"));
        assert_eq!(format_traceback(&[], &mut sources), "");
        let chain = [(vec![], "KeyError: 'k'".to_owned(), None)];
        assert_eq!(format_chain(&chain, &mut sources), "KeyError: 'k'\n");
    }

    #[test]
    fn missing_source_file() {
        let dir = scratch_dir();
        let frames = [
            at_file("/nonexistent/prog.py", "<module>", 4, [4, 4, 0, 12]),
            at_file("/nonexistent/prog.py", "divide", 2, [2, 2, 11, 16]),
        ];
        let mut sources = SourceLines::new(&dir.join("prog.py"));
        let expected = r#"Traceback (most recent call last):
  File "/nonexistent/prog.py", line 4, in <module>
  File "/nonexistent/prog.py", line 2, in divide
"#;
        assert_eq!(format_traceback(&frames, &mut sources), expected);
    }

    /// `_Py_FindSourceFile`: a `co_filename` not found from the current
    /// directory is looked for by its last component in the script's.
    #[test]
    fn source_found_beside_the_program() {
        let dir = scratch_dir();
        std::fs::write(dir.join("beside_the_program.py"), "x = 1\ny = x / 0\n").unwrap();
        let frames = [at_file(
            "elsewhere/beside_the_program.py",
            "<module>",
            2,
            [2, 2, 4, 9],
        )];
        let mut sources = SourceLines::new(&dir.join("beside_the_program.pyc"));
        let expected = r#"Traceback (most recent call last):
  File "elsewhere/beside_the_program.py", line 2, in <module>
    y = x / 0
        ~~^~~
"#;
        assert_eq!(format_traceback(&frames, &mut sources), expected);
    }

    /// A position with a part missing shows the line without carets; an
    /// entry without a line number prints C's `-1` and no line at all.
    #[test]
    fn missing_position_and_line() {
        let dir = scratch_dir();
        let program = dir.join("prog.py");
        std::fs::write(&program, "x = 1 / 0\n").unwrap();
        let filename: Rc<str> = program.to_str().unwrap().into();
        let no_position = FrameSummary {
            filename: filename.clone(),
            name: "<module>".into(),
            lineno: Some(1),
            position: Position {
                line: Some(1),
                end_line: Some(1),
                col: None,
                end_col: None,
            },
        };
        let no_line = FrameSummary {
            lineno: None,
            position: Position::default(),
            ..no_position.clone()
        };
        let mut sources = SourceLines::new(&program);
        let expected = format!(
            "Traceback (most recent call last):\n  File \"{filename}\", line 1, in <module>\n    \
             x = 1 / 0\n  File \"{filename}\", line -1, in <module>\n  File \"{filename}\", \
             line -1, in <module>\n"
        );
        let frames = [no_position, no_line.clone(), no_line];
        assert_eq!(format_traceback(&frames, &mut sources), expected);
    }

    #[test]
    fn character_offsets() {
        assert_eq!(byte_offset_to_character_offset("aé b", 0), 0);
        assert_eq!(byte_offset_to_character_offset("aé b", 2), 2); // inside 'é': counts it
        assert_eq!(byte_offset_to_character_offset("aé b", 3), 2);
        assert_eq!(byte_offset_to_character_offset("aé b", 5), 4);
        assert_eq!(byte_offset_to_character_offset("aé b", 6), 5); // the NUL
        assert_eq!(byte_offset_to_character_offset("aé b", 60), 5);
        assert_eq!(substring("aé b", 1, 3), "é ");
        assert_eq!(substring("aé b", 3, 9), "b");
        assert_eq!(substring("aé b", 5, 2), "");
        assert_eq!(last_non_blank_end("f(x,  "), 4);
        assert_eq!(last_non_blank_end("   "), 0);
    }

    #[test]
    fn binop_division() {
        let source = r#"def divide(x, y):
    return x / y

divide(1, 0)
"#;
        let chain = vec![(
            vec![
                at("<module>", 4, [4, 4, 0, 12]),
                at("divide", 2, [2, 2, 11, 16]),
            ],
            r#"ZeroDivisionError: division by zero"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 4, in <module>
    divide(1, 0)
  File "{file}", line 2, in divide
    return x / y
           ~~^~~
ZeroDivisionError: division by zero
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_mismatched_types() {
        let source = r#"a = "total: "
b = 3
message = a + b
"#;
        let chain = vec![(
            vec![at("<module>", 3, [3, 3, 10, 15])],
            r#"TypeError: can only concatenate str (not "int") to str"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 3, in <module>
    message = a + b
              ~~^~~
TypeError: can only concatenate str (not "int") to str
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_floor_division() {
        let source = r#"x, y = 7, 0
q = x // y
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 4, 10])],
            r#"ZeroDivisionError: integer division or modulo by zero"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    q = x // y
        ~~^^~~
ZeroDivisionError: integer division or modulo by zero
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_parenthesized_operands() {
        let source = r#"a, b = [1], "x"
(a) * (b)
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 0, 9])],
            r#"TypeError: can't multiply sequence by non-int of type 'str'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    (a) * (b)
    ~~~~^~~~~
TypeError: can't multiply sequence by non-int of type 'str'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_paren_quirk() {
        let source = r#"a, b = 1, "x"
c = (a)-(b)
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 4, 11])],
            r#"TypeError: unsupported operand type(s) for -: 'int' and 'str'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    c = (a)-(b)
        ~~~^^~~
TypeError: unsupported operand type(s) for -: 'int' and 'str'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_power() {
        let source = r#"a, b = 2, "x"
c = a ** b
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 4, 10])],
            r#"TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    c = a ** b
        ~~^^~~
TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_nested_parens() {
        let source = r#"a, b, c = 1, 2, None
value = ((a + b)) * c
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 8, 21])],
            r#"TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    value = ((a + b)) * c
            ~~~~~~~~~~^~~
TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_after_string() {
        let source = r#"n = None
label = "a+b*c" + n
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 8, 19])],
            r#"TypeError: can only concatenate str (not "NoneType") to str"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    label = "a+b*c" + n
            ~~~~~~~~^~~
TypeError: can only concatenate str (not "NoneType") to str
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn binop_left_operand_of_chain() {
        let source = r#"def total(a, b, c, d):
    return a + b + c + d

total(1, 2, "x", 3)
"#;
        let chain = vec![(
            vec![
                at("<module>", 4, [4, 4, 0, 19]),
                at("total", 2, [2, 2, 11, 20]),
            ],
            r#"TypeError: unsupported operand type(s) for +: 'int' and 'str'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 4, in <module>
    total(1, 2, "x", 3)
  File "{file}", line 2, in total
    return a + b + c + d
           ~~~~~~^~~
TypeError: unsupported operand type(s) for +: 'int' and 'str'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn subscript_dict() {
        let source = r#"d = {"a": 1}
v = d['k']
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 4, 10])],
            r#"KeyError: 'k'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    v = d['k']
        ~^^^^^
KeyError: 'k'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn subscript_list() {
        let source = r#"xs = [1, 2, 3]
print(xs[10])
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 6, 12])],
            r#"IndexError: list index out of range"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    print(xs[10])
          ~~^^^^
IndexError: list index out of range
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn subscript_nested() {
        let source = r#"m = [[1], [2, 3]]
x = m[1][2]
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 4, 11])],
            r#"IndexError: list index out of range"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    x = m[1][2]
        ~~~~^^^
IndexError: list index out of range
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn subscript_spaced() {
        let source = r#"d = {}
v = d [ "k" ]
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 4, 13])],
            r#"KeyError: 'k'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    v = d [ "k" ]
        ~~^^^^^^^
KeyError: 'k'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn call_part_of_line() {
        let source = r#"count = int("seven") + 1
"#;
        let chain = vec![(
            vec![at("<module>", 1, [1, 1, 8, 20])],
            r#"ValueError: invalid literal for int() with base 10: 'seven'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 1, in <module>
    count = int("seven") + 1
            ^^^^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'seven'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn call_whole_line() {
        let source = r#"def fail():
    raise ValueError("bad")

fail()
"#;
        let chain = vec![(
            vec![
                at("<module>", 4, [4, 4, 0, 6]),
                at("fail", 2, [2, 2, 4, 27]),
            ],
            r#"ValueError: bad"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 4, in <module>
    fail()
  File "{file}", line 2, in fail
    raise ValueError("bad")
ValueError: bad
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn call_multiline() {
        let source = r#"result = max(
    1,
    "a")
"#;
        let chain = vec![(
            vec![at("<module>", 1, [1, 3, 9, 8])],
            r#"TypeError: '>' not supported between instances of 'str' and 'int'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 1, in <module>
    result = max(
             ^^^^
TypeError: '>' not supported between instances of 'str' and 'int'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn raise_in_if() {
        let source = r#"x = 1
if x: raise TypeError("no")
"#;
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 6, 27])],
            r#"TypeError: no"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    if x: raise TypeError("no")
          ^^^^^^^^^^^^^^^^^^^^^
TypeError: no
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn trailing_whitespace() {
        let source = "def f():\n    return {}[\"k\"]\nf()   \n";
        let chain = vec![(
            vec![at("<module>", 3, [3, 3, 0, 3]), at("f", 2, [2, 2, 11, 18])],
            r#"KeyError: 'k'"#.to_owned(),
            None,
        )];
        let expected = "Traceback (most recent call last):\n  File \"{file}\", line 3, in <module>\n    f()   \n    ^^^\n  File \"{file}\", line 2, in f\n    return {}[\"k\"]\n           ~~^^^^^\nKeyError: 'k'\n";
        check(source, &chain, expected);
    }

    #[test]
    fn non_ascii_before_error() {
        let source = r#"s = "héllo wörld"; t = s + 1
"#;
        let chain = vec![(
            vec![at("<module>", 1, [1, 1, 25, 30])],
            r#"TypeError: can only concatenate str (not "int") to str"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 1, in <module>
    s = "héllo wörld"; t = s + 1
                           ~~^~~
TypeError: can only concatenate str (not "int") to str
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn non_ascii_multiline() {
        let source = "r = max(\"ü\", 1,  \n        2)\n";
        let chain = vec![(
            vec![at("<module>", 1, [1, 2, 4, 10])],
            r#"TypeError: '>' not supported between instances of 'int' and 'str'"#.to_owned(),
            None,
        )];
        let expected = "Traceback (most recent call last):\n  File \"{file}\", line 1, in <module>\n    r = max(\"ü\", 1,  \n        ^^^^^^^^^^^^\nTypeError: '>' not supported between instances of 'int' and 'str'\n";
        check(source, &chain, expected);
    }

    #[test]
    fn tabs_indentation() {
        let source = "def f(x):\n\tif x:\n\t\treturn x / 0\nf(1)\n";
        let chain = vec![(
            vec![at("<module>", 4, [4, 4, 0, 4]), at("f", 3, [3, 3, 9, 14])],
            r#"ZeroDivisionError: division by zero"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 4, in <module>
    f(1)
  File "{file}", line 3, in f
    return x / 0
           ~~^~~
ZeroDivisionError: division by zero
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn recursion_folding() {
        let source = r#"def f(n):
    return f(n + 1)

f(0)
"#;
        let chain = vec![(
            [
                vec![at("<module>", 4, [4, 4, 0, 4])],
                vec![at("f", 2, [2, 2, 11, 19]); 999],
            ]
            .concat(),
            r#"RecursionError: maximum recursion depth exceeded"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 4, in <module>
    f(0)
  File "{file}", line 2, in f
    return f(n + 1)
           ^^^^^^^^
  File "{file}", line 2, in f
    return f(n + 1)
           ^^^^^^^^
  File "{file}", line 2, in f
    return f(n + 1)
           ^^^^^^^^
  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn repeated_once() {
        let source = r#"def f(n):
    if n == 0:
        raise KeyError(n)
    f(n - 1)

f(4)
"#;
        let chain = vec![(
            [
                vec![at("<module>", 6, [6, 6, 0, 4])],
                vec![at("f", 4, [4, 4, 4, 12]); 4],
                vec![at("f", 3, [3, 3, 8, 25])],
            ]
            .concat(),
            r#"KeyError: 0"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 6, in <module>
    f(4)
  File "{file}", line 4, in f
    f(n - 1)
  File "{file}", line 4, in f
    f(n - 1)
  File "{file}", line 4, in f
    f(n - 1)
  [Previous line repeated 1 more time]
  File "{file}", line 3, in f
    raise KeyError(n)
KeyError: 0
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn traceback_limit() {
        let source = r#"import sys
sys.setrecursionlimit(5000)

def f(n):
    if n == 0:
        raise ValueError("deep")
    return f(n - 1)

f(1200)
"#;
        let chain = vec![(
            [
                vec![at("<module>", 9, [9, 9, 0, 7])],
                vec![at("f", 7, [7, 7, 11, 19]); 1200],
                vec![at("f", 6, [6, 6, 8, 32])],
            ]
            .concat(),
            r#"ValueError: deep"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 7, in f
    return f(n - 1)
           ^^^^^^^^
  File "{file}", line 7, in f
    return f(n - 1)
           ^^^^^^^^
  File "{file}", line 7, in f
    return f(n - 1)
           ^^^^^^^^
  [Previous line repeated 996 more times]
  File "{file}", line 6, in f
    raise ValueError("deep")
ValueError: deep
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn chained_cause() {
        let source = r#"def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError("cannot parse") from exc

parse("x")
"#;
        let chain = vec![
            (
                vec![at("parse", 3, [3, 3, 15, 24])],
                r#"ValueError: invalid literal for int() with base 10: 'x'"#.to_owned(),
                Some(ChainLink::Cause),
            ),
            (
                vec![
                    at("<module>", 7, [7, 7, 0, 10]),
                    at("parse", 5, [5, 5, 8, 51]),
                ],
                r#"RuntimeError: cannot parse"#.to_owned(),
                None,
            ),
        ];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 3, in parse
    return int(text)
           ^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'x'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "{file}", line 7, in <module>
    parse("x")
  File "{file}", line 5, in parse
    raise RuntimeError("cannot parse") from exc
RuntimeError: cannot parse
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn chained_context() {
        let source = r#"try:
    {}["missing"]
except KeyError:
    print(undefined)
"#;
        let chain = vec![
            (
                vec![at("<module>", 2, [2, 2, 4, 17])],
                r#"KeyError: 'missing'"#.to_owned(),
                Some(ChainLink::Context),
            ),
            (
                vec![at("<module>", 4, [4, 4, 10, 19])],
                r#"NameError: name 'undefined' is not defined"#.to_owned(),
                None,
            ),
        ];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    {}["missing"]
    ~~^^^^^^^^^^^
KeyError: 'missing'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "{file}", line 4, in <module>
    print(undefined)
          ^^^^^^^^^
NameError: name 'undefined' is not defined
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn cause_without_traceback() {
        let source = r#"raise ValueError("outer") from KeyError("inner")
"#;
        let chain = vec![
            (
                vec![],
                r#"KeyError: 'inner'"#.to_owned(),
                Some(ChainLink::Cause),
            ),
            (
                vec![at("<module>", 1, [1, 1, 0, 48])],
                r#"ValueError: outer"#.to_owned(),
                None,
            ),
        ];
        let expected = r#"KeyError: 'inner'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "{file}", line 1, in <module>
    raise ValueError("outer") from KeyError("inner")
ValueError: outer
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn string_filename() {
        let source = r#"exec(compile("1/0", "<string>", "exec"))
"#;
        let chain = vec![(
            vec![
                at("<module>", 1, [1, 1, 0, 40]),
                at_file(r#"<string>"#, "<module>", 1, [1, 1, 0, 3]),
            ],
            r#"ZeroDivisionError: division by zero"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 1, in <module>
    exec(compile("1/0", "<string>", "exec"))
  File "<string>", line 1, in <module>
ZeroDivisionError: division by zero
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn crlf_lines() {
        let source = "x = 1\r\ny = {}\rz = y[x]\r\n";
        let chain = vec![(
            vec![at("<module>", 3, [3, 3, 4, 8])],
            r#"KeyError: 1"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 3, in <module>
    z = y[x]
        ~^^^
KeyError: 1
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn bom() {
        let source = b"\xef\xbb\xbfx = 1 / 0\n";
        let chain = vec![(
            vec![at("<module>", 1, [1, 1, 4, 9])],
            r#"ZeroDivisionError: division by zero"#.to_owned(),
            None,
        )];
        let expected = "Traceback (most recent call last):\n  File \"{file}\", line 1, in <module>\n    \u{feff}x = 1 / 0\n      ^^^^^\nZeroDivisionError: division by zero\n";
        check(source, &chain, expected);
    }

    #[test]
    fn latin1_cookie() {
        let source = b"# -*- coding: latin-1 -*-\ns = \"caf\xe9\"; t = s + 1\n";
        let chain = vec![(
            vec![at("<module>", 2, [2, 2, 17, 22])],
            r#"TypeError: can only concatenate str (not "int") to str"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 2, in <module>
    s = "café"; t = s + 1
                    ~~^~~
TypeError: can only concatenate str (not "int") to str
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn wide_characters() {
        let source = r#"prices = {"茶": 2}
def total(name):
    return prices[name] + prices["日本茶"]
label = "合計: " + str(total("茶"))
"#;
        let chain = vec![(
            vec![
                at("<module>", 4, [4, 4, 25, 37]),
                at("total", 3, [3, 3, 26, 45]),
            ],
            r#"KeyError: '日本茶'"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 4, in <module>
    label = "合計: " + str(total("茶"))
                           ^^^^^^^^^^^
  File "{file}", line 3, in total
    return prices[name] + prices["日本茶"]
                          ~~~~~~^^^^^^^^^^
KeyError: '日本茶'
"#;
        check(source, &chain, expected);
    }

    #[test]
    fn wide_call_whole_line() {
        let source = r#"def f():
    return "日本" + 1
f()  # 🐍
"#;
        let chain = vec![(
            vec![at("<module>", 3, [3, 3, 0, 3]), at("f", 2, [2, 2, 11, 23])],
            r#"TypeError: can only concatenate str (not "int") to str"#.to_owned(),
            None,
        )];
        let expected = r#"Traceback (most recent call last):
  File "{file}", line 3, in <module>
    f()  # 🐍
    ^^^
  File "{file}", line 2, in f
    return "日本" + 1
           ~~~~~~~^~~
TypeError: can only concatenate str (not "int") to str
"#;
        check(source, &chain, expected);
    }

    /// Prints, for each program named on its command line, run as
    /// `python3 prog.py` would run it, the data `format_chain` takes instead
    /// of the traceback: a `P` line, then an `E` line per exception of the
    /// chain, oldest first, each followed by its `F` lines (file, name,
    /// `tb_lineno`, position); fields are split by `\x1f`.
    const HARNESS: &str = r#"
import os, sys, traceback
here = sys._getframe().f_code
limit = sys.getrecursionlimit()
out = sys.stdout
def esc(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n')
def opt(n):
    return '' if n is None else str(n)
def chain(exc):
    out, seen = [], set()
    def rec(v, link):  # link: how v leads to the exception printed after it
        seen.add(id(v))
        cause, ctx = v.__cause__, v.__context__
        if cause is not None:
            if id(cause) not in seen:
                rec(cause, 'cause')
        elif not v.__suppress_context__ and ctx is not None and id(ctx) not in seen:
            rec(ctx, 'context')
        out.append((v, link))
    rec(exc, '')
    return out
for path in sys.argv[1:]:
    print('P', path, sep='\x1f', file=out)
    sys.path[0] = os.path.dirname(os.path.realpath(path))
    with open(path, 'rb') as f:
        code = compile(f.read(), path, 'exec')
    sys.stdout = open(os.devnull, 'w')
    sys.setrecursionlimit(limit + 2)  # this frame and exec()
    try:
        exec(code, {'__name__': '__main__', '__file__': path, '__builtins__': __builtins__})
    except BaseException as e:
        for v, link in chain(e):
            last = ''.join(traceback.format_exception_only(type(v), v)).rstrip('\n')
            print('E', esc(last), link, sep='\x1f', file=out)
            tb = v.__traceback__
            while tb is not None:
                code_ = tb.tb_frame.f_code
                if code_ is not here:
                    pos = list(code_.co_positions())[tb.tb_lasti // 2]
                    print('F', esc(code_.co_filename), esc(code_.co_name), opt(tb.tb_lineno),
                          *map(opt, pos), sep='\x1f', file=out)
                tb = tb.tb_next
    sys.stdout.close()
"#;

    type Chain = Vec<(Vec<FrameSummary>, String, Option<ChainLink>)>;

    /// Reads what `HARNESS` prints: a chain per program.
    fn parse_harness(output: &str) -> Vec<Chain> {
        let unescape = |s: &str| s.replace("\\n", "\n").replace("\\\\", "\\");
        let number = |s: &str| s.parse::<u32>().ok();
        let mut chains: Vec<Chain> = Vec::new();
        for line in output.lines() {
            let fields: Vec<&str> = line.split('\x1f').collect();
            let chain = chains.last_mut();
            match fields[..] {
                ["P", _] => chains.push(Vec::new()),
                ["E", last, link] => {
                    let link = match link {
                        "cause" => Some(ChainLink::Cause),
                        "context" => Some(ChainLink::Context),
                        _ => None,
                    };
                    chain.unwrap().push((Vec::new(), unescape(last), link));
                }
                ["F", file, name, lineno, line, end_line, col, end_col] => {
                    let position = Position {
                        line: number(line),
                        end_line: number(end_line),
                        col: number(col),
                        end_col: number(end_col),
                    };
                    let frame = FrameSummary {
                        filename: unescape(file).into(),
                        name: unescape(name).into(),
                        lineno: number(lineno),
                        position,
                    };
                    chain.unwrap().last_mut().unwrap().0.push(frame);
                }
                _ => panic!("unexpected harness line {line:?}"),
            }
        }
        chains
    }

    /// Programs for `cross_check_with_cpython`, split by `###` lines.
    const CROSS_CHECK_PROGRAMS: &str = r##"
n = None
x = f"{n + 1}"
###
n = None
x = f"value: {n + 1:>10}"
###
s = "x"
s.foo()
###
n = None
n.attribute
###
n = None
n()
###
a, b = 1
###
n = None
for x in n:
    pass
###
n = None
with n:
    pass
###
import nosuchmodule_xyz
###
assert 1 == 2, "message"
###
d = {}
del d['k']
###
d = {}
d['k'] += 1
###
l = []
l[5] = 1
###
n = None
x = (n +
     1)
###
n = None
x = (1 +
     n)
###
n = None
x = [
    1, 2,
    n + 1,
]
###
ñ = None
ñ + 1
###
ü = {}
x = "ë" + ü["ä"]
###
n = None
x = n + 1  # a comment with + and [brackets]
###
n = None
def f(x=None):
	return x
y = f(x=n + 1)
###
def deco(fn):
    return fn.missing
@deco
def g():
    pass
###
class C:
    n = None
    x = n * 2
###
n = None
y = 1 < n < 2
###
n = None
y = not n + 1
###
n = None
y = -n
###
n = None
y = 2 ** -n
###
n = None
y = -n ** 2
###
a = -1
y = a if a > 0 else a + None
###
l = [1]
y = [x + None for x in l]
###
y = (lambda: None + 1)()
###
def gen():
    yield None + 1
list(gen())
###
x = 1; y = None; z = x + y
###
x = {}
y = x  [  'k'  ]  [ 0 ]
###
l = [[1]]
y = l[0][5]
###
l = [1]
y = l[0:1][5]
###
d = {}
y = d[1, 2]
###
d = {}
y = d[1:2]
###
d = {}
y = d[(1)]
###
d = {}
y = (d)['k']
###
d = {}
y = ((d))[('k')]
###
def f():
    return {}
y = f()['k']
###
s = "abc"
y = s[10]
###
s = "a"
y = s + 1 + 2
###
s = "a"
y = 1 + s + 2
###
n = None
y = n @ n
###
n = None
y = n<<1
###
n = None
y = 1>>n
###
n = None
y = n//2
###
n = None
y = 2**n
###
n = None
y = n%2
###
n = None
y = n|1&2
###
n = None
y = 1|n&2
###
n = None
y = (1,2)+n
###
n = None
y = [1,2]+n
###
n = None
y = {1:2}|n
###
n = None
y = 'a' 'b' + n
###
n = None
y = b'a' + n
###
n = None
y = r'\'' + n
###
n = None
y = '''a+b''' + n
###
n = None
y = "a\"+" + n
###
n = None
y = 0x1F + n
###
n = None
y = 1.5e-3 + n
###
n = None
y = .5+n
###
n = None
y = 1j*n
###
n = None
y = 1 .real + n
###
n = None
y = (n) - -1
###
n = None
y = (n)--1
###
n = None
y = n -(1)
###
n = None
y = n-(1)
###
n = None
y = (n)+(1)
###
n = None
y = ( n ) + ( 1 )
###
n = None
y = (((n)))*(((2)))
###
n = None
y = ((n + 1))
###
n = None
y = (n, n + 1)
###
n = None
y = {n + 1}
###
n = None
y = {'k': n + 1}
###
n = None
print(n + 1, n)
###
n = None
print(f"{n}" + n)
###
n = None
y = n.real if n else n + 1
###
n = None
y = [n][0] + 1
###
n = None
y = (n and n) + 1
###
n = None
y = (n or n) + 1
###
n = None
y = (n if n else n) + 1
###
n = None
y = (y := n) + 1
###
n = None
y = (lambda a, b: a) + 1
###
n = None
y = 1+(lambda a,b:a)
###
n = None
y = (x for x in []) + 1
###
n = None
y = 1 + (x for x in [])
###
n = None
y = [x for x in []] + n
###
n = None
y = n + [x for x in []]
###
def f(*a):
    return None
y = f(1, (2), [3]) + 1
###
def f(*a):
    return None
y = f (1) [2]
###
n = None
y = n
y += 1
###
n = None
y = n; y = y + 1;
###
def outer():
    def inner():
        return None + 1
    return inner()
outer()
###
def f():
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError("in handler")
f()
###
def f():
    try:
        1/0
    finally:
        print(undefined_name)
f()
###
try:
    raise KeyError("a")
except KeyError as e:
    raise ValueError("b") from None
###
try:
    try:
        1/0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError:
    [][1]
###
class MyError(Exception):
    pass
raise MyError("custom")
###
e = ValueError("note")
e.add_note("a note")
raise e
###
raise SystemError
###
def f(n):
    if n == 0:
        return 1 / 0
    return g(n)
def g(n):
    return f(n - 1)
f(10)
###
def f(n):
    if n == 0:
        return 1 / 0
    return f(n - 1)
f(3)
###
def f(n):
    if n == 0:
        return 1 / 0
    return f(n - 1)
f(4)
###
def f(n):
    if n == 0:
        return 1 / 0
    return f(n - 1)
f(5)
###
import sys
sys.setrecursionlimit(3000)
def f(n):
    return g(n - 1)
def g(n):
    return f(n) if n else {}[n]
f(700)
###
import sys
sys.setrecursionlimit(3000)
def f(n):
    if n == 0:
        raise ValueError
    return f(n - 1)
f(1500)
###
x = 1
	
if x: y = x / 0
###
def f():
    l = []
    return l[0] + \
        1
f()
###
n = None
y = n + 1 ;
###
n = None
y = [n + 1 for n in [None]]
###
n = None
y = {k: n + 1 for k in [1]}
###
n = None
y = sum(n + 1 for _ in [1])
###
async def f():
    return None + 1
import asyncio
asyncio.run(f())
###
n = None
y = f"{n!r}" + n
###
x = "\t" + None
###
n = None
y = '#' + n  # comment
###
class A:
    def __add__(self, other):
        raise ValueError("add")
a = A()
y = a + a
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[1:2, ...]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[::]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[:, 1]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[1,]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[*[1]]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[k := 1]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[lambda: 1]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a[f"{1}"]
###
class A:
    def __matmul__(self, key):
        raise ValueError("get")
a = A()
y = a@a
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = a["]"]
###
class A:
    def __getitem__(self, key):
        raise ValueError("get")
a = A()
y = (a["]"])
###
n = None
y = "ab{c}" f"{n + 1}"
###
n = None
y = f"{n!r:>{n + 1}}"
###
n = None
y = f"{n + 1=}"
###
n = None
y = (f"x"
     f"{n + 1}")
###
n = None
y = f"{f'{n + 1}'}"
###
n = None
y = f"{(n) * (2)}"
###
n = None
y = f"é{n[0]}"
###
n = None
y = f"{n:{'>'}{10}}" + n
###
x = {}
y = x['日本']
###
x = {}
y = '日本語'; z = x['ｗ🐍']
###
n = None
y = '日本' + n
###
n = None
y = "͸" + n
###
def f():
	s = "語"
	return (s) * (s)
f()
###
r = max("日本", 1,  
        2)
###
def f(x):
    return x
f('日本')
###
d = {}
v = d["全角" ] [ "ｋｅｙ" ]
"##;

    /// Binary operations one of whose operands is `None`, built from these
    /// parts, with several spacings, in several statements.
    fn binary_operation_programs() -> Vec<String> {
        const OPERANDS: [(&str, bool); 24] = [
            ("n", true),
            ("(n)", true),
            ("( n )", true),
            ("((n))", true),
            ("f()", true),
            ("f(a, s)", true),
            ("g[0]", true),
            ("g [0]", true),
            ("(g)[0]", true),
            ("n.__class__", false),
            ("[n]", false),
            ("(n, a)", false),
            ("(n,)", false),
            ("()", false),
            ("-a", false),
            ("~a", false),
            ("s[0]", false),
            ("'+'", false),
            ("\"a-b\"", false),
            ("{}", false),
            ("(lambda: 1)", false),
            ("(x for x in g)", false),
            ("(a if a else n)", false),
            ("é", true),
        ];
        const OPERATORS: [&str; 13] = [
            "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^",
        ];
        const SPACINGS: [(&str, &str); 4] = [(" ", " "), ("", ""), ("  ", "\t"), (" ", "")];
        const STATEMENTS: [&str; 5] = [
            "x = {}\n",
            "{}\n",
            "print({})\n",
            "y = [1, {}]\n",
            "def h():\n    return {}\nh()\n",
        ];
        const PRELUDE: &str =
            "n = None\na = 1\ns = 'x'\né = None\ng = [None]\ndef f(*args):\n    return n\n";
        let mut programs = Vec::new();
        // A fixed pseudo-random walk over the combinations (Knuth's LCG).
        let mut state: u64 = 1;
        let mut next = |bound: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % bound
        };
        while programs.len() < 400 {
            let (left, left_none) = OPERANDS[next(OPERANDS.len())];
            let (right, right_none) = OPERANDS[next(OPERANDS.len())];
            if !left_none && !right_none {
                continue;
            }
            let op = OPERATORS[next(OPERATORS.len())];
            let (before, after) = SPACINGS[next(SPACINGS.len())];
            let expression = format!("{left}{before}{op}{after}{right}");
            let statement = STATEMENTS[next(STATEMENTS.len())].replace("{}", &expression);
            programs.push(format!("{PRELUDE}{statement}"));
        }
        programs
    }

    /// CPython's stderr for each program, sixteen processes at a time.
    fn cpython_stderr(paths: &[&str]) -> Vec<String> {
        let mut stderr = Vec::new();
        for batch in paths.chunks(16) {
            let children: Vec<_> = batch
                .iter()
                .map(|path| {
                    std::process::Command::new("python3")
                        .arg(path)
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::piped())
                        .spawn()
                        .expect("python3 runs")
                })
                .collect();
            for child in children {
                let output = child.wait_with_output().unwrap();
                stderr.push(String::from_utf8(output.stderr).unwrap());
            }
        }
        stderr
    }

    /// Runs CPython on each program and compares its stderr with what we
    /// print given the frames `HARNESS` reports.
    #[test]
    #[ignore = "runs python3 (CPython 3.11) on hundreds of programs"]
    fn cross_check_with_cpython() {
        let dir = scratch_dir();
        let mut programs: Vec<String> = CROSS_CHECK_PROGRAMS
            .split("###\n")
            .map(str::to_owned)
            .collect();
        programs.extend(binary_operation_programs());
        let paths: Vec<PathBuf> = (0..programs.len())
            .map(|i| dir.join(format!("case{i}.py")))
            .collect();
        for (path, source) in paths.iter().zip(&programs) {
            std::fs::write(path, source).unwrap();
        }
        let paths: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
        let expected = cpython_stderr(&paths);
        let harness = std::process::Command::new("python3")
            .args(["-c", HARNESS])
            .args(&paths)
            .output()
            .expect("python3 runs");
        let chains = parse_harness(&String::from_utf8(harness.stdout).unwrap());
        assert_eq!(chains.len(), programs.len());
        let mut failures = Vec::new();
        for (i, source) in programs.iter().enumerate() {
            let actual = format_chain(&chains[i], &mut SourceLines::new(Path::new(paths[i])));
            if actual != expected[i] {
                let expected = &expected[i];
                failures.push(format!(
                    "--- {source}--- CPython:\n{expected}--- ours:\n{actual}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} differ:\n{}",
            failures.len(),
            programs.len(),
            failures.join("\n")
        );
    }
}
