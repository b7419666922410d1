//! The `signpost` command: arguments in, one call into the library, the
//! diagnostics printed, an exit code out (0 built, 1 content errors, 2 usage
//! or I/O errors).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use signpost::{BuildOptions, Built, Failure};

#[derive(Parser)]
#[command(
    name = "signpost",
    version,
    about = "Build multilingual knowledge bases and resource libraries as static sites"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (ROOT/public by default).
    Build(SiteArgs),
    /// Build the site, then serve it on 127.0.0.1.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// Search the index of a built site.
    Search(SearchArgs),
}

#[derive(clap::Args)]
struct SearchArgs {
    /// Words to find; "quoted words" must appear together.
    query: String,
    /// Language of the site to search (default: the site's default language).
    #[arg(long)]
    lang: Option<String>,
    /// Only resources of this category (an id from the vocabulary).
    #[arg(long)]
    category: Option<String>,
    /// Only pages and resources for this audience.
    #[arg(long)]
    audience: Option<String>,
    /// Only resources available in this document language (`en`, `ar`, `other`...).
    #[arg(long)]
    language: Option<String>,
    /// Only pages and resources of this toolkit component.
    #[arg(long)]
    component: Option<String>,
    /// The built site (default: ROOT/public).
    #[arg(long)]
    output: Option<PathBuf>,
    /// The site's folder, for its default language.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print JSON (see README.md, "Search").
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct SiteArgs {
    /// The site's folder, holding signpost.yaml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site.
    #[arg(long)]
    output: Option<PathBuf>,
}

impl SiteArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions { root: self.root.clone(), output: self.output.clone() }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(site) => build(&site.options()).map(|built| {
            eprintln!("built {} pages into {}", built.pages, built.output.display());
        }),
        Command::Serve { site, port } => {
            let options = site.options();
            build(&options).and_then(|built| {
                signpost::serve::serve(&options, &built.output, port).map_err(|e| {
                    eprintln!("error: {e:#}");
                    ExitCode::from(2)
                })
            })
        }
        Command::Search(args) => search(&args),
    };
    result.map_or_else(|code| code, |()| ExitCode::SUCCESS)
}

fn search(args: &SearchArgs) -> Result<(), ExitCode> {
    let output = args.output.clone().unwrap_or_else(|| args.root.join("public"));
    let lang = args
        .lang
        .clone()
        .or_else(|| signpost::config::load(&args.root, None).ok().map(|c| c.default_lang.to_string()))
        .unwrap_or_else(|| "en".to_string());
    let index = signpost::search::LangIndex::open(&output, &signpost::model::Lang::new(lang.clone())).map_err(|e| {
        eprintln!(
            "error: {e}
build the site first: signpost build"
        );
        ExitCode::from(2)
    })?;
    let request = signpost::search::Request {
        query: args.query.clone(),
        lang: signpost::model::Lang::new(lang),
        filters: [args.category.clone(), args.audience.clone(), args.language.clone(), args.component.clone()],
    };
    let response = index.search(&request);
    // Writes ignore a closed pipe (`signpost search x | head`).
    let mut out = std::io::stdout().lock();
    if args.json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&response).unwrap_or_default());
        return Ok(());
    }
    if let Some(message) = &response.message {
        eprintln!("note: {message}");
    }
    let _ = writeln!(out, "{} result{}", response.total, if response.total == 1 { "" } else { "s" });
    for hit in &response.results {
        let section = if hit.section.is_empty() { String::new() } else { format!(" › {}", hit.section) };
        let snippet = hit.snippet.replace("<mark>", "[").replace("</mark>", "]");
        let _ = writeln!(out, "\n{}{section}\n  {}\n  {snippet}", hit.title, hit.url);
    }
    Ok(())
}

/// Builds and prints the diagnostics; on failure, the exit code to end with.
fn build(options: &BuildOptions) -> Result<Built, ExitCode> {
    match signpost::build(options) {
        Ok(built) => {
            for warning in &built.warnings {
                eprintln!("{warning}");
            }
            Ok(built)
        }
        Err(Failure::Content(diags)) => {
            for d in &diags {
                eprintln!("{d}");
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "build failed: {errors} error{}; the previous output was left as it was",
                if errors == 1 { "" } else { "s" }
            );
            Err(ExitCode::from(1))
        }
        Err(Failure::Io(e)) => {
            eprintln!("error: {e:#}");
            Err(ExitCode::from(2))
        }
    }
}
