//! The `pyrite` command: argv like `python3` (`FILE`, `-c`, `-m`, `-`,
//! `-V`, `-B`, `-u`, `-X opt`), exit codes like `python3`, uncaught
//! exceptions printed as CPython prints them.
#![forbid(unsafe_code)]

mod args;

use std::io::Read;

use pyrite::{Config, Interpreter};

/// Native stack for the interpreter thread. Python-to-Python calls do not
/// use it; native re-entry (dunder methods, `sorted(key=...)`) does, and the
/// VM raises RecursionError before it runs out.
const STACK_SIZE: usize = 1 << 30;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("Fatal Python error: pyrite internal error: {info}");
    }));
    let opts = match args::parse(std::env::args_os().map(args::decode_arg).collect()) {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(2);
        }
    };
    let handle = std::thread::Builder::new()
        .name("pyrite-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(opts))
        .expect("spawning the interpreter thread");
    let code = match handle.join() {
        Ok(c) => c,
        Err(_) => 70,
    };
    std::process::exit(code);
}

fn run(opts: args::Options) -> i32 {
    let base = pyrite_vm::vm::stack_marker();
    let mut config = Config {
        argv: opts.argv.clone(),
        ..Default::default()
    };
    config.flags = opts.flags.clone();
    // sys.path[0]: the script's directory, '' for -c/-m/stdin.
    let first = match &opts.mode {
        args::Mode::File(f) => std::path::Path::new(f)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .map(|p| {
                std::fs::canonicalize(&p)
                    .map(|c| c.to_string_lossy().into_owned())
                    .unwrap_or(p)
            })
            .unwrap_or_else(|| {
                std::env::current_dir()
                    .map(|c| c.to_string_lossy().into_owned())
                    .unwrap_or_default()
            }),
        _ => String::new(),
    };
    config.path.push(first);
    if !opts.flags.ignore_environment {
        if let Ok(pp) = std::env::var("PYTHONPATH") {
            config
                .path
                .extend(pp.split(':').filter(|s| !s.is_empty()).map(String::from));
        }
    }
    if let Some(d) = pyrite::stdlib_dir() {
        config.path.push(d);
    }
    let interp = match Interpreter::with_config(config) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("Fatal Python error: failed to initialise the interpreter\n{e}");
            return 1;
        }
    };
    interp.vm().stack_base.set(base);
    interp.vm().stack_size.set(STACK_SIZE);
    let result = match &opts.mode {
        args::Mode::Version => {
            println!("Python 3.11.7");
            return 0;
        }
        args::Mode::Command(c) => interp.run_main(c, "<string>"),
        args::Mode::File(f) => match std::fs::read(f) {
            Ok(bytes) if pyrite::is_pyc_file(f, &bytes) => interp.run_pyc(&bytes, f),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(src) => interp.run_main(&src, f),
                Err(_) => {
                    eprintln!("SyntaxError: Non-UTF-8 code starting in file {f}");
                    return 1;
                }
            },
            Err(e) => {
                let exe = opts.argv0.clone();
                eprintln!(
                    "{}: can't open file {:?}: [Errno {}] {}",
                    exe,
                    std::fs::canonicalize(".")
                        .map(|p| p.join(f).to_string_lossy().into_owned())
                        .unwrap_or(f.clone()),
                    e.raw_os_error().unwrap_or(2),
                    errno_text(&e)
                );
                return 2;
            }
        },
        args::Mode::Stdin => {
            let mut src = String::new();
            if std::io::stdin().read_to_string(&mut src).is_err() {
                eprintln!("pyrite: cannot read standard input");
                return 1;
            }
            interp.run_main(&src, "<stdin>")
        }
        args::Mode::Module(m) => interp.run_module(m),
    };
    let code = match result {
        Ok(()) => 0,
        Err(e) => {
            let vm = interp.vm();
            if vm.exc_matches(&e, &vm.exc.SystemExit) {
                interp.exit_code_of(&e)
            } else {
                pyrite_vm::eval::traceback::print_exception(vm, &e);
                1
            }
        }
    };
    interp.flush();
    code
}

fn errno_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
