//! The bundled corpus (`corpus/` in the repository), compiled into the binary
//! so that `dateline run` works out of the box from any directory.

macro_rules! bundle {
    ($path:literal) => {
        (
            concat!("corpus/", $path),
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/", $path)),
        )
    };
}

/// `(path, bytes)` of every file `dateline run` ingests by default; the path
/// is the file's place in the repository, shown as the document's source.
pub(crate) const FILES: &[(&str, &[u8])] = &[
    bundle!("seeds/000_1403c7a8f878f38f.txt"),
    bundle!("seeds/004_f4b8cc9cb900e3e2.txt"),
    bundle!("voa/2016-02-21-kerry-syrian-cease-fire-agreement-near-voice-of-america.txt"),
    bundle!("wcep.jsonl"),
];
