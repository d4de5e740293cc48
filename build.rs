//! Compiles the holiday-cn JSON files in `data/holiday-cn/` into a compact table embedded in the crate
//! (about 6 bytes a day instead of ~5 KB of JSON a year). The crate's tests compare every day of the
//! embedded table with the JSON files, so the two cannot drift apart.
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("data/holiday-cn");
    println!("cargo:rerun-if-changed=data/holiday-cn");
    let mut years: Vec<(i64, Vec<(String, bool)>)> = Vec::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| fail(&format!("read {}: {e}", dir.display())));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("read {}: {e}", path.display())));
        let doc: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("parse {}: {e}", path.display())));
        let year = doc.get("year").and_then(|y| y.as_i64()).unwrap_or_else(|| fail("missing year"));
        let mut days = Vec::new();
        for d in doc.get("days").and_then(|d| d.as_array()).cloned().unwrap_or_default() {
            let date = d.get("date").and_then(|x| x.as_str()).unwrap_or_else(|| fail("day without date")).to_string();
            let off = d.get("isOffDay").and_then(|x| x.as_bool()).unwrap_or_else(|| fail("day without isOffDay"));
            days.push((date, off));
        }
        years.push((year, days));
    }
    years.sort();
    // Each day is one u16: ((days since 1 January of the file's year) + 32) << 1 | is_off_day.
    // Files may list late-December days of the previous year, hence the +32 bias.
    let mut out = String::from(
        "/// (file year, [((day offset from 1 Jan of file year) + 32) << 1 | is_off_day]) from data/holiday-cn.\n",
    );
    out.push_str("pub(crate) static EMBEDDED: &[(i32, &[u16])] = &[\n");
    for (year, days) in &years {
        let _ = write!(out, "    ({year}, &[");
        for (date, off) in days {
            let mut parts =
                date.split('-').map(|p| p.trim_start_matches('0').parse::<i64>().unwrap_or_else(|_| fail(date)));
            let (y, m, d) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
            let offset = days_from_civil(y, m, d) - days_from_civil(*year, 1, 1);
            if !(-32..=400).contains(&offset) {
                fail(&format!("{date} is too far from {year}"));
            }
            let _ = write!(out, "{}, ", ((offset + 32) << 1) | i64::from(*off));
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR"))).join("holidays.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| fail(&format!("write {}: {e}", target.display())));
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn fail(msg: &str) -> ! {
    eprintln!("build.rs: {msg}");
    std::process::exit(1)
}
