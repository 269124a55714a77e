//! gilpy: a small Python with a real global interpreter lock.
//!
//! The pipeline, one module per stage: `syntax` (lexer and parser) ->
//! `compiler` (symbol table and bytecode) -> `vm` (frames, objects, the eval
//! loop, the GIL) -> `builtins` and `stdlib` (native modules).
//!
//! This file assembles an interpreter from those parts: the VM is the floor
//! and knows nothing above it; it is handed the compiler and the module
//! table, then `builtins` registers the built-in types' methods and the
//! `builtins` namespace into it.

pub mod builtins;
pub mod compiler;
pub mod fmt;
pub mod stdlib;
pub mod syntax;
pub mod vm;

use compiler::bytecode::CodeObject;
use std::sync::Arc;
use syntax::SyntaxError;

/// Parses and compiles a module's source.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let module = syntax::parse_module(source, filename)?;
    compiler::compile_module(&module, source, filename)
}

/// Compiles source text in one of `compile()`'s modes.
pub fn compile_mode(
    source: &str,
    filename: &str,
    mode: CompileMode,
) -> Result<Arc<CodeObject>, SyntaxError> {
    match mode {
        CompileMode::Module => compile_source(source, filename),
        CompileMode::Exec => {
            let module = syntax::parse_module(source, filename)?;
            compiler::compile_exec(&module, source, filename)
        }
        CompileMode::Eval => {
            // eval() ignores leading spaces and tabs, as CPython does.
            let trimmed = source.trim_start_matches([' ', '\t']);
            let expr = syntax::parse_expression(trimmed, filename)?;
            compiler::compile_expression(&expr, trimmed, filename)
        }
        CompileMode::Single => {
            let module = syntax::parse_module(source, filename)?;
            if module.body.len() > 1 {
                let end = module.body[0].span.end as usize;
                let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
                return Err(SyntaxError::new(
                    "SyntaxError",
                    "multiple statements found while compiling a single statement",
                    filename,
                    source,
                    line_end,
                ));
            }
            compiler::compile_interactive(&module, source, filename)
        }
    }
}

/// The compiler as the VM sees it.
fn compile_for_vm(
    source: &str,
    filename: &str,
    mode: CompileMode,
) -> Result<Arc<CodeObject>, Box<CompileError>> {
    compile_mode(source, filename, mode).map_err(|e| {
        Box::new(CompileError {
            kind: e.kind,
            msg: e.msg.clone(),
            filename: e.filename.clone(),
            lineno: e.lineno,
            col: e.col,
            line_text: e.line_text.clone(),
            report: e.to_string(),
        })
    })
}

/// What the VM is handed: the compiler and the module table.
pub const HOST: Host = Host {
    compile: compile_for_vm,
    caret_anchors: syntax::carets::caret_anchors,
    modules: stdlib::MODULES,
};

/// A ready interpreter: the VM of its main thread, with the built-in types'
/// methods, the `builtins` namespace and `sys` in place.
pub fn new_interpreter(options: vm::Options) -> Vm {
    let mut vm = Vm::new(options, HOST);
    builtins::install(&mut vm);
    if let Err(e) = vm.import("sys", false) {
        let report = vm.format_exception(&e);
        vm::stdio::write_stderr_raw(&report);
    }
    vm
}

pub mod repl;

use vm::host::{CompileError, CompileMode, Host};
use vm::{Value, Vm};

/// Runs `source` as the `__main__` module and returns the process exit status,
/// reporting errors on stderr as CPython does.
pub fn run_main(vm: &mut Vm, source: &str, filename: &str) -> u8 {
    // Code given with -c or on stdin has no file to show lines from: as in
    // CPython, its tracebacks name the line without quoting it.
    if !matches!(filename, "<string>" | "<stdin>") {
        vm.interp
            .sources
            .lock()
            .insert(filename.to_string(), source.into());
    }
    let code = match compile_source(source, filename) {
        Ok(c) => c,
        Err(e) => {
            vm::stdio::write_stderr_raw(&format!("{}\n", e));
            return 1;
        }
    };
    if vm.interp.options.dis {
        vm::stdio::write_stderr_raw(&format!("{}\n", code));
    }
    let result = vm.run_module_code(&code, "__main__").map(|_| ());
    conclude(vm, result)
}

/// `gilpy -m NAME`: runs the module `NAME` as the program.
pub fn run_module(vm: &mut Vm, name: &str) -> u8 {
    match vm.run_module_as_main(name) {
        Ok(Some(())) => conclude(vm, Ok(())),
        Ok(None) => {
            vm::stdio::write_stderr_raw(&format!("gilpy: No module named {}\n", name));
            1
        }
        Err(e) => conclude(vm, Err(e)),
    }
}

/// After the main module: finalizers, waiting for threads, the exit status
/// an uncaught exception means, the GIL reports.
fn conclude(vm: &mut Vm, result: vm::PyResult<()>) -> u8 {
    vm.run_finalizers();
    let status = match result {
        Ok(_) => finish(vm, 0),
        // Ctrl-C ends the program at once: no waiting for other threads.
        Err(exc) if vm.isinstance(&exc, &vm.types().exc.KeyboardInterrupt.clone()) => {
            exit_status_for(vm, &exc)
        }
        Err(exc) => {
            let status = exit_status_for(vm, &exc);
            finish(vm, status)
        }
    };
    let status = match vm::stdio::flush_stdout_raw() {
        Ok(()) => status,
        // As CPython: reported, and the status says the output was lost.
        Err(e) => {
            let exc = vm.os_error(&e, None).into_value();
            let text = vm.format_exception(&exc);
            let what = "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>";
            vm::stdio::write_stderr(vm, &format!("Exception ignored in: {what}\n{text}"));
            120
        }
    };
    vm.report_gil();
    status
}

/// Waits for the non-daemon threads (`threading._shutdown`), if threading was used.
fn finish(vm: &mut Vm, status: u8) -> u8 {
    let threading = vm.interp.modules.lock().get_by_str("threading").cloned();
    if let Some(m) = threading {
        if let Ok(Some(shutdown)) = vm.getattr_opt(&m, &vm.intern("_shutdown")) {
            if let Err(exc) = vm.call(&shutdown, &[], &[]) {
                let s = exit_status_for(vm, &exc);
                return if status == 0 { s } else { status };
            }
        }
    }
    run_atexit(vm);
    vm.finalize_main_module();
    status
}

/// Runs the functions registered with `atexit`, last first, once the
/// threads are done (as CPython does at shutdown).
fn run_atexit(vm: &mut Vm) {
    let atexit = vm.interp.modules.lock().get_by_str("atexit").cloned();
    if let Some(m) = atexit {
        if let Ok(Some(run)) = vm.getattr_opt(&m, &vm.intern("_run_exitfuncs")) {
            if let Err(exc) = vm.call(&run, &[], &[]) {
                let report = vm.format_exception(&exc);
                vm::stdio::write_stderr_raw(&report);
            }
        }
    }
}

/// Reports an uncaught exception and gives the exit status it means.
pub fn exit_status_for(vm: &mut Vm, exc: &Value) -> u8 {
    let sys_exit = vm.types().exc.SystemExit.clone();
    if vm.isinstance(exc, &sys_exit) {
        let code = vm.exc_first_arg(exc);
        return match code {
            Value::None => 0,
            Value::Int(i) => (i & 0xff) as u8,
            Value::Bool(b) => b as u8,
            other => {
                let s = vm.str_(&other).unwrap_or_default();
                vm::stdio::write_stderr_raw(&format!("{}\n", s));
                1
            }
        };
    }
    let report = vm.format_exception(exc);
    vm::stdio::write_stderr_raw(&report);
    if vm.isinstance(exc, &vm.types().exc.KeyboardInterrupt.clone()) {
        130
    } else {
        1
    }
}
