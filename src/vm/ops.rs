//! The object protocol's remaining basics: the class of a value, truth,
//! hashing, containment, `len` and `__index__`.

use super::dict::{DictMap, Lookup};
use super::object::*;
use super::sync::Shared;
use super::value::{PyDict, Value};
use super::Vm;

impl Vm {
    pub fn class_of(&self, v: &Value) -> ClassRef {
        let t = self.types();
        match v {
            Value::Null | Value::None => t.none.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
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
            Value::Class(c) => c.meta.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class().clone(),
            Value::Method(_) => t.method.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Native(n) => match &**n {
                Native::Code(_) => t.code.clone(),
                Native::Cell(_) => t.cell.clone(),
                Native::Range { .. } => t.range.clone(),
                Native::Slice { .. } => t.slice.clone(),
                Native::Generator(g) => match g.lock().kind {
                    GenKind::Generator => t.generator.clone(),
                    GenKind::Coroutine => t.coroutine.clone(),
                    GenKind::AsyncGenerator => t.async_generator.clone(),
                },
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
                Native::ByteArray(_) => t.bytearray.clone(),
                Native::MemoryView(_) => t.memoryview.clone(),
                Native::Complex(..) => t.complex.clone(),
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
            Value::Bytes(b) => !b.data.is_empty(),
            Value::List(l) => !l.lock().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.lock().is_empty(),
            Value::Set(s) => !s.map.lock().is_empty(),
            Value::Instance(_) | Value::Native(_) if v.has_python_class() => {
                if let Some(m) = self.lookup_special(v, "__bool__") {
                    let r = self.call(&m, &[], &[])?;
                    match r {
                        Value::Bool(b) => b,
                        _ => {
                            return Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            )))
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
                Native::ByteArray(a) => !a.lock().is_empty(),
                Native::MemoryView(m) => m.nbytes() != 0,
                Native::Complex(re, im) => *re != 0.0 || *im != 0.0,
                _ => true,
            },
            // A class is true unless its metaclass says otherwise (`__len__`
            // of an enum).
            Value::Class(c) if c.meta.is_some() => {
                if let Some(m) = self.meta_special(c, "__bool__") {
                    let r = self.call(&m, &[], &[])?;
                    return self.truthy(&r);
                }
                if let Some(m) = self.meta_special(c, "__len__") {
                    let r = self.call(&m, &[], &[])?;
                    return Ok(self.to_index(&r)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    // ---- hashing and equality ----

    /// What `hash()` makes of a `__hash__` result: an int that fits a
    /// machine word is kept (-1 becomes -2); a larger one is hashed as an int.
    fn hash_result(&self, r: Value) -> PyResult<i64> {
        match r {
            Value::Int(-1) => Ok(-2),
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::BigInt(b) => match i64::try_from(&*b) {
                Ok(-1) => Ok(-2),
                Ok(i) => Ok(i),
                Err(_) => Ok(super::value::numhash::bigint(&b)),
            },
            _ => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = v.native_hash() {
            return Ok(h);
        }
        match v {
            Value::Instance(inst) => {
                let cls = inst.class().clone();
                if let (Some(base), Some(Value::Builtin(_))) =
                    (&inst.base, cls.lookup(&self.names.hash.clone()))
                {
                    return self.hash(base);
                }
                match cls.lookup(&self.names.hash.clone()) {
                    Some(Value::None) => Err(self.unhashable(v)),
                    Some(h) if !matches!(h, Value::Builtin(_)) => {
                        let r = self.call(&h, std::slice::from_ref(v), &[])?;
                        self.hash_result(r)
                    }
                    // (A class made with __eq__ and no __hash__ got
                    // `__hash__ = None` when it was made; assigning __eq__
                    // later does not change its hash, as in CPython.)
                    _ => Ok((v.heap_ptr().map_or(0, |p| p as usize) >> 4) as i64),
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
            Value::Native(n) if matches!(**n, Native::Object { .. }) => {
                let Some(h) = self
                    .lookup_special(v, "__hash__")
                    .filter(|h| !matches!(h, Value::None))
                else {
                    return Err(self.unhashable(v));
                };
                let r = self.call(&h, &[], &[])?;
                self.hash_result(r)
            }
            _ => Err(self.unhashable(v)),
        }
    }

    fn unhashable(&self, v: &Value) -> PyErr {
        self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
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

    pub(super) fn map_get(
        &mut self,
        map: &DictMap,
        hash: i64,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        Ok(self
            .map_find(map, hash, key)?
            .and_then(|i| map.entry(i).map(|e| e.value.clone())))
    }

    pub(super) fn map_contains(&mut self, map: &DictMap, hash: i64, key: &Value) -> PyResult<bool> {
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
            Value::Bytes(_) => self.bytes_contains(container, item),
            Value::Native(n) if matches!(&**n, Native::ByteArray(_) | Native::MemoryView(_)) => {
                self.bytes_contains(container, item)
            }
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.s.contains(&*sub.s)),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
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
                Ok(super::setops::set_find(self, &s.map, hash, item)?.is_some())
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
            Value::Class(c) if c.meta.is_some() => {
                if let Some(m) = self.meta_special(c, "__contains__") {
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
                return Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
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
        if let Some(n) = super::fastpath::len_fast(v) {
            return Ok(n);
        }
        Ok(match v {
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => range_len(*start, *stop, *step) as usize,
                Native::DictView { dict, .. } => dict.lock().len(),
                Native::ByteArray(a) => a.lock().len(),
                Native::MemoryView(m) => m.nbytes(),
                Native::Object { .. } => self.len_protocol(v)?,
                _ => return Err(self.no_len(v)),
            },
            Value::Instance(inst) => {
                let r = match self.class_lookup(inst.class(), &self.names.len.clone()) {
                    Some(f @ Value::Func(_)) => self.call_with_self(&f, v.clone(), &[], &[])?,
                    _ => {
                        let Some(m) = self.lookup_special(v, "__len__") else {
                            return Err(self.no_len(v));
                        };
                        self.call(&m, &[], &[])?
                    }
                };
                let n = self.to_index(&r)?;
                if n < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                n as usize
            }
            Value::Class(c) if c.meta.is_some() => {
                let Some(m) = self.meta_special(c, "__len__") else {
                    return Err(self.no_len(v));
                };
                let r = self.call(&m, &[], &[])?;
                let n = self.to_index(&r)?;
                if n < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                n as usize
            }
            _ => return Err(self.no_len(v)),
        })
    }

    /// `len()` through `__len__` (natively implemented module types).
    fn len_protocol(&mut self, v: &Value) -> PyResult<usize> {
        let Some(m) = self.lookup_special(v, "__len__") else {
            return Err(self.no_len(v));
        };
        let r = self.call(&m, &[], &[])?;
        let n = self.to_index(&r)?;
        if n < 0 {
            return Err(self.value_error("__len__() should return >= 0"));
        }
        Ok(n as usize)
    }

    fn no_len(&self, v: &Value) -> PyErr {
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
            Value::BigInt(_) => Err(self.new_error(
                &self.types().exc.IndexError,
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, "__index__") {
                    let r = self.call(&m, &[], &[])?;
                    return self.to_index(&r);
                }
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                )))
            }
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
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

impl Vm {
    /// `d.update(other)`: a mapping (dict or object with `keys`) or pairs.
    pub fn dict_update(&mut self, d: &Shared<PyDict>, other: &Value) -> PyResult<()> {
        match other {
            Value::Dict(src) => {
                let entries: Vec<(Value, Value)> = src.lock().items();
                for (k, v) in entries {
                    self.dict_set(d, k, v)?;
                }
            }
            _ if self.getattr_opt(other, &self.intern("keys"))?.is_some()
                && !matches!(other, Value::List(_) | Value::Tuple(_)) =>
            {
                let keys = self.call_method(other, "keys", &[])?;
                for k in self.iterate(&keys)? {
                    let v = self.getitem(other, &k)?;
                    self.dict_set(d, k, v)?;
                }
            }
            _ => {
                let items = self.iterate(other)?;
                for (i, item) in items.iter().enumerate() {
                    let pair = self.iterate(item).map_err(|_| {
                        self.type_error(format!(
                            "cannot convert dictionary update sequence element #{} to a sequence",
                            i
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(self.value_error(format!(
                            "dictionary update sequence element #{} has length {}; 2 is required",
                            i,
                            pair.len()
                        )));
                    }
                    let mut it = pair.into_iter();
                    let (k, v) = (
                        it.next().unwrap_or(Value::None),
                        it.next().unwrap_or(Value::None),
                    );
                    self.dict_set(d, k, v)?;
                }
            }
        }
        Ok(())
    }
}
