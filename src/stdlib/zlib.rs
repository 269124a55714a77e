//! `zlib` on flate2 with the C zlib backend: the same compressed bytes as
//! CPython's for the same input, level and window, the same checks of the
//! arguments (zlib's own rules for window bits), and zlib's messages in
//! `zlib.error`. Work on more than 2 KiB releases the GIL, as CPython's
//! module releases it around every call into zlib.
//!
//! Not supported: a `memLevel` other than 8 and a strategy other than the
//! default (flate2 does not pass them on), the `Z_BLOCK` and `Z_TREES`
//! flush modes, and `copy()` of a stream object.

use crate::vm::bytes::{bytes_like, with_bytes};
use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// Marks `zlib.error` in the registry of native classes.
struct ZlibError;

const GIL_MINSIZE: usize = 2048;
const DEF_BUF_SIZE: usize = 16384;

/// What went wrong, to become a Python exception once the GIL is back.
enum ZErr {
    /// `zlib.error` with this message.
    Zlib(String),
    NotImplemented(&'static str),
}

fn raise(vm: &Vm, e: ZErr) -> PyErr {
    match e {
        ZErr::Zlib(m) => vm.new_error(&class_for::<ZlibError>(vm), m),
        ZErr::NotImplemented(m) => vm.new_error(&vm.types().exc.NotImplementedError, m),
    }
}

/// Runs `f` with the GIL released when the data is large.
fn maybe_unlocked<R: Send>(vm: &mut Vm, len: usize, f: impl FnOnce() -> R + Send) -> R {
    if len > GIL_MINSIZE {
        vm.allow_threads(Wait::Sync, f)
    } else {
        f()
    }
}

fn data_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => vm.to_index(v),
    }
}

// ---- making streams, with zlib's rules for the parameters ----

/// A deflate stream for `level` and `wbits`, or `None` where zlib's
/// `deflateInit2` would refuse them.
fn new_compress(level: i64, wbits: i64, mem_level: i64, strategy: i64) -> Result<Compress, ZErr> {
    let bad = || ZErr::Zlib("Bad compression level".into());
    let level = match level {
        -1 => Compression::default(),
        0..=9 => Compression::new(level as u32),
        _ => return Err(bad()),
    };
    if !(1..=9).contains(&mem_level) || !(0..=4).contains(&strategy) {
        return Err(bad());
    }
    let c = match wbits {
        // zlib makes a window of 8 a window of 9 for the zlib format.
        8..=15 => Compress::new_with_window_bits(level, true, wbits.max(9) as u8),
        -15..=-9 => Compress::new_with_window_bits(level, false, (-wbits) as u8),
        25..=31 => Compress::new_gzip(level, (wbits - 16) as u8),
        _ => return Err(bad()),
    };
    if mem_level != 8 {
        return Err(ZErr::NotImplemented(
            "zlib: only memLevel=8 (DEF_MEM_LEVEL) is supported",
        ));
    }
    if strategy != 0 {
        return Err(ZErr::NotImplemented(
            "zlib: only the default strategy (Z_DEFAULT_STRATEGY) is supported",
        ));
    }
    Ok(c)
}

/// How to read a stream, from `wbits`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Zlib(u8),
    Raw(u8),
    Gzip(u8),
    /// zlib or gzip, told by the first byte.
    Auto(u8),
}

/// zlib's `inflateInit2` rules; a window of 0 means the header's (any
/// window up to 15 reads it) and a window of 8 reads as 9.
fn decompress_format(wbits: i64) -> Option<Format> {
    let w = |bits: i64| if bits == 0 { 15 } else { bits.max(9) as u8 };
    Some(match wbits {
        0 | 8..=15 => Format::Zlib(w(wbits)),
        -15..=-8 => Format::Raw(w(-wbits)),
        16 | 24..=31 => Format::Gzip(w(wbits - 16)),
        32 | 40..=47 => Format::Auto(w(wbits - 32)),
        _ => return None,
    })
}

fn new_decompress(format: Format, first: Option<u8>) -> Option<Decompress> {
    Some(match format {
        Format::Zlib(w) => Decompress::new_with_window_bits(true, w),
        Format::Raw(w) => Decompress::new_with_window_bits(false, w),
        Format::Gzip(w) => Decompress::new_gzip(w),
        Format::Auto(w) => match first? {
            0x1f => Decompress::new_gzip(w),
            _ => Decompress::new_with_window_bits(true, w),
        },
    })
}

// ---- the loops over zlib ----

/// The sizes of the output blocks CPython gives zlib, one after another.
/// They matter: at level 0 zlib cuts its stored blocks to the room it has.
const OUTPUT_BLOCKS: [usize; 17] = [
    32 << 10,
    64 << 10,
    256 << 10,
    1 << 20,
    4 << 20,
    8 << 20,
    16 << 20,
    16 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    64 << 20,
    64 << 20,
    128 << 20,
    128 << 20,
    256 << 20,
];

/// Compresses all of `input` with `flush` at the end, calling zlib as
/// CPython does: again while it fills the room it was given, the room
/// growing block by block.
fn deflate(c: &mut Compress, input: &[u8], flush: FlushCompress) -> Result<Vec<u8>, ZErr> {
    let mut out: Vec<u8> = Vec::new();
    let mut block_end = 0;
    let mut blocks = OUTPUT_BLOCKS.iter().copied();
    let mut pos = 0;
    loop {
        if out.len() == block_end {
            let size = blocks.next().unwrap_or(256 << 20);
            if out.try_reserve_exact(size).is_err() {
                return Err(ZErr::Zlib(
                    "Error -4 while compressing data: out of memory".into(),
                ));
            }
            block_end += size;
        }
        let start = out.len();
        out.resize(block_end, 0);
        let (before_in, before_out) = (c.total_in(), c.total_out());
        let r = c.compress(&input[pos..], &mut out[start..], flush);
        pos += (c.total_in() - before_in) as usize;
        out.truncate(start + (c.total_out() - before_out) as usize);
        if let Err(e) = r {
            return Err(ZErr::Zlib(format!(
                "Error -2 while compressing data: {}",
                e.message().unwrap_or("inconsistent stream state")
            )));
        }
        if out.len() < block_end {
            return Ok(out);
        }
    }
}

/// The result of feeding input to an inflate stream.
struct Inflated {
    out: Vec<u8>,
    consumed: usize,
    end: bool,
}

/// Decompresses `input` until its end, the stream's end, or `max` bytes
/// of output (0: no limit).
fn inflate(
    d: &mut Decompress,
    zdict: Option<&[u8]>,
    input: &[u8],
    max: usize,
    bufsize: usize,
    flush: FlushDecompress,
) -> Result<Inflated, ZErr> {
    let mut out: Vec<u8> = Vec::with_capacity(if max > 0 {
        max.min(bufsize.max(1))
    } else {
        bufsize.max(1)
    });
    let mut pos = 0;
    loop {
        if max > 0 && out.len() >= max {
            return Ok(Inflated {
                out,
                consumed: pos,
                end: false,
            });
        }
        if out.len() == out.capacity() {
            let more = out.capacity().max(DEF_BUF_SIZE);
            let more = if max > 0 {
                more.min(max - out.len())
            } else {
                more
            };
            out.reserve_exact(more);
        }
        let limit = if max > 0 {
            (max - out.len()).min(out.capacity() - out.len())
        } else {
            out.capacity() - out.len()
        };
        let start = out.len();
        out.resize(start + limit, 0);
        let (before_in, before_out) = (d.total_in(), d.total_out());
        let r = d.decompress(&input[pos..], &mut out[start..], flush);
        let produced = (d.total_out() - before_out) as usize;
        let consumed = (d.total_in() - before_in) as usize;
        out.truncate(start + produced);
        pos += consumed;
        match r {
            Ok(Status::StreamEnd) => {
                return Ok(Inflated {
                    out,
                    consumed: pos,
                    end: true,
                })
            }
            Ok(_) => {
                let room_left = out.len() < start + limit;
                if (produced == 0 && consumed == 0) || (pos == input.len() && room_left) {
                    return Ok(Inflated {
                        out,
                        consumed: pos,
                        end: false,
                    });
                }
            }
            Err(e) => {
                if e.needs_dictionary().is_some() {
                    match zdict {
                        Some(z) => {
                            if d.set_dictionary(z).is_err() {
                                return Err(ZErr::Zlib(
                                    "Error -3 while setting zdict: invalid input data".into(),
                                ));
                            }
                            continue;
                        }
                        None => return Err(ZErr::Zlib("Error 2 while decompressing data".into())),
                    }
                }
                return Err(ZErr::Zlib(format!(
                    "Error -3 while decompressing data: {}",
                    e.message().unwrap_or("invalid input data")
                )));
            }
        }
    }
}

// ---- module functions ----

fn check_keywords(vm: &Vm, name: &str, kw: &[(Str, Value)], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                name,
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// `zlib.compress(data, /, level=-1, wbits=15)`.
fn compress(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_keywords(vm, "compress", kw, &["level", "wbits"])?;
    let data = data_arg(vm, &args[0])?;
    let level = int_arg(vm, arg_or_kw(args, kw, 1, "level"), -1)?;
    let wbits = int_arg(vm, arg_or_kw(args, kw, 2, "wbits"), 15)?;
    let mut c = new_compress(level, wbits, 8, 0).map_err(|e| raise(vm, e))?;
    let out = maybe_unlocked(vm, data.len(), || {
        deflate(&mut c, &data, FlushCompress::Finish)
    });
    out.map(new_bytes).map_err(|e| raise(vm, e))
}

/// `zlib.decompress(data, /, wbits=15, bufsize=16384)`.
fn decompress(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_keywords(vm, "decompress", kw, &["wbits", "bufsize"])?;
    let data = data_arg(vm, &args[0])?;
    let wbits = int_arg(vm, arg_or_kw(args, kw, 1, "wbits"), 15)?;
    let bufsize = int_arg(vm, arg_or_kw(args, kw, 2, "bufsize"), DEF_BUF_SIZE as i64)?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let d = decompress_format(wbits).and_then(|f| new_decompress(f, data.first().copied()));
    let d = match (d, decompress_format(wbits)) {
        (Some(d), _) => d,
        (None, Some(_)) => {
            // Auto-detection with no data at all: nothing to read.
            return Err(raise(
                vm,
                ZErr::Zlib(
                    "Error -5 while decompressing data: incomplete or truncated stream".into(),
                ),
            ));
        }
        (None, None) => {
            return Err(raise(
                vm,
                ZErr::Zlib(
                    "Error -2 while preparing to decompress data: inconsistent stream state".into(),
                ),
            ))
        }
    };
    let mut d = d;
    let r = maybe_unlocked(vm, data.len(), || {
        inflate(
            &mut d,
            None,
            &data,
            0,
            bufsize as usize,
            FlushDecompress::Finish,
        )
    });
    match r {
        Ok(i) if i.end => Ok(new_bytes(i.out)),
        Ok(_) => Err(raise(
            vm,
            ZErr::Zlib("Error -5 while decompressing data: incomplete or truncated stream".into()),
        )),
        Err(e) => Err(raise(vm, e)),
    }
}

/// `zlib.crc32(data, value=0)`.
fn crc32(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let start = checksum_start(vm, args.get(1), 0)?;
    match with_bytes(&args[0], |d| super::binascii::crc32_of(d, start)) {
        Some(c) => Ok(Value::Int(c as i64)),
        None => data_arg(vm, &args[0]).map(|_| Value::None),
    }
}

/// Adler-32 of `data` from `start`.
fn adler32_of(data: &[u8], start: u32) -> u32 {
    const MOD: u32 = 65521;
    // The largest run of bytes whose sums cannot overflow 32 bits.
    const NMAX: usize = 5552;
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    for chunk in data.chunks(NMAX) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// `zlib.adler32(data, value=1)`.
fn adler32(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let start = checksum_start(vm, args.get(1), 1)?;
    match with_bytes(&args[0], |d| adler32_of(d, start)) {
        Some(c) => Ok(Value::Int(c as i64)),
        None => data_arg(vm, &args[0]).map(|_| Value::None),
    }
}

/// A checksum's starting value, taken modulo 2**32.
fn checksum_start(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    let Some(v) = v else {
        return Ok(default);
    };
    let n = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::vm::arith::to_big(v).unwrap_or_default()
        }
        _ => num_bigint::BigInt::from(vm.to_index(v)?),
    };
    let low = n & num_bigint::BigInt::from(u32::MAX);
    Ok(num_traits::ToPrimitive::to_u32(&low).unwrap_or(0))
}

// ---- compression objects ----

struct CompressObj {
    state: Mutex<CompressState>,
}

struct CompressState {
    stream: Compress,
    /// After `flush(Z_FINISH)`: zlib's stream is gone, as in CPython.
    finished: bool,
}

fn compressobj(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_keywords(
        vm,
        "compressobj",
        kw,
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
    )?;
    let level = int_arg(vm, arg_or_kw(args, kw, 0, "level"), -1)?;
    let method = int_arg(vm, arg_or_kw(args, kw, 1, "method"), 8)?;
    let wbits = int_arg(vm, arg_or_kw(args, kw, 2, "wbits"), 15)?;
    let mem_level = int_arg(vm, arg_or_kw(args, kw, 3, "memLevel"), 8)?;
    let strategy = int_arg(vm, arg_or_kw(args, kw, 4, "strategy"), 0)?;
    let zdict = match arg_or_kw(args, kw, 5, "zdict") {
        None | Some(Value::None) => None,
        Some(v) => match bytes_like(v) {
            Some(d) => Some(d.into_owned()),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
    };
    if method != 8 {
        return Err(vm.value_error("Invalid initialization option"));
    }
    let mut stream = match new_compress(level, wbits, mem_level, strategy) {
        Ok(c) => c,
        Err(ZErr::Zlib(_)) => return Err(vm.value_error("Invalid initialization option")),
        Err(e) => return Err(raise(vm, e)),
    };
    if let Some(z) = zdict {
        if stream.set_dictionary(&z).is_err() {
            return Err(vm.value_error("Invalid dictionary"));
        }
    }
    Ok(new_object(
        vm,
        CompressObj {
            state: Mutex::new(CompressState {
                stream,
                finished: false,
            }),
        },
    ))
}

fn compress_compress(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = this_object::<CompressObj>(vm, args, "Compress")?;
    let data = data_arg(vm, &args[1])?;
    let r = maybe_unlocked(vm, data.len(), || {
        let mut st = obj.state.lock();
        if st.finished {
            return Err(ZErr::Zlib(
                "Error -2 while compressing data: inconsistent stream state".into(),
            ));
        }
        deflate(&mut st.stream, &data, FlushCompress::None)
    });
    r.map(new_bytes).map_err(|e| raise(vm, e))
}

fn compress_flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = this_object::<CompressObj>(vm, args, "Compress")?;
    let mode = int_arg(vm, args.get(1), 4)?;
    let flush = match mode {
        0 => return Ok(new_bytes(Vec::new())),
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        4 => FlushCompress::Finish,
        5 | 6 => {
            return Err(raise(
                vm,
                ZErr::NotImplemented("zlib: the Z_BLOCK and Z_TREES flush modes are not supported"),
            ))
        }
        _ => FlushCompress::None,
    };
    let mut st = obj.state.lock();
    if st.finished || !(1..=4).contains(&mode) {
        drop(st);
        return Err(raise(
            vm,
            ZErr::Zlib("Error -2 while flushing: inconsistent stream state".into()),
        ));
    }
    let r = deflate(&mut st.stream, &[], flush);
    if flush == FlushCompress::Finish {
        st.finished = true;
    }
    drop(st);
    r.map(new_bytes).map_err(|e| raise(vm, e))
}

fn no_copy(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(raise(
        vm,
        ZErr::NotImplemented("zlib: copying a stream is not supported"),
    ))
}

// ---- decompression objects ----

struct DecompressObj {
    state: Mutex<DecompressState>,
}

struct DecompressState {
    format: Format,
    /// `None` until the first byte tells zlib from gzip (`wbits` 32 and up).
    stream: Option<Decompress>,
    zdict: Option<Vec<u8>>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
}

impl DecompressState {
    /// Feeds `input`; `max` 0 means no limit.
    fn feed(&mut self, input: &[u8], max: usize, flush: FlushDecompress) -> Result<Vec<u8>, ZErr> {
        if self.eof {
            self.unused_data.extend_from_slice(input);
            return Ok(Vec::new());
        }
        if self.stream.is_none() {
            self.stream = new_decompress(self.format, input.first().copied());
            if let (Some(s), Format::Raw(_), Some(z)) =
                (self.stream.as_mut(), self.format, self.zdict.as_deref())
            {
                if s.set_dictionary(z).is_err() {
                    return Err(ZErr::Zlib(
                        "Error -3 while setting zdict: invalid input data".into(),
                    ));
                }
            }
        }
        let Some(stream) = self.stream.as_mut() else {
            return Ok(Vec::new());
        };
        let r = inflate(
            stream,
            self.zdict.as_deref(),
            input,
            max,
            DEF_BUF_SIZE,
            flush,
        )?;
        let rest = &input[r.consumed..];
        if r.end {
            self.eof = true;
            self.unused_data.extend_from_slice(rest);
            self.unconsumed_tail.clear();
        } else {
            self.unconsumed_tail = rest.to_vec();
        }
        Ok(r.out)
    }
}

fn decompressobj(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_keywords(vm, "decompressobj", kw, &["wbits", "zdict"])?;
    let wbits = int_arg(vm, arg_or_kw(args, kw, 0, "wbits"), 15)?;
    let zdict = match arg_or_kw(args, kw, 1, "zdict") {
        None => None,
        Some(v) => match bytes_like(v) {
            Some(d) if d.is_empty() => None,
            Some(d) => Some(d.into_owned()),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
    };
    let Some(format) = decompress_format(wbits) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    let stream = match format {
        Format::Auto(_) => None,
        f => new_decompress(f, None),
    };
    let mut state = DecompressState {
        format,
        stream,
        zdict,
        unused_data: Vec::new(),
        unconsumed_tail: Vec::new(),
        eof: false,
    };
    if let (Some(s), Format::Raw(_), Some(z)) =
        (state.stream.as_mut(), format, state.zdict.as_deref())
    {
        if s.set_dictionary(z).is_err() {
            return Err(raise(
                vm,
                ZErr::Zlib("Error -3 while setting zdict: invalid input data".into()),
            ));
        }
    }
    Ok(new_object(
        vm,
        DecompressObj {
            state: Mutex::new(state),
        },
    ))
}

fn decompress_decompress(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_keywords(vm, "decompress", kw, &["max_length"])?;
    let obj = this_object::<DecompressObj>(vm, args, "Decompress")?;
    let data = data_arg(vm, &args[1])?;
    let max = int_arg(vm, arg_or_kw(args, kw, 2, "max_length"), 0)?;
    if max < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let r = maybe_unlocked(vm, data.len(), || {
        obj.state
            .lock()
            .feed(&data, max as usize, FlushDecompress::None)
    });
    r.map(new_bytes).map_err(|e| raise(vm, e))
}

fn decompress_flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = this_object::<DecompressObj>(vm, args, "Decompress")?;
    let length = int_arg(vm, args.get(1), DEF_BUF_SIZE as i64)?;
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let r = {
        let mut st = obj.state.lock();
        let tail = std::mem::take(&mut st.unconsumed_tail);
        if st.eof {
            st.unused_data.extend_from_slice(&tail);
            Ok(Vec::new())
        } else {
            st.feed(&tail, 0, FlushDecompress::Finish)
        }
    };
    r.map(new_bytes).map_err(|e| raise(vm, e))
}

fn unused_data(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = this_object::<DecompressObj>(vm, args, "Decompress")?;
    let d = obj.state.lock().unused_data.clone();
    Ok(new_bytes(d))
}

fn unconsumed_tail(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = this_object::<DecompressObj>(vm, args, "Decompress")?;
    let d = obj.state.lock().unconsumed_tail.clone();
    Ok(new_bytes(d))
}

fn eof(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let obj = this_object::<DecompressObj>(vm, args, "Decompress")?;
    let e = obj.state.lock().eof;
    Ok(Value::Bool(e))
}

/// The version of the zlib linked in.
fn runtime_version() -> String {
    // SAFETY: `zlibVersion` takes no arguments and returns a pointer to a
    // static NUL-terminated string inside the zlib library.
    let p = unsafe { libz_sys::zlibVersion() };
    if p.is_null() {
        return String::new();
    }
    // SAFETY: `p` is non-null and points to zlib's static, NUL-terminated
    // version string, which lives as long as the program.
    unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned()
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let mut ns = DictMap::new();
    ns.set_by_str("__module__", new_str("zlib"));
    let exc = vm.types().exc.Exception.clone();
    let err = make_class(vm.intern("error"), vm.intern("error"), vec![exc], ns, false)
        .expect("one base has a consistent MRO");
    vm.interp
        .native_classes
        .lock()
        .insert(std::any::TypeId::of::<ZlibError>(), err.clone());
    d.set_by_str("error", Value::Class(err));
    add_functions(
        vm,
        d,
        &[
            ("compress", Arity::range(1, 3), compress),
            ("decompress", Arity::range(1, 3), decompress),
            ("compressobj", Arity::range(0, 6), compressobj),
            ("decompressobj", Arity::range(0, 2), decompressobj),
            ("crc32", Arity::range(1, 2), crc32),
            ("adler32", Arity::range(1, 2), adler32),
        ],
    );
    native_class::<CompressObj>(
        vm,
        "Compress",
        "zlib",
        None,
        &[
            ("compress", Arity::exact(1), compress_compress),
            ("flush", Arity::range(0, 1), compress_flush),
            ("copy", Arity::exact(0), no_copy),
        ],
    );
    let dc = native_class::<DecompressObj>(
        vm,
        "Decompress",
        "zlib",
        None,
        &[
            ("decompress", Arity::range(1, 2), decompress_decompress),
            ("flush", Arity::range(0, 1), decompress_flush),
            ("copy", Arity::exact(0), no_copy),
        ],
    );
    add_getters(
        vm,
        &dc,
        &[
            ("unused_data", unused_data),
            ("unconsumed_tail", unconsumed_tail),
            ("eof", eof),
        ],
    );
    let version = runtime_version();
    d.set_by_str("ZLIB_VERSION", new_str(version.as_str()));
    d.set_by_str("ZLIB_RUNTIME_VERSION", new_str(version.as_str()));
    for (name, value) in [
        ("MAX_WBITS", 15),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ] {
        d.set_by_str(name, Value::Int(value));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler32_known_values() {
        assert_eq!(adler32_of(b"", 1), 1);
        assert_eq!(adler32_of(b"Wikipedia", 1), 0x11E60398);
    }

    #[test]
    fn round_trip() {
        let data = b"hello world ".repeat(100);
        let mut c = new_compress(6, 15, 8, 0).ok().expect("valid");
        let z = deflate(&mut c, &data, FlushCompress::Finish)
            .ok()
            .expect("ok");
        let mut d = new_decompress(Format::Zlib(15), None).expect("made");
        let r = inflate(&mut d, None, &z, 0, 10, FlushDecompress::None)
            .ok()
            .expect("ok");
        assert!(r.end);
        assert_eq!(r.out, data);
    }
}
