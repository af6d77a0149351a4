//! The CPython 3.11 opcode table: every opcode's number, name, argument kind and
//! number of inline cache entries.
//!
//! This is the data of CPython's `Lib/opcode.py` (and `Include/opcode.h`) for 3.11.
//! It was generated from that module; `tests/s02_opcode_table.rs` checks it against the
//! local `python3.11` (`opcode.opmap`, `opcode.hasjrel`, `opcode._inline_cache_entries`)
//! whenever one is installed.

/// What an instruction's argument means, as `dis` groups opcodes (`opcode.hasconst`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// Opcodes below `HAVE_ARGUMENT` (90): the argument byte is ignored.
    None,
    /// An index into `co_consts` (`hasconst`).
    Const,
    /// An index into `co_names` (`hasname`).
    Name,
    /// An index into the fast locals, `co_localsplusnames` (`haslocal`).
    Local,
    /// An index into the fast locals that holds a cell or free variable (`hasfree`).
    Free,
    /// An index into `dis.cmp_op` (`hascompare`).
    Compare,
    /// A relative jump forward: target = next instruction + arg code units.
    JumpForward,
    /// A relative jump backward: target = next instruction - arg code units.
    JumpBackward,
    /// Any other number (a count, a flag set, an operator index).
    Number,
}

// ANCHOR: op_info
/// One row of the opcode table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpInfo {
    pub name: &'static str,
    pub number: u8,
    pub arg: ArgKind,
    /// Inline `CACHE` code units that follow the instruction (`opcode._inline_cache_entries`).
    pub cache_entries: u8,
}
// ANCHOR_END: op_info

/// `HAVE_ARGUMENT`: opcodes from this number on use their argument.
pub const HAVE_ARGUMENT: u8 = 90;

pub const CACHE: u8 = 0;
pub const POP_TOP: u8 = 1;
pub const PUSH_NULL: u8 = 2;
pub const NOP: u8 = 9;
pub const UNARY_POSITIVE: u8 = 10;
pub const UNARY_NEGATIVE: u8 = 11;
pub const UNARY_NOT: u8 = 12;
pub const UNARY_INVERT: u8 = 15;
pub const BINARY_SUBSCR: u8 = 25;
pub const GET_LEN: u8 = 30;
pub const MATCH_MAPPING: u8 = 31;
pub const MATCH_SEQUENCE: u8 = 32;
pub const MATCH_KEYS: u8 = 33;
pub const PUSH_EXC_INFO: u8 = 35;
pub const CHECK_EXC_MATCH: u8 = 36;
pub const CHECK_EG_MATCH: u8 = 37;
pub const WITH_EXCEPT_START: u8 = 49;
pub const GET_AITER: u8 = 50;
pub const GET_ANEXT: u8 = 51;
pub const BEFORE_ASYNC_WITH: u8 = 52;
pub const BEFORE_WITH: u8 = 53;
pub const END_ASYNC_FOR: u8 = 54;
pub const STORE_SUBSCR: u8 = 60;
pub const DELETE_SUBSCR: u8 = 61;
pub const GET_ITER: u8 = 68;
pub const GET_YIELD_FROM_ITER: u8 = 69;
pub const PRINT_EXPR: u8 = 70;
pub const LOAD_BUILD_CLASS: u8 = 71;
pub const LOAD_ASSERTION_ERROR: u8 = 74;
pub const RETURN_GENERATOR: u8 = 75;
pub const LIST_TO_TUPLE: u8 = 82;
pub const RETURN_VALUE: u8 = 83;
pub const IMPORT_STAR: u8 = 84;
pub const SETUP_ANNOTATIONS: u8 = 85;
pub const YIELD_VALUE: u8 = 86;
pub const ASYNC_GEN_WRAP: u8 = 87;
pub const PREP_RERAISE_STAR: u8 = 88;
pub const POP_EXCEPT: u8 = 89;
pub const STORE_NAME: u8 = 90;
pub const DELETE_NAME: u8 = 91;
pub const UNPACK_SEQUENCE: u8 = 92;
pub const FOR_ITER: u8 = 93;
pub const UNPACK_EX: u8 = 94;
pub const STORE_ATTR: u8 = 95;
pub const DELETE_ATTR: u8 = 96;
pub const STORE_GLOBAL: u8 = 97;
pub const DELETE_GLOBAL: u8 = 98;
pub const SWAP: u8 = 99;
pub const LOAD_CONST: u8 = 100;
pub const LOAD_NAME: u8 = 101;
pub const BUILD_TUPLE: u8 = 102;
pub const BUILD_LIST: u8 = 103;
pub const BUILD_SET: u8 = 104;
pub const BUILD_MAP: u8 = 105;
pub const LOAD_ATTR: u8 = 106;
pub const COMPARE_OP: u8 = 107;
pub const IMPORT_NAME: u8 = 108;
pub const IMPORT_FROM: u8 = 109;
pub const JUMP_FORWARD: u8 = 110;
pub const JUMP_IF_FALSE_OR_POP: u8 = 111;
pub const JUMP_IF_TRUE_OR_POP: u8 = 112;
pub const POP_JUMP_FORWARD_IF_FALSE: u8 = 114;
pub const POP_JUMP_FORWARD_IF_TRUE: u8 = 115;
pub const LOAD_GLOBAL: u8 = 116;
pub const IS_OP: u8 = 117;
pub const CONTAINS_OP: u8 = 118;
pub const RERAISE: u8 = 119;
pub const COPY: u8 = 120;
pub const BINARY_OP: u8 = 122;
pub const SEND: u8 = 123;
pub const LOAD_FAST: u8 = 124;
pub const STORE_FAST: u8 = 125;
pub const DELETE_FAST: u8 = 126;
pub const POP_JUMP_FORWARD_IF_NOT_NONE: u8 = 128;
pub const POP_JUMP_FORWARD_IF_NONE: u8 = 129;
pub const RAISE_VARARGS: u8 = 130;
pub const GET_AWAITABLE: u8 = 131;
pub const MAKE_FUNCTION: u8 = 132;
pub const BUILD_SLICE: u8 = 133;
pub const JUMP_BACKWARD_NO_INTERRUPT: u8 = 134;
pub const MAKE_CELL: u8 = 135;
pub const LOAD_CLOSURE: u8 = 136;
pub const LOAD_DEREF: u8 = 137;
pub const STORE_DEREF: u8 = 138;
pub const DELETE_DEREF: u8 = 139;
pub const JUMP_BACKWARD: u8 = 140;
pub const CALL_FUNCTION_EX: u8 = 142;
pub const EXTENDED_ARG: u8 = 144;
pub const LIST_APPEND: u8 = 145;
pub const SET_ADD: u8 = 146;
pub const MAP_ADD: u8 = 147;
pub const LOAD_CLASSDEREF: u8 = 148;
pub const COPY_FREE_VARS: u8 = 149;
pub const RESUME: u8 = 151;
pub const MATCH_CLASS: u8 = 152;
pub const FORMAT_VALUE: u8 = 155;
pub const BUILD_CONST_KEY_MAP: u8 = 156;
pub const BUILD_STRING: u8 = 157;
pub const LOAD_METHOD: u8 = 160;
pub const LIST_EXTEND: u8 = 162;
pub const SET_UPDATE: u8 = 163;
pub const DICT_MERGE: u8 = 164;
pub const DICT_UPDATE: u8 = 165;
pub const PRECALL: u8 = 166;
pub const CALL: u8 = 171;
pub const KW_NAMES: u8 = 172;
pub const POP_JUMP_BACKWARD_IF_NOT_NONE: u8 = 173;
pub const POP_JUMP_BACKWARD_IF_NONE: u8 = 174;
pub const POP_JUMP_BACKWARD_IF_FALSE: u8 = 175;
pub const POP_JUMP_BACKWARD_IF_TRUE: u8 = 176;

/// Every opcode CPython 3.11 can write into a `.pyc`, in numeric order.
#[rustfmt::skip]
pub const OPCODES: [OpInfo; 110] = [
    OpInfo { name: "CACHE", number: 0, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "POP_TOP", number: 1, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "PUSH_NULL", number: 2, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "NOP", number: 9, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "UNARY_POSITIVE", number: 10, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "UNARY_NEGATIVE", number: 11, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "UNARY_NOT", number: 12, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "UNARY_INVERT", number: 15, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "BINARY_SUBSCR", number: 25, arg: ArgKind::None, cache_entries: 4 },
    OpInfo { name: "GET_LEN", number: 30, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "MATCH_MAPPING", number: 31, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "MATCH_SEQUENCE", number: 32, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "MATCH_KEYS", number: 33, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "PUSH_EXC_INFO", number: 35, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "CHECK_EXC_MATCH", number: 36, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "CHECK_EG_MATCH", number: 37, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "WITH_EXCEPT_START", number: 49, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "GET_AITER", number: 50, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "GET_ANEXT", number: 51, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "BEFORE_ASYNC_WITH", number: 52, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "BEFORE_WITH", number: 53, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "END_ASYNC_FOR", number: 54, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "STORE_SUBSCR", number: 60, arg: ArgKind::None, cache_entries: 1 },
    OpInfo { name: "DELETE_SUBSCR", number: 61, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "GET_ITER", number: 68, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "GET_YIELD_FROM_ITER", number: 69, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "PRINT_EXPR", number: 70, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "LOAD_BUILD_CLASS", number: 71, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "LOAD_ASSERTION_ERROR", number: 74, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "RETURN_GENERATOR", number: 75, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "LIST_TO_TUPLE", number: 82, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "RETURN_VALUE", number: 83, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "IMPORT_STAR", number: 84, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "SETUP_ANNOTATIONS", number: 85, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "YIELD_VALUE", number: 86, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "ASYNC_GEN_WRAP", number: 87, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "PREP_RERAISE_STAR", number: 88, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "POP_EXCEPT", number: 89, arg: ArgKind::None, cache_entries: 0 },
    OpInfo { name: "STORE_NAME", number: 90, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "DELETE_NAME", number: 91, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "UNPACK_SEQUENCE", number: 92, arg: ArgKind::Number, cache_entries: 1 },
    OpInfo { name: "FOR_ITER", number: 93, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "UNPACK_EX", number: 94, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "STORE_ATTR", number: 95, arg: ArgKind::Name, cache_entries: 4 },
    OpInfo { name: "DELETE_ATTR", number: 96, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "STORE_GLOBAL", number: 97, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "DELETE_GLOBAL", number: 98, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "SWAP", number: 99, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "LOAD_CONST", number: 100, arg: ArgKind::Const, cache_entries: 0 },
    OpInfo { name: "LOAD_NAME", number: 101, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "BUILD_TUPLE", number: 102, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "BUILD_LIST", number: 103, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "BUILD_SET", number: 104, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "BUILD_MAP", number: 105, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "LOAD_ATTR", number: 106, arg: ArgKind::Name, cache_entries: 4 },
    OpInfo { name: "COMPARE_OP", number: 107, arg: ArgKind::Compare, cache_entries: 2 },
    OpInfo { name: "IMPORT_NAME", number: 108, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "IMPORT_FROM", number: 109, arg: ArgKind::Name, cache_entries: 0 },
    OpInfo { name: "JUMP_FORWARD", number: 110, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "JUMP_IF_FALSE_OR_POP", number: 111, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "JUMP_IF_TRUE_OR_POP", number: 112, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_FORWARD_IF_FALSE", number: 114, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_FORWARD_IF_TRUE", number: 115, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "LOAD_GLOBAL", number: 116, arg: ArgKind::Name, cache_entries: 5 },
    OpInfo { name: "IS_OP", number: 117, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "CONTAINS_OP", number: 118, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "RERAISE", number: 119, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "COPY", number: 120, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "BINARY_OP", number: 122, arg: ArgKind::Number, cache_entries: 1 },
    OpInfo { name: "SEND", number: 123, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "LOAD_FAST", number: 124, arg: ArgKind::Local, cache_entries: 0 },
    OpInfo { name: "STORE_FAST", number: 125, arg: ArgKind::Local, cache_entries: 0 },
    OpInfo { name: "DELETE_FAST", number: 126, arg: ArgKind::Local, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_FORWARD_IF_NOT_NONE", number: 128, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_FORWARD_IF_NONE", number: 129, arg: ArgKind::JumpForward, cache_entries: 0 },
    OpInfo { name: "RAISE_VARARGS", number: 130, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "GET_AWAITABLE", number: 131, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "MAKE_FUNCTION", number: 132, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "BUILD_SLICE", number: 133, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "JUMP_BACKWARD_NO_INTERRUPT", number: 134, arg: ArgKind::JumpBackward, cache_entries: 0 },
    OpInfo { name: "MAKE_CELL", number: 135, arg: ArgKind::Free, cache_entries: 0 },
    OpInfo { name: "LOAD_CLOSURE", number: 136, arg: ArgKind::Free, cache_entries: 0 },
    OpInfo { name: "LOAD_DEREF", number: 137, arg: ArgKind::Free, cache_entries: 0 },
    OpInfo { name: "STORE_DEREF", number: 138, arg: ArgKind::Free, cache_entries: 0 },
    OpInfo { name: "DELETE_DEREF", number: 139, arg: ArgKind::Free, cache_entries: 0 },
    OpInfo { name: "JUMP_BACKWARD", number: 140, arg: ArgKind::JumpBackward, cache_entries: 0 },
    OpInfo { name: "CALL_FUNCTION_EX", number: 142, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "EXTENDED_ARG", number: 144, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "LIST_APPEND", number: 145, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "SET_ADD", number: 146, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "MAP_ADD", number: 147, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "LOAD_CLASSDEREF", number: 148, arg: ArgKind::Free, cache_entries: 0 },
    OpInfo { name: "COPY_FREE_VARS", number: 149, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "RESUME", number: 151, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "MATCH_CLASS", number: 152, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "FORMAT_VALUE", number: 155, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "BUILD_CONST_KEY_MAP", number: 156, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "BUILD_STRING", number: 157, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "LOAD_METHOD", number: 160, arg: ArgKind::Name, cache_entries: 10 },
    OpInfo { name: "LIST_EXTEND", number: 162, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "SET_UPDATE", number: 163, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "DICT_MERGE", number: 164, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "DICT_UPDATE", number: 165, arg: ArgKind::Number, cache_entries: 0 },
    OpInfo { name: "PRECALL", number: 166, arg: ArgKind::Number, cache_entries: 1 },
    OpInfo { name: "CALL", number: 171, arg: ArgKind::Number, cache_entries: 4 },
    OpInfo { name: "KW_NAMES", number: 172, arg: ArgKind::Const, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_BACKWARD_IF_NOT_NONE", number: 173, arg: ArgKind::JumpBackward, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_BACKWARD_IF_NONE", number: 174, arg: ArgKind::JumpBackward, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_BACKWARD_IF_FALSE", number: 175, arg: ArgKind::JumpBackward, cache_entries: 0 },
    OpInfo { name: "POP_JUMP_BACKWARD_IF_TRUE", number: 176, arg: ArgKind::JumpBackward, cache_entries: 0 },
];

// ANCHOR: opcode_lookup
/// Marks a number that no row of [`OPCODES`] has.
const NO_OPCODE: u8 = u8::MAX;

/// For each of the 256 possible opcode bytes, the row of [`OPCODES`] that
/// describes it, built once at compile time so [`info`] is one array read instead of
/// a search: the eval loop and `dis` call it for every instruction.
static ROW_BY_NUMBER: [u8; 256] = build_row_by_number();

const fn build_row_by_number() -> [u8; 256] {
    let mut rows = [NO_OPCODE; 256];
    let mut row = 0;
    while row < OPCODES.len() {
        rows[OPCODES[row].number as usize] = row as u8;
        row += 1;
    }
    rows
}

/// Looks an opcode up by number; `None` for numbers 3.11 does not define (including the
/// specialized instructions, which exist only in memory and never in a `.pyc`: see
/// [`specialized`]).
pub fn info(number: u8) -> Option<&'static OpInfo> {
    let row = ROW_BY_NUMBER.get(usize::from(number))?;
    OPCODES.get(usize::from(*row))
}
// ANCHOR_END: opcode_lookup

// ANCHOR: specialized
/// A specialized ("quickened") instruction of 3.11's adaptive interpreter
/// (PEP 659): CPython rewrites `LOAD_ATTR` into `LOAD_ATTR_SLOT` and so on in memory,
/// in the free opcode numbers. They never appear in a `.pyc`, but a damaged file can
/// hold their numbers, and `dis` then prints their names
/// (`Lib/dis.py: _all_opname`, `_deoptop`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Specialized {
    pub name: &'static str,
    pub number: u8,
    /// The generic opcode it specializes (`dis.deoptmap`).
    pub base: u8,
}

/// `opcode._specialized_instructions`, numbered as `dis` numbers them: the
/// unused opcode numbers, in order.
#[rustfmt::skip]
pub const SPECIALIZED: [Specialized; 71] = [
    Specialized { name: "BINARY_OP_ADAPTIVE", number: 3, base: BINARY_OP },
    Specialized { name: "BINARY_OP_ADD_FLOAT", number: 4, base: BINARY_OP },
    Specialized { name: "BINARY_OP_ADD_INT", number: 5, base: BINARY_OP },
    Specialized { name: "BINARY_OP_ADD_UNICODE", number: 6, base: BINARY_OP },
    Specialized { name: "BINARY_OP_INPLACE_ADD_UNICODE", number: 7, base: BINARY_OP },
    Specialized { name: "BINARY_OP_MULTIPLY_FLOAT", number: 8, base: BINARY_OP },
    Specialized { name: "BINARY_OP_MULTIPLY_INT", number: 13, base: BINARY_OP },
    Specialized { name: "BINARY_OP_SUBTRACT_FLOAT", number: 14, base: BINARY_OP },
    Specialized { name: "BINARY_OP_SUBTRACT_INT", number: 16, base: BINARY_OP },
    Specialized { name: "BINARY_SUBSCR_ADAPTIVE", number: 17, base: BINARY_SUBSCR },
    Specialized { name: "BINARY_SUBSCR_DICT", number: 18, base: BINARY_SUBSCR },
    Specialized { name: "BINARY_SUBSCR_GETITEM", number: 19, base: BINARY_SUBSCR },
    Specialized { name: "BINARY_SUBSCR_LIST_INT", number: 20, base: BINARY_SUBSCR },
    Specialized { name: "BINARY_SUBSCR_TUPLE_INT", number: 21, base: BINARY_SUBSCR },
    Specialized { name: "CALL_ADAPTIVE", number: 22, base: CALL },
    Specialized { name: "CALL_PY_EXACT_ARGS", number: 23, base: CALL },
    Specialized { name: "CALL_PY_WITH_DEFAULTS", number: 24, base: CALL },
    Specialized { name: "COMPARE_OP_ADAPTIVE", number: 26, base: COMPARE_OP },
    Specialized { name: "COMPARE_OP_FLOAT_JUMP", number: 27, base: COMPARE_OP },
    Specialized { name: "COMPARE_OP_INT_JUMP", number: 28, base: COMPARE_OP },
    Specialized { name: "COMPARE_OP_STR_JUMP", number: 29, base: COMPARE_OP },
    Specialized { name: "EXTENDED_ARG_QUICK", number: 34, base: EXTENDED_ARG },
    Specialized { name: "JUMP_BACKWARD_QUICK", number: 38, base: JUMP_BACKWARD },
    Specialized { name: "LOAD_ATTR_ADAPTIVE", number: 39, base: LOAD_ATTR },
    Specialized { name: "LOAD_ATTR_INSTANCE_VALUE", number: 40, base: LOAD_ATTR },
    Specialized { name: "LOAD_ATTR_MODULE", number: 41, base: LOAD_ATTR },
    Specialized { name: "LOAD_ATTR_SLOT", number: 42, base: LOAD_ATTR },
    Specialized { name: "LOAD_ATTR_WITH_HINT", number: 43, base: LOAD_ATTR },
    Specialized { name: "LOAD_CONST__LOAD_FAST", number: 44, base: LOAD_CONST },
    Specialized { name: "LOAD_FAST__LOAD_CONST", number: 45, base: LOAD_FAST },
    Specialized { name: "LOAD_FAST__LOAD_FAST", number: 46, base: LOAD_FAST },
    Specialized { name: "LOAD_GLOBAL_ADAPTIVE", number: 47, base: LOAD_GLOBAL },
    Specialized { name: "LOAD_GLOBAL_BUILTIN", number: 48, base: LOAD_GLOBAL },
    Specialized { name: "LOAD_GLOBAL_MODULE", number: 55, base: LOAD_GLOBAL },
    Specialized { name: "LOAD_METHOD_ADAPTIVE", number: 56, base: LOAD_METHOD },
    Specialized { name: "LOAD_METHOD_CLASS", number: 57, base: LOAD_METHOD },
    Specialized { name: "LOAD_METHOD_MODULE", number: 58, base: LOAD_METHOD },
    Specialized { name: "LOAD_METHOD_NO_DICT", number: 59, base: LOAD_METHOD },
    Specialized { name: "LOAD_METHOD_WITH_DICT", number: 62, base: LOAD_METHOD },
    Specialized { name: "LOAD_METHOD_WITH_VALUES", number: 63, base: LOAD_METHOD },
    Specialized { name: "PRECALL_ADAPTIVE", number: 64, base: PRECALL },
    Specialized { name: "PRECALL_BOUND_METHOD", number: 65, base: PRECALL },
    Specialized { name: "PRECALL_BUILTIN_CLASS", number: 66, base: PRECALL },
    Specialized { name: "PRECALL_BUILTIN_FAST_WITH_KEYWORDS", number: 67, base: PRECALL },
    Specialized { name: "PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS", number: 72, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_BUILTIN_FAST", number: 73, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_BUILTIN_O", number: 76, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_ISINSTANCE", number: 77, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_LEN", number: 78, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_LIST_APPEND", number: 79, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST", number: 80, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS", number: 81, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_METHOD_DESCRIPTOR_O", number: 113, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_STR_1", number: 121, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_TUPLE_1", number: 127, base: PRECALL },
    Specialized { name: "PRECALL_NO_KW_TYPE_1", number: 141, base: PRECALL },
    Specialized { name: "PRECALL_PYFUNC", number: 143, base: PRECALL },
    Specialized { name: "RESUME_QUICK", number: 150, base: RESUME },
    Specialized { name: "STORE_ATTR_ADAPTIVE", number: 153, base: STORE_ATTR },
    Specialized { name: "STORE_ATTR_INSTANCE_VALUE", number: 154, base: STORE_ATTR },
    Specialized { name: "STORE_ATTR_SLOT", number: 158, base: STORE_ATTR },
    Specialized { name: "STORE_ATTR_WITH_HINT", number: 159, base: STORE_ATTR },
    Specialized { name: "STORE_FAST__LOAD_FAST", number: 161, base: STORE_FAST },
    Specialized { name: "STORE_FAST__STORE_FAST", number: 167, base: STORE_FAST },
    Specialized { name: "STORE_SUBSCR_ADAPTIVE", number: 168, base: STORE_SUBSCR },
    Specialized { name: "STORE_SUBSCR_DICT", number: 169, base: STORE_SUBSCR },
    Specialized { name: "STORE_SUBSCR_LIST_INT", number: 170, base: STORE_SUBSCR },
    Specialized { name: "UNPACK_SEQUENCE_ADAPTIVE", number: 177, base: UNPACK_SEQUENCE },
    Specialized { name: "UNPACK_SEQUENCE_LIST", number: 178, base: UNPACK_SEQUENCE },
    Specialized { name: "UNPACK_SEQUENCE_TUPLE", number: 179, base: UNPACK_SEQUENCE },
    Specialized { name: "UNPACK_SEQUENCE_TWO_TUPLE", number: 180, base: UNPACK_SEQUENCE },
];

/// The specialized instruction `number` stands for, if any.
pub fn specialized(number: u8) -> Option<&'static Specialized> {
    SPECIALIZED.iter().find(|spec| spec.number == number)
}

/// `dis._deoptop`: the generic opcode behind a specialized one, else `number` itself.
pub fn deopt(number: u8) -> u8 {
    specialized(number).map_or(number, |spec| spec.base)
}
// ANCHOR_END: specialized

// ANCHOR: binary_operator
/// `BINARY_OP`'s argument (`Include/opcode.h: NB_*`, `opcode._nb_ops`): the
/// operators in alphabetical order, then the same thirteen in-place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOperator {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
}

const BINARY_OPERATORS: [BinaryOperator; 13] = [
    BinaryOperator::Add,
    BinaryOperator::And,
    BinaryOperator::FloorDivide,
    BinaryOperator::Lshift,
    BinaryOperator::MatrixMultiply,
    BinaryOperator::Multiply,
    BinaryOperator::Remainder,
    BinaryOperator::Or,
    BinaryOperator::Power,
    BinaryOperator::Rshift,
    BinaryOperator::Subtract,
    BinaryOperator::TrueDivide,
    BinaryOperator::Xor,
];

/// Decodes `BINARY_OP`'s argument: the operator and whether it is the in-place
/// form (`+=`). `None` for an argument above 25.
pub fn decode_binary_op(arg: u32) -> Option<(BinaryOperator, bool)> {
    let index = usize::try_from(arg).ok()?;
    match BINARY_OPERATORS.get(index) {
        Some(op) => Some((*op, false)),
        None => BINARY_OPERATORS
            .get(index.checked_sub(BINARY_OPERATORS.len())?)
            .map(|op| (*op, true)),
    }
}

impl BinaryOperator {
    /// The operator as Python source writes it (`+`), as messages and `dis` show it.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOperator::Add => "+",
            BinaryOperator::And => "&",
            BinaryOperator::FloorDivide => "//",
            BinaryOperator::Lshift => "<<",
            BinaryOperator::MatrixMultiply => "@",
            BinaryOperator::Multiply => "*",
            BinaryOperator::Remainder => "%",
            BinaryOperator::Or => "|",
            BinaryOperator::Power => "**",
            BinaryOperator::Rshift => ">>",
            BinaryOperator::Subtract => "-",
            BinaryOperator::TrueDivide => "/",
            BinaryOperator::Xor => "^",
        }
    }
}
// ANCHOR_END: binary_operator
