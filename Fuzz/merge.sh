#!/usr/bin/env bash
# Fuzz/merge.sh NAME: folds the inputs of long runs (.build-fuzz/work/NAME/new) into the committed
# corpus Tests/FuzzCorpus/NAME, keeping a small set of inputs that covers every edge covered so far
# (libFuzzer -set_cover_merge=1 on edge coverage: a few hundred files, not thousands).
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1
case "$name" in
  rdfxml) target=FuzzRDFXML ;;
  ntriples) target=FuzzNTriples ;;
  dataset) target=FuzzDataset ;;
  *) echo "unknown fuzz target '$name'" >&2; exit 2 ;;
esac
merged=$(mktemp -d)
trap 'rm -rf "$merged"' EXIT
".build-fuzz/release/$target" -set_cover_merge=1 -use_counters=0 "$merged" "Tests/FuzzCorpus/$name" ".build-fuzz/work/$name/new" > ".build-fuzz/work/$name/merge.log" 2>&1
rm -rf "Tests/FuzzCorpus/$name"
mkdir -p "Tests/FuzzCorpus/$name"
cp "$merged"/* "Tests/FuzzCorpus/$name/"
echo "fuzz $name: corpus merged to $(ls "Tests/FuzzCorpus/$name" | wc -l) files, $(du -sk "Tests/FuzzCorpus/$name" | cut -f1) KB"
