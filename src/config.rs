//! Layered configuration: built-in defaults < `config/default.toml` (or
//! `--config FILE`) < `FLASHPOINT__SECTION__KEY` environment variables.
//!
//! Unknown keys are refused rather than ignored: a misspelt key that silently
//! does nothing is the most common deployment bug in daemons of this kind.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Why a configuration could not be used (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config file {0}: not found")]
    Missing(PathBuf),
    #[error("configuration: {0}")]
    Invalid(String),
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    pub nats: NatsSettings,
    pub state: StateSettings,
    pub watch: WatchSettings,
    pub limits: LimitSettings,
    pub lexicon: LexiconSettings,
    pub output: OutputSettings,
    pub extract: ExtractSettings,
    pub escalation: EscalationSettings,
    pub log: LogSettings,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NatsSettings {
    /// No URL: publish JSON Lines to stdout instead (the embedded default sink).
    pub url: Option<String>,
    pub subject_prefix: String,
    pub stream: String,
    /// JetStream duplicate window: retries within it are dropped by the server.
    pub duplicate_window_secs: u64,
    pub kv_bucket: String,
    pub service_name: String,
    /// Client name shown in the server's connection list.
    pub client_name: String,
    /// A server without JetStream: publish with core NATS (a flushed publish
    /// counts as delivered; no duplicate window, no KV) instead of refusing.
    pub core_publish: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StateSettings {
    pub dir: PathBuf,
    /// Events dated more than this many days before the event-time clock
    /// leave the dedup index and the escalation dyads (0: keep everything).
    pub dedup_window_days: u32,
    /// At most about this many events are held in the window (0: no bound
    /// but the days): when more are dated inside it, the oldest-dated leave
    /// early, as if the window were that many days shorter.
    pub dedup_window_events: u64,
    /// Intake pauses while this many messages wait in the outbox (NATS down).
    pub outbox_max_messages: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WatchSettings {
    pub dirs: Vec<PathBuf>,
    /// An in-place write counts as complete after this long without change.
    pub quiet_period_ms: u64,
    /// Poll instead of notify (NFS and some container mounts deliver no events).
    pub poll: bool,
    pub poll_interval_ms: u64,
    /// Rescan the folders this often anyway, in case an event was lost.
    pub rescan_interval_secs: u64,
    /// Refused files are moved here (name kept, suffixed on collision);
    /// unset leaves them in place. Never watched, even inside a watched folder.
    pub quarantine_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitSettings {
    pub max_file_bytes: u64,
    /// Capacity of each bounded channel between stages.
    pub channel_capacity: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconSettings {
    /// Folder of the lexicon data files; relative paths are taken from the
    /// folder of the configuration file.
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OutputSettings {
    /// With the stdout sink, also append every message to this file.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExtractSettings {
    /// Events below this confidence are not published.
    pub min_confidence: f64,
    /// Events dated further than this before the publication date are history, not news.
    pub max_age_days: i64,
    /// Confidence factor for an event whose date is only a guess: its article
    /// states no publication date and the sentence no full date, so "on
    /// Thursday" counts from the file's arrival. The default (0.7) publishes the
    /// clear ones (a bare sentence has no other date) and holds weak ones;
    /// 1.0 suits live feeds of undated files, 0.5 holds them all.
    pub undated_factor: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EscalationSettings {
    pub half_life_days: f64,
    /// Publish a state when the level changes or the score moves at least this much.
    pub publish_threshold: f64,
    /// Share of a client's hostility that counts toward its patron's dyad.
    pub patron_share: f64,
    /// `PATRON:CLIENT` pairs, e.g. `RUS:SYR`.
    pub patrons: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// `auto` (text on a terminal, JSON otherwise), `text` or `json`.
    pub format: String,
    /// `tracing` filter directive; `RUST_LOG` overrides it.
    pub level: String,
}

impl Default for NatsSettings {
    fn default() -> Self {
        NatsSettings {
            url: None,
            subject_prefix: "flashpoint".into(),
            stream: "FLASHPOINT".into(),
            duplicate_window_secs: 7200,
            kv_bucket: "flashpoint_escalation".into(),
            service_name: "flashpoint".into(),
            client_name: "flashpoint".into(),
            core_publish: false,
        }
    }
}

impl Default for StateSettings {
    fn default() -> Self {
        let dir = std::env::var_os("STATE_DIRECTORY")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("state"));
        StateSettings {
            dir,
            dedup_window_days: 30,
            dedup_window_events: 25_000,
            outbox_max_messages: 100_000,
        }
    }
}

impl Default for WatchSettings {
    fn default() -> Self {
        WatchSettings {
            dirs: Vec::new(),
            quiet_period_ms: 1000,
            poll: false,
            poll_interval_ms: 2000,
            rescan_interval_secs: 300,
            quarantine_dir: None,
        }
    }
}

impl Default for LimitSettings {
    fn default() -> Self {
        LimitSettings {
            max_file_bytes: 10 * 1024 * 1024,
            channel_capacity: 256,
        }
    }
}

impl Default for LexiconSettings {
    fn default() -> Self {
        LexiconSettings {
            dir: PathBuf::from("lexicon"),
        }
    }
}

impl Default for ExtractSettings {
    fn default() -> Self {
        ExtractSettings {
            min_confidence: 0.5,
            max_age_days: 45,
            undated_factor: 0.7,
        }
    }
}

impl Default for EscalationSettings {
    fn default() -> Self {
        EscalationSettings {
            half_life_days: 7.0,
            publish_threshold: 2.0,
            patron_share: 0.5,
            patrons: vec![
                "RUS:SYR".into(),
                "TUR:SYRREB".into(),
                "IRN:HEZ".into(),
                "IRN:HOUTHI".into(),
                "IRN:PMF".into(),
                "USA:ISR".into(),
            ],
        }
    }
}

impl Default for LogSettings {
    fn default() -> Self {
        LogSettings {
            format: "auto".into(),
            level: "info".into(),
        }
    }
}

/// Finds the shipped `config/` folder: beside the working directory, or
/// beside the binary (`target/release/flashpoint` → the repo's `config/`), or
/// `/etc/flashpoint` for packaged installs.
pub fn default_config_dir() -> PathBuf {
    let cwd = PathBuf::from("config");
    if cwd.join("default.toml").is_file() {
        return cwd;
    }
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1) {
            let candidate = dir.join("config");
            if candidate.join("default.toml").is_file() {
                return candidate;
            }
        }
    }
    PathBuf::from("/etc/flashpoint")
}

impl Settings {
    /// Loads the layered configuration. `file` is `--config FILE`; without it
    /// the shipped `default.toml` is used when it can be found.
    pub fn load(file: Option<&Path>) -> Result<Settings, ConfigError> {
        let (path, required) = match file {
            Some(f) => (f.to_path_buf(), true),
            None => (default_config_dir().join("default.toml"), false),
        };
        if required && !path.is_file() {
            return Err(ConfigError::Missing(path));
        }
        let env = config::Environment::with_prefix("FLASHPOINT")
            .prefix_separator("__")
            .separator("__")
            .try_parsing(true)
            .list_separator(",")
            .with_list_parse_key("watch.dirs")
            .with_list_parse_key("escalation.patrons");
        let mut builder = config::Config::builder();
        if path.is_file() {
            builder = builder.add_source(config::File::from(path.as_path()));
        }
        let raw = builder
            .add_source(env)
            .build()
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        let mut settings: Settings = raw
            .try_deserialize()
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        // Relative lexicon folders are read from the configuration's own folder,
        // so the daemon finds its data whatever its working directory.
        if settings.lexicon.dir.is_relative() {
            let base = path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(default_config_dir);
            settings.lexicon.dir = base.join(&settings.lexicon.dir);
        }
        settings.validate()?;
        Ok(settings)
    }

    /// Checks values serde cannot: ranges, formats, cross-field rules.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, why: &str| Err(ConfigError::Invalid(format!("{key}: {why}")));
        if let Some(url) = &self.nats.url {
            if url.trim().is_empty() {
                return bad("nats.url", "empty; leave it unset for the stdout sink");
            }
        }
        if self.nats.subject_prefix.is_empty()
            || self
                .nats
                .subject_prefix
                .contains(|c: char| c.is_whitespace() || c == '*' || c == '>')
        {
            return bad(
                "nats.subject_prefix",
                "must be a NATS subject without spaces or wildcards",
            );
        }
        if self.nats.duplicate_window_secs == 0 {
            return bad("nats.duplicate_window_secs", "must be at least 1");
        }
        if self.limits.max_file_bytes == 0 {
            return bad("limits.max_file_bytes", "must be at least 1");
        }
        if self.limits.channel_capacity == 0 {
            return bad("limits.channel_capacity", "must be at least 1");
        }
        if !(0.0..=1.0).contains(&self.extract.min_confidence) {
            return bad("extract.min_confidence", "must be between 0 and 1");
        }
        if !(0.0..=1.0).contains(&self.extract.undated_factor) {
            return bad("extract.undated_factor", "must be between 0 and 1");
        }
        if self.escalation.half_life_days <= 0.0 {
            return bad("escalation.half_life_days", "must be positive");
        }
        if !(0.0..=1.0).contains(&self.escalation.patron_share) {
            return bad("escalation.patron_share", "must be between 0 and 1");
        }
        for p in &self.escalation.patrons {
            if p.split(':').filter(|s| !s.is_empty()).count() != 2 {
                return bad("escalation.patrons", &format!("`{p}` is not PATRON:CLIENT"));
            }
        }
        if !matches!(self.log.format.as_str(), "auto" | "text" | "json") {
            return bad("log.format", "must be auto, text or json");
        }
        if !self.lexicon.dir.is_dir() {
            return bad(
                "lexicon.dir",
                &format!("{} is not a folder", self.lexicon.dir.display()),
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, body: &str) -> PathBuf {
        std::fs::create_dir_all(dir.join("lexicon")).unwrap();
        let p = dir.join("c.toml");
        std::fs::write(&p, body).unwrap();
        p
    }

    #[test]
    fn unknown_key_is_refused_by_name() {
        let d = tempfile::tempdir().unwrap();
        let p = write(d.path(), "[watch]\nquiet_periode_ms = 5\n");
        let e = Settings::load(Some(&p)).unwrap_err().to_string();
        assert!(e.contains("quiet_periode_ms"), "{e}");
    }

    #[test]
    fn bad_value_is_refused_by_key() {
        let d = tempfile::tempdir().unwrap();
        let p = write(d.path(), "[extract]\nmin_confidence = 3.0\n");
        let e = Settings::load(Some(&p)).unwrap_err().to_string();
        assert!(e.contains("extract.min_confidence"), "{e}");
    }

    #[test]
    fn file_values_and_relative_lexicon_dir() {
        let d = tempfile::tempdir().unwrap();
        let p = write(
            d.path(),
            "[nats]\nurl = \"nats://127.0.0.1:1\"\n[watch]\ndirs = [\"in\"]\n",
        );
        let s = Settings::load(Some(&p)).unwrap();
        assert_eq!(s.nats.url.as_deref(), Some("nats://127.0.0.1:1"));
        assert_eq!(s.watch.dirs, vec![PathBuf::from("in")]);
        assert_eq!(s.lexicon.dir, d.path().join("lexicon"));
    }
}
