//! The `signpost` command: arguments in, one call into the library, the
//! diagnostics printed, an exit code out (0 built, 1 content errors, 2 usage
//! or I/O errors).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser as _;
use signpost::diag::count;
use signpost::{BuildOptions, Built, Failure};

/// A build allocates millions of short-lived strings on every core at
/// once (Markdown events, template values, search tokens): about a fifth of
/// the profile of a 40,000-page build was glibc's malloc and free. mimalloc
/// cut that build's wall time by a quarter and its CPU time by a seventh
/// (measured side by side; bench/results.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cli;

use cli::*;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build { site, timings, no_cache } => {
            tune_memory_for_a_build();
            build(&BuildOptions { timings, cache: !no_cache, ..site.options() }).map(|built| {
                if timings {
                    eprint!("{}", signpost::timings::table(&built.timings));
                }
                match built.rendered_again {
                    Some(again) => eprintln!(
                        "built {} pages into {} ({again} rendered again, the rest kept from the last build)",
                        built.pages,
                        built.output.display()
                    ),
                    None => eprintln!("built {} pages into {}", built.pages, built.output.display()),
                }
            })
        }
        Command::Serve { site, port, bind, no_live, no_build } => match address(bind.as_deref(), port) {
            Ok(bind) if no_build => serve_built(&site.options(), bind),
            Ok(bind) => serve(site.options(), bind, !no_live),
            Err(message) => Err(failed(Failure::Usage(message), "serve")),
        },
        Command::Search(args) => search(&args),
        Command::I18n { command: I18nCommand::Status(args) } => status(&args),
        Command::I18n { command: I18nCommand::Export(args) } => export(&args),
        Command::I18n { command: I18nCommand::Import(args) } => import(&args),
        Command::Translate(args) => translate(&args),
        Command::Check { root } => check(root),
        Command::New(args) => new(args),
        Command::Theme { command: ThemeCommand::Export { dir, force, root } } => {
            let dir = dir.unwrap_or_else(|| root.join("themes").join(signpost::theme::DEFAULT));
            signpost::theme::export(&dir, force)
                .map(|files| eprintln!("wrote {} files of the built-in theme into {}", files.len(), dir.display()))
                .map_err(|message| failed(Failure::Usage(message), "theme export"))
        }
    };
    result.map_or_else(|code| code, |()| ExitCode::SUCCESS)
}

/// `mi_option_purge_delay` in mimalloc.h's `mi_option_e` (the sys crate
/// names only some options); a test below checks it against its default.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Two memory settings for a build, a process that ends soon (`serve`
/// keeps the defaults):
/// - mimalloc hands freed memory back to the system after a second, and a
///   build faults it in again, zeroed, moments later (a 40,000-page build
///   took 35,000 page faults instead of 2,300, and a tenth more system
///   time): it keeps what it frees;
/// - mimalloc asks for transparent huge pages, which the kernel, after
///   another large process has run, assembles by compacting memory in the
///   page fault: system time doubled (2.6 -> 5 s) for a build run right
///   after Hugo's. Ordinary pages fault in more often but cheaply. mimalloc
///   has asked for its first arena before `main`, so the process opts out.
fn tune_memory_for_a_build() {
    // SAFETY: sets a plain option of the allocator; any thread may call it.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with integer arguments only; it fails harmlessly on a
    // kernel without the option.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn search(args: &SearchArgs) -> Result<(), ExitCode> {
    let output = args.output.clone().unwrap_or_else(|| args.root.join("public"));
    let lang = args
        .lang
        .clone()
        .or_else(|| signpost::config::load(&args.root, None).ok().map(|c| c.default_lang.to_string()))
        .unwrap_or_else(|| "en".to_string());
    let indexes = signpost::index::index_root(&args.root, args.index_dir.as_deref());
    let index = signpost::search::LangIndex::open(&indexes, &output, &signpost::model::Lang::new(lang.clone()))
        .map_err(|e| {
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
    let _ = write!(out, "{}", response.text());
    Ok(())
}

/// `--bind ADDR[:PORT]` and `--port PORT` as one address.
fn address(bind: Option<&str>, port: Option<u16>) -> Result<std::net::SocketAddr, String> {
    let bind = bind.unwrap_or("127.0.0.1");
    if let Ok(address) = bind.parse::<std::net::SocketAddr>() {
        return match port {
            Some(port) if port != address.port() => Err(format!("--bind {bind} and --port {port} name two ports")),
            _ => Ok(address),
        };
    }
    let ip: std::net::IpAddr = bind
        .trim_matches(['[', ']'])
        .parse()
        .map_err(|_| format!("--bind {bind}: not an address (ADDR or ADDR:PORT)"))?;
    Ok((ip, port.unwrap_or(1111)).into())
}

/// `serve --no-build`: the output as it is, no watching.
fn serve_built(options: &BuildOptions, bind: std::net::SocketAddr) -> Result<(), ExitCode> {
    let output = options.output.clone().unwrap_or_else(|| options.root.join("public"));
    if !output.is_dir() {
        eprintln!("error: {} is not a built site: run signpost build first", output.display());
        return Err(ExitCode::from(2));
    }
    // The configuration, if it is there, for the base path and the
    // default language; a folder copied alone is served at `/`, in `en`.
    let config = signpost::config::load(&options.root, None).ok();
    let options = signpost::serve::Options {
        output,
        indexes: signpost::index::index_root(&options.root, options.index_dir.as_deref()),
        bind,
        base_path: config.as_ref().map_or_else(|| "/".into(), |c| c.base_path.clone()),
        default_lang: config.map_or_else(|| signpost::model::Lang::new("en"), |c| c.default_lang),
        hub: None,
    };
    signpost::serve::serve(options).map_err(|e| {
        eprintln!("error: {e:#}");
        ExitCode::from(2)
    })
}

/// Builds, then serves; with live reload, a failed first build still
/// serves the previous output (if any) with the errors shown over it.
fn serve(options: BuildOptions, bind: std::net::SocketAddr, live: bool) -> Result<(), ExitCode> {
    let (output, snapshot, first_error) = match signpost::build_keeping(&options) {
        Ok((built, snapshot)) => {
            for warning in &built.warnings {
                eprintln!("{warning}");
            }
            eprintln!("built {} pages into {}", built.pages, built.output.display());
            (built.output, Some(snapshot), None)
        }
        Err(Failure::Content(diags)) if live => {
            let output = options.output.clone().unwrap_or_else(|| options.root.join("public"));
            if !output.is_dir() {
                return Err(failed(Failure::Content(diags), "build"));
            }
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!("build failed: serving the previous output; save a fix to rebuild");
            (output, None, Some(diags))
        }
        Err(failure) => return Err(failed(failure, "build")),
    };
    let (base_path, default_lang) = match &snapshot {
        Some(snapshot) => (snapshot.config.base_path.clone(), snapshot.config.default_lang.clone()),
        None => signpost::config::load(&options.root, None)
            .map(|c| (c.base_path, c.default_lang))
            .unwrap_or_else(|_| ("/".into(), signpost::model::Lang::new("en"))),
    };
    let indexes = signpost::index::index_root(&options.root, options.index_dir.as_deref());
    let hub = live.then(|| std::sync::Arc::new(signpost::live::Hub::default()));
    if let Some(hub) = &hub {
        if let Some(diags) = first_error {
            hub.report(&diags);
        }
        signpost::live::start(options, snapshot, hub.clone()).map_err(|e| {
            eprintln!("error: cannot watch the site's files: {e:#}");
            ExitCode::from(2)
        })?;
    }
    let options = signpost::serve::Options { output, indexes, bind, base_path, default_lang, hub };
    signpost::serve::serve(options).map_err(|e| {
        eprintln!("error: {e:#}");
        ExitCode::from(2)
    })
}

fn check(root: PathBuf) -> Result<(), ExitCode> {
    let checked =
        signpost::check::check(&BuildOptions { root, ..Default::default() }).map_err(|f| failed(f, "check"))?;
    for d in &checked.diagnostics {
        eprintln!("{d}");
    }
    let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = checked.diagnostics.len() - errors;
    eprintln!("checked {}: {}, {}", count(checked.pages, "page"), count(errors, "error"), count(warnings, "warning"));
    if errors > 0 { Err(ExitCode::from(1)) } else { Ok(()) }
}

fn status(args: &StatusArgs) -> Result<(), ExitCode> {
    let report = signpost::translation::status(&args.root, args.lang.as_deref()).map_err(|f| failed(f, "status"))?;
    let mut out = std::io::stdout().lock();
    let _ = match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        Format::Text => write!(out, "{}", signpost::translation::status::text(&report)),
    };
    if args.strict && !report.is_complete() {
        return Err(ExitCode::from(1));
    }
    Ok(())
}

fn export(args: &ExportArgs) -> Result<(), ExitCode> {
    use signpost::translation::interchange::{self, Format};
    let format = match args.format {
        InterchangeFormat::Xliff => Format::Xliff,
        InterchangeFormat::Po => Format::Po,
    };
    let text = interchange::export(&args.root, &args.lang, format).map_err(|f| failed(f, "export"))?;
    match &args.out {
        Some(path) => {
            signpost::write::atomic(path, text.as_bytes()).map_err(|e| {
                eprintln!("error: {}: {e}", path.display());
                ExitCode::from(2)
            })?;
            eprintln!("wrote {}", path.display());
        }
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
    }
    Ok(())
}

fn import(args: &ImportArgs) -> Result<(), ExitCode> {
    let imported =
        signpost::translation::interchange::import(&args.root, &args.file).map_err(|f| failed(f, "import"))?;
    for warning in &imported.warnings {
        eprintln!("{warning}");
    }
    if imported.files.is_empty() {
        eprintln!("nothing to change: every translation in {} is already in the site", args.file.display());
    }
    for file in &imported.files {
        eprintln!("wrote {}", file.display());
    }
    eprintln!(
        "{} imported, {} marked as current",
        count(imported.units, "text"),
        count(imported.current, "translation")
    );
    Ok(())
}

fn translate(args: &TranslateArgs) -> Result<(), ExitCode> {
    use signpost::translation;
    if args.done {
        let message =
            translation::done(&args.root, &args.path, &args.lang, args.force).map_err(|f| failed(f, "translate"))?;
        eprintln!("{message}");
    } else {
        let path = translation::start(&args.root, &args.path, &args.lang).map_err(|f| failed(f, "translate"))?;
        eprintln!(
            "wrote {}: translate it, then run: signpost translate --done {} --lang {}",
            path.display(),
            args.path,
            args.lang
        );
    }
    Ok(())
}

fn new(args: NewArgs) -> Result<(), ExitCode> {
    use signpost::scaffold;
    match (args.what, args.dir) {
        (Some(NewCommand::Page { path, lang, guidance, root }), _) => {
            let written = scaffold::page(&root, &path, lang.as_deref(), guidance).map_err(|f| failed(f, "new page"))?;
            eprintln!("wrote {}", written.display());
        }
        (Some(NewCommand::Resource { id, root }), _) => {
            let written = scaffold::resource(&root, &id).map_err(|f| failed(f, "new resource"))?;
            eprintln!("added `{id}` to {}: fill in its title, organisation, summary and links", written.display());
        }
        (None, Some(dir)) => {
            let new = scaffold::NewSite { dir: dir.clone(), languages: args.languages, title: args.title };
            let files = scaffold::site(&new).map_err(|f| failed(f, "new"))?;
            eprintln!(
                "wrote a new site of {} files into {}; see it with:\n  cd {} && signpost serve",
                files.len(),
                dir.display(),
                dir.display()
            );
        }
        (None, None) => return Err(failed(Failure::Usage("give the folder of the new site".into()), "new")),
    }
    Ok(())
}

/// Prints why a command failed; the exit code to end with.
fn failed(failure: Failure, what: &str) -> ExitCode {
    match failure {
        Failure::Content(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!("{what} failed: {}", count(errors, "error"));
            ExitCode::from(1)
        }
        Failure::Io(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
        Failure::Usage(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
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
            eprintln!("build failed: {}; the previous output was left as it was", count(errors, "error"));
            Err(ExitCode::from(1))
        }
        Err(failure) => Err(failed(failure, "build")),
    }
}

#[cfg(test)]
mod tests {
    /// The option number is mimalloc's enum order: a newer mimalloc that
    /// moved it fails here, not silently at run time.
    #[test]
    fn allocator_option_is_the_one_meant() {
        // SAFETY: reads an option of the allocator.
        let purge = unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
        assert_eq!(purge, 1000, "the default of purge_delay, in ms");
    }
}
