//! The interactive prompt, driven through a pseudo-terminal as a person
//! would: a multi-line function, an expression's repr, `_`, a traceback,
//! Ctrl-C on a running loop, history recall with the up arrow, Ctrl-D.

mod common;

use common::GILPY;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Terminal {
    master: std::fs::File,
    output: Arc<Mutex<Vec<u8>>>,
    child: std::process::Child,
    /// How much of the output earlier expectations consumed.
    seen: usize,
}

impl Terminal {
    fn start(home: &std::path::Path) -> Terminal {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 100,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two descriptors into the given integers and
        // reads the window size; the null name and termios are allowed.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty");
        // SAFETY: both descriptors were just opened and are owned by nobody else.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = Command::new(GILPY);
        cmd.env("HOME", home)
            .env("TERM", "xterm")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: between fork and exec only async-signal-safe calls are
        // made: a new session whose controlling terminal is the pty (stdin),
        // so that Ctrl-C typed there sends SIGINT to the interpreter.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start gilpy");
        let master = std::fs::File::from(master);
        let output = Arc::new(Mutex::new(Vec::new()));
        let (mut reader, mut answer) = (master.try_clone().unwrap(), master.try_clone().unwrap());
        let sink = output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // Answer the editor's cursor-position query at once.
                if buf[..n].windows(4).any(|w| w == b"\x1b[6n") {
                    let _ = answer.write_all(b"\x1b[1;1R");
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Terminal {
            master,
            output,
            child,
            seen: 0,
        }
    }

    fn send(&mut self, keys: &str) {
        self.master.write_all(keys.as_bytes()).expect("type");
    }

    /// Waits until `text` appears after what was already seen.
    fn expect(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            {
                let out = self.output.lock().unwrap();
                let hay = String::from_utf8_lossy(&out[self.seen..]).into_owned();
                if let Some(i) = hay.find(text) {
                    self.seen += hay[..i + text.len()].len();
                    return;
                }
                if start.elapsed() > Duration::from_secs(15) {
                    panic!("no {:?} in the output:\n{}", text, hay);
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn interactive_session() {
    let home = std::env::temp_dir().join(format!("gilpy_repl_{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let mut t = Terminal::start(&home);
    t.expect(">>> ");
    // A multi-line block ends at a blank line.
    t.send("def double(x):\r");
    t.expect("... ");
    t.send("    return x * 2\r");
    t.expect("... ");
    t.send("\r");
    t.expect(">>> ");
    t.send("double(21)\r");
    t.expect("42\r\n");
    t.expect(">>> ");
    t.send("_ + 1\r");
    t.expect("43\r\n");
    t.expect(">>> ");
    t.send("[double('ab'), None]\r");
    t.expect("['abab', None]\r\n");
    t.expect(">>> ");
    // A traceback, and the prompt comes back.
    t.send("1/0\r");
    t.expect("Traceback (most recent call last):");
    t.expect("File \"<stdin>\", line 1, in <module>");
    t.expect("ZeroDivisionError: division by zero");
    t.expect(">>> ");
    // Tab completion of a global and of an attribute.
    t.send("doub\t(4)\r");
    t.expect("8\r\n");
    t.expect(">>> ");
    t.send("s = 'x'\r");
    t.expect(">>> ");
    t.send("s.uppe\t()\r");
    t.expect("'X'\r\n");
    t.expect(">>> ");
    // Ctrl-C on a running loop.
    t.send("while True: pass\r");
    t.expect("... ");
    t.send("\r");
    std::thread::sleep(Duration::from_millis(300));
    t.send("\x03");
    t.expect("KeyboardInterrupt");
    t.expect(">>> ");
    // Ctrl-C on a half-typed line drops it.
    t.send("abc\x03");
    t.expect("KeyboardInterrupt");
    t.expect(">>> ");
    // History: the up arrow brings back the last line.
    t.send("'hist' + 'ory'\r");
    t.expect("'history'\r\n");
    t.expect(">>> ");
    t.send("\x1b[A\r");
    t.expect("'history'\r\n");
    t.expect(">>> ");
    // Ctrl-D leaves with status 0 and saves the history.
    t.send("\x04");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = t.child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "still running after Ctrl-D"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let history = std::fs::read_to_string(home.join(".gilpy_history")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&home);
    assert!(history.contains("'hist' + 'ory'"), "history: {}", history);
}

#[test]
fn piped_stdin_runs_as_a_script() {
    let mut child = Command::new(GILPY)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start gilpy");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"x = 2\nx * 3\nprint(x * 3)\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "6\n");
}
