//! No `.toy` text makes stage01 panic: deterministic mutations of every example
//! (byte changes, deleted and repeated lines) either run or give an error.

mod common;

use stage01::parse::parse_program;
use stage01::vm::Vm;

/// A small deterministic random number generator (64-bit LCG, Knuth's MMIX
/// constants), so a failure is reproducible.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let high = usize::try_from(self.0 >> 33).expect("31 bits fit in usize");
        high % bound.max(1)
    }
}

/// Bytes a mutation writes: digits, signs, quotes, separators and a few letters.
const INTERESTING: &[u8] = b"0123456789-+\"'#,:\\ \nNAx_\xff\xc3";

fn mutate(source: &[u8], rng: &mut Lcg) -> Vec<u8> {
    let mut bytes = source.to_vec();
    match rng.next(4) {
        0 => {
            let at = rng.next(bytes.len());
            if let Some(byte) = bytes.get_mut(at) {
                *byte = INTERESTING[rng.next(INTERESTING.len())];
            }
        }
        1 => {
            let at = rng.next(bytes.len());
            bytes.truncate(at);
        }
        _ => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut lines: Vec<&str> = text.lines().collect();
            let at = rng.next(lines.len());
            if rng.next(2) == 0 {
                if at < lines.len() {
                    lines.remove(at);
                }
            } else if let Some(&line) = lines.get(at) {
                lines.insert(rng.next(lines.len()), line);
            }
            bytes = lines.join("\n").into_bytes();
        }
    }
    bytes
}

#[test]
fn s01_2_mutated_programs_never_panic() {
    let mut rng = Lcg(0x5eed);
    let mut ran = 0;
    let mut failed = 0;
    for example in common::examples() {
        let source = std::fs::read(&example).expect("readable example");
        for _ in 0..2000 {
            let mutant = mutate(&source, &mut rng);
            let Ok(text) = String::from_utf8(mutant) else {
                continue;
            };
            let Ok(program) = parse_program(&text) else {
                failed += 1;
                continue;
            };
            match Vm::new(&program).run(&mut Vec::new(), None) {
                Ok(_) => ran += 1,
                Err(_) => failed += 1,
            }
        }
    }
    // Both outcomes must occur, or the mutations test nothing.
    assert!(ran > 100 && failed > 100, "ran {ran}, failed {failed}");
}
