//! The typst `World` of one book: a single source file (the generated
//! markup) and the theme's fonts (the site's, else the built-in theme's). Nothing else exists in it: no files, no
//! packages, no date (so `datetime.today()` fails and the output cannot
//! depend on the day).

use std::path::PathBuf;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::config::Config;
use crate::diag::Diagnostic;

/// The fonts of the theme's `fonts/`, read once per build and shared by
/// every language's book.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    /// Every `.ttf`, `.otf`, `.ttc` and `.otc` file of the theme's
    /// `fonts/` (the site's own theme folder, else the built-in theme's),
    /// in file-name order (so the same fonts are chosen on every machine).
    pub fn load(config: &Config) -> Result<Fonts, Diagnostic> {
        let is_font = |name: &str| {
            let ext = name.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
            ["ttf", "otf", "ttc", "otc"].contains(&ext.as_str())
        };
        let shown = |name: &str| match config.theme_dir().join(name) {
            on_disk if on_disk.is_file() => crate::load::relative(&config.root, &on_disk),
            _ => crate::theme::built_in_path(name),
        };
        let mut fonts = Vec::new();
        for name in crate::theme::list(config, "fonts").into_iter().filter(|n| is_font(n)) {
            let Some(data) = crate::theme::file(config, &name) else {
                return Err(Diagnostic::error(shown(&name), (1, 1), "cannot read the font"));
            };
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() == before {
                return Err(Diagnostic::error(
                    shown(&name),
                    (1, 1),
                    "not a font typst can read (TrueType or OpenType expected)",
                ));
            }
        }
        if fonts.is_empty() {
            let dir = crate::load::relative(&config.root, &config.theme_dir().join("fonts"));
            return Err(Diagnostic::error(dir, (1, 1), "no font for the PDF here (.ttf or .otf files expected)"));
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
