//! The typst `World` of one book: a single source file (the generated
//! markup) and the theme's fonts. Nothing else exists in it: no files, no
//! packages, no date (so `datetime.today()` fails and the output cannot
//! depend on the day).

use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::diag::Diagnostic;

/// The fonts of `themes/<theme>/fonts/`, read once per build and shared by
/// every language's book.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    /// Every `.ttf`, `.otf`, `.ttc` and `.otc` file of `dir`, in file-name
    /// order (so the same fonts are chosen on every machine).
    pub fn load(root: &Path, dir: &Path) -> Result<Fonts, Diagnostic> {
        let shown = crate::load::relative(root, dir);
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Diagnostic::error(&shown, (1, 1), format!("cannot read the PDF's fonts: {e}")))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str()))
            })
            .collect();
        paths.sort();
        let mut fonts = Vec::new();
        for path in &paths {
            let data = std::fs::read(path).map_err(|e| {
                Diagnostic::error(crate::load::relative(root, path), (1, 1), format!("cannot read the font: {e}"))
            })?;
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() == before {
                return Err(Diagnostic::error(
                    crate::load::relative(root, path),
                    (1, 1),
                    "not a font typst can read (TrueType or OpenType expected)",
                ));
            }
        }
        if fonts.is_empty() {
            return Err(Diagnostic::error(shown, (1, 1), "no font for the PDF here (.ttf or .otf files expected)"));
        }
        Ok(Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts })
    }
}

pub struct BookWorld<'f> {
    library: LazyHash<Library>,
    fonts: &'f Fonts,
    main: Source,
}

impl<'f> BookWorld<'f> {
    pub fn new(name: &str, markup: String, fonts: &'f Fonts) -> BookWorld<'f> {
        let path = VirtualPath::new(format!("/{name}.typ")).unwrap_or_else(|_| VirtualPath::new("/book.typ").unwrap());
        let id = RootedPath::new(VirtualRoot::Project, path).intern();
        BookWorld { library: LazyHash::new(Library::default()), fonts, main: Source::new(id, markup) }
    }
}

impl World for BookWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(not_found(id)) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() { Ok(Bytes::from_string(self.main.clone())) } else { Err(not_found(id)) }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(PathBuf::from(id.vpath().get_without_slash()))
}
