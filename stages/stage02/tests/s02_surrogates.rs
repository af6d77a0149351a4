//! Section 2.8: printing a lone surrogate writes what CPython writes under the
//! same environment. The stage binary and python3.11 run the same program side
//! by side with the locale and `PYTHONIOENCODING` set in their environment.

use std::process::Command;

/// Environment variables set for a run.
type Env<'a> = &'a [(&'a str, &'a str)];
/// Exit status, stdout and the last line of stderr.
type Expected<'a> = (i32, &'a [u8], &'a str);

const PROGRAM: &str = "print('a\\udc80b')\nprint('after')\n";

/// (status, stdout bytes, last stderr line) of `program file` under `env`.
fn run(program: &str, file: &std::path::Path, env: &[(&str, &str)]) -> (i32, Vec<u8>, String) {
    let mut command = Command::new(program);
    command.arg(file);
    for name in [
        "LC_ALL",
        "LC_CTYPE",
        "LANG",
        "PYTHONIOENCODING",
        "PYTHONUTF8",
    ] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let output = command.output().expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or_default().to_string();
    (output.status.code().unwrap_or(-1), output.stdout, last)
}

fn has_python311() -> bool {
    Command::new("python3.11")
        .arg("-c")
        .arg("pass")
        .status()
        .is_ok_and(|status| status.success())
}

#[test]
fn s02_8_a_lone_surrogate_prints_as_cpython_prints_it() {
    if !has_python311() {
        eprintln!("SKIPPED s02_8_a_lone_surrogate_prints_as_cpython_prints_it: no python3.11");
        return;
    }
    let dir = std::env::temp_dir().join(format!("s02_surrogates_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("surrogate.py");
    std::fs::write(&file, PROGRAM).expect("program");
    let strict_error =
        "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udc80' in position 1: \
         surrogates not allowed";
    let cases: &[(Env, Expected)] = &[
        (&[("LC_ALL", "C.UTF-8")], (0, b"a\x80b\nafter\n", "")),
        (&[("LC_ALL", "C")], (0, b"a\x80b\nafter\n", "")),
        (&[], (0, b"a\x80b\nafter\n", "")),
        (
            &[("LC_ALL", "C.UTF-8"), ("PYTHONIOENCODING", "utf-8:strict")],
            (1, b"", strict_error),
        ),
    ];
    for (env, (status, stdout, last)) in cases {
        let ours = run(env!("CARGO_BIN_EXE_stage02"), &file, env);
        let cpython = run("python3.11", &file, env);
        assert_eq!(ours, cpython, "stage02 and python3.11 differ under {env:?}");
        assert_eq!(
            (ours.0, ours.1.as_slice(), ours.2.as_str()),
            (*status, *stdout, *last),
            "under {env:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
