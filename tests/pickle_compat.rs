//! Pickles cross between gilpy and CPython: what gilpy dumps, python3 loads
//! and finds equal (and, for common data, byte for byte the same as its own
//! pickles), and what python3 dumps, gilpy loads and finds equal, in every
//! protocol. The bytes pass through files in a temporary folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The values both sides pickle, with a comparison that looks into
/// instances and exceptions.
const VALUES_PY: &str = r#"
import collections
import pickle
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)


class Slots:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return type(other) is Slots and (self.a, self.b) == (other.a, other.b)


class Tagged(list):
    def __eq__(self, other):
        return (type(other) is Tagged and list(self) == list(other)
                and self.__dict__ == other.__dict__)


Pair = collections.namedtuple('Pair', 'left right')

# Data whose pickles must be byte for byte CPython's.
COMMON = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31,
    2**63, -2**63 - 1, 2**100, 1.5, -0.0, 1e300, '', 'text', 'é€😀',
    'long ' * 100, b'', b'bytes', b'\x00' * 300, (), (1,), (1, 2), (1, 2, 3),
    (1, 2, 3, 4), [], [1, [2, [3]]], {}, {'a': 1, 'b': [1, 2]},
    list(range(2500)), {i: str(i) for i in range(1200)},
    [(i, -i, i * 0.5) for i in range(3000)], bytearray(b'ba'), complex(1, 2),
    {1, 2, 3}, frozenset({4, 5}),
]


def objects(proto):
    t = Tagged([1, 2])
    t.tag = 'x'
    shared = [1, 2]
    slots = [Slots(1, [2])] if proto >= 2 else []
    return slots + [
        Point(1, 'two'), t, Pair(1, Pair(2, 3)),
        collections.OrderedDict(a=1, b=2), collections.deque([1, 2], maxlen=4),
        collections.Counter('abracadabra'), collections.defaultdict(list, {'k': [1]}),
        ValueError('bad', 2), KeyError('k'), [shared, shared], Point, len,
        range(2, 9, 3), 2**1000,
    ]


def same(a, b):
    if isinstance(a, BaseException):
        return type(a) is type(b) and a.args == b.args
    if isinstance(a, collections.defaultdict):
        return (type(b) is collections.defaultdict and a == b
                and a.default_factory is b.default_factory)
    if isinstance(a, list) and type(a) is list:
        return (type(b) is list and len(a) == len(b)
                and all(same(x, y) for x, y in zip(a, b)))
    return type(a) is type(b) and a == b


def check(got, want, what):
    bad = [i for i, (x, y) in enumerate(zip(got, want)) if not same(x, y)]
    if len(got) != len(want) or bad:
        print(what, 'differs at', bad, [repr(got[i])[:80] for i in bad])
    else:
        print(what, 'ok')
"#;

/// gilpy writes its pickles, then reads python3's; python3 the other way.
const DUMP_PY: &str = r#"
import pickle, sys, values
tag = sys.argv[1]
for proto in range(6):
    with open('%s_common_%d.pkl' % (tag, proto), 'wb') as f:
        pickle.dump(values.COMMON, f, proto)
    with open('%s_objects_%d.pkl' % (tag, proto), 'wb') as f:
        pickle.dump(values.objects(proto), f, proto)
    shared = values.objects(proto)[-5]
    r = pickle.loads(pickle.dumps(shared, proto))
    print(proto, 'shared', r[0] is r[1])
"#;

const LOAD_PY: &str = r#"
import pickle, sys, values
tag, other = sys.argv[1], sys.argv[2]
for proto in range(6):
    for kind, want in (('common', values.COMMON), ('objects', values.objects(proto))):
        with open('%s_%s_%d.pkl' % (other, kind, proto), 'rb') as f:
            data = f.read()
        values.check(pickle.loads(data), want, '%s %s %d' % (kind, other, proto))
    with open('%s_common_%d.pkl' % (other, proto), 'rb') as f:
        theirs = f.read()
    with open('%s_common_%d.pkl' % (tag, proto), 'rb') as f:
        ours = f.read()
    print('bytes', proto, 'identical' if ours == theirs else 'DIFFER')
"#;

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(program: &str, dir: &Path, args: &[&str]) -> String {
    let out = common::run(
        Command::new(program).args(args).current_dir(dir),
        Duration::from_secs(120),
    )
    .expect("finishes in time");
    assert_eq!(
        out.code, 0,
        "{} {:?} failed:\n{}\n{}",
        program, args, out.stdout, out.stderr
    );
    out.stdout
}

#[test]
fn pickles_cross_between_gilpy_and_cpython() {
    if Command::new("python3").arg("-V").output().is_err() {
        println!("python3 not found: skipping the pickle compatibility test");
        return;
    }
    let dir = TempDir(std::env::temp_dir().join(format!("gilpy_pickle_{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&dir.0);
    std::fs::create_dir_all(&dir.0).expect("mkdir");
    for (name, text) in [
        ("values.py", VALUES_PY),
        ("dump.py", DUMP_PY),
        ("load.py", LOAD_PY),
    ] {
        std::fs::write(dir.0.join(name), text).expect("write script");
    }
    let ours = run(common::GILPY, &dir.0, &["dump.py", "gilpy"]);
    let theirs = run("python3", &dir.0, &["dump.py", "cpython"]);
    assert_eq!(ours, theirs, "shared references");
    let loaded_by_cpython = run("python3", &dir.0, &["load.py", "cpython", "gilpy"]);
    let loaded_by_gilpy = run(common::GILPY, &dir.0, &["load.py", "gilpy", "cpython"]);
    for (who, out) in [("python3", &loaded_by_cpython), ("gilpy", &loaded_by_gilpy)] {
        let bad: Vec<&str> = out
            .lines()
            .filter(|l| !l.ends_with(" ok") && !l.ends_with(" identical"))
            .collect();
        assert!(
            bad.is_empty(),
            "{} loading the other's pickles:\n{}",
            who,
            out
        );
    }
    assert_eq!(loaded_by_gilpy.lines().count(), 18);
}
