//! The interactive prompt, used when `gilpy` starts on a terminal without a
//! script: line editing and history (`~/.gilpy_history`) by `rustyline`,
//! `>>>`/`...` prompts, expression results shown by their repr and kept in
//! `_`, tab completion of names and attributes, Ctrl-C to cancel a line or
//! interrupt running code, Ctrl-D to leave.

use crate::vm::gilstats::Wait;
use crate::vm::host::CompileMode;
use crate::vm::sync::Shared;
use crate::vm::value::PyDict;
use crate::vm::{Options, Value, Vm};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::FileHistory;
use rustyline::validate::Validator;
use rustyline::{CompletionType, Config, Context, Editor, Helper};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The main thread's interpreter and the prompt's namespace, shared by the
/// loop and the completer (which runs inside `readline`).
struct Session {
    vm: Vm,
    globals: Shared<PyDict>,
}

struct ReplHelper(Rc<RefCell<Session>>);

impl Helper for ReplHelper {}
impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let head = &line[..pos];
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &head[start..];
        let mut session = self.0.borrow_mut();
        let session = &mut *session;
        // `readline` runs with the GIL released: take it for the lookup.
        session.vm.interp.gil.acquire();
        let found = completions(&mut session.vm, &session.globals, word);
        session.vm.interp.gil.release(Wait::File);
        let pairs = found
            .into_iter()
            .map(|c| Pair {
                display: c.rsplit('.').next().unwrap_or(&c).to_string(),
                replacement: c,
            })
            .collect();
        Ok((start, pairs))
    }
}

/// What `word` may complete to: keywords, globals and builtins, or for
/// `name.attr` the attributes of `name` (evaluated only when it is a dotted
/// name, as CPython's completer does).
fn completions(vm: &mut Vm, globals: &Shared<PyDict>, word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(dot) = word.rfind('.') {
        let (expr, prefix) = (&word[..dot], &word[dot + 1..]);
        let dotted = !expr.is_empty()
            && expr.split('.').all(|p| {
                p.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
            });
        if !dotted {
            return out;
        }
        let Ok(code) = vm.compile_source(expr, "<completion>", CompileMode::Eval) else {
            return out;
        };
        let Ok(obj) = vm.run_in_namespace(&code, globals, None) else {
            return out;
        };
        let dir = vm
            .interp
            .builtins
            .lock()
            .get_by_str("dir")
            .cloned()
            .unwrap_or(Value::None);
        if let Ok(names) = vm.call(&dir, &[obj], &[]) {
            if let Ok(items) = vm.iterate(&names) {
                for n in items {
                    if let Some(n) = n.as_str() {
                        let hidden = n.starts_with('_') && !prefix.starts_with('_');
                        if n.starts_with(prefix) && !hidden {
                            out.push(format!("{}.{}", expr, n));
                        }
                    }
                }
            }
        }
    } else {
        out.extend(
            KEYWORDS
                .iter()
                .filter(|k| k.starts_with(word))
                .map(|k| k.to_string()),
        );
        for d in [globals.clone(), vm.interp.builtins.clone()] {
            for (k, _) in d.lock().iter() {
                if let Some(k) = k.as_str() {
                    let hidden = k.starts_with('_') && !word.starts_with('_');
                    if k.starts_with(word) && !hidden {
                        out.push(k.to_string());
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether more lines are needed: an open block (until a blank line), an
/// open bracket, string or backslash.
fn needs_more(buffer: &str, last_blank: bool) -> bool {
    let first = buffer.lines().next().unwrap_or("").trim_end();
    let keyword = first
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    let compound = matches!(
        keyword,
        "if" | "while" | "for" | "def" | "class" | "with" | "try" | "async"
    );
    let block = compound || first.ends_with(':') || first.starts_with('@');
    if block && !last_blank {
        return true;
    }
    match crate::compile_source(buffer, "<stdin>") {
        Ok(_) => false,
        Err(e) => {
            let msg = e.to_string();
            !last_blank
                && (msg.contains("was never closed")
                    || msg.contains("unexpected EOF")
                    || msg.contains("unterminated triple-quoted")
                    || msg.contains("EOF in multi-line"))
        }
    }
}

fn history_file() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".gilpy_history"))
}

/// Runs the prompt until Ctrl-D or `exit()`; the exit status.
pub fn run(options: Options, gil: Option<bool>) -> u8 {
    let mut vm = crate::new_interpreter(options);
    if let Some(on) = gil {
        vm.interp.gil.set_enabled(on);
    }
    vm.interp.gil.acquire();
    println!(
        "{}\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
        crate::stdlib::sys::version_string()
    );
    let globals = match vm.run_module_code(&empty_module(), "__main__") {
        Ok(g) => g,
        Err(_) => return 1,
    };
    let session = Rc::new(RefCell::new(Session { vm, globals }));
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .build();
    let mut editor: Editor<ReplHelper, FileHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("gilpy: cannot start the prompt: {}", e);
            return 1;
        }
    };
    editor.set_helper(Some(ReplHelper(session.clone())));
    let history = history_file();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let mut buffer = String::new();
    let status = loop {
        let prompt = if buffer.is_empty() { ">>> " } else { "... " };
        let _ = crate::vm::stdio::flush_stdout_raw();
        session.borrow().vm.interp.gil.release(Wait::File);
        let line = editor.readline(prompt);
        session.borrow().vm.interp.gil.acquire();
        let line = match line {
            Ok(l) => l,
            Err(ReadlineError::Interrupted) => {
                buffer.clear();
                eprintln!("\nKeyboardInterrupt");
                continue;
            }
            Err(_) => {
                println!();
                break 0;
            }
        };
        if !line.trim().is_empty() {
            let _ = editor.add_history_entry(line.as_str());
        }
        let blank = line.trim().is_empty();
        if buffer.is_empty() && blank {
            continue;
        }
        buffer.push_str(&line);
        buffer.push('\n');
        let mut s = session.borrow_mut();
        let s = &mut *s;
        if needs_more(&buffer, blank) {
            continue;
        }
        let src = std::mem::take(&mut buffer);
        if let Some(code) = run_input(&mut s.vm, &s.globals, &src) {
            break code;
        }
    };
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    status
}

/// Runs one complete input; `Some(status)` when it asked to exit.
fn run_input(vm: &mut Vm, globals: &Shared<PyDict>, src: &str) -> Option<u8> {
    crate::vm::signals::clear(libc::SIGINT);
    let result = vm
        .compile_source(src, "<stdin>", CompileMode::Single)
        .and_then(|code| {
            // As CPython, no source lines under `<stdin>` in tracebacks.
            vm.interp.sources.lock().remove("<stdin>");
            vm.run_in_namespace(&code, globals, None)
        });
    let result = result.and_then(|v| crate::vm::stdio::flush_stdout(vm).map(|()| v));
    if let Err(e) = result {
        if vm.isinstance(&e, &vm.types().exc.SystemExit.clone()) {
            return Some(crate::exit_status_for(vm, &e));
        }
        let report = vm.format_exception(&e);
        crate::vm::stdio::write_stderr(vm, &report);
    }
    None
}

fn empty_module() -> std::sync::Arc<crate::compiler::bytecode::CodeObject> {
    crate::compile_source("", "<stdin>").unwrap_or_else(|_| {
        std::sync::Arc::new(crate::compiler::bytecode::CodeObject {
            name: "<module>".into(),
            qualname: "<module>".into(),
            filename: "<stdin>".into(),
            firstlineno: 1,
            instructions: vec![
                crate::compiler::bytecode::Instr::LoadConst(0),
                crate::compiler::bytecode::Instr::ReturnValue,
            ],
            lines: vec![1, 1],
            positions: Vec::new(),
            consts: vec![crate::compiler::bytecode::Constant::None],
            names: vec![],
            varnames: vec![],
            cellvars: vec![],
            freevars: vec![],
            cell2arg: vec![],
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
            is_generator: false,
            is_coroutine: false,
            is_class_body: false,
            docstring: None,
            max_stack: 1,
        })
    })
}
