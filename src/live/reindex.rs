//! After an edit handled in memory, the search follows: the index of every
//! language is built again from the updated site into a folder beside the
//! indexes, with the browser's files into a folder beside the output; each
//! language's `OUT/_search/<lang>/` is swapped for its new one (two
//! renames), then the indexes as a whole ([`crate::index::commit_indexes`]).
//! `serve` sees the new index and opens it
//! ([`crate::search::LangIndex::is_current`]).
//!
//! This runs after the reload event is sent, so the page the author is
//! looking at does not wait for it.

use std::path::Path;

use crate::Snapshot;
use crate::index::search_dir;

/// Rewrites the search files and indexes of every language; the error says why not.
pub fn search(snapshot: &Snapshot) -> Result<(), String> {
    let config = &snapshot.config;
    let output = &config.output;
    let name = output.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staging = parent.join(format!(".{name}.search-{}", std::process::id()));
    let indexes = crate::index::staging_dir(&snapshot.index_root)
        .map_err(|e| format!("{}: {e}", snapshot.index_root.display()))?;
    let result = write(snapshot, &staging, &indexes);
    let _ = std::fs::remove_dir_all(&staging);
    let _ = std::fs::remove_dir_all(&indexes);
    result
}

fn write(snapshot: &Snapshot, staging: &Path, indexes: &Path) -> Result<(), String> {
    let config = &snapshot.config;
    if staging.exists() {
        std::fs::remove_dir_all(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    }
    std::fs::create_dir_all(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    // The index makes the search documents from the snapshot's site, which
    // holds the edited pages; the cards did not change.
    let diags =
        crate::index::site(config, &snapshot.site, snapshot.catalogue.as_ref(), &snapshot.assembled, indexes, staging);
    if let Some(error) = diags.into_iter().find(|d| d.is_error()) {
        return Err(error.to_string());
    }
    for lang in config.langs() {
        let rel = search_dir(lang);
        let (new, served, old) = (staging.join(&rel), config.output.join(&rel), staging.join(format!("old-{lang}")));
        let swap = std::fs::rename(&served, &old).and_then(|()| std::fs::rename(&new, &served));
        swap.map_err(|e| format!("cannot replace {}: {e}", served.display()))?;
    }
    crate::index::commit_indexes(indexes, &snapshot.index_root)
        .map_err(|e| format!("cannot replace {}: {e}", snapshot.index_root.display()))
}
