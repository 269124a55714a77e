//! Moving values as two words.
//!
//! A `Value` is two 8-byte words. A freshly made value is stored word by word
//! (tag, then payload); if the compiler then copies it as one 16-byte load,
//! the load cannot be served from the two pending stores and stalls the core
//! for a dozen cycles. On the VM's hot paths values are therefore read and
//! written as two 8-byte words, every time; measured on the `cpu` benchmarks.

use super::value::Value;

type Words = [std::mem::MaybeUninit<u64>; 2];

#[inline(always)]
fn read_words(v: *const Value) -> Words {
    let p = v as *const std::mem::MaybeUninit<u64>;
    // SAFETY: `v` points to a live, aligned 16-byte `Value` (the callers pass
    // a reference or an in-bounds element); `MaybeUninit` words may hold the
    // padding of a variant with a short payload. Volatile keeps the two
    // loads apart.
    unsafe { [p.read_volatile(), p.add(1).read_volatile()] }
}

/// A bitwise copy of a value whose reference (if any) the caller has already
/// counted: `Value::clone` is then one two-word copy for every variant.
#[inline(always)]
pub fn copy_value_bits(v: &Value) -> Value {
    let words = read_words(v);
    // SAFETY: the words are those of a valid `Value`. `Value` owns at most
    // one counted pointer: immediates own nothing, so their copy is a clone;
    // for a heap value the caller has just added one to the count
    // (`count_new_reference`), so the copy owns that reference.
    unsafe { std::mem::transmute::<Words, Value>(words) }
}

/// `stack.push(v)`, writing the value as two words.
#[inline(always)]
pub fn push_value(stack: &mut Vec<Value>, v: Value) {
    if stack.len() == stack.capacity() {
        stack.reserve(1);
    }
    // SAFETY: `Value` is 16 bytes; `Words` holds any bit pattern.
    let words = unsafe { std::mem::transmute::<Value, Words>(v) };
    let len = stack.len();
    // SAFETY: `len < capacity` (reserved above), so slot `len` is allocated
    // and aligned; writing it and then growing the length by one moves `v`
    // into the vector (its ownership went into `words`, nothing is dropped).
    unsafe {
        let p = stack.as_mut_ptr().add(len) as *mut std::mem::MaybeUninit<u64>;
        p.write_volatile(words[0]);
        p.add(1).write_volatile(words[1]);
        stack.set_len(len + 1);
    }
}

/// `stack.pop()`, reading the value as two words.
#[inline(always)]
pub fn pop_value(stack: &mut Vec<Value>) -> Option<Value> {
    let n = stack.len().checked_sub(1)?;
    let words = read_words(&stack[n]);
    // SAFETY: slot `n` holds a valid `Value`; shortening the vector first
    // hands its ownership to the returned copy (the slot is never dropped).
    unsafe {
        stack.set_len(n);
        Some(std::mem::transmute::<Words, Value>(words))
    }
}

/// `std::mem::replace(slot, v)`, moving both values as two words.
#[inline(always)]
pub fn replace_value(slot: &mut Value, v: Value) -> Value {
    let old = read_words(slot);
    // SAFETY: `Value` is 16 bytes; `Words` holds any bit pattern.
    let new = unsafe { std::mem::transmute::<Value, Words>(v) };
    let p = slot as *mut Value as *mut std::mem::MaybeUninit<u64>;
    // SAFETY: `slot` is a valid, aligned `&mut Value`. Its old words move to
    // the returned value and `v`'s words move into the slot: each value keeps
    // exactly one owner and nothing is dropped here.
    unsafe {
        p.write_volatile(new[0]);
        p.add(1).write_volatile(new[1]);
        std::mem::transmute::<Words, Value>(old)
    }
}

/// Moves a value that was just returned through memory (a `PyResult<Value>`
/// is returned via a hidden pointer, written word by word by the callee)
/// out as two words, so that the caller's copy does not stall on it.
#[inline(always)]
pub fn take_value(v: Value) -> Value {
    let words = read_words(&v);
    std::mem::forget(v);
    // SAFETY: the words are `v`'s, and `v` was forgotten: the result is its
    // only owner.
    unsafe { std::mem::transmute::<Words, Value>(words) }
}

/// Moves the top value of `stack` down to `depth` places from the top
/// (`[.., a, b, top] -> [.., top, a, b]` for depth 3), word by word.
#[inline(always)]
pub fn rotate_top(stack: &mut [Value], depth: usize) {
    let n = stack.len();
    assert!(depth >= 1 && depth <= n, "rotate below the stack");
    let top = read_words(&stack[n - 1]);
    for i in (n - depth..n - 1).rev() {
        let w = read_words(&stack[i]);
        let p = &mut stack[i + 1] as *mut Value as *mut std::mem::MaybeUninit<u64>;
        // SAFETY: `p` is an in-bounds, aligned slot; the loop shifts each
        // value up one slot and `top` fills the freed one below: a
        // permutation, so every value keeps exactly one owner.
        unsafe {
            p.write_volatile(w[0]);
            p.add(1).write_volatile(w[1]);
        }
    }
    let p = &mut stack[n - depth] as *mut Value as *mut std::mem::MaybeUninit<u64>;
    // SAFETY: as above; this completes the permutation.
    unsafe {
        p.write_volatile(top[0]);
        p.add(1).write_volatile(top[1]);
    }
}
