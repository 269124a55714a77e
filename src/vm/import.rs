//! Running module code and `import`: modules already loaded are found in
//! `sys.modules`; the others are made from the module table the interpreter
//! was given (native ones by their init function, gilpy-written ones by
//! compiling their embedded source with the compiler it was given).

use super::dict::DictMap;
use super::frame::Frame;
use super::host::ModuleInit;
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{new_str, PyDict, Str, Value};
use super::Vm;

impl Vm {
    /// Runs a module's code in a fresh namespace called `name`.
    pub fn run_module_code(
        &mut self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        name: &str,
    ) -> PyResult<Shared<PyDict>> {
        let globals = Shared::new(PyCell::new(DictMap::new()));
        // A module namespace is shared by every function of the module.
        Shared::make_immortal(&globals);
        {
            let mut g = globals.lock();
            g.set_by_str("__name__", new_str(name));
            g.set_by_str("__doc__", Value::None);
            g.set_by_str("__file__", new_str(code.filename.as_ref()));
        }
        self.run_code_in(code, &globals)?;
        Ok(globals)
    }

    pub fn run_code_in(
        &mut self,
        code: &std::sync::Arc<crate::compiler::bytecode::CodeObject>,
        globals: &Shared<PyDict>,
    ) -> PyResult<Value> {
        let code = self.load_code(code);
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
                .map(|_| Shared::new(PyCell::new(Value::Null)))
                .collect(),
            code,
            pc: 0,
            blocks: Vec::new(),
            globals: globals.clone(),
            locals: None,
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

    pub(super) fn import_star(&mut self, frame: &mut Frame, m: &Value) -> PyResult<()> {
        let Value::Module(m) = m else {
            return Err(self.type_error("import * needs a module"));
        };
        let entries: Vec<(Value, Value)> = m.dict.lock().items();
        let ns = frame.locals.as_ref().unwrap_or(&frame.globals).clone();
        for (k, v) in entries {
            if let Value::Str(s) = &k {
                if !s.as_str().starts_with('_') {
                    ns.lock().set_str(s, v);
                }
            }
        }
        Ok(())
    }

    pub(super) fn import_from(&mut self, m: &Value, name: &Str) -> PyResult<Value> {
        match self.getattr_opt(m, name)? {
            Some(v) => Ok(v),
            None => {
                // A submodule not yet imported (e.g. `from concurrent import futures`).
                if let Value::Module(md) = m {
                    let full = format!("{}.{}", md.name.as_str(), name.as_str());
                    if let Ok(sub) = self.import(&full, false) {
                        return Ok(sub);
                    }
                    return Err(self.new_error(
                        &self.types().exc.ImportError,
                        format!(
                            "cannot import name '{}' from '{}'",
                            name.as_str(),
                            md.name.as_str()
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

    /// `import name`: returns the top-level package when `top`, else the leaf.
    pub fn import(&mut self, name: &str, top: bool) -> PyResult<Value> {
        let mut parent: Option<Value> = None;
        let mut first: Option<Value> = None;
        let mut so_far = String::new();
        for part in name.split('.') {
            if !so_far.is_empty() {
                so_far.push('.');
            }
            so_far.push_str(part);
            let m = self.import_one(&so_far)?;
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

    fn import_one(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.interp.modules.lock().get_by_str(name).cloned() {
            return Ok(m);
        }
        if let Some(def) = self.interp.host.module(name) {
            return match def.init {
                ModuleInit::Native(init) => {
                    let mut dict = DictMap::new();
                    init(self, &mut dict)?;
                    Ok(self.add_module(name, dict))
                }
                ModuleInit::Source(src) => self.import_source(name, src),
            };
        }
        let e = self.new_exc(
            &self.types().exc.ModuleNotFoundError,
            format!("No module named '{}'", name),
        );
        if let Value::Instance(i) = &e {
            i.dict.lock().set_by_str("name", new_str(name));
        }
        Err(PyErr::from(e))
    }

    /// Compiles and runs a module written in gilpy itself, registering it first
    /// so that circular imports see the partly built module.
    fn import_source(&mut self, name: &str, src: &str) -> PyResult<Value> {
        let filename = format!("<gilpy {}>", name);
        let code = match (self.interp.host.compile)(src, &filename) {
            Ok(c) => c,
            Err(e) => {
                return Err(self.new_error(
                    &self.types().exc.ImportError,
                    format!("{}: {}", name, e.msg),
                ))
            }
        };
        self.interp.sources.lock().insert(filename, src.into());
        let globals = Shared::new(PyCell::new(DictMap::new()));
        // A module namespace is shared by every function of the module.
        Shared::make_immortal(&globals);
        {
            let mut g = globals.lock();
            g.set_by_str("__name__", new_str(name));
        }
        let module = Value::Module(Shared::new(Module {
            name: self.intern(name),
            dict: globals.clone(),
        }));
        self.interp.modules.lock().set_by_str(name, module.clone());
        if let Err(e) = self.run_code_in(&code, &globals) {
            self.interp.modules.lock().remove_str(name);
            return Err(e);
        }
        Ok(module)
    }
}
