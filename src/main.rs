//! The `gilpy` command: `gilpy [options] (FILE | -c CODE | -) [ARGS...]`.

use gilpy::vm::{Options, THREAD_STACK_SIZE};
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

// Python programs allocate many small, short-lived objects; mimalloc's
// per-thread free lists serve them faster than the system allocator.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Run by the loader before `main`, so before mimalloc reserves its first
/// arena: the arena is committed as it is used, not up front. Committed
/// up front, pages it freed were never given back, so the resident size
/// showed every page ever touched (twice what the program held) and grew
/// in steps when a collection freed a burst of objects.
#[cfg(not(feature = "system-allocator"))]
#[used]
#[link_section = ".init_array"]
static COMMIT_ON_DEMAND: extern "C" fn() = commit_on_demand;

#[cfg(not(feature = "system-allocator"))]
extern "C" fn commit_on_demand() {
    extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    /// `mi_option_arena_eager_commit` in mimalloc's option enum.
    const ARENA_EAGER_COMMIT: std::ffi::c_int = 4;
    // SAFETY: getenv with a NUL-terminated name; no thread exists yet.
    let set_by_user = unsafe { !libc::getenv(c"MIMALLOC_ARENA_EAGER_COMMIT".as_ptr()).is_null() };
    if !set_by_user {
        // SAFETY: mimalloc's options may be set at any time; this runs
        // before any allocation, so the first arena already obeys it.
        unsafe { mi_option_set(ARENA_EAGER_COMMIT, 0) };
    }
}

const USAGE: &str = "usage: gilpy [option] ... [-c cmd | file | -] [arg] ...
Options:
  -c cmd     program passed in as string (terminates option list)
  -m mod     run library module as a script (terminates option list)
  -h, --help print this help message and exit
  -V         print the version and exit (-VV: also say which build)
  -X opt     gilpy-specific option:
             -X gil=0|1   turn the GIL off or on (free-threaded build only)
             -X gilstats  print per-thread GIL statistics at exit
             -X giltrace=FILE.json|FILE.svg  write the GIL timeline at exit
             -X deadlock=off  no report when every thread is blocked for ever
             -X dis       print the bytecode before running
  -u         unbuffered standard output (also PYTHONUNBUFFERED=x)
  -W arg     warning control: action:message:category:module:lineno
             (also PYTHONWARNINGS=arg,...)
  -B, -E, -s, -S, -O  accepted for compatibility, no effect
  file       program read from script file
  -          program read from stdin
  arg ...    arguments passed to program in sys.argv[1:]
";

enum Source {
    File(String),
    /// `-m module`
    Module(String),
    Code(String),
    Stdin,
    Repl,
}

struct Cli {
    source: Source,
    argv: Vec<String>,
    options: Options,
    gil: Option<bool>,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("gilpy: {}", msg);
    eprintln!("usage: gilpy [option] ... [-c cmd | file | -] [arg] ...");
    eprintln!("Try `gilpy -h' for more information.");
    ExitCode::from(2)
}

fn version(verbose: bool) -> String {
    let build = if gilpy::vm::sync::FREE_THREADING {
        "free-threading build"
    } else {
        "GIL build"
    };
    if verbose {
        format!(
            "Python 3.11.0 (gilpy {}, {}, Rust)",
            env!("CARGO_PKG_VERSION"),
            build
        )
    } else {
        "Python 3.11.0 (gilpy)".to_string()
    }
}

fn parse_args(args: Vec<String>) -> Result<Cli, ExitCode> {
    let mut options = Options::default();
    let mut gil = None;
    let mut i = 0;
    let mut verbose_version = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    return Err(usage_error("Argument expected for the -c option"));
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                return Ok(Cli {
                    source: Source::Code(code.clone()),
                    argv,
                    options,
                    gil,
                });
            }
            "-m" => {
                let Some(module) = args.get(i + 1) else {
                    return Err(usage_error("Argument expected for the -m option"));
                };
                // argv[0] becomes the module's file once it is found.
                let mut argv = vec!["-m".to_string()];
                argv.extend(args[i + 2..].iter().cloned());
                return Ok(Cli {
                    source: Source::Module(module.clone()),
                    argv,
                    options,
                    gil,
                });
            }
            "-" => {
                let mut argv = vec!["-".to_string()];
                argv.extend(args[i + 1..].iter().cloned());
                return Ok(Cli {
                    source: Source::Stdin,
                    argv,
                    options,
                    gil,
                });
            }
            "-h" | "--help" | "-?" => {
                print!("{}", USAGE);
                return Err(ExitCode::SUCCESS);
            }
            "-V" | "--version" => verbose_version += 1,
            "-VV" => verbose_version += 2,
            // Unbuffered standard output, as CPython's -u.
            "-u" => gilpy::vm::stdio::set_unbuffered(true),
            "-B" | "-E" | "-s" | "-S" | "-O" | "-OO" | "-I" | "-q" => {}
            "-X" => {
                let Some(opt) = args.get(i + 1) else {
                    return Err(usage_error("Argument expected for the -X option"));
                };
                i += 1;
                apply_x(opt, &mut options, &mut gil)?;
            }
            s if s.starts_with("-X") => apply_x(&s[2..], &mut options, &mut gil)?,
            "-W" => {
                let Some(opt) = args.get(i + 1) else {
                    return Err(usage_error("Argument expected for the -W option"));
                };
                i += 1;
                options.warnoptions.push(opt.clone());
            }
            s if s.starts_with("-W") => options.warnoptions.push(s[2..].to_string()),
            s if s.starts_with("-c") => {
                let mut argv = vec!["-c".to_string()];
                argv.extend(args[i + 1..].iter().cloned());
                return Ok(Cli {
                    source: Source::Code(s[2..].to_string()),
                    argv,
                    options,
                    gil,
                });
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(usage_error(&format!("unknown option {}", s)));
            }
            _ => {
                if verbose_version > 0 {
                    break;
                }
                let argv = args[i..].to_vec();
                return Ok(Cli {
                    source: Source::File(a.clone()),
                    argv,
                    options,
                    gil,
                });
            }
        }
        i += 1;
    }
    if verbose_version > 0 {
        println!("{}", version(verbose_version > 1));
        return Err(ExitCode::SUCCESS);
    }
    let source = if std::io::stdin().is_terminal() {
        Source::Repl
    } else {
        Source::Stdin
    };
    Ok(Cli {
        source,
        argv: vec![String::new()],
        options,
        gil,
    })
}

fn apply_x(opt: &str, options: &mut Options, gil: &mut Option<bool>) -> Result<(), ExitCode> {
    match opt {
        "dis" => options.dis = true,
        "gilstats" => options.gilstats = true,
        t if t.starts_with("giltrace=") && t.len() > 9 => options.giltrace = Some(t[9..].to_string()),
        "deadlock=off" => options.no_deadlock_check = true,
        "deadlock=on" => options.no_deadlock_check = false,
        "gil=0" => *gil = Some(false),
        "gil=1" => *gil = Some(true),
        other => {
            return Err(usage_error(&format!(
                "unknown -X option '{}' (known: gil=0, gil=1, gilstats, giltrace=FILE.json|FILE.svg, deadlock=off, dis)",
                other
            )))
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cli = match parse_args(args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut gil = cli.gil;
    if gil.is_none() {
        match std::env::var("PYTHON_GIL").as_deref() {
            Ok("0") => gil = Some(false),
            Ok("1") => gil = Some(true),
            _ => {}
        }
    }
    if gil == Some(false) && !gilpy::vm::sync::FREE_THREADING {
        eprintln!(
            "Fatal Python error: config_read_gil: Disabling the GIL is not supported by this build"
        );
        eprintln!("(gilpy was built with the GIL; build with `--features free-threading` to run without it)");
        return ExitCode::from(1);
    }
    if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
        gilpy::vm::stdio::set_unbuffered(true);
    }
    gilpy::vm::os::install_sigint_handler();
    // Python code runs on a thread with a large stack, so deep (but legal)
    // recursion never overflows the native stack before RecursionError.
    let runner = std::thread::Builder::new()
        .name("MainThread".into())
        .stack_size(THREAD_STACK_SIZE)
        .spawn(move || run(cli, gil));
    // Signals sent to the process go to the thread running Python code.
    gilpy::vm::signals::mask_in_this_thread(true);
    match runner.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => {
            eprintln!("gilpy: internal error: the interpreter thread failed");
            ExitCode::from(70)
        }
    }
}

fn run(cli: Cli, gil: Option<bool>) -> u8 {
    if let Source::Module(name) = &cli.source {
        let mut vm = gilpy::new_interpreter(cli.options.clone());
        if let Some(on) = gil {
            vm.interp.gil.set_enabled(on);
        }
        vm.interp.gil.acquire();
        gilpy::stdlib::sys::set_argv(&mut vm, &cli.argv);
        let cwd = std::env::current_dir()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        gilpy::stdlib::sys::set_path(&mut vm, &cwd);
        gilpy::stdlib::sys::set_warnoptions(&mut vm, &cli.options.warnoptions);
        return gilpy::run_module(&mut vm, name);
    }
    let (source, filename) = match &cli.source {
        Source::File(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                // As CPython since 3.9, the main script's path is made absolute.
                Ok(s) => (
                    s,
                    std::path::absolute(path)
                        .map_or_else(|_| path.clone(), |p| p.display().to_string()),
                ),
                Err(_) => {
                    eprintln!("SyntaxError: file {} is not valid UTF-8", path);
                    return 1;
                }
            },
            Err(e) => {
                let text = e.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text).to_string();
                eprintln!(
                    "gilpy: can't open file '{}': [Errno {}] {}",
                    std::path::absolute(path)
                        .map_or_else(|_| path.clone(), |p| p.display().to_string()),
                    e.raw_os_error().unwrap_or(2),
                    text
                );
                return 2;
            }
        },
        Source::Code(c) => (c.clone(), "<string>".to_string()),
        Source::Stdin => {
            let mut s = String::new();
            if std::io::stdin().read_to_string(&mut s).is_err() {
                eprintln!("gilpy: can't read program from stdin");
                return 2;
            }
            (s, "<stdin>".to_string())
        }
        Source::Repl => return gilpy::repl::run(cli.options, gil),
        Source::Module(_) => unreachable!("handled above"),
    };
    // sys.path[0]: the script's own folder (symbolic links resolved), or ''
    // (the current folder) for -c and stdin.
    let path0 = match &cli.source {
        Source::File(path) => std::fs::canonicalize(path)
            .ok()
            .and_then(|p| p.parent().map(|d| d.display().to_string()))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let mut vm = gilpy::new_interpreter(cli.options.clone());
    if let Some(on) = gil {
        vm.interp.gil.set_enabled(on);
    }
    vm.interp.gil.acquire();
    gilpy::stdlib::sys::set_argv(&mut vm, &cli.argv);
    gilpy::stdlib::sys::set_path(&mut vm, &path0);
    gilpy::stdlib::sys::set_warnoptions(&mut vm, &cli.options.warnoptions);
    gilpy::run_main(&mut vm, &source, &filename)
}
