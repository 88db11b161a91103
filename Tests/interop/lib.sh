# Sourced by check scripts after they set `here` (their folder): the root, the kgexport under
# test (absolute), PASS/FAIL counters, and a scratch folder `$tmp` removed on exit.
root=$(cd "$here/../.." && pwd)
kgexport=${KGEXPORT:-.build/release/kgexport}
case "$kgexport" in /*) ;; *) kgexport="$PWD/$kgexport" ;; esac
PYTHON=${PYTHON:-python3}

passed=0
failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# require_kgexport SUMMARY: ends the check as one failure, counted under SUMMARY, when kgexport
# is not built.
require_kgexport() {
  if [ ! -x "$kgexport" ]; then
    echo "kgexport not found at $kgexport (set KGEXPORT)"
    echo "$1: 0 passed, 1 failed"
    exit 1
  fi
}
