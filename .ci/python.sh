#!/usr/bin/env bash
# The Python package and the Spark job (issue 7): builds the CLI and the
# `dateline` wheel, then runs the package's tests (same results as the CLI)
# and the Spark job in local[2] on WARC files made from the bundled corpus,
# checked against the CLI's output (jobs/test_spark_timeline.py).
#
# Needs python3 (≥ 3.9, with venv) and Java 17 for Spark. The venv is
# `.venv` at the repository root (gitignored; $DATELINE_VENV overrides) and
# is reused, so pyspark (~450 MB) is downloaded once per machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

venv=${DATELINE_VENV:-$root/.venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  'maturin>=1.9,<2' 'pyspark>=3.5' 'pyarrow>=14' 'pandas>=2.2,<3' pytest

target=${CARGO_TARGET_DIR:-$root/target}
cargo build --release --locked --bin dateline
VIRTUAL_ENV=$venv PATH="$venv/bin:$PATH" \
  maturin develop --release --locked -m crates/py/Cargo.toml

export DATELINE_BIN=$target/release/dateline
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON=$venv/bin/python
"$venv/bin/python" -m pytest -p no:cacheprovider --rootdir "$root" \
  crates/py/tests jobs/test_spark_timeline.py
