#!/usr/bin/env bash
# The competency questions are answered by a real triple store: an Oxigraph server (the
# `oxigraph` CLI from PyPI, which the Makefile installs) loads Exports/nato-sg-2024.rdf and runs
# every Ontology/queries/*.rq; each answer must equal the .csv beside the query.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cd "$root" || exit 1

if ! command -v oxigraph > /dev/null 2>&1; then
  echo "the oxigraph CLI is missing (pip install oxigraph; 'make test' installs it)"
  echo "competency queries: 0 passed, 1 failed"
  exit 1
fi

# The server is stopped before lib.sh's scratch folder goes; this trap replaces lib.sh's.
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2> /dev/null
    wait "$server" 2> /dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
endpoint="http://127.0.0.1:$port"
oxigraph serve --location "$tmp/store" --bind "127.0.0.1:$port" > "$tmp/server.log" 2>&1 &
server=$!

# Wait (at most 30 s) until the server answers.
ready=no
for _ in $(seq 1 150); do
  if ! kill -0 "$server" 2> /dev/null; then break; fi
  if "$PYTHON" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + '/query?query=ASK%7B%7D', timeout=1)" "$endpoint" 2> /dev/null; then
    ready=yes
    break
  fi
  sleep 0.2
done
if [ "$ready" != yes ]; then
  echo "the Oxigraph server did not start:"
  sed 's/^/     /' "$tmp/server.log"
  echo "competency queries: 0 passed, 1 failed"
  exit 1
fi

"$PYTHON" "$here/competency.py" "$endpoint" Exports/nato-sg-2024.rdf Ontology/queries
