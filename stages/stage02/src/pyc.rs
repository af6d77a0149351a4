//! The `.pyc` file: a 16-byte header, then one marshalled code object, the module's
//! (reference.md §1, `Lib/importlib/_bootstrap_external.py`, `Lib/py_compile.py`).
//!
//! ```text
//! bytes 0..4   magic number: 3495 as uint16 LE, then b"\r\n"   (a7 0d 0d 0a)
//! bytes 4..8   flags, uint32 LE: 0 = timestamp, 1 = unchecked hash, 3 = checked hash
//! bytes 8..16  flags & 1 == 0: source mtime and size (uint32 LE each)
//!              flags & 1 == 1: SipHash-1-3 of the source (8 bytes)
//! bytes 16..   marshal data (see `marshal.rs`)
//! ```
//!
//! The magic number is the bytecode version: every change to the compiler's output
//! bumps it, so it is the one field we must check. Like `python3 prog.pyc`, we
//! ignore the other twelve header bytes (they only matter to the import system,
//! which compares them with the source file).

use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::code::{Code, Constant};
use crate::marshal::{self, Reader};

// ANCHOR: magic_number
/// The magic number of CPython 3.11 final (`importlib.util.MAGIC_NUMBER`), set in
/// 3.11b4: "Set line number of module's RESUME instr to 0 per PEP 626".
pub const MAGIC_NUMBER: u16 = 3495;

/// The size of the header before the marshal data.
pub const HEADER_SIZE: usize = 16;
// ANCHOR_END: magic_number

// ANCHOR: load_error
/// Why a `.pyc` (or marshal data) could not be loaded. Offsets count bytes from the
/// start of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The file could not be read.
    Io { path: PathBuf, message: String },
    /// Fewer than 16 bytes: not even a header.
    HeaderTooShort { len: usize },
    /// The first four bytes are not a magic number followed by `\r\n`.
    NotPyc { first_bytes: Vec<u8> },
    /// A `.pyc` of another Python version. `path` is set when loading a file.
    WrongMagic { path: Option<PathBuf>, magic: u16 },
    /// The data ends where more was expected.
    Truncated {
        offset: usize,
        expected: &'static str,
        needed: usize,
        available: usize,
    },
    /// A type byte that is no marshal type code (`TYPE_UNKNOWN` included).
    UnknownTypeCode { offset: usize, code: u8 },
    /// A negative length.
    BadSize {
        offset: usize,
        what: &'static str,
        size: i32,
    },
    /// `TYPE_REF` to a slot that does not exist or whose object is not finished.
    InvalidRef {
        offset: usize,
        index: i32,
        table_len: usize,
    },
    /// A `TYPE_LONG` digit of 2**15 or more, or a zero top digit.
    BadLong {
        offset: usize,
        problem: &'static str,
    },
    /// A legacy text float that is not a number.
    BadFloatText { offset: usize },
    /// A `str` whose bytes are not UTF-8, even allowing surrogates.
    BadUtf8 { offset: usize },
    /// The NULL marker (`'0'`) where an object must be.
    NullObject {
        offset: usize,
        context: &'static str,
    },
    /// Objects nested deeper than `marshal.c`'s limit.
    TooDeep { offset: usize },
    /// Shared references that would make the loaded tree enormous
    /// (see `marshal::MAX_EXPANDED_OBJECTS`).
    TooLarge { offset: usize },
    /// A list, set or dict used as a set item or dict key.
    Unhashable {
        offset: usize,
        type_name: &'static str,
    },
    /// A code object that fails `_PyCode_Validate`'s checks.
    BadCode { offset: usize, problem: String },
    /// The file holds something other than a code object.
    NotCode { found: &'static str },
}
// ANCHOR_END: load_error

// ANCHOR: magic_versions
/// Which Python release wrote a magic number, from the history in
/// `Lib/importlib/_bootstrap_external.py` (and, from 3.11 on, its rule
/// "Python 3.n starts with magic number 2900 + 50n").
pub fn python_version_for_magic(magic: u16) -> Option<String> {
    let known: &[(u16, u16, &str)] = &[
        (20121, 20121, "1.5"),
        (50428, 50428, "1.6"),
        (50823, 50823, "2.0"),
        (60202, 60202, "2.1"),
        (60717, 60717, "2.2"),
        (62011, 62021, "2.3"),
        (62041, 62061, "2.4"),
        (62071, 62131, "2.5"),
        (62151, 62161, "2.6"),
        (62171, 62211, "2.7"),
        (3000, 3131, "3.0"),
        (3141, 3151, "3.1"),
        (3160, 3180, "3.2"),
        (3190, 3230, "3.3"),
        (3250, 3310, "3.4"),
        (3320, 3351, "3.5"),
        (3360, 3379, "3.6"),
        (3390, 3399, "3.7"),
        (3400, 3419, "3.8"),
        (3420, 3429, "3.9"),
        (3430, 3449, "3.10"),
    ];
    if let Some((_, _, version)) = known
        .iter()
        .find(|(low, high, _)| (*low..=*high).contains(&magic))
    {
        return Some((*version).to_string());
    }
    // 3.11 (3450..3499: alphas and betas up to 3495), 3.12 (3500..3549), …
    if (3450..20000).contains(&magic) {
        let minor = (magic - 2900) / 50;
        return Some(format!("3.{minor}"));
    }
    None
}
// ANCHOR_END: magic_versions

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, message } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            LoadError::HeaderTooShort { len } => write!(
                f,
                "not a .pyc file: it is {len} bytes long, shorter than the 16-byte header"
            ),
            LoadError::NotPyc { first_bytes } => {
                let hex: Vec<String> = first_bytes.iter().map(|b| format!("{b:02x}")).collect();
                write!(
                    f,
                    "not a .pyc file: it starts with {}, not a magic number followed by \\r\\n \
                     (a7 0d 0d 0a for Python 3.11)",
                    hex.join(" ")
                )
            }
            LoadError::WrongMagic { path, magic } => write_wrong_magic(f, path.as_deref(), *magic),
            LoadError::Truncated {
                offset,
                expected,
                needed,
                available,
            } => write!(
                f,
                "bad marshal data at offset {offset}: the data ends where {expected} was expected \
                 ({needed} bytes needed, {available} left)"
            ),
            LoadError::UnknownTypeCode { offset, code } => write!(
                f,
                "bad marshal data at offset {offset}: unknown type code {:?} (byte 0x{code:02x})",
                char::from(code & !marshal::FLAG_REF)
            ),
            LoadError::BadSize { offset, what, size } => write!(
                f,
                "bad marshal data at offset {offset}: {what} is negative ({size})"
            ),
            LoadError::InvalidRef {
                offset,
                index,
                table_len,
            } => write!(
                f,
                "bad marshal data at offset {offset}: invalid reference {index} \
                 (the reference table has {table_len} entries{})",
                if usize::try_from(*index).is_ok_and(|i| i < *table_len) {
                    "; that one is not finished yet"
                } else {
                    ""
                }
            ),
            LoadError::BadLong { offset, problem } => {
                write!(f, "bad marshal data at offset {offset}: {problem}")
            }
            LoadError::BadFloatText { offset } => write!(
                f,
                "bad marshal data at offset {offset}: the text of a float is not a number"
            ),
            LoadError::BadUtf8 { offset } => write!(
                f,
                "bad marshal data at offset {offset}: a str is not valid UTF-8"
            ),
            LoadError::NullObject { offset, context } => write!(
                f,
                "bad marshal data at offset {offset}: NULL object in marshal data for {context}"
            ),
            LoadError::TooDeep { offset } => write!(
                f,
                "bad marshal data at offset {offset}: objects nested deeper than {}",
                marshal::MAX_MARSHAL_STACK_DEPTH
            ),
            LoadError::TooLarge { offset } => write!(
                f,
                "bad marshal data at offset {offset}: shared references make the data hold more \
                 than {} objects",
                marshal::MAX_EXPANDED_OBJECTS
            ),
            LoadError::Unhashable { offset, type_name } => write!(
                f,
                "bad marshal data at offset {offset}: unhashable type: '{type_name}'"
            ),
            LoadError::BadCode { offset, problem } => {
                write!(f, "bad code object at offset {offset}: {problem}")
            }
            LoadError::NotCode { found } => {
                write!(f, "the .pyc file holds {found}, not a code object")
            }
        }
    }
}

/// `prog.pyc was written by Python 3.12 (magic number 3531), but this interpreter
/// runs Python 3.11 bytecode (magic number 3495); compile …`.
fn write_wrong_magic(f: &mut fmt::Formatter<'_>, path: Option<&Path>, magic: u16) -> fmt::Result {
    let file = match path {
        Some(path) => path.display().to_string(),
        None => "the file".to_string(),
    };
    let writer = match python_version_for_magic(magic) {
        Some(version) => format!("Python {version}"),
        None => "an unknown Python version".to_string(),
    };
    let source = match path {
        Some(path) if path.extension().is_some_and(|ext| ext == "pyc") => {
            path.with_extension("py").display().to_string()
        }
        _ => "prog.py".to_string(),
    };
    write!(
        f,
        "{file} was written by {writer} (magic number {magic}), but this interpreter runs \
         Python 3.11 bytecode (magic number {MAGIC_NUMBER}); compile the program with \
         python3.11 -m py_compile {source}"
    )
}

impl std::error::Error for LoadError {}

// ANCHOR: pyc_header
// ANCHOR: pyc_header_struct
/// The 16-byte header. Only the magic number is checked; the rest is kept for
/// display (`--code`) and for readers who want to see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PycHeader {
    pub magic: u16,
    /// Bit 0: hash-based; bit 1: check the hash against the source.
    pub flags: u32,
    /// What bytes 8..16 mean depends on `flags`.
    pub validation: Validation,
}

/// How the import system decides whether the `.pyc` is stale (PEP 552).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validation {
    /// `flags & 1 == 0`: the source's modification time and size.
    Timestamp { mtime: u32, source_size: u32 },
    /// `flags & 1 == 1`: SipHash-1-3 of the source; `check_source` is bit 1.
    Hash { hash: [u8; 8], check_source: bool },
}
// ANCHOR_END: pyc_header_struct

// ANCHOR: read_header_magic
/// Reads and checks the header: the magic number must be 3.11's.
pub fn read_header(bytes: &[u8]) -> Result<PycHeader, LoadError> {
    let Some(header) = bytes.get(..HEADER_SIZE) else {
        return Err(LoadError::HeaderTooShort { len: bytes.len() });
    };
    let word = |at: usize| -> [u8; 4] {
        let mut word = [0u8; 4];
        word.copy_from_slice(header.get(at..at + 4).unwrap_or(&[0; 4]));
        word
    };
    let magic_bytes = word(0);
    if magic_bytes[2..] != *b"\r\n" {
        return Err(LoadError::NotPyc {
            first_bytes: magic_bytes.to_vec(),
        });
    }
    let magic = u16::from_le_bytes([magic_bytes[0], magic_bytes[1]]);
    if magic != MAGIC_NUMBER {
        return Err(LoadError::WrongMagic { path: None, magic });
    }
    // ANCHOR_END: read_header_magic
    // ANCHOR: read_header_validation
    let flags = u32::from_le_bytes(word(4));
    let validation = if flags & 1 == 0 {
        Validation::Timestamp {
            mtime: u32::from_le_bytes(word(8)),
            source_size: u32::from_le_bytes(word(12)),
        }
    } else {
        let mut hash = [0u8; 8];
        hash[..4].copy_from_slice(&word(8));
        hash[4..].copy_from_slice(&word(12));
        Validation::Hash {
            hash,
            check_source: flags & 2 != 0,
        }
    };
    Ok(PycHeader {
        magic,
        flags,
        validation,
    })
}
// ANCHOR_END: read_header_validation
// ANCHOR_END: pyc_header

// ANCHOR: load_pyc
/// Loads a `.pyc` image: the header, then the module's code object.
pub fn load_pyc(bytes: &[u8]) -> Result<Rc<Code>, LoadError> {
    read_header(bytes)?;
    let mut reader = Reader::new(bytes, HEADER_SIZE);
    match reader.read_object()? {
        Constant::Code(code) => Ok(code),
        other => Err(LoadError::NotCode {
            found: marshal::type_name(&other),
        }),
    }
}

/// Reads and loads a `.pyc` file. Errors that concern the whole file (cannot read
/// it, wrong Python version) name its path.
pub fn load_pyc_file(path: &Path) -> Result<Rc<Code>, LoadError> {
    let bytes = std::fs::read(path).map_err(|error| LoadError::Io {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    load_pyc(&bytes).map_err(|error| match error {
        LoadError::WrongMagic { path: None, magic } => LoadError::WrongMagic {
            path: Some(path.to_path_buf()),
            magic,
        },
        other => other,
    })
}
// ANCHOR_END: load_pyc
