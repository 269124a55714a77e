//! `-X giltrace=FILE`: the timeline the recorder of `gilstats.rs` kept,
//! written as Chrome trace events (`FILE.json`, for Perfetto or
//! chrome://tracing) or drawn as an SVG picture (`FILE.svg`).

use super::gilstats::{Phase, Recorder, Segment, Wait};
use std::fmt::Write as _;
use std::sync::atomic::Ordering;

/// What the picture and the trace say about the run.
pub struct TraceInfo {
    /// The program: the script's path, `-c`, `-m name`...
    pub program: String,
    /// "GIL build", "free-threaded build", "free-threaded build, -X gil=1".
    pub build: String,
    pub interval_ms: f64,
}

impl Recorder {
    /// Chrome trace-event JSON: one process (this one's pid), one named
    /// thread per Python thread, one complete event per phase.
    pub fn trace_json(&self, info: &TraceInfo) -> String {
        let threads = self.threads.lock().clone();
        let pid = std::process::id();
        let mut out = String::from("{\"displayTimeUnit\": \"ms\", \"traceEvents\": [\n");
        let _ = write!(
            out,
            "{{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": {}, \"tid\": 0, \"args\": {{\"name\": \"gilpy {} ({}, switch interval {} ms)\"}}}}",
            pid,
            json(&info.program),
            json(&info.build),
            info.interval_ms
        );
        for (i, t) in threads.iter().enumerate() {
            // Small thread numbers in start order: lanes sort as threads started.
            let tid = i + 1;
            let _ = write!(
                out,
                ",\n{{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": {}, \"tid\": {}, \"args\": {{\"name\": \"{}\", \"ident\": {}}}}}",
                pid,
                tid,
                json(&t.name.lock()),
                t.ident
            );
            let _ = write!(
                out,
                ",\n{{\"name\": \"thread_sort_index\", \"ph\": \"M\", \"pid\": {}, \"tid\": {}, \"args\": {{\"sort_index\": {}}}}}",
                pid, tid, i
            );
            for s in t.segments.lock().iter() {
                if s.phase == Phase::Blocked(Wait::Outside) {
                    continue;
                }
                let _ = write!(
                    out,
                    ",\n{{\"name\": \"{}\", \"cat\": \"gil\", \"ph\": \"X\", \"pid\": {}, \"tid\": {}, \"ts\": {:.3}, \"dur\": {:.3}, \"cname\": \"{}\"}}",
                    phase_name(s.phase),
                    pid,
                    tid,
                    s.start_ns as f64 / 1e3,
                    (s.end_ns - s.start_ns) as f64 / 1e3,
                    chrome_colour(s.phase)
                );
            }
        }
        out.push_str("\n]}\n");
        out
    }

    /// An SVG picture: one lane per thread, coloured by phase, on a time
    /// axis with round ticks. Phases shorter than a pixel are pooled per
    /// pixel and drawn as stacked shares, so a long run stays legible; each
    /// lane keeps its totals and counts at the right.
    pub fn trace_svg(&self, info: &TraceInfo) -> String {
        let threads = self.threads.lock().clone();
        let end_ns = threads
            .iter()
            .filter_map(|t| t.segments.lock().last().map(|s| s.end_ns))
            .max()
            .unwrap_or(1)
            .max(1);
        let (left, width, right, lane, top) = (170.0, 900.0, 380.0, 26.0, 56.0);
        let height = top + lane * threads.len() as f64 + 70.0;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"sans-serif\" font-size=\"12\">",
            left + width + right,
            height
        );
        let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        let _ = writeln!(
            out,
            "<text x=\"10\" y=\"22\" font-size=\"15\">gilpy {}: {}, switch interval {} ms</text>",
            xml(&info.program),
            xml(&info.build),
            info.interval_ms
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"#555\">totals: running / waiting for the GIL, waits, forced drops</text>",
            left + width + 10.0,
            top - 8.0
        );
        let px_ns = end_ns as f64 / width;
        for (i, t) in threads.iter().enumerate() {
            let y = top + i as f64 * lane;
            let name = t.name.lock().clone();
            let _ = writeln!(
                out,
                "<text x=\"10\" y=\"{:.1}\">{}</text>",
                y + lane * 0.65,
                xml(&name)
            );
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{:.1}\" width=\"{}\" height=\"{:.1}\" fill=\"#f4f4f4\"/>",
                left,
                y + 3.0,
                width,
                lane - 6.0
            );
            let segs = t.segments.lock().clone();
            let waits = segs.iter().filter(|s| s.phase == Phase::Waiting).count();
            let mut lane_out = Lane {
                out: &mut out,
                left,
                y: y + 3.0,
                h: lane - 6.0,
                px_ns,
                pending: None,
            };
            for s in segs.iter() {
                lane_out.add(s);
            }
            lane_out.finish();
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{:.1}\">{} / {}, {} waits, {} forced</text>",
                left + width + 10.0,
                y + lane * 0.65,
                seconds(t.running_ns.load(Ordering::Relaxed)),
                seconds(t.waiting_ns.load(Ordering::Relaxed)),
                waits,
                t.forced.load(Ordering::Relaxed)
            );
        }
        let axis_y = top + lane * threads.len() as f64 + 15.0;
        let (step, unit, scale) = tick_step(end_ns as f64 / 1e9);
        let mut k = 0u32;
        loop {
            let t = step * k as f64;
            if t > end_ns as f64 / 1e9 * 1.0001 {
                break;
            }
            let x = left + t * 1e9 / px_ns;
            let _ = writeln!(
                out,
                "<line x1=\"{:.1}\" y1=\"{}\" x2=\"{:.1}\" y2=\"{}\" stroke=\"#999\" stroke-opacity=\"0.6\"/>",
                x,
                top,
                x,
                axis_y - 5.0
            );
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{} {}</text>",
                x,
                axis_y + 8.0,
                trim_number(t * scale),
                unit
            );
            k += 1;
        }
        let ly = axis_y + 34.0;
        for (i, (p, label)) in [
            (Phase::Running, "running (GIL held)"),
            (Phase::Waiting, "waiting for the GIL"),
            (Phase::Blocked(Wait::Sleep), "sleeping"),
            (Phase::Blocked(Wait::Sync), "lock, join or queue"),
            (Phase::Blocked(Wait::Socket), "I/O (GIL released)"),
            (Phase::Collecting, "collecting cycles"),
        ]
        .iter()
        .enumerate()
        {
            let x = left + i as f64 * 180.0;
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#999\"/>",
                x,
                ly - 11.0,
                phase_colour(*p)
            );
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                x + 20.0,
                ly,
                label
            );
        }
        out.push_str("</svg>\n");
        out
    }
}

/// Time per phase (by `colour_index`) within one pooled pixel.
#[derive(Clone)]
struct Pool {
    start_px: f64,
    end_px: f64,
    ns: [u64; 7],
    count: usize,
}

enum Pending {
    /// One phase, possibly several adjacent slices merged.
    Solid(Phase, f64, f64, usize),
    Pool(Pool),
}

/// Draws one lane's slices, merging what is narrower than a pixel.
struct Lane<'a> {
    out: &'a mut String,
    left: f64,
    y: f64,
    h: f64,
    px_ns: f64,
    pending: Option<Pending>,
}

impl Lane<'_> {
    fn add(&mut self, s: &Segment) {
        if s.phase == Phase::Blocked(Wait::Outside) {
            self.flush();
            return;
        }
        let (a, b) = (s.start_ns as f64 / self.px_ns, s.end_ns as f64 / self.px_ns);
        if b - a >= 1.0 {
            if let Some(Pending::Solid(p, _, lb, n)) = &mut self.pending {
                if *p == s.phase && a - *lb < 1.0 {
                    *lb = b;
                    *n += 1;
                    return;
                }
            }
            self.flush();
            self.pending = Some(Pending::Solid(s.phase, a, b, 1));
            return;
        }
        // Narrower than a pixel: pool it with its neighbours.
        if let Some(Pending::Pool(pool)) = &mut self.pending {
            if a - pool.start_px < 1.0 {
                pool.end_px = b;
                pool.ns[colour_index(s.phase)] += s.end_ns - s.start_ns;
                pool.count += 1;
                return;
            }
        }
        self.flush();
        let mut ns = [0u64; 7];
        ns[colour_index(s.phase)] = s.end_ns - s.start_ns;
        self.pending = Some(Pending::Pool(Pool {
            start_px: a,
            end_px: b,
            ns,
            count: 1,
        }));
    }

    fn flush(&mut self) {
        match self.pending.take() {
            None => {}
            Some(Pending::Solid(p, a, b, n)) => {
                let _ = writeln!(
                    self.out,
                    "<rect x=\"{:.2}\" y=\"{:.1}\" width=\"{:.2}\" height=\"{:.1}\" fill=\"{}\"><title>{}: {}{}</title></rect>",
                    self.left + a,
                    self.y,
                    (b - a).max(0.5),
                    self.h,
                    phase_colour(p),
                    phase_name(p),
                    seconds(((b - a) * self.px_ns) as u64),
                    if n > 1 { format!(" in {} slices", n) } else { String::new() }
                );
            }
            Some(Pending::Pool(pool)) => {
                let total: u64 = pool.ns.iter().sum::<u64>().max(1);
                let w = (pool.end_px - pool.start_px).max(1.0);
                let mut title = format!("{} slices:", pool.count);
                let mut yy = self.y;
                for (k, ns) in pool.ns.iter().enumerate().filter(|(_, ns)| **ns > 0) {
                    let share = self.h * *ns as f64 / total as f64;
                    let _ = writeln!(
                        self.out,
                        "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" fill=\"{}\"/>",
                        self.left + pool.start_px,
                        yy,
                        w,
                        share,
                        COLOURS[k].1
                    );
                    yy += share;
                    let _ = write!(title, " {} {}", COLOURS[k].0, seconds(*ns));
                }
                let _ = writeln!(
                    self.out,
                    "<rect x=\"{:.2}\" y=\"{:.1}\" width=\"{:.2}\" height=\"{:.1}\" fill-opacity=\"0\"><title>{}</title></rect>",
                    self.left + pool.start_px,
                    self.y,
                    w,
                    self.h,
                    title
                );
            }
        }
    }

    fn finish(mut self) {
        self.flush();
    }
}

/// The phases the picture tells apart, in stacking order.
const COLOURS: [(&str, &str); 7] = [
    ("running", "#2e9e44"),
    ("waiting for the GIL", "#e0533d"),
    ("sleeping", "#d9d9d9"),
    ("lock, join or queue", "#f3d98b"),
    ("I/O", "#9cc3e6"),
    ("outside Python", "#f4f4f4"),
    ("collecting cycles", "#8e5bb5"),
];

fn colour_index(p: Phase) -> usize {
    match p {
        Phase::Running => 0,
        Phase::Waiting => 1,
        Phase::Blocked(Wait::Sleep) => 2,
        Phase::Blocked(Wait::Sync) => 3,
        Phase::Blocked(Wait::Outside) => 5,
        Phase::Blocked(_) => 4,
        Phase::Collecting => 6,
    }
}

fn phase_colour(p: Phase) -> &'static str {
    COLOURS[colour_index(p)].1
}

fn phase_name(p: Phase) -> String {
    match p {
        Phase::Running => "running".into(),
        Phase::Waiting => "waiting for the GIL".into(),
        Phase::Blocked(w) => format!("blocked: {}", w.name()),
        Phase::Collecting => "collecting cycles (gc)".into(),
    }
}

/// Chrome's reserved colour names, which chrome://tracing uses.
fn chrome_colour(p: Phase) -> &'static str {
    match p {
        Phase::Running => "thread_state_running",
        Phase::Waiting => "terrible",
        Phase::Blocked(Wait::Sleep) => "thread_state_sleeping",
        Phase::Blocked(Wait::Sync) => "thread_state_uninterruptible",
        Phase::Blocked(_) => "thread_state_iowait",
        Phase::Collecting => "rail_idle",
    }
}

/// A round tick step for an axis `span_s` long, about ten ticks: returns
/// (step in seconds, unit, factor from seconds to the unit).
fn tick_step(span_s: f64) -> (f64, &'static str, f64) {
    let raw = span_s.max(1e-6) / 10.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * mag);
    if span_s < 1.0 {
        (step, "ms", 1e3)
    } else {
        (step, "s", 1.0)
    }
}

/// A tick value without trailing zeros: 0, 0.25, 2.5, 100.
fn trim_number(v: f64) -> String {
    let s = format!("{:.3}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Seconds or milliseconds, whichever reads better.
fn seconds(ns: u64) -> String {
    let s = ns as f64 / 1e9;
    if s >= 1.0 {
        format!("{:.3} s", s)
    } else {
        format!("{:.1} ms", s * 1e3)
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn json(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(2.3), (0.25, "s", 1.0));
        assert_eq!(tick_step(10.0), (1.0, "s", 1.0));
        let (step, unit, _) = tick_step(0.35);
        assert!((step - 0.05).abs() < 1e-12);
        assert_eq!(unit, "ms");
        assert_eq!(trim_number(250.0), "250");
        assert_eq!(trim_number(0.25), "0.25");
        assert_eq!(trim_number(0.0), "0");
    }

    #[test]
    fn json_escapes() {
        assert_eq!(json("a\"b\\c\n"), "a\\\"b\\\\c\\u000a");
    }
}
