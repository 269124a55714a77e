//! Matching tests for the `re` engine, and hand-run checks.

use super::*;

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

fn hex_list(s: &str) -> Vec<u32> {
    if s.is_empty() {
        return Vec::new();
    }
    s.split(',')
        .map(|h| u32::from_str_radix(h, 16).unwrap())
        .collect()
}

/// Runs the cases in the file `RE_DIFF_IN` (one per line: mode, flags,
/// pattern, text, pos, endpos; code points in hex) and writes one result
/// line each to `RE_DIFF_OUT`, for comparing with python3 by hand.
#[test]
#[ignore]
fn differential_from_file() {
    let (Ok(input), Ok(output)) = (std::env::var("RE_DIFF_IN"), std::env::var("RE_DIFF_OUT"))
    else {
        return;
    };
    let data = std::fs::read_to_string(input).unwrap();
    let mut out = String::new();
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "skip" {
            out.push_str("SKIP\n");
            continue;
        }
        let flags: u32 = f[1].parse().unwrap();
        let is_bytes = flags & 0x10000 != 0;
        let pat = hex_list(f[2]);
        let text = hex_list(f[3]);
        let pos: usize = f[4].parse().unwrap();
        let endpos: usize = f[5].parse().unwrap();
        let re = match Regex::new(&pat, flags & 0xffff, is_bytes) {
            Ok(r) => r,
            Err(e) => {
                out.push_str(&format!("ERR {:?} {}\n", e.kind, e.message(&pat)));
                continue;
            }
        };
        let mut bad = false;
        let mut res = match f[0] {
            "findall" => {
                let v: Vec<String> = re
                    .find_iter(&text[..], pos, endpos)
                    .map(|m| {
                        bad |= m.bad_span;
                        format!("{:?}", m.slots)
                    })
                    .collect();
                v.join(";")
            }
            "sub" => {
                let tpl = hex_list(f[6]);
                match re.template(&tpl) {
                    Err(e) => format!("ERR {:?} {}", e.kind, e.message(&tpl)),
                    Ok(t) => {
                        let mut s = Vec::new();
                        bad = re.find_iter(&text[..], 0, text.len()).any(|m| m.bad_span);
                        let n = re.replace(&text[..], &t, 0, |c| match c {
                            Chunk::Text(a, b) => s.extend_from_slice(&text[a..b]),
                            Chunk::Literal(l) => s.extend_from_slice(l),
                        });
                        format!("{} {:?}", n, s)
                    }
                }
            }
            "split" => {
                bad = re.find_iter(&text[..], 0, text.len()).any(|m| m.bad_span);
                format!("{:?}", re.split(&text[..], 0))
            }
            m => {
                let mode = match m {
                    "match" => Mode::Match,
                    "fullmatch" => Mode::FullMatch,
                    _ => Mode::Search,
                };
                match re.exec_captures(&text[..], pos, endpos, mode) {
                    None => "None".to_string(),
                    Some(c) => {
                        bad = c.bad_span;
                        format!("{:?} {:?}", c.slots, c.lastindex)
                    }
                }
            }
        };
        if bad {
            res = "SYSERR".to_string();
        }
        out.push_str(&res);
        out.push('\n');
    }
    std::fs::write(output, out).unwrap();
}
