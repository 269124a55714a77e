//! The standard library: one table of every module gilpy can import without
//! a file, each made on its first import. Native modules are written in Rust
//! (a file here); the others in gilpy's Python, embedded from `py/` (as
//! CPython's `Lib/` sits on its `Modules/`). Adding a module is one line in
//! [`MODULES`] plus its file.

mod binascii;
mod cmath;
mod collections_native;
mod condition;
mod gc_native;
mod hashlib;
mod heapq;
pub mod io;
mod json;
mod libm;
mod math;
mod mp_native;
mod pickle;
pub mod posix;
mod process;
mod re;
mod resource;
mod select;
mod signal;
mod socket;
mod socket_addr;
mod sqlite;
mod sre;
mod struct_module;
mod subprocess;
pub mod sys;
mod sys_info;
pub mod thread;
mod time;
mod traceback_native;
mod unicodedata;
mod unicodedata_tables;
mod weakref_native;
mod zlib;

use crate::vm::dict::DictMap;
use crate::vm::host::{ModuleDef, ModuleInit, ModuleInitFn};
use crate::vm::{PyResult, Vm};

const fn native(name: &'static str, init: ModuleInitFn) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Native(init),
    }
}

const fn python(name: &'static str, source: &'static str) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Source(source),
    }
}

/// `_thread`: threads and locks, plus the native core of `threading.Condition`.
fn thread_module(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    thread::init(vm, d)?;
    condition::install(d);
    Ok(())
}

/// Every built-in module, by import name.
pub static MODULES: &[ModuleDef] = &[
    native("sys", sys::init),
    native("math", math::init),
    native("cmath", cmath::init),
    native("_time", time::init),
    python("time", include_str!("py/time.py")),
    native("struct", struct_module::init),
    native("binascii", binascii::init),
    python("base64", include_str!("py/base64.py")),
    native("hashlib", hashlib::init),
    native("zlib", zlib::init),
    native("_thread", thread_module),
    python("threading", include_str!("py/threading.py")),
    native("_signal", signal::init),
    native("_multiprocessing", mp_native::init),
    python("signal", include_str!("py/signal.py")),
    python(
        "multiprocessing",
        include_str!("py/multiprocessing/__init__.py"),
    ),
    python(
        "multiprocessing.context",
        include_str!("py/multiprocessing/context.py"),
    ),
    python(
        "multiprocessing.reduction",
        include_str!("py/multiprocessing/reduction.py"),
    ),
    python(
        "multiprocessing.connection",
        include_str!("py/multiprocessing/connection.py"),
    ),
    python(
        "multiprocessing.process",
        include_str!("py/multiprocessing/process.py"),
    ),
    python(
        "multiprocessing.synchronize",
        include_str!("py/multiprocessing/synchronize.py"),
    ),
    python(
        "multiprocessing.queues",
        include_str!("py/multiprocessing/queues.py"),
    ),
    python(
        "multiprocessing.sharedctypes",
        include_str!("py/multiprocessing/sharedctypes.py"),
    ),
    python(
        "multiprocessing.pool",
        include_str!("py/multiprocessing/pool.py"),
    ),
    python(
        "multiprocessing.dummy",
        include_str!("py/multiprocessing/dummy/__init__.py"),
    ),
    python(
        "multiprocessing.dummy.connection",
        include_str!("py/multiprocessing/dummy/connection.py"),
    ),
    python("queue", include_str!("py/queue.py")),
    python("concurrent", include_str!("py/concurrent.py")),
    python(
        "concurrent.futures",
        include_str!("py/concurrent_futures.py"),
    ),
    python(
        "concurrent.futures.process",
        include_str!("py/concurrent_futures_process.py"),
    ),
    python("logging", include_str!("py/logging.py")),
    python("logging.handlers", include_str!("py/logging_handlers.py")),
    python("logging.config", include_str!("py/logging_config.py")),
    python("random", include_str!("py/random.py")),
    python("functools", include_str!("py/functools.py")),
    python("itertools", include_str!("py/itertools.py")),
    native("_collections", collections_native::init),
    python("collections", include_str!("py/collections.py")),
    python("operator", include_str!("py/operator.py")),
    python("heapq", include_str!("py/heapq.py")),
    python("bisect", include_str!("py/bisect.py")),
    native("_sre", sre::init),
    python("re", include_str!("py/re.py")),
    native("_json", json::init),
    python("json", include_str!("py/json/__init__.py")),
    python("json.decoder", include_str!("py/json/decoder.py")),
    python("json.encoder", include_str!("py/json/encoder.py")),
    python("_collections_abc", include_str!("py/collections_abc.py")),
    python(
        "collections.abc",
        include_str!("py/collections_abc_public.py"),
    ),
    python("atexit", include_str!("py/atexit.py")),
    python("secrets", include_str!("py/secrets.py")),
    python("uuid", include_str!("py/uuid.py")),
    python("inspect", include_str!("py/inspect.py")),
    python("string", include_str!("py/string.py")),
    python("copy", include_str!("py/copy.py")),
    python("copyreg", include_str!("py/copyreg.py")),
    native("_pickle", pickle::init),
    python("pickle", include_str!("py/pickle.py")),
    python("contextlib", include_str!("py/contextlib.py")),
    python("statistics", include_str!("py/statistics.py")),
    python("typing", include_str!("py/typing.py")),
    native("_io", io::init),
    python("io", include_str!("py/io.py")),
    native("posix", posix::init),
    native("_resource", resource::init),
    python("resource", include_str!("py/resource.py")),
    python("os", include_str!("py/os.py")),
    python("importlib", include_str!("py/importlib/__init__.py")),
    python("_sysinfo", include_str!("py/_sysinfo.py")),
    python("keyword", include_str!("py/keyword.py")),
    python("__future__", include_str!("py/__future__.py")),
    python("abc", include_str!("py/abc.py")),
    python("numbers", include_str!("py/numbers.py")),
    python("types", include_str!("py/types.py")),
    python("reprlib", include_str!("py/reprlib.py")),
    python("textwrap", include_str!("py/textwrap.py")),
    python("pprint", include_str!("py/pprint.py")),
    python("shlex", include_str!("py/shlex.py")),
    python("enum", include_str!("py/enum.py")),
    python("dataclasses", include_str!("py/dataclasses.py")),
    python("linecache", include_str!("py/linecache.py")),
    python("warnings", include_str!("py/warnings.py")),
    python("datetime", include_str!("py/datetime.py")),
    python("calendar", include_str!("py/calendar.py")),
    python("fractions", include_str!("py/fractions.py")),
    python("decimal", include_str!("py/decimal.py")),
    native("_traceback", traceback_native::init),
    python("traceback", include_str!("py/traceback.py")),
    python("_anext", include_str!("py/_anext.py")),
    python("argparse", include_str!("py/argparse.py")),
    python("unittest", include_str!("py/unittest.py")),
    python("unittest.mock", include_str!("py/unittest_mock.py")),
    python("csv", include_str!("py/csv.py")),
    python("difflib", include_str!("py/difflib.py")),
    native("_sqlite3", sqlite::init),
    python("sqlite3", include_str!("py/sqlite3/__init__.py")),
    python("sqlite3.dbapi2", include_str!("py/sqlite3/dbapi2.py")),
    python("sqlite3.dump", include_str!("py/sqlite3/dump.py")),
    python("posixpath", include_str!("py/posixpath.py")),
    python("genericpath", include_str!("py/genericpath.py")),
    python("stat", include_str!("py/stat.py")),
    python("fnmatch", include_str!("py/fnmatch.py")),
    python("glob", include_str!("py/glob.py")),
    python("tempfile", include_str!("py/tempfile.py")),
    python("shutil", include_str!("py/shutil.py")),
    python("pathlib", include_str!("py/pathlib.py")),
    native("_socket", socket::init),
    native("select", select::init),
    native("_heapq", heapq::init),
    python("socket", include_str!("py/socket.py")),
    python("selectors", include_str!("py/selectors.py")),
    python("socketserver", include_str!("py/socketserver.py")),
    python("asyncio", include_str!("py/asyncio/__init__.py")),
    python(
        "asyncio.base_events",
        include_str!("py/asyncio/base_events.py"),
    ),
    python("asyncio.events", include_str!("py/asyncio/events.py")),
    python("asyncio.futures", include_str!("py/asyncio/futures.py")),
    python("asyncio.tasks", include_str!("py/asyncio/tasks.py")),
    python(
        "asyncio.exceptions",
        include_str!("py/asyncio/exceptions.py"),
    ),
    python("asyncio.locks", include_str!("py/asyncio/locks.py")),
    python("asyncio.queues", include_str!("py/asyncio/queues.py")),
    python("asyncio.timeouts", include_str!("py/asyncio/timeouts.py")),
    python("asyncio.runners", include_str!("py/asyncio/runners.py")),
    python("asyncio.streams", include_str!("py/asyncio/streams.py")),
    python(
        "asyncio.taskgroups",
        include_str!("py/asyncio/taskgroups.py"),
    ),
    python(
        "asyncio.subprocess",
        include_str!("py/asyncio/subprocess.py"),
    ),
    python("http", include_str!("py/http/__init__.py")),
    python("http.client", include_str!("py/http/client.py")),
    python("http.server", include_str!("py/http/server.py")),
    python("urllib", include_str!("py/urllib/__init__.py")),
    python("urllib.parse", include_str!("py/urllib/parse.py")),
    python("urllib.error", include_str!("py/urllib/error.py")),
    python("urllib.response", include_str!("py/urllib/response.py")),
    python("urllib.request", include_str!("py/urllib/request.py")),
    native("_posixsubprocess", subprocess::init),
    python("subprocess", include_str!("py/subprocess.py")),
    native("_gc", gc_native::init),
    native("_weakref", weakref_native::init),
    native("unicodedata", unicodedata::init),
    python("weakref", include_str!("py/weakref.py")),
    python("gc", include_str!("py/gc.py")),
    python("getopt", include_str!("py/getopt.py")),
    python("timeit", include_str!("py/timeit.py")),
    python("hmac", include_str!("py/hmac.py")),
    python("platform", include_str!("py/platform.py")),
    python("gzip", include_str!("py/gzip.py")),
    python("array", include_str!("py/array.py")),
    python("errno", include_str!("py/errno.py")),
    python("contextvars", include_str!("py/contextvars.py")),
    python("graphlib", include_str!("py/graphlib.py")),
    python("tomllib", include_str!("py/tomllib.py")),
    python("ipaddress", include_str!("py/ipaddress.py")),
    python("token", include_str!("py/token.py")),
    python("tokenize", include_str!("py/tokenize.py")),
    python("locale", include_str!("py/locale.py")),
    python("zoneinfo", include_str!("py/zoneinfo/__init__.py")),
    python("tarfile", include_str!("py/tarfile.py")),
    python("email", include_str!("py/email/__init__.py")),
    python("email._escapes", include_str!("py/email/_escapes.py")),
    python("email._parseaddr", include_str!("py/email/_parseaddr.py")),
    python("email._policybase", include_str!("py/email/_policybase.py")),
    python("email.base64mime", include_str!("py/email/base64mime.py")),
    python("email.charset", include_str!("py/email/charset.py")),
    python(
        "email.contentmanager",
        include_str!("py/email/contentmanager.py"),
    ),
    python("email.encoders", include_str!("py/email/encoders.py")),
    python("email.errors", include_str!("py/email/errors.py")),
    python("email.feedparser", include_str!("py/email/feedparser.py")),
    python("email.generator", include_str!("py/email/generator.py")),
    python("email.header", include_str!("py/email/header.py")),
    python(
        "email.headerregistry",
        include_str!("py/email/headerregistry.py"),
    ),
    python("email.iterators", include_str!("py/email/iterators.py")),
    python("email.message", include_str!("py/email/message.py")),
    python("email.mime", include_str!("py/email/mime/__init__.py")),
    python(
        "email.mime.application",
        include_str!("py/email/mime/application.py"),
    ),
    python("email.mime.audio", include_str!("py/email/mime/audio.py")),
    python("email.mime.base", include_str!("py/email/mime/base.py")),
    python("email.mime.image", include_str!("py/email/mime/image.py")),
    python(
        "email.mime.message",
        include_str!("py/email/mime/message.py"),
    ),
    python(
        "email.mime.multipart",
        include_str!("py/email/mime/multipart.py"),
    ),
    python(
        "email.mime.nonmultipart",
        include_str!("py/email/mime/nonmultipart.py"),
    ),
    python("email.mime.text", include_str!("py/email/mime/text.py")),
    python("email.parser", include_str!("py/email/parser.py")),
    python("email.policy", include_str!("py/email/policy.py")),
    python("email.quoprimime", include_str!("py/email/quoprimime.py")),
    python("email.utils", include_str!("py/email/utils.py")),
    python("xml", include_str!("py/xml/__init__.py")),
    python("xml.etree", include_str!("py/xml/etree/__init__.py")),
    python(
        "xml.etree.ElementTree",
        include_str!("py/xml/etree/ElementTree.py"),
    ),
    python(
        "xml.etree.cElementTree",
        include_str!("py/xml/etree/cElementTree.py"),
    ),
    python("xml.dom", include_str!("py/xml/dom/__init__.py")),
    python("xml.dom.minidom", include_str!("py/xml/dom/minidom.py")),
    python("xml.sax", include_str!("py/xml/sax/__init__.py")),
    python("xml.sax.saxutils", include_str!("py/xml/sax/saxutils.py")),
    python("colorsys", include_str!("py/colorsys.py")),
    python("sched", include_str!("py/sched.py")),
    python("codecs", include_str!("py/codecs.py")),
    python("_charmaps", include_str!("py/_charmaps.py")),
    python("optparse", include_str!("py/optparse.py")),
    python("configparser", include_str!("py/configparser.py")),
    python("html", include_str!("py/html/__init__.py")),
    python("html.entities", include_str!("py/html/entities.py")),
    python("html.parser", include_str!("py/html/parser.py")),
    python("fileinput", include_str!("py/fileinput.py")),
    python("filecmp", include_str!("py/filecmp.py")),
    python("getpass", include_str!("py/getpass.py")),
    python("mimetypes", include_str!("py/mimetypes.py")),
    python("zipfile", include_str!("py/zipfile.py")),
];
