//! The harness of the Ctrl-C tests of every stage (`s02_interrupt.rs`,
//! `s03_interrupt.rs`): run a program until its first output, send it SIGINT
//! as `kill -INT` does, and check what an interrupted run must show. Written
//! once and included by each stage's test with `#[path]`, so a fix to it is
//! made once.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// SIGINT's number.
pub const SIGINT: i32 = 2;

/// What a run left behind.
#[derive(Debug)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub status: ExitStatus,
}

/// The first output of the interrupt programs: a line longer than the stdout
/// buffer, written at once but for its newline.
pub const FIRST: usize = 9000;

/// Runs `command` until it has written [`FIRST`] bytes, sends it SIGINT as
/// `kill -INT` does, and collects the rest. A watchdog kills it after a minute,
/// so a run that ignores the interrupt fails the test instead of hanging it.
pub fn interrupt_after_first_output(command: &mut Command) -> Run {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    let mut stderr = child.stderr.take().expect("stderr");
    let stderr = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut seen = Vec::new();
    let mut chunk = [0; 4096];
    while seen.len() < FIRST {
        match stdout.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.extend_from_slice(&chunk[..n]),
        }
    }
    let pid = child.id().to_string();
    let (done, watched) = mpsc::channel::<()>();
    let watchdog = {
        let pid = pid.clone();
        thread::spawn(move || {
            if watched.recv_timeout(Duration::from_secs(60)).is_err() {
                let _ = Command::new("kill").args(["-KILL", &pid]).status();
            }
        })
    };
    let sent = Command::new("kill").args(["-INT", &pid]).status();
    assert!(
        sent.as_ref().is_ok_and(|s| s.success()),
        "kill -INT {pid}: {sent:?}"
    );
    let _ = stdout.read_to_end(&mut seen);
    let status = child.wait().expect("the program ends");
    let _ = done.send(());
    watchdog.join().expect("watchdog");
    Run {
        stdout: seen,
        stderr: stderr.join().expect("stderr reader"),
        status,
    }
}

/// What the interrupt programs have printed, depending on where the signal
/// lands: the text of the first line (longer than the stdout buffer, so
/// written at once), then also its newline, then also `ready` (both held in
/// the buffer until a flush).
pub fn printed() -> [String; 3] {
    let text = "x".repeat(FIRST);
    [
        text.clone(),
        format!("{text}\n"),
        format!("{text}\nready\n"),
    ]
}

/// What every interrupted run shows: the output the program printed before
/// the interrupt, the buffered part included (one of `outputs`, depending on
/// where the signal landed), `KeyboardInterrupt` as the last line of stderr,
/// and death by SIGINT.
pub fn assert_interrupted(who: &str, run: &Run, outputs: &[String]) {
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        outputs.iter().any(|output| *output == stdout),
        "{who}: stdout is not the output printed before the interrupt: {} bytes ending {:?}",
        stdout.len(),
        &stdout[stdout.len().saturating_sub(20)..],
    );
    assert!(
        run.stderr.ends_with("\nKeyboardInterrupt\n") || run.stderr == "KeyboardInterrupt\n",
        "{who}: stderr {:?}",
        run.stderr
    );
    assert_eq!(
        run.status.signal(),
        Some(SIGINT),
        "{who}: not killed by SIGINT: {:?}",
        run.status
    );
}

/// Whether this process ignores SIGINT (as a background job of a
/// non-interactive shell does): its children then start out ignoring it too,
/// and CPython leaves it ignored, so there is nothing to compare.
pub fn sigint_ignored() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (SIGINT - 1)) != 0)
}
