//! The bundled corpus (`corpus/` in the repository), compiled in so that
//! `dateline run` works out of the box from any directory, and so that the
//! server's demo and the tests ingest exactly what the CLI does.
//!
//! Two seed files carry no year in their text; their publication dates come
//! from `corpus/SOURCES.md` and are given here as the records' dates, as a
//! feed or a JSONL record would give them.

use dateline_ingest::{FormatChoice, Record};

/// One bundled file.
#[derive(Clone, Copy, Debug)]
pub struct BundledFile {
    /// The file's place in the repository, shown as the document's source.
    pub path: &'static str,
    /// Its content.
    pub bytes: &'static [u8],
    /// Its publication date when the file itself cannot tell it.
    pub published: Option<&'static str>,
}

macro_rules! bundle {
    ($path:literal, $published:expr) => {
        BundledFile {
            path: concat!("corpus/", $path),
            bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/", $path)),
            published: $published,
        }
    };
}

/// Every file `dateline run` ingests by default.
pub const FILES: &[BundledFile] = &[
    bundle!("seeds/000_1403c7a8f878f38f.txt", Some("2015-11-17")),
    bundle!("seeds/004_f4b8cc9cb900e3e2.txt", Some("2016-07-06")),
    bundle!(
        "voa/2016-02-21-kerry-syrian-cease-fire-agreement-near-voice-of-america.txt",
        None
    ),
    bundle!("wcep.jsonl", None),
];

/// The records of the bundled corpus, in order, as ingest reads them.
pub fn records() -> impl Iterator<Item = dateline_ingest::Result<Record>> {
    FILES.iter().flat_map(|file| {
        dateline_ingest::read_stream(
            file.path,
            std::io::Cursor::new(file.bytes),
            FormatChoice::Auto,
        )
        .map(move |record| {
            record.map(|mut record| {
                if record.published.is_none() {
                    record.published = file.published.map(str::to_owned);
                }
                record
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    #[test]
    fn every_file_of_the_corpus_folder_is_compiled_in() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut on_disk = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.file_name().is_some_and(|n| n != "SOURCES.md") {
                    let relative = path.strip_prefix(&root).unwrap_or(Path::new(""));
                    on_disk.push(format!("corpus/{}", relative.display()));
                }
            }
        }
        on_disk.sort();
        let mut bundled: Vec<String> = FILES.iter().map(|f| f.path.to_owned()).collect();
        bundled.sort();
        assert_eq!(bundled, on_disk);
    }

    #[test]
    fn every_bundled_record_is_read_and_the_seeds_are_dated() {
        let read: Vec<Record> = records().filter_map(Result::ok).collect();
        assert_eq!(read.len(), records().count(), "no bundled record fails");
        assert!(read.len() > 50);
        let seed = read
            .iter()
            .find(|r| r.origin.path.contains("004_f4b8"))
            .map(|r| r.published.as_deref());
        assert_eq!(seed, Some(Some("2016-07-06")));
    }
}
