//! The C library's math functions that Rust's standard library does not
//! call: its own `asinh`, `acosh` and `atanh` use other formulas, whose
//! last bits differ from what CPython (which calls the C library) gives.

// SAFETY: these C functions take and return plain doubles, touch no memory
// the caller passes and only set errno (and `lgamma` the C library's
// `signgam`, which nothing in gilpy reads), so every call is safe.
unsafe extern "C" {
    pub safe fn asinh(x: f64) -> f64;
    pub safe fn acosh(x: f64) -> f64;
    pub safe fn atanh(x: f64) -> f64;
    pub safe fn erf(x: f64) -> f64;
    pub safe fn erfc(x: f64) -> f64;
    pub safe fn ldexp(x: f64, exp: std::ffi::c_int) -> f64;
    pub safe fn nextafter(x: f64, y: f64) -> f64;
    pub safe fn tgamma(x: f64) -> f64;
    pub safe fn lgamma(x: f64) -> f64;
}
