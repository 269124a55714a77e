//! The interactive prompt, used when `gilpy` starts on a terminal without a script.

use crate::vm::Options;
use std::io::{BufRead, Write};

/// Reads statements from stdin and runs them; expression results are printed.
pub fn run(options: Options, gil: Option<bool>) -> u8 {
    let mut vm = crate::new_interpreter(options);
    if let Some(on) = gil {
        vm.interp.gil.set_enabled(on);
    }
    vm.interp.gil.acquire();
    println!("{} -- Ctrl-D to exit", crate::stdlib::sys::version_string());
    let globals = match vm.run_module_code(&empty_module(), "__main__") {
        Ok(g) => g,
        Err(_) => return 1,
    };
    let stdin = std::io::stdin();
    let mut buffer = String::new();
    loop {
        print!("{}", if buffer.is_empty() { ">>> " } else { "... " });
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        let n = vm.allow_threads(crate::vm::gilstats::Wait::File, || {
            stdin.lock().read_line(&mut line)
        });
        match n {
            Ok(0) | Err(_) => {
                println!();
                return 0;
            }
            Ok(_) => {}
        }
        let blank = line.trim().is_empty();
        buffer.push_str(&line);
        // A compound statement continues until a blank line.
        let first = buffer.lines().next().unwrap_or("").trim_end();
        if first.ends_with(':') && !blank {
            continue;
        }
        let src = std::mem::take(&mut buffer);
        if src.trim().is_empty() {
            continue;
        }
        // Echo the value of a lone expression, as the REPL does.
        let shown = format!("__repl_value__ = ({})\n", src.trim_end());
        let single_expr =
            !src.trim_end().contains('\n') && crate::compile_source(&shown, "<stdin>").is_ok();
        let to_run = if single_expr { shown } else { src };
        match crate::compile_source(&to_run, "<stdin>") {
            Err(e) => eprintln!("{}", e),
            Ok(code) => {
                vm.interp
                    .sources
                    .lock()
                    .insert("<stdin>".to_string(), to_run.as_str().into());
                match vm.run_code_in(&code, &globals) {
                    Ok(_) => {
                        if single_expr {
                            let v = globals.lock().remove_str("__repl_value__");
                            if let Some(v) = v {
                                if !v.is_none() {
                                    match vm.repr(&v) {
                                        Ok(s) => println!("{}", s),
                                        Err(e) => eprint!("{}", vm.format_exception(&e)),
                                    }
                                }
                            }
                        }
                    }
                    Err(e) => eprint!("{}", vm.format_exception(&e)),
                }
                crate::vm::stdio::flush_stdout_raw();
            }
        }
    }
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
