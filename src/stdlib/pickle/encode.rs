//! The pickler: writes CPython's pickle format (protocols 0 to 5) for the
//! built-in containers and scalars natively; any other object goes through
//! the Python hook of `pickle.py`, which answers with a global name or a
//! reduce value (`__reduce_ex__`), written here as CPython writes it.

use super::{op, pickling_error};
use crate::vm::object::Native;
use crate::vm::*;
use num_bigint::BigInt;
use rustc_hash::FxHashMap;

const FRAME_SIZE_TARGET: usize = 64 * 1024;
const FRAME_SIZE_MIN: usize = 4;
const BATCHSIZE: usize = 1000;
/// Room for a FRAME opcode and its 8-byte length.
const FRAME_HEADER: usize = 9;

pub struct Encoder {
    pub out: Vec<u8>,
    pub proto: u8,
    /// Where the open frame's header is reserved (protocol 4 and later).
    frame: Option<usize>,
    /// Object address -> memo index; the value keeps the object alive so
    /// that its address is not reused while pickling.
    memo: FxHashMap<usize, (u32, Value)>,
    /// Global names by text, so that equal names share one memo entry as
    /// CPython's interned names do.
    names: FxHashMap<String, Value>,
    /// `hook(obj, proto)`: `(0, module, name)` or `(1, reduce_value)`.
    hook: Value,
    persistent_id: Option<Value>,
}

impl Encoder {
    pub fn new(proto: u8, hook: Value, persistent_id: Option<Value>) -> Encoder {
        Encoder {
            out: Vec::with_capacity(64),
            proto,
            frame: None,
            memo: FxHashMap::default(),
            names: FxHashMap::default(),
            hook,
            persistent_id,
        }
    }

    /// The whole pickle of `obj`: PROTO, the frames, STOP.
    /// Starts from the memo of earlier dumps of the same `Pickler`.
    pub fn preload_memo(&mut self, objects: &[Value]) {
        for obj in objects {
            if let Some(key) = Self::memo_key(obj) {
                let idx = self.memo.len() as u32;
                self.memo.insert(key, (idx, obj.clone()));
            }
        }
    }

    /// The memo's objects from index `from` on, in order.
    pub fn memo_since(&self, from: usize) -> Vec<Value> {
        let mut v: Vec<&(u32, Value)> = self
            .memo
            .values()
            .filter(|e| e.0 as usize >= from)
            .collect();
        v.sort_by_key(|e| e.0);
        v.into_iter().map(|e| e.1.clone()).collect()
    }

    pub fn dump(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.proto >= 2 {
            self.out.extend_from_slice(&[op::PROTO, self.proto]);
        }
        if self.proto >= 4 {
            self.open_frame();
        }
        self.save(vm, obj, true)?;
        self.out.push(op::STOP);
        if self.proto >= 4 {
            self.commit_frame(true);
            if let Some(start) = self.frame.take() {
                self.out.truncate(start);
            }
        }
        Ok(())
    }

    fn open_frame(&mut self) {
        self.frame = Some(self.out.len());
        self.out.extend_from_slice(&[0; FRAME_HEADER]);
    }

    /// Closes the open frame once it is big enough (or when `force`d),
    /// dropping the header of a frame too small to be worth one, and opens
    /// the next.
    fn commit_frame(&mut self, force: bool) {
        let Some(start) = self.frame else { return };
        let len = self.out.len() - start - FRAME_HEADER;
        if len < FRAME_SIZE_TARGET && !force {
            return;
        }
        if len >= FRAME_SIZE_MIN {
            self.out[start] = op::FRAME;
            self.out[start + 1..start + FRAME_HEADER].copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER);
        }
        self.open_frame();
    }

    /// A large payload goes outside any frame, as CPython writes it.
    fn write_large(&mut self, header: &[u8], payload: &[u8]) {
        if self.frame.is_some() && payload.len() >= FRAME_SIZE_TARGET {
            self.commit_frame(true);
            let start = self.frame.take().unwrap_or(self.out.len());
            self.out.truncate(start);
            self.out.extend_from_slice(header);
            self.out.extend_from_slice(payload);
            self.open_frame();
        } else {
            self.out.extend_from_slice(header);
            self.out.extend_from_slice(payload);
        }
    }

    fn memo_key(obj: &Value) -> Option<usize> {
        obj.heap_ptr().map(|p| p as usize)
    }

    fn memoize(&mut self, obj: &Value) {
        let Some(key) = Self::memo_key(obj) else {
            return;
        };
        let idx = self.memo.len() as u32;
        self.memo.insert(key, (idx, obj.clone()));
        if self.proto >= 4 {
            self.out.push(op::MEMOIZE);
        } else if self.proto >= 1 {
            if idx < 256 {
                self.out.extend_from_slice(&[op::BINPUT, idx as u8]);
            } else {
                self.out.push(op::LONG_BINPUT);
                self.out.extend_from_slice(&idx.to_le_bytes());
            }
        } else {
            self.out.push(op::PUT);
            self.out.extend_from_slice(format!("{}\n", idx).as_bytes());
        }
    }

    fn memo_get(&self, obj: &Value) -> Option<u32> {
        Self::memo_key(obj).and_then(|k| self.memo.get(&k).map(|e| e.0))
    }

    fn write_get(&mut self, idx: u32) {
        if self.proto >= 1 {
            if idx < 256 {
                self.out.extend_from_slice(&[op::BINGET, idx as u8]);
            } else {
                self.out.push(op::LONG_BINGET);
                self.out.extend_from_slice(&idx.to_le_bytes());
            }
        } else {
            self.out.push(op::GET);
            self.out.extend_from_slice(format!("{}\n", idx).as_bytes());
        }
    }

    pub fn save(&mut self, vm: &mut Vm, obj: &Value, pers: bool) -> PyResult<()> {
        self.commit_frame(false);
        if pers {
            if let Some(pid) = self.persistent_id.clone() {
                let id = vm.call(&pid, std::slice::from_ref(obj), &[])?;
                if !id.is_none() {
                    return self.save_pers(vm, &id);
                }
            }
        }
        match obj {
            Value::None => self.out.push(op::NONE),
            Value::Bool(b) => self.save_bool(*b),
            Value::Int(i) => self.save_int(*i),
            Value::BigInt(b) => self.save_bigint(b),
            Value::Float(f) => self.save_float(*f),
            _ => {
                if let Some(idx) = self.memo_get(obj) {
                    self.write_get(idx);
                    return Ok(());
                }
                vm.depth += 1;
                let r = match vm.check_recursion() {
                    Ok(()) => self.save_heap(vm, obj),
                    Err(_) => Err(vm.new_error(
                        &vm.types().exc.RecursionError,
                        "maximum recursion depth exceeded while pickling an object",
                    )),
                };
                vm.depth -= 1;
                r?;
            }
        }
        Ok(())
    }

    fn save_pers(&mut self, vm: &mut Vm, id: &Value) -> PyResult<()> {
        if self.proto >= 1 {
            self.save(vm, id, false)?;
            self.out.push(op::BINPERSID);
        } else {
            let s = vm.str_(id)?;
            if !s.is_ascii() {
                return Err(pickling_error(
                    vm,
                    "persistent IDs in protocol 0 must be ASCII strings",
                ));
            }
            self.out.push(op::PERSID);
            self.out.extend_from_slice(s.as_bytes());
            self.out.push(b'\n');
        }
        Ok(())
    }

    fn save_bool(&mut self, b: bool) {
        if self.proto >= 2 {
            self.out.push(if b { op::NEWTRUE } else { op::NEWFALSE });
        } else {
            self.out
                .extend_from_slice(if b { b"I01\n" } else { b"I00\n" });
        }
    }

    fn save_int(&mut self, i: i64) {
        if self.proto >= 1 {
            if (0..256).contains(&i) {
                self.out.extend_from_slice(&[op::BININT1, i as u8]);
                return;
            }
            if (0..65536).contains(&i) {
                self.out.push(op::BININT2);
                self.out.extend_from_slice(&(i as u16).to_le_bytes());
                return;
            }
            if i32::try_from(i).is_ok() {
                self.out.push(op::BININT);
                self.out.extend_from_slice(&(i as i32).to_le_bytes());
                return;
            }
        } else if i32::try_from(i).is_ok() {
            self.out.extend_from_slice(format!("I{}\n", i).as_bytes());
            return;
        }
        self.save_bigint(&BigInt::from(i));
    }

    fn save_bigint(&mut self, b: &BigInt) {
        if self.proto >= 2 {
            let bytes = b.to_signed_bytes_le();
            if bytes.len() < 256 {
                self.out.extend_from_slice(&[op::LONG1, bytes.len() as u8]);
            } else {
                self.out.push(op::LONG4);
                self.out
                    .extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            }
            self.out.extend_from_slice(&bytes);
        } else {
            self.out.extend_from_slice(format!("L{}L\n", b).as_bytes());
        }
    }

    fn save_float(&mut self, f: f64) {
        if self.proto >= 1 {
            self.out.push(op::BINFLOAT);
            self.out.extend_from_slice(&f.to_be_bytes());
        } else {
            let r = crate::fmt::float_repr(f);
            self.out.extend_from_slice(format!("F{}\n", r).as_bytes());
        }
    }

    fn save_str(&mut self, s: &str) {
        let n = s.len();
        if self.proto >= 4 && n < 256 {
            self.out.extend_from_slice(&[op::SHORT_BINUNICODE, n as u8]);
            self.out.extend_from_slice(s.as_bytes());
        } else if self.proto >= 1 {
            if n > 0xffff_ffff && self.proto >= 4 {
                let mut h = vec![op::BINUNICODE8];
                h.extend_from_slice(&(n as u64).to_le_bytes());
                self.write_large(&h, s.as_bytes());
            } else {
                let mut h = vec![op::BINUNICODE];
                h.extend_from_slice(&(n as u32).to_le_bytes());
                self.write_large(&h, s.as_bytes());
            }
        } else {
            self.out.push(op::UNICODE);
            raw_unicode_escape(s, &mut self.out);
            self.out.push(b'\n');
        }
    }

    fn save_bytes(&mut self, b: &[u8]) {
        let n = b.len();
        if n < 256 {
            self.out.extend_from_slice(&[op::SHORT_BINBYTES, n as u8]);
            self.out.extend_from_slice(b);
        } else if n > 0xffff_ffff && self.proto >= 4 {
            let mut h = vec![op::BINBYTES8];
            h.extend_from_slice(&(n as u64).to_le_bytes());
            self.write_large(&h, b);
        } else {
            let mut h = vec![op::BINBYTES];
            h.extend_from_slice(&(n as u32).to_le_bytes());
            self.write_large(&h, b);
        }
    }

    fn save_heap(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        match obj {
            Value::Str(s) => {
                self.save_str(s.as_str());
                self.memoize(obj);
            }
            Value::Bytes(b) if self.proto >= 3 => {
                self.save_bytes(b.as_bytes());
                self.memoize(obj);
            }
            Value::Tuple(t) => self.save_tuple(vm, obj, &t.items)?,
            Value::List(l) => {
                if self.proto >= 1 {
                    self.out.push(op::EMPTY_LIST);
                } else {
                    self.out.extend_from_slice(&[op::MARK, op::LIST]);
                }
                self.memoize(obj);
                self.save_list_items(vm, l)?;
            }
            Value::Dict(d) => {
                if self.proto >= 1 {
                    self.out.push(op::EMPTY_DICT);
                } else {
                    self.out.extend_from_slice(&[op::MARK, op::DICT]);
                }
                self.memoize(obj);
                let items = d.lock().items();
                self.save_dict_items(vm, &items)?;
            }
            Value::Set(s) if self.proto >= 4 => {
                let items = s.map.lock().keys();
                if s.frozen {
                    self.out.push(op::MARK);
                    for x in &items {
                        self.save(vm, x, true)?;
                    }
                    if let Some(idx) = self.memo_get(obj) {
                        self.out.push(op::POP_MARK);
                        self.write_get(idx);
                    } else {
                        self.out.push(op::FROZENSET);
                        self.memoize(obj);
                    }
                } else {
                    self.out.push(op::EMPTY_SET);
                    self.memoize(obj);
                    if !items.is_empty() {
                        // A full last batch is followed by an empty one, as
                        // CPython writes it.
                        for chunk in items.chunks(BATCHSIZE) {
                            self.out.push(op::MARK);
                            for x in chunk {
                                self.save(vm, x, true)?;
                            }
                            self.out.push(op::ADDITEMS);
                        }
                        if items.len() % BATCHSIZE == 0 {
                            self.out.extend_from_slice(&[op::MARK, op::ADDITEMS]);
                        }
                    }
                }
            }
            Value::Native(n) if self.proto >= 5 && matches!(&**n, Native::ByteArray(_)) => {
                if let Native::ByteArray(a) = &**n {
                    let data = a.lock().clone();
                    let mut h = vec![op::BYTEARRAY8];
                    h.extend_from_slice(&(data.len() as u64).to_le_bytes());
                    self.write_large(&h, &data);
                }
                self.memoize(obj);
            }
            _ => self.save_other(vm, obj)?,
        }
        Ok(())
    }

    fn save_tuple(&mut self, vm: &mut Vm, obj: &Value, items: &[Value]) -> PyResult<()> {
        let n = items.len();
        if n == 0 {
            if self.proto >= 1 {
                self.out.push(op::EMPTY_TUPLE);
            } else {
                self.out.extend_from_slice(&[op::MARK, op::TUPLE]);
            }
            return Ok(());
        }
        // Only a container among the items can lead back to this tuple.
        let may_recur = items.iter().any(|x| {
            !matches!(
                x,
                Value::None
                    | Value::Bool(_)
                    | Value::Int(_)
                    | Value::Float(_)
                    | Value::Str(_)
                    | Value::Bytes(_)
                    | Value::BigInt(_)
            )
        });
        if n <= 3 && self.proto >= 2 {
            for x in items {
                self.save(vm, x, true)?;
            }
            if let Some(idx) = may_recur.then(|| self.memo_get(obj)).flatten() {
                self.out.extend(std::iter::repeat_n(op::POP, n));
                self.write_get(idx);
            } else {
                self.out.push([op::TUPLE1, op::TUPLE2, op::TUPLE3][n - 1]);
                self.memoize(obj);
            }
            return Ok(());
        }
        self.out.push(op::MARK);
        for x in items {
            self.save(vm, x, true)?;
        }
        if let Some(idx) = may_recur.then(|| self.memo_get(obj)).flatten() {
            if self.proto >= 1 {
                self.out.push(op::POP_MARK);
            } else {
                self.out.extend(std::iter::repeat_n(op::POP, n + 1));
            }
            self.write_get(idx);
        } else {
            self.out.push(op::TUPLE);
            self.memoize(obj);
        }
        Ok(())
    }

    /// The items of an exact list (CPython's batching for lists: a single
    /// item is an APPEND, otherwise batches of MARK ... APPENDS).
    fn save_list_items(&mut self, vm: &mut Vm, l: &crate::vm::value::PyList) -> PyResult<()> {
        let item = |i: usize| l.lock().get(i).cloned();
        if self.proto == 0 {
            let mut i = 0;
            while let Some(x) = item(i) {
                self.save(vm, &x, true)?;
                self.out.push(op::APPEND);
                i += 1;
            }
            return Ok(());
        }
        let n = l.lock().len();
        // Room for the items and their memo entries up front: growing big
        // tables and buffers step by step costs more than the pickling.
        self.memo.reserve(n);
        self.out.reserve(n * 8);
        if n == 1 {
            if let Some(x) = item(0) {
                self.save(vm, &x, true)?;
                self.out.push(op::APPEND);
            }
            return Ok(());
        }
        let mut i = 0;
        while i < l.lock().len() {
            self.out.push(op::MARK);
            let mut n = 0;
            while let Some(x) = item(i) {
                self.save(vm, &x, true)?;
                i += 1;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
            }
            self.out.push(op::APPENDS);
        }
        Ok(())
    }

    /// The items of an exact dict: SETITEM for one, else batches of
    /// MARK ... SETITEMS (an empty batch after a full last one).
    fn save_dict_items(&mut self, vm: &mut Vm, items: &[(Value, Value)]) -> PyResult<()> {
        if self.proto == 0 {
            for (k, v) in items {
                self.save(vm, k, true)?;
                self.save(vm, v, true)?;
                self.out.push(op::SETITEM);
            }
            return Ok(());
        }
        match items.len() {
            0 => {}
            1 => {
                self.save(vm, &items[0].0, true)?;
                self.save(vm, &items[0].1, true)?;
                self.out.push(op::SETITEM);
            }
            n => {
                for chunk in items.chunks(BATCHSIZE) {
                    self.out.push(op::MARK);
                    for (k, v) in chunk {
                        self.save(vm, k, true)?;
                        self.save(vm, v, true)?;
                    }
                    self.out.push(op::SETITEMS);
                }
                if n % BATCHSIZE == 0 {
                    self.out.extend_from_slice(&[op::MARK, op::SETITEMS]);
                }
            }
        }
        Ok(())
    }

    /// Anything else: ask the Python hook.
    fn save_other(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let hook = self.hook.clone();
        let rv = vm.call(&hook, &[obj.clone(), Value::Int(self.proto as i64)], &[])?;
        let parts = match &rv {
            Value::Tuple(t) if t.items.len() == 3 => t.items.clone(),
            _ => return Err(pickling_error(vm, "bad result from the pickle hook")),
        };
        if let Value::Int(0) = parts[0] {
            let (Some(module), Some(name)) = (parts[1].as_str(), parts[2].as_str()) else {
                return Err(pickling_error(vm, "global names must be strings"));
            };
            self.save_global(vm, module, name)?;
            // A reduce may have memoized the object already (recursion).
            if self.memo_get(obj).is_none() {
                self.memoize(obj);
            }
            return Ok(());
        }
        self.save_reduce(vm, obj, &parts[1])
    }

    pub fn save_global(&mut self, vm: &mut Vm, module: &str, name: &str) -> PyResult<()> {
        if self.proto >= 4 {
            let m = self.name_value(module);
            self.save(vm, &m, false)?;
            let n = self.name_value(name);
            self.save(vm, &n, false)?;
            self.out.push(op::STACK_GLOBAL);
        } else {
            self.out.push(op::GLOBAL);
            self.out.extend_from_slice(module.as_bytes());
            self.out.push(b'\n');
            self.out.extend_from_slice(name.as_bytes());
            self.out.push(b'\n');
        }
        Ok(())
    }

    fn name_value(&mut self, s: &str) -> Value {
        self.names
            .entry(s.to_string())
            .or_insert_with(|| new_str(s))
            .clone()
    }

    fn save_reduce(&mut self, vm: &mut Vm, obj: &Value, rv: &Value) -> PyResult<()> {
        let items: Vec<Value> = match rv {
            Value::Tuple(t) if (2..=6).contains(&t.items.len()) => t.items.to_vec(),
            Value::Tuple(_) => {
                return Err(pickling_error(
                    vm,
                    "tuple returned by __reduce__ must contain 2 through 6 elements",
                ))
            }
            _ => {
                return Err(pickling_error(
                    vm,
                    "__reduce__ must return a string or tuple",
                ))
            }
        };
        let get = |i: usize| items.get(i).cloned().unwrap_or(Value::None);
        let (func, args) = (get(0), get(1));
        let Value::Tuple(args_t) = &args else {
            return Err(pickling_error(
                vm,
                "second item of the tuple returned by __reduce__ must be a tuple",
            ));
        };
        let fname = match &func {
            Value::Func(f) => f.name.lock().as_str().to_string(),
            _ => String::new(),
        };
        if self.proto >= 2 && fname == "__newobj_ex__" && args_t.items.len() == 3 {
            let a = &args_t.items;
            if self.proto >= 4 {
                self.save(vm, &a[0], true)?;
                self.save(vm, &a[1], true)?;
                self.save(vm, &a[2], true)?;
                self.out.push(op::NEWOBJ_EX);
            } else {
                return Err(pickling_error(
                    vm,
                    "protocol 2 and 3 cannot pickle keyword arguments of __new__",
                ));
            }
        } else if self.proto >= 2 && fname == "__newobj__" && !args_t.items.is_empty() {
            self.save(vm, &args_t.items[0], true)?;
            let rest = Value::tuple(args_t.items[1..].to_vec());
            self.save(vm, &rest, true)?;
            self.out.push(op::NEWOBJ);
        } else {
            self.save(vm, &func, true)?;
            self.save(vm, &args, true)?;
            self.out.push(op::REDUCE);
        }
        if let Some(idx) = self.memo_get(obj) {
            self.out.push(op::POP);
            self.write_get(idx);
        } else {
            self.memoize(obj);
        }
        let (listitems, dictitems, state, setter) = (get(3), get(4), get(2), get(5));
        if !listitems.is_none() {
            self.batch_iter(vm, &listitems, false)?;
        }
        if !dictitems.is_none() {
            self.batch_iter(vm, &dictitems, true)?;
        }
        if !state.is_none() {
            if setter.is_none() {
                self.save(vm, &state, true)?;
                self.out.push(op::BUILD);
            } else {
                self.save(vm, &setter, true)?;
                self.save(vm, obj, true)?;
                self.save(vm, &state, true)?;
                self.out
                    .extend_from_slice(&[op::TUPLE2, op::REDUCE, op::POP]);
            }
        }
        Ok(())
    }

    /// List items or (key, value) pairs from an iterator, batched as
    /// CPython batches them (a lone item gets APPEND / SETITEM).
    fn batch_iter(&mut self, vm: &mut Vm, it: &Value, pairs: bool) -> PyResult<()> {
        let items = vm.iterate(it)?;
        let save_one = |enc: &mut Encoder, vm: &mut Vm, x: &Value| -> PyResult<()> {
            if pairs {
                match x {
                    Value::Tuple(t) if t.items.len() == 2 => {
                        enc.save(vm, &t.items[0], true)?;
                        enc.save(vm, &t.items[1], true)
                    }
                    _ => Err(pickling_error(
                        vm,
                        "dict items iterator must return 2-tuples",
                    )),
                }
            } else {
                enc.save(vm, x, true)
            }
        };
        let (one, many) = if pairs {
            (op::SETITEM, op::SETITEMS)
        } else {
            (op::APPEND, op::APPENDS)
        };
        if self.proto == 0 {
            for x in &items {
                save_one(self, vm, x)?;
                self.out.push(one);
            }
            return Ok(());
        }
        for chunk in items.chunks(BATCHSIZE) {
            if chunk.len() == 1 {
                save_one(self, vm, &chunk[0])?;
                self.out.push(one);
            } else {
                self.out.push(op::MARK);
                for x in chunk {
                    save_one(self, vm, x)?;
                }
                self.out.push(many);
            }
        }
        Ok(())
    }
}

/// Protocol 0's text for a str: raw-unicode-escape, with the characters
/// that would break the line-based format escaped too.
fn raw_unicode_escape(s: &str, out: &mut Vec<u8>) {
    for c in s.chars() {
        let u = c as u32;
        match c {
            '\\' | '\0' | '\n' | '\r' | '\x1a' => {
                out.extend_from_slice(format!("\\u{:04x}", u).as_bytes())
            }
            _ if u < 256 => out.push(u as u8),
            _ if u < 0x10000 => out.extend_from_slice(format!("\\u{:04x}", u).as_bytes()),
            _ => out.extend_from_slice(format!("\\U{:08x}", u).as_bytes()),
        }
    }
}
