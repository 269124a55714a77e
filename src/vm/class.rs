//! Making classes as `type.__new__` does (the metaclass, `__slots__`,
//! `__classcell__`, `__set_name__`, `__init_subclass__`), and the
//! metaclass's part in using a class: calling it, its attributes, and the
//! special methods a metaclass gives its classes.

use super::dict::DictMap;
use super::object::*;
use super::sync::Shared;
use super::value::{new_str, Str, Value};
use super::Vm;

impl Vm {
    /// `type.__new__(meta, name, bases, namespace, **kwds)`.
    pub fn create_class(
        &mut self,
        meta: &ClassRef,
        name: Str,
        bases: Vec<ClassRef>,
        mut dict: DictMap,
        kwds: &[(Str, Value)],
    ) -> PyResult<ClassRef> {
        let bases = if bases.is_empty() {
            vec![self.types().object.clone()]
        } else {
            bases
        };
        let qualname = match dict.remove_str("__qualname__") {
            Some(Value::Str(q)) => q,
            Some(other) => {
                return Err(self.type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    self.type_name(&other)
                )))
            }
            None => name.clone(),
        };
        if dict.get_by_str("__module__").is_none() {
            let module = self
                .caller_globals()
                .and_then(|g| g.lock().get_by_str("__name__").cloned())
                .unwrap_or_else(|| new_str("builtins"));
            dict.set_by_str("__module__", module);
        }
        // A class without a docstring has `__doc__` None, not its base's.
        if dict.get_by_str("__doc__").is_none() {
            dict.set_by_str("__doc__", Value::None);
        }
        let classcell = dict.remove_str("__classcell__");
        // `__new__` is a static method and `__init_subclass__` and
        // `__class_getitem__` class methods without being declared so.
        for (attr, wrap) in [
            ("__new__", 0),
            ("__init_subclass__", 1),
            ("__class_getitem__", 1),
        ] {
            if let Some(f @ Value::Func(_)) = dict.get_by_str(attr).cloned() {
                let wrapped = if wrap == 0 {
                    Native::StaticMethod(f)
                } else {
                    Native::ClassMethod(f)
                };
                dict.set_by_str(attr, Value::native(wrapped));
            }
        }
        // Defining __eq__ alone makes instances unhashable.
        if dict.get_by_str("__eq__").is_some() && dict.get_by_str("__hash__").is_none() {
            dict.set_by_str("__hash__", Value::None);
        }
        let slots = self.class_slots(&name, &bases, &dict)?;
        let meta = (!Shared::ptr_eq(meta, &self.types().type_)).then(|| meta.clone());
        let cls = super::make_class_with(name, qualname, bases, dict, false, meta, slots)
            .map_err(|e| self.type_error(e))?;
        super::gc::track(super::gc::Tracked::Class(Shared::downgrade(&cls)));
        for b in &cls.bases {
            let mut subs = b.subclasses.lock();
            // The dead are dropped each time the list doubles.
            if subs.len() >= 8 && subs.len().is_power_of_two() {
                subs.retain(|w| w.is_alive());
            }
            subs.push(Shared::downgrade(&cls));
        }
        if let Some(Value::Native(n)) = &classcell {
            if let Native::Cell(c) = &**n {
                *c.lock() = Value::Class(cls.clone());
            }
        }
        let cls_v = Value::Class(cls.clone());
        // `__set_name__` on every attribute whose type has one.
        let attrs: Vec<(Value, Value)> = cls.dict.read().items();
        for (k, v) in attrs {
            if matches!(v, Value::Instance(_) | Value::Native(_)) {
                if let Some(m) = self.lookup_special(&v, "__set_name__") {
                    self.call(&m, &[cls_v.clone(), k], &[])?;
                }
            }
        }
        self.init_subclass(&cls, kwds)?;
        Ok(cls)
    }

    /// `super(cls, cls).__init_subclass__(**kwds)`.
    fn init_subclass(&mut self, cls: &ClassRef, kwds: &[(Str, Value)]) -> PyResult<()> {
        let name = self.intern("__init_subclass__");
        let found = cls
            .mro
            .iter()
            .find_map(|c| c.dict.read().get_str(&name).cloned());
        let cls_v = Value::Class(cls.clone());
        match found {
            Some(Value::Native(n)) if matches!(&*n, Native::ClassMethod(_)) => {
                let Native::ClassMethod(f) = &*n else {
                    unreachable!("matched above")
                };
                self.call(f, &[cls_v], kwds)?;
            }
            Some(Value::Func(f)) => {
                self.call_function(&f, &[cls_v], kwds)?;
            }
            // `object.__init_subclass__` takes no keywords.
            _ if !kwds.is_empty() => {
                return Err(self.type_error(format!(
                    "{}.__init_subclass__() takes no keyword arguments",
                    cls.name.as_str()
                )))
            }
            _ => {}
        }
        Ok(())
    }

    /// The names of `__slots__` when instances have no `__dict__` (every
    /// base declares slots, and `'__dict__'` is not among them), with those
    /// of the bases; `None` when they have one.
    fn class_slots(
        &mut self,
        name: &Str,
        bases: &[ClassRef],
        dict: &DictMap,
    ) -> PyResult<Option<Box<[Str]>>> {
        let Some(decl) = dict.get_by_str("__slots__").cloned() else {
            return Ok(None);
        };
        let items = match &decl {
            Value::Str(_) => vec![decl.clone()],
            other => self.iterate(other)?,
        };
        let mut names: Vec<Str> = Vec::new();
        let mut has_dict = false;
        for item in items {
            let Value::Str(s) = &item else {
                return Err(self.type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(&item)
                )));
            };
            match s.as_str() {
                "__dict__" => has_dict = true,
                "__weakref__" => {}
                n => {
                    if dict.get_by_str(n).is_some() {
                        return Err(self.value_error(format!(
                            "'{}' in __slots__ conflicts with class variable",
                            n
                        )));
                    }
                    names.push(self.intern(n));
                }
            }
        }
        let _ = name;
        // A base without slots gives instances a `__dict__` anyway.
        let object = self.types().object.clone();
        for b in bases {
            if Shared::ptr_eq(b, &object) {
                continue;
            }
            match &b.slots {
                Some(inherited) => names.extend(inherited.iter().cloned()),
                None if b.builtin => {}
                None => has_dict = true,
            }
        }
        Ok((!has_dict).then(|| names.into_boxed_slice()))
    }

    /// The most derived of `meta` and the metaclasses of `bases`, or
    /// CPython's `TypeError` when they are unrelated.
    pub fn most_derived_meta(&self, meta: &ClassRef, bases: &[ClassRef]) -> PyResult<ClassRef> {
        let mut winner = meta.clone();
        for b in bases {
            let bm = self.class_of(&Value::Class(b.clone()));
            if winner.is_subclass(&bm) {
                continue;
            }
            if bm.is_subclass(&winner) {
                winner = bm;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// A special method the metaclass of `cls` defines itself (not one
    /// `type` or `object` provide): how classes get `len()`, iteration,
    /// `in`, `[]`, `repr` and the like from their metaclass.
    pub fn meta_special(&self, cls: &ClassRef, name: &str) -> Option<Value> {
        let meta = cls.meta.as_ref()?;
        let m = std::iter::once(meta)
            .chain(meta.mro.iter())
            .filter(|c| !c.builtin)
            .find_map(|c| c.dict.read().get_by_str(name).cloned())?;
        Some(match &m {
            Value::Func(_) => Value::method(m.clone(), Value::Class(cls.clone())),
            _ => m,
        })
    }
}
