//! The coursework view of chapter 2: insta snapshots of what `stage02` shows about
//! each program of `tests/programs/02_basics/`, and of the bytes of the seed example.
//!
//! * `--dis` (section 2.4), `--code` (2.3) and `--trace` (2.6) for every program,
//!   through `stage02::cli::run_cli`, with code-object addresses masked as `0xADDR`;
//! * the first 48 bytes of `seed.pyc` with the header fields labelled (2.1);
//! * an annotated walk of the seed's marshal data, object by object (2.2);
//! * the seed's `co_code` as 2-byte code units, inline caches included (2.7).
//!
//! The book includes these snapshots; the expected values were checked against
//! CPython (`python3.11 -m dis`, `marshal.loads`, `xxd`). Accept new ones with
//! `INSTA_UPDATE=always cargo test -p stage02 --test s02_coursework`, then read them.

use std::cell::RefCell;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use stage02::code::Constant;
use stage02::marshal::{self, type_code, FLAG_REF};
use stage02::opcode;
use stage02::pyc::{self, Validation};
use stage02::pyrepr::repr_constant;
use stage02::run_cli;

/// The programs of `tests/programs/02_basics/`, each with three snapshots below.
const PROGRAMS: [&str; 11] = [
    "bool_none",
    "chained_assign",
    "hello",
    "names",
    "nop",
    "print_keywords",
    "seed",
    "swap",
    "tuples",
    "types",
    "unary",
];

fn basics_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/02_basics")
}

fn read_corpus_file(name: &str) -> Vec<u8> {
    let path = basics_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------- running stage02

/// A `Write` that appends to a buffer shared with other handles, so that stdout and
/// stderr land in one text in the order they were written, as a terminal shows them.
#[derive(Clone)]
struct SharedBuffer(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs `stage02 FLAG tests/programs/02_basics/NAME.pyc` in-process: (exit status,
/// stdout and stderr interleaved).
fn stage02(flag: &str, name: &str) -> (i32, String) {
    let path = basics_dir().join(format!("{name}.pyc"));
    let argv = vec![
        OsString::from("stage02"),
        OsString::from(flag),
        path.into_os_string(),
    ];
    let buffer = SharedBuffer(Rc::new(RefCell::new(Vec::new())));
    let (mut out, mut err) = (buffer.clone(), buffer.clone());
    let status = run_cli(argv, &mut out, &mut err);
    let text = String::from_utf8_lossy(&buffer.0.borrow()).into_owned();
    (status, text)
}

/// Replaces the hex digits of every ` at 0x…` (a code object's address) by `ADDR`.
/// Other `0x` numbers (`Flags: 0x0`) are real values and stay.
fn mask_addresses(text: &str) -> String {
    let marker = " at 0x";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(found) = rest.find(marker) {
        let (before, after) = rest.split_at(found + marker.len());
        out.push_str(before);
        let digits = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        if digits > 0 {
            out.push_str("ADDR");
        }
        rest = after.get(digits..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The exit status CPython recorded for `NAME.py`.
fn recorded_exit(name: &str) -> i32 {
    let text = String::from_utf8_lossy(&read_corpus_file(&format!("{name}.exit"))).into_owned();
    text.trim()
        .parse()
        .unwrap_or_else(|e| panic!("{name}.exit: {e}"))
}

/// `--dis`: must be CPython's listing (the corpus `.dis`), then snapshotted.
fn snapshot_dis(name: &str) {
    let (status, text) = stage02("--dis", name);
    assert_eq!(status, 0, "{text}");
    let text = mask_addresses(&text);
    let recorded = String::from_utf8_lossy(&read_corpus_file(&format!("{name}.dis"))).into_owned();
    assert_eq!(
        text,
        mask_addresses(&recorded),
        "{name}: --dis differs from CPython's"
    );
    insta::assert_snapshot!(format!("dis_{name}"), text);
}

/// `--code`: the code object's tables.
fn snapshot_code(name: &str) {
    let (status, text) = stage02("--code", name);
    assert_eq!(status, 0, "{text}");
    insta::assert_snapshot!(format!("code_{name}"), mask_addresses(&text));
}

/// `--trace`: every executed instruction with the stack after it, the program's
/// own output between the lines; the exit status must be CPython's.
fn snapshot_trace(name: &str) {
    let (status, text) = stage02("--trace", name);
    assert_eq!(status, recorded_exit(name), "{text}");
    insta::assert_snapshot!(format!("trace_{name}"), mask_addresses(&text));
}

// ------------------------------------------------------ 2.1 the header bytes

/// Bytes as `a7 0d 0d 0a`.
fn hex(bytes: &[u8]) -> String {
    let parts: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
    parts.join(" ")
}

/// `xxd`-style rows of 16 bytes: offset, two groups of eight, printable ASCII.
fn hex_dump(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (row, chunk) in bytes.chunks(16).enumerate() {
        let (left, right) = chunk.split_at(chunk.len().min(8));
        let ascii: String = chunk
            .iter()
            .map(|&b| {
                if b.is_ascii_graphic() {
                    char::from(b)
                } else {
                    '.'
                }
            })
            .collect();
        out.push_str(&format!(
            "{:08x}  {:<23}  {:<23}  {ascii}\n",
            row * 16,
            hex(left),
            hex(right)
        ));
    }
    out
}

/// What `pyc::read_header` found, one labelled line per field.
fn header_fields(bytes: &[u8]) -> String {
    let header = pyc::read_header(bytes).unwrap_or_else(|e| panic!("{e}"));
    let field = |range: std::ops::Range<usize>, meaning: String| {
        let label = if range.len() == 1 {
            format!("byte  {}", range.start)
        } else {
            format!("bytes {}..{}", range.start, range.end)
        };
        format!("{label:<12} {:<24}  {meaning}\n", hex(&bytes[range]))
    };
    let mut out = String::new();
    out.push_str(&field(
        0..4,
        format!(
            "magic: {} ({:#06x}) little-endian, then \\r\\n",
            header.magic, header.magic
        ),
    ));
    let kind = match header.validation {
        Validation::Timestamp { .. } => "timestamp-based",
        Validation::Hash {
            check_source: false,
            ..
        } => "hash-based, unchecked",
        Validation::Hash {
            check_source: true, ..
        } => "hash-based, checked",
    };
    out.push_str(&field(4..8, format!("flags: {} = {kind}", header.flags)));
    let validation = match header.validation {
        Validation::Timestamp { mtime, source_size } => {
            format!("source mtime {mtime} and size {source_size}")
        }
        Validation::Hash { .. } => "SipHash-1-3 of the source's bytes".to_string(),
    };
    out.push_str(&field(8..16, validation));
    let type_byte = bytes[pyc::HEADER_SIZE];
    out.push_str(&field(
        16..17,
        format!(
            "marshal data starts: type byte {:?} | FLAG_REF (0x{:02x} | 0x80)",
            char::from(type_byte & !FLAG_REF),
            type_byte & !FLAG_REF
        ),
    ));
    out
}

#[test]
fn s02_1_header_bytes_of_seed() {
    let bytes = read_corpus_file("seed.pyc");
    let first = &bytes[..48];
    let text = format!("{}\n{}", hex_dump(first), header_fields(&bytes));
    insta::assert_snapshot!("header_seed", text);
}

// ---------------------------------------------------------- 2.2 the marshal walk

/// An annotated walk over marshal data: one line per object (offset, type byte,
/// the reference slot it takes, what it is for, its value), in the order the reader
/// meets them. Containers and code objects are walked here, so their parts get
/// lines of their own; every other object is read by `stage02::marshal` itself.
struct MarshalWalk<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The repr of each reference slot, in the order the slots were taken.
    slots: Vec<String>,
    out: String,
}

/// The fields of a 3.11 code object after the type byte, in `marshal.c`'s order;
/// `true` for the five raw 32-bit numbers, `false` for objects.
const CODE_FIELDS: [(&str, bool); 16] = [
    ("co_argcount", true),
    ("co_posonlyargcount", true),
    ("co_kwonlyargcount", true),
    ("co_stacksize", true),
    ("co_flags", true),
    ("co_code", false),
    ("co_consts", false),
    ("co_names", false),
    ("co_localsplusnames", false),
    ("co_localspluskinds", false),
    ("co_filename", false),
    ("co_name", false),
    ("co_qualname", false),
    ("co_firstlineno", true),
    ("co_linetable", false),
    ("co_exceptiontable", false),
];

/// A repr cut to `width` characters, so one long `bytes` fits on its line.
fn short(text: String, width: usize) -> String {
    if text.chars().count() <= width {
        return text;
    }
    let cut: String = text.chars().take(width - 3).collect();
    format!("{cut}...")
}

impl MarshalWalk<'_> {
    /// Writes one line: offset, raw type byte, type code and slot, then the label.
    fn line(&mut self, offset: usize, type_byte: Option<u8>, slot: Option<usize>, label: &str) {
        let byte = type_byte.map_or(String::new(), |b| format!("{b:02x}"));
        let code = type_byte.map_or(String::new(), |b| char::from(b & !FLAG_REF).to_string());
        let slot = slot.map_or(String::new(), |s| format!("#{s}"));
        self.out.push_str(&format!(
            "{offset:>6}  {byte:<2} {code:<1} {slot:<4}  {label}\n"
        ));
    }

    /// A raw little-endian 32-bit number (a code object's counts and flags).
    fn int32(&mut self, label: &str, depth: usize) -> i32 {
        let offset = self.pos;
        let word: [u8; 4] = self.bytes[offset..offset + 4]
            .try_into()
            .unwrap_or_else(|_| panic!("truncated at {offset}"));
        self.pos += 4;
        let value = i32::from_le_bytes(word);
        let indent = "  ".repeat(depth);
        self.line(offset, None, None, &format!("{indent}{label} = {value}"));
        value
    }

    /// One object; returns its (short) repr for the line of its container.
    fn object(&mut self, label: &str, depth: usize) -> String {
        let offset = self.pos;
        let type_byte = self.bytes[offset];
        let code = type_byte & !FLAG_REF;
        // Singletons are never put in the reference table, even when flagged.
        let takes_slot = type_byte & FLAG_REF != 0 && !b"NFTS.".contains(&code);
        let slot = takes_slot.then(|| {
            self.slots.push("<being read>".to_string());
            self.slots.len() - 1
        });
        let indent = "  ".repeat(depth);
        let repr = match code {
            type_code::TYPE_CODE => {
                self.pos += 1;
                self.line(
                    offset,
                    Some(type_byte),
                    slot,
                    &format!("{indent}{label}: code object"),
                );
                for (field, is_int32) in CODE_FIELDS {
                    if is_int32 {
                        self.int32(field, depth + 1);
                    } else {
                        self.object(field, depth + 1);
                    }
                }
                "<code object>".to_string()
            }
            type_code::TYPE_SMALL_TUPLE | type_code::TYPE_TUPLE => {
                let (count, header) = if code == type_code::TYPE_SMALL_TUPLE {
                    (usize::from(self.bytes[offset + 1]), 2)
                } else {
                    let word: [u8; 4] = self.bytes[offset + 1..offset + 5]
                        .try_into()
                        .unwrap_or_else(|_| panic!("truncated at {offset}"));
                    (usize::try_from(i32::from_le_bytes(word)).unwrap_or(0), 5)
                };
                self.pos += header;
                let kind = if header == 2 { "small tuple" } else { "tuple" };
                self.line(
                    offset,
                    Some(type_byte),
                    slot,
                    &format!("{indent}{label}: {kind} of {count}"),
                );
                let items: Vec<String> = (0..count)
                    .map(|i| self.object(&format!("[{i}]"), depth + 1))
                    .collect();
                match items.as_slice() {
                    [one] => format!("({one},)"),
                    _ => format!("({})", items.join(", ")),
                }
            }
            type_code::TYPE_REF => {
                let word: [u8; 4] = self.bytes[offset + 1..offset + 5]
                    .try_into()
                    .unwrap_or_else(|_| panic!("truncated at {offset}"));
                let index = i32::from_le_bytes(word);
                self.pos += 5;
                let target = usize::try_from(index)
                    .ok()
                    .and_then(|i| self.slots.get(i))
                    .cloned()
                    .unwrap_or_else(|| panic!("bad reference {index} at {offset}"));
                let text = format!("{indent}{label} = reference to #{index}: {target}");
                self.line(offset, Some(type_byte), None, &text);
                target
            }
            _ => {
                let mut reader = marshal::Reader::new(self.bytes, offset);
                let value = reader
                    .read_object()
                    .unwrap_or_else(|e| panic!("at {offset}: {e}"));
                self.pos = reader.position();
                let repr = short(repr_constant(&value), 44);
                let what = match &value {
                    Constant::Bytes(b) => format!("bytes, {} long", b.len()),
                    Constant::Str(s) => format!("str, {} long", s.chars().count()),
                    other => marshal::type_name(other)
                        .trim_start_matches("a ")
                        .to_string(),
                };
                let text = format!("{indent}{label} = {repr}  ({what})");
                self.line(offset, Some(type_byte), slot, &text);
                repr
            }
        };
        if let Some(slot) = slot {
            self.slots[slot] = repr.clone();
        }
        repr
    }
}

#[test]
fn s02_2_marshal_walk_of_seed() {
    let bytes = read_corpus_file("seed.pyc");
    let mut walk = MarshalWalk {
        bytes: &bytes,
        pos: pyc::HEADER_SIZE,
        slots: Vec::new(),
        out: String::new(),
    };
    walk.out.push_str("offset  type byte  what it is\n");
    walk.object("module", 0);
    assert_eq!(walk.pos, bytes.len(), "the walk must use every byte");
    // The walk numbered the reference slots as the real reader does.
    let mut reader = marshal::Reader::new(&bytes, pyc::HEADER_SIZE);
    reader.read_object().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(walk.slots.len(), reader.refs.len());
    walk.out.push_str(&format!(
        "{:>6}  end of the file; {} reference slots taken\n",
        walk.pos,
        walk.slots.len()
    ));
    insta::assert_snapshot!("marshal_walk_seed", walk.out);
}

// ------------------------------------------------ 2.7 code units and inline caches

#[test]
fn s02_7_code_units_of_seed() {
    let code = pyc::load_pyc(&read_corpus_file("seed.pyc")).unwrap_or_else(|e| panic!("{e}"));
    let mut out = String::from("offset  bytes  code unit\n");
    let mut caches_left = 0;
    let mut owner = "";
    for (unit, pair) in code.code.chunks(2).enumerate() {
        let (op, arg) = (pair[0], pair[1]);
        let text = if caches_left > 0 {
            caches_left -= 1;
            format!("CACHE (inline cache of {owner})")
        } else {
            let info = opcode::info(op).unwrap_or_else(|| panic!("opcode {op}"));
            caches_left = info.cache_entries;
            owner = info.name;
            if op >= opcode::HAVE_ARGUMENT {
                format!("{:<12} {arg}", info.name)
            } else {
                info.name.to_string()
            }
        };
        out.push_str(&format!("{:>6}  {}  {text}\n", unit * 2, hex(pair)));
    }
    insta::assert_snapshot!("code_units_seed", out);
}

// ------------------------------------------- the programs of 02_basics, three views

#[test]
fn s02_0_every_basics_program_has_snapshots() {
    let mut found: Vec<String> = std::fs::read_dir(basics_dir())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let is_py = path.extension()? == "py";
            is_py.then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    found.sort();
    assert_eq!(
        found, PROGRAMS,
        "add the new program to PROGRAMS and its tests"
    );
}

#[test]
fn s02_0_masking_keeps_flags_and_hides_addresses() {
    assert_eq!(
        mask_addresses("<code object f at 0x7f12ab, file \"a.py\", line 1>; Flags: 0x0"),
        "<code object f at 0xADDR, file \"a.py\", line 1>; Flags: 0x0"
    );
}

#[test]
fn s02_3_code_bool_none() {
    snapshot_code("bool_none");
}
#[test]
fn s02_3_code_chained_assign() {
    snapshot_code("chained_assign");
}
#[test]
fn s02_3_code_hello() {
    snapshot_code("hello");
}
#[test]
fn s02_3_code_names() {
    snapshot_code("names");
}
#[test]
fn s02_3_code_nop() {
    snapshot_code("nop");
}
#[test]
fn s02_3_code_print_keywords() {
    snapshot_code("print_keywords");
}
#[test]
fn s02_3_code_seed() {
    snapshot_code("seed");
}
#[test]
fn s02_3_code_swap() {
    snapshot_code("swap");
}
#[test]
fn s02_3_code_tuples() {
    snapshot_code("tuples");
}
#[test]
fn s02_3_code_types() {
    snapshot_code("types");
}
#[test]
fn s02_3_code_unary() {
    snapshot_code("unary");
}

#[test]
fn s02_4_dis_bool_none() {
    snapshot_dis("bool_none");
}
#[test]
fn s02_4_dis_chained_assign() {
    snapshot_dis("chained_assign");
}
#[test]
fn s02_4_dis_hello() {
    snapshot_dis("hello");
}
#[test]
fn s02_4_dis_names() {
    snapshot_dis("names");
}
#[test]
fn s02_4_dis_nop() {
    snapshot_dis("nop");
}
#[test]
fn s02_4_dis_print_keywords() {
    snapshot_dis("print_keywords");
}
#[test]
fn s02_4_dis_seed() {
    snapshot_dis("seed");
}
#[test]
fn s02_4_dis_swap() {
    snapshot_dis("swap");
}
#[test]
fn s02_4_dis_tuples() {
    snapshot_dis("tuples");
}
#[test]
fn s02_4_dis_types() {
    snapshot_dis("types");
}
#[test]
fn s02_4_dis_unary() {
    snapshot_dis("unary");
}

#[test]
fn s02_6_trace_bool_none() {
    snapshot_trace("bool_none");
}
#[test]
fn s02_6_trace_chained_assign() {
    snapshot_trace("chained_assign");
}
#[test]
fn s02_6_trace_hello() {
    snapshot_trace("hello");
}
#[test]
fn s02_6_trace_names() {
    snapshot_trace("names");
}
#[test]
fn s02_6_trace_nop() {
    snapshot_trace("nop");
}
#[test]
fn s02_6_trace_print_keywords() {
    snapshot_trace("print_keywords");
}
#[test]
fn s02_6_trace_seed() {
    snapshot_trace("seed");
}
#[test]
fn s02_6_trace_swap() {
    snapshot_trace("swap");
}
#[test]
fn s02_6_trace_tuples() {
    snapshot_trace("tuples");
}
#[test]
fn s02_6_trace_types() {
    snapshot_trace("types");
}
#[test]
fn s02_6_trace_unary() {
    snapshot_trace("unary");
}
