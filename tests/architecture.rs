//! The stages' dependencies point one way (README, "Architecture"):
//! foundation (diag, escape, date, sanitize) ← yaml ← model ← config ← load ← parse ← validate ← assemble ←
//! {render, index} ← write ← incremental ← commands. This reads every file under `src/`
//! and fails on a `crate::` path that points up the list, or sideways
//! between two stages of one level (render and index never import each
//! other). The commands, at the top, share the driver (`lib.rs`).

use std::path::{Path, PathBuf};

/// Modules by level, lowest first. A module path matches its longest
/// listed prefix (`translation::status` before `translation`).
const LEVELS: &[&[&str]] = &[
    &["diag", "escape", "date", "sanitize", "timings"],
    // The YAML readers' positions and guards, which the configuration uses too.
    &["yaml"],
    &["model"],
    &["config"],
    // The built-in theme and strings, which a site's own files override.
    &["theme"],
    &["load", "i18n"],
    &["parse"],
    &["validate"],
    // The translation status compares the parsed pages with their sources:
    // the build publishes it as a page.
    &["assemble", "translation::status", "translation::segment"],
    &["render", "index"],
    &["write"],
    &["incremental"],
    &[
        "lib",
        "staged",
        "main",
        "cli",
        "check",
        "live",
        "search",
        "serve",
        "translation",
        "scaffold",
        "pdf",
        "offline",
        "new",
    ],
];

fn level(module: &str) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    for (n, names) in LEVELS.iter().enumerate() {
        for name in names.iter() {
            let matches = module == *name || module.starts_with(&format!("{name}::"));
            if matches && best.is_none_or(|(_, b)| name.len() > b.len()) {
                best = Some((n, name));
            }
        }
    }
    best
}

/// `src/render/context.rs` → `render::context`; `src/lib.rs` → `lib`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| *p != "mod").collect();
    parts.join("::")
}

/// Every `crate::a::b` path in `text`, with its line, outside comments.
/// A `use crate::{a, b::c}` group yields each of its members.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + 7..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for member in inner.split(',') {
                    let member = member.trim();
                    if !member.is_empty() {
                        found.push((n + 1, member.split("::{").next().unwrap_or(member).to_string()));
                    }
                }
                continue;
            }
            let path: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            found.push((n + 1, path.trim_end_matches(':').to_string()));
        }
    }
    found
}

#[test]
fn dependencies_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    assert!(files.len() > 20, "src/ not found");
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == "main" {
            continue; // The binary uses the library through `signpost::`.
        }
        let Some((own, own_name)) = level(&module) else {
            wrong.push(format!("{}: module `{module}` has no level in tests/architecture.rs", file.display()));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, path) in crate_paths(&text) {
            // Items defined in lib.rs itself (`crate::Failure`) belong to the driver.
            let target = if path.contains("::") || path.chars().next().is_some_and(char::is_lowercase) {
                path.clone()
            } else {
                format!("lib::{path}")
            };
            let Some((theirs, their_name)) = level(&target) else { continue };
            let top = |m: &str| m.split("::").next().unwrap_or("").to_string();
            let same_module = top(&module) == top(their_name) || own_name == their_name;
            // Commands share the driver and may call each other.
            let commands = own == LEVELS.len() - 1;
            if theirs > own || (theirs == own && !same_module && !commands) {
                wrong.push(format!(
                    "{}:{line}: `{module}` (level {own}) uses `crate::{path}` (level {theirs})",
                    file.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "dependencies pointing up the stages:\n{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_a_wrong_dependency() {
    // The test above must be able to fail: a parse module using render is
    // caught, a render module using parse is not.
    let uses = crate_paths("use crate::render::Templates;\nuse crate::{model::Lang, diag};");
    assert_eq!(uses, [(1, "render::Templates".to_string()), (2, "model::Lang".to_string()), (2, "diag".to_string())]);
    assert!(level("render::Templates").unwrap().0 > level("parse::markdown").unwrap().0);
    assert!(level("translation::status").unwrap().0 < level("translation::interchange").unwrap().0);
}
