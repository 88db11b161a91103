#!/usr/bin/env bash
# Fuzz/run.sh NAME SECONDS [libFuzzer options...]
# Runs the fuzz target for NAME (rdfxml, ntriples or dataset) for SECONDS on the committed corpus
# (Tests/FuzzCorpus/NAME) and the crashers found before (Tests/FuzzCorpus/crashers/NAME). New
# inputs go to .build-fuzz/work/NAME/new, crashing inputs to .build-fuzz/work/NAME/artifacts, so
# the committed corpus changes only through Fuzz/merge.sh. Build first: make fuzz-build.
# Prints one summary line; on a crash, the end of libFuzzer's log, and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
seconds=$2
shift 2
case "$name" in
  rdfxml) target=FuzzRDFXML ;;
  ntriples) target=FuzzNTriples ;;
  dataset) target=FuzzDataset ;;
  *) echo "unknown fuzz target '$name' (rdfxml, ntriples, dataset)" >&2; exit 2 ;;
esac
binary=.build-fuzz/release/$target
[ -x "$binary" ] || { echo "$binary is missing: run make fuzz-build" >&2; exit 2; }
work=.build-fuzz/work/$name
mkdir -p "$work/new" "$work/artifacts" "Tests/FuzzCorpus/crashers/$name"
log=$work/last.log
status=0
"$binary" "$work/new" "Tests/FuzzCorpus/$name" "Tests/FuzzCorpus/crashers/$name" \
  -dict="Fuzz/$name.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@" > "$log" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
if [ "$status" -ne 0 ]; then
  echo "fuzz $name: FAILED after ${runs:-?} executions (exit $status); log: $log" >&2
  grep -E "Fatal error|ERROR: |SUMMARY|Test unit written|deadly signal|timeout" "$log" | head -20 >&2 || true
  exit 1
fi
echo "fuzz $name: ${seconds} s, ${runs:-?} executions (${rate:-?}/s), no crash, leak or timeout"
