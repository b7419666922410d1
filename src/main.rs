//! The `signpost` command: arguments in, one call into the library, the
//! diagnostics printed, an exit code out (0 built, 1 content errors, 2 usage
//! or I/O errors).

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
    };
    result.map_or_else(|code| code, |()| ExitCode::SUCCESS)
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
