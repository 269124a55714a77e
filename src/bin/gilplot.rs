//! `gilplot RESULTS.csv OUTDIR`: turns the measurements of
//! `scripts/compare_gil.sh` into OUTDIR/results.md (elapsed time and speed-up
//! per build and worker count) and OUTDIR/speedup.svg (speed-up against the
//! number of workers, one line per build, one panel per workload).
//!
//! The CSV has a header and rows `workload,build,threads,elapsed`; a
//! workload/build/threads triple may repeat (several runs): the fastest
//! counts, as the least disturbed by other work on the machine.

use plotters::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Best elapsed seconds, by workload, then build, then thread count; the
/// workloads and builds in the order they first appear.
struct Results {
    workloads: Vec<String>,
    builds: Vec<String>,
    best: BTreeMap<(String, String), BTreeMap<u32, f64>>,
}

fn parse(text: &str) -> Result<Results, String> {
    let mut r = Results {
        workloads: Vec::new(),
        builds: Vec::new(),
        best: BTreeMap::new(),
    };
    for (i, line) in text.lines().enumerate().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').map(str::trim).collect();
        if f.len() != 4 {
            return Err(format!("line {}: expected 4 fields", i + 1));
        }
        let threads: u32 = f[2]
            .parse()
            .map_err(|_| format!("line {}: bad thread count {:?}", i + 1, f[2]))?;
        let elapsed: f64 = f[3]
            .parse()
            .map_err(|_| format!("line {}: bad elapsed time {:?}", i + 1, f[3]))?;
        if !r.workloads.iter().any(|w| w == f[0]) {
            r.workloads.push(f[0].to_string());
        }
        if !r.builds.iter().any(|b| b == f[1]) {
            r.builds.push(f[1].to_string());
        }
        let slot = r
            .best
            .entry((f[0].to_string(), f[1].to_string()))
            .or_default()
            .entry(threads)
            .or_insert(f64::INFINITY);
        *slot = slot.min(elapsed);
    }
    if r.best.is_empty() {
        return Err("no measurements".into());
    }
    Ok(r)
}

impl Results {
    /// (threads, elapsed, speed-up over the same build's single thread).
    fn series(&self, workload: &str, build: &str) -> Vec<(u32, f64, f64)> {
        let Some(m) = self.best.get(&(workload.to_string(), build.to_string())) else {
            return Vec::new();
        };
        let base = m.get(&1).copied().or_else(|| m.values().next().copied());
        m.iter()
            .map(|(&n, &t)| (n, t, base.map_or(f64::NAN, |b| b / t)))
            .collect()
    }

    fn markdown(&self) -> String {
        let mut out = String::from(
            "# The GIL build, the free-threaded build, processes and asyncio\n\n\
             Elapsed wall seconds (fastest of the runs) for a fixed amount of work split \
             over N workers (threads, processes or asyncio tasks), and the speed-up over \
             one worker of the same kind.\n",
        );
        for w in &self.workloads {
            let _ = write!(out, "\n## {} workload\n\n| workers |", w);
            for b in &self.builds {
                let _ = write!(out, " {} (s) | {} speed-up |", b, b);
            }
            out.push_str("\n|---:|");
            for _ in &self.builds {
                out.push_str("---:|---:|");
            }
            out.push('\n');
            let mut counts: Vec<u32> = self
                .builds
                .iter()
                .flat_map(|b| self.series(w, b).into_iter().map(|p| p.0))
                .collect();
            counts.sort_unstable();
            counts.dedup();
            for n in counts {
                let _ = write!(out, "| {} |", n);
                for b in &self.builds {
                    match self.series(w, b).into_iter().find(|p| p.0 == n) {
                        Some((_, t, s)) => {
                            let _ = write!(out, " {:.3} | {:.2}x |", t, s);
                        }
                        None => out.push_str(" | |"),
                    }
                }
                out.push('\n');
            }
        }
        out
    }

    fn plot(&self, path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
        const COLOURS: [RGBColor; 6] = [
            RGBColor(214, 39, 40),
            RGBColor(31, 119, 180),
            RGBColor(44, 160, 44),
            RGBColor(255, 127, 14),
            RGBColor(148, 103, 189),
            RGBColor(140, 86, 75),
        ];
        let panel_w = 520;
        let width = panel_w * self.workloads.len().max(1) as u32;
        let root = SVGBackend::new(path, (width, 460)).into_drawing_area();
        root.fill(&WHITE)?;
        let root = root.titled(
            "Speed-up against the number of workers",
            ("sans-serif", 22).into_font(),
        )?;
        let max_threads = self
            .best
            .values()
            .flat_map(|m| m.keys().copied())
            .max()
            .unwrap_or(1);
        let top = self
            .workloads
            .iter()
            .flat_map(|w| self.builds.iter().flat_map(|b| self.series(w, b)))
            .map(|p| p.2)
            .filter(|s| s.is_finite())
            .fold(max_threads as f64, f64::max);
        let panels = root.split_evenly((1, self.workloads.len().max(1)));
        for (panel, w) in panels.iter().zip(&self.workloads) {
            let mut chart = ChartBuilder::on(panel)
                .caption(format!("{} workload", w), ("sans-serif", 18).into_font())
                .margin(12)
                .x_label_area_size(45)
                .y_label_area_size(55)
                .build_cartesian_2d(0u32..max_threads + 1, 0f64..top * 1.08)?;
            chart
                .configure_mesh()
                .x_desc("workers (threads, processes or tasks)")
                .y_desc("speed-up over 1 worker")
                .x_labels(max_threads as usize + 2)
                .y_label_formatter(&|v| format!("{:.0}x", v))
                .x_label_formatter(&|v| format!("{}", v))
                .light_line_style(WHITE.mix(0.0))
                .draw()?;
            // The ideal: N threads, N times as fast.
            chart
                .draw_series(LineSeries::new(
                    (1..=max_threads).map(|n| (n, n as f64)),
                    BLACK.mix(0.35).stroke_width(1),
                ))?
                .label("ideal (N workers, Nx)")
                .legend(|(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], BLACK.mix(0.35).stroke_width(1))
                });
            for (i, b) in self.builds.iter().enumerate() {
                let colour = COLOURS[i % COLOURS.len()];
                let points: Vec<(u32, f64)> = self
                    .series(w, b)
                    .into_iter()
                    .filter(|p| p.2.is_finite())
                    .map(|p| (p.0, p.2))
                    .collect();
                chart
                    .draw_series(LineSeries::new(
                        points.iter().copied(),
                        colour.stroke_width(3),
                    ))?
                    .label(b.as_str())
                    .legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(3))
                    });
                chart.draw_series(points.iter().map(|&p| Circle::new(p, 4, colour.filled())))?;
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.4))
                .label_font(("sans-serif", 13).into_font())
                .draw()?;
        }
        root.present()?;
        Ok(())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: gilplot RESULTS.csv OUTDIR");
        return ExitCode::from(2);
    }
    let text = match std::fs::read_to_string(&args[1]) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gilplot: cannot read {}: {}", args[1], e);
            return ExitCode::FAILURE;
        }
    };
    let results = match parse(&text) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("gilplot: {}: {}", args[1], e);
            return ExitCode::FAILURE;
        }
    };
    let dir = std::path::Path::new(&args[2]);
    if let Err(e) = std::fs::write(dir.join("results.md"), results.markdown()) {
        eprintln!("gilplot: cannot write results.md: {}", e);
        return ExitCode::FAILURE;
    }
    let svg = dir.join("speedup.svg");
    if let Err(e) = results.plot(&svg) {
        eprintln!("gilplot: cannot draw {}: {}", svg.display(), e);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
