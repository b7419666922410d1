//! The command line as clap reads it: every command, its arguments and
//! their help text. `main.rs` runs them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use signpost::BuildOptions;

#[derive(Parser)]
#[command(
    name = "signpost",
    version,
    about = "Build multilingual knowledge bases and resource libraries as static sites"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Build the site into the output folder (ROOT/public by default).
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Print each stage's wall and CPU time (render and index then run
        /// one after the other, so that each stage's CPU is its own).
        #[arg(long)]
        timings: bool,
        /// Build everything, without starting from the previous build
        /// (ROOT/.signpost/build.json records what it was built from).
        #[arg(long)]
        no_cache: bool,
    },
    /// Build the site, then serve it (127.0.0.1:1111 by default).
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on (1111 by default).
        #[arg(long)]
        port: Option<u16>,
        /// Address to listen on, `ADDR` or `ADDR:PORT` (default 127.0.0.1).
        #[arg(long)]
        bind: Option<String>,
        /// Do not watch the files or reload pages in the browser.
        #[arg(long)]
        no_live: bool,
        /// Serve the output as it is, without building it first (implies
        /// --no-live): for a site built elsewhere, behind a reverse proxy.
        #[arg(long)]
        no_build: bool,
    },
    /// Search the index of a built site.
    Search(SearchArgs),
    /// Translation status and interchange with translation tools.
    I18n {
        #[command(subcommand)]
        command: I18nCommand,
    },
    /// Start translating a page, or mark a translation as current (--done).
    Translate(TranslateArgs),
    /// Start a new site in DIR, or add a page or a resource to a site.
    New(NewArgs),
    /// The built-in theme.
    Theme {
        #[command(subcommand)]
        command: ThemeCommand,
    },
    /// Check the site without writing anything: everything build checks,
    /// plus missing files, unreachable pages, duplicate titles and missing
    /// interface strings.
    Check {
        /// The site's folder, holding signpost.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct NewArgs {
    #[command(subcommand)]
    pub what: Option<NewCommand>,
    /// The folder of the new site: it must be missing or empty.
    #[arg(required = true)]
    pub dir: Option<PathBuf>,
    /// The site's languages, the default first (`en,fr,ar`). Starter text is
    /// written in en, fr, es and ar; other languages get the English text.
    #[arg(long, value_delimiter = ',', default_value = "en")]
    pub languages: Vec<String>,
    /// The site's title (the same in every language).
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Subcommand)]
pub enum NewCommand {
    /// A page with its front matter, in the default language's folder
    /// (`guidance/next-step.md`).
    Page {
        path: String,
        /// The language folder to write in (default: the default language).
        #[arg(long)]
        lang: Option<String>,
        /// With the five guidance sections (why, how, minimum,
        /// comprehensive, key considerations).
        #[arg(long)]
        guidance: bool,
        /// The site's folder, holding signpost.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// A catalogue entry with today's date and the vocabulary's first terms.
    Resource {
        id: String,
        /// The site's folder, holding signpost.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ThemeCommand {
    /// Write the built-in theme out for customising (default:
    /// ROOT/themes/default, which then overrides the built-in one).
    Export {
        dir: Option<PathBuf>,
        /// Overwrite the theme's files in a folder that is not empty.
        #[arg(long)]
        force: bool,
        /// The site's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum I18nCommand {
    /// What is missing or outdated in each language.
    Status(StatusArgs),
    /// Write a language's strings, catalogue text and pages as XLIFF 2.0 or PO.
    Export(ExportArgs),
    /// Read a translated XLIFF or PO file back into the site.
    Import(ImportArgs),
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InterchangeFormat {
    Xliff,
    Po,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The language translated into.
    #[arg(long)]
    pub lang: String,
    /// `xliff` (XLIFF 2.0) or `po` (gettext).
    #[arg(long, value_enum, default_value = "xliff")]
    pub format: InterchangeFormat,
    /// Write to this file instead of the standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The site's folder, holding signpost.yaml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The translated file (`.xlf`/`.xliff` or `.po`).
    pub file: PathBuf,
    /// The site's folder, holding signpost.yaml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct StatusArgs {
    /// Only this language.
    #[arg(long)]
    pub lang: Option<String>,
    /// `json` for CI (see README.md, "Translation status").
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Exit with 1 when anything is missing or outdated.
    #[arg(long)]
    pub strict: bool,
    /// The site's folder, holding signpost.yaml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(clap::Args)]
pub struct TranslateArgs {
    /// A page inside the language folder (`guidance/assess-and-plan.md`); with
    /// --done also `resources/<id>`, `strings` or `strings/<id>`.
    pub path: String,
    /// The language translated into.
    #[arg(long)]
    pub lang: String,
    /// The translation is finished: record the source version it matches.
    #[arg(long)]
    pub done: bool,
    /// With --done: mark a page whose body is still the source's.
    #[arg(long, requires = "done")]
    pub force: bool,
    /// The site's folder, holding signpost.yaml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to find; "quoted words" must appear together.
    pub query: String,
    /// Language of the site to search (default: the site's default language).
    #[arg(long)]
    pub lang: Option<String>,
    /// Only resources of this category (an id from the vocabulary).
    #[arg(long)]
    pub category: Option<String>,
    /// Only pages and resources for this audience.
    #[arg(long)]
    pub audience: Option<String>,
    /// Only resources available in this document language (`en`, `ar`, `other`...).
    #[arg(long)]
    pub language: Option<String>,
    /// Only pages and resources of this toolkit component.
    #[arg(long)]
    pub component: Option<String>,
    /// The built site (default: ROOT/public).
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// The search indexes the build wrote (default: ROOT/.signpost/index).
    #[arg(long)]
    pub index_dir: Option<PathBuf>,
    /// The site's folder, for its default language.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Print JSON (see README.md, "Search").
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct SiteArgs {
    /// The site's folder, holding signpost.yaml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Where to write the search indexes (default: ROOT/.signpost/index),
    /// outside the published site.
    #[arg(long)]
    pub index_dir: Option<PathBuf>,
}

impl SiteArgs {
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.clone(),
            output: self.output.clone(),
            index_dir: self.index_dir.clone(),
            ..Default::default()
        }
    }
}
