//! Every public item of the library (the JS glue in `src/wasm/` is a private module, documented for JS users by the
//! package's TypeScript types, and is skipped) has a
//! runnable example in its rustdoc: a code block in the doc comment right above it. The examples themselves run as
//! doctests; this test only finds items that have none, so a new public item cannot land undocumented.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test code")]

use std::fs;
use std::path::{Path, PathBuf};

/// Items that are `pub` inside a private module and not re-exported (not reachable from the crate's API).
const NOT_PUBLIC: &[&str] = &["src/points/read.rs: struct Reader"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "wasm") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `(kind, name)` when the line declares a public item.
fn public_item(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix("pub ")?;
    let (kind, rest) = rest.split_once(' ')?;
    if !["fn", "struct", "enum", "trait", "type", "const", "static"].contains(&kind) {
        return None;
    }
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    Some((kind, &rest[..end]))
}

#[test]
fn every_public_item_has_an_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut missing = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let rel = file.strip_prefix(root).unwrap().display().to_string();
        for (i, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break; // unit tests sit at the end of a file
            }
            let Some((kind, name)) = public_item(line) else { continue };
            let mut has_example = false;
            for prev in lines[..i].iter().rev() {
                let t = prev.trim_start();
                if t.starts_with("///") {
                    has_example |= t.contains("```");
                } else if !t.starts_with("#[") {
                    break;
                }
            }
            checked += 1;
            let id = format!("{rel}: {kind} {name}");
            if !has_example && !NOT_PUBLIC.contains(&id.as_str()) {
                missing.push(id);
            }
        }
    }
    assert!(checked > 300, "found only {checked} public items: the scan is broken");
    assert!(missing.is_empty(), "public items without a runnable example:\n  {}", missing.join("\n  "));
}
