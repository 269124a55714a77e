//! The out-of-line work of the instructions of the `match` statement:
//! which values sequence and mapping patterns accept, the values of a
//! mapping pattern's keys, the attributes a class pattern matches.
//!
//! gilpy has no `collections.abc` registration, so besides the built-in
//! kinds (list, tuple, range, memoryview; dict) a class counts as a
//! sequence when it has `__len__` and `__getitem__`, and as a mapping when
//! it also has `keys` and `get` (as `collections.deque` and user mappings).

use super::dict::DictMap;
use super::object::*;
use super::repr::str_repr;
use super::value::Value;
use super::Vm;

impl Vm {
    fn class_has(&self, cls: &ClassRef, names: &[&str]) -> bool {
        names
            .iter()
            .all(|n| self.class_lookup_str(cls, n).is_some())
    }

    fn is_mapping_class(&self, cls: &ClassRef) -> bool {
        cls.is_subclass(&self.types().dict) || self.class_has(cls, &["keys", "get", "__getitem__"])
    }

    /// `MatchSequence`: whether `v` can match a sequence pattern.
    pub(super) fn match_sequence(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) => true,
            Value::Native(n) if matches!(&**n, Native::Range { .. } | Native::MemoryView(_)) => {
                true
            }
            Value::Instance(_) | Value::Native(_) => {
                let cls = self.class_of(v);
                let t = self.types();
                let never = [&t.str_, &t.bytes, &t.bytearray, &t.dict];
                if never.iter().any(|k| cls.is_subclass(k)) {
                    return false;
                }
                let always = [&t.list, &t.tuple, &t.range, &t.memoryview];
                always.iter().any(|k| cls.is_subclass(k))
                    || (self.class_has(&cls, &["__len__", "__getitem__"])
                        && !self.is_mapping_class(&cls))
            }
            _ => false,
        }
    }

    /// `MatchMapping`: whether `v` can match a mapping pattern.
    pub(super) fn match_mapping(&self, v: &Value) -> bool {
        match v {
            Value::Dict(_) => true,
            Value::Instance(_) | Value::Native(_) => self.is_mapping_class(&self.class_of(v)),
            _ => false,
        }
    }

    /// `MatchKeys`: the values of `keys` (a tuple) in the mapping
    /// `subject`, as a tuple, or None if one is missing. Looked up with
    /// `subject.get(key, marker)`, which never creates a key.
    pub(super) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else {
            return Err(self.type_error("match keys must be a tuple"));
        };
        if keys.items.is_empty() {
            return Ok(Value::tuple(Vec::new()));
        }
        let get = match subject {
            Value::Dict(_) => None,
            _ => Some(self.getattr_str(subject, "get")?),
        };
        let marker = match get {
            Some(_) => {
                let object = Value::Class(self.types().object.clone());
                self.call(&object, &[], &[])?
            }
            None => Value::None,
        };
        let mut values: Vec<Value> = Vec::with_capacity(keys.items.len());
        for (i, key) in keys.items.iter().enumerate() {
            for earlier in &keys.items[..i] {
                if self.eq(earlier, key)? {
                    let r = self.repr(key)?;
                    return Err(
                        self.value_error(format!("mapping pattern checks duplicate key ({r})"))
                    );
                }
            }
            let value = match (&get, subject) {
                (None, Value::Dict(d)) => self.dict_get(d, key)?,
                (Some(get), _) => {
                    let v = self.call(get, &[key.clone(), marker.clone()], &[])?;
                    (!v.is(&marker)).then_some(v)
                }
                _ => None,
            };
            match value {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(values))
    }

    /// `MatchRest`: a new dict of `subject`'s items but `keys` (a tuple).
    pub(super) fn match_rest(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let rest = Value::dict(DictMap::new());
        if let Value::Dict(d) = &rest {
            self.dict_update(d, subject)?;
        }
        if let Value::Tuple(keys) = keys {
            for key in keys.items.iter() {
                self.delitem(&rest, key)?;
            }
        }
        Ok(rest)
    }

    /// `MatchClass`: if `subject` is an instance of `cls`, the attributes
    /// its `nargs` positional sub-patterns name through `__match_args__`
    /// (or the subject itself for the built-in types that match
    /// themselves), then those named in `names`; None if it is not, or an
    /// attribute is missing.
    pub(super) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        names: &Value,
        nargs: usize,
    ) -> PyResult<Value> {
        let Value::Class(cls) = cls else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !self.isinstance(subject, cls) {
            return Ok(Value::None);
        }
        let cls_name = cls.name.as_str().to_string();
        let mut seen: Vec<String> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let (match_args, match_self) = match self.match_args(cls)? {
                Some(Value::Tuple(t)) => (t.items.to_vec(), false),
                Some(other) => {
                    return Err(self.type_error(format!(
                        "{cls_name}.__match_args__ must be a tuple (got {})",
                        self.type_name(&other)
                    )))
                }
                None => (Vec::new(), self.matches_self(cls)),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{cls_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..nargs] {
                    let Value::Str(name) = name else {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    match self.match_class_attr(subject, &cls_name, name.as_str(), &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        if let Value::Tuple(names) = names {
            for name in names.items.iter() {
                let name = name.as_str().unwrap_or_default();
                match self.match_class_attr(subject, &cls_name, name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
        Ok(Value::tuple(attrs))
    }

    /// `cls.__match_args__`, or None if it has none.
    fn match_args(&mut self, cls: &ClassRef) -> PyResult<Option<Value>> {
        match self.getattr_str(&Value::Class(cls.clone()), "__match_args__") {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, &self.types().exc.AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The built-in types whose instances a single positional sub-pattern
    /// matches as a whole (`int(x)`), and their subclasses.
    fn matches_self(&self, cls: &ClassRef) -> bool {
        let t = self.types();
        [
            &t.bool_,
            &t.bytearray,
            &t.bytes,
            &t.dict,
            &t.float,
            &t.frozenset,
            &t.int,
            &t.list,
            &t.set,
            &t.str_,
            &t.tuple,
        ]
        .iter()
        .any(|k| cls.is_subclass(k))
    }

    /// `subject.name` for a class pattern: None if missing, an error if a
    /// sub-pattern already asked for it.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        cls_name: &str,
        name: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| s == name) {
            return Err(self.type_error(format!(
                "{cls_name}() got multiple sub-patterns for attribute {}",
                str_repr(name)
            )));
        }
        seen.push(name.to_string());
        match self.getattr_str(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, &self.types().exc.AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
