//! Imports from the file system as the command line sets them up: `-m`,
//! `PYTHONPATH`, the script's own folder, `-c` with the current folder;
//! each compared with what python3 prints for the same command.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A folder of modules for one test, removed when dropped.
struct Tree(PathBuf);

impl Tree {
    fn new(name: &str, files: &[(&str, &str)]) -> Tree {
        let root =
            std::env::temp_dir().join(format!("gilpy_imports_{}_{}", name, std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().expect("a file has a folder")).expect("mkdir");
            std::fs::write(p, text).expect("write module");
        }
        Tree(root)
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `args` with gilpy and with python3 in `dir` (with `env` added) and
/// checks they print the same and exit alike.
fn same_as_python(dir: &Path, env: &[(&str, String)], args: &[&str]) {
    let run = |program: &str| {
        let mut cmd = Command::new(program);
        cmd.args(args).current_dir(dir);
        for (k, v) in env {
            cmd.env(k, v);
        }
        common::run(&mut cmd, Duration::from_secs(60)).expect("finishes in time")
    };
    let ours = run(common::GILPY);
    let theirs = run("python3");
    assert_eq!(
        ours.stdout, theirs.stdout,
        "stdout of {:?}; stderr:\n{}",
        args, ours.stderr
    );
    assert_eq!(
        ours.code, theirs.code,
        "exit status of {:?}; stderr:\n{}",
        args, ours.stderr
    );
}

const PKG: &[(&str, &str)] = &[
    ("app/__init__.py", "NAME = 'app'\n"),
    (
        "app/__main__.py",
        "import sys\nfrom . import tools\nprint('main of', __name__, __package__, sys.argv[1:])\nprint(tools.double(21))\n",
    ),
    ("app/tools.py", "def double(x):\n    return 2 * x\nif __name__ == '__main__':\n    import sys\n    print('tools as main', __package__, sys.argv[1:], __spec__.name)\n"),
    ("lib/extra.py", "WHERE = 'PYTHONPATH'\n"),
    ("script_dir/run.py", "import neighbour\nprint(neighbour.X)\n"),
    ("script_dir/neighbour.py", "X = 'next to the script'\n"),
];

#[test]
fn dash_m_runs_modules_and_packages() {
    let t = Tree::new("m", PKG);
    same_as_python(&t.0, &[], &["-m", "app", "a", "b"]);
    same_as_python(&t.0, &[], &["-m", "app.tools", "x"]);
    same_as_python(&t.0, &[], &["-m", "no_such_module_anywhere"]);
}

#[test]
fn pythonpath_and_script_folder_are_searched() {
    let t = Tree::new("path", PKG);
    let lib = t.0.join("lib").display().to_string();
    same_as_python(
        &t.0,
        &[("PYTHONPATH", lib)],
        &["-c", "import extra, sys; print(extra.WHERE)"],
    );
    same_as_python(&t.0, &[], &["script_dir/run.py"]);
    same_as_python(
        &t.0,
        &[],
        &["-c", "import app.tools as t; print(t.double(4))"],
    );
    same_as_python(&t.0, &[], &["-c", "from . import x"]);
}

/// `-W` and `PYTHONWARNINGS` become `sys.warnoptions` and hold from the start.
#[test]
fn warning_options_as_cpython() {
    let t = Tree::new("warnopts", &[("empty.py", "")]);
    let prog = "import sys, warnings\nprint(sys.warnoptions)\n\
                try:\n    warnings.warn('w', UserWarning)\n    print('not raised')\n\
                except UserWarning as e:\n    print('raised', e)\n\
                warnings.warn('d', DeprecationWarning)\nprint('end')\n";
    same_as_python(&t.0, &[], &["-W", "error::UserWarning", "-c", prog]);
    same_as_python(&t.0, &[], &["-Wignore", "-c", prog]);
    same_as_python(
        &t.0,
        &[("PYTHONWARNINGS", "ignore,error::UserWarning".to_string())],
        &["-W", "default", "-c", prog],
    );
    same_as_python(&t.0, &[], &["-W", "bogus", "-c", prog]);
}
