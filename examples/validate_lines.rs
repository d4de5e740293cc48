//! Reads `kind<TAB>value` lines on stdin and prints one JSON verdict per line:
//! `{"ok":true,"value":{…}}` or `{"ok":false,"codes":["…"]}`. Used by `tests/differential/validation.py`.
//!
//! `kind` is a `validateMany` kind (`mobile`, `idCard`, `uscc`, `gtin`, `email`, `name`, `postalCode`).
//! Options: `--today YYYY-MM-DD` (ID-card checks), `--allow-data-only`, `--allow-iot`.
//!
//! ```text
//! printf 'idCard\t11010519491231002X\n' | cargo run --example validate_lines -- --today 2026-05-01
//! ```

#[cfg(feature = "validation")]
fn main() {
    use mallcare::validation::{validate_kind, FieldOptions, Kind};
    use std::io::{BufRead, Write};

    let mut options = FieldOptions::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while let Some(a) = args.get(i) {
        match a.as_str() {
            "--today" => {
                i += 1;
                options.today = args.get(i).and_then(|d| mallcare::Date::parse(d).ok());
            }
            "--allow-data-only" => options.mobile.allow_data_only = true,
            "--allow-iot" => options.mobile.allow_iot = true,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 1;
    }
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let (kind, value) = line.split_once('\t').unwrap_or((line.as_str(), ""));
        let verdict = match Kind::parse(kind) {
            None => serde_json::json!({"ok": false, "codes": ["VALIDATION_KIND_UNKNOWN"]}),
            Some(k) => match validate_kind(k, value, &options) {
                Ok(v) => serde_json::json!({"ok": true, "value": v}),
                Err(e) => {
                    serde_json::json!({"ok": false, "codes": e.issues().iter().map(|i| i.code.as_str()).collect::<Vec<_>>()})
                }
            },
        };
        if writeln!(out, "{verdict}").is_err() {
            break;
        }
    }
}

#[cfg(not(feature = "validation"))]
fn main() {
    eprintln!("this example needs the `validation` feature");
}
