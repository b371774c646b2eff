//! Command-line parsing compatible with `python3`'s options.

use pyrite_vm::vm::VmFlags;

/// What to run.
#[derive(Debug, Clone)]
pub enum Mode {
    File(String),
    Command(String),
    Module(String),
    Stdin,
    Version,
}

/// Parsed options.
#[derive(Clone)]
pub struct Options {
    pub mode: Mode,
    /// `sys.argv`.
    pub argv: Vec<String>,
    pub argv0: String,
    pub flags: VmFlags,
}

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// One command-line argument as Python sees it: UTF-8 with undecodable
/// bytes as lone surrogates (surrogateescape, stored as stand-ins; see
/// `pyrite_bytecode::surrogate`).
pub fn decode_arg(a: std::ffi::OsString) -> String {
    use std::os::unix::ffi::OsStrExt;
    let b = a.as_bytes();
    match std::str::from_utf8(b) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let mut out = String::with_capacity(b.len());
            let mut i = 0;
            while i < b.len() {
                match std::str::from_utf8(&b[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = i + e.valid_up_to();
                        out.push_str(std::str::from_utf8(&b[i..good]).unwrap_or(""));
                        let bad = e.error_len().unwrap_or(b.len() - good);
                        for &x in &b[good..good + bad] {
                            out.push(pyrite_bytecode::surrogate::stand_in(0xDC00 + x as u32));
                        }
                        i = good + bad;
                    }
                }
            }
            out
        }
    }
}

/// Parse `std::env::args()`.
pub fn parse(args: Vec<String>) -> Result<Options, String> {
    let argv0 = args.first().cloned().unwrap_or_else(|| "pyrite".into());
    let mut flags = VmFlags::default();
    if std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty()) {
        flags.dont_write_bytecode = true;
    }
    if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
        flags.unbuffered = true;
    }
    // -B/-u given explicitly (they survive -E/-I, which drop what the
    // environment set).
    let (mut b_seen, mut u_seen) = (false, false);
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            let mut argv = vec!["-".to_string()];
            argv.extend_from_slice(&args[i + 1..]);
            return Ok(Options {
                mode: Mode::Stdin,
                argv,
                argv0,
                flags,
            });
        }
        if a == "--version" || a == "-V" {
            return Ok(Options {
                mode: Mode::Version,
                argv: vec![],
                argv0,
                flags,
            });
        }
        if a == "--trace" {
            // Pyrite's own spelling of `-X trace`.
            flags.trace = true;
            i += 1;
            continue;
        }
        if a == "--help" || a == "-h" {
            return Err(USAGE.to_string());
        }
        if !a.starts_with('-') {
            let argv = args[i..].to_vec();
            return Ok(Options {
                mode: Mode::File(a.clone()),
                argv,
                argv0,
                flags,
            });
        }
        // A cluster of single-letter options, possibly ending in one that
        // takes an argument (-c, -m, -X, -W).
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            let rest: String = chars[j + 1..].iter().collect();
            let take_arg = |i: &mut usize| -> Result<String, String> {
                if !rest.is_empty() {
                    Ok(rest.clone())
                } else {
                    *i += 1;
                    args.get(*i)
                        .cloned()
                        .ok_or_else(|| format!("Argument expected for the -{c} option\n{USAGE}"))
                }
            };
            match c {
                'c' => {
                    let cmd = take_arg(&mut i)?;
                    let mut argv = vec!["-c".to_string()];
                    argv.extend_from_slice(&args[i + 1..]);
                    return Ok(Options {
                        mode: Mode::Command(cmd),
                        argv,
                        argv0,
                        flags,
                    });
                }
                'm' => {
                    let m = take_arg(&mut i)?;
                    let mut argv = vec![m.clone()];
                    argv.extend_from_slice(&args[i + 1..]);
                    return Ok(Options {
                        mode: Mode::Module(m),
                        argv,
                        argv0,
                        flags,
                    });
                }
                'X' => {
                    let x = take_arg(&mut i)?;
                    if x == "trace" {
                        flags.trace = true;
                    }
                    break;
                }
                'W' => {
                    take_arg(&mut i)?;
                    break;
                }
                'B' => {
                    flags.dont_write_bytecode = true;
                    b_seen = true;
                }
                'u' => {
                    flags.unbuffered = true;
                    u_seen = true;
                }
                'i' => flags.interactive = true,
                'E' | 'I' => {
                    flags.ignore_environment = true;
                    flags.dont_write_bytecode = b_seen;
                    flags.unbuffered = u_seen;
                }
                'O' => flags.optimize += 1,
                's' | 'S' | 'q' | 'b' | 'd' | 'v' | 'P' | 'R' | 'x' => {}
                other => {
                    return Err(format!(
                        "Unknown option: -{other}\n{USAGE}\nTry `python -h' for more information."
                    ))
                }
            }
            j += 1;
        }
        i += 1;
    }
    Ok(Options {
        mode: Mode::Stdin,
        argv: vec![String::new()],
        argv0,
        flags,
    })
}
