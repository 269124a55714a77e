//! The deadlock check: when every thread is blocked for ever on gilpy's own
//! locks, the program ends at once with a report and status 1; while any
//! thread can still go on (a timeout, a sleep, a running thread), nothing.

mod common;

use common::{run_script, Outcome, GILPY};
use std::time::{Duration, Instant};

/// Runs `source` as a script (with `args` before it); the outcome and how
/// long it took.
fn run(name: &str, source: &str, args: &[&str]) -> (Outcome, Duration) {
    let path = std::env::temp_dir().join(format!("gilpy_dl_{}_{}.py", name, std::process::id()));
    std::fs::write(&path, source).expect("write script");
    let started = Instant::now();
    let out = if args.is_empty() {
        run_script(GILPY, &path, Duration::from_secs(20))
    } else {
        let mut cmd = std::process::Command::new(GILPY);
        cmd.args(args).arg(&path);
        common::run(&mut cmd, Duration::from_secs(20))
    };
    let took = started.elapsed();
    let _ = std::fs::remove_file(&path);
    (out.unwrap_or_else(|_| panic!("{} hung", name)), took)
}

const TWO_LOCKS: &str = "\
import threading

a = threading.Lock()
b = threading.Lock()
ready = threading.Barrier(2)


def first():
    with a:
        ready.wait()
        with b:
            pass


def second():
    with b:
        ready.wait()
        with a:
            pass


t1 = threading.Thread(target=first, name='first')
t2 = threading.Thread(target=second, name='second')
t1.start()
t2.start()
print('started')
t1.join()
t2.join()
print('not reached')
";

#[test]
fn two_locks_in_opposite_order() {
    let (out, took) = run("two_locks", TWO_LOCKS, &[]);
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    assert_eq!(out.stdout, "started\n");
    assert!(took < Duration::from_secs(3), "took {:?}", took);
    let err = &out.stderr;
    assert!(err.starts_with("deadlock detected"), "{}", err);
    for want in [
        "Thread \"MainThread\" (most recent call last):",
        "Thread \"first\" (most recent call last):",
        "Thread \"second\" (most recent call last):",
        "line 11, in first\n    with b:",
        "line 18, in second\n    with a:",
        "line 27, in <module>\n    t1.join()",
        "waiting for thread \"first\" to finish",
        "held by \"second\"",
        "held by \"first\"",
    ] {
        assert!(err.contains(want), "stderr lacks {:?}:\n{}", want, err);
    }
    // Each waits for the lock the other holds.
    let lock_of = |thread: &str| -> String {
        let section = err.split(&format!("Thread \"{}\"", thread)).nth(1).unwrap();
        let line = section
            .lines()
            .find(|l| l.contains("waiting for lock"))
            .unwrap();
        line.split_whitespace().nth(3).unwrap().to_string()
    };
    assert_ne!(lock_of("first"), lock_of("second"));
}

#[test]
fn off_switch() {
    // With the check off the program hangs, as CPython's would.
    let path = std::env::temp_dir().join(format!("gilpy_dl_off_{}.py", std::process::id()));
    std::fs::write(
        &path,
        "import threading\nl = threading.Lock()\nl.acquire()\nl.acquire()\n",
    )
    .expect("write script");
    let mut cmd = std::process::Command::new(GILPY);
    cmd.args(["-X", "deadlock=off"]).arg(&path);
    let out = common::run(&mut cmd, Duration::from_millis(1500));
    let _ = std::fs::remove_file(&path);
    assert!(
        out.is_err(),
        "should still be blocked: {:?}",
        out.ok().map(|o| o.stderr)
    );
}

#[test]
fn lock_taken_twice_by_one_thread() {
    let (out, _) = run(
        "self",
        "import threading\nl = threading.Lock()\nl.acquire()\nprint('once')\nl.acquire()\n",
        &[],
    );
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "once\n");
    assert!(
        out.stderr.contains("held by this thread itself"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("line 5, in <module>\n    l.acquire()"),
        "{}",
        out.stderr
    );
}

#[test]
fn join_of_a_thread_blocked_on_a_lock() {
    let src = "\
import threading
l = threading.Lock()
l.acquire()
def w():
    l.acquire()
t = threading.Thread(target=w, name='worker')
t.start()
t.join()
";
    let (out, _) = run("join", src, &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("waiting for thread \"worker\" to finish"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("held by \"MainThread\""),
        "{}",
        out.stderr
    );
}

#[test]
fn queue_get_nobody_puts() {
    let src = "\
import queue, threading
q = queue.Queue()
def w():
    q.get()
t = threading.Thread(target=w, name='consumer')
t.start()
t.join()
";
    let (out, _) = run("queue", src, &[]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("in get\n"), "{}", out.stderr);
    assert!(
        out.stderr.contains("waiting for a notify()"),
        "{}",
        out.stderr
    );
}

#[test]
fn event_nobody_sets_then_rlock_and_condition() {
    let (out, _) = run("event", "import threading\nthreading.Event().wait()\n", &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let src = "\
import threading
r = threading.RLock()
c = threading.Condition(r)
def w():
    with r:
        c.wait()
t = threading.Thread(target=w, name='waiter')
t.start()
t.join()
";
    let (out, _) = run("cond", src, &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("Thread \"waiter\""), "{}", out.stderr);
}

/// Programs that can still go on: never a report.
#[test]
fn silent_while_progress_is_possible() {
    let cases = [
        (
            "timeout",
            "import threading\n\
             l = threading.Lock()\n\
             l.acquire()\n\
             def w():\n    print(l.acquire(timeout=0.3))\n\
             t = threading.Thread(target=w)\n\
             t.start()\n\
             t.join()\n\
             print('done')\n",
            "False\ndone\n",
        ),
        (
            "sleeper",
            "import threading, time\n\
             e = threading.Event()\n\
             def setter():\n    time.sleep(0.3)\n    e.set()\n\
             threading.Thread(target=setter, daemon=True).start()\n\
             e.wait()\n\
             print('set')\n",
            "set\n",
        ),
        (
            "runner",
            "import threading\n\
             l = threading.Lock()\n\
             l.acquire()\n\
             def w():\n    n = 0\n    for i in range(300000):\n        n += i\n    l.release()\n\
             threading.Thread(target=w).start()\n\
             l.acquire()\n\
             print('released')\n",
            "released\n",
        ),
        (
            "pingpong",
            "import threading, queue\n\
             a, b = queue.Queue(), queue.Queue()\n\
             def w():\n    for i in range(2000):\n        b.put(a.get() + 1)\n\
             t = threading.Thread(target=w)\n\
             t.start()\n\
             x = 0\n\
             for i in range(2000):\n    a.put(x)\n    x = b.get()\n\
             t.join()\n\
             print(x)\n",
            "2000\n",
        ),
        (
            "io",
            "import threading, socket, time\n\
             l = threading.Lock()\n\
             l.acquire()\n\
             s1, s2 = socket.socketpair()\n\
             def reader():\n    s1.recv(1)\n    l.release()\n\
             def writer():\n    time.sleep(0.3)\n    s2.send(b'x')\n\
             threading.Thread(target=reader).start()\n\
             threading.Thread(target=writer).start()\n\
             l.acquire()\n\
             print('ok')\n",
            "ok\n",
        ),
    ];
    for (name, src, want) in cases {
        let (out, _) = run(name, src, &[]);
        assert_eq!(out.code, 0, "{}: {}", name, out.stderr);
        assert_eq!(out.stdout, want, "{}: {}", name, out.stderr);
        assert!(!out.stderr.contains("deadlock"), "{}: {}", name, out.stderr);
    }
}
