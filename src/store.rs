//! Durable state under `state.dir`, in redb (crash-safe, transactional).
//!
//! For now it holds which article contents are done — every message from
//! them acknowledged by the sink — so a restart does not process them again.
//! A file is recorded only after its last message (the article notice) is
//! acknowledged, never on read: a crash in between means it is processed
//! again and JetStream's duplicate window absorbs the repeats.

use std::path::Path;

use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};

/// Content id → file name it was first seen under.
const DONE: TableDefinition<&str, &str> = TableDefinition::new("done");

/// Why the store could not be opened or written.
#[derive(Debug, thiserror::Error)]
#[error("state store {path}: {message}")]
pub struct StoreError {
    path: String,
    message: String,
}

/// The daemon's durable state.
pub struct Store {
    db: Database,
    path: String,
}

impl Store {
    /// Opens (or creates) `dir/flashpoint.redb`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let file = dir.join("flashpoint.redb");
        let path = file.display().to_string();
        let err = |e: &dyn std::fmt::Display| StoreError {
            path: path.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
        let db = Database::create(&file).map_err(|e| err(&e))?;
        let tx = db.begin_write().map_err(|e| err(&e))?;
        tx.open_table(DONE).map_err(|e| err(&e))?;
        tx.commit().map_err(|e| err(&e))?;
        Ok(Store { db, path })
    }

    fn err(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Records content `id` (first seen as `file`) as fully published.
    pub fn mark_done(&self, id: &str, file: &str) -> Result<(), StoreError> {
        let tx = self.db.begin_write().map_err(|e| self.err(e))?;
        {
            let mut t = tx.open_table(DONE).map_err(|e| self.err(e))?;
            t.insert(id, file).map_err(|e| self.err(e))?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    /// Every content id recorded as done.
    pub fn done_ids(&self) -> Result<Vec<String>, StoreError> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(DONE).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in t.iter().map_err(|e| self.err(e))? {
            let (k, _) = row.map_err(|e| self.err(e))?;
            out.push(k.value().to_string());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_ids_survive_reopening() {
        let d = tempfile::tempdir().unwrap();
        {
            let s = Store::open(d.path()).unwrap();
            s.mark_done("abc", "a.txt").unwrap();
        }
        let s = Store::open(d.path()).unwrap();
        assert_eq!(s.done_ids().unwrap(), vec!["abc".to_string()]);
    }
}
