//! Running module code and `import`, as CPython finds modules: those
//! already loaded in `sys.modules`; then the built-in (native) modules of the
//! table the interpreter was given; then `NAME.py` or the package
//! `NAME/__init__.py` along `sys.path` (or the parent package's `__path__`);
//! then the standard modules written in gilpy's Python, embedded in the
//! binary (as if they stood at the end of `sys.path`, so that a user's own
//! `random.py` shadows the standard one, as in CPython); then a namespace
//! package (a folder without `__init__.py`). Relative names (`from . import
//! x`) are resolved against the importing module's `__package__`.

use super::dict::DictMap;
use super::frame::Frame;
use super::host::{CompileMode, ModuleInit};
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{new_str, PyDict, Str, Value};
use super::Vm;

/// Where a module was found along a search path.
pub enum Found {
    /// `NAME.py`, or a package's `__init__.py` (with the package's folder).
    File {
        path: String,
        pkg_dir: Option<String>,
    },
    /// Folders named like the module, without `__init__.py`.
    Namespace(Vec<String>),
}

impl Vm {
    /// A fresh module object and its namespace (`__name__`, `__doc__`,
    /// `__package__`, `__spec__`, `__loader__` set; not yet in `sys.modules`).
    pub fn new_module(&mut self, name: &str) -> (Value, Shared<PyDict>) {
        let globals = Shared::new(PyCell::new(DictMap::new()));
        // A module namespace is shared by every function of the module.
        Shared::make_immortal(&globals);
        {
            let mut g = globals.lock();
            g.set_by_str("__name__", new_str(name));
            g.set_by_str("__doc__", Value::None);
            g.set_by_str("__package__", Value::None);
            g.set_by_str("__loader__", Value::None);
            g.set_by_str("__spec__", Value::None);
        }
        let module = Value::Module(Shared::new(Module {
            name: self.intern(name),
            dict: globals.clone(),
        }));
        (module, globals)
    }

    /// Runs a program's code as the module `name` (`__main__`), registered
    /// in `sys.modules`, with `__file__` the program's file name.
    pub fn run_module_code(
        &mut self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        name: &str,
    ) -> PyResult<Shared<PyDict>> {
        let (module, globals) = self.new_module(name);
        {
            let builtins = self.interp.modules.lock().get_by_str("builtins").cloned();
            let mut g = globals.lock();
            if !code.filename.starts_with('<') {
                g.set_by_str("__file__", new_str(code.filename.as_ref()));
                g.set_by_str("__cached__", Value::None);
            }
            g.set_by_str("__annotations__", Value::dict(DictMap::new()));
            if let Some(b) = builtins {
                g.set_by_str("__builtins__", b);
            }
        }
        self.interp.modules.lock().set_by_str(name, module);
        self.run_code_in(code, &globals)?;
        Ok(globals)
    }

    pub fn run_code_in(
        &mut self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        let code = self.load_code(code);
        self.run_loaded_code_in(code, globals)
    }

    /// Runs a program in a namespace of its own that, like its code, is
    /// freed when the program ends: for running many programs in one
    /// interpreter (the fuzz harness), where a module's immortal namespace
    /// would keep each of them.
    pub fn run_transient_program(
        &mut self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        name: &str,
    ) -> PyResult<Value> {
        let globals = Shared::new(PyCell::new(DictMap::new()));
        // Its functions hold it: a cycle for the collector.
        super::gc::track_dict(&globals);
        {
            let builtins = self.interp.modules.lock().get_by_str("builtins").cloned();
            let mut g = globals.lock();
            g.set_by_str("__name__", new_str(name));
            g.set_by_str("__annotations__", Value::dict(DictMap::new()));
            if let Some(b) = builtins {
                g.set_by_str("__builtins__", b);
            }
        }
        let code = self.load_code_transient(code);
        self.run_loaded_code_in(code, &globals)
    }

    fn run_loaded_code_in(
        &mut self,
        code: Shared<Code>,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        let nlocals = code.co.varnames.len();
        let ncells = code.co.cellvars.len();
        let mut frame = Frame {
            stack: {
                let mut stack = Vec::with_capacity(nlocals + code.co.max_stack as usize);
                stack.resize(nlocals, Value::Null);
                stack
            },
            base: 0,
            yielded: false,
            cells: (0..ncells)
                .map(|_| super::gc::new_cell(Value::Null))
                .collect(),
            code,
            pc: 0,
            blocks: Vec::new(),
            globals: globals.clone(),
            locals: None,
            locals_mapping: None,
        };
        self.current_globals.push(globals.clone());
        let r = self.run_call_frame(&mut frame);
        self.current_globals.pop();
        r
    }

    pub(super) fn run_call_frame(&mut self, frame: &mut Frame) -> PyResult<Value> {
        self.depth += 1;
        let r = self.run_frame(frame);
        self.depth -= 1;
        r
    }

    /// `from m import *`: the names in `m.__all__`, or else every public one.
    pub(super) fn import_star(&mut self, frame: &mut Frame, m: &Value) -> PyResult<()> {
        let ns = frame.locals.as_ref().unwrap_or(&frame.globals).clone();
        if let Some(all) = self.getattr_opt(m, &self.intern("__all__"))? {
            for name in self.iterate(&all)? {
                let Value::Str(s) = &name else {
                    return Err(self.type_error(format!(
                        "Item in {}.__all__ must be str, not {}",
                        self.module_name(m),
                        self.type_name(&name)
                    )));
                };
                let v = self.getattr(m, s)?;
                ns.lock().set_str(s, v);
            }
            return Ok(());
        }
        let Value::Module(md) = m else {
            return Err(self.type_error("import * needs a module"));
        };
        let entries: Vec<(Value, Value)> = md.dict.lock().items();
        for (k, v) in entries {
            if let Value::Str(s) = &k {
                if !s.as_str().starts_with('_') {
                    ns.lock().set_str(s, v);
                }
            }
        }
        Ok(())
    }

    fn module_name(&self, m: &Value) -> String {
        match m {
            Value::Module(md) => md.name.as_str().to_string(),
            _ => "?".to_string(),
        }
    }

    pub(super) fn import_from(&mut self, m: &Value, name: &Str) -> PyResult<Value> {
        match self.getattr_opt(m, name)? {
            Some(v) => Ok(v),
            None => {
                // A submodule not yet imported (e.g. `from concurrent import futures`).
                if let Value::Module(md) = m {
                    let full = format!("{}.{}", md.name.as_str(), name.as_str());
                    match self.import(&full, false) {
                        Ok(sub) => return Ok(sub),
                        Err(e)
                            if !self
                                .isinstance(&e, &self.types().exc.ModuleNotFoundError.clone()) =>
                        {
                            return Err(e)
                        }
                        Err(_) => {}
                    }
                    let file = md.dict.lock().get_by_str("__file__").cloned();
                    let location = match file {
                        Some(Value::Str(f)) => format!(" ({})", f.as_str()),
                        _ => " (unknown location)".to_string(),
                    };
                    return Err(self.new_error(
                        &self.types().exc.ImportError,
                        format!(
                            "cannot import name '{}' from '{}'{}",
                            name.as_str(),
                            md.name.as_str(),
                            location
                        ),
                    ));
                }
                Err(self.new_error(
                    &self.types().exc.ImportError,
                    format!("cannot import name '{}'", name.as_str()),
                ))
            }
        }
    }

    /// `import name` from code running in `globals`: a relative name (with
    /// leading dots) is resolved against that module's package. Returns the
    /// top-level package when `top` (`import a.b` binds `a`), else the leaf.
    pub fn import_relative(
        &mut self,
        name: &str,
        top: bool,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        if !name.starts_with('.') {
            return self.import(name, top);
        }
        let absolute = self.resolve_relative(name, globals)?;
        self.import(&absolute, false)
    }

    /// `..x.y` from a module of package `a.b.c` is `a.b.x.y`.
    fn resolve_relative(&self, name: &str, globals: &Shared<PyDict>) -> PyResult<String> {
        let level = name.len() - name.trim_start_matches('.').len();
        let rest = &name[level..];
        let package = {
            let g = globals.lock();
            match g.get_by_str("__package__") {
                Some(Value::Str(p)) => Some(p.as_str().to_string()),
                _ => match (g.get_by_str("__name__"), g.get_by_str("__path__")) {
                    (Some(Value::Str(n)), Some(_)) => Some(n.as_str().to_string()),
                    (Some(Value::Str(n)), None) => {
                        n.as_str().rsplit_once('.').map(|(p, _)| p.to_string())
                    }
                    _ => None,
                },
            }
        };
        let Some(package) = package.filter(|p| !p.is_empty()) else {
            return Err(self.new_error(
                &self.types().exc.ImportError,
                "attempted relative import with no known parent package",
            ));
        };
        let mut base = package.as_str();
        for _ in 1..level {
            match base.rsplit_once('.') {
                Some((p, _)) => base = p,
                None => {
                    return Err(self.new_error(
                        &self.types().exc.ImportError,
                        "attempted relative import beyond top-level package",
                    ))
                }
            }
        }
        Ok(if rest.is_empty() {
            base.to_string()
        } else {
            format!("{}.{}", base, rest)
        })
    }

    /// `import name` (absolute): returns the top-level package when `top`,
    /// else the leaf.
    pub fn import(&mut self, name: &str, top: bool) -> PyResult<Value> {
        if name.is_empty() || name.split('.').any(|p| p.is_empty()) {
            return Err(self.value_error("Empty module name"));
        }
        let mut parent: Option<Value> = None;
        let mut first: Option<Value> = None;
        let mut so_far = String::new();
        for part in name.split('.') {
            if !so_far.is_empty() {
                so_far.push('.');
            }
            so_far.push_str(part);
            if so_far.len() < name.len()
                && matches!(
                    self.interp.modules.lock().get_by_str(&so_far),
                    Some(Value::None)
                )
            {
                // A package blocked by `None` has no submodules (CPython's
                // message, found when it reads the parent's `__path__`).
                return Err(self.module_not_found(
                    name,
                    format!("No module named '{}'; '{}' is not a package", name, so_far),
                ));
            }
            let m = self.import_one(&so_far, parent.as_ref())?;
            if let Some(Value::Module(p)) = &parent {
                p.dict.lock().set_by_str(part, m.clone());
            }
            if first.is_none() {
                first = Some(m.clone());
            }
            parent = Some(m);
        }
        let leaf = parent.unwrap_or(Value::None);
        Ok(if top { first.unwrap_or(leaf) } else { leaf })
    }

    /// One step of an import: `name` is the full dotted name, `parent` the
    /// package it is in (already imported).
    fn import_one(&mut self, name: &str, parent: Option<&Value>) -> PyResult<Value> {
        let known = self.interp.modules.lock().get_by_str(name).cloned();
        match known {
            // `sys.modules[name] = None` blocks the import.
            Some(Value::None) => {
                return Err(self.module_not_found(
                    name,
                    format!("import of {} halted; None in sys.modules", name),
                ))
            }
            Some(m) => return Ok(m),
            None => {}
        }
        let def = self.interp.host.module(name);
        if let Some(ModuleInit::Native(init)) = def.map(|d| d.init) {
            let mut dict = DictMap::new();
            init(self, &mut dict)?;
            return Ok(self.add_module(name, dict));
        }
        let found = self.find_on_path(name, parent);
        if let Some(Found::File { path, pkg_dir }) = found {
            return self.load_file(name, &path, pkg_dir);
        }
        if let Some(ModuleInit::Source(src)) = def.map(|d| d.init) {
            return self.import_source(name, src);
        }
        if let Some(Found::Namespace(namespace_dirs)) = found {
            let (module, globals) = self.new_module(name);
            let path: Vec<Value> = namespace_dirs.iter().map(|d| new_str(d.as_str())).collect();
            {
                let mut g = globals.lock();
                g.set_by_str("__path__", Value::list(path));
                g.set_by_str("__package__", new_str(name));
                g.set_by_str("__file__", Value::None);
            }
            self.interp.modules.lock().set_by_str(name, module.clone());
            return Ok(module);
        }
        Err(self.module_not_found(name, format!("No module named '{}'", name)))
    }

    /// `ModuleNotFoundError(message)` with its `name`.
    fn module_not_found(&self, name: &str, message: String) -> PyErr {
        let e = self.new_exc(&self.types().exc.ModuleNotFoundError, message);
        if let Value::Instance(i) = &e {
            i.dict.lock().set_by_str("name", new_str(name));
        }
        PyErr::new(e)
    }

    /// Looks for the module `name` (full dotted name) in the folders of its
    /// parent package, or of `sys.path`.
    pub fn find_on_path(&self, name: &str, parent: Option<&Value>) -> Option<Found> {
        let search = match parent {
            Some(p) => self.package_path(p),
            None => self.sys_path(),
        };
        let leaf = name.rsplit('.').next().unwrap_or(name);
        let mut namespace_dirs = Vec::new();
        for dir in &search {
            let base = if dir.is_empty() {
                std::path::PathBuf::from(leaf)
            } else {
                std::path::Path::new(dir).join(leaf)
            };
            let init = base.join("__init__.py");
            if init.is_file() {
                return Some(Found::File {
                    path: init.to_string_lossy().into_owned(),
                    pkg_dir: Some(base.to_string_lossy().into_owned()),
                });
            }
            let file = base.with_extension("py");
            if file.is_file() {
                return Some(Found::File {
                    path: file.to_string_lossy().into_owned(),
                    pkg_dir: None,
                });
            }
            if base.is_dir() {
                namespace_dirs.push(base.to_string_lossy().into_owned());
            }
        }
        (!namespace_dirs.is_empty()).then_some(Found::Namespace(namespace_dirs))
    }

    /// Runs the module `name` as the program (`gilpy -m name`): its parent
    /// packages are imported first; a package runs its `__main__`
    /// submodule. `Ok(None)`: there is no such module (or it is not a file).
    pub fn run_module_as_main(&mut self, name: &str) -> PyResult<Option<()>> {
        let mut name = name.to_string();
        loop {
            let parent = match name.rsplit_once('.') {
                Some((p, _)) => Some(self.import(p, false)?),
                None => None,
            };
            let Some(Found::File { path, pkg_dir }) = self.find_on_path(&name, parent.as_ref())
            else {
                return self.run_embedded_as_main(&name);
            };
            if pkg_dir.is_some() {
                self.import(&name, false)?;
                name = format!("{}.__main__", name);
                continue;
            }
            let source = match std::fs::read_to_string(&path) {
                Ok(s) => s,
                Err(e) => return Err(self.os_error(&e, Some(new_str(path.as_str())))),
            };
            return self.run_source_as_main(&name, &source, &path, Some(&path));
        }
    }

    /// `-m NAME` for a module embedded in gilpy as Python source.
    fn run_embedded_as_main(&mut self, name: &str) -> PyResult<Option<()>> {
        let Some(ModuleInit::Source(src)) = self.interp.host.module(name).map(|d| d.init) else {
            return Ok(None);
        };
        self.run_source_as_main(name, src, &format!("<gilpy {}>", name), None)
    }

    /// Compiles `source` (named `filename` in tracebacks) and runs it as
    /// `__main__` for `-m name`; `path` is the file it was read from.
    fn run_source_as_main(
        &mut self,
        name: &str,
        source: &str,
        filename: &str,
        path: Option<&str>,
    ) -> PyResult<Option<()>> {
        let code = match (self.interp.host.compile)(source, filename, CompileMode::Module) {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error(&e)),
        };
        self.interp
            .sources
            .lock()
            .insert(filename.to_string(), source.into());
        let (module, globals) = self.new_module("__main__");
        let package = name.rsplit_once('.').map_or("", |(p, _)| p);
        let spec = path.map(|p| self.module_spec(name, p, None));
        {
            let mut g = globals.lock();
            if let Some(p) = path {
                g.set_by_str("__file__", new_str(p));
            }
            g.set_by_str("__package__", new_str(package));
            if let Some(spec) = spec {
                g.set_by_str("__spec__", spec);
            }
        }
        self.set_argv0(filename);
        self.interp.modules.lock().set_by_str("__main__", module);
        self.run_code_in(&code, &globals)?;
        Ok(Some(()))
    }

    fn set_argv0(&self, path: &str) {
        let sys = self.interp.modules.lock().get_by_str("sys").cloned();
        if let Some(Value::Module(sys)) = sys {
            if let Some(Value::List(argv)) = sys.dict.lock().get_by_str("argv") {
                if let Some(first) = argv.lock().first_mut() {
                    *first = new_str(path);
                }
            }
        }
    }

    /// The folders of `sys.path` (strings only, as CPython skips others).
    pub fn sys_path(&self) -> Vec<String> {
        let sys = self.interp.modules.lock().get_by_str("sys").cloned();
        let Some(Value::Module(sys)) = sys else {
            return Vec::new();
        };
        let path = sys.dict.lock().get_by_str("path").cloned();
        match path {
            Some(Value::List(l)) => l
                .lock()
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.to_string()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A package's `__path__` folders (none for a module or an embedded package).
    fn package_path(&self, package: &Value) -> Vec<String> {
        let Value::Module(m) = package else {
            return Vec::new();
        };
        let path = m.dict.lock().get_by_str("__path__").cloned();
        match path {
            Some(Value::List(l)) => l
                .lock()
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.to_string()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Imports a module from a source file (`pkg_dir`: it is the
    /// `__init__.py` of that package). Registered in `sys.modules` before it
    /// runs, so that circular imports see the partly built module, and
    /// removed again if it fails.
    fn load_file(&mut self, name: &str, path: &str, pkg_dir: Option<String>) -> PyResult<Value> {
        let source = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => return Err(self.os_error(&e, Some(new_str(path)))),
        };
        let source = match String::from_utf8(source) {
            Ok(s) => s,
            Err(e) => {
                let bad = e.as_bytes()[e.utf8_error().valid_up_to()];
                return Err(self.new_error(
                    &self.types().exc.SyntaxError,
                    format!(
                        "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                        bad,
                        path,
                        e.as_bytes()[..e.utf8_error().valid_up_to()]
                            .iter()
                            .filter(|&&b| b == b'\n')
                            .count()
                            + 1
                    ),
                ));
            }
        };
        let code = match (self.interp.host.compile)(&source, path, CompileMode::Module) {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error(&e)),
        };
        self.interp
            .sources
            .lock()
            .insert(path.to_string(), source.into());
        let (module, globals) = self.new_module(name);
        let package = match &pkg_dir {
            Some(_) => name.to_string(),
            None => name
                .rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string()),
        };
        {
            let mut g = globals.lock();
            g.set_by_str("__file__", new_str(path));
            g.set_by_str("__package__", new_str(package.as_str()));
            g.set_by_str("__cached__", Value::None);
            g.set_by_str("__builtins__", Value::Dict(self.interp.builtins.clone()));
            if let Some(dir) = &pkg_dir {
                g.set_by_str("__path__", Value::list(vec![new_str(dir.as_str())]));
            }
        }
        let spec = self.module_spec(name, path, pkg_dir.as_deref());
        globals.lock().set_by_str("__spec__", spec);
        self.interp.modules.lock().set_by_str(name, module.clone());
        if let Err(e) = self.run_code_in(&code, &globals) {
            self.interp.modules.lock().remove_str(name);
            return Err(e);
        }
        // A module may replace itself in `sys.modules` (CPython returns that).
        let registered = self.interp.modules.lock().get_by_str(name).cloned();
        Ok(registered.unwrap_or(module))
    }

    /// `__spec__` of a module loaded from a file: a plain object with the
    /// attributes programs read (`name`, `origin`, `parent`,
    /// `submodule_search_locations`, `has_location`, `loader`, `cached`).
    fn module_spec(&mut self, name: &str, origin: &str, pkg_dir: Option<&str>) -> Value {
        let class = self.module_spec_class();
        let spec = self.new_instance(&class, &[]);
        if let Value::Instance(i) = &spec {
            let parent = match pkg_dir {
                Some(_) => name.to_string(),
                None => name
                    .rsplit_once('.')
                    .map_or(String::new(), |(p, _)| p.to_string()),
            };
            let mut d = i.dict.lock();
            d.set_by_str("name", new_str(name));
            d.set_by_str("origin", new_str(origin));
            d.set_by_str("parent", new_str(parent.as_str()));
            d.set_by_str(
                "submodule_search_locations",
                match pkg_dir {
                    Some(dir) => Value::list(vec![new_str(dir)]),
                    None => Value::None,
                },
            );
            d.set_by_str("has_location", Value::Bool(true));
            d.set_by_str("loader", Value::None);
            d.set_by_str("cached", Value::None);
        }
        spec
    }

    fn module_spec_class(&mut self) -> ClassRef {
        struct ModuleSpecMarker;
        if let Some(c) = self
            .interp
            .native_classes
            .lock()
            .get(&std::any::TypeId::of::<ModuleSpecMarker>())
        {
            return c.clone();
        }
        let mut dict = DictMap::new();
        dict.set_by_str("__module__", new_str("importlib._bootstrap"));
        let class = super::make_class(
            self.intern("ModuleSpec"),
            self.intern("ModuleSpec"),
            vec![self.types().object.clone()],
            dict,
            false,
        )
        .expect("one base has a consistent MRO");
        self.interp
            .native_classes
            .lock()
            .insert(std::any::TypeId::of::<ModuleSpecMarker>(), class.clone());
        class
    }

    /// Compiles and runs a module written in gilpy itself, registering it first
    /// so that circular imports see the partly built module.
    fn import_source(&mut self, name: &str, src: &str) -> PyResult<Value> {
        let filename = format!("<gilpy {}>", name);
        let code = match (self.interp.host.compile)(src, &filename, CompileMode::Module) {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error(&e)),
        };
        self.interp.sources.lock().insert(filename, src.into());
        let (module, globals) = self.new_module(name);
        {
            // An embedded package is a module with others under its name.
            let prefix = format!("{}.", name);
            let is_package = self
                .interp
                .host
                .modules
                .iter()
                .any(|m| m.name.starts_with(&prefix));
            let package = if is_package {
                name
            } else {
                name.rsplit_once('.').map_or("", |(p, _)| p)
            };
            globals.lock().set_by_str("__package__", new_str(package));
        }
        self.interp.modules.lock().set_by_str(name, module.clone());
        if let Err(e) = self.run_code_in(&code, &globals) {
            self.interp.modules.lock().remove_str(name);
            return Err(e);
        }
        let registered = self.interp.modules.lock().get_by_str(name).cloned();
        Ok(registered.unwrap_or(module))
    }
}
