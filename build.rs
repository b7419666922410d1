//! Compiles the default theme (`themes/default/`, every file in it) and the
//! interface strings (`i18n/*.ftl`) into the binary, so that a site needs
//! only `signpost.yaml` and `content/`. The repository's folders stay the
//! one copy: this script lists their files and `include_bytes!`s them,
//! written to `$OUT_DIR/built_in.rs` for `src/theme.rs`.
//!
//! A dozen lines of std do this; `include_dir` or `rust-embed` would add a
//! proc-macro crate to the build for the same list.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let theme = manifest.join("themes").join("default");
    let i18n = manifest.join("i18n");
    // Cargo scans a folder given here for any change below it.
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=i18n");

    let mut files = Vec::new();
    collect(&theme, &mut files);
    files.sort();
    let mut out = String::from("/// Files of the default theme: path below `themes/default/`, bytes.\n");
    out.push_str("pub static THEME: &[(&str, &[u8])] = &[\n");
    for file in &files {
        let name = file.strip_prefix(&theme).expect("below the theme").to_string_lossy().replace('\\', "/");
        writeln!(out, "    ({name:?}, include_bytes!({:?})),", file.to_string_lossy()).unwrap();
    }
    out.push_str("];\n\n/// Interface strings: language code, Fluent text.\n");
    out.push_str("pub static STRINGS: &[(&str, &str)] = &[\n");
    let mut strings: Vec<PathBuf> = std::fs::read_dir(&i18n)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    strings.retain(|p| p.extension().is_some_and(|e| e == "ftl") && p.is_file());
    strings.sort();
    for file in &strings {
        let lang = file.file_stem().expect("a file name").to_string_lossy();
        writeln!(out, "    ({lang:?}, include_str!({:?})),", file.to_string_lossy()).unwrap();
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("built_in.rs");
    std::fs::write(dest, out).expect("cannot write OUT_DIR/built_in.rs");
}

/// Every file below `dir`, hidden ones (editor swap files) left out.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, files);
        } else if path.is_file() {
            files.push(path);
        }
    }
}
