//! The benchmark venue is generated twice: in Rust (`finder::sample::grid_doc`, for the native benchmark and the
//! tests) and in JS (`gridDoc` in bench/finder.mjs, for the npm benchmark against ngraph.path, so the shipped wasm
//! carries no generator). Both must produce the same document, or the wasm/native ratio would compare different
//! venues. Needs `node` (as the JS tests do).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test")]
#![cfg(feature = "finder")]

use mallcare::finder::sample::{grid_doc, GridOptions};
use std::process::Command;

fn same_in_js(o: &GridOptions) {
    let rust = serde_json::to_string(&grid_doc(o)).unwrap();
    let dir = std::env::temp_dir().join(format!("mallcare-grid-{}-{}", std::process::id(), o.cols));
    std::fs::write(&dir, &rust).unwrap();
    let bench = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/finder.mjs");
    let script = format!(
        "import('{}').then((m) => {{ const fs = require('node:fs'); \
         const rust = JSON.stringify(JSON.parse(fs.readFileSync({:?}, 'utf8'))); \
         const js = JSON.stringify(m.gridDoc({{ levels: {}, cols: {}, rows: {}, spacing: {}, seed: {} }})); \
         process.stdout.write(rust === js ? 'same' : 'differ ' + rust.length + ' ' + js.length); }})",
        bench.display(),
        dir.display().to_string(),
        o.levels,
        o.cols,
        o.rows,
        o.spacing,
        o.seed
    );
    let out = Command::new("node").arg("-e").arg(&script).output().expect("node runs");
    let _ = std::fs::remove_file(&dir);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text, "same", "JS gridDoc differs from grid_doc for {o:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn js_grid_equals_rust_grid() {
    same_in_js(&GridOptions::default());
    same_in_js(&GridOptions { levels: 8, cols: 80, rows: 78, ..GridOptions::default() });
    same_in_js(&GridOptions { levels: 3, cols: 7, rows: 5, spacing: 3, seed: 42 });
}
