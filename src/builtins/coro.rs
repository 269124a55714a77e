//! The methods of coroutines, async generators and the awaitables their
//! operations return.

use super::object::{gen_close, gen_send, gen_throw, iter_self};
use crate::vm::coroutine::{AgenMode, AgenOp, CoroWrapper};
use crate::vm::generator::GenResult;
use crate::vm::native::*;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (coroutine, agen) = (t.coroutine.clone(), t.async_generator.clone());
    add_methods(
        vm,
        &coroutine,
        &[
            ("send", Arity::exact(1), gen_send),
            ("throw", Arity::range(1, 3), gen_throw),
            ("close", Arity::exact(0), gen_close),
            ("__await__", Arity::exact(0), coro_await),
        ],
    );
    add_methods(
        vm,
        &agen,
        &[
            ("__aiter__", Arity::exact(0), iter_self),
            ("__anext__", Arity::exact(0), agen_anext),
            ("asend", Arity::exact(1), agen_asend),
            ("athrow", Arity::range(1, 3), agen_athrow),
            ("aclose", Arity::exact(0), agen_aclose),
        ],
    );
    native_class::<AgenOp>(
        vm,
        "async_generator_asend",
        "builtins",
        None,
        &[
            ("send", Arity::exact(1), op_send),
            ("throw", Arity::range(1, 3), op_throw),
            ("close", Arity::exact(0), op_close),
            ("__next__", Arity::exact(0), op_next),
            ("__iter__", Arity::exact(0), iter_self),
            ("__await__", Arity::exact(0), iter_self),
        ],
    );
    native_class::<CoroWrapper>(
        vm,
        "coroutine_wrapper",
        "builtins",
        None,
        &[
            ("send", Arity::exact(1), wrap_send),
            ("throw", Arity::range(1, 3), wrap_throw),
            ("close", Arity::exact(0), wrap_close),
            ("__next__", Arity::exact(0), wrap_next),
            ("__iter__", Arity::exact(0), iter_self),
        ],
    );
}

fn coro_await(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_object(vm, CoroWrapper(args[0].clone())))
}

fn agen_anext(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let op = AgenOp::new(args[0].clone(), AgenMode::Send(Value::None));
    Ok(new_object(vm, op))
}

fn agen_asend(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let op = AgenOp::new(args[0].clone(), AgenMode::Send(args[1].clone()));
    Ok(new_object(vm, op))
}

/// `throw(exc)`, `throw(type, value)`: the exception instance to raise.
fn exception_arg(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut exc = args[0].clone();
    if let (Value::Class(_), Some(v)) = (&exc, args.get(1)) {
        if !v.is_none() {
            exc = vm.call(&exc, std::slice::from_ref(v), &[])?;
        }
    }
    vm.make_raisable(exc)
}

fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let exc = exception_arg(vm, &args[1..])?;
    let op = AgenOp::new(args[0].clone(), AgenMode::Throw(exc));
    Ok(new_object(vm, op))
}

fn agen_aclose(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let op = AgenOp::new(args[0].clone(), AgenMode::Close);
    Ok(new_object(vm, op))
}

fn op_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let op = this_object::<AgenOp>(vm, args, "async_generator_asend")?;
    vm.agen_op_step(op, args[1].clone(), None)
}

fn op_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let op = this_object::<AgenOp>(vm, args, "async_generator_asend")?;
    vm.agen_op_step(op, Value::None, None)
}

fn op_throw(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let op = this_object::<AgenOp>(vm, args, "async_generator_asend")?;
    let exc = exception_arg(vm, &args[1..])?;
    vm.agen_op_step(op, Value::None, Some(exc))
}

fn op_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let op = this_object::<AgenOp>(vm, args, "async_generator_asend")?;
    vm.agen_op_close(op);
    Ok(Value::None)
}

fn wrapped(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    Ok(this_object::<CoroWrapper>(vm, args, "coroutine_wrapper")?
        .0
        .clone())
}

fn wrap_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let coro = wrapped(vm, args)?;
    gen_send(vm, &[coro, args[1].clone()], &[])
}

fn wrap_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let coro = wrapped(vm, args)?;
    match vm.gen_resume(&coro, Value::None, None)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn wrap_throw(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut all = vec![wrapped(vm, args)?];
    all.extend_from_slice(&args[1..]);
    gen_throw(vm, &all, &[])
}

fn wrap_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let coro = wrapped(vm, args)?;
    vm.gen_close(&coro)
}
