//! Which file changes reach the site: the folders watched, editors'
//! bursts of events gathered into one batch, and the output, hidden files
//! and backups left out.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

const FOLDERS: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

/// Watches the site's folders that exist and are not watched yet.
pub fn watch_folders(watcher: &mut impl Watcher, root: &Path, watched: &mut BTreeSet<&'static str>) {
    for dir in FOLDERS {
        if !watched.contains(dir)
            && root.join(dir).is_dir()
            && watcher.watch(&root.join(dir), RecursiveMode::Recursive).is_ok()
        {
            watched.insert(dir);
        }
    }
}

/// The site files changed in the next burst of events, relative to the
/// root. Editors write a file in several steps (a temporary file, then a
/// rename), microseconds apart: events are gathered until 10 ms pass
/// without one.
pub fn next_batch(events: &Receiver<notify::Result<notify::Event>>, root: &Path) -> Option<BTreeSet<PathBuf>> {
    loop {
        let mut paths = BTreeSet::new();
        let first = events.recv().ok()?;
        let mut add = |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            paths.extend(event.paths.iter().filter_map(|p| relevant(root, p)));
            // Tools write through temporary files (`sed -i`, vim's `4913`)
            // that are gone by now: only real files, or deleted ones with a
            // proper name, count.
            paths.retain(|p| root.join(p).exists() || p.extension().is_some());
        };
        add(first);
        loop {
            match events.recv_timeout(Duration::from_millis(10)) {
                Ok(event) => add(event),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        if !paths.is_empty() {
            return Some(paths);
        }
    }
}

/// `path` relative to the root, if a change to it can change the site:
/// not the output, not hidden files, not editors' backups.
fn relevant(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?.to_path_buf();
    let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
    let top_level_file = rel.components().count() == 1;
    if !(FOLDERS.contains(&first.as_str()) || top_level_file && first == crate::config::CONFIG_FILE) {
        return None;
    }
    let name = rel.file_name()?.to_string_lossy().into_owned();
    let hidden = rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let backup = name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".signpost-tmp");
    (!hidden && !backup).then_some(rel)
}
