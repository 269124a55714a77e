//! Iteration and subscripts: `iter`, `next`, `x[i]`, `x[i] = v`, `del x[i]`,
//! slices, and set insertion.

use super::generator::GenResult;
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::{new_str, Value};
use super::Vm;

/// Resolved `start, stop, step` of a slice over a sequence of `len` items.
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl SliceIdx {
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, stop, step) = (self.start, self.stop, self.step);
        let n = super::ops::range_len(start, stop, step);
        (0..n).map(move |k| (start + k * step) as usize)
    }
    pub fn len(&self) -> usize {
        super::ops::range_len(self.start, self.stop, self.step) as usize
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Vm {
    pub fn new_iter(&self, state: IterState) -> Value {
        Value::native(Native::Iter(PyCell::new(state)))
    }

    pub fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Str(_)
            | Value::Bytes(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_) => true,
            Value::Native(n) => {
                matches!(
                    **n,
                    Native::Range { .. }
                        | Native::ByteArray(_)
                        | Native::MemoryView(_)
                        | Native::Iter(_)
                        | Native::Generator(_)
                        | Native::DictView { .. }
                ) || self.class_of(v).lookup_str("__iter__").is_some()
            }
            Value::Instance(_) => {
                let c = self.class_of(v);
                c.lookup_str("__iter__").is_some() || c.lookup_str("__getitem__").is_some()
            }
            Value::Class(c) => self.meta_special(c, "__iter__").is_some(),
            _ => false,
        }
    }

    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => self.new_iter(IterState::Seq {
                seq: v.clone(),
                index: 0,
            }),
            Value::Str(s) => self.new_iter(IterState::Str {
                s: s.clone(),
                byte_pos: 0,
            }),
            Value::Dict(d) => {
                let len = d.lock().len();
                self.new_iter(IterState::Dict {
                    dict: d.clone(),
                    slot: 0,
                    kind: ViewKind::Keys,
                    len,
                })
            }
            Value::Set(s) => {
                let len = s.map.lock().len();
                self.new_iter(IterState::Set {
                    set: s.clone(),
                    slot: 0,
                    len,
                })
            }
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => self.new_iter(IterState::Range {
                    next: *start,
                    stop: *stop,
                    step: *step,
                }),
                Native::Iter(_) | Native::Generator(_) => v.clone(),
                Native::ByteArray(_) | Native::MemoryView(_) => self.new_iter(IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                }),
                Native::DictView { dict, kind } => {
                    let len = dict.lock().len();
                    self.new_iter(IterState::Dict {
                        dict: dict.clone(),
                        slot: 0,
                        kind: *kind,
                        len,
                    })
                }
                _ => return self.iter_protocol(v),
            },
            _ => return self.iter_protocol(v),
        })
    }

    fn iter_protocol(&mut self, v: &Value) -> PyResult<Value> {
        // Iterating a class asks its metaclass (`list(SomeEnum)`).
        if let Value::Class(c) = v {
            if let Some(m) = self.meta_special(c, "__iter__") {
                return self.call(&m, &[], &[]);
            }
        }
        if let Some(m) = self.lookup_special(v, "__iter__") {
            let it = self.call(&m, &[], &[])?;
            if !matches!(&it, Value::Native(n) if matches!(**n, Native::Iter(_) | Native::Generator(_)))
                && self.lookup_special(&it, "__next__").is_none()
            {
                return Err(self.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            }
            return Ok(it);
        }
        if matches!(v, Value::Instance(_)) && self.lookup_special(v, "__getitem__").is_some() {
            return Ok(self.new_iter(IterState::GetItem {
                obj: v.clone(),
                index: 0,
            }));
        }
        Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
    }

    /// The next item, or `None` when the iterator is exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Native(n) = it {
            match &**n {
                Native::Iter(state) => return self.next_native(state),
                Native::Generator(_) => {
                    return match self.gen_resume(it, Value::None, None)? {
                        GenResult::Yielded(v) => Ok(Some(v)),
                        GenResult::Returned(_) => Ok(None),
                    }
                }
                // A native `__next__` (files, ...) is called in place: no
                // bound method is made for each item.
                Native::Object { class, .. } => {
                    if let Some(func) = self.native_method_of(class, &self.names.next, 0) {
                        return match func(self, std::slice::from_ref(it), &[]) {
                            Ok(v) => Ok(Some(super::words::take_value(v))),
                            Err(e)
                                if self.isinstance(&e, &self.types().exc.StopIteration.clone()) =>
                            {
                                Ok(None)
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
                _ => {}
            }
        }
        let Some(m) = self.lookup_special(it, "__next__") else {
            return Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            )));
        };
        match self.call(&m, &[], &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.isinstance(&e, &self.types().exc.StopIteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn next_native(&mut self, state: &PyCell<IterState>) -> PyResult<Option<Value>> {
        // Cases that need no Python code finish under the lock.
        let mut st = state.lock();
        match &mut *st {
            IterState::Seq { seq, index } => {
                let item = match seq {
                    Value::List(l) => l.lock().get(*index).cloned(),
                    Value::Tuple(t) => t.items.get(*index).cloned(),
                    other => super::bytes::byte_at(other, *index).map(|b| Value::Int(b as i64)),
                };
                match item {
                    Some(v) => {
                        *index += 1;
                        return Ok(Some(v));
                    }
                    None => {
                        *st = IterState::Done;
                        return Ok(None);
                    }
                }
            }
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    return Ok(Some(Value::Int(v)));
                }
                return Ok(None);
            }
            IterState::Str { s, byte_pos } => {
                let rest = &s.as_str()[*byte_pos..];
                return Ok(rest.chars().next().map(|c| {
                    *byte_pos += c.len_utf8();
                    new_str(c.to_string())
                }));
            }
            IterState::Dict {
                dict,
                slot,
                kind,
                len,
            } => {
                let map = dict.lock();
                if map.len() != *len {
                    *len = usize::MAX;
                    drop(map);
                    drop(st);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                while *slot < map.slots() {
                    let i = *slot;
                    *slot += 1;
                    if let Some(e) = map.entry(i) {
                        return Ok(Some(match kind {
                            ViewKind::Keys => e.key.clone(),
                            ViewKind::Values => e.value.clone(),
                            ViewKind::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        }));
                    }
                }
                return Ok(None);
            }
            IterState::Set { set, slot, len } => {
                let map = set.map.lock();
                if map.len() != *len {
                    drop(map);
                    drop(st);
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                while *slot < map.table_len() {
                    let i = *slot;
                    *slot += 1;
                    if let Some(e) = map.at_slot(i) {
                        return Ok(Some(e.key.clone()));
                    }
                }
                return Ok(None);
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    return Ok(None);
                }
                *index -= 1;
                let i = *index;
                let seq = seq.clone();
                drop(st);
                return match &seq {
                    Value::List(l) => Ok(l.lock().get(i).cloned()),
                    Value::Tuple(t) => Ok(t.items.get(i).cloned()),
                    _ => self.getitem(&seq, &Value::Int(i as i64)).map(Some),
                };
            }
            IterState::Done => return Ok(None),
            _ => {}
        }
        // The rest call Python code: copy out what is needed, then release.
        match &mut *st {
            IterState::Enumerate { it, count } => {
                let (it, c) = (it.clone(), count.clone());
                drop(st);
                match self.next(&it)? {
                    Some(v) => {
                        let next = self.binary_op(
                            crate::compiler::bytecode::BinOp::Add,
                            &c,
                            &Value::Int(1),
                        )?;
                        if let IterState::Enumerate { count, .. } = &mut *state.lock() {
                            *count = next;
                        }
                        Ok(Some(Value::tuple(vec![c, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its, strict } => {
                let (its, strict) = (its.clone(), *strict);
                drop(st);
                let mut out = Vec::with_capacity(its.len());
                for (k, it) in its.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict && (k > 0 || its[1..].iter().any(|_| true)) {
                                let mut others_done = true;
                                for it2 in its.iter().skip(k + 1) {
                                    if self.next(it2)?.is_some() {
                                        others_done = false;
                                    }
                                }
                                if k > 0 || !others_done {
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is {} than argument{} 1{}",
                                        if k > 0 { k + 1 } else { 2 },
                                        if k > 0 { "shorter" } else { "longer" },
                                        if k > 1 { "s" } else { "" },
                                        if k > 1 {
                                            format!("-{}", k)
                                        } else {
                                            String::new()
                                        }
                                    )));
                                }
                            }
                            *state.lock() = IterState::Done;
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            IterState::Map { func, its } => {
                let (func, its) = (func.clone(), its.clone());
                drop(st);
                let mut args = Vec::with_capacity(its.len());
                for it in its.iter() {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, &args, &[]).map(Some)
            }
            IterState::Filter { func, it } => {
                let (func, it) = (func.clone(), it.clone());
                drop(st);
                while let Some(v) = self.next(&it)? {
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&func, std::slice::from_ref(&v), &[])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::GetItem { obj, index } => {
                let (obj, i) = (obj.clone(), *index);
                *index += 1;
                drop(st);
                match self.getitem(&obj, &Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.isinstance(&e, &self.types().exc.IndexError.clone())
                            || self.isinstance(&e, &self.types().exc.StopIteration.clone()) =>
                    {
                        *state.lock() = IterState::Done;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&func, &[], &[])?;
                if self.eq(&v, &sentinel)? {
                    *state.lock() = IterState::Done;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            _ => Ok(None),
        }
    }

    /// All items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.lock().clone()),
            Value::Tuple(t) => return Ok(t.items.to_vec()),
            Value::Dict(d) => return Ok(d.lock().keys()),
            Value::Set(s) => return Ok(s.map.lock().keys()),
            _ => {}
        }
        // Room for a range's items is made (or refused) up front, as
        // CPython's length hint does: `list(range(10**12))` is a MemoryError.
        let hint = match v {
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => {
                    super::ops::range_len(*start, *stop, *step) as usize
                }
                _ => 0,
            },
            _ => 0,
        };
        self.check_alloc(hint, std::mem::size_of::<Value>())?;
        let it = self.iter(v)?;
        let mut out = Vec::with_capacity(hint);
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    // ---- subscripts ----

    /// Normalises an index for a sequence of `len` items (IndexError when out of range).
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                return Err(self.index_error(format!("{} index out of range", what)))
            }
            Value::Instance(_) if self.lookup_special(key, "__index__").is_some() => {
                self.to_index(key)?
            }
            _ if what == "string" => {
                return Err(self.type_error(format!(
                    "string indices must be integers, not '{}'",
                    self.type_name(key)
                )))
            }
            _ => {
                let what = what.strip_suffix(" object").unwrap_or(what);
                return Err(self.type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    what,
                    self.type_name(key)
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.index_error(format!("{} index out of range", what)));
        }
        Ok(j as usize)
    }

    /// Resolves a slice against a length, as `slice.indices(len)`.
    pub fn slice_indices(
        &mut self,
        start: &Value,
        stop: &Value,
        step: &Value,
        len: usize,
    ) -> PyResult<SliceIdx> {
        let len = len as i64;
        let step = if step.is_none() {
            1
        } else {
            self.slice_index(step)?
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
        let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
        let conv = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(default);
            }
            let i = match v {
                Value::BigInt(b) => {
                    if b.sign() == num_bigint::Sign::Minus {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }
                }
                _ => vm.slice_index(v)?,
            };
            Ok(if i < 0 {
                clamp(i + len, lo, hi)
            } else {
                clamp(i, lo, hi)
            })
        };
        let start = conv(self, start, if step > 0 { 0 } else { len - 1 })?;
        let stop = conv(self, stop, if step > 0 { len } else { -1 })?;
        Ok(SliceIdx { start, stop, step })
    }

    /// A slice bound as an int, with CPython's message for a bad one.
    fn slice_index(&mut self, v: &Value) -> PyResult<i64> {
        let int_like = matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
            || self.lookup_special(v, "__index__").is_some();
        if !int_like {
            return Err(self
                .type_error("slice indices must be integers or None or have an __index__ method"));
        }
        self.to_index(v)
    }

    /// `obj[start:stop:step]` for a list or a tuple without a slice object
    /// (`None` for other types: the caller builds one and uses `getitem`).
    pub fn slice_sequence(
        &mut self,
        obj: &Value,
        start: &Value,
        stop: &Value,
        step: &Value,
    ) -> PyResult<Option<Value>> {
        match obj {
            Value::List(l) => {
                // The bounds first, as CPython: `__index__` may run Python
                // code (which must not find the list locked, and may change
                // its length); then the length is read.
                let mut bounds = [start.clone(), stop.clone(), step.clone()];
                for b in &mut bounds {
                    if !matches!(b, Value::None | Value::Int(_) | Value::BigInt(_)) {
                        *b = Value::Int(self.slice_index(b)?);
                    }
                }
                let [start, stop, step] = &bounds;
                let len = l.lock().len();
                let idx = self.slice_indices(start, stop, step, len)?;
                let items = l.lock();
                let out: Vec<Value> = if idx.step == 1 {
                    let a = (idx.start.max(0) as usize).min(items.len());
                    let z = (idx.stop.max(0) as usize).clamp(a, items.len());
                    items[a..z].to_vec()
                } else {
                    idx.indices()
                        .filter_map(|i| items.get(i).cloned())
                        .collect()
                };
                Ok(Some(Value::list(out)))
            }
            Value::Tuple(t) => {
                let idx = self.slice_indices(start, stop, step, t.items.len())?;
                Ok(Some(Value::tuple(
                    idx.indices().map(|i| t.items[i].clone()).collect(),
                )))
            }
            _ => Ok(None),
        }
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::Bytes(_) => Ok(self.bytes_getitem(obj, key)?.expect("bytes")),
            Value::Native(n) if matches!(&**n, Native::ByteArray(_) | Native::MemoryView(_)) => {
                Ok(self.bytes_getitem(obj, key)?.expect("bytes-like"))
            }
            Value::List(_) | Value::Tuple(_) if matches!(key, Value::Native(n) if matches!(**n, Native::Slice { .. })) =>
            {
                let Value::Native(n) = key else {
                    unreachable!("matched above")
                };
                let Native::Slice { start, stop, step } = &**n else {
                    unreachable!("matched above")
                };
                let r = self.slice_sequence(obj, start, stop, step)?;
                Ok(r.expect("a list or a tuple"))
            }
            Value::List(l) => {
                if let Value::Int(i) = key {
                    let v = l.lock();
                    let j = if *i < 0 { *i + v.len() as i64 } else { *i };
                    if j >= 0 && (j as usize) < v.len() {
                        return Ok(v[j as usize].clone());
                    }
                    drop(v);
                    return Err(self.index_error("list index out of range"));
                }
                let len = l.lock().len();
                let i = self.seq_index(key, len, "list")?;
                l.lock()
                    .get(i)
                    .cloned()
                    .ok_or_else(|| self.index_error("list index out of range"))
            }
            Value::Tuple(t) => {
                let i = self.seq_index(key, t.items.len(), "tuple")?;
                Ok(t.items[i].clone())
            }
            Value::Str(s) => {
                if let Value::Native(n) = key {
                    if let Native::Slice { start, stop, step } = &**n {
                        if s.ascii {
                            let b = s.as_str().as_bytes();
                            let idx = self.slice_indices(start, stop, step, b.len())?;
                            if idx.step == 1 {
                                let (a, z) = (
                                    idx.start.max(0) as usize,
                                    idx.stop.max(idx.start).max(0) as usize,
                                );
                                return Ok(new_str(&s.as_str()[a..z.min(b.len())]));
                            }
                            let out: String = idx.indices().map(|i| b[i] as char).collect();
                            return Ok(new_str(out));
                        }
                        let n = s.char_len();
                        let idx = self.slice_indices(start, stop, step, n)?;
                        if idx.step == 1 {
                            // A run of characters: two offsets, one copy.
                            let a = idx.start.max(0) as usize;
                            let z = (idx.stop.max(idx.start).max(0) as usize).max(a);
                            let (a, z) = (s.byte_offset(a), s.byte_offset(z));
                            return Ok(new_str(&s.as_str()[a..z]));
                        }
                        let chars: Vec<char> = s.as_str().chars().collect();
                        let out: String = idx.indices().map(|i| chars[i]).collect();
                        return Ok(new_str(out));
                    }
                }
                if s.ascii {
                    let i = self.seq_index(key, s.s.len(), "string")?;
                    return Ok(new_str(&s.as_str()[i..i + 1]));
                }
                let n = s.char_len();
                let i = self.seq_index(key, n, "string")?;
                let b = s.byte_offset(i);
                let c = s.as_str()[b..].chars().next().unwrap_or(' ');
                Ok(new_str(c.to_string()))
            }
            Value::Dict(d) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Value::Native(n) => match &**n {
                Native::Range { start, stop, step } => {
                    let (start, stop, step) = (*start, *stop, *step);
                    let len = super::ops::range_len(start, stop, step) as usize;
                    if let Value::Native(k) = key {
                        if let Native::Slice {
                            start: a,
                            stop: b,
                            step: c,
                        } = &**k
                        {
                            let idx = self.slice_indices(a, b, c, len)?;
                            return Ok(Value::native(Native::Range {
                                start: start + idx.start * step,
                                stop: start + idx.stop * step,
                                step: step * idx.step,
                            }));
                        }
                    }
                    let i = self.seq_index(key, len, "range object")?;
                    Ok(Value::Int(start + i as i64 * step))
                }
                _ => self.getitem_protocol(obj, key),
            },
            Value::Class(c) => {
                // A metaclass's __getitem__ (enums), else the class's own
                // __class_getitem__ (`list[int]`, PEP 560).
                if let Some(m) = self.meta_special(c, "__getitem__") {
                    return self.call(&m, std::slice::from_ref(key), &[]);
                }
                // `type[int]`: `type` itself, not its subclasses, and with no
                // `__class_getitem__` attribute (as CPython); the alias maker
                // the built-in generic classes share makes it.
                let shared;
                let found = if Shared::ptr_eq(c, &self.types().type_) {
                    shared = self.types().list.clone();
                    self.class_lookup_str(&shared, "__class_getitem__")
                } else {
                    self.class_lookup_str(c, "__class_getitem__")
                };
                if let Some(m) = found {
                    let m = match &m {
                        Value::Native(n) => match &**n {
                            Native::ClassMethod(f) => f.clone(),
                            _ => m.clone(),
                        },
                        _ => m,
                    };
                    return self.call(&m, &[obj.clone(), key.clone()], &[]);
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name.as_str())))
            }
            _ => self.getitem_protocol(obj, key),
        }
    }

    fn getitem_protocol(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            // A dict subclass without its own __getitem__: __missing__ decides.
            if let Some(Value::Dict(d)) = &inst.base {
                if !matches!(
                    self.class_lookup_str(inst.class(), "__getitem__"),
                    Some(Value::Func(_))
                ) {
                    if let Some(v) = self.dict_get(d, key)? {
                        return Ok(v);
                    }
                    if let Some(m) = self.lookup_special(obj, "__missing__") {
                        return self.call(&m, std::slice::from_ref(key), &[]);
                    }
                    return Err(self.key_error(key.clone()));
                }
            }
            if let Some(m) = self.lookup_special(obj, "__getitem__") {
                return self.call(&m, std::slice::from_ref(key), &[]);
            }
        }
        // A natively implemented module type (`sqlite3.Row`).
        if matches!(obj, Value::Native(n) if matches!(**n, Native::Object { .. })) {
            if let Some(m) = self.lookup_special(obj, "__getitem__") {
                return self.call(&m, std::slice::from_ref(key), &[]);
            }
        }
        Err(self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        )))
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Native(n) = &key {
                    if let Native::Slice { start, stop, step } = &**n {
                        let new_items = self.iterate(&value)?;
                        let len = l.lock().len();
                        let idx = self.slice_indices(start, stop, step, len)?;
                        let mut v = l.lock();
                        if idx.step == 1 {
                            let a = idx.start.max(0) as usize;
                            let z = (idx.stop.max(idx.start).max(0) as usize).min(v.len());
                            v.splice(a..z, new_items);
                            return Ok(());
                        }
                        if new_items.len() != idx.len() {
                            let n = idx.len();
                            drop(v);
                            return Err(self.value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new_items.len(),
                                n
                            )));
                        }
                        for (i, x) in idx.indices().zip(new_items) {
                            v[i] = x;
                        }
                        return Ok(());
                    }
                }
                let len = l.lock().len();
                let i = self.seq_index(&key, len, "list")?;
                let mut v = l.lock();
                if i < v.len() {
                    v[i] = value;
                    Ok(())
                } else {
                    drop(v);
                    Err(self.index_error("list assignment index out of range"))
                }
            }
            Value::Dict(d) => self.dict_set(d, key, value),
            Value::Native(n) if matches!(&**n, Native::ByteArray(_)) => {
                let Native::ByteArray(data) = &**n else {
                    unreachable!("matched above")
                };
                self.bytearray_setitem(data, &key, &value)
            }
            Value::Instance(_) | Value::Native(_) => {
                match self.lookup_special(obj, "__setitem__") {
                    Some(m) => self.call(&m, &[key, value], &[]).map(|_| ()),
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item assignment",
                        self.type_name(obj)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Native(n) = key {
                    if let Native::Slice { start, stop, step } = &**n {
                        let len = l.lock().len();
                        let idx = self.slice_indices(start, stop, step, len)?;
                        let mut remove: Vec<usize> = idx.indices().collect();
                        remove.sort_unstable();
                        let mut v = l.lock();
                        for i in remove.into_iter().rev() {
                            v.remove(i);
                        }
                        return Ok(());
                    }
                }
                let len = l.lock().len();
                let i = self.seq_index(key, len, "list")?;
                let removed = {
                    let mut v = l.lock();
                    (i < v.len()).then(|| v.remove(i))
                };
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Value::Dict(d) => match self.dict_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Value::Native(n) if matches!(&**n, Native::ByteArray(_)) => {
                let Native::ByteArray(data) = &**n else {
                    unreachable!("matched above")
                };
                self.bytearray_delitem(data, key)
            }
            Value::Instance(_) | Value::Native(_) => {
                match self.lookup_special(obj, "__delitem__") {
                    Some(m) => self.call(&m, std::slice::from_ref(key), &[]).map(|_| ()),
                    None => Err(self.type_error(format!(
                        "'{}' object does not support item deletion",
                        self.type_name(obj)
                    ))),
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    // ---- sets ----

    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let s = Value::set(super::settable::SetMap::new(), frozen);
        for x in items {
            self.set_add(&s, x)?;
        }
        Ok(s)
    }

    pub fn set_add(&mut self, s: &Value, item: Value) -> PyResult<()> {
        let Value::Set(set) = s else {
            return Err(self.type_error("set_add on a non-set"));
        };
        let hash = self.hash(&item)?;
        super::setops::add_hashed(self, set, hash, item)?;
        Ok(())
    }

    pub fn set_shared(&self, s: &Value) -> Option<Shared<super::value::PySet>> {
        match s {
            Value::Set(x) => Some(x.clone()),
            _ => None,
        }
    }
}
