//! The source lines a traceback shows, found as CPython's printer finds
//! them (`Python/traceback.c: display_source_line_with_margin` and
//! `_Py_FindSourceFile`).
//!
//! CPython opens `co_filename` relative to the current directory; failing
//! that, it tries the file's last path component in each directory of
//! `sys.path`. The first of those is the script's directory, the only one
//! we search (the others hold the standard library, which we do not run
//! from source). A name such as `<string>` is never opened. The file is
//! decoded with the encoding its PEP 263 cookie names (`utf-8` without
//! one) and read by `readline()` with universal newlines, so `\r\n`, `\r`
//! and `\n` all end a line, and the newline is dropped
//! (`PyFile_GetLine(f, -1)`).
//!
//! Where we differ: only the UTF-8, Latin-1 and ASCII cookies are honoured
//! (a file declaring another codec shows no source lines), and a file that
//! does not decode shows none at all, where CPython still shows the lines
//! read before its decoder met the bad 8 KiB chunk. A program that
//! compiled has neither problem. A file is read once and cached: CPython
//! reads it again for each line, which only differs if it changes while the
//! traceback is printed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Source lines by file name, read once each; see the module comment for
/// where a file is looked for.
#[derive(Debug)]
pub struct SourceLines {
    /// `sys.path[0]`: the directory of the program, symbolic links resolved.
    script_dir: PathBuf,
    /// The lines of each file asked for, `None` for a file not found or
    /// not decoded.
    files: HashMap<String, Option<Vec<Rc<str>>>>,
}

impl SourceLines {
    /// `program` is the `.py` or `.pyc` named on the command line; its
    /// directory plays the part of `sys.path[0]`, computed as CPython does
    /// (`_PyPathConfig_ComputeSysPath0`: the real path of the script, then
    /// its directory).
    pub fn new(program: &Path) -> SourceLines {
        let real = std::fs::canonicalize(program).unwrap_or_else(|_| program.to_path_buf());
        let script_dir = real.parent().map(Path::to_path_buf).unwrap_or_default();
        SourceLines {
            script_dir,
            files: HashMap::new(),
        }
    }

    /// Line `lineno` (1-based) of `filename` without its newline, or `None`
    /// if there is no such file or line.
    pub fn line(&mut self, filename: &str, lineno: u32) -> Option<Rc<str>> {
        let script_dir = &self.script_dir;
        let lines = self
            .files
            .entry(filename.to_owned())
            .or_insert_with(|| read_lines(filename, script_dir));
        let index = usize::try_from(lineno.checked_sub(1)?).ok()?;
        lines.as_ref()?.get(index).cloned()
    }
}

/// Finds, reads and decodes `filename`, and splits it into lines.
fn read_lines(filename: &str, script_dir: &Path) -> Option<Vec<Rc<str>>> {
    if filename.starts_with('<') && filename.ends_with('>') {
        return None;
    }
    let bytes = find_source_file(filename, script_dir)?;
    let text = decode(&bytes)?;
    Some(split_lines(&text).map(Rc::from).collect())
}

/// `io.open(filename, "rb")`, then `_Py_FindSourceFile`: the last path
/// component of `filename` in the script's directory.
fn find_source_file(filename: &str, script_dir: &Path) -> Option<Vec<u8>> {
    if let Ok(bytes) = std::fs::read(filename) {
        return Some(bytes);
    }
    let tail = filename.rsplit('/').next().unwrap_or(filename);
    std::fs::read(script_dir.join(tail)).ok()
}

// ANCHOR: decode
/// The file's text in the encoding its cookie names
/// (`_PyTokenizer_FindEncodingFilename`), `utf-8` by default. A UTF-8 BOM
/// is kept, as CPython's `TextIOWrapper(binary, "utf-8")` keeps it.
fn decode(bytes: &[u8]) -> Option<String> {
    match coding_cookie(bytes).as_deref().map(normal_encoding_name) {
        None | Some("utf-8") => String::from_utf8(bytes.to_vec()).ok(),
        Some("iso-8859-1") => Some(bytes.iter().map(|&byte| char::from(byte)).collect()),
        Some("ascii") => bytes
            .is_ascii()
            .then(|| bytes.iter().map(|&b| char::from(b)).collect()),
        Some(_) => None,
    }
}

/// The PEP 263 cookie of the first line, or of the second if the first
/// holds nothing but a comment (`check_coding_spec`).
fn coding_cookie(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split_inclusive(|&byte| byte == b'\n');
    let first = lines.next()?;
    if let Some(spec) = get_coding_spec(first) {
        return Some(spec);
    }
    let blank_or_comment = first
        .iter()
        .find(|&&byte| !matches!(byte, b' ' | b'\t' | b'\x0c'))
        .is_none_or(|&byte| matches!(byte, b'#' | b'\r' | b'\n'));
    lines
        .next()
        .filter(|_| blank_or_comment)
        .and_then(get_coding_spec)
}
// ANCHOR_END: decode

/// `get_coding_spec`: in a line that is only a comment, the name after
/// `coding:` or `coding=`.
fn get_coding_spec(line: &[u8]) -> Option<String> {
    let comment = line
        .iter()
        .position(|&byte| !matches!(byte, b' ' | b'\t' | b'\x0c'))?;
    if line.get(comment) != Some(&b'#') {
        return None;
    }
    let searched = line.len().saturating_sub(6);
    (comment..searched).find_map(|i| {
        let after = line.get(i..)?.strip_prefix(b"coding")?;
        let value = after
            .strip_prefix(b":")
            .or_else(|| after.strip_prefix(b"="))?;
        let start = value.iter().position(|&b| b != b' ' && b != b'\t')?;
        let name: Vec<u8> = value
            .get(start..)?
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
            .copied()
            .collect();
        (!name.is_empty()).then(|| String::from_utf8_lossy(&name).into_owned())
    })
}

/// The codec an encoding name means, among the three we decode: the
/// tokenizer's `get_normal_name`, then the aliases Python's codec registry
/// knows for them (`Lib/encodings/aliases.py`).
fn normal_encoding_name(name: &str) -> &'static str {
    let name = name.to_ascii_lowercase().replace('_', "-");
    let is = |prefix: &str| name == prefix || name.starts_with(&format!("{prefix}-"));
    if is("utf-8") || name == "utf8" || name == "u8" {
        "utf-8"
    } else if is("latin-1")
        || is("iso-8859-1")
        || is("iso-latin-1")
        || ["latin1", "iso8859-1", "l1", "8859", "cp819", "latin"].contains(&name.as_str())
    {
        "iso-8859-1"
    } else if ["ascii", "us-ascii", "646", "us"].contains(&name.as_str()) {
        "ascii"
    } else {
        "unsupported"
    }
}

/// Universal newlines: `\r\n`, `\r` and `\n` each end a line; a last line
/// without an ending is still a line.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let line = rest.get(..end)?;
        let newline = if rest.get(end..)?.starts_with("\r\n") {
            2
        } else {
            usize::from(end < rest.len())
        };
        rest = rest.get(end + newline..)?;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    //! Which cookies count was checked with CPython: `compile()` of each
    //! text followed by a line holding a Latin-1 byte, which only a
    //! honoured cookie decodes.

    use super::*;

    #[test]
    fn cookies() {
        let cookie = |text: &[u8]| coding_cookie(text).as_deref().map(normal_encoding_name);
        assert_eq!(
            cookie(b"#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n"),
            Some("iso-8859-1")
        );
        assert_eq!(
            cookie(b"\n# vim: set fileencoding=latin-1 :\n"),
            Some("iso-8859-1")
        );
        assert_eq!(cookie(b"# coding=latin-1\n"), Some("iso-8859-1"));
        assert_eq!(cookie(b"  \t# coding:   latin_1\n"), Some("iso-8859-1"));
        assert_eq!(cookie(b"# coding: utf-8\n"), Some("utf-8"));
        // Not a comment line, or the first line is code.
        assert_eq!(cookie(b"x = 1  # coding: latin-1\n"), None);
        assert_eq!(cookie(b"x = 1\n# coding: latin-1\n"), None);
    }

    #[test]
    fn decoding() {
        assert_eq!(
            decode(b"# coding: latin-1\n'\xe9'\n").as_deref(),
            Some("# coding: latin-1\n'é'\n")
        );
        assert_eq!(decode(b"'\xe9'\n"), None);
        assert_eq!(decode(b"# coding: cp1252\n"), None);
        assert_eq!(decode(b"\xef\xbb\xbfx\n").as_deref(), Some("\u{feff}x\n"));
    }

    #[test]
    fn universal_newlines() {
        let lines: Vec<&str> = split_lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(lines, ["a", "b", "c", "", "d"]);
        assert_eq!(split_lines("a\n").count(), 1);
        assert_eq!(split_lines("").count(), 0);
    }

    #[test]
    fn names_in_angle_brackets_are_not_opened() {
        let mut sources = SourceLines::new(Path::new("prog.py"));
        assert_eq!(sources.line("<string>", 1), None);
        assert_eq!(sources.line("<stdin>", 1), None);
    }
}
