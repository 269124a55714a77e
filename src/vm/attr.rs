//! Attributes: lookup along the MRO, descriptors (functions binding to
//! instances, properties, static and class methods, data descriptors),
//! instance dictionaries with their inline caches, `__getattr__` and
//! friends, and the special attributes (`__class__`, `__dict__`, ...).

use super::cache::AttrSite;
use super::object::*;
use super::sync::Shared;
use super::value::{new_str, Str, Value};
use super::Vm;
use std::sync::atomic::Ordering;

/// Stores `name` in an instance's `__dict__`, trying position `hint` first.
/// Returns the key's position when it was not at `hint`.
fn instance_dict_set(inst: &Instance, name: &Str, value: Value, hint: usize) -> Option<usize> {
    let mut d = inst.dict.lock();
    if let Some(slot) = d.value_if_key_mut(hint, name) {
        let old = super::words::replace_value(slot, value);
        drop(d);
        old.discard();
        return None;
    }
    match d.set_str(name, value) {
        // A new key goes at the end.
        None => Some(d.slots() - 1),
        Some(old) => {
            let pos = d.str_index(name);
            drop(d);
            old.discard();
            pos
        }
    }
}

impl Vm {
    /// A `mappingproxy` showing `mapping` (`cls.__dict__`).
    pub fn mapping_proxy(&self, mapping: Value) -> Value {
        Value::native(Native::Object {
            class: self.types().mappingproxy.clone(),
            data: Box::new(MappingProxy(mapping)),
        })
    }

    /// Finds a special method on the type of `v`, bound to `v`.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        let cls = self.class_of(v);
        let attr = self.class_lookup_str(&cls, name)?;
        Some(match attr {
            ref a if a.binds_to_instance() => Value::method(attr, v.clone()),
            Value::Native(ref n) => match &**n {
                Native::StaticMethod(f) => f.clone(),
                Native::ClassMethod(f) => Value::method(f.clone(), Value::Class(cls)),
                _ => attr,
            },
            other => other,
        })
    }

    /// Binds an attribute found on a class to `obj` (the descriptor protocol).
    fn bind_class_attr(&mut self, attr: Value, obj: &Value, cls: &ClassRef) -> PyResult<Value> {
        Ok(match &attr {
            a if a.binds_to_instance() => Value::method(attr, obj.clone()),
            Value::Native(n) => match &**n {
                Native::StaticMethod(f) => f.clone(),
                Native::ClassMethod(f) => Value::method(f.clone(), Value::Class(cls.clone())),
                Native::Property { fget, .. } => {
                    if fget.is_none() {
                        return Err(self.attr_error("property has no getter".to_string()));
                    }
                    self.call(fget, std::slice::from_ref(obj), &[])?
                }
                _ => attr,
            },
            Value::Instance(_) => {
                if let Some(get) = self.lookup_special(&attr, "__get__") {
                    self.call(&get, &[obj.clone(), Value::Class(cls.clone())], &[])?
                } else {
                    attr
                }
            }
            _ => attr,
        })
    }

    fn is_data_descriptor(&self, attr: &Value) -> bool {
        match attr {
            Value::Native(n) => matches!(**n, Native::Property { .. }),
            Value::Instance(i) => {
                self.class_lookup_str(i.class(), "__set__").is_some()
                    || self.class_lookup_str(i.class(), "__delete__").is_some()
            }
            _ => false,
        }
    }

    /// `obj.name` through an inline cache (see [`AttrSite`]): for an instance
    /// whose class has no data descriptor of that name, a position check in
    /// its `__dict__`.
    #[inline]
    pub fn getattr_site(&mut self, obj: &Value, name: &Str, site: &AttrSite) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            if let Some(hint) = site.hint(inst.class()) {
                if let Some(v) = inst.dict.lock().value_if_key(hint, name) {
                    return Ok(v.clone());
                }
            }
            if inst.class().custom_getattribute.load(Ordering::Relaxed) {
                return self.getattr(obj, name);
            }
            // The usual lookup, which also establishes the site's fact.
            let version = type_version();
            let (cls_attr, hint) = self.class_lookup_hinted(inst.class(), name);
            if !cls_attr.is_some_and(|a| self.is_data_descriptor(&a)) {
                if let Some((pos, v)) = self.instance_dict_get(inst, name, hint) {
                    site.record(inst.class(), version, pos);
                    return Ok(v);
                }
            }
        }
        self.getattr(obj, name)
    }

    /// `name` in an instance's `__dict__`, with its position. Instances of a
    /// class usually hold their attributes at the same positions: the class
    /// cache's `hint` is tried first, and a new position is remembered there.
    fn instance_dict_get(&self, inst: &Instance, name: &Str, hint: u32) -> Option<(usize, Value)> {
        let d = inst.dict.lock();
        if let Some(v) = d.value_if_key(hint as usize, name) {
            return Some((hint as usize, v.clone()));
        }
        let pos = d.str_index(name)?;
        let v = d.entry(pos)?.value.clone();
        drop(d);
        self.set_instance_hint(inst.class(), name, pos);
        Some((pos, v))
    }

    /// `obj.name = value` through an inline cache: for a plain instance whose
    /// class has no descriptor of that name and no `__setattr__` of its own,
    /// a store into its `__dict__`.
    #[inline]
    pub fn setattr_site(
        &mut self,
        obj: &Value,
        name: &Str,
        value: Value,
        site: &AttrSite,
    ) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.exc.is_none() {
                if let Some(hint) = site.hint(inst.class()) {
                    instance_dict_set(inst, name, value, hint);
                    return Ok(());
                }
                if site.megamorphic() {
                    return self.setattr(obj, name, value);
                }
                let version = type_version();
                let plain = self.plain_store(inst.class(), name);
                self.setattr(obj, name, value)?;
                if plain {
                    let pos = inst.dict.lock().str_index(name);
                    if let Some(pos) = pos {
                        site.record(inst.class(), version, pos);
                    }
                }
                return Ok(());
            }
        }
        self.setattr(obj, name, value)
    }

    /// Whether `instance.name = v` on instances of `cls` just stores into
    /// the instance dict.
    #[inline(never)]
    fn plain_store(&mut self, cls: &ClassRef, name: &Str) -> bool {
        // As `setattr`: a property or a descriptor object takes the store.
        let descriptor = match self.class_lookup(cls, name) {
            Some(Value::Native(n)) => matches!(*n, Native::Property { .. }),
            Some(Value::Instance(_)) => true,
            _ => false,
        };
        let setattr = self.names.setattr.clone();
        let custom = !matches!(
            self.class_lookup(cls, &setattr),
            Some(Value::Builtin(_)) | None
        );
        !descriptor && !custom
    }

    pub fn getattr(&mut self, obj: &Value, name: &Str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name.as_str())),
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Class(c) => format!(
                "type object '{}' has no attribute '{}'",
                c.name.as_str(),
                name
            ),
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name.as_str(), name),
            _ => format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name
            ),
        };
        let exc = self.attr_error(msg);
        if let Value::Instance(i) = &*exc {
            let mut d = i.dict.lock();
            d.set_by_str("name", new_str(name));
            d.set_by_str("obj", obj.clone());
        }
        exc
    }

    /// Attribute lookup; `Ok(None)` means "no such attribute" (no exception made).
    pub fn getattr_opt(&mut self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        if let Value::Instance(inst) = obj {
            if inst.class().custom_getattribute.load(Ordering::Relaxed) {
                return self
                    .getattribute_hook(obj, &inst.class().clone(), name)
                    .map(Some);
            }
        }
        self.generic_getattr(obj, name)
    }

    /// An attribute read through the class's own `__getattribute__`, then
    /// its `__getattr__` if that raises `AttributeError`.
    #[cold]
    fn getattribute_hook(&mut self, obj: &Value, cls: &ClassRef, name: &Str) -> PyResult<Value> {
        let hook = self.class_lookup(cls, &self.names.getattribute.clone());
        let r = match hook {
            Some(h) => self.call(&h, &[obj.clone(), Value::Str(name.clone())], &[]),
            None => self.generic_getattr(obj, name).and_then(|v| match v {
                Some(v) => Ok(v),
                None => Err(self.no_attribute(obj, name.as_str())),
            }),
        };
        match r {
            Err(e) if self.isinstance(&e, &self.types().exc.AttributeError.clone()) => {
                match self.class_lookup(cls, &self.names.getattr.clone()) {
                    Some(ga) => self.call(&ga, &[obj.clone(), Value::Str(name.clone())], &[]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `object.__getattribute__`: descriptors, the instance dict, the
    /// class, then `__getattr__`.
    pub fn generic_getattr(&mut self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class().clone();
                let (cls_attr, hint) = self.class_lookup_hinted(&cls, name);
                if let Some(a) = &cls_attr {
                    if self.is_data_descriptor(a) {
                        return self.bind_class_attr(a.clone(), obj, &cls).map(Some);
                    }
                }
                if let Some((_, v)) = self.instance_dict_get(inst, name, hint) {
                    return Ok(Some(v));
                }
                if let Some(a) = cls_attr {
                    return self.bind_class_attr(a, obj, &cls).map(Some);
                }
                if let Some(v) = self.special_instance_attr(obj, inst, name.as_str()) {
                    return Ok(Some(v));
                }
                if let Some(ga) = self.class_lookup(&cls, &self.names.getattr.clone()) {
                    let r = self.call(&ga, &[obj.clone(), Value::Str(name.clone())], &[]);
                    return match r {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.isinstance(&e, &self.types().exc.AttributeError.clone()) => {
                            Err(e)
                        }
                        Err(e) => Err(e),
                    };
                }
                Ok(None)
            }
            Value::Class(cls) => {
                // The metaclass's data descriptors (properties) come first.
                let meta = cls.meta.clone();
                if let Some(m) = &meta {
                    if let Some(ma) = self.class_lookup(m, name) {
                        if self.is_data_descriptor(&ma) && !m.builtin {
                            return self.bind_class_attr(ma, obj, m).map(Some);
                        }
                    }
                }
                if let Some(a) = self.class_lookup(cls, name) {
                    return Ok(Some(match &a {
                        Value::Native(n) => match &**n {
                            Native::StaticMethod(f) => f.clone(),
                            Native::ClassMethod(f) => Value::method(f.clone(), obj.clone()),
                            _ => a,
                        },
                        Value::Instance(_) => {
                            if let Some(get) = self.lookup_special(&a, "__get__") {
                                self.call(&get, &[Value::None, obj.clone()], &[])?
                            } else {
                                a
                            }
                        }
                        _ => a,
                    }));
                }
                if let Some(v) = self.special_class_attr(cls, name.as_str()) {
                    return Ok(Some(v));
                }
                // Then what the metaclass (or `type`) defines, bound to the class.
                let m = meta.unwrap_or_else(|| self.types().type_.clone());
                if let Some(ma) = self.class_lookup(&m, name) {
                    return self.bind_class_attr(ma, obj, &m).map(Some);
                }
                if let Some(ga) = self.meta_special(cls, "__getattr__") {
                    return self.call(&ga, &[Value::Str(name.clone())], &[]).map(Some);
                }
                Ok(None)
            }
            Value::Module(m) => {
                if let Some(v) = m.dict.lock().get_str(name) {
                    return Ok(Some(v.clone()));
                }
                if name.as_str() == "__dict__" {
                    return Ok(Some(Value::Dict(m.dict.clone())));
                }
                // PEP 562: the module's own `__getattr__` for the names it
                // lacks (an AttributeError from it means "no such name").
                let hook = m.dict.lock().get_by_str("__getattr__").cloned();
                match hook {
                    Some(f) => match self.call(&f, &[Value::Str(name.clone())], &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e)
                            if self.isinstance(
                                e.value(),
                                &self.types().exc.AttributeError.clone(),
                            ) =>
                        {
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    },
                    None => Ok(None),
                }
            }
            Value::Native(n) if matches!(**n, Native::Super { .. }) => {
                let Native::Super { class, obj: inner } = &**n else {
                    unreachable!("matched above")
                };
                let (class, inner) = (class.clone(), inner.clone());
                self.super_getattr(&class, &inner, name)
            }
            _ => {
                let cls = self.class_of(obj);
                if let Some(a) = self.class_lookup(&cls, name) {
                    return self.bind_class_attr(a, obj, &cls).map(Some);
                }
                Ok(self.special_builtin_attr(obj, name.as_str()))
            }
        }
    }

    fn special_instance_attr(&mut self, obj: &Value, inst: &Instance, name: &str) -> Option<Value> {
        match name {
            "__class__" => return Some(Value::Class(inst.class().clone())),
            // Instances of slotted classes have no dict to show.
            "__dict__"
                if inst.class().slots.is_none()
                    && !Shared::ptr_eq(inst.class(), &self.types().object) =>
            {
                return Some(Value::Dict(inst.dict.clone()))
            }
            _ => {}
        }
        let exc = inst.exc.as_ref()?;
        let data = exc.lock();
        Some(match name {
            "args" => data.args.clone(),
            "__cause__" => data.cause.clone(),
            "__context__" => data.context.clone(),
            "__suppress_context__" => Value::Bool(data.suppress_context),
            "__traceback__" => {
                if data.traceback.is_empty() {
                    Value::None
                } else {
                    drop(data);
                    return Some(self.traceback_object(obj));
                }
            }
            _ => return None,
        })
    }

    fn special_class_attr(&mut self, cls: &ClassRef, name: &str) -> Option<Value> {
        Some(match name {
            "__name__" => Value::Str(cls.name.clone()),
            "__qualname__" => Value::Str(cls.qualname.clone()),
            "__mro__" => {
                let mut v = vec![Value::Class(cls.clone())];
                v.extend(cls.mro.iter().map(|c| Value::Class(c.clone())));
                Value::tuple(v)
            }
            "__bases__" => {
                Value::tuple(cls.bases.iter().map(|c| Value::Class(c.clone())).collect())
            }
            "__base__" => cls
                .bases
                .first()
                .map_or(Value::None, |c| Value::Class(c.clone())),
            // A read-only view, as CPython's: a change to the class must go
            // through setattr, which keeps the attribute caches right.
            "__dict__" => self.mapping_proxy(Value::dict(cls.dict.read().clone())),
            "__doc__" | "__module__" => {
                if cls.builtin {
                    if name == "__module__" {
                        new_str("builtins")
                    } else {
                        Value::None
                    }
                } else {
                    Value::None
                }
            }
            "__class__" => Value::Class(self.class_of(&Value::Class(cls.clone()))),
            _ => return None,
        })
    }

    /// `getattr(v, "__isabstractmethod__", False)` as a bool.
    fn is_abstract(&mut self, v: &Value) -> bool {
        if v.is_none() {
            return false;
        }
        let name = self.intern("__isabstractmethod__");
        match self.getattr_opt(v, &name) {
            Ok(Some(x)) => self.truthy(&x).unwrap_or(false),
            _ => false,
        }
    }

    fn special_builtin_attr(&mut self, obj: &Value, name: &str) -> Option<Value> {
        if name == "__class__" {
            return Some(Value::Class(self.class_of(obj)));
        }
        match obj {
            Value::Func(f) => match name {
                "__name__" => Some(Value::Str(f.name.lock().clone())),
                "__qualname__" => Some(Value::Str(f.qualname.lock().clone())),
                "__doc__" => Some(f.dict.lock().get_by_str("__doc__").cloned().unwrap_or_else(
                    || {
                        f.code
                            .co
                            .docstring
                            .as_ref()
                            .map_or(Value::None, |d| new_str(d.as_str()))
                    },
                )),
                "__module__" => Some(
                    f.dict
                        .lock()
                        .get_by_str("__module__")
                        .cloned()
                        .unwrap_or_else(|| {
                            f.globals
                                .lock()
                                .get_by_str("__name__")
                                .cloned()
                                .unwrap_or(Value::None)
                        }),
                ),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.to_vec())
                }),
                "__dict__" => Some(Value::dict(f.dict.lock().clone())),
                "__globals__" => Some(Value::Dict(f.globals.clone())),
                "__code__" => Some(Value::native(Native::Code(f.code.clone()))),
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(
                        f.closure
                            .iter()
                            .map(|c| Value::native(Native::Cell(c.clone())))
                            .collect(),
                    )
                }),
                "__kwdefaults__" => Some(match &f.kwdefaults {
                    Some(d) => Value::Dict(d.clone()),
                    None => Value::None,
                }),
                // Made on first use and kept, as CPython does.
                "__annotations__" => {
                    Some(f.dict.lock().entry_or_insert_with("__annotations__", || {
                        Value::dict(super::dict::DictMap::new())
                    }))
                }
                // Calling it calls the function (CPython gives a wrapper
                // object; code tests for it or calls through it).
                "__call__" => Some(obj.clone()),
                _ => f.dict.lock().get_by_str(name).cloned(),
            },
            Value::Builtin(b) => match name {
                "__name__" | "__qualname__" => Some(new_str(b.name)),
                "__self__" => b.bound.clone(),
                "__doc__" => Some(Value::None),
                "__call__" => Some(obj.clone()),
                _ => None,
            },
            Value::Method(m) => match name {
                "__self__" => Some(m.self_.clone()),
                "__func__" => Some(m.func.clone()),
                "__call__" => Some(obj.clone()),
                _ => {
                    let n = self.intern(name);
                    let f = m.func.clone();
                    self.getattr_opt(&f, &n).ok().flatten()
                }
            },
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match name {
                "real" | "numerator" => Some(match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => obj.clone(),
                }),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            },
            Value::Float(f) => match name {
                "real" => Some(Value::Float(*f)),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            },
            Value::Native(n) => match (&**n, name) {
                (Native::Range { start, .. }, "start") => Some(Value::Int(*start)),
                (Native::Range { stop, .. }, "stop") => Some(Value::Int(*stop)),
                (Native::Range { step, .. }, "step") => Some(Value::Int(*step)),
                (Native::Slice { start, .. }, "start") => Some(start.clone()),
                (Native::Slice { stop, .. }, "stop") => Some(stop.clone()),
                (Native::Slice { step, .. }, "step") => Some(step.clone()),
                (Native::Property { fget, .. }, "fget") => Some(fget.clone()),
                (Native::Property { fset, .. }, "fset") => Some(fset.clone()),
                (Native::Property { doc, .. }, "__doc__") => Some(doc.clone()),
                (Native::StaticMethod(f) | Native::ClassMethod(f), "__func__") => Some(f.clone()),
                // Abstract when what they wrap is (`@classmethod @abstractmethod`).
                (Native::StaticMethod(f) | Native::ClassMethod(f), "__isabstractmethod__") => {
                    let f = f.clone();
                    Some(Value::Bool(self.is_abstract(&f)))
                }
                (
                    Native::Property {
                        fget, fset, fdel, ..
                    },
                    "__isabstractmethod__",
                ) => {
                    let parts = [fget.clone(), fset.clone(), fdel.clone()];
                    Some(Value::Bool(parts.iter().any(|p| self.is_abstract(p))))
                }
                (Native::Generator(g), "__name__") => Some(Value::Str(g.lock().name.clone())),
                (Native::Generator(g), "__qualname__") => {
                    Some(Value::Str(g.lock().qualname.clone()))
                }
                (Native::Generator(g), "gi_running" | "cr_running" | "ag_running") => {
                    Some(Value::Bool(g.lock().running))
                }
                (Native::Generator(g), "gi_frame" | "cr_frame" | "ag_frame") => {
                    Some(self.generator_frame(g))
                }
                (Native::Generator(g), "gi_suspended" | "cr_suspended" | "ag_suspended") => {
                    let st = g.lock();
                    let started = st.frame.as_ref().is_some_and(|f| f.pc > 0);
                    Some(Value::Bool(!st.running && !st.finished && started))
                }
                (Native::Generator(g), "gi_code" | "cr_code" | "ag_code") => {
                    Some(Value::native(Native::Code(g.lock().code.clone())))
                }
                (Native::Code(c), _) => self.code_attr(c, name),
                (Native::Cell(c), "cell_contents") => {
                    let v = c.lock().clone();
                    if v.is_null() {
                        None
                    } else {
                        Some(v)
                    }
                }
                (Native::Object { data, .. }, _) => {
                    let _ = data;
                    None
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `object.__setattr__` on an instance: data descriptors, the
    /// exception fields, `__slots__`, then the instance dict.
    pub fn generic_setattr_instance(
        &mut self,
        obj: &Value,
        inst: &Instance,
        name: &Str,
        value: Value,
    ) -> PyResult<()> {
        let cls = inst.class().clone();
        let (found, hint) = self.class_lookup_hinted(&cls, name);
        if let Some(a) = found {
            match &a {
                Value::Native(n) => {
                    if let Native::Property { fset, .. } = &**n {
                        if fset.is_none() {
                            return Err(self.attr_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name.as_str(),
                                cls.name.as_str()
                            )));
                        }
                        let f = fset.clone();
                        self.call(&f, &[obj.clone(), value], &[])?;
                        return Ok(());
                    }
                }
                Value::Instance(_) => {
                    if let Some(set) = self.lookup_special(&a, "__set__") {
                        self.call(&set, &[obj.clone(), value], &[])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if name.as_str() == "__class__" {
            return self.assign_class(inst, &value);
        }
        if let Some(exc) = &inst.exc {
            let mut d = exc.lock();
            match name.as_str() {
                "args" => {
                    drop(d);
                    let items = self.iterate(&value)?;
                    if let Some(e) = inst.exc.as_ref() {
                        e.lock().args = Value::tuple(items);
                    }
                    return Ok(());
                }
                "__cause__" => {
                    d.cause = value;
                    d.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    d.context = value;
                    return Ok(());
                }
                "__suppress_context__" => {
                    drop(d);
                    let b = self.truthy(&value)?;
                    if let Some(e) = inst.exc.as_ref() {
                        e.lock().suppress_context = b;
                    }
                    return Ok(());
                }
                "__traceback__" => {
                    drop(d);
                    return self.set_traceback(obj, &value);
                }
                _ => {}
            }
        }
        // A bare `object()` has no namespace to store into.
        if Shared::ptr_eq(&cls, &self.types().object) {
            return Err(self.no_attribute(obj, name.as_str()));
        }
        if let Some(slots) = &cls.slots {
            if !slots.iter().any(|s| s.as_str() == name.as_str()) {
                return Err(self.no_attribute(obj, name.as_str()));
            }
        }
        if let Some(pos) = instance_dict_set(inst, name, value, hint as usize) {
            self.set_instance_hint(&cls, name, pos);
        }
        Ok(())
    }

    /// `obj.__class__ = cls`: allowed between classes written in Python
    /// whose instances have the same layout (the same built-in base and
    /// `__slots__`), as CPython allows it.
    fn assign_class(&mut self, inst: &Instance, value: &Value) -> PyResult<()> {
        let Value::Class(new) = value else {
            return Err(self.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_name(value)
            )));
        };
        if new.builtin {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        let old = inst.class().clone();
        // The nearest built-in base decides what an instance carries.
        let solid = |c: &ClassRef| c.mro.iter().find(|b| b.builtin).cloned();
        let same_base = match (solid(&old), solid(new)) {
            (Some(a), Some(b)) => Shared::ptr_eq(&a, &b),
            (a, b) => a.is_none() && b.is_none(),
        };
        let names = |c: &ClassRef| {
            c.slots
                .as_ref()
                .map(|s| s.iter().map(|n| n.as_str().to_string()).collect::<Vec<_>>())
        };
        if new.layout != old.layout || !same_base || names(&old) != names(new) {
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                new.name.as_str(),
                old.name.as_str()
            )));
        }
        inst.class_slot.replace(new.clone());
        Ok(())
    }

    /// `type.__setattr__` on a class written in Python: into its dict,
    /// without the metaclass's own `__setattr__`.
    pub fn generic_setattr_class(&mut self, cls: &ClassRef, name: &Str, value: Value) {
        if name.as_str() == "__getattribute__" {
            cls.custom_getattribute.store(true, Ordering::Relaxed);
        }
        cls.dict.lock().set_str(name, value);
    }

    pub fn setattr(&mut self, obj: &Value, name: &Str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class().clone();
                if let Some(sa) = self.class_lookup(&cls, &self.names.setattr.clone()) {
                    if !matches!(sa, Value::Builtin(_)) {
                        self.call(&sa, &[obj.clone(), Value::Str(name.clone()), value], &[])?;
                        return Ok(());
                    }
                }
                self.generic_setattr_instance(obj, inst, name, value)
            }
            Value::Class(cls) if !cls.builtin => {
                if let Some(sa) = self.meta_special(cls, "__setattr__") {
                    self.call(&sa, &[Value::Str(name.clone()), value], &[])?;
                    return Ok(());
                }
                self.generic_setattr_class(cls, name, value);
                Ok(())
            }
            Value::Func(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Value::Str(s) = &value {
                            *f.name.lock() = s.clone();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &value {
                            *f.qualname.lock() = s.clone();
                        }
                    }
                    _ => {}
                }
                f.dict.lock().set_str(name, value);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.lock().set_str(name, value);
                Ok(())
            }
            Value::Class(cls) => Err(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                cls.name.as_str()
            ))),
            _ => {
                let cls = self.class_of(obj);
                if let Some(Value::Native(n)) = cls.lookup(name) {
                    // A natively implemented type's settable attribute.
                    if let Native::Property { fset, .. } = &*n {
                        if fset.is_none() {
                            return Err(self.attr_error(format!(
                                "attribute '{}' of '{}' objects is not writable",
                                name.as_str(),
                                cls.name.as_str()
                            )));
                        }
                        let f = fset.clone();
                        self.call(&f, &[obj.clone(), value], &[])?;
                        return Ok(());
                    }
                }
                if name.as_str() == "__class__" {
                    return Err(self.type_error(
                        "__class__ assignment only supported for mutable types or ModuleType subclasses",
                    ));
                }
                if cls.lookup(name).is_some() {
                    Err(self.attr_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        cls.name.as_str(),
                        name.as_str()
                    )))
                } else {
                    Err(self.attr_error(format!(
                        "'{}' object has no attribute '{}'",
                        cls.name.as_str(),
                        name.as_str()
                    )))
                }
            }
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(inst) => {
                if let Some(Value::Native(n)) = inst.class().lookup(name) {
                    if let Native::Property { fdel, .. } = &*n {
                        if !fdel.is_none() {
                            let f = fdel.clone();
                            self.call(&f, std::slice::from_ref(obj), &[])?;
                            return Ok(());
                        }
                    }
                }
                if let Some(da) = inst.class().lookup_str("__delattr__") {
                    self.call(&da, &[obj.clone(), Value::Str(name.clone())], &[])?;
                    return Ok(());
                }
                inst.dict.lock().remove_str(name.as_str()).is_some()
            }
            Value::Class(c) if !c.builtin => {
                if let Some(da) = self.meta_special(c, "__delattr__") {
                    self.call(&da, &[Value::Str(name.clone())], &[])?;
                    return Ok(());
                }
                c.dict.lock().remove_str(name.as_str()).is_some()
            }
            Value::Module(m) => m.dict.lock().remove_str(name.as_str()).is_some(),
            Value::Func(f) => f.dict.lock().remove_str(name.as_str()).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attribute(obj, name.as_str()))
        }
    }
}

impl Vm {
    /// The attributes of a code object (`co_name`, `co_filename`, ...).
    fn code_attr(&self, c: &Shared<Code>, name: &str) -> Option<Value> {
        let co = &c.co;
        let strs = |v: &[String]| Value::tuple(v.iter().map(|s| new_str(s.as_str())).collect());
        Some(match name {
            "co_name" => Value::Str(c.name.clone()),
            "co_qualname" => Value::Str(c.qualname.clone()),
            "co_filename" => new_str(co.filename.as_ref()),
            "co_firstlineno" => Value::Int(co.firstlineno as i64),
            "co_argcount" => Value::Int(co.argcount as i64),
            "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
            "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
            "co_nlocals" => Value::Int(co.varnames.len() as i64),
            "co_varnames" => strs(&co.varnames),
            "co_cellvars" => strs(&co.cellvars),
            "co_freevars" => strs(&co.freevars),
            "co_names" => strs(&co.names),
            "co_consts" => Value::tuple(c.consts.to_vec()),
            "co_stacksize" => Value::Int(co.max_stack as i64),
            "co_flags" => {
                // CPython's CO_* bits: optimized, newlocals, varargs, varkeywords, nested, generator.
                let mut f = 0;
                if !co.is_class_body && co.name != "<module>" {
                    f |= 0x1 | 0x2;
                }
                if co.has_varargs {
                    f |= 0x4;
                }
                if co.has_varkw {
                    f |= 0x8;
                }
                // CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR
                f |= match (co.is_generator, co.is_coroutine) {
                    (true, false) => 0x20,
                    (false, true) => 0x80,
                    (true, true) => 0x200,
                    _ => 0,
                };
                Value::Int(f)
            }
            _ => return None,
        })
    }
}
