//! Reading a `.toy` file into a [`Program`].
//!
//! The format, one item per line, `#` starting a comment:
//!
//! ```text
//! consts: 6, 7, "hello", None     # the constants table, index 0, 1, 2, 3
//! names: width, height            # the names table, index 0, 1
//! LOAD_CONST 0                    # then the code: an opcode and its argument
//! STORE_NAME 0
//! ```
//!
//! Table lines come first and may repeat (each appends to its table); every other
//! line is an instruction. The parser checks everything it can before the program
//! runs: the opcode exists, the argument is there when needed and absent when not,
//! and it indexes an entry that exists. CPython trusts its compiler for the same
//! guarantees; a hand-written file earns no such trust.

use std::fmt;
use std::rc::Rc;

use crate::toy::{ArgKind, Instruction, Opcode, Program};
use crate::value::Value;

/// Why a `.toy` file could not be read, and on which line (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Builds a `ParseError` for the line being read; the parser's helpers return
/// `Result<_, String>` and the line loop adds the line number.
fn at(line: usize) -> impl Fn(String) -> ParseError {
    move |message| ParseError { line, message }
}

// ANCHOR: parse_program
/// Parses the text of a `.toy` file.
pub fn parse_program(source: &str) -> Result<Program, ParseError> {
    let mut program = Program {
        consts: Vec::new(),
        names: Vec::new(),
        code: Vec::new(),
        lines: Vec::new(),
        last_line: source.lines().count(),
    };
    for (line_number, text) in (1..).zip(source.lines()) {
        let text = strip_comment(text).trim();
        if text.is_empty() {
            continue;
        }
        let table_line = text
            .strip_prefix("consts:")
            .map(|rest| (ArgKind::Const, rest))
            .or_else(|| {
                text.strip_prefix("names:")
                    .map(|rest| (ArgKind::Name, rest))
            });
        let result = match table_line {
            Some(_) if !program.code.is_empty() => {
                Err("the tables must come before the first instruction".to_string())
            }
            Some((ArgKind::Const, rest)) => parse_consts(rest, &mut program.consts),
            Some((_, rest)) => parse_names(rest, &mut program.names),
            None => parse_instruction(text, &program).map(|instruction| {
                program.code.push(instruction);
                program.lines.push(line_number);
            }),
        };
        result.map_err(at(line_number))?;
    }
    Ok(program)
}
// ANCHOR_END: parse_program

/// The line up to its first `#` outside a string literal.
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (index, c) in line.char_indices() {
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') => return line.get(..index).unwrap_or(line),
            (None, _) => {}
        }
    }
    line
}

// ANCHOR: parse_instruction
/// Parses `OPCODE` or `OPCODE ARG`, checking the argument against the tables.
fn parse_instruction(text: &str, program: &Program) -> Result<Instruction, String> {
    let mut words = text.split_whitespace();
    let name = words.next().unwrap_or_default();
    let opcode = Opcode::from_name(name).ok_or_else(|| format!("unknown instruction '{name}'"))?;
    let arg_word = words.next();
    if let Some(extra) = words.next() {
        return Err(format!("unexpected '{extra}' after {name}'s argument"));
    }
    let (table, size) = match opcode.arg_kind() {
        ArgKind::None => {
            return match arg_word {
                None => Ok(Instruction { opcode, arg: 0 }),
                Some(word) => Err(format!("{name} takes no argument, found '{word}'")),
            };
        }
        ArgKind::Const => ("constants", program.consts.len()),
        ArgKind::Name => ("names", program.names.len()),
    };
    let word = arg_word
        .ok_or_else(|| format!("{name} needs an argument: an index into the {table} table"))?;
    let arg: usize = word.parse().map_err(|_| {
        format!("{name}'s argument must be an index (0, 1, 2, ...), found '{word}'")
    })?;
    if arg >= size {
        return Err(match size {
            0 => format!("{name} {arg}: index out of range, the {table} table is empty"),
            _ => format!("{name} {arg}: index out of range, the {table} table has {size} entries"),
        });
    }
    Ok(Instruction { opcode, arg })
}
// ANCHOR_END: parse_instruction

/// Parses the comma-separated names after `names:`.
fn parse_names(list: &str, names: &mut Vec<Rc<str>>) -> Result<(), String> {
    for item in split_list(list)? {
        let item = item.trim();
        if !is_identifier(item) {
            return Err(format!(
                "'{item}' is not a name (letters, digits and '_', not starting with a digit)"
            ));
        }
        names.push(Rc::from(item));
    }
    Ok(())
}

/// Python's rule for identifiers, restricted to what `char` can tell.
fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    let starts_well = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
    starts_well && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Parses the comma-separated constants after `consts:`.
fn parse_consts(list: &str, consts: &mut Vec<Value>) -> Result<(), String> {
    for item in split_list(list)? {
        consts.push(parse_constant(item.trim())?);
    }
    Ok(())
}

/// Splits a table's list at the commas outside string literals. A trailing comma is
/// allowed, as in Python; an empty item between commas is not.
fn split_list(list: &str) -> Result<Vec<&str>, String> {
    let mut items = Vec::new();
    let mut rest = list;
    while !rest.trim().is_empty() {
        let end = find_comma(rest)?;
        let item = rest.get(..end).unwrap_or(rest);
        if item.trim().is_empty() {
            return Err("an empty item between commas".to_string());
        }
        items.push(item);
        rest = rest.get(end + 1..).unwrap_or("");
    }
    Ok(items)
}

/// The byte index of the first comma outside a string literal, or the length of
/// the text when there is none.
fn find_comma(text: &str) -> Result<usize, String> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => return Ok(index),
            (None, _) => {}
        }
    }
    match quote {
        Some(_) => Err("a string constant without its closing quote".to_string()),
        None => Ok(text.len()),
    }
}

// ANCHOR: parse_constant
/// Parses one constant: an integer, a quoted string or `None`.
fn parse_constant(item: &str) -> Result<Value, String> {
    if item == "None" {
        return Ok(Value::None);
    }
    if let Some(quote @ ('"' | '\'')) = item.chars().next() {
        return parse_string(item, quote).map(|text| Value::Str(Rc::from(text)));
    }
    let digits = item.strip_prefix('-').unwrap_or(item);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "bad constant '{item}': expected an integer, a quoted string or None"
        ));
    }
    item.parse()
        .map(Value::Int)
        .map_err(|_| format!("the integer {item} does not fit in 64 bits"))
}
// ANCHOR_END: parse_constant

/// The text of a string literal, its escapes (`\\ \' \" \n \t`) replaced.
fn parse_string(item: &str, quote: char) -> Result<String, String> {
    let mut chars = item.chars().skip(1);
    let mut text = String::new();
    loop {
        match chars.next() {
            None => return Err("a string constant without its closing quote".to_string()),
            Some(c) if c == quote => break,
            Some('\\') => text.push(match chars.next() {
                Some('n') => '\n',
                Some('t') => '\t',
                Some(c @ ('\\' | '\'' | '"')) => c,
                Some(other) => return Err(format!("unknown escape '\\{other}' in a string")),
                None => return Err("a string constant without its closing quote".to_string()),
            }),
            Some(c) => text.push(c),
        }
    }
    let trailing: String = chars.collect();
    if !trailing.trim().is_empty() {
        return Err(format!(
            "unexpected '{}' after a string constant",
            trailing.trim()
        ));
    }
    Ok(text)
}
