"""What the package tests and the Spark job's test share: where the
repository and the CLI binary are."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli_binary() -> Path:
    """The ``dateline`` binary: ``$DATELINE_BIN``, else
    ``$CARGO_TARGET_DIR/release/dateline``, else ``target/release/dateline``."""
    candidates = [os.environ.get("DATELINE_BIN")]
    if os.environ.get("CARGO_TARGET_DIR"):
        candidates.append(str(Path(os.environ["CARGO_TARGET_DIR"]) / "release" / "dateline"))
    candidates.append(str(ROOT / "target" / "release" / "dateline"))
    for candidate in filter(None, candidates):
        if Path(candidate).is_file():
            return Path(candidate)
    raise FileNotFoundError(f"no dateline binary among {candidates}; build it first")
