//! The node table of the `_ast` module, written in the ASDL notation of
//! CPython's `Parser/Python.asdl` (version 3.11), and the code that turns
//! it into classes: one abstract class per sum type, one class per
//! constructor and per product type, each with `_fields`,
//! `__match_args__`, `_attributes` and the `None` class defaults CPython
//! gives optional (`?`) fields and end positions.

use crate::types::dict::PyDict;
use crate::{PyObjectRef, PyResult, Vm};

/// Python 3.11's abstract grammar. `*` is a sequence, `?` an optional
/// value; `attributes (...)` lists the location attributes of a type.
pub const ASDL: &str = "
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int? level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass
     | Break
     | Continue
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr_context = Load | Store | Del

boolop = And | Or

operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv

unaryop = Invert | Not | UAdd | USub

cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension = (expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg = (identifier arg, expr? annotation, string? type_comment)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

keyword = (identifier? arg, expr value)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

alias = (identifier name, identifier? asname)
     attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

withitem = (expr context_expr, expr? optional_vars)

match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
     | MatchSingleton(constant value)
     | MatchSequence(pattern* patterns)
     | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
     | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
     | MatchStar(identifier? name)
     | MatchAs(pattern? pattern, identifier? name)
     | MatchOr(pattern* patterns)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)
";

/// One field of a constructor: type name, `*`/`?`/plain, field name.
#[derive(Debug, Clone)]
pub struct Field {
    pub ty: String,
    pub seq: bool,
    pub opt: bool,
    pub name: String,
}

/// A constructor (or the single shape of a product type).
#[derive(Debug, Clone)]
pub struct Constructor {
    pub name: String,
    pub fields: Vec<Field>,
}

/// A type definition: a sum of constructors or one product.
#[derive(Debug, Clone)]
pub struct TypeDef {
    pub name: String,
    /// `None` for a product type.
    pub constructors: Option<Vec<Constructor>>,
    pub product: Vec<Field>,
    pub attributes: Vec<Field>,
}

fn parse_fields(s: &str) -> Vec<Field> {
    s.split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(|f| {
            let (ty, name) = f.split_once(' ').unwrap_or((f, ""));
            let seq = ty.ends_with('*');
            let opt = ty.ends_with('?');
            Field {
                ty: ty.trim_end_matches(['*', '?']).to_string(),
                seq,
                opt,
                name: name.trim().to_string(),
            }
        })
        .collect()
}

/// Text between the parentheses that start at `s[0]`.
fn paren_body(s: &str) -> (&str, &str) {
    let end = s.find(')').unwrap_or(s.len());
    (&s[1..end.max(1)], s.get(end + 1..).unwrap_or(""))
}

/// Parse [`ASDL`] into type definitions, in order.
pub fn parse_asdl(text: &str) -> Vec<TypeDef> {
    let mut defs = Vec::new();
    for block in text.split("\n\n") {
        let block: String = block.split_whitespace().collect::<Vec<_>>().join(" ");
        if block.is_empty() {
            continue;
        }
        let Some((name, rest)) = block.split_once(" = ") else {
            continue;
        };
        let (rest, attrs) = match rest.split_once(" attributes ") {
            Some((r, a)) => (r.trim(), parse_fields(paren_body(a.trim()).0)),
            None => (rest.trim(), Vec::new()),
        };
        let mut def = TypeDef {
            name: name.trim().to_string(),
            constructors: None,
            product: Vec::new(),
            attributes: attrs,
        };
        if rest.starts_with('(') {
            def.product = parse_fields(paren_body(rest).0);
        } else {
            let mut cons = Vec::new();
            for alt in rest.split('|') {
                let alt = alt.trim();
                let (cname, fields) = match alt.find('(') {
                    Some(i) => (&alt[..i], parse_fields(paren_body(&alt[i..]).0)),
                    None => (alt, Vec::new()),
                };
                cons.push(Constructor {
                    name: cname.trim().to_string(),
                    fields,
                });
            }
            def.constructors = Some(cons);
        }
        defs.push(def);
    }
    defs
}

fn field_sig(fields: &[Field]) -> String {
    fields
        .iter()
        .map(|f| {
            format!(
                "{}{} {}",
                f.ty,
                if f.seq {
                    "*"
                } else if f.opt {
                    "?"
                } else {
                    ""
                },
                f.name
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `__doc__` of a constructor class: `Name(type field, ...)`.
fn cons_doc(name: &str, fields: &[Field]) -> String {
    if fields.is_empty() {
        name.to_string()
    } else {
        format!("{name}({})", field_sig(fields))
    }
}

fn str_tuple(vm: &Vm, names: impl Iterator<Item = String>) -> PyObjectRef {
    vm.new_tuple(names.map(|n| vm.new_str(n)).collect())
}

/// Create a class `name(base)` in the `ast` module with namespace entries.
fn make_class(
    vm: &Vm,
    name: &str,
    base: &PyObjectRef,
    doc: &str,
    entries: Vec<(&str, PyObjectRef)>,
) -> PyResult {
    let ns = vm.new_dict();
    for (k, v) in entries {
        vm.dict_set_str(&ns, k, v);
    }
    vm.dict_set_str(&ns, "__module__", vm.new_str("ast"));
    vm.dict_set_str(&ns, "__doc__", vm.new_str(doc));
    let args = [
        vm.new_str(name),
        vm.new_tuple(vec![base.clone()]),
        ns.into_object(),
    ];
    vm.call(vm.types.type_.as_object(), &args)
}

/// Class entries for fields: `_fields`, `__match_args__` and a `None`
/// default for every optional field.
fn field_entries<'a>(vm: &Vm, fields: &'a [Field]) -> Vec<(&'a str, PyObjectRef)> {
    let names = str_tuple(vm, fields.iter().map(|f| f.name.clone()));
    let mut v = vec![("_fields", names.clone()), ("__match_args__", names)];
    for f in fields.iter().filter(|f| f.opt) {
        v.push((f.name.as_str(), vm.none.clone()));
    }
    v
}

fn attr_entries<'a>(vm: &Vm, attrs: &'a [Field]) -> Vec<(&'a str, PyObjectRef)> {
    let mut v = vec![(
        "_attributes",
        str_tuple(vm, attrs.iter().map(|f| f.name.clone())),
    )];
    for f in attrs.iter().filter(|f| f.opt) {
        v.push((f.name.as_str(), vm.none.clone()));
    }
    v
}

/// Create every node class under `ast_base` and store it in `d`.
pub fn build_classes(vm: &Vm, d: &PyDict, ast_base: &PyObjectRef) -> PyResult<()> {
    for def in parse_asdl(ASDL) {
        match &def.constructors {
            None => {
                let mut entries = field_entries(vm, &def.product);
                entries.extend(attr_entries(vm, &def.attributes));
                let doc = cons_doc(&def.name, &def.product);
                let cls = make_class(vm, &def.name, ast_base, &doc, entries)?;
                vm.dict_set_str(d, &def.name, cls);
            }
            Some(cons) => {
                let simple = cons.iter().all(|c| c.fields.is_empty());
                let pad = " ".repeat(def.name.len() + 1);
                let alts: Vec<String> = cons.iter().map(|c| cons_doc(&c.name, &c.fields)).collect();
                let doc = if simple {
                    format!("{} = {}", def.name, alts.join(" | "))
                } else {
                    format!("{} = {}", def.name, alts.join(&format!("\n{pad}| ")))
                };
                let mut entries = vec![
                    ("_fields", vm.empty_tuple.clone()),
                    ("__match_args__", vm.empty_tuple.clone()),
                ];
                entries.extend(attr_entries(vm, &def.attributes));
                let abs = make_class(vm, &def.name, ast_base, &doc, entries)?;
                vm.dict_set_str(d, &def.name, abs.clone());
                for c in cons {
                    let entries = field_entries(vm, &c.fields);
                    let cls =
                        make_class(vm, &c.name, &abs, &cons_doc(&c.name, &c.fields), entries)?;
                    vm.dict_set_str(d, &c.name, cls);
                }
            }
        }
    }
    Ok(())
}
