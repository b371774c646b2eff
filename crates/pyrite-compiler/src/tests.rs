//! Unit tests of the whole compiler (source in, code object out).

use super::*;

fn code(src: &str) -> Rc<CodeObject> {
    compile(src, "<test>", Mode::Exec, CompileFlags::default()).unwrap()
}

fn syntax_msg(src: &str) -> String {
    match compile(src, "<test>", Mode::Exec, CompileFlags::default()) {
        Err(CompileError::Syntax { error, .. }) => error.msg,
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn compiles_simple_module() {
    let c = code("x = 1\nprint(x)\n");
    assert!(!c.code.is_empty());
    assert_eq!(&*c.names[0], "x");
}

#[test]
fn symtable_errors() {
    assert_eq!(
        syntax_msg("nonlocal x\n"),
        "nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        syntax_msg("def f(a):\n    global a\n"),
        "name 'a' is parameter and global"
    );
    assert_eq!(syntax_msg("return 1\n"), "'return' outside function");
    assert_eq!(syntax_msg("break\n"), "'break' outside loop");
    assert_eq!(syntax_msg("continue\n"), "'continue' not properly in loop");
    assert_eq!(
        syntax_msg("def f(a, a): pass\n"),
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(
        syntax_msg("def f():\n    nonlocal y\n"),
        "no binding for nonlocal 'y' found"
    );
    assert_eq!(syntax_msg("await x\n"), "'await' outside function");
}

#[test]
fn deep_nesting_is_recursion_error() {
    let src = format!("x = {}1\n", "1+".repeat(5000));
    assert!(matches!(
        compile(&src, "<t>", Mode::Exec, CompileFlags::default()),
        Err(CompileError::Recursion(_))
    ));
}
