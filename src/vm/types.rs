//! The built-in classes: created once per interpreter, methods filled in by
//! `builtins::install`.

use super::dict::DictMap;
use super::object::{Class, ClassRef, Layout, Native};
use super::sync::Shared;
use super::value::{PyStr, Value};

fn class(name: &str, bases: &[&ClassRef], layout: Layout) -> ClassRef {
    let bases: Vec<ClassRef> = bases.iter().map(|c| (*c).clone()).collect();
    let mro = c3_mro(&bases).expect("built-in hierarchy is consistent");
    let n = Shared::new(PyStr::new(name));
    Shared::new(Class {
        name: n.clone(),
        qualname: n,
        bases,
        mro,
        dict: super::object::ClassDict::new(DictMap::new()),
        layout,
        builtin: true,
        meta: None,
        slots: None,
        custom_getattribute: Default::default(),
        subclasses: super::sync::PyCell::new(Vec::new()),
    })
}

/// C3 linearisation of the bases (the class itself excluded).
pub fn c3_mro(bases: &[ClassRef]) -> Result<Vec<ClassRef>, String> {
    let mut seqs: Vec<Vec<ClassRef>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<ClassRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Shared::ptr_eq(c, cand)));
            if !in_tail {
                chosen = Some(cand.clone());
                break;
            }
        }
        let Some(c) = chosen else {
            let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Shared::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

macro_rules! exc_types {
    ($object:ident; $($name:ident : $base:ident $(+ $extra:ident)*),* $(,)?) => {
        /// The built-in exception classes.
        #[allow(non_snake_case)]
        pub struct ExcTypes { $(pub $name: ClassRef,)* }
        impl ExcTypes {
            #[allow(non_snake_case)]
            fn new($object: &ClassRef) -> ExcTypes {
                $(let $name = class(stringify!($name), &[&$base $(, &$extra)*], Layout::Exception);)*
                ExcTypes { $($name,)* }
            }
            /// Every exception class, for the builtins module.
            pub fn all(&self) -> Vec<&ClassRef> {
                vec![$(&self.$name,)*]
            }
        }
    };
}

exc_types! {
    object;
    BaseException: object,
    Exception: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    BaseExceptionGroup: BaseException,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    FloatingPointError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    TimeoutError: OSError,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ProcessLookupError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    InterruptedError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    PendingDeprecationWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
    ExceptionGroup: BaseExceptionGroup + Exception,
}

/// The built-in classes every value's `type()` comes from.
pub struct Types {
    pub object: ClassRef,
    pub type_: ClassRef,
    pub none: ClassRef,
    pub bool_: ClassRef,
    pub int: ClassRef,
    pub float: ClassRef,
    pub complex: ClassRef,
    pub str_: ClassRef,
    pub bytes: ClassRef,
    pub bytearray: ClassRef,
    pub memoryview: ClassRef,
    pub list: ClassRef,
    pub tuple: ClassRef,
    pub dict: ClassRef,
    pub set: ClassRef,
    pub frozenset: ClassRef,
    pub function: ClassRef,
    pub builtin_function: ClassRef,
    pub method: ClassRef,
    pub module: ClassRef,
    pub range: ClassRef,
    pub slice: ClassRef,
    pub generator: ClassRef,
    pub coroutine: ClassRef,
    pub async_generator: ClassRef,
    pub property: ClassRef,
    pub staticmethod: ClassRef,
    pub classmethod: ClassRef,
    pub super_: ClassRef,
    pub not_implemented_type: ClassRef,
    pub ellipsis_type: ClassRef,
    pub iterator: ClassRef,
    pub cell: ClassRef,
    pub code: ClassRef,
    pub dict_keys: ClassRef,
    pub dict_values: ClassRef,
    pub dict_items: ClassRef,
    pub enumerate: ClassRef,
    pub zip: ClassRef,
    pub map: ClassRef,
    pub filter: ClassRef,
    pub reversed: ClassRef,
    pub mappingproxy: ClassRef,
    pub exc: ExcTypes,
    pub not_implemented: Value,
    pub ellipsis: Value,
}

impl Types {
    pub fn new() -> Types {
        let object = class("object", &[], Layout::Object);
        let b = |name: &str| class(name, &[&object], Layout::Builtin);
        let int = b("int");
        let bool_ = class("bool", &[&int], Layout::Builtin);
        let not_implemented_type = b("NotImplementedType");
        let ellipsis_type = b("ellipsis");
        let exc = ExcTypes::new(&object);
        Types {
            type_: b("type"),
            none: b("NoneType"),
            bool_,
            int,
            float: b("float"),
            complex: b("complex"),
            str_: b("str"),
            bytes: b("bytes"),
            bytearray: b("bytearray"),
            memoryview: b("memoryview"),
            list: b("list"),
            tuple: b("tuple"),
            dict: b("dict"),
            set: b("set"),
            frozenset: b("frozenset"),
            function: b("function"),
            builtin_function: b("builtin_function_or_method"),
            method: b("method"),
            module: b("module"),
            range: b("range"),
            slice: b("slice"),
            generator: b("generator"),
            coroutine: b("coroutine"),
            async_generator: b("async_generator"),
            property: b("property"),
            staticmethod: b("staticmethod"),
            classmethod: b("classmethod"),
            super_: b("super"),
            iterator: b("iterator"),
            cell: b("cell"),
            code: b("code"),
            dict_keys: b("dict_keys"),
            dict_values: b("dict_values"),
            dict_items: b("dict_items"),
            enumerate: b("enumerate"),
            zip: b("zip"),
            map: b("map"),
            filter: b("filter"),
            reversed: b("reversed"),
            mappingproxy: b("mappingproxy"),
            not_implemented: Value::native(Native::NotImplemented),
            ellipsis: Value::native(Native::Ellipsis),
            not_implemented_type,
            ellipsis_type,
            exc,
            object,
        }
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
