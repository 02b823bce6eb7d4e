#!/usr/bin/env bash
# Spark job vs CLI on the same WARC files (issue 7): per-core throughput and
# the local[1] → local[2] speed-up. Run by hand after `.ci/python.sh` (which
# builds the CLI and installs the `dateline` module and pyspark into .venv):
#
#   scripts/bench_spark.sh            # 4 WARC files, 91 pages × REPEAT copies
#   REPEAT=40 FILES=4 scripts/bench_spark.sh
#
# Pages: the 91 HTML pages of ../shared/data/extraction (HTML_DIR overrides)
# plus the bundled corpus, each copy with a distinct added paragraph. The
# CLI runs with --threads 1 and 2; Spark runs stage 1 only (read, extract,
# annotate, write the documents table), timed inside the job
# (`stage1_seconds`, excluding JVM start-up), as wall time, and as CPU time
# of the whole process tree (fair on a machine shared with other work).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=${DATELINE_VENV:-$root/.venv}
py=$venv/bin/python
bin=${DATELINE_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/dateline}
html=${HTML_DIR:-$root/../shared/data/extraction/html}
repeat=${REPEAT:-24}
files=${FILES:-4}
work=${BENCH_DIR:-$(mktemp -d /tmp/dateline-bench-spark.XXXX)}
mkdir -p "$work"

per_file=$(( (repeat + files - 1) / files ))
: > "$work/paths.txt"
for i in $(seq 0 $((files - 1))); do
  "$py" jobs/make_test_warc.py "$work/part-$i.warc.gz" --gzip --html-dir "$html" \
    --repeat "$per_file" --first-copy $((i * per_file)) >/dev/null
  echo "$work/part-$i.warc.gz" >> "$work/paths.txt"
done
mapfile -t warcs < "$work/paths.txt"
du -ch "${warcs[@]}" | tail -1

# Runs a command, its output to $1; prints "WALL CPU" seconds (CPU = user +
# sys of the command and every descendant it waited for: the JVM and its
# Python workers too). CPU time is the fair measure on a shared machine.
measure() {
  "$py" -c '
import resource, subprocess, sys, time
start = time.perf_counter()
with open(sys.argv[1], "w") as out:
    code = subprocess.run(sys.argv[2:], stdout=out, stderr=open(sys.argv[1] + ".log", "w")).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{time.perf_counter() - start:.2f} {usage.ru_utime + usage.ru_stime:.2f}")
sys.exit(0 if code in (0, 1) else code)' "$@"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in 1 2; do
  read -r wall cpu < <(measure "$work/cli.jsonl" "$bin" annotate --threads "$threads" "${warcs[@]}")
  docs=$(wc -l < "$work/cli.jsonl")
  awk -v w="$wall" -v c="$cpu" -v n="$docs" -v t="$threads" 'BEGIN {
    printf "cli   --threads %d: %d docs, wall %.1f s (%.1f docs/s), CPU %.1f s (%.1f docs per CPU-second)\n",
      t, n, w, n / w, c, n / c }'
done

# The same work through the Python module in one process, without Spark.
"$py" - "${warcs[@]}" <<'EOF'
import resource, sys, time
import dateline
dateline.annotate("The truce held.")  # the dictionaries, compiled before timing
start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
n = sum(dateline.annotate_batch(b).num_rows
        for path in sys.argv[1:] for b in dateline.read_warc_batches(path))
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
wall = time.perf_counter() - start
print(f"python annotate_batch, one process: {n} records, wall {wall:.1f} s "
      f"({n / wall:.1f} records/s), CPU {cpu:.1f} s ({n / cpu:.1f} per CPU-second)")
EOF

export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=$py PYSPARK_DRIVER_PYTHON=$py
for cores in 1 2; do
  read -r wall cpu < <(measure "$work/report-$cores.json" "$venv/bin/spark-submit" \
    --master "local[$cores]" --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=4 \
    --driver-memory 4g jobs/spark_timeline.py "$work/paths.txt" "$work/out-$cores" --stage1-only)
  "$py" - "$work/report-$cores.json" "$wall" "$cpu" "$cores" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
report = json.loads(text[text.index("{"):])
wall, cpu, cores = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
n, t = report["records_read"], report["stage1_seconds"]
print(f"spark local[{cores}]: {n} records, stage 1 {t:.1f} s ({n / t:.1f} records/s), "
      f"wall {wall:.1f} s, CPU {cpu:.1f} s for the whole run ({n / cpu:.1f} records per "
      f"CPU-second); failed {report['records_failed']}, skipped {report['records_skipped']}")
EOF
  # Per-file task times of stage 1 (the first task of each Python worker
  # also pays the worker's start-up and the JVM's warm-up).
  grep -oE 'Finished task [0-9.]+ in stage 0\.0 \(TID [0-9]+\) in [0-9]+ ms' "$work/report-$cores.json.log" |
    awk '{ printf "%s%.1fs", (NR > 1 ? ", " : "  task times: "), $(NF - 1) / 1000 } END { print "" }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "work dir: $work"
