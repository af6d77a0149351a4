//! Section 1 (the `.pyc` header) and section 2 (marshal) with hand-made bytes.
//!
//! Every expected value was checked with CPython 3.11's `marshal.loads` (or
//! `marshal.dumps` for the bytes): the comment above each case gives the Python
//! expression.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use num_bigint::BigInt;
use stage02::code::Constant;
use stage02::marshal::read_object;
use stage02::pyc::{self, LoadError, PycHeader, Validation, MAGIC_NUMBER};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(hex: &str) -> Result<Constant, LoadError> {
    read_object(&from_hex(hex))
}

fn from_hex(hex: &str) -> Vec<u8> {
    let digits: Vec<u8> = hex.bytes().filter(|b| b.is_ascii_hexdigit()).collect();
    digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect()
}

fn int(text: &str) -> Constant {
    Constant::Int(text.parse::<BigInt>().unwrap())
}

fn str_(text: &str) -> Constant {
    Constant::Str(Rc::from(text))
}

fn tuple(items: Vec<Constant>) -> Constant {
    Constant::Tuple(Rc::from(items))
}

// ------------------------------------------------------------------- the header

#[test]
fn s02_1_header_of_an_unchecked_hash_pyc() {
    let bytes = std::fs::read(fixture("positions.pyc")).unwrap();
    let header: PycHeader = pyc::read_header(&bytes).unwrap();
    assert_eq!(header.magic, MAGIC_NUMBER);
    assert_eq!(header.flags, 1);
    assert!(matches!(
        header.validation,
        Validation::Hash {
            check_source: false,
            ..
        }
    ));
}

#[test]
fn s02_1_header_of_a_timestamp_pyc() {
    // a7 0d 0d 0a | flags 0 | mtime 0x6b0385e8 | size 105 (reference.md §1.1).
    let bytes = from_hex("a70d0d0a 00000000 e885036b 69000000");
    let header = pyc::read_header(&bytes).unwrap();
    assert_eq!(
        header.validation,
        Validation::Timestamp {
            mtime: 0x6b03_85e8,
            source_size: 105
        }
    );
}

fn header_with_magic(magic: u16) -> Vec<u8> {
    let mut bytes = magic.to_le_bytes().to_vec();
    bytes.extend_from_slice(b"\r\n");
    bytes.extend_from_slice(&[0; 12]);
    bytes.extend_from_slice(b"N");
    bytes
}

#[test]
fn s02_1_wrong_magic_names_the_version() {
    // importlib's history: 3.10 final is 3439, 3.12 final 3531, 3.13 final 3571,
    // 3.7 final 3394, 2.7 is 62211.
    for (magic, version) in [
        (3439, "Python 3.10"),
        (3531, "Python 3.12"),
        (3571, "Python 3.13"),
        (3394, "Python 3.7"),
        (62211, "Python 2.7"),
        (3494, "Python 3.11"),
    ] {
        let error = pyc::load_pyc(&header_with_magic(magic)).unwrap_err();
        assert_eq!(error, LoadError::WrongMagic { path: None, magic });
        let message = error.to_string();
        assert!(message.contains(version), "{message}");
        assert!(
            message.contains(&format!("magic number {magic}")),
            "{message}"
        );
        assert!(message.contains("magic number 3495"), "{message}");
        assert!(message.contains("python3.11 -m py_compile"), "{message}");
    }
}

#[test]
fn s02_1_wrong_magic_in_a_file_names_the_file() {
    let dir = std::env::temp_dir().join(format!("s02-loader-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("prog.pyc");
    std::fs::write(&path, header_with_magic(3531)).unwrap();
    let message = pyc::load_pyc_file(&path).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    let expected = format!(
        "{} was written by Python 3.12 (magic number 3531), but this interpreter runs Python \
         3.11 bytecode (magic number 3495); compile the program with python3.11 -m py_compile {}",
        path.display(),
        dir.join("prog.py").display()
    );
    assert_eq!(message, expected);
}

#[test]
fn s02_1_missing_file_names_the_path() {
    let error = pyc::load_pyc_file(Path::new("/no/such/dir/prog.pyc")).unwrap_err();
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(error.to_string().contains("/no/such/dir/prog.pyc"));
}

#[test]
fn s02_1_empty_and_short_files() {
    assert_eq!(
        pyc::load_pyc(&[]).unwrap_err(),
        LoadError::HeaderTooShort { len: 0 }
    );
    assert_eq!(
        pyc::load_pyc(&from_hex("a70d0d0a000000")).unwrap_err(),
        LoadError::HeaderTooShort { len: 7 }
    );
    // A text file is not a .pyc: its third and fourth bytes are not \r\n.
    let error = pyc::load_pyc(b"print('hello, world')\n").unwrap_err();
    assert!(matches!(error, LoadError::NotPyc { .. }), "{error}");
}

#[test]
fn s02_1_header_only_is_truncated_marshal() {
    let error = pyc::load_pyc(&from_hex("a70d0d0a 01000000 0000000000000000")).unwrap_err();
    assert!(
        matches!(error, LoadError::Truncated { offset: 16, .. }),
        "{error}"
    );
}

#[test]
fn s02_1_top_level_object_must_be_code() {
    let mut bytes = header_with_magic(MAGIC_NUMBER);
    bytes.pop();
    bytes.extend_from_slice(&from_hex("e9 07000000"));
    let error = pyc::load_pyc(&bytes).unwrap_err();
    assert_eq!(error, LoadError::NotCode { found: "an int" });
}

#[test]
fn s02_1_every_truncation_of_a_real_pyc_is_an_error() {
    let bytes = std::fs::read(fixture("functions.pyc")).unwrap();
    assert!(pyc::load_pyc(&bytes).is_ok());
    for len in 0..bytes.len() {
        assert!(
            pyc::load_pyc(&bytes[..len]).is_err(),
            "prefix of {len} bytes"
        );
    }
}

#[test]
fn s02_1_random_bytes_after_a_valid_header_never_panic() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let mut bytes = header_with_magic(MAGIC_NUMBER);
        bytes.pop();
        let len = (next() % 200) as usize;
        bytes.extend((0..len).map(|_| next() as u8));
        let _ = pyc::load_pyc(&bytes);
    }
}

// ------------------------------------------------------------- every type code

#[test]
fn s02_2_singletons() {
    assert_eq!(read("4e").unwrap(), Constant::None); // None
    assert_eq!(read("54").unwrap(), Constant::Bool(true)); // True
    assert_eq!(read("46").unwrap(), Constant::Bool(false)); // False
    assert_eq!(read("2e").unwrap(), Constant::Ellipsis); // ...
    assert_eq!(read("53").unwrap(), Constant::StopIteration); // StopIteration
}

#[test]
fn s02_2_marshal_reads_ints() {
    // marshal.dumps(7), dumps(-1): TYPE_INT; 'I' is the legacy int64.
    assert_eq!(read("e9 07000000").unwrap(), int("7"));
    assert_eq!(read("69 ffffffff").unwrap(), int("-1"));
    assert_eq!(
        read("49 0100000000000080").unwrap(),
        int("-9223372036854775807")
    );
}

#[test]
fn s02_2_marshal_reads_long() {
    // marshal.dumps(2**31), dumps(-2**31-1), dumps(2**100), dumps(-(3**40)).
    assert_eq!(
        read("ec 03000000 0000 0000 0200").unwrap(),
        int("2147483648")
    );
    assert_eq!(
        read("ec fdffffff 0100 0000 0200").unwrap(),
        int("-2147483649")
    );
    assert_eq!(
        read("ec 07000000 0000 0000 0000 0000 0000 0000 0004").unwrap(),
        int("1267650600228229401496703205376")
    );
    assert_eq!(
        read("ec fbffffff 2168 3f52 4851 c545 0a00").unwrap(),
        int("-12157665459056928801")
    );
    // A zero count is 0.
    assert_eq!(read("6c 00000000").unwrap(), int("0"));
}

#[test]
fn s02_2_marshal_rejects_bad_longs() {
    // marshal.loads(b'l\x01\x00\x00\x00\x00\x00'): "unnormalized long data".
    let error = read("6c 01000000 0000").unwrap_err();
    assert!(
        error.to_string().contains("unnormalized long data"),
        "{error}"
    );
    // marshal.loads(b'l\x01\x00\x00\x00\x00\x80'): "digit out of range in long".
    let error = read("6c 01000000 0080").unwrap_err();
    assert!(error.to_string().contains("digit out of range"), "{error}");
    // A huge digit count with few bytes behind it: truncated, nothing allocated.
    let error = read("6c ffffff7f 0100").unwrap_err();
    assert!(matches!(error, LoadError::Truncated { .. }), "{error}");
}

#[test]
fn s02_2_marshal_reads_floats_and_complex() {
    // marshal.dumps(1.5), dumps(-0.0), dumps(2-3.5j)
    assert_eq!(read("e7 000000000000f83f").unwrap(), Constant::Float(1.5));
    let Constant::Float(negative_zero) = read("e7 0000000000000080").unwrap() else {
        panic!("not a float")
    };
    assert!(negative_zero == 0.0 && negative_zero.is_sign_negative());
    assert_eq!(
        read("f9 0000000000000040 0000000000000cc0").unwrap(),
        Constant::Complex {
            real: 2.0,
            imag: -3.5
        }
    );
    // Legacy text forms: marshal.loads(b'f\x03inf'), (b'f\x021.'), (b'x\x011\x012').
    assert_eq!(
        read("66 03 696e66").unwrap(),
        Constant::Float(f64::INFINITY)
    );
    assert_eq!(read("66 02 312e").unwrap(), Constant::Float(1.0));
    assert_eq!(
        read("78 01 31 01 32").unwrap(),
        Constant::Complex {
            real: 1.0,
            imag: 2.0
        }
    );
    // marshal.loads(b'f\x04 1.5') is a ValueError: no spaces allowed.
    assert!(read("66 04 20312e35").is_err());
}

#[test]
fn s02_2_marshal_reads_strings_and_bytes() {
    // dumps(b'ab'), dumps('é'), dumps('x' * 300) [TYPE_ASCII], 'Z' and 'z' short ASCII.
    assert_eq!(
        read("f3 02000000 6162").unwrap(),
        Constant::Bytes(Rc::from(&b"ab"[..]))
    );
    assert_eq!(read("f5 02000000 c3a9").unwrap(), str_("é"));
    assert_eq!(read("74 02000000 c3a9").unwrap(), str_("é"));
    let mut long = "c1 2c010000".to_string();
    long.push_str(&"78".repeat(300));
    assert_eq!(read(&long).unwrap(), str_(&"x".repeat(300)));
    assert_eq!(read("41 02000000 6869").unwrap(), str_("hi"));
    assert_eq!(read("da 02 6869").unwrap(), str_("hi"));
    assert_eq!(read("7a 00").unwrap(), str_(""));
    // marshal.loads(b'a\x01\x00\x00\x00\xe9') == 'é': "ASCII" codes are Latin-1.
    assert_eq!(read("61 01000000 e9").unwrap(), str_("é"));
}

#[test]
fn s02_2_marshal_reads_lone_surrogates() {
    // dumps('\udc80') is u 03000000 ed b2 80; a surrogate pair stays two code points:
    // marshal.loads(b'u\x06\x00\x00\x00\xed\xa0\xbd\xed\xb8\x80') == '\ud83d\ude00'.
    assert_eq!(
        read("f5 03000000 edb280").unwrap(),
        Constant::SurrogateStr(Rc::from(vec![0xdc80]))
    );
    assert_eq!(
        read("75 07000000 41 eda0bd edb880").unwrap(),
        Constant::SurrogateStr(Rc::from(vec![0x41, 0xd83d, 0xde00]))
    );
    // Not UTF-8 even with surrogatepass: an error.
    assert!(matches!(
        read("75 02000000 ff41").unwrap_err(),
        LoadError::BadUtf8 { offset: 5 }
    ));
    assert!(read("75 02000000 c0 80").is_err()); // overlong
}

#[test]
fn s02_2_marshal_reads_containers() {
    // dumps((0, 1, 2)), dumps([1, [2]]), dumps({'a': 1}), dumps({1, 2}), dumps(frozenset({1}))
    assert_eq!(
        read("a9 03 e900000000 e901000000 e902000000").unwrap(),
        tuple(vec![int("0"), int("1"), int("2")])
    );
    assert_eq!(read("28 01000000 4e").unwrap(), tuple(vec![Constant::None]));
    assert_eq!(
        read("db 02000000 e901000000 5b01000000 e902000000").unwrap(),
        Constant::List(Rc::from(vec![
            int("1"),
            Constant::List(Rc::from(vec![int("2")]))
        ]))
    );
    assert_eq!(
        read("fb da0161 e901000000 30").unwrap(),
        Constant::Dict(Rc::from(vec![(str_("a"), int("1"))]))
    );
    assert_eq!(
        read("bc 02000000 e901000000 e902000000").unwrap(),
        Constant::Set(Rc::from(vec![int("1"), int("2")]))
    );
    assert_eq!(
        read("be 01000000 e901000000").unwrap(),
        Constant::FrozenSet(Rc::from(vec![int("1")]))
    );
    // marshal.loads(b'{i\x01\x00\x00\x000') == {}: a NULL value ends the dict.
    assert_eq!(
        read("7b 6901000000 30").unwrap(),
        Constant::Dict(Rc::from(vec![]))
    );
    // marshal.loads(b'>\x01\x00\x00\x00[\x00\x00\x00\x00'): unhashable type: 'list'.
    let error = read("3e 01000000 5b00000000").unwrap_err();
    assert!(
        error.to_string().contains("unhashable type: 'list'"),
        "{error}"
    );
    // A tuple item may not be the NULL marker: "NULL object in marshal data for tuple".
    let error = read("29 01 30").unwrap_err();
    assert!(error.to_string().contains("for tuple"), "{error}");
    // Negative sizes: "bad marshal data (tuple size out of range)" and friends.
    assert!(matches!(
        read("28 ffffffff").unwrap_err(),
        LoadError::BadSize { size: -1, .. }
    ));
    // A huge item count with nothing behind it: truncated, nothing reserved.
    assert!(matches!(
        read("28 ffffff7f").unwrap_err(),
        LoadError::Truncated { .. }
    ));
}

#[test]
fn s02_2_unknown_and_null_type_codes() {
    // marshal.loads(b'?'): "bad marshal data (unknown type code)".
    assert_eq!(
        read("3f").unwrap_err(),
        LoadError::UnknownTypeCode {
            offset: 0,
            code: b'?'
        }
    );
    assert!(matches!(
        read("01").unwrap_err(),
        LoadError::UnknownTypeCode { .. }
    ));
    // marshal.loads(b'0'): "NULL object in marshal data for object".
    assert!(matches!(
        read("30").unwrap_err(),
        LoadError::NullObject { .. }
    ));
    assert!(matches!(read("").unwrap_err(), LoadError::Truncated { .. }));
}

// ------------------------------------------------------------ the ref table

#[test]
fn s02_2_refs_are_numbered_in_stream_order() {
    // marshal.dumps(('ab', 'ab')) == a9 02 da 02 6162 72 01000000: the flagged tuple
    // takes slot 0 *before* its items, so 'ab' is slot 1.
    assert_eq!(
        read("a9 02 da02 6162 72 01000000").unwrap(),
        tuple(vec![str_("ab"), str_("ab")])
    );
    // A reference to a slot that does not exist: "bad marshal data (invalid reference)".
    assert_eq!(
        read("a9 02 da02 6162 72 02000000").unwrap_err(),
        LoadError::InvalidRef {
            offset: 6,
            index: 2,
            table_len: 2
        }
    );
    assert!(matches!(
        read("72 ffffffff").unwrap_err(),
        LoadError::InvalidRef { index: -1, .. }
    ));
}

#[test]
fn s02_2_flagged_tuple_containing_ref_to_itself_loads() {
    // marshal.loads(b'\xa9\x01r\x00\x00\x00\x00') is a tuple that contains itself;
    // our immutable constants cut the cycle: the inner reference is an empty tuple.
    assert_eq!(
        read("a9 01 72 00000000").unwrap(),
        tuple(vec![tuple(vec![])])
    );
}

#[test]
fn s02_2_ref_to_a_reserved_slot_fails() {
    // marshal.loads(b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00'): a frozenset's slot is
    // only filled when it is complete: "bad marshal data (invalid reference)".
    assert!(matches!(
        read("be 01000000 72 00000000").unwrap_err(),
        LoadError::InvalidRef { index: 0, .. }
    ));
    // The same for a code object: its first object field refers to the code itself.
    let mut bytes = from_hex("e3");
    bytes.extend_from_slice(&[0; 20]);
    bytes.extend_from_slice(&from_hex("72 00000000"));
    assert!(matches!(
        read_object(&bytes).unwrap_err(),
        LoadError::InvalidRef { index: 0, .. }
    ));
}

#[test]
fn s02_2_nesting_depth_is_limited_like_cpython() {
    // marshal.loads(b')\x01' * 1999 + b'N') loads; with 2000 tuples it raises
    // "recursion limit exceeded".
    let mut ok = ")\x01".repeat(1999).into_bytes();
    ok.push(b'N');
    assert!(read_object(&ok).is_ok());
    let mut deep = ")\x01".repeat(2000).into_bytes();
    deep.push(b'N');
    assert!(matches!(
        read_object(&deep).unwrap_err(),
        LoadError::TooDeep { offset: 4000 }
    ));
}

// ------------------------------------------------------------ code objects

/// The fields of a code object, as marshal bytes, to build variants of.
struct CodeBytes {
    counts: [i32; 5],
    code: Vec<u8>,
    consts: Vec<u8>,
    names: Vec<u8>,
    localsplusnames: Vec<u8>,
    localspluskinds: Vec<u8>,
    filename: Vec<u8>,
    firstlineno: i32,
}

impl CodeBytes {
    /// `def f(a): return a` reduced to what the checks look at.
    fn valid() -> CodeBytes {
        CodeBytes {
            counts: [1, 0, 0, 1, 3],
            code: from_hex("73 04000000 7c00 5300"),
            consts: from_hex("29 01 4e"),
            names: from_hex("29 00"),
            localsplusnames: from_hex("29 01 5a 01 61"),
            localspluskinds: from_hex("73 01000000 20"),
            filename: from_hex("7a 04 742e7079"),
            firstlineno: 1,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut out = vec![b'c'];
        for count in self.counts {
            out.extend_from_slice(&count.to_le_bytes());
        }
        out.extend_from_slice(&self.code);
        out.extend_from_slice(&self.consts);
        out.extend_from_slice(&self.names);
        out.extend_from_slice(&self.localsplusnames);
        out.extend_from_slice(&self.localspluskinds);
        out.extend_from_slice(&self.filename);
        out.extend_from_slice(&from_hex("7a 01 66 7a 01 66")); // name, qualname 'f'
        out.extend_from_slice(&self.firstlineno.to_le_bytes());
        out.extend_from_slice(&from_hex("73 00000000 73 00000000"));
        out
    }

    fn problem(&self) -> String {
        match read_object(&self.bytes()) {
            Err(LoadError::BadCode { offset: 0, problem }) => problem,
            other => panic!("expected a BadCode error, got {other:?}"),
        }
    }
}

#[test]
fn s02_2_code_object_fields_in_order() {
    let Constant::Code(code) = read_object(&CodeBytes::valid().bytes()).unwrap() else {
        panic!("not code")
    };
    assert_eq!(code.argcount, 1);
    assert_eq!(code.stacksize, 1);
    assert_eq!(code.flags, 3);
    assert_eq!(&*code.code, &[0x7c, 0, 0x53, 0]);
    assert_eq!(&*code.localsplusnames, &[Rc::from("a")]);
    assert_eq!(&*code.filename, "t.py");
    assert_eq!(&*code.qualname, "f");
    assert_eq!(code.firstlineno, 1);
    assert_eq!(code.nlocals(), 1);
}

#[test]
fn s02_2_code_objects_are_validated() {
    let mut c = CodeBytes::valid();
    c.counts[1] = 2;
    assert!(c
        .problem()
        .contains("co_posonlyargcount (2) is larger than co_argcount (1)"));

    let mut c = CodeBytes::valid();
    c.counts[0] = -1;
    assert!(c.problem().contains("co_argcount is negative"));

    let mut c = CodeBytes::valid();
    c.code = from_hex("73 03000000 7c0053");
    assert!(c.problem().contains("co_code is malformed"));

    let mut c = CodeBytes::valid();
    c.localspluskinds = from_hex("73 02000000 2020");
    assert!(c
        .problem()
        .contains("1 names but co_localspluskinds has 2 kinds"));

    let mut c = CodeBytes::valid();
    c.names = from_hex("29 01 e9 01000000");
    assert_eq!(c.problem(), "co_names[0] is an int, not a str");

    let mut c = CodeBytes::valid();
    c.filename = from_hex("f3 00000000");
    assert_eq!(c.problem(), "co_filename is bytes, not a str");

    let mut c = CodeBytes::valid();
    c.consts = from_hex("db 00000000");
    assert_eq!(c.problem(), "co_consts is a list, not a tuple");

    // "code: co_varnames is too small": two arguments, one local.
    let mut c = CodeBytes::valid();
    c.counts[0] = 2;
    assert!(c.problem().contains("co_varnames is too small"));

    // CO_VARARGS promises a local for *args too.
    let mut c = CodeBytes::valid();
    c.counts[4] = 3 | 4;
    assert!(c.problem().contains("co_varnames is too small"));

    // A name must be a str without surrogates.
    let mut c = CodeBytes::valid();
    c.localsplusnames = from_hex("29 01 75 03000000 edb280");
    assert!(c.problem().contains("co_localsplusnames[0]"));
}

// ------------------------------------------------------------ compiling .py

#[test]
fn s02_8_compile_source_with_python311() {
    if stage02::source::find_python311().is_none() {
        println!("SKIPPED s02_8_compile_source_with_python311: no python3.11 on PATH");
        return;
    }
    let source = fixture("positions.py");
    let bytes = stage02::source::compile_source(&source).unwrap();
    let code = pyc::load_pyc(&bytes).unwrap();
    assert_eq!(&*code.filename, source.to_str().unwrap());
    // Unchecked-hash .pyc: flags 1, and the marshal part is what CPython wrote.
    assert_eq!(pyc::read_header(&bytes).unwrap().flags, 1);
    let committed = std::fs::read(fixture("positions.pyc")).unwrap();
    assert_eq!(bytes[..16], committed[..16]);

    let dir = std::env::temp_dir().join(format!("s02-compile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.py");
    std::fs::write(&bad, "x = (1,\n").unwrap();
    let error = stage02::source::compile_source(&bad).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    let message = error.to_string();
    // Python's own message: "'(' was never closed (bad.py, line 1)".
    assert!(message.contains("SyntaxError"), "{message}");
    assert!(message.contains("'(' was never closed"), "{message}");
}

/// Marshal data for a tuple whose item k is a tuple of two references to item k-1:
/// a few hundred bytes that describe 2**levels objects once references are followed.
fn doubling_chain(levels: u8) -> Vec<u8> {
    let mut data = vec![b')', levels + 1];
    data.extend([b')' | 0x80, 1, b'i', 0, 0, 0, 0]); // reference 0: (0,)
    for k in 1..=levels {
        data.extend([b')' | 0x80, 2]); // reference k: (ref k-1, ref k-1)
        for _ in 0..2 {
            data.push(b'r');
            data.extend((u32::from(k) - 1).to_le_bytes());
        }
    }
    data
}

#[test]
fn s02_2_shared_references_cannot_describe_an_enormous_tree() {
    // Twelve levels: 8191 objects counted with sharing; loads as CPython would.
    assert!(stage02::marshal::read_object(&doubling_chain(12)).is_ok());
    // Sixty levels would be 2**61 objects to walk for `repr`, `dis` or hashing.
    let err = stage02::marshal::read_object(&doubling_chain(60)).unwrap_err();
    assert!(
        err.to_string()
            .contains("shared references make the data hold more than"),
        "{err}"
    );
}
