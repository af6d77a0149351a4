//! Tests of `stage02::hash`: `hash()` of str, bytes, numbers, tuples and
//! frozensets, and the set table's iteration order.
//!
//! Every expected number and list was recorded from `PYTHONHASHSEED=0 python3`
//! (3.11.7); the comment above each says which one-liner printed it. The last test
//! also replays random set operations against a live `python3.11` when there is
//! one.

use num_bigint::BigInt;
use stage02::exc::{ExcType, Exception};
use stage02::hash::{self, NoMemory, SetTable, SipHasher13, TupleHasher};
use stage02::int::Int;

mod common;
use common::Rng;

// ---------------------------------------------------------------------------
// Hash values.

#[test]
fn s02_9_hash_str_matches_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'print([hash(s) for s in ["", "a", "hello world",
    //     "é", "café", "ÿ", "€", "Ā", "€uro", "😀", "a😀", "abcdefgh", "abcdefghijklmnopq"]])'
    let cases: [(&str, i64); 13] = [
        ("", 0),
        ("a", 4644417185603328019),
        ("hello world", -5642461784034726774),
        ("\u{e9}", 6047309291227476195),
        ("caf\u{e9}", 137524001917817222),
        ("\u{ff}", 3476900567878811119),
        ("\u{20ac}", -5529981157763016009),
        ("\u{100}", 75343234424780393),
        ("\u{20ac}uro", 7542247858446192590),
        ("\u{1f600}", -3536540696076613844),
        ("a\u{1f600}", -6970120874385731343),
        ("abcdefgh", 4574395652268504554),
        ("abcdefghijklmnopq", 7044894726457044172),
    ];
    for (text, expected) in cases {
        assert_eq!(hash::hash_str_utf8(text), expected, "{text:?}");
        assert_eq!(
            hash::hash_str(text.chars().map(u32::from)),
            expected,
            "{text:?}"
        );
    }
}

#[test]
fn s02_9_hash_str_of_lone_surrogates_uses_two_bytes() {
    // PYTHONHASHSEED=0 python3 -c 'print(hash("\udc80"), hash("x\udc80y"))'
    assert_eq!(hash::hash_str([0xdc80].into_iter()), 8931334759769479107);
    assert_eq!(
        hash::hash_str([0x78, 0xdc80, 0x79].into_iter()),
        -7613880725919624238
    );
}

#[test]
fn s02_9_hash_str_utf8_agrees_with_code_points() {
    // The fast path must pick the same storage width as the code-point path,
    // for every mix of ASCII, Latin-1, BMP and astral characters.
    let pool = [
        'a', 'z', '\u{7f}', '\u{80}', '\u{e9}', '\u{ff}', '\u{100}', '\u{20ac}',
    ];
    let astral = ['\u{ffff}', '\u{10000}', '\u{1f600}', '\u{10ffff}'];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..2000 {
        let len = rng.below(20) as usize;
        let text: String = (0..len)
            .map(|_| {
                if rng.below(8) == 0 {
                    rng.pick(&astral)
                } else {
                    rng.pick(&pool)
                }
            })
            .collect();
        assert_eq!(
            hash::hash_str_utf8(&text),
            hash::hash_str(text.chars().map(u32::from)),
            "{text:?}"
        );
    }
}

#[test]
fn s02_9_hash_siphash_fed_in_pieces_gives_the_same_hash() {
    let data: Vec<u8> = (0..=255u8).cycle().take(300).collect();
    let mut whole = SipHasher13::new();
    whole.write(&data);
    let mut rng = Rng(42);
    for _ in 0..200 {
        let mut pieces = SipHasher13::new();
        let mut rest = &data[..];
        while !rest.is_empty() {
            let take = (rng.below(13) as usize).min(rest.len());
            let (piece, more) = rest.split_at(take);
            pieces.write(piece);
            rest = more;
        }
        assert_eq!(pieces.finish(), whole.finish());
        assert_eq!(pieces.len(), 300);
    }
}

#[test]
fn s02_9_hash_bytes_matches_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'print([hash(b) for b in [b"", b"a", b"abcdefgh",
    //     b"abcdefghi", bytes(range(256))]])'
    let all: Vec<u8> = (0..=255).collect();
    let cases: [(&[u8], i64); 5] = [
        (b"", 0),
        (b"a", 4644417185603328019),
        (b"abcdefgh", 4574395652268504554),
        (b"abcdefghi", -532774252720507163),
        (&all, 3579909164457460488),
    ];
    for (data, expected) in cases {
        assert_eq!(hash::hash_bytes(data), expected, "{data:?}");
    }
}

#[test]
fn s02_9_hash_int_matches_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'print([hash(n) for n in [0, 1, -1, -2, 2**61-1,
    //     2**61, -2**61, 2**61+5, 10**30, -10**30, 2**63-1, -2**63, 2**64]])'
    let small: [(i64, i64); 10] = [
        (0, 0),
        (1, 1),
        (-1, -2),
        (-2, -2),
        ((1 << 61) - 1, 0),
        (1 << 61, 1),
        (-(1 << 61), -2),
        ((1 << 61) + 5, 6),
        (i64::MAX, 3),
        (i64::MIN, -4),
    ];
    for (n, expected) in small {
        assert_eq!(hash::hash_int(n), expected, "{n}");
        assert_eq!(hash::hash_bigint(&BigInt::from(n)), expected, "{n}");
        assert_eq!(hash::hash_long(&Int::from_i64(n)), expected, "{n}");
    }
    let big: [(&str, i64); 3] = [
        ("1000000000000000000000000000000", 465258685558744706),
        ("-1000000000000000000000000000000", -465258685558744706),
        ("18446744073709551616", 8),
    ];
    for (text, expected) in big {
        let n: BigInt = text.parse().expect("test literal");
        assert_eq!(hash::hash_bigint(&n), expected, "{text}");
        assert_eq!(hash::hash_long(&Int::from_bigint(n)), expected, "{text}");
    }
}

#[test]
fn s02_9_hash_float_matches_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'print([hash(x) for x in [0.0, -0.0, 1.5, -1.5,
    //     1e300, float("inf"), float("-inf"), 1.0, 2.0**-1074]])'
    let cases: [(f64, i64); 9] = [
        (0.0, 0),
        (-0.0, 0),
        (1.5, 1152921504606846977),
        (-1.5, -1152921504606846977),
        (1e300, 1224995262755759164),
        (f64::INFINITY, 314159),
        (f64::NEG_INFINITY, -314159),
        (1.0, 1),
        (f64::from_bits(1), 16777216),
    ];
    for (x, expected) in cases {
        assert_eq!(hash::hash_float(x), Some(expected), "{x:e}");
    }
    // Hashed by the address of the float object in 3.11.
    assert_eq!(hash::hash_float(f64::NAN), None);
}

#[test]
fn s02_9_hash_bool_and_complex_match_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'print(hash(True), hash(False))'
    assert_eq!(hash::hash_bool(true), 1);
    assert_eq!(hash::hash_bool(false), 0);
    // PYTHONHASHSEED=0 python3 -c 'print([hash(z) for z in [1.5+2j, complex(0, 1),
    //     complex(-1, 0), complex(1e300, 1e-300), complex(float("inf"), -1.5)]])'
    let cases: [((f64, f64), i64); 5] = [
        ((1.5, 2.0), 1152921504608846983),
        ((0.0, 1.0), 1000003),
        ((-1.0, 0.0), -2),
        ((1e300, 1e-300), -3889407508137364311),
        ((f64::INFINITY, -1.5), -3458764513821226772),
    ];
    for ((real, imag), expected) in cases {
        assert_eq!(
            hash::hash_complex(real, imag),
            Some(expected),
            "{real}+{imag}j"
        );
    }
    assert_eq!(hash::hash_complex(f64::NAN, 0.0), None);
    assert_eq!(hash::hash_complex(0.0, f64::NAN), None);
}

#[test]
fn s02_9_hash_tuple_matches_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'print([hash(t) for t in [(), (1,), (1, 2), (-1,),
    //     ("a", b"a", 1.5), ((1, 2), "a", (b"x", ())), (((),),)]])'
    let empty = hash::hash_tuple([]);
    assert_eq!(empty, 5740354900026072187);
    assert_eq!(hash::hash_tuple([hash::hash_int(1)]), -6644214454873602895);
    let one_two = hash::hash_tuple([hash::hash_int(1), hash::hash_int(2)]);
    assert_eq!(one_two, -3550055125485641917);
    assert_eq!(hash::hash_tuple([hash::hash_int(-1)]), 8078679518589016365);
    let mixed = [
        hash::hash_str_utf8("a"),
        hash::hash_bytes(b"a"),
        hash::hash_float(1.5).expect("not a NaN"),
    ];
    assert_eq!(hash::hash_tuple(mixed), -9044040371338649288);
    let inner = hash::hash_tuple([hash::hash_bytes(b"x"), empty]);
    let nested = [one_two, hash::hash_str_utf8("a"), inner];
    assert_eq!(hash::hash_tuple(nested), -1055313564403476680);
    let deep = hash::hash_tuple([hash::hash_tuple([empty])]);
    assert_eq!(deep, 4510597632111149919);

    // The incremental form gives the same numbers.
    let mut hasher = TupleHasher::new();
    for item in nested {
        hasher.add(item);
    }
    assert_eq!(hasher.finish(), -1055313564403476680);
}

#[test]
fn s02_9_hash_frozenset_matches_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'print([hash(f) for f in [frozenset(),
    //     frozenset({1, 2, 3}), frozenset({"a", (1, 2)}), frozenset({frozenset({1})}),
    //     frozenset({-1, -2})]])'
    assert_eq!(hash::hash_frozenset([]), 133146708735736);
    assert_eq!(hash::hash_frozenset([1, 2, 3]), -272375401224217160);
    assert_eq!(hash::hash_frozenset([3, 1, 2]), -272375401224217160);
    let one_two = hash::hash_tuple([1, 2]);
    let a = hash::hash_str_utf8("a");
    assert_eq!(hash::hash_frozenset([a, one_two]), -3138234825583958797);
    let inner = hash::hash_frozenset([1]);
    assert_eq!(hash::hash_frozenset([inner]), 5515263749738256364);
    // -1 and -2 both hash to -2, and are still two items.
    assert_eq!(hash::hash_frozenset([-2, -2]), 399283329322573);
}

// ---------------------------------------------------------------------------
// Set iteration order.

/// A set item as these tests model Python's: an int or a str, never equal
/// across kinds.
#[derive(Clone, Debug, PartialEq)]
enum Key {
    Int(BigInt),
    Str(String),
}

impl Key {
    fn hash(&self) -> i64 {
        match self {
            Key::Int(n) => hash::hash_bigint(n),
            Key::Str(s) => hash::hash_str_utf8(s),
        }
    }
}

fn int(n: i64) -> Key {
    Key::Int(BigInt::from(n))
}

fn big(text: &str) -> Key {
    Key::Int(text.parse().expect("test literal"))
}

fn text(s: &str) -> Key {
    Key::Str(s.to_owned())
}

fn ints(values: &[i64]) -> Vec<Key> {
    values.iter().copied().map(int).collect()
}

fn same_key(stored: &Key, new: &Key) -> Result<bool, NoMemory> {
    Ok(stored == new)
}

/// `s.add(key)`.
fn add(set: &mut SetTable<Key>, key: Key) {
    set.insert(key.hash(), key, same_key)
        .expect("a small table");
}

/// `s.discard(key)`.
fn discard(set: &mut SetTable<Key>, key: &Key) -> Option<Key> {
    let found = |stored: &Key| Ok::<bool, NoMemory>(stored == key);
    set.remove(key.hash(), found).expect("no error")
}

fn contains(set: &SetTable<Key>, key: &Key) -> bool {
    let found = |stored: &Key| Ok::<bool, NoMemory>(stored == key);
    set.contains(key.hash(), found).expect("no error")
}

/// A set built by adding `keys` one by one (what `set(list)` does too).
fn build(keys: Vec<Key>) -> SetTable<Key> {
    let mut set = SetTable::new();
    for key in keys {
        add(&mut set, key);
    }
    set
}

/// `set(other)`: a merge into an empty set.
fn copy(other: &SetTable<Key>) -> SetTable<Key> {
    let mut set = SetTable::new();
    set.merge(other, same_key).expect("a small table");
    set
}

/// `list(s)`.
fn list(set: &SetTable<Key>) -> Vec<Key> {
    set.iter().cloned().collect()
}

#[test]
fn s02_9_hash_set_of_small_ints_iterates_by_slot() {
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for x in [13, 5, 21, 8, 0, 29]: s.add(x)
    // print(list(s))'
    let set = build(ints(&[13, 5, 21, 8, 0, 29]));
    assert_eq!(list(&set), ints(&[0, 5, 8, 13, 21, 29]));
    assert_eq!(set.len(), 6);
    assert_eq!(set.table_size(), 32);
}

#[test]
fn s02_9_hash_set_of_strs_iterates_like_cpython() {
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for x in ["apple", "banana", "cherry", "date", "elder", "fig", "grape", "é", "€", "😀"]: s.add(x)
    // print(list(s))'
    let words = [
        "apple",
        "banana",
        "cherry",
        "date",
        "elder",
        "fig",
        "grape",
        "\u{e9}",
        "\u{20ac}",
        "\u{1f600}",
    ];
    let set = build(words.iter().map(|w| text(w)).collect());
    let expected = [
        "\u{e9}",
        "banana",
        "apple",
        "cherry",
        "fig",
        "date",
        "\u{1f600}",
        "elder",
        "\u{20ac}",
        "grape",
    ];
    assert_eq!(
        list(&set),
        expected.iter().map(|w| text(w)).collect::<Vec<_>>()
    );
}

#[test]
fn s02_9_hash_set_of_mixed_keys_iterates_like_cpython() {
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for x in [10**30, "b", -1, 2**61, "😀", -2, 7]: s.add(x)
    // print(list(s))'
    let keys = vec![
        big("1000000000000000000000000000000"),
        text("b"),
        int(-1),
        int(1 << 61),
        text("\u{1f600}"),
        int(-2),
        int(7),
    ];
    let expected = vec![
        int(1 << 61),
        big("1000000000000000000000000000000"),
        int(7),
        text("\u{1f600}"),
        text("b"),
        int(-2),
        int(-1),
    ];
    assert_eq!(list(&build(keys)), expected);
}

#[test]
fn s02_9_hash_set_deletions_and_reinsertions_iterate_like_cpython() {
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for x in range(0, 40, 8): s.add(x)
    // s.discard(0); s.discard(16); print(list(s)); s.add(48); s.add(0); print(list(s))'
    let mut set = build(ints(&[0, 8, 16, 24, 32]));
    assert_eq!(discard(&mut set, &int(0)), Some(int(0)));
    assert_eq!(discard(&mut set, &int(16)), Some(int(16)));
    assert_eq!(discard(&mut set, &int(16)), None);
    assert_eq!(list(&set), ints(&[32, 8, 24]));
    add(&mut set, int(48));
    add(&mut set, int(0));
    assert_eq!(list(&set), ints(&[0, 32, 8, 48, 24]));
    assert_eq!(set.len(), 5);
}

#[test]
fn s02_9_hash_set_reuses_the_last_dummy_it_passed() {
    // 0, 32, 64, 96 and 128 all start at slot 0 of a 32-slot table.
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for x in [0, 32, 64, 96, 128]: s.add(x)
    // s.discard(0); s.discard(64); s.add(160); print(list(s))'
    let mut set = build(ints(&[0, 32, 64, 96, 128]));
    discard(&mut set, &int(0));
    discard(&mut set, &int(64));
    add(&mut set, int(160));
    assert_eq!(list(&set), ints(&[32, 160, 96, 128]));
}

#[test]
fn s02_9_hash_set_order_changes_across_a_resize() {
    // The fifth key fills 8 slots to 5/8 >= 3/5: the table grows to 32 and the keys
    // are re-inserted in their old slot order.
    // PYTHONHASHSEED=0 python3 -c 's = set(); out = []
    // for i in range(12): s.add(i * 16); out.append(list(s))
    // print(out[3], out[4], out[11])'
    let mut set = SetTable::new();
    let mut seen = Vec::new();
    for i in 0..12 {
        add(&mut set, int(i * 16));
        seen.push(list(&set));
    }
    assert_eq!(seen[3], ints(&[0, 16, 32, 48]));
    assert_eq!(seen[4], ints(&[0, 32, 64, 16, 48]));
    assert_eq!(
        seen[11],
        ints(&[0, 32, 64, 96, 128, 160, 16, 48, 80, 112, 144, 176])
    );
}

#[test]
fn s02_9_hash_set_probes_ten_slots_before_jumping() {
    // Every key starts at slot 0 of a 32-slot table: the first ten fill slots 0-9
    // (the slot and LINEAR_PROBES = 9 more), then the probes jump by `perturb`.
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for i in range(14): s.add(i * 32 * 1000003)
    // print(list(s))'
    let keys: Vec<i64> = (0..14).map(|i| i * 32 * 1000003).collect();
    let set = build(ints(&keys));
    let expected = [
        0, 96000288, 32000096, 128000384, 64000192, 160000480, 192000576, 224000672, 256000768,
        288000864, 352001056, 384001152, 416001248, 320000960,
    ];
    assert_eq!(list(&set), ints(&expected));
}

#[test]
fn s02_9_hash_set_grows_by_two_past_50000() {
    // Growing from 131072 slots at 78643 keys asks for used * 2 = 157286 slots,
    // so 262144; with used * 4 it would have been 524288.
    // PYTHONHASHSEED=0 python3 -c 'import sys
    // keys = [(i * 2654435761) % 2**32 for i in range(100000)]
    // s = set()
    // for k in keys: s.add(k)
    // l = list(s); print(len(l), l[:6], l[-6:], sys.getsizeof(s))'
    // The size, 4194520 bytes, is an empty set's 216 plus 262144 slots of 16 bytes.
    let mut set = SetTable::new();
    for i in 0..100_000i64 {
        add(&mut set, int((i * 2654435761) % (1 << 32)));
    }
    assert_eq!(set.len(), 100_000);
    assert_eq!(set.table_size(), 262_144);
    let order = list(&set);
    let first = ints(&[
        0, 4220780548, 4146593800, 3160145929, 3085959181, 2099511310,
    ]);
    let last = ints(&[
        3181903857, 3107717109, 2121269238, 2047082490, 1060634619, 986447871,
    ]);
    assert_eq!(order[..6], first[..]);
    assert_eq!(order[order.len() - 6..], last[..]);
}

#[test]
fn s02_9_hash_set_pop_follows_the_finger() {
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for x in [3, 11, 19, 27, 4]: s.add(x)
    // print([s.pop() for _ in range(3)], list(s))'
    let mut set = build(ints(&[3, 11, 19, 27, 4]));
    let popped: Vec<Key> = (0..3).filter_map(|_| set.pop()).collect();
    assert_eq!(popped, ints(&[3, 4, 11]));
    assert_eq!(list(&set), ints(&[19, 27]));

    // The finger survives clear():
    // PYTHONHASHSEED=0 python3 -c 's = set(range(5)); print(s.pop()); s.clear()
    // s.update([0, 1, 2]); print(s.pop(), list(s))'
    let mut set = build(ints(&[0, 1, 2, 3, 4]));
    assert_eq!(set.pop(), Some(int(0)));
    set.clear();
    assert!(set.is_empty());
    assert_eq!(set.table_size(), 8);
    for n in 0..3 {
        add(&mut set, int(n));
    }
    assert_eq!(set.pop(), Some(int(1)));
    assert_eq!(list(&set), ints(&[0, 2]));
    set.clear();
    assert_eq!(set.pop(), None);
}

#[test]
fn s02_9_hash_set_copy_and_union_merge_like_cpython() {
    // PYTHONHASHSEED=0 python3 -c 'def build(xs):
    //     s = set()
    //     for x in xs: s.add(x)
    //     return s
    // s = build(range(0, 48, 8)); s.discard(8)
    // print(list(s), list(set(s)), list(s | build([5, 13, 1])))'
    let mut set = build(ints(&[0, 8, 16, 24, 32, 40]));
    discard(&mut set, &int(8));
    assert_eq!(list(&set), ints(&[0, 32, 40, 16, 24]));
    // The copy drops the dummy, so the keys are re-inserted: a new order.
    assert_eq!(list(&copy(&set)), ints(&[0, 32, 16, 40, 24]));
    let mut union = copy(&set);
    union
        .merge(&build(ints(&[5, 13, 1])), same_key)
        .expect("a small table");
    assert_eq!(list(&union), ints(&[0, 32, 16, 1, 5, 40, 24, 13]));

    // A copy's table is sized for its keys, not like the original's: 6 keys in 32
    // slots are copied into 16, in a new order. With 12 keys both tables have 32
    // slots and no dummies, and the slots are copied as they are.
    // PYTHONHASHSEED=0 python3 -c 'import sys
    // for xs in [[13, 5, 21, 8, 0, 29], [1, 9, 17, 2, 10, 18, 3, 11, 19, 4, 12, 20]]:
    //     s = set()
    //     for x in xs: s.add(x)
    //     t = set(s); print(list(s), list(t), sys.getsizeof(s), sys.getsizeof(t))'
    let plain = build(ints(&[13, 5, 21, 8, 0, 29]));
    assert_eq!(list(&plain), ints(&[0, 5, 8, 13, 21, 29]));
    let copied = copy(&plain);
    assert_eq!(list(&copied), ints(&[0, 29, 5, 21, 8, 13]));
    assert_eq!((plain.table_size(), copied.table_size()), (32, 16));
    let twelve = [1, 9, 17, 2, 10, 18, 3, 11, 19, 4, 12, 20];
    let plain = build(ints(&twelve));
    let copied = copy(&plain);
    let expected = ints(&[1, 2, 3, 4, 9, 10, 11, 12, 17, 18, 19, 20]);
    assert_eq!((list(&plain), list(&copied)), (expected.clone(), expected));
    assert_eq!((plain.table_size(), copied.table_size()), (32, 32));
    // Here re-inserting the keys in slot order would swap 125 and 29; copying the
    // slots does not.
    // PYTHONHASHSEED=0 python3 -c 's = set()
    // for x in [25, 2, 88, 98, 29, 123, 77, 107, 125, 110, 58, 96, 9]: s.add(x)
    // print(list(s), list(set(s)))'
    let plain = build(ints(&[
        25, 2, 88, 98, 29, 123, 77, 107, 125, 110, 58, 96, 9,
    ]));
    let expected = ints(&[96, 2, 98, 9, 107, 77, 110, 125, 88, 25, 58, 123, 29]);
    assert_eq!(list(&plain), expected);
    assert_eq!(list(&copy(&plain)), expected);
}

#[test]
fn s02_9_hash_set_contains_and_next_entry() {
    let mut set = build(ints(&[1, 9, 17]));
    assert!(contains(&set, &int(9)));
    assert!(!contains(&set, &int(25)));
    assert!(!contains(&set, &text("9")));
    discard(&mut set, &int(1));
    // 9 and 17 sit after 1's dummy: a search must walk past it.
    assert!(contains(&set, &int(17)));
    assert!(!contains(&set, &int(1)));
    // `set_next`, as a set iterator calls it.
    let mut pos = 0;
    let mut seen = Vec::new();
    while let Some((next, hash, key)) = set.next_entry(pos) {
        assert_eq!(hash, key.hash());
        seen.push(key.clone());
        pos = next;
    }
    assert_eq!(seen, list(&set));
    assert_eq!(set.next_entry(usize::MAX), None);
}

/// An error from a comparison, as a Python `__eq__` can raise.
#[derive(Debug, PartialEq)]
enum CompareError {
    Raised,
    NoMemory,
}

impl From<NoMemory> for CompareError {
    fn from(_: NoMemory) -> CompareError {
        CompareError::NoMemory
    }
}

#[test]
fn s02_9_hash_set_comparison_errors_pass_through() {
    let mut set = build(ints(&[1, 2]));
    // Only keys of the same hash are compared: 3 goes in without a comparison.
    let raise = |_: &Key, _: &Key| Err::<bool, _>(CompareError::Raised);
    assert_eq!(set.insert(int(3).hash(), int(3), raise), Ok(true));
    // A key with 2's hash is compared with 2, and the error comes back.
    let result = set.insert(int(2).hash(), text("two"), raise);
    assert_eq!(result, Err(CompareError::Raised));
    assert_eq!(list(&set), ints(&[1, 2, 3]));
    let found = set.contains(int(2).hash(), |_| Err::<bool, _>(CompareError::Raised));
    assert_eq!(found, Err(CompareError::Raised));
}

#[test]
fn s02_9_hash_set_refuses_huge_tables() {
    let mut set = build(ints(&[1, 2, 3]));
    // The size doubles past usize::MAX: refused before any allocation.
    assert_eq!(set.resize(usize::MAX), Err(NoMemory));
    assert_eq!(set.reserve(usize::MAX), Err(NoMemory));
    // 2**63 slots is a valid size but no allocator can give it.
    assert_eq!(set.resize(usize::MAX / 2), Err(NoMemory));
    // Nothing was lost.
    assert_eq!(list(&set), ints(&[1, 2, 3]));
    add(&mut set, int(4));
    assert_eq!(set.len(), 4);
    // The caller raises a bare MemoryError, as CPython's PyErr_NoMemory does.
    let exc: Exception = NoMemory.into();
    assert_eq!(exc.kind, ExcType::MemoryError);
    assert_eq!(exc.to_string(), "MemoryError");
}

// ---------------------------------------------------------------------------
// Random operations against a live python3.11.

/// Applies `OP KEY…` lines to one set (keys `iN` an int, `sHEX` a UTF-8 str) and
/// prints `list(s)` after each line, `pop`'s result for `pop`.
const SET_OPS: &str = r#"
import sys
def key(tok):
    return int(tok[1:]) if tok[0] == "i" else bytes.fromhex(tok[1:]).decode()
def show(k):
    return f"i{k}" if isinstance(k, int) else "s" + k.encode().hex()
s = set()
for line in sys.stdin:
    op, *keys = line.split()
    keys = [key(t) for t in keys]
    if op == "add":
        for k in keys: s.add(k)
    elif op == "discard":
        for k in keys: s.discard(k)
    elif op == "pop":
        print(show(s.pop()) if s else "empty")
    elif op == "clear":
        s.clear()
    elif op == "update":
        s.update(set(keys))
    elif op == "copy":
        s = set(s)
    print(" ".join(show(k) for k in s))
"#;

fn show(key: &Key) -> String {
    match key {
        Key::Int(n) => format!("i{n}"),
        Key::Str(s) => format!("s{}", common::hex_text(s)),
    }
}

fn random_key(rng: &mut Rng) -> Key {
    let texts = [
        "",
        "a",
        "b",
        "ab",
        "\u{e9}",
        "\u{20ac}",
        "\u{1f600}",
        "k\u{e9}y",
    ];
    match rng.below(4) {
        0 => int(rng.range(-40, 200)),
        1 => int(rng.range(0, 64) * 64),
        2 => int(rng.next() as i64),
        _ => text(&format!("{}{}", rng.pick(&texts), rng.below(30))),
    }
}

/// Applies one line of [`SET_OPS`] to our table and returns what Python prints.
fn apply(set: &mut SetTable<Key>, op: &str, keys: Vec<Key>) -> Vec<String> {
    let mut out = Vec::new();
    match op {
        "add" => keys.into_iter().for_each(|k| add(set, k)),
        "discard" => keys.iter().for_each(|k| {
            discard(set, k);
        }),
        "pop" => out.push(set.pop().map_or("empty".to_owned(), |k| show(&k))),
        "clear" => set.clear(),
        "update" => {
            let other = build(keys);
            set.merge(&other, same_key).expect("a small table");
        }
        _ => *set = copy(set),
    }
    out.push(list(set).iter().map(show).collect::<Vec<_>>().join(" "));
    out
}

#[test]
fn s02_9_hash_set_random_operations_match_live_cpython() {
    let mut rng = Rng(0x5e7_5eed);
    let ops = [
        "add", "add", "add", "discard", "discard", "pop", "update", "copy",
    ];
    let mut input = String::new();
    let mut ours = Vec::new();
    let mut set = SetTable::new();
    for step in 0..3000 {
        // Now and then start again from an empty set of 8 slots.
        let op = if step % 300 == 299 {
            "clear"
        } else {
            rng.pick(&ops)
        };
        let keys: Vec<Key> = (0..rng.below(12)).map(|_| random_key(&mut rng)).collect();
        let args: Vec<String> = keys.iter().map(show).collect();
        input.push_str(&format!("{op} {}\n", args.join(" ")));
        ours.extend(apply(&mut set, op, keys));
    }
    let Some(expected) = common::run_python(&["-c", SET_OPS], &input) else {
        eprintln!("skipped: python3.11 not found");
        return;
    };
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(expected.len(), ours.len());
    for (i, (theirs, mine)) in expected.iter().zip(&ours).enumerate() {
        assert_eq!(mine, theirs, "line {i} of the operations");
    }
}
