//! The embedded default sink: JSON Lines on stdout (and optionally a file).
//!
//! One compact JSON object a line, one line per [`Output`]; the message's own
//! `schema` field (`flashpoint.event.v1`, `flashpoint.escalation.v1`,
//! `flashpoint.article.v1`, `flashpoint.rejected.v1`) tells them apart, so
//! `jq 'select(.schema == "flashpoint.event.v1")'` is all a consumer needs.
//! This is what lets the daemon run on a fresh machine without NATS.

use std::fs::{File, OpenOptions};
use std::io::{self, LineWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::subjects;
use crate::config::Settings;
use crate::model::Output;

/// Writes every output as one JSON line to stdout and to `output.file`.
pub struct StdoutSink {
    /// Line-buffered, so each message leaves the process as soon as it is
    /// published (a `tail -f` or a pipe sees it at once) while a message is
    /// still written in one piece.
    out: LineWriter<Box<dyn Write + Send>>,
    file: Option<(PathBuf, LineWriter<File>)>,
    /// A batch's lines, kept between batches (see `publish_payloads`).
    lines: Vec<u8>,
}

/// Largest batch buffer kept for the next batch.
const KEEP_LINES: usize = 4 << 20;

impl StdoutSink {
    /// Opens stdout and, when `output.file` is configured, appends to that
    /// file (creating it and its parent folders).
    pub fn open(settings: &Settings) -> anyhow::Result<Self> {
        Self::with_writer(Box::new(io::stdout()), settings.output.file.as_deref())
    }

    /// Like [`open`](Self::open) with any writer in place of stdout (tests, pipes).
    pub fn with_writer(out: Box<dyn Write + Send>, file: Option<&Path>) -> anyhow::Result<Self> {
        let file = match file {
            Some(path) => Some((path.to_path_buf(), LineWriter::new(open_append(path)?))),
            None => None,
        };
        Ok(StdoutSink {
            out: LineWriter::new(out),
            file,
            lines: Vec::new(),
        })
    }

    /// Writes one message as one line. Returns once the line has been handed
    /// to the OS; a closed stdout (broken pipe) is an error, not a panic.
    pub fn publish(&mut self, out: &Output) -> anyhow::Result<()> {
        let mut line = subjects::encode(out).context("serialising an output message")?;
        line.push(b'\n');
        // The file first: it is the durable record when stdout is a pipe that
        // may go away.
        if let Some((path, w)) = &mut self.file {
            w.write_all(&line)
                .with_context(|| format!("writing to output file {}", path.display()))?;
        }
        self.out.write_all(&line).map_err(stdout_error)?;
        Ok(())
    }

    /// Writes outbox rows' payloads as lines (the same bytes as `publish`),
    /// in one write each to the file and stdout (a publisher batch: one
    /// system call instead of one per message, and still whole lines). On
    /// failure none of them counts as written, so all are written again (a
    /// line may then appear twice; stdout has no message ids to drop
    /// repeats by).
    pub fn publish_payloads<'a, I>(&mut self, payloads: I) -> anyhow::Result<()>
    where
        I: IntoIterator<Item = &'a [u8]>,
        I::IntoIter: Clone,
    {
        // Sized once, and kept for the next batch (up to `KEEP_LINES`):
        // grown by doubling, a batch's buffer (≈ 1 MB for 1,024 rows) was
        // copied some twenty times, and each batch faulted in fresh pages.
        let payloads = payloads.into_iter();
        let len: usize = payloads.clone().map(|p| p.len() + 1).sum();
        let mut lines = std::mem::take(&mut self.lines);
        lines.clear();
        lines.reserve(len);
        for p in payloads {
            lines.extend_from_slice(p);
            lines.push(b'\n');
        }
        if let Some((path, w)) = &mut self.file {
            w.write_all(&lines)
                .with_context(|| format!("writing to output file {}", path.display()))?;
        }
        self.out.write_all(&lines).map_err(stdout_error)?;
        if lines.capacity() <= KEEP_LINES {
            self.lines = lines;
        }
        Ok(())
    }

    /// Flushes stdout and syncs the output file to disk (shutdown).
    pub fn flush(&mut self) -> anyhow::Result<()> {
        if let Some((path, w)) = &mut self.file {
            w.flush()
                .and_then(|()| w.get_ref().sync_data())
                .with_context(|| format!("flushing output file {}", path.display()))?;
        }
        self.out.flush().map_err(stdout_error)
    }
}

fn open_append(path: &Path) -> anyhow::Result<File> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| {
            format!(
                "output.file: cannot create folder {} for {}",
                parent.display(),
                path.display()
            )
        })?;
    }
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("output.file: cannot open {} for appending", path.display()))
}

fn stdout_error(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        anyhow::Error::new(e).context("stdout was closed by its reader (broken pipe)")
    } else {
        anyhow::Error::new(e).context("writing to stdout")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleNotice, RejectedNotice};
    use std::sync::{Arc, Mutex};

    /// A writer the test can read back after handing it to the sink.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    struct BrokenPipe;

    impl Write for BrokenPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
    }

    fn article() -> Output {
        Output::Article(ArticleNotice {
            schema: "flashpoint.article.v1".into(),
            id: "a1".into(),
            file: "x.txt".into(),
            title: Some("Title\nwith newline".into()),
            published: None,
            url: None,
            language: "en".into(),
            events: vec!["e1".into()],
            duplicate_of: None,
        })
    }

    fn rejected() -> Output {
        Output::Rejected(RejectedNotice {
            schema: "flashpoint.rejected.v1".into(),
            file: "bin.txt".into(),
            reason: "binary".into(),
            at: chrono::Utc::now(),
        })
    }

    #[test]
    fn one_json_object_per_line_and_appended_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/out.jsonl");
        let buf = Shared::default();
        let mut sink = StdoutSink::with_writer(Box::new(buf.clone()), Some(&path)).unwrap();
        sink.publish(&article()).unwrap();
        sink.publish(&rejected()).unwrap();
        // Line-buffered: visible before any flush.
        let text = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["schema"], "flashpoint.article.v1");
        assert_eq!(v["title"], "Title\nwith newline");
        let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(v["schema"], "flashpoint.rejected.v1");
        sink.flush().unwrap();
        drop(sink);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

        // A second sink appends rather than truncates.
        let mut sink = StdoutSink::with_writer(Box::new(io::sink()), Some(&path)).unwrap();
        sink.publish(&article()).unwrap();
        sink.flush().unwrap();
        let again = std::fs::read_to_string(&path).unwrap();
        assert_eq!(again.lines().count(), 3);
    }

    #[test]
    fn sink_is_send() {
        fn is_send<T: Send>() {}
        is_send::<StdoutSink>();
    }

    #[test]
    fn broken_pipe_is_an_error_not_a_panic() {
        let mut sink = StdoutSink::with_writer(Box::new(BrokenPipe), None).unwrap();
        let e = sink.publish(&article()).unwrap_err();
        assert!(format!("{e:#}").contains("broken pipe"), "{e:#}");
    }

    #[test]
    fn unwritable_output_file_names_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        let e = StdoutSink::with_writer(Box::new(io::sink()), Some(&blocker.join("out.jsonl")))
            .err()
            .expect("a file cannot be a folder");
        assert!(e.to_string().contains("output.file"), "{e:#}");
    }
}
