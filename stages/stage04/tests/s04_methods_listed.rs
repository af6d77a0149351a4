//! Section 4.5: the chapter lists what stage04 implements, and this test keeps
//! the list true. Each method table of a built-in type must match, name for
//! name, the chapter's line for that type.

use stage04::methods::{bytes_methods, dict_methods, list_methods, str_methods, MethodDef};

fn chapter() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../book/src/ch04-jumps-and-loops.md"
    );
    std::fs::read_to_string(path).expect("chapter 4 is readable")
}

/// The names the chapter gives for `type_name`, from its line "* `type`: …".
fn listed(chapter: &str, type_name: &str) -> Vec<String> {
    let prefix = format!("* `{type_name}`: ");
    let line = chapter
        .lines()
        .find(|line| line.starts_with(&prefix))
        .unwrap_or_else(|| panic!("chapter 4 has no line {prefix:?}"));
    let mut names: Vec<String> = line[prefix.len()..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    names.sort();
    names
}

fn implemented(table: &[MethodDef]) -> Vec<String> {
    let mut names: Vec<String> = table.iter().map(|m| m.name.to_string()).collect();
    names.sort();
    names
}

#[test]
fn s04_5_the_chapter_names_every_method() {
    let chapter = chapter();
    let tables: [(&str, &[MethodDef]); 9] = [
        ("str", &str_methods::STR_METHODS),
        ("bytes", &bytes_methods::BYTES_METHODS),
        ("list", &list_methods::LIST_METHODS),
        ("tuple", &list_methods::TUPLE_METHODS),
        ("int", &list_methods::INT_METHODS),
        ("dict", &dict_methods::DICT_METHODS),
        ("set", &stage04::set::SET_METHODS),
        ("frozenset", &stage04::set::FROZENSET_METHODS),
        ("range", &stage04::range::RANGE_METHODS),
    ];
    for (type_name, table) in tables {
        assert_eq!(
            listed(&chapter, type_name),
            implemented(table),
            "chapter 4's list of {type_name} methods"
        );
    }
}
