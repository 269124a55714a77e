//! The object protocol: attributes, truth, comparison, hashing, repr/str,
//! iteration, subscripts, containment.

use super::cache::AttrSite;
use super::dict::{native_eq, DictMap, Lookup};
use super::object::*;
use super::sync::Shared;
use super::value::{new_str, PyDict, Str, Value};
use super::Vm;
use crate::compiler::bytecode::CmpOp;
use std::cmp::Ordering;

impl Vm {
    pub fn class_of(&self, v: &Value) -> ClassRef {
        let t = self.types();
        match v {
            Value::Null | Value::None => t.none.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(s) => {
                if s.frozen {
                    t.frozenset.clone()
                } else {
                    t.set.clone()
                }
            }
            Value::Func(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Class(_) => t.type_.clone(),
            Value::Instance(i) => i.class.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Native(n) => match &**n {
                Native::Code(_) => t.code.clone(),
                Native::Cell(_) => t.cell.clone(),
                Native::Range { .. } => t.range.clone(),
                Native::Slice { .. } => t.slice.clone(),
                Native::Generator(_) => t.generator.clone(),
                Native::Property { .. } => t.property.clone(),
                Native::StaticMethod(_) => t.staticmethod.clone(),
                Native::ClassMethod(_) => t.classmethod.clone(),
                Native::Super { .. } => t.super_.clone(),
                Native::NotImplemented => t.not_implemented_type.clone(),
                Native::Ellipsis => t.ellipsis_type.clone(),
                Native::Iter(state) => match &*state.lock() {
                    IterState::Enumerate { .. } => t.enumerate.clone(),
                    IterState::Zip { .. } => t.zip.clone(),
                    IterState::Map { .. } => t.map.clone(),
                    IterState::Filter { .. } => t.filter.clone(),
                    IterState::Reversed { .. } => t.reversed.clone(),
                    _ => t.iterator.clone(),
                },
                Native::DictView { kind, .. } => match kind {
                    ViewKind::Keys => t.dict_keys.clone(),
                    ViewKind::Values => t.dict_values.clone(),
                    ViewKind::Items => t.dict_items.clone(),
                },
                Native::Object { class, .. } => class.clone(),
            },
        }
    }

    pub fn type_name(&self, v: &Value) -> String {
        self.class_of(v).name.as_str().to_string()
    }

    pub fn isinstance(&self, v: &Value, cls: &ClassRef) -> bool {
        self.class_of(v).is_subclass(cls)
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.s.is_empty(),
            Value::List(l) => !l.lock().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.lock().is_empty(),
            Value::Set(s) => !s.map.lock().is_empty(),
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, "__bool__") {
                    let r = self.call(&m, &[], &[])?;
                    match r {
                        Value::Bool(b) => b,
                        _ => {
                            return Err(PyErr::from(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))))
                        }
                    }
                } else if let Some(m) = self.lookup_special(v, "__len__") {
                    let r = self.call(&m, &[], &[])?;
                    self.to_index(&r)? != 0
                } else {
                    true
                }
            }
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
                Native::DictView { dict, .. } => !dict.lock().is_empty(),
                _ => true,
            },
            _ => true,
        })
    }

    /// Finds a special method on the type of `v`, bound to `v`.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        let cls = self.class_of(v);
        let attr = self.class_lookup_str(&cls, name)?;
        Some(match attr {
            ref a if a.binds_to_instance() => Value::Method(Shared::new(Method {
                func: attr,
                self_: v.clone(),
            })),
            Value::Native(ref n) => match &**n {
                Native::StaticMethod(f) => f.clone(),
                Native::ClassMethod(f) => Value::Method(Shared::new(Method {
                    func: f.clone(),
                    self_: Value::Class(cls),
                })),
                _ => attr,
            },
            other => other,
        })
    }

    /// Binds an attribute found on a class to `obj` (the descriptor protocol).
    fn bind_class_attr(&mut self, attr: Value, obj: &Value, cls: &ClassRef) -> PyResult<Value> {
        Ok(match &attr {
            a if a.binds_to_instance() => Value::Method(Shared::new(Method {
                func: attr,
                self_: obj.clone(),
            })),
            Value::Native(n) => match &**n {
                Native::StaticMethod(f) => f.clone(),
                Native::ClassMethod(f) => Value::Method(Shared::new(Method {
                    func: f.clone(),
                    self_: Value::Class(cls.clone()),
                })),
                Native::Property { fget, .. } => {
                    if fget.is_none() {
                        return Err(PyErr::from(
                            self.attr_error("property has no getter".to_string()),
                        ));
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
                self.class_lookup_str(&i.class, "__set__").is_some()
                    || self.class_lookup_str(&i.class, "__delete__").is_some()
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
            if let Some(hint) = site.hint(&inst.class) {
                if let Some(v) = inst.dict.lock().value_if_key(hint, name) {
                    return Ok(v.clone());
                }
            }
            // The usual lookup, which also establishes the site's fact.
            let version = type_version();
            let (cls_attr, hint) = self.class_lookup_hinted(&inst.class, name);
            if !cls_attr.is_some_and(|a| self.is_data_descriptor(&a)) {
                if let Some((pos, v)) = self.instance_dict_get(inst, name, hint) {
                    site.record(&inst.class, version, pos);
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
        self.set_instance_hint(&inst.class, name, pos);
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
                if let Some(hint) = site.hint(&inst.class) {
                    instance_dict_set(inst, name, value, hint);
                    return Ok(());
                }
                if site.megamorphic() {
                    return self.setattr(obj, name, value);
                }
                let version = type_version();
                let plain = self.plain_store(&inst.class, name);
                self.setattr(obj, name, value)?;
                if plain {
                    let pos = inst.dict.lock().str_index(name);
                    if let Some(pos) = pos {
                        site.record(&inst.class, version, pos);
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
            None => Err(PyErr::from(self.no_attribute(obj, name.as_str()))),
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> Value {
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
        if let Value::Instance(i) = &exc {
            let mut d = i.dict.lock();
            d.set_by_str("name", new_str(name));
            d.set_by_str("obj", obj.clone());
        }
        exc
    }

    /// Attribute lookup; `Ok(None)` means "no such attribute" (no exception made).
    pub fn getattr_opt(&mut self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
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
                if let Some(a) = self.class_lookup(cls, name) {
                    return Ok(Some(match &a {
                        Value::Native(n) => match &**n {
                            Native::StaticMethod(f) => f.clone(),
                            Native::ClassMethod(f) => Value::Method(Shared::new(Method {
                                func: f.clone(),
                                self_: obj.clone(),
                            })),
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
                Ok(self.special_class_attr(cls, name.as_str()))
            }
            Value::Module(m) => {
                if let Some(v) = m.dict.lock().get_str(name) {
                    return Ok(Some(v.clone()));
                }
                Ok(match name.as_str() {
                    "__dict__" => Some(Value::Dict(m.dict.clone())),
                    _ => None,
                })
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
            "__class__" => return Some(Value::Class(inst.class.clone())),
            "__dict__" => {
                // A snapshot: gilpy's instance namespaces are not exposed live.
                let d = inst.dict.lock().clone();
                return Some(Value::dict(d));
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
                    let _ = obj;
                    Value::tuple(
                        data.traceback
                            .iter()
                            .map(|t| {
                                Value::tuple(vec![
                                    new_str(t.code.name.as_str()),
                                    Value::Int(t.line as i64),
                                ])
                            })
                            .collect(),
                    )
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
            "__dict__" => Value::dict(cls.dict.read().clone()),
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
            "__class__" => Value::Class(self.types().type_.clone()),
            _ => return None,
        })
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
                _ => f.dict.lock().get_by_str(name).cloned(),
            },
            Value::Builtin(b) => match name {
                "__name__" | "__qualname__" => Some(new_str(b.name)),
                "__self__" => b.bound.clone(),
                "__doc__" => Some(Value::None),
                _ => None,
            },
            Value::Method(m) => match name {
                "__self__" => Some(m.self_.clone()),
                "__func__" => Some(m.func.clone()),
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
                (Native::Generator(g), "__name__") => Some(Value::Str(g.lock().name.clone())),
                (Native::Generator(g), "__qualname__") => {
                    Some(Value::Str(g.lock().qualname.clone()))
                }
                (Native::Generator(g), "gi_running") => Some(Value::Bool(g.lock().running)),
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

    pub fn setattr(&mut self, obj: &Value, name: &Str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                let (found, hint) = self.class_lookup_hinted(&cls, name);
                if let Some(a) = found {
                    match &a {
                        Value::Native(n) => {
                            if let Native::Property { fset, .. } = &**n {
                                if fset.is_none() {
                                    return Err(PyErr::from(self.attr_error(format!(
                                        "property '{}' of '{}' object has no setter",
                                        name.as_str(),
                                        cls.name.as_str()
                                    ))));
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
                if let Some(sa) = self.class_lookup(&cls, &self.names.setattr.clone()) {
                    if !matches!(sa, Value::Builtin(_)) {
                        self.call(&sa, &[obj.clone(), Value::Str(name.clone()), value], &[])?;
                        return Ok(());
                    }
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
                        "__traceback__" => return Ok(()),
                        _ => {}
                    }
                }
                if let Some(pos) = instance_dict_set(inst, name, value, hint as usize) {
                    self.set_instance_hint(&cls, name, pos);
                }
                Ok(())
            }
            Value::Class(cls) if !cls.builtin => {
                cls.dict.lock().set_str(name, value);
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
            Value::Class(cls) => Err(PyErr::from(self.type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                cls.name.as_str()
            )))),
            _ => {
                let cls = self.class_of(obj);
                if cls.lookup(name).is_some() {
                    Err(PyErr::from(self.attr_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        cls.name.as_str(),
                        name.as_str()
                    ))))
                } else {
                    Err(PyErr::from(self.attr_error(format!(
                        "'{}' object has no attribute '{}'",
                        cls.name.as_str(),
                        name.as_str()
                    ))))
                }
            }
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(inst) => {
                if let Some(Value::Native(n)) = inst.class.lookup(name) {
                    if let Native::Property { fdel, .. } = &*n {
                        if !fdel.is_none() {
                            let f = fdel.clone();
                            self.call(&f, std::slice::from_ref(obj), &[])?;
                            return Ok(());
                        }
                    }
                }
                if let Some(da) = inst.class.lookup_str("__delattr__") {
                    self.call(&da, &[obj.clone(), Value::Str(name.clone())], &[])?;
                    return Ok(());
                }
                inst.dict.lock().remove_str(name.as_str()).is_some()
            }
            Value::Class(c) if !c.builtin => c.dict.lock().remove_str(name.as_str()).is_some(),
            Value::Module(m) => m.dict.lock().remove_str(name.as_str()).is_some(),
            Value::Func(f) => f.dict.lock().remove_str(name.as_str()).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(PyErr::from(self.no_attribute(obj, name.as_str())))
        }
    }

    // ---- hashing and equality ----

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = v.native_hash() {
            return Ok(h);
        }
        match v {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                if let (Some(base), Some(Value::Builtin(_))) =
                    (&inst.base, cls.lookup(&self.names.hash.clone()))
                {
                    return self.hash(base);
                }
                match cls.lookup(&self.names.hash.clone()) {
                    Some(Value::None) => Err(PyErr::from(self.unhashable(v))),
                    Some(h) if !matches!(h, Value::Builtin(_)) => {
                        let r = self.call(&h, std::slice::from_ref(v), &[])?;
                        match r {
                            Value::Int(i) => Ok(super::value::numhash::int(i)),
                            Value::Bool(b) => Ok(b as i64),
                            Value::BigInt(b) => Ok(super::value::numhash::bigint(&b)),
                            _ => Err(PyErr::from(
                                self.type_error("__hash__ method should return an integer"),
                            )),
                        }
                    }
                    _ => {
                        // A class defining __eq__ but not __hash__ is unhashable.
                        if cls.dict.read().get_by_str("__eq__").is_some()
                            && cls.dict.read().get_by_str("__hash__").is_none()
                        {
                            return Err(PyErr::from(self.unhashable(v)));
                        }
                        Ok((v.heap_ptr().map_or(0, |p| p as usize) >> 4) as i64)
                    }
                }
            }
            Value::Tuple(t) => {
                let mut acc: u64 = 0x27D4EB2F165667C5;
                for item in t.items.iter() {
                    let h = self.hash(item)? as u64;
                    acc = acc.wrapping_add(h.wrapping_mul(0xC2B2AE3D27D4EB4F));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(0x9E3779B185EBCA87);
                }
                Ok(super::value::numhash::fix(acc as i64))
            }
            _ => Err(PyErr::from(self.unhashable(v))),
        }
    }

    fn unhashable(&self, v: &Value) -> Value {
        self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity implies equality here, as in CPython's containers.
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = native_eq_shallow(a, b) {
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        use Value::*;
        match op {
            CmpOp::Is => return Ok(Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Bool(!a.is(b))),
            CmpOp::In => return Ok(Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Bool(!self.contains(b, a)?)),
            _ => {}
        }
        // Fast paths.
        match (a, b) {
            (Int(x), Int(y)) => return Ok(Bool(cmp_ord(op, x.cmp(y)))),
            (Float(x), Float(y)) => return Ok(Bool(cmp_f64(op, *x, *y))),
            (Str(x), Str(y)) => return Ok(Bool(cmp_ord(op, x.s.cmp(&y.s)))),
            _ => {}
        }
        if matches!(a, Instance(_)) || matches!(b, Instance(_)) {
            return self.rich_compare_protocol(op, a, b);
        }
        if let Some(ord) = self.builtin_order(op, a, b)? {
            return Ok(Bool(ord));
        }
        match op {
            CmpOp::Eq => Ok(Bool(a.is(b))),
            CmpOp::NotEq => Ok(Bool(!a.is(b))),
            _ => Err(PyErr::from(self.compare_error(op, a, b))),
        }
    }

    fn compare_error(&self, op: CmpOp, a: &Value, b: &Value) -> Value {
        self.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            cmp_symbol(op),
            self.type_name(a),
            self.type_name(b)
        ))
    }

    fn rich_compare_protocol(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, reflected) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => unreachable!("identity and membership handled by compare"),
        };
        // Subclasses of built-in types compare as their values unless they
        // define the comparison themselves.
        if base_of(a).is_some() || base_of(b).is_some() {
            let defines = |vm: &Vm, v: &Value, m: &str| match v {
                Value::Instance(i) => {
                    matches!(vm.class_lookup_str(&i.class, m), Some(Value::Func(_)))
                }
                _ => false,
            };
            if !defines(self, a, name) && !defines(self, b, reflected) {
                let (x, y) = (unwrap_base(a), unwrap_base(b));
                return self.compare(op, &x, &y);
            }
        }
        // A subclass's reflected method goes first, as in CPython.
        let b_first = matches!(b, Value::Instance(_)) && {
            let (ca, cb) = (self.class_of(a), self.class_of(b));
            !Shared::ptr_eq(&ca, &cb) && cb.is_subclass(&ca)
        };
        let order: [(&Value, &Value, &str); 2] = if b_first {
            [(b, a, reflected), (a, b, name)]
        } else {
            [(a, b, name), (b, a, reflected)]
        };
        for (x, y, meth) in order {
            if let Value::Instance(inst) = x {
                // A plain function is called with `x` prepended: no bound method.
                let attr = self.class_lookup_str(&inst.class, meth);
                if let Some(f @ Value::Func(_)) = attr {
                    let r = self.call_with_self(&f, x.clone(), std::slice::from_ref(y), &[])?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                    continue;
                }
                if let Some(m) = self.lookup_special(x, meth) {
                    if matches!(m, Value::Method(ref mm) if matches!(mm.func, Value::Builtin(_))) {
                        continue;
                    }
                    let r = self.call(&m, std::slice::from_ref(y), &[])?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            } else if let Some(r) =
                self.builtin_order(if meth == name { op } else { swap_op(op) }, x, y)?
            {
                return Ok(Value::Bool(r));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => {
                // Default __ne__ inverts __eq__.
                let eq = self.rich_compare_protocol(CmpOp::Eq, a, b)?;
                Ok(Value::Bool(!self.truthy(&eq)?))
            }
            _ => Err(PyErr::from(self.compare_error(op, a, b))),
        }
    }

    /// Comparison among built-in types; `None` when not comparable natively.
    fn builtin_order(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use Value::*;
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            return Ok(Some(match num_cmp(&x, &y) {
                Some(o) => cmp_ord(op, o),
                Option::None => op == CmpOp::NotEq,
            }));
        }
        Ok(Some(match (a, b) {
            (Str(x), Str(y)) => cmp_ord(op, x.s.cmp(&y.s)),
            (List(x), List(y)) => {
                // One guard at a time: the two may be the same object.
                let xs = x.lock().clone();
                let ys = y.lock().clone();
                return self.seq_compare(op, &xs, &ys).map(Some);
            }
            (Tuple(x), Tuple(y)) => {
                let (xs, ys) = (x.items.clone(), y.items.clone());
                return self.seq_compare(op, &xs, &ys).map(Some);
            }
            (Dict(x), Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let eq = self.dict_eq(x, y)?;
                if op == CmpOp::Eq {
                    eq
                } else {
                    !eq
                }
            }
            (Set(x), Set(y)) => {
                // One guard at a time: the two may be the same object.
                let xm = x.map.lock().clone();
                let ym = y.map.lock().clone();
                let sub = |vm: &mut Vm, p: &DictMap, q: &DictMap| -> PyResult<bool> {
                    for e in p.entries() {
                        if !vm.map_contains(q, e.hash, &e.key)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                match op {
                    CmpOp::Eq => xm.len() == ym.len() && sub(self, &xm, &ym)?,
                    CmpOp::NotEq => !(xm.len() == ym.len() && sub(self, &xm, &ym)?),
                    CmpOp::LtE => sub(self, &xm, &ym)?,
                    CmpOp::Lt => xm.len() < ym.len() && sub(self, &xm, &ym)?,
                    CmpOp::GtE => sub(self, &ym, &xm)?,
                    CmpOp::Gt => xm.len() > ym.len() && sub(self, &ym, &xm)?,
                    _ => return Ok(Option::None),
                }
            }
            (Native(x), Native(y)) => match (&**x, &**y) {
                (super::object::Native::Range { .. }, super::object::Native::Range { .. })
                    if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
                {
                    let (xs, ys) = (self.iterate(a)?, self.iterate(b)?);
                    let eq = self.seq_compare(CmpOp::Eq, &xs, &ys)?;
                    eq == (op == CmpOp::Eq)
                }
                (
                    super::object::Native::DictView { kind: k1, dict: d1 },
                    super::object::Native::DictView { kind: k2, dict: d2 },
                ) if *k1 == ViewKind::Keys
                    && *k2 == ViewKind::Keys
                    && matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
                {
                    // One guard at a time: the two may be the same object.
                    let xs = d1.lock().clone();
                    let ys = d2.lock().clone();
                    let mut eq = xs.len() == ys.len();
                    if eq {
                        for e in xs.entries() {
                            if !self.map_contains(&ys, e.hash, &e.key)? {
                                eq = false;
                                break;
                            }
                        }
                    }
                    eq == (op == CmpOp::Eq)
                }
                _ => return Ok(Option::None),
            },
            _ => return Ok(Option::None),
        }))
    }

    /// Counts a level of native recursion (comparing or printing nested
    /// containers) against the recursion limit, so deep nesting raises
    /// `RecursionError` instead of overflowing the native stack.
    pub fn enter_nested(&mut self) -> PyResult<()> {
        self.depth += 1;
        if let Err(e) = self.check_recursion() {
            self.depth -= 1;
            return Err(e);
        }
        Ok(())
    }

    fn seq_compare(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) && xs.len() != ys.len() {
            return Ok(op == CmpOp::NotEq);
        }
        self.enter_nested()?;
        let r = self.seq_compare_items(op, xs, ys);
        self.depth -= 1;
        r
    }

    fn seq_compare_items(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        for (x, y) in xs.iter().zip(ys.iter()) {
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::NotEq => Ok(true),
                    _ => {
                        let r = self.compare(op, x, y)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(cmp_ord(op, xs.len().cmp(&ys.len())))
    }

    fn dict_eq(&mut self, x: &Shared<PyDict>, y: &Shared<PyDict>) -> PyResult<bool> {
        // One guard at a time: the two may be the same object.
        let xm = x.lock().clone();
        let ym = y.lock().clone();
        if xm.len() != ym.len() {
            return Ok(false);
        }
        for e in xm.entries() {
            match self.map_get(&ym, e.hash, &e.key)? {
                Some(v) => {
                    if !self.eq(&e.value, &v)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    // ---- maps with Python-level equality ----

    /// Finds `key` in a map snapshot, running `__eq__` where needed.
    pub fn map_find(&mut self, map: &DictMap, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        match map.lookup(hash, key) {
            Lookup::Found(i) => Ok(Some(i)),
            Lookup::Missing => Ok(None),
            Lookup::Ask(cands) => {
                for (i, k) in cands {
                    if self.eq(&k, key)? {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            }
        }
    }

    fn map_get(&mut self, map: &DictMap, hash: i64, key: &Value) -> PyResult<Option<Value>> {
        Ok(self
            .map_find(map, hash, key)?
            .and_then(|i| map.entry(i).map(|e| e.value.clone())))
    }

    fn map_contains(&mut self, map: &DictMap, hash: i64, key: &Value) -> PyResult<bool> {
        Ok(self.map_find(map, hash, key)?.is_some())
    }

    /// Position of `key` in a live dict; calls `__eq__` without holding its lock.
    pub fn dict_find(&mut self, d: &PyDict, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let lookup = d.lock().lookup(hash, key);
        match lookup {
            Lookup::Found(i) => Ok(Some(i)),
            Lookup::Missing => Ok(None),
            Lookup::Ask(cands) => {
                for (i, k) in cands {
                    if self.eq(&k, key)? {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            }
        }
    }

    pub fn dict_get(&mut self, d: &Shared<PyDict>, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let i = self.dict_find(d, hash, key)?;
        Ok(i.and_then(|i| d.lock().entry(i).map(|e| e.value.clone())))
    }

    pub fn dict_set(&mut self, d: &Shared<PyDict>, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        {
            // Decided under one lock unless Python `__eq__` must run, so two
            // threads adding the same new key cannot both insert it.
            let mut m = d.lock();
            match m.lookup(hash, &key) {
                Lookup::Found(i) => {
                    *m.value_at_mut(i) = value;
                    return Ok(());
                }
                Lookup::Missing => {
                    m.push_new(hash, key, value);
                    return Ok(());
                }
                Lookup::Ask(_) => {}
            }
        }
        match self.dict_find(d, hash, &key)? {
            Some(i) => {
                let mut m = d.lock();
                if m.entry(i).is_some() {
                    *m.value_at_mut(i) = value;
                } else {
                    m.push_new(hash, key, value);
                }
            }
            None => d.lock().push_new(hash, key, value),
        }
        Ok(())
    }

    pub fn dict_del(&mut self, d: &Shared<PyDict>, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        match self.dict_find(d, hash, key)? {
            Some(i) => Ok(d.lock().remove_at(i).map(|e| e.value)),
            None => Ok(None),
        }
    }

    // ---- containment, length, indexes ----

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.s.contains(&*sub.s)),
                _ => Err(PyErr::from(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                )))),
            },
            Value::List(l) => {
                // By index, re-reading the length: `__eq__` may change the list.
                let mut i = 0;
                loop {
                    let x = match l.lock().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(false),
                    };
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) => {
                let hash = self.hash(item)?;
                Ok(self.dict_find(&s.map, hash, item)?.is_some())
            }
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => Ok(match item {
                    Value::Int(i) => {
                        let (i, start, stop, step) = (*i, *start, *stop, *step);
                        if step > 0 {
                            i >= start && i < stop && (i - start) % step == 0
                        } else {
                            i <= start && i > stop && (start - i) % (-step) == 0
                        }
                    }
                    _ => {
                        let items = self.iterate(container)?;
                        let mut found = false;
                        for x in items {
                            if self.eq(&x, item)? {
                                found = true;
                                break;
                            }
                        }
                        found
                    }
                }),
                Native::DictView { dict, kind } => match kind {
                    ViewKind::Keys => Ok(self.dict_get(dict, item)?.is_some()),
                    ViewKind::Items => {
                        let Value::Tuple(t) = item else {
                            return Ok(false);
                        };
                        if t.items.len() != 2 {
                            return Ok(false);
                        }
                        match self.dict_get(dict, &t.items[0])? {
                            Some(v) => self.eq(&v, &t.items[1]),
                            None => Ok(false),
                        }
                    }
                    ViewKind::Values => {
                        let vals = dict.lock().values();
                        for v in vals {
                            if self.eq(&v, item)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                },
                _ => self.contains_by_iteration(container, item),
            },
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(container, "__contains__") {
                    let r = self.call(&m, std::slice::from_ref(item), &[])?;
                    return self.truthy(&r);
                }
                self.contains_by_iteration(container, item)
            }
            _ => self.contains_by_iteration(container, item),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(_) => {
                return Err(PyErr::from(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                ))))
            }
        };
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.lock().len(),
            Value::Tuple(t) => t.items.len(),
            Value::Dict(d) => d.lock().len(),
            Value::Set(s) => s.map.lock().len(),
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => range_len(*start, *stop, *step) as usize,
                Native::DictView { dict, .. } => dict.lock().len(),
                _ => return Err(PyErr::from(self.no_len(v))),
            },
            Value::Instance(inst) => {
                let r = match self.class_lookup(&inst.class, &self.names.len.clone()) {
                    Some(f @ Value::Func(_)) => self.call_with_self(&f, v.clone(), &[], &[])?,
                    _ => {
                        let Some(m) = self.lookup_special(v, "__len__") else {
                            return Err(PyErr::from(self.no_len(v)));
                        };
                        self.call(&m, &[], &[])?
                    }
                };
                let n = self.to_index(&r)?;
                if n < 0 {
                    return Err(PyErr::from(
                        self.value_error("__len__() should return >= 0"),
                    ));
                }
                n as usize
            }
            _ => return Err(PyErr::from(self.no_len(v))),
        })
    }

    fn no_len(&self, v: &Value) -> Value {
        self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        ))
    }

    /// An integer index (`__index__`), as `i64`.
    pub fn to_index(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::from(self.new_exc(
                &self.types().exc.IndexError,
                "cannot fit 'int' into an index-sized integer",
            ))),
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, "__index__") {
                    let r = self.call(&m, &[], &[])?;
                    return self.to_index(&r);
                }
                Err(PyErr::from(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                ))))
            }
            _ => Err(PyErr::from(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            )))),
        }
    }
}

/// Identity and the cheap built-in cases of `==`, without Python code.
fn native_eq_shallow(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Instance(_), _) | (_, Value::Instance(_)) => None,
        (Value::List(_), _) | (_, Value::List(_)) | (Value::Dict(_), _) | (_, Value::Dict(_)) => {
            None
        }
        (Value::Tuple(_), Value::Tuple(_))
        | (Value::Set(_), Value::Set(_))
        | (Value::Native(_), _) => None,
        _ => native_eq(a, b),
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn swap_op(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::GtE => CmpOp::LtE,
        o => o,
    }
}

#[inline]
pub fn cmp_ord(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::NotEq => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::GtE => o != Ordering::Less,
        _ => false,
    }
}

#[inline]
pub fn cmp_f64(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => false,
    }
}

enum NumRef<'a> {
    I(i64),
    F(f64),
    B(&'a num_bigint::BigInt),
}

fn num_of(v: &Value) -> Option<NumRef<'_>> {
    match v {
        Value::Int(i) => Some(NumRef::I(*i)),
        Value::Bool(b) => Some(NumRef::I(*b as i64)),
        Value::Float(f) => Some(NumRef::F(*f)),
        Value::BigInt(b) => Some(NumRef::B(b)),
        _ => None,
    }
}

/// Exact comparison of mixed int/float (None when a NaN is involved).
fn num_cmp(a: &NumRef, b: &NumRef) -> Option<Ordering> {
    use num_bigint::BigInt;
    use num_traits::FromPrimitive;
    fn big_f(x: &BigInt, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        let fl = f.floor();
        let fb = BigInt::from_f64(fl)?;
        Some(match x.cmp(&fb) {
            Ordering::Equal => {
                if f > fl {
                    Ordering::Less
                } else {
                    Ordering::Equal
                }
            }
            o => o,
        })
    }
    match (a, b) {
        (NumRef::I(x), NumRef::I(y)) => Some(x.cmp(y)),
        (NumRef::F(x), NumRef::F(y)) => x.partial_cmp(y),
        (NumRef::I(x), NumRef::F(y)) => {
            if x.unsigned_abs() < (1 << 53) {
                (*x as f64).partial_cmp(y)
            } else {
                big_f(&BigInt::from(*x), *y)
            }
        }
        (NumRef::F(x), NumRef::I(y)) => {
            num_cmp(&NumRef::I(*y), &NumRef::F(*x)).map(Ordering::reverse)
        }
        (NumRef::B(x), NumRef::B(y)) => Some(x.cmp(y)),
        (NumRef::B(x), NumRef::I(y)) => Some((*x).cmp(&BigInt::from(*y))),
        (NumRef::I(x), NumRef::B(y)) => Some(BigInt::from(*x).cmp(y)),
        (NumRef::B(x), NumRef::F(y)) => big_f(x, *y),
        (NumRef::F(x), NumRef::B(y)) => big_f(y, *x).map(Ordering::reverse),
    }
}

/// The built-in value inside an instance of a subclass of a built-in type.
pub fn base_of(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => i.base.as_ref(),
        _ => None,
    }
}

/// `v`, or the built-in value inside it.
pub fn unwrap_base(v: &Value) -> Value {
    base_of(v).cloned().unwrap_or_else(|| v.clone())
}

/// Stores `name` in an instance's `__dict__`, trying position `hint` first.
/// Returns the key's position when it was not at `hint`.
fn instance_dict_set(inst: &Instance, name: &Str, value: Value, hint: usize) -> Option<usize> {
    let mut d = inst.dict.lock();
    if let Some(slot) = d.value_if_key_mut(hint, name) {
        let old = super::sync::replace_value(slot, value);
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
