//! Which characters of the underlined segment get the secondary mark: the
//! operator of a binary operation (`~~~^~~~`) or the brackets of a subscript
//! (`~~^^^^^`).
//!
//! CPython 3.11 (`Python/traceback.c: extract_anchors_from_line`) hands the
//! segment to its own parser and looks at the tree: anchors exist only if the
//! segment is one expression statement whose expression is a `BinOp` or a
//! `Subscript` (`extract_anchors_from_stmt`, `extract_anchors_from_expr`).
//! We have no parser at run time, so this file holds a small one: a
//! tokenizer ([`tokenize`]) and a recursive-descent parser ([`Parser`]) for
//! Python's expression grammar (`Grammar/python.gram`, from
//! `star_expressions` down to `atom`). It answers three questions: does the
//! segment parse as a single expression statement, is its top node a `BinOp`
//! or a `Subscript`, and what column offsets does CPython's AST give the
//! operands. When the segment is not valid Python it answers "no anchors",
//! as CPython does.
//!
//! What it does not check, because a segment cut from a program that
//! compiled is always right about them: the inside of f-strings, escape
//! sequences, bytes literals being ASCII, the order of lambda parameters.
//! Constant folding (`_PyAST_Optimize`) is not done either: it only turns
//! into a constant an operation that cannot fail, and a traceback shows one
//! that failed. Outside strings and comments every non-ASCII character is
//! taken for part of a name, which holds for any source that compiled. And
//! we give up past 200 levels of nesting (brackets, unary operators, `not`,
//! `lambda`, `if`-`else`), which keeps the stack small: CPython's tokenizer
//! stops at 200 brackets too, though its parser goes deeper for the rest.

/// The columns (byte offsets into the segment) of the secondary range
/// `left..right` and the characters to draw with (`primary_error_char`,
/// `secondary_error_char`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchors {
    pub left: usize,
    pub right: usize,
    pub primary: char,
    pub secondary: char,
}

impl Anchors {
    /// The usual marks: `~` for the primary range, `^` for the secondary.
    fn new(left: usize, right: usize) -> Anchors {
        Anchors {
            left,
            right,
            primary: '~',
            secondary: '^',
        }
    }
}

/// `IS_WHITESPACE` of `traceback.c`: what may separate an operator from
/// its operands on one line.
fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\x0c')
}

// ANCHOR: anchors
/// `extract_anchors_from_line` once the segment is cut out: parse it and
/// look at its single expression statement.
pub(crate) fn extract_anchors(segment: &str) -> Option<Anchors> {
    let tokens = tokenize(segment)?;
    let statement = Parser::new(&tokens).expression_statement()?;
    let bytes = segment.as_bytes();
    match statement.kind {
        Kind::BinOp { left, right } => binop_anchors(bytes, left.end, right.start),
        Kind::Subscript { value, slice } => subscript_anchors(bytes, value.end, slice.end),
        Kind::Other => None,
    }
}

/// `extract_anchors_from_expr`, `case BinOp_kind`: the first character
/// after the left operand that is not blank is the operator, and so is the
/// next one if it is not blank either (`//`, `**`; also `-(` in `a-(b)`,
/// a quirk kept as it is). A `)` closing the left operand is stepped over.
fn binop_anchors(segment: &[u8], left_end: usize, right_start: usize) -> Option<Anchors> {
    let byte = |i: usize| segment.get(i).copied().unwrap_or(b' ');
    let mut found = None;
    for i in left_end..right_start {
        if is_whitespace(byte(i)) {
            continue;
        }
        let two_chars = i + 1 < right_start && !is_whitespace(byte(i + 1));
        let right = if two_chars { i + 2 } else { i + 1 };
        found = Some((i, right));
        if i + 1 < right_start && byte(i) == b')' {
            continue;
        }
        return Some(Anchors::new(i, right));
    }
    // The loop ran out without `break`: C keeps the anchors it set last but
    // never changed the characters from `^`.
    found.map(|(left, right)| Anchors {
        primary: '^',
        ..Anchors::new(left, right)
    })
}
// ANCHOR_END: anchors

// ANCHOR: subscript_anchors
/// `extract_anchors_from_expr`, `case Subscript_kind`: from the `[` after
/// the value to just past the `]` after the slice.
fn subscript_anchors(segment: &[u8], value_end: usize, slice_end: usize) -> Option<Anchors> {
    let len = segment.len();
    let mut left = value_end;
    while left < len && segment.get(left) != Some(&b'[') {
        left += 1;
    }
    let mut right = slice_end + 1;
    while right < len && segment.get(right) != Some(&b']') {
        right += 1;
    }
    if right < len {
        right += 1;
    }
    Some(Anchors::new(left, right))
}
// ANCHOR_END: subscript_anchors

// ---------------------------------------------------------------------------
// Tokens (`Parser/tokenizer.c`, for one line)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    Name,
    Number,
    /// A `str` literal (f-strings included).
    String,
    /// A `bytes` literal, which cannot be concatenated with a `str` one.
    Bytes,
    /// An operator or a delimiter.
    Op,
}

/// A token and where it is: byte offsets into the segment, as CPython's AST
/// columns are.
#[derive(Debug, Clone, Copy)]
struct Token<'s> {
    kind: TokenKind,
    text: &'s str,
    start: usize,
    end: usize,
}

/// The operators and delimiters of Python 3.11, longest first so that the
/// first match is the longest one.
const OPERATORS: [&str; 47] = [
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=",
];

/// `MAXLEVEL` of the tokenizer: more nested brackets are "too many nested
/// parentheses". It also bounds how deep [`Parser`] recurses.
const MAX_DEPTH: usize = 200;

/// Splits `segment` into tokens, or `None` where CPython's tokenizer would
/// fail: an unknown character, an unterminated string, unbalanced or too
/// deeply nested brackets, a backslash (a continuation line cannot be inside
/// one line), an indented start (`IndentationError`).
fn tokenize(segment: &str) -> Option<Vec<Token<'_>>> {
    if starts_indented(segment) {
        return None;
    }
    let bytes = segment.as_bytes();
    let mut tokens = Vec::new();
    let mut open_brackets = Vec::new();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if is_whitespace(byte) {
            i += 1;
            continue;
        }
        if byte == b'#' {
            break;
        }
        let (kind, end) = scan_token(segment, i)?;
        let text = segment.get(i..end)?;
        if kind == TokenKind::Op && !balance_brackets(&mut open_brackets, text) {
            return None;
        }
        tokens.push(Token {
            kind,
            text,
            start: i,
            end,
        });
        i = end;
    }
    open_brackets.is_empty().then_some(tokens)
}

/// Leading blanks are an indentation, which one statement alone may not
/// have; a form feed resets the count as in `tok_get`.
fn starts_indented(segment: &str) -> bool {
    let blanks = segment.bytes().take_while(|&byte| is_whitespace(byte));
    blanks.fold(0, |count, byte| if byte == b'\x0c' { 0 } else { count + 1 }) > 0
}

/// Keeps the stack of open brackets; `false` for a closing bracket that
/// does not match the last one opened, or an opening one too many.
fn balance_brackets<'s>(open: &mut Vec<&'s str>, op: &'s str) -> bool {
    match op {
        "(" | "[" | "{" => {
            open.push(op);
            open.len() <= MAX_DEPTH
        }
        ")" => open.pop() == Some("("),
        "]" => open.pop() == Some("["),
        "}" => open.pop() == Some("{"),
        _ => true,
    }
}

/// The token that starts at byte `i`: its kind and where it ends.
fn scan_token(segment: &str, i: usize) -> Option<(TokenKind, usize)> {
    let bytes = segment.as_bytes();
    let byte = *bytes.get(i)?;
    let next_is_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    if byte.is_ascii_digit() || (byte == b'.' && next_is_digit) {
        return Some((TokenKind::Number, scan_number(bytes, i)?));
    }
    if byte == b'\'' || byte == b'"' {
        return Some((TokenKind::String, scan_string(bytes, i)?));
    }
    if is_name_start(byte) {
        let end = scan_name(bytes, i);
        let prefix = segment.get(i..end)?;
        if matches!(bytes.get(end), Some(b'\'' | b'"')) && is_string_prefix(prefix) {
            let kind = if prefix.contains(['b', 'B']) {
                TokenKind::Bytes
            } else {
                TokenKind::String
            };
            return Some((kind, scan_string(bytes, end)?));
        }
        return Some((TokenKind::Name, end));
    }
    let rest = segment.get(i..)?;
    let op = OPERATORS.iter().find(|op| rest.starts_with(**op))?;
    Some((TokenKind::Op, i + op.len()))
}

/// A name starts with a letter, `_`, or any non-ASCII character (see the
/// module comment).
fn is_name_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || !byte.is_ascii()
}

fn scan_name(bytes: &[u8], start: usize) -> usize {
    let is_name_byte = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|&b| is_name_start(b) || b.is_ascii_digit())
    };
    (start..).find(|&i| !is_name_byte(i)).unwrap_or(start)
}

/// `r`, `u`, `b`, `br`, `rb`, `f`, `fr`, `rf`, in any case.
fn is_string_prefix(prefix: &str) -> bool {
    let lower = prefix.to_ascii_lowercase();
    ["r", "u", "b", "br", "rb", "f", "fr", "rf"].contains(&lower.as_str())
}

/// The end of the string literal whose quote is at `quote`, single or
/// triple; a backslash escapes the next character (in raw strings too, for
/// the tokenizer). `None` if it is not closed on this line.
fn scan_string(bytes: &[u8], quote: usize) -> Option<usize> {
    let q = *bytes.get(quote)?;
    let triple = bytes.get(quote..quote + 3) == Some(&[q, q, q][..]);
    let closing: &[u8] = if triple { &[q, q, q] } else { &[q] };
    let mut i = quote + closing.len();
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            _ if bytes.get(i..i + closing.len()) == Some(closing) => {
                return Some(i + closing.len())
            }
            _ => i += 1,
        }
    }
}

/// The end of the number at `start` (the number branch of `tok_get`):
/// `0x1F`, `0o7`, `0b1`, `1_000`, `1.5`, `.5`, `1.`, `1e-3`, `2j`; `None`
/// for what the tokenizer rejects: a misplaced `_`, a leading zero (`01`),
/// a name or digit right after the number.
fn scan_number(bytes: &[u8], start: usize) -> Option<usize> {
    let at = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
    let radix = match (at(start), at(start + 1)) {
        (b'0', b'x') => 16,
        (b'0', b'o') => 8,
        (b'0', b'b') => 2,
        _ => 10,
    };
    let end = if radix == 10 {
        decimal_number(bytes, start)?
    } else {
        digit_run(bytes, start + 2 + usize::from(at(start + 2) == b'_'), radix)?
    };
    verify_end_of_number(bytes.get(end..).unwrap_or_default()).then_some(end)
}

/// A decimal integer, float or imaginary number.
fn decimal_number(bytes: &[u8], start: usize) -> Option<usize> {
    let at = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
    let mut i = if at(start) == b'.' {
        start
    } else {
        digit_run(bytes, start, 10)?
    };
    let integer = bytes.get(start..i).unwrap_or_default();
    let mut is_float = false;
    if at(i) == b'.' {
        is_float = true;
        i += 1;
        if at(i).is_ascii_digit() {
            i = digit_run(bytes, i, 10)?;
        }
    }
    let sign = usize::from(matches!(at(i + 1), b'+' | b'-'));
    if at(i) == b'e' && at(i + 1 + sign).is_ascii_digit() {
        is_float = true;
        i = digit_run(bytes, i + 1 + sign, 10)?;
    }
    if at(i) == b'j' {
        return Some(i + 1);
    }
    // "leading zeros in decimal integer literals are not permitted"
    let leading_zero =
        integer.first() == Some(&b'0') && integer.iter().any(|b| (b'1'..=b'9').contains(b));
    (is_float || !leading_zero).then_some(i)
}

/// Digits of `radix` from `i`, with single underscores between them
/// (`tok_decimal_tail`); `None` if there is no digit where one must be.
fn digit_run(bytes: &[u8], mut i: usize, radix: u32) -> Option<usize> {
    let is_digit = |i: usize| bytes.get(i).is_some_and(|&b| char::from(b).is_digit(radix));
    loop {
        if !is_digit(i) {
            return None;
        }
        while is_digit(i) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'_') {
            return Some(i);
        }
        i += 1;
    }
}

/// `verify_end_of_number`: a number may be followed by a keyword that can
/// come after it in valid code (`1if x else y`, only deprecated in 3.11),
/// not by another name or digit.
fn verify_end_of_number(rest: &[u8]) -> bool {
    const ALLOWED: [&[u8]; 8] = [b"and", b"else", b"for", b"if", b"in", b"is", b"not", b"or"];
    let followed_by_name = rest
        .first()
        .is_some_and(|&b| is_name_start(b) || b.is_ascii_digit());
    !followed_by_name || ALLOWED.iter().any(|keyword| rest.starts_with(keyword))
}

// ---------------------------------------------------------------------------
// Expressions (`Grammar/python.gram`, `star_expressions` down to `atom`)
// ---------------------------------------------------------------------------

/// Byte offsets `start..end` into the segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// The two node kinds anchors are made for, with the AST spans of their
/// parts; every other node is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    BinOp { left: Span, right: Span },
    Subscript { value: Span, slice: Span },
    Other,
}

/// An expression as parsed. `tokens` runs from its first token to its
/// last; `ast` is the `col_offset..end_col_offset` CPython's AST gives it.
/// They differ for a parenthesized expression only: the parser's `group`
/// rule returns the inner node, so `(a + b)` has the offsets of `a + b`,
/// while a node built around it (`(a) * b`) starts at the `(`.
#[derive(Debug, Clone, Copy)]
struct Expr {
    tokens: Span,
    ast: Span,
    kind: Kind,
}

impl Expr {
    /// A node from byte `start` to `end` that is neither `BinOp` nor
    /// `Subscript`.
    fn other(start: usize, end: usize) -> Expr {
        let tokens = Span::new(start, end);
        Expr {
            tokens,
            ast: tokens,
            kind: Kind::Other,
        }
    }

    /// The node spanning `first`'s tokens to `last`'s.
    fn spanning(first: &Expr, last: &Expr, kind: Kind) -> Expr {
        let tokens = Span::new(first.tokens.start, last.tokens.end);
        Expr {
            tokens,
            ast: tokens,
            kind,
        }
    }

    /// A `BinOp` node: it spans its operands' tokens and remembers their
    /// AST spans.
    fn binop(left: &Expr, right: &Expr) -> Expr {
        Expr::spanning(
            left,
            right,
            Kind::BinOp {
                left: left.ast,
                right: right.ast,
            },
        )
    }
}

/// Python's hard keywords (3.11): never a name.
const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// A name token that is not a keyword (soft keywords such as `match` are
/// names).
fn is_name(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Name && !KEYWORDS.contains(&token.text)
}

/// The binary operators by priority, lowest first (`bitwise_or` down to
/// `term`); `**` binds tighter still and to the right (`power`).
const BINARY_LEVELS: [&[&str]; 6] = [
    &["|"],
    &["^"],
    &["&"],
    &["<<", ">>"],
    &["+", "-"],
    &["*", "/", "//", "%", "@"],
];

/// A recursive-descent parser over the tokens of one segment, or of the
/// inside of a pair of brackets. Each method is named after the grammar
/// rule it parses and returns `None` for a syntax error. Nothing is parsed
/// twice: the time is at worst the length times the depth of nesting.
struct Parser<'t> {
    tokens: &'t [Token<'t>],
    pos: usize,
    /// How deep the rules recurse: brackets, unary operators, `not`,
    /// `lambda` and `if`-`else` nest; past [`MAX_DEPTH`] we give up.
    depth: usize,
}

impl<'t> Parser<'t> {
    fn new(tokens: &'t [Token<'t>]) -> Parser<'t> {
        Parser {
            tokens,
            pos: 0,
            depth: 0,
        }
    }

    /// Runs `rule` over the tokens inside a pair of brackets, which it must
    /// consume to the end.
    fn parse_inside<T>(
        &self,
        inside: &'t [Token<'t>],
        rule: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        let mut parser = Parser {
            tokens: inside,
            pos: 0,
            depth: self.depth + 1,
        };
        if parser.depth > MAX_DEPTH {
            return None;
        }
        rule(&mut parser).filter(|_| parser.at_end())
    }

    /// Runs `rule` one level deeper, or fails past [`MAX_DEPTH`].
    fn nested<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let result = rule(self);
        self.depth -= 1;
        result
    }

    fn peek(&self) -> Option<&'t Token<'t>> {
        self.tokens.get(self.pos)
    }

    /// The next token is the operator or keyword `text`.
    fn at(&self, text: &str) -> bool {
        self.peek().is_some_and(|token| token.text == text)
    }

    /// The token after the next one is `text`.
    fn second_is(&self, text: &str) -> bool {
        self.tokens
            .get(self.pos + 1)
            .is_some_and(|token| token.text == text)
    }

    fn eat(&mut self, text: &str) -> bool {
        let found = self.at(text);
        self.pos += usize::from(found);
        found
    }

    fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    /// Where the next token starts (for the start of a node).
    fn start(&self) -> Option<usize> {
        self.peek().map(|token| token.start)
    }

    /// Where the previous token ended (for the end of a node).
    fn last_end(&self) -> usize {
        let last = self.pos.checked_sub(1).and_then(|i| self.tokens.get(i));
        last.map_or(0, |token| token.end)
    }

    // ANCHOR: statement
    /// `file_input` with a single `expression_statement`: the expression,
    /// then at most a `;`, then nothing. An assignment, an annotation, a
    /// keyword statement or two statements are `None`.
    fn expression_statement(mut self) -> Option<Expr> {
        let expr = self.star_expressions()?;
        self.eat(";");
        self.at_end().then_some(expr)
    }

    /// `star_expressions`: one expression, or a tuple without brackets.
    fn star_expressions(&mut self) -> Option<Expr> {
        let first = self.star_expression()?;
        if !self.at(",") {
            return Some(first);
        }
        while self.eat(",") && self.starts_expression() {
            self.star_expression()?;
        }
        Some(Expr::other(first.tokens.start, self.last_end()))
    }

    // ANCHOR_END: statement

    // ANCHOR: expression
    /// `star_expression`: `*a` or an expression.
    fn star_expression(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.eat("*") {
            self.binary(0)?;
            return Some(Expr::other(start, self.last_end()));
        }
        self.expression()
    }

    /// `expression`: a lambda, a conditional expression or a disjunction.
    fn expression(&mut self) -> Option<Expr> {
        if self.at("lambda") {
            return self.lambdef();
        }
        let body = self.disjunction()?;
        if !self.eat("if") {
            return Some(body);
        }
        self.disjunction()?;
        self.eat("else").then_some(())?;
        let orelse = self.nested(Parser::expression)?;
        Some(Expr::spanning(&body, &orelse, Kind::Other))
    }
    // ANCHOR_END: expression

    /// `named_expression`: `name := value`, or an expression.
    fn named_expression(&mut self) -> Option<Expr> {
        if !self.at_walrus() {
            return self.expression();
        }
        let start = self.start()?;
        self.pos += 2;
        self.expression()?;
        Some(Expr::other(start, self.last_end()))
    }

    fn at_walrus(&self) -> bool {
        self.peek().is_some_and(is_name) && self.second_is(":=")
    }

    /// `lambdef`: `lambda`, parameters, `:`, body.
    fn lambdef(&mut self) -> Option<Expr> {
        let start = self.start()?;
        self.pos += 1;
        self.lambda_parameters()?;
        self.nested(Parser::expression)?;
        Some(Expr::other(start, self.last_end()))
    }

    /// `lambda_params` and the `:` after them: `a`, `a=default`, `*`, `*a`,
    /// `**a`, `/`, comma-separated.
    fn lambda_parameters(&mut self) -> Option<()> {
        while !self.eat(":") {
            if self.eat("**") {
                self.name()?;
            } else if self.eat("*") {
                self.pos += usize::from(self.peek().is_some_and(is_name));
            } else if !self.eat("/") {
                self.name()?;
                if self.eat("=") {
                    self.nested(Parser::expression)?;
                }
            }
            if !self.eat(",") {
                return self.eat(":").then_some(());
            }
        }
        Some(())
    }

    /// A name that is not a keyword.
    fn name(&mut self) -> Option<()> {
        self.peek().filter(|token| is_name(token))?;
        self.pos += 1;
        Some(())
    }

    /// `disjunction` and `conjunction`: `a or b`, `a and b`.
    fn disjunction(&mut self) -> Option<Expr> {
        self.boolean_operation("or", Parser::conjunction)
    }

    fn conjunction(&mut self) -> Option<Expr> {
        self.boolean_operation("and", Parser::inversion)
    }

    fn boolean_operation(
        &mut self,
        op: &str,
        operand: fn(&mut Self) -> Option<Expr>,
    ) -> Option<Expr> {
        let first = operand(self)?;
        let mut last = None;
        while self.eat(op) {
            last = Some(operand(self)?);
        }
        Some(last.map_or(first, |last| Expr::spanning(&first, &last, Kind::Other)))
    }

    /// `inversion`: `not a` or a comparison.
    fn inversion(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.eat("not") {
            self.nested(Parser::inversion)?;
            return Some(Expr::other(start, self.last_end()));
        }
        self.comparison()
    }

    /// `comparison`: `a < b`, `a not in b`, `a is not b`, chained.
    fn comparison(&mut self) -> Option<Expr> {
        let first = self.binary(0)?;
        let mut last = None;
        while self.eat_comparison_operator() {
            last = Some(self.binary(0)?);
        }
        Some(last.map_or(first, |last| Expr::spanning(&first, &last, Kind::Other)))
    }

    fn eat_comparison_operator(&mut self) -> bool {
        const SIMPLE: [&str; 7] = ["==", "!=", "<", "<=", ">", ">=", "in"];
        if SIMPLE.iter().any(|op| self.eat(op)) {
            return true;
        }
        if self.eat("is") {
            self.eat("not");
            return true;
        }
        let not_in = self.at("not") && self.second_is("in");
        self.pos += 2 * usize::from(not_in);
        not_in
    }

    // ANCHOR: binary
    /// `bitwise_or` down to `term`, by precedence climbing: operands joined
    /// by the left-associative binary operators of `BINARY_LEVELS[level]`
    /// and tighter, each making a `BinOp`. An operator binds its right
    /// operand up to the next operator of its own level or lower.
    fn binary(&mut self, level: usize) -> Option<Expr> {
        let mut left = self.factor()?;
        while let Some(op_level) = self.binary_operator().filter(|&op_level| op_level >= level) {
            self.pos += 1;
            let right = self.binary(op_level + 1)?;
            left = Expr::binop(&left, &right);
        }
        Some(left)
    }

    /// The level in `BINARY_LEVELS` of the next token, if it is a binary
    /// operator.
    fn binary_operator(&self) -> Option<usize> {
        let token = self.peek().filter(|token| token.kind == TokenKind::Op)?;
        BINARY_LEVELS
            .iter()
            .position(|ops| ops.contains(&token.text))
    }

    // ANCHOR_END: binary

    // ANCHOR: power
    /// `factor`: `-a`, `+a`, `~a` (a `UnaryOp`), or a power.
    fn factor(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.eat("-") || self.eat("+") || self.eat("~") {
            self.nested(Parser::factor)?;
            return Some(Expr::other(start, self.last_end()));
        }
        self.power()
    }

    /// `power`: `a ** b`, whose right operand is a `factor`, so `**` is
    /// right-associative and `-a ** b` is `-(a ** b)`.
    fn power(&mut self) -> Option<Expr> {
        let base = self.await_primary()?;
        if !self.eat("**") {
            return Some(base);
        }
        let exponent = self.nested(Parser::factor)?;
        Some(Expr::binop(&base, &exponent))
    }
    // ANCHOR_END: power

    /// `await_primary`: `await a` or a primary.
    fn await_primary(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.eat("await") {
            self.primary()?;
            return Some(Expr::other(start, self.last_end()));
        }
        self.primary()
    }

    // ANCHOR: primary
    /// `primary`: an atom followed by any number of `.name`, `(arguments)`
    /// and `[slices]`; only the last makes a `Subscript`.
    fn primary(&mut self) -> Option<Expr> {
        let mut expr = self.atom()?;
        loop {
            let start = expr.tokens.start;
            if self.eat(".") {
                self.name()?;
                expr = Expr::other(start, self.last_end());
            } else if self.at("(") {
                let (_, inside) = self.bracketed()?;
                self.parse_inside(inside, Parser::arguments)?;
                expr = Expr::other(start, self.last_end());
            } else if self.at("[") {
                let (_, inside) = self.bracketed()?;
                let slice = self.parse_inside(inside, Parser::slices)?;
                let kind = Kind::Subscript {
                    value: expr.ast,
                    slice,
                };
                expr = Expr {
                    kind,
                    ..Expr::other(start, self.last_end())
                };
            } else {
                return Some(expr);
            }
        }
    }
    // ANCHOR_END: primary

    /// `atom`: a name, a number, adjacent strings, `...`, or a bracketed
    /// display.
    fn atom(&mut self) -> Option<Expr> {
        let token = self.peek()?;
        let keyword_atom = ["True", "False", "None", "..."].contains(&token.text);
        match token.kind {
            _ if is_name(token) || keyword_atom => {}
            TokenKind::Number => {}
            TokenKind::String | TokenKind::Bytes => return self.strings(),
            TokenKind::Op if token.text == "(" => return self.parenthesized(),
            TokenKind::Op if token.text == "[" || token.text == "{" => {
                let (span, inside) = self.bracketed()?;
                let rule = if token.text == "[" {
                    Parser::list
                } else {
                    Parser::dict_or_set
                };
                self.parse_inside(inside, rule)?;
                return Some(Expr::other(span.start, span.end));
            }
            _ => return None,
        }
        self.pos += 1;
        Some(Expr::other(token.start, token.end))
    }

    /// `strings`: adjacent literals make one constant, if they do not mix
    /// bytes and str.
    fn strings(&mut self) -> Option<Expr> {
        let first = self.peek()?;
        while let Some(token) = self
            .peek()
            .filter(|t| matches!(t.kind, TokenKind::String | TokenKind::Bytes))
        {
            if token.kind != first.kind {
                return None;
            }
            self.pos += 1;
        }
        Some(Expr::other(first.start, self.last_end()))
    }

    // ANCHOR: parenthesized
    /// `tuple | group | genexp`: a `group` (one expression, or a yield, in
    /// parentheses) is the inner expression itself, with its offsets; a
    /// tuple or a generator expression spans the parentheses.
    fn parenthesized(&mut self) -> Option<Expr> {
        let (tokens, inside) = self.bracketed()?;
        let whole = Expr::other(tokens.start, tokens.end);
        if inside.is_empty() {
            return Some(whole);
        }
        let group = self.parse_inside(inside, Parser::group_or_sequence)?;
        Some(group.map_or(whole, |inner| Expr { tokens, ..inner }))
    }

    /// The inside of parentheses: `Some` expression for a group, `None` for
    /// a tuple or a generator expression.
    fn group_or_sequence(&mut self) -> Option<Option<Expr>> {
        if self.at("yield") {
            return self.yield_expr().map(Some);
        }
        let starred = self.at("*");
        let first = self.star_named_expression()?;
        if self.at_end() && !starred {
            return Some(Some(first));
        }
        self.sequence_rest(starred, true).map(|()| None)
    }
    // ANCHOR_END: parenthesized

    /// `yield_expr`: `yield`, `yield a, b`, `yield from a`.
    fn yield_expr(&mut self) -> Option<Expr> {
        let start = self.start()?;
        self.pos += 1;
        if self.eat("from") {
            self.expression()?;
        } else if self.starts_expression() {
            self.star_expressions()?;
        }
        Some(Expr::other(start, self.last_end()))
    }

    /// Moves past the bracket at the current token and its matching one
    /// (the tokenizer made sure there is one): the span of both and the
    /// tokens between them.
    fn bracketed(&mut self) -> Option<(Span, &'t [Token<'t>])> {
        let open = self.pos;
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            self.pos += 1;
            match token.text {
                "(" | "[" | "{" if token.kind == TokenKind::Op => depth += 1,
                ")" | "]" | "}" if token.kind == TokenKind::Op => depth = depth.checked_sub(1)?,
                _ => {}
            }
            if depth == 0 {
                let span = Span::new(self.tokens.get(open)?.start, token.end);
                return Some((span, self.tokens.get(open + 1..self.pos - 1)?));
            }
        }
        None
    }

    /// Whether an expression can start at the next token (after a trailing
    /// comma, after `yield`, after a slice's `:`).
    fn starts_expression(&self) -> bool {
        const KEYWORDS_STARTING: [&str; 6] = ["True", "False", "None", "await", "lambda", "not"];
        const OPERATORS_STARTING: [&str; 8] = ["(", "[", "{", "-", "+", "~", "*", "..."];
        self.peek().is_some_and(|token| match token.kind {
            TokenKind::Name => is_name(token) || KEYWORDS_STARTING.contains(&token.text),
            TokenKind::Number | TokenKind::String | TokenKind::Bytes => true,
            TokenKind::Op => OPERATORS_STARTING.contains(&token.text),
        })
    }

    // -----------------------------------------------------------------------
    // Inside brackets: checked only, except for a subscript's slice.
    // -----------------------------------------------------------------------

    /// Calls `item` for each item of a comma-separated list that may end
    /// with a comma (the inside of brackets).
    fn comma_separated(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        loop {
            item(self)?;
            if !self.eat(",") || self.at_end() {
                return Some(());
            }
        }
    }

    /// `arguments` of a call: positional ones (`a`, `*a`), then keyword
    /// ones (`k=a`, `*a`, `**a`; no `*a` after `**a`); or a generator
    /// expression alone, `f(x for x in y)`.
    fn arguments(&mut self) -> Option<()> {
        if self.at_end() {
            return Some(());
        }
        let (mut first, mut keywords, mut double_star) = (true, false, false);
        self.comma_separated(|parser| {
            let is_first = std::mem::replace(&mut first, false);
            if parser.peek().is_some_and(is_name) && parser.second_is("=") {
                parser.pos += 2;
                keywords = true;
            } else if parser.eat("**") {
                (keywords, double_star) = (true, true);
            } else if parser.eat("*") {
                (!double_star).then_some(())?;
            } else {
                (!keywords).then_some(())?;
                parser.named_expression()?;
                return match is_first && parser.at_comprehension() {
                    true => parser.for_if_clauses(),
                    false => Some(()),
                };
            }
            parser.expression().map(drop)
        })
    }

    /// `slices`, and the AST span of the slice: a single expression's own
    /// (a parenthesized one has its inner offsets), or else (a `Slice`, a
    /// `Tuple`) that of all the tokens. `a[]` is an error.
    fn slices(&mut self) -> Option<Span> {
        let all = Span::new(self.start()?, self.tokens.last()?.end);
        let first = self.slice()?;
        if self.at_end() {
            return Some(first.map_or(all, |expr| expr.ast));
        }
        self.eat(",").then_some(())?;
        if !self.at_end() {
            self.comma_separated(|parser| parser.slice().map(drop))?;
        }
        Some(all)
    }

    /// One `slice`: `Some` plain expression, or `None` for `a:b:c` (each
    /// part optional) or `*a`.
    fn slice(&mut self) -> Option<Option<Expr>> {
        if self.eat("*") {
            return self.expression().map(|_| None);
        }
        let lower = if self.at(":") {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.at(":") {
            return Some(lower);
        }
        for _ in 0..2 {
            if self.eat(":") && self.starts_expression() {
                self.expression()?;
            }
        }
        Some(None)
    }

    /// `*a` or a `named_expression`: an item of a tuple, list or set.
    fn star_named_expression(&mut self) -> Option<Expr> {
        let start = self.start()?;
        if self.eat("*") {
            self.binary(0)?;
            return Some(Expr::other(start, self.last_end()));
        }
        self.named_expression()
    }

    /// The inside of a list display.
    fn list(&mut self) -> Option<()> {
        if self.at_end() {
            return Some(());
        }
        let starred = self.at("*");
        self.star_named_expression()?;
        self.sequence_rest(starred, false)
    }

    /// What follows the first item of a tuple, list or set: a comprehension
    /// (after an item that is not starred), or more items. In parentheses
    /// a single item needs its comma: `(a)` is a group, `(*a)` an error.
    fn sequence_rest(&mut self, first_starred: bool, in_parentheses: bool) -> Option<()> {
        if !first_starred && self.at_comprehension() {
            return self.for_if_clauses();
        }
        if !self.eat(",") {
            return (!in_parentheses).then_some(());
        }
        if self.at_end() {
            return Some(());
        }
        self.comma_separated(|parser| parser.star_named_expression().map(drop))
    }

    /// The inside of braces: nothing (a dict), a dict display (`k: v`,
    /// `**a`) or comprehension, or a set display or comprehension.
    fn dict_or_set(&mut self) -> Option<()> {
        if self.at_end() {
            return Some(());
        }
        if self.at("**") {
            self.dict_item()?;
            return self.dict_rest(true);
        }
        let starred = self.at("*");
        if starred || self.at_walrus() {
            self.star_named_expression()?;
            return self.sequence_rest(starred, false);
        }
        self.expression()?;
        if !self.eat(":") {
            return self.sequence_rest(false, false);
        }
        self.expression()?;
        self.dict_rest(false)
    }

    /// What follows the first item of a dict: a comprehension (after a
    /// `k: v` item), or more items.
    fn dict_rest(&mut self, first_double_starred: bool) -> Option<()> {
        if !first_double_starred && self.at_comprehension() {
            return self.for_if_clauses();
        }
        if self.eat(",") && !self.at_end() {
            return self.comma_separated(Parser::dict_item);
        }
        Some(())
    }

    /// `key: value` or `**mapping`.
    fn dict_item(&mut self) -> Option<()> {
        if self.eat("**") {
            return self.binary(0).map(drop);
        }
        self.expression()?;
        self.eat(":").then_some(())?;
        self.expression().map(drop)
    }

    fn at_comprehension(&self) -> bool {
        self.at("for") || (self.at("async") && self.second_is("for"))
    }

    /// `for_if_clauses`, which end their brackets: `for targets in a if b`,
    /// repeated.
    fn for_if_clauses(&mut self) -> Option<()> {
        while self.at_comprehension() {
            self.eat("async");
            self.eat("for");
            self.star_targets()?;
            self.eat("in").then_some(())?;
            self.disjunction()?;
            while self.eat("if") {
                self.disjunction()?;
            }
        }
        self.at_end().then_some(())
    }

    /// `star_targets` of a `for` clause: names, attributes, subscripts and
    /// bracketed lists of them, each maybe starred.
    fn star_targets(&mut self) -> Option<()> {
        loop {
            self.eat("*");
            self.primary()?;
            if !self.eat(",") || self.at("in") {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The expected values are what CPython 3.11's parser says of each
    //! segment (`ast.parse`): `binop L R` for a `BinOp` whose left operand
    //! ends at byte L and right operand starts at byte R, `subscript V S`
    //! for a `Subscript` whose value ends at V and slice at S, `-` for
    //! anything else (no anchors). `cross_check_with_ast` asks `python3`
    //! about many more.

    use super::*;

    /// What our parser says of `segment`, written as above.
    fn summary(segment: &str) -> String {
        let parsed =
            tokenize(segment).and_then(|tokens| Parser::new(&tokens).expression_statement());
        match parsed.map(|expr| expr.kind) {
            Some(Kind::BinOp { left, right }) => format!("binop {} {}", left.end, right.start),
            Some(Kind::Subscript { value, slice }) => {
                format!("subscript {} {}", value.end, slice.end)
            }
            _ => "-".to_owned(),
        }
    }

    fn check(cases: &[(&str, &str)]) {
        for (segment, expected) in cases {
            assert_eq!(summary(segment), *expected, "segment {segment:?}");
        }
    }

    #[test]
    fn binary_operations() {
        check(&[
            ("a + b", "binop 1 4"),
            ("a+b", "binop 1 2"),
            ("1/0", "binop 1 2"),
            ("x // y", "binop 1 5"),
            ("a ** b ** c", "binop 1 5"),
            ("a - b - c", "binop 5 8"),
            ("a + b * c", "binop 1 4"),
            ("a * b + c", "binop 5 8"),
            ("a | b & c ^ d", "binop 1 4"),
            ("-a ** b", "-"),
            ("-a + b", "binop 2 5"),
            ("a + -b", "binop 1 4"),
            ("a--b", "binop 1 2"),
            ("await a + b", "binop 7 10"),
            ("f(a) + g[b]", "binop 4 7"),
            ("a.b @ c.d", "binop 3 6"),
            ("'a' 'b' + c", "binop 7 10"),
        ]);
    }

    /// A parenthesized operand has the inner expression's columns; a tuple,
    /// a generator expression, a call or a display spans its brackets.
    #[test]
    fn parentheses() {
        check(&[
            ("(a) * (b)", "binop 2 7"),
            ("((a + b)) * c", "binop 7 12"),
            ("( a )-( b )", "binop 3 8"),
            ("(a + b)", "binop 2 5"),
            ("(a, b) + c", "binop 6 9"),
            ("() + c", "binop 2 5"),
            ("(x for x in y) + z", "binop 14 17"),
            ("(yield) + a", "binop 6 10"),
            ("(b := 1) + a", "binop 7 11"),
            ("(lambda a, b: a) + 1", "binop 15 19"),
            ("1+(lambda a,b:a)", "binop 1 3"),
        ]);
    }

    #[test]
    fn subscripts() {
        check(&[
            ("d['k']", "subscript 1 5"),
            ("xs[10]", "subscript 2 5"),
            ("m[1][2]", "subscript 4 6"),
            ("d [ 'k' ]", "subscript 1 7"),
            ("a[(1)]", "subscript 1 4"),
            ("(a)[1]", "subscript 2 5"),
            ("a[1:2]", "subscript 1 5"),
            ("a[:]", "subscript 1 3"),
            ("a[1, 2]", "subscript 1 6"),
            ("a[1,]", "subscript 1 4"),
            ("a[b] + 1", "binop 4 7"),
            ("-a[1]", "-"),
            ("a[]", "-"),
        ]);
    }

    /// Everything that is not one expression statement with a `BinOp` or
    /// a `Subscript` on top.
    #[test]
    fn no_anchors() {
        check(&[
            ("f(a + b)", "-"),
            ("a < b + c", "-"),
            ("a + b if c else d", "-"),
            ("a and b", "-"),
            ("not a + b", "-"),
            ("lambda: a + b", "-"),
            ("a + b, c", "-"),
            ("*a + b", "-"),
            ("a = b + c", "-"),
            ("a += b", "-"),
            ("return a + b", "-"),
            ("del a[b]", "-"),
            ("a + b; c", "-"),
            (" a + b", "-"),
            ("a +", "-"),
            ("a + b)", "-"),
            ("(a + b", "-"),
            ("a $ b", "-"),
            ("a + 'b", "-"),
            ("b'x' 'y' + c", "-"),
            ("1if a else b", "-"),
            ("a + b \\", "-"),
            ("", "-"),
        ]);
    }

    /// Strings, numbers, comments and non-ASCII names as the tokenizer
    /// sees them (columns are bytes).
    #[test]
    fn tokens() {
        check(&[
            ("'a+b' + c", "binop 5 8"),
            ("\"a\\\"+\" + c", "binop 6 9"),
            ("'''a'b''' + c", "binop 9 12"),
            ("rb'\\'' + c", "binop 6 9"),
            ("f'{a+b}' + c", "binop 8 11"),
            ("0x1F + .5e-3j", "binop 4 7"),
            ("1 .real + 2", "binop 7 10"),
            ("1..real + 2", "binop 7 10"),
            ("a + b  # c + d", "binop 1 4"),
            ("a + b;", "binop 1 4"),
            ("é + ü", "binop 2 5"),
            ("'é'[ñ]", "subscript 4 7"),
            ("match[a]", "subscript 5 7"),
        ]);
    }

    /// The characters `extract_anchors_from_expr` picks (byte columns).
    #[test]
    fn anchors() {
        let anchor = |segment: &str| {
            extract_anchors(segment).map(|a| (a.left, a.right, a.primary, a.secondary))
        };
        assert_eq!(anchor("a + b"), Some((2, 3, '~', '^')));
        assert_eq!(anchor("a // b"), Some((2, 4, '~', '^')));
        assert_eq!(anchor("(a) - (b)"), Some((4, 5, '~', '^')));
        assert_eq!(anchor("(a)-(b)"), Some((3, 5, '~', '^')));
        assert_eq!(anchor("d [ 'k' ]"), Some((2, 9, '~', '^')));
        assert_eq!(anchor("(d[1])"), Some((2, 6, '~', '^')));
        assert_eq!(anchor("f(x)"), None);
    }

    /// Prints for each segment read from stdin (split by `\x1e`) what
    /// CPython's parser says of it, in the form `summary` writes.
    const AST_SUMMARY: &str = r#"
import ast, sys, warnings
warnings.simplefilter('ignore')
for segment in sys.stdin.read().split('\x1e'):
    try:
        body = ast.parse(segment).body
    except (SyntaxError, ValueError):
        print('-'); continue
    e = body[0].value if len(body) == 1 and isinstance(body[0], ast.Expr) else None
    if isinstance(e, ast.BinOp):
        print('binop', e.left.end_col_offset, e.right.col_offset)
    elif isinstance(e, ast.Subscript):
        print('subscript', e.value.end_col_offset, e.slice.end_col_offset)
    else:
        print('-')
"#;

    /// A fixed pseudo-random source (Knuth's MMIX LCG).
    struct Random(u64);

    impl Random {
        fn below(&mut self, bound: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize % bound
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// A random expression over most of Python's expression grammar, with
    /// random spacing; `depth` bounds the nesting.
    fn expression(random: &mut Random, depth: usize) -> String {
        const ATOMS: [&str; 24] = [
            "a",
            "b",
            "é",
            "match",
            "True",
            "None",
            "...",
            "1",
            "1.5",
            "0x1F",
            ".5",
            "1j",
            "1_0",
            "1e-3",
            "'x'",
            "\"a+b\"",
            "'''t'''",
            "b'y'",
            "f'{a}'",
            "rb'\\''",
            "'a' 'b'",
            "u'x'",
            "F\"{a!r}\"",
            "'#'",
        ];
        const BINARY: [&str; 13] = [
            "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^",
        ];
        const COMPARE: [&str; 10] = [
            "<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "is not",
        ];
        const SPACES: [&str; 4] = [" ", "", "  ", "\t"];
        const DISPLAYS: [&str; 6] = [
            "[X]",
            "{X: Y}",
            "{X}",
            "(X for a in Y)",
            "(a := X)",
            "(yield X)",
        ];
        if depth == 0 {
            return random.pick(&ATOMS).to_owned();
        }
        let (x, y, z) = (
            expression(random, depth - 1),
            expression(random, depth - 1),
            expression(random, depth - 1),
        );
        let (s1, s2) = (random.pick(&SPACES), random.pick(&SPACES));
        match random.below(24) {
            0..=5 => format!("{x}{s1}{}{s2}{y}", random.pick(&BINARY)),
            6 => format!("{}{x}", random.pick(&["-", "+", "~", "not ", "await "])),
            7 => format!("{x} {} {y}", random.pick(&COMPARE)),
            8 => format!("{x} {} {y}", random.pick(&["and", "or"])),
            9 => format!("{x} if {y} else {z}"),
            10 => format!(
                "lambda{}: {x}",
                random.pick(&["", " a", " a, b=1", " *a, **k", " a, /"])
            ),
            11..=13 => format!("({s1}{x}{s2})"),
            14 => format!("({x},{s1}{y})"),
            15 => format!("({x},)"),
            16 => format!("{x}({y})"),
            17 => format!("{x}{s1}[{y}]"),
            18 => format!(
                "{x}[{}]",
                random.pick(&["1:2", ":", "::2", "a, b", "b,", "(c)", " c "])
            ),
            19 => format!("{x}.{}", random.pick(&["real", "match", "_a"])),
            20 => random.pick(&DISPLAYS).replace('X', &x).replace('Y', &y),
            21 => format!("*{x}, {y}"),
            22 => format!("{x}{s1};"),
            _ => format!("{x}{s1}# {y}"),
        }
    }

    /// Asks CPython's parser about thousands of segments and compares.
    #[test]
    #[ignore = "runs python3 (CPython 3.11)"]
    fn cross_check_with_ast() {
        let mut random = Random(1);
        let segments: Vec<String> = (0..20_000)
            .map(|i| expression(&mut random, 1 + i % 5))
            .collect();
        let mut python = std::process::Command::new("python3")
            .args(["-c", AST_SUMMARY])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let input = segments.join("\x1e");
        let mut stdin = python.stdin.take().unwrap();
        let writer =
            std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
        let output = python.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        let expected = String::from_utf8(output.stdout).unwrap();
        let expected: Vec<&str> = expected.lines().collect();
        assert_eq!(expected.len(), segments.len());
        let failures: Vec<String> = segments
            .iter()
            .zip(expected)
            .filter(|(segment, expected)| summary(segment) != *expected)
            .map(|(segment, expected)| {
                format!("{segment:?}: CPython {expected}, ours {}", summary(segment))
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// Deep nesting is neither slow (each token is parsed once) nor a
    /// stack overflow (past `MAX_DEPTH` we give up, as CPython's tokenizer
    /// does past 200 brackets).
    #[test]
    fn deep_nesting() {
        let run = || {
            let parens = |n: usize| format!("{}a{} + b", "(".repeat(n), ")".repeat(n));
            let tuples = |n: usize| format!("{}a,{}) + b", "(".repeat(n), "),".repeat(n - 1));
            assert_eq!(summary(&parens(200)), "binop 201 404");
            assert_eq!(summary(&parens(201)), "-");
            assert_eq!(summary(&tuples(200)), "binop 601 604");
            assert_eq!(
                summary(&format!("{}a + b", "-".repeat(150))),
                "binop 151 154"
            );
            assert_eq!(summary(&format!("{}a", "not ".repeat(100_000))), "-");
            assert_eq!(summary(&format!("{}b", "a ** ".repeat(100_000))), "-");
            assert_eq!(summary(&format!("{}a", "lambda: ".repeat(100_000))), "-");
        };
        // 200 brackets take about 2 MiB of stack in a debug build (0.5 MiB
        // optimized), a test thread's whole stack: give this one more.
        let thread = std::thread::Builder::new().stack_size(3 << 20).spawn(run);
        thread.unwrap().join().unwrap();
    }
}
