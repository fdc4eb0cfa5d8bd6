//! Moves refused inputs to `watch.quarantine_dir`, never losing one.
//!
//! A refused file left in the inbox is refused again after every restart (the
//! seen-set of refused content is not durable) and clutters the folder the
//! scraper writes to; moved aside, a person can look at it and drop it back
//! once fixed. The move keeps the name, adds `.1`, `.2`, … before the
//! extension when that name is taken, and never overwrites: a hard link is
//! made first (which fails on an existing name, atomically), then the
//! original removed. Where links are impossible it renames after checking the
//! name is free, and across file systems it copies, syncs, then removes. Any
//! failure leaves the file where it was.

use std::ffi::OsString;
use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};

/// How many suffixed names are tried before giving up.
const MAX_SUFFIX: u32 = 10_000;

/// Moves `file` into `dir` (created if missing); returns where it went.
pub fn move_to(file: &Path, dir: &Path) -> io::Result<PathBuf> {
    let name = file
        .file_name()
        .ok_or_else(|| io::Error::new(ErrorKind::InvalidInput, "no file name"))?;
    fs::create_dir_all(dir)?;
    for n in 0..MAX_SUFFIX {
        let dest = dir.join(candidate(name, n));
        match move_one(file, &dest) {
            Ok(()) => return Ok(dest),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        ErrorKind::AlreadyExists,
        format!("{MAX_SUFFIX} names taken in {}", dir.display()),
    ))
}

/// `name`, or `stem.N.ext` (`name.N` without an extension).
fn candidate(name: &std::ffi::OsStr, n: u32) -> OsString {
    if n == 0 {
        return name.to_os_string();
    }
    let p = Path::new(name);
    match (p.file_stem(), p.extension()) {
        (Some(stem), Some(ext)) => {
            let mut s = stem.to_os_string();
            s.push(format!(".{n}."));
            s.push(ext);
            s
        }
        _ => {
            let mut s = name.to_os_string();
            s.push(format!(".{n}"));
            s
        }
    }
}

/// Moves `file` to `dest`; `AlreadyExists` when `dest` is taken.
fn move_one(file: &Path, dest: &Path) -> io::Result<()> {
    match fs::hard_link(file, dest) {
        Ok(()) => {
            if let Err(e) = fs::remove_file(file) {
                // Undo: the file stays where it was, not in two places.
                let _ = fs::remove_file(dest);
                return Err(e);
            }
            return Ok(());
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => return Err(e),
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(e),
        // No hard links here (some file systems, another device): go on.
        Err(_) => {}
    }
    match fs::symlink_metadata(dest) {
        Ok(_) => return Err(ErrorKind::AlreadyExists.into()),
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    match fs::rename(file, dest) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::NotFound => Err(e),
        Err(_) => copy_then_remove(file, dest),
    }
}

/// Across file systems: a synced copy first, the original removed last.
fn copy_then_remove(file: &Path, dest: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(file)?;
    if meta.file_type().is_symlink() {
        copy_link(file, dest)?;
    } else {
        let mut src = fs::File::open(file)?;
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dest)?;
        let copied = io::copy(&mut src, &mut out).and_then(|_| out.sync_all());
        if let Err(e) = copied {
            let _ = fs::remove_file(dest);
            return Err(e);
        }
    }
    if let Err(e) = fs::remove_file(file) {
        let _ = fs::remove_file(dest);
        return Err(e);
    }
    Ok(())
}

#[cfg(unix)]
fn copy_link(file: &Path, dest: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(fs::read_link(file)?, dest)
}

#[cfg(not(unix))]
fn copy_link(_file: &Path, _dest: &Path) -> io::Result<()> {
    Err(ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_name_and_never_overwrites() {
        let d = tempfile::tempdir().expect("tempdir");
        let q = d.path().join("q");
        for (i, want) in ["bad.txt", "bad.1.txt", "bad.2.txt"].iter().enumerate() {
            let f = d.path().join("bad.txt");
            fs::write(&f, format!("v{i}")).expect("write");
            let moved = move_to(&f, &q).expect("moved");
            assert_eq!(moved, q.join(want));
            assert!(!f.exists());
            assert_eq!(fs::read_to_string(&moved).expect("read"), format!("v{i}"));
        }
        let f = d.path().join("noext");
        fs::write(&f, "x").expect("write");
        fs::write(q.join("noext"), "taken").expect("write");
        assert_eq!(move_to(&f, &q).expect("moved"), q.join("noext.1"));
        assert_eq!(fs::read_to_string(q.join("noext")).expect("read"), "taken");
    }

    #[cfg(unix)]
    #[test]
    fn moves_dangling_links_as_links() {
        let d = tempfile::tempdir().expect("tempdir");
        let l = d.path().join("dangling.txt");
        std::os::unix::fs::symlink(d.path().join("nowhere"), &l).expect("symlink");
        let moved = move_to(&l, &d.path().join("q")).expect("moved");
        assert!(fs::symlink_metadata(&moved)
            .expect("link")
            .file_type()
            .is_symlink());
        assert!(fs::symlink_metadata(&l).is_err());
    }

    #[test]
    fn a_failed_move_leaves_the_file_in_place() {
        let d = tempfile::tempdir().expect("tempdir");
        let f = d.path().join("a.txt");
        fs::write(&f, "x").expect("write");
        // The quarantine "folder" is a file: it cannot be created.
        let q = d.path().join("q");
        fs::write(&q, "not a folder").expect("write");
        assert!(move_to(&f, &q).is_err());
        assert_eq!(fs::read_to_string(&f).expect("still there"), "x");
    }
}
