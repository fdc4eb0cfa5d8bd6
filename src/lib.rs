//! Flashpoint: news articles in a folder → deduplicated PLOVER events and a
//! rolling escalation state per dyad, on NATS.
//!
//! Data flows one way through bounded channels, one stage per module:
//! [`ingest`] (files → articles) → [`extract`] (articles → mentions) →
//! [`dedup`] (mentions → event revisions) → [`escalation`] (events → dyad
//! states) → [`publish`] (sinks). [`pipeline`] wires them; [`timeline`] draws
//! dyads' histories; `docs/ARCHITECTURE.md`
//! walks one article through.

pub mod allocator;
pub mod config;
pub mod dedup;
pub mod escalation;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod publish;
pub mod store;
pub mod synth;
pub mod timeline;
