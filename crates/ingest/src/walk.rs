//! Directory walking: every file under a directory, depth first, each
//! directory's entries sorted by name (byte order), lazily (one directory's
//! listing in memory at a time per level).
//!
//! What is skipped, and only inside a walked directory (a file named on the
//! command line is always read):
//!
//! - hidden entries: names starting with `.` (and everything under a hidden
//!   directory), as `ls` and `rg` do;
//! - files whose extension says they cannot be an article: images, audio,
//!   video, fonts, archives other than gzip, PDF and office documents,
//!   executables and libraries, style sheets and scripts, databases (see
//!   [`SKIPPED_EXTENSIONS`]). Anything else is read and detection decides; a
//!   binary file that slips through is reported as binary, not read;
//! - symbolic links to directories are not followed (no cycles); symbolic
//!   links to files are read.
//!
//! A directory that cannot be listed is an error item and the walk goes on.
//! It does not open files.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{Error, Origin};

/// Extensions (lowercase, without the dot) of files a directory walk skips.
pub const SKIPPED_EXTENSIONS: &[&str] = &[
    // images
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "tif", "tiff", "svg", "avif", "heic", "psd",
    // audio and video
    "mp3", "mp4", "m4a", "m4v", "wav", "ogg", "oga", "ogv", "opus", "flac", "webm", "avi", "mov",
    "mkv", // fonts
    "woff", "woff2", "ttf", "otf", "eot", // archives that are not gzip
    "zip", "tar", "tgz", "7z", "rar", "bz2", "xz", "zst", "lz4",
    // documents that need their own readers
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "epub",
    // code and binaries
    "css", "js", "mjs", "map", "wasm", "exe", "dll", "so", "dylib", "o", "a", "class", "jar", "pyc",
    // databases (dateline's own store may sit next to its inputs)
    "db", "sqlite", "sqlite3", "db-wal", "db-shm",
];

/// Whether a walk skips a file with this name.
pub(crate) fn skipped_by_name(name: &str) -> bool {
    if name.starts_with('.') {
        return true;
    }
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => {
            let ext = ext.to_ascii_lowercase();
            SKIPPED_EXTENSIONS.contains(&ext.as_str())
        }
        _ => false,
    }
}

/// A lazy, sorted, depth-first walk under one directory.
#[derive(Debug)]
pub(crate) struct Walk {
    /// Entries still to visit, the next one last.
    stack: Vec<PathBuf>,
    /// The root itself, listed on the first call.
    root: Option<PathBuf>,
}

impl Walk {
    pub(crate) fn new(root: PathBuf) -> Walk {
        Walk {
            stack: Vec::new(),
            root: Some(root),
        }
    }

    /// Pushes the sorted children of `dir` (next one on top).
    fn list(&mut self, dir: &Path) -> Result<(), Error> {
        let entries = fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
        let mut children: Vec<(OsString, PathBuf)> = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| io_error(dir, e))?;
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            children.push((name, entry.path()));
        }
        children.sort_by(|a, b| a.0.cmp(&b.0));
        self.stack
            .extend(children.into_iter().rev().map(|(_, path)| path));
        Ok(())
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(root) = self.root.take()
            && let Err(e) = self.list(&root)
        {
            return Some(Err(e));
        }
        while let Some(path) = self.stack.pop() {
            // `symlink_metadata` so that links to directories are not followed.
            let meta = match fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) => return Some(Err(io_error(&path, e))),
            };
            if meta.is_dir() {
                if let Err(e) = self.list(&path) {
                    return Some(Err(e));
                }
                continue;
            }
            if meta.file_type().is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                continue;
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            if skipped_by_name(&name) {
                continue;
            }
            return Some(Ok(path));
        }
        None
    }
}

fn io_error(path: &Path, err: std::io::Error) -> Error {
    Error::new(
        Origin {
            path: path.display().to_string(),
            ..Origin::default()
        },
        err.into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_depth_first_skipping_hidden_and_media() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for file in [
            "b.txt",
            "a/2.html",
            "a/10.html",
            "a/.draft.txt",
            ".git/HEAD",
            "c/photo.JPG",
            "c/cc.warc.gz",
            "c/d/e.jsonl",
            "A.txt",
            "index.json",
            "README",
        ] {
            let path = root.join(file);
            fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
            fs::write(&path, "x").expect("write");
        }
        let walked: Vec<String> = Walk::new(root.to_path_buf())
            .map(|p| {
                p.expect("readable")
                    .strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            walked,
            [
                "A.txt",
                "README",
                "a/10.html",
                "a/2.html",
                "b.txt",
                "c/cc.warc.gz",
                "c/d/e.jsonl",
                "index.json"
            ]
        );
    }

    #[test]
    fn unlistable_root_is_an_error_item() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut walk = Walk::new(dir.path().join("missing"));
        let first = walk.next().expect("one item");
        assert!(first.is_err());
        assert!(walk.next().is_none());
    }

    #[test]
    fn skip_rules() {
        assert!(skipped_by_name(".hidden.html"));
        assert!(skipped_by_name("logo.PNG"));
        assert!(skipped_by_name("dateline.db"));
        assert!(!skipped_by_name("page.html.gz"));
        assert!(!skipped_by_name("cc.warc.gz"));
        assert!(!skipped_by_name("index.json"));
        assert!(!skipped_by_name("png"));
    }
}
