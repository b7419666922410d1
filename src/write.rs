//! Stage 6, write: the site is built in a staging folder beside the output
//! and moved into place only when the whole build succeeded, so a failed
//! build leaves the previous site untouched (Zola and mdBook empty the
//! output first and can leave half a site).
//!
//! Takes what render and index wrote into the [`Staging`] folder; hands on
//! the published output.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::Diagnostic;
use crate::load::{Asset, AssetSource};

pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    committed: bool,
    /// HTML pages written, for the build summary.
    pages: AtomicUsize,
}

impl Staging {
    /// A fresh, empty staging folder next to `output` (same file system, so
    /// the final move is a rename).
    pub fn create(output: &Path) -> io::Result<Staging> {
        let name = output.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging { dir, output: output.to_path_buf(), committed: false, pages: AtomicUsize::new(0) })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How many HTML pages have been written so far.
    pub fn pages(&self) -> usize {
        self.pages.load(Ordering::Relaxed)
    }

    /// Writes one file; `rel` is relative to the output folder.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.dir.join(rel);
        if rel.extension().is_some_and(|e| e == "html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        let result = match path.parent() {
            Some(parent) => std::fs::create_dir_all(parent).and_then(|()| std::fs::write(&path, bytes)),
            None => std::fs::write(&path, bytes),
        };
        result.map_err(|e| Diagnostic::error(rel, (1, 1), format!("cannot write the output file: {e}")))
    }

    /// Copies files as they are. Later assets with the same target win, so
    /// the site's `static/` overrides the theme's.
    pub fn copy(&self, assets: &[Asset]) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for asset in assets {
            let target = self.dir.join(&asset.target);
            let result = target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| match &asset.source {
                AssetSource::File(source) => std::fs::copy(source, &target).map(drop),
                AssetSource::BuiltIn(bytes) => std::fs::write(&target, bytes),
            });
            if let Err(e) = result {
                diags.push(Diagnostic::error(
                    &asset.target,
                    (1, 1),
                    match &asset.source {
                        AssetSource::File(source) => format!("cannot copy {}: {e}", source.display()),
                        AssetSource::BuiltIn(_) => format!("cannot write the theme's file: {e}"),
                    },
                ));
            }
        }
        diags
    }

    /// Moves the staged site into place: the old output is renamed aside,
    /// the new one renamed in, and the old one removed.
    pub fn commit(mut self) -> io::Result<()> {
        let old =
            self.dir.with_file_name(format!("{}.old", self.dir.file_name().unwrap_or_default().to_string_lossy()));
        let had_output = self.output.exists();
        if had_output {
            std::fs::rename(&self.output, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.output) {
            if had_output {
                let _ = std::fs::rename(&old, &self.output);
            }
            return Err(e);
        }
        self.committed = true;
        if had_output {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    /// A build that did not commit leaves nothing behind.
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl crate::render::Output for Staging {
    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        Staging::write(self, rel, bytes)
    }
}

/// Writes `bytes` to `path` through a temporary file beside it and a
/// rename, so that a reader (a browser, a translation tool) never sees half
/// a file.
pub fn atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".signpost-tmp");
    let temporary = path.with_file_name(name);
    std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path))
}
