//! (work in progress)
use crate::config::Settings;
use crate::model::Output;
pub struct StdoutSink;
impl StdoutSink {
    pub fn open(_s: &Settings) -> anyhow::Result<Self> { Ok(StdoutSink) }
    pub fn publish(&mut self, _o: &Output) -> anyhow::Result<()> { Ok(()) }
    pub fn flush(&mut self) -> anyhow::Result<()> { Ok(()) }
}
