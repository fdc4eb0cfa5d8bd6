//! The `flashpoint` command line (see `SPEC.md` §1).
//!
//! Exit codes: 0 ok, 1 runtime failure, 2 bad usage or configuration.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use tracing::{error, info};

use flashpoint::config::Settings;
use flashpoint::lexicon::Lexicon;
use flashpoint::model::{EscalationState, Event};
use flashpoint::pipeline::{self, Core};

#[derive(Parser)]
#[command(
    name = "flashpoint",
    version,
    about = "News articles in a folder → deduplicated political/military events and escalation states on NATS"
)]
struct Cli {
    /// Configuration file (default: the shipped config/default.toml).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Table,
}

#[derive(Subcommand)]
enum Command {
    /// The daemon: catch up on the watched folders, then watch and publish until SIGTERM/SIGINT.
    Run {
        /// Folder to watch (repeatable; adds to `watch.dirs`).
        #[arg(long = "watch")]
        watch: Vec<PathBuf>,
    },
    /// One shot: parse, extract and dedup the given files and print the final events.
    Extract {
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// One shot: the escalation state of every dyad (or one) after the given files.
    Escalation {
        /// Only this dyad, e.g. RUS-TUR (either order).
        #[arg(long)]
        dyad: Option<String>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// One shot: draw score and level over event time for dyads, as SVG or PNG.
    Timeline {
        /// Dyad to draw, e.g. RUS-TUR (repeatable; default: the 4 that went furthest).
        #[arg(long)]
        dyad: Vec<String>,
        /// Output picture; `.svg` or `.png` picks the format.
        #[arg(long, default_value = "timeline.svg")]
        out: PathBuf,
        /// Article files, or folders to read them from.
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        inputs: Vec<PathBuf>,
    },
    /// Backfill a folder through the configured sink, then exit.
    Replay { dir: PathBuf },
    /// Write N deterministic synthetic articles (tests and benchmarks).
    #[command(hide = true)]
    Synth {
        out_dir: PathBuf,
        #[arg(long)]
        count: u64,
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
    /// Validate and print the effective configuration.
    CheckConfig,
    /// Score extraction against an annotated corpus (articles/ and gold/).
    Eval {
        corpus: PathBuf,
        /// Exit 1 when overall F1 is below this.
        #[arg(long)]
        min_f1: Option<f64>,
        /// List every miss and extra.
        #[arg(long)]
        verbose: bool,
    },
}

/// A failure and the exit code it maps to.
struct Failure(u8, String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(1, e.to_string())
    }
}

fn usage(e: impl std::fmt::Display) -> Failure {
    Failure(2, e.to_string())
}

/// mimalloc: the pipeline allocates and frees many small strings and
/// buffers per article (events cloned per revision, messages serialised),
/// where it costs markedly less CPU than glibc's malloc. Called through
/// `flashpoint::allocator` (plain calls for word-aligned requests), not the
/// `mimalloc` crate's wrapper: see that module.
#[global_allocator]
static ALLOCATOR: flashpoint::allocator::MiMalloc = flashpoint::allocator::MiMalloc;

/// Tunes mimalloc for a small resident set (the daemon's memory budget).
/// With its defaults (memory freed goes back to the OS only after a delay,
/// arenas committed up front) a backfill's peak RSS was half as high again
/// as with glibc; with the first two below it matched glibc's at 20k
/// articles and most of the CPU saving stayed, but at 1M it peaked above
/// the 200 MB budget (211 MB against glibc's 186.5 MB: short spikes over
/// a plateau of ≈ 185 MB). The last two return memory sooner when most
/// blocks are freed by another thread than the one that allocated them;
/// they trimmed a few MB (4.5 MB at 200k articles), not enough for the
/// budget (see `docs/PERFORMANCE.md`, session 10). They change mimalloc's
/// defaults, so a `MIMALLOC_*` variable set by the operator still wins.
///
/// It must run before the first allocation: the first arena is reserved
/// (and committed or not) then, before `main`. On Linux it is therefore a
/// constructor ordered before mimalloc's own (priority 101), which reads
/// the environment over these defaults; it allocates nothing.
extern "C" fn tune_allocator() {
    // Indexes of `mi_option_e` in mimalloc v3's `mimalloc.h` (the Rust
    // crate's constants follow v2's numbering).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    const GENERIC_COLLECT: libmimalloc_sys::mi_option_t = 34;
    const PAGE_FULL_RETAIN: libmimalloc_sys::mi_option_t = 36;
    // SAFETY: sets plain integer defaults in mimalloc's option table.
    unsafe {
        // Arenas are committed as they are used, not up front.
        libmimalloc_sys::mi_option_set_default(ARENA_EAGER_COMMIT, 0);
        // Freed memory goes back to the OS at once, not after 10 ms.
        libmimalloc_sys::mi_option_set_default(PURGE_DELAY, 0);
        // A thread keeps no emptied page per size class for later (2 by
        // default): with a dozen threads (stages, tokio, the NATS client)
        // those spare pages added up to several MB at 200k articles.
        libmimalloc_sys::mi_option_set_default(PAGE_FULL_RETAIN, 0);
        // A thread's pages are collected (blocks other threads freed taken
        // back, emptied pages released) every 1,000 slow-path allocations,
        // not 10,000: the pipeline frees most blocks on another thread than
        // the one that allocated them (reader → workers → merge stage).
        libmimalloc_sys::mi_option_set_default(GENERIC_COLLECT, 1000);
    }
}

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array.00100"]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

fn main() -> ExitCode {
    #[cfg(not(target_os = "linux"))]
    tune_allocator();
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(code, msg)) => {
            eprintln!("flashpoint: {msg}");
            ExitCode::from(code)
        }
    }
}

fn init_logging(settings: &Settings, quiet: bool) {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let default = if quiet {
        "warn"
    } else {
        settings.log.level.as_str()
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let json = match settings.log.format.as_str() {
        "json" => true,
        "text" => false,
        _ => !std::io::stderr().is_terminal(),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn load(config: Option<&Path>) -> Result<(Settings, Arc<Lexicon>), Failure> {
    let settings = Settings::load(config).map_err(usage)?;
    let lexicon = Lexicon::load(&settings.lexicon.dir).map_err(usage)?;
    Ok((settings, Arc::new(lexicon)))
}

fn real_main(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::CheckConfig => {
            let (settings, lexicon) = load(cli.config.as_deref())?;
            let text = toml::to_string_pretty(&settings)?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "{text}")?;
            writeln!(out, "# lexicon: {lexicon:?}")?;
            Ok(())
        }
        Command::Extract { format, files } => {
            let (settings, lexicon) = load(cli.config.as_deref())?;
            init_logging(&settings, true);
            let core = one_shot(&settings, lexicon, &files)?;
            print(core.merge.dedup.events(), format, events_table)
        }
        Command::Escalation {
            dyad,
            format,
            files,
        } => {
            let (settings, lexicon) = load(cli.config.as_deref())?;
            init_logging(&settings, true);
            let core = one_shot(&settings, lexicon, &files)?;
            let mut states = core.merge.escalation.states();
            if let Some(d) = dyad {
                let want = normalise_dyad(&d)
                    .ok_or_else(|| usage(format!("--dyad {d}: expected two codes like RUS-TUR")))?;
                states.retain(|s| s.dyad == want);
            }
            print(&states, format, states_table)
        }
        Command::Timeline { dyad, out, inputs } => {
            use flashpoint::timeline;
            let fail = |e: timeline::TimelineError| {
                Failure(if e.is_usage() { 2 } else { 1 }, e.to_string())
            };
            // Usage is checked before the (slow) extraction.
            timeline::Format::of(&out).map_err(fail)?;
            let mut dyads = Vec::new();
            for d in &dyad {
                let d = timeline::normalise_dyad(d).map_err(fail)?;
                if !dyads.contains(&d) {
                    dyads.push(d);
                }
            }
            let (settings, lexicon) = load(cli.config.as_deref())?;
            init_logging(&settings, true);
            let files = expand(&inputs)?;
            let core = one_shot(&settings, lexicon, &files)?;
            timeline::write(&core.merge.escalation, &dyads, &out).map_err(fail)?;
            eprintln!("flashpoint: wrote {}", out.display());
            Ok(())
        }
        Command::Run { watch } => {
            let (mut settings, lexicon) = load(cli.config.as_deref())?;
            settings.watch.dirs.extend(watch);
            if settings.watch.dirs.is_empty() {
                return Err(usage(
                    "no folder to watch: give --watch DIR or set watch.dirs",
                ));
            }
            for d in &settings.watch.dirs {
                if !d.is_dir() {
                    return Err(usage(format!(
                        "watch.dirs: {} is not a folder",
                        d.display()
                    )));
                }
            }
            check_state_dir(&settings.state.dir)?;
            init_logging(&settings, false);
            daemon(settings, lexicon)
        }
        Command::Eval {
            corpus,
            min_f1,
            verbose,
        } => {
            let (settings, lexicon) = load(cli.config.as_deref())?;
            init_logging(&settings, true);
            if !corpus.join("gold").is_dir() {
                return Err(usage(format!("{}: no gold/ folder", corpus.display())));
            }
            let r = flashpoint::eval::evaluate(&settings, lexicon, &corpus)?;
            // Written, not printed: a closed pipe (`| head`) is an error, not a panic.
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            if verbose {
                for line in &r.details {
                    writeln!(out, "{line}")?;
                }
            }
            for (lang, c) in &r.by_language {
                let (p, rc, f) = c.prf();
                writeln!(
                    out,
                    "extraction[{lang}]: P={p:.2} R={rc:.2} F1={f:.2} (tp={} fp={} fn={})",
                    c.tp, c.fp, c.fn_
                )?;
            }
            writeln!(out, "dedup: duplicate share {:.2}", r.duplicate_share)?;
            if r.tolls_total > 0 {
                writeln!(
                    out,
                    "fatalities: {}/{} tolls exact on matched events",
                    r.tolls_exact, r.tolls_total
                )?;
            }
            let (p, rc, f) = r.overall.prf();
            writeln!(
                out,
                "overall: P={p:.2} R={rc:.2} F1={f:.2} dup={:.2}",
                r.duplicate_share
            )?;
            out.flush()?;
            match min_f1 {
                Some(min) if f < min => {
                    Err(Failure(1, format!("F1 {f:.2} is below --min-f1 {min}")))
                }
                _ => Ok(()),
            }
        }
        Command::Replay { dir } => {
            let (settings, lexicon) = load(cli.config.as_deref())?;
            init_logging(&settings, false);
            replay(settings, lexicon, &dir)
        }
        Command::Synth {
            out_dir,
            count,
            seed,
        } => {
            std::fs::create_dir_all(&out_dir)?;
            for i in 0..count {
                let (name, text) = flashpoint::synth::article_seeded(i, seed);
                std::fs::write(out_dir.join(name), text)?;
            }
            Ok(())
        }
    }
}

/// Creates `state.dir` and checks a file can be written in it, so an
/// unusable state folder stops the start with one line naming it (exit 2),
/// not a store error after intake began.
fn check_state_dir(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir)
        .map_err(|e| usage(format!("state.dir: cannot create {}: {e}", dir.display())))?;
    let probe = dir.join(".flashpoint-write-check");
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| usage(format!("state.dir: cannot write in {}: {e}", dir.display())))
}

/// `A-B` in either order → the canonical dyad name.
fn normalise_dyad(d: &str) -> Option<String> {
    let (a, b) = d.split_once('-')?;
    (!a.is_empty() && !b.is_empty())
        .then(|| flashpoint::escalation::dyad_name(&a.to_uppercase(), &b.to_uppercase()))
}

/// Files as given, folders as the (sorted) articles under them, so a folder
/// reads like the daemon's catch-up scan of it.
fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for i in inputs {
        if i.is_dir() {
            let mut found = flashpoint::ingest::watcher::scan(std::slice::from_ref(i));
            found.sort();
            if found.is_empty() {
                return Err(usage(format!(
                    "{}: no article files in this folder",
                    i.display()
                )));
            }
            files.extend(found);
        } else {
            files.push(i.clone());
        }
    }
    Ok(files)
}

fn one_shot(
    settings: &Settings,
    lexicon: Arc<Lexicon>,
    files: &[PathBuf],
) -> Result<Core, Failure> {
    let mut core = Core::new(settings, lexicon);
    let mut refused = 0;
    for f in files {
        if let Err(r) = core.process(f) {
            eprintln!("flashpoint: {r}");
            refused += 1;
        }
    }
    if refused == files.len() {
        return Err(Failure(
            1,
            format!("no readable article among {} file(s)", files.len()),
        ));
    }
    Ok(core)
}

/// Writes `items` as JSON Lines, or as a table drawn by `table`.
fn print<T: serde::Serialize>(
    items: &[T],
    format: Format,
    table: fn(&mut dyn Write, &[T]) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Jsonl => {
            for item in items {
                serde_json::to_writer(&mut out, item)?;
                writeln!(out)?;
            }
        }
        Format::Table => table(&mut out, items)?,
    }
    out.flush()?;
    Ok(())
}

fn events_table(out: &mut dyn Write, events: &[Event]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<10} {:<10} {:<14} {:<12} {:<12} {:>6} {:<16} {:>4} {:>5}",
        "date", "type", "mode", "source", "target", "killed", "location", "arts", "conf"
    )?;
    for e in events {
        writeln!(
            out,
            "{:<10} {:<10} {:<14} {:<12} {:<12} {:>6} {:<16} {:>4} {:>5.2}",
            e.date.to_string(),
            e.event_type.as_str(),
            e.mode.as_deref().unwrap_or("-"),
            format!("{}/{}", e.source.code, e.source.sector),
            e.target
                .as_ref()
                .map_or("-".to_string(), |t| format!("{}/{}", t.code, t.sector)),
            e.fatalities
                .killed
                .map_or("-".to_string(), |k| k.to_string()),
            e.location.as_ref().map_or("-", |l| l.name.as_str()),
            e.articles,
            e.confidence
        )?;
    }
    Ok(())
}

fn states_table(out: &mut dyn Write, states: &[EscalationState]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<12} {:<10} {:>6} {:>5} {:<15} {:<8} {:>7} {:>6}",
        "dyad", "as_of", "score", "level", "label", "trend", "delta7d", "killed"
    )?;
    for s in states {
        writeln!(
            out,
            "{:<12} {:<10} {:>6.1} {:>5} {:<15} {:<8} {:>7.1} {:>6}",
            s.dyad,
            s.as_of.to_string(),
            s.score,
            s.level,
            s.label,
            s.trend,
            s.delta_7d,
            s.fatalities_7d
        )?;
    }
    Ok(())
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

fn daemon(settings: Settings, lexicon: Arc<Lexicon>) -> Result<(), Failure> {
    let rt = runtime()?;
    rt.block_on(async move {
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            wait_for_signal().await;
            info!("shutdown requested: stopping intake and draining");
            let _ = stop_tx.send(true);
        });
        let watchdog = watchdog_task();
        let dirs: Vec<String> = settings.watch.dirs.iter().map(|d| d.display().to_string()).collect();
        info!(dirs = ?dirs, sink = if settings.nats.url.is_some() { "nats" } else { "stdout" }, "flashpoint starting");
        let result = pipeline::run(settings, lexicon, stop_rx, Arc::default(), || {
            info!("caught up with the watched folders; ready");
            let _ = sd_notify::notify(&[sd_notify::NotifyState::Ready]);
        })
        .await;
        let _ = sd_notify::notify(&[sd_notify::NotifyState::Stopping]);
        if let Some(w) = watchdog {
            w.abort();
        }
        result.map_err(|e| {
            error!(error = %e, "daemon failed");
            Failure(1, format!("{e:#}"))
        })
    })
}

/// Pings systemd's watchdog at half its interval, when one is set.
fn watchdog_task() -> Option<tokio::task::JoinHandle<()>> {
    let every = sd_notify::watchdog_enabled()?;
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval(every / 2);
        loop {
            tick.tick().await;
            let _ = sd_notify::notify(&[sd_notify::NotifyState::Watchdog]);
        }
    }))
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Publishes everything in `dir` again, from a fresh state (same ids and
/// revisions as the first time), through the daemon's own pipeline: a durable
/// outbox in a scratch folder under `state.dir`, group commits and pipelined,
/// acknowledged publishing. Exits once every message is acknowledged.
fn replay(settings: Settings, lexicon: Arc<Lexicon>, dir: &Path) -> Result<(), Failure> {
    use std::sync::atomic::Ordering;
    if !dir.is_dir() {
        return Err(usage(format!("{}: not a folder", dir.display())));
    }
    let work = settings
        .state
        .dir
        .join(format!("replay-{}", std::process::id()));
    let mut run = settings.clone();
    run.state.dir = work.clone();
    run.watch.dirs = vec![dir.to_path_buf()];
    // A replay reads the folder; it never moves files out of it.
    run.watch.quarantine_dir = None;
    let rt = runtime()?;
    let result = rt.block_on(async move {
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let stop_tx = Arc::new(stop_tx);
        tokio::spawn({
            let stop_tx = stop_tx.clone();
            async move {
                wait_for_signal().await;
                info!("replay interrupted");
                stop_tx.send_replace(true);
            }
        });
        let progress = Arc::new(pipeline::Progress {
            scratch: true,
            ..Default::default()
        });
        // The total is what the pipeline's own start-up scan lists (the
        // folder is not listed a second time just to count it).
        let report = |p: &pipeline::Progress| {
            (
                p.articles.load(Ordering::Relaxed),
                p.listed.load(Ordering::Relaxed),
                p.events.load(Ordering::Relaxed),
            )
        };
        let ticker = tokio::spawn({
            let progress = progress.clone();
            async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
                tick.tick().await;
                loop {
                    tick.tick().await;
                    let (done, total, events) = report(&progress);
                    info!(done, total, events, "replay progress");
                }
            }
        });
        let r = pipeline::run(run, lexicon, stop_rx, progress.clone(), move || {
            stop_tx.send_replace(true);
        })
        .await;
        ticker.abort();
        let (done, total, events) = report(&progress);
        info!(done, total, events, "replay finished");
        r
    });
    let undelivered = flashpoint::store::Store::open(&work)
        .and_then(|s| s.outbox_len())
        .unwrap_or(0);
    if let Err(e) = std::fs::remove_dir_all(&work) {
        error!(dir = %work.display(), error = %e, "cannot remove the replay's scratch state");
    }
    result.map_err(|e| Failure(1, format!("{e:#}")))?;
    if undelivered > 0 {
        return Err(Failure(
            1,
            format!("{undelivered} messages were not acknowledged (sink unreachable?); run the replay again"),
        ));
    }
    Ok(())
}
