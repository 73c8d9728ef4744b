#!/usr/bin/env bash
# `make run`: start gaveld, issue demo tokens on the first start, print the URLs, stay in the
# foreground. Usage: deploy/demo.sh BIN CONFIG LISTEN DATA
#
# Tokens are secrets: they live in DATA/demo-tokens.txt (mode 600; DATA is never in git) and go
# in URL fragments (#token=…), which browsers never send to a server or write to access logs.
set -euo pipefail

BIN=${1:?usage: demo.sh BIN CONFIG LISTEN DATA}
CONFIG=${2:?usage: demo.sh BIN CONFIG LISTEN DATA}
LISTEN=${3:?usage: demo.sh BIN CONFIG LISTEN DATA}
DATA=${4:?usage: demo.sh BIN CONFIG LISTEN DATA}
COMMITTEE=unsc
TOKENS="$DATA/demo-tokens.txt"

for exe in gaveld gavel; do
  [ -x "$BIN/$exe" ] || { echo "demo: $BIN/$exe is missing — build it first (make release)" >&2; exit 2; }
done
mkdir -p "$DATA"

# Tokens from an earlier run are only good for the committee file they were issued into.
fresh_committee=0
[ -f "$DATA/$COMMITTEE.gavel" ] || fresh_committee=1

# gaveld's stdout goes through a FIFO so that the ready line can be awaited; stderr (its log)
# stays on the terminal.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkfifo "$work/stdout"
"$BIN/gaveld" --config "$CONFIG" --listen "$LISTEN" --data "$DATA" >"$work/stdout" &
pid=$!
exec 3<"$work/stdout"

# Forward a stop request. SIGTERM for both: bash starts background jobs with SIGINT ignored, and
# gaveld treats the two alike (finish in-flight commands, close, exit 0).
stop() { kill -TERM "$pid" 2>/dev/null || true; }
trap stop INT TERM

if ! IFS= read -r -t 120 ready <&3; then
  stop
  status=0
  wait "$pid" || status=$?
  echo "demo: gaveld did not become ready (exit $status); its error is above" >&2
  exit $(( status == 0 ? 1 : status ))
fi
cat <&3 &  # anything gaveld prints later

base=${ready#gaveld listening on }
# A wildcard address is not something to click on.
base=${base/\/\/0.0.0.0:/\/\/127.0.0.1:}
base=${base/\/\/\[::\]:/\/\/[::1]:}

# Seats that get a delegate terminal: the committee's members and participants, in file order.
seats() {
  /usr/bin/python3 - "$CONFIG" "$COMMITTEE" <<'PY'
import os, sys, tomllib
config, wanted = sys.argv[1], sys.argv[2]
with open(config, "rb") as f:
    cfg = tomllib.load(f)
for rel in cfg.get("committees", []):
    path = os.path.join(os.path.dirname(config), rel)
    with open(path, "rb") as f:
        c = tomllib.load(f)
    if c.get("id") != wanted:
        continue
    for s in c.get("seats", []):
        if s.get("kind", "member") in ("member", "participant"):
            print(f'{s["code"]}\t{s["name"]}')
PY
}

issue() {  # ROLE [SEAT] → the token on stdout, or nothing
  local args=(token issue --data "$DATA" --committee "$COMMITTEE" --role "$1")
  [ $# -ge 2 ] && args+=(--seat "$2" --label "demo $2")
  local token
  token=$("$BIN/gavel" "${args[@]}" 2>"$work/gavel.err") || return 1
  # protocol.md §1: the token alone on one line. Anything else is not a token.
  [[ "$token" =~ ^[A-Za-z0-9._~-]{16,}$ ]] || return 1
  printf '%s' "$token"
}

if [ ! -s "$TOKENS" ] || [ "$fresh_committee" = 1 ]; then
  (
    umask 077
    for role in chair display auditor; do
      token=$(issue "$role") || exit 1
      printf '%s\t-\t%s\t%s\n' "$role" "$token" "$role"
    done
    while IFS=$'\t' read -r code name; do
      token=$(issue delegate "$code") || exit 1
      printf 'delegate\t%s\t%s\t%s\n' "$code" "$token" "$name"
    done < <(seats)
  ) >"$work/tokens" && mv "$work/tokens" "$TOKENS" || {
    echo "demo: could not issue demo tokens with $BIN/gavel: $(head -c 300 "$work/gavel.err" 2>/dev/null)" >&2
    echo "demo: gaveld is running anyway; issue tokens by hand (README.md), Ctrl-C stops it" >&2
    rm -f "$work/tokens"
  }
fi
chmod 600 "$TOKENS" 2>/dev/null || true

echo "$ready"
if [ -s "$TOKENS" ]; then
  echo
  echo "Security Council demo (committee '$COMMITTEE'); tokens are kept in $TOKENS"
  while IFS=$'\t' read -r role seat token name; do
    case "$role" in
      chair) printf '  %-30.30s %s/chair#token=%s&committee=%s\n' "Chair console" "$base" "$token" "$COMMITTEE" ;;
      display) printf '  %-30.30s %s/display#token=%s&committee=%s\n' "Display (projector)" "$base" "$token" "$COMMITTEE" ;;
      delegate) printf '  %-30.30s %s/delegate#token=%s&committee=%s\n' "$seat $name" "$base" "$token" "$COMMITTEE" ;;
    esac
  done <"$TOKENS"
  auditor=$(awk -F'\t' '$1 == "auditor" { print $3 }' "$TOKENS")
  echo "  Auditor token (read-only clients): $auditor"
fi
echo
echo "Health: $base/healthz · Ctrl-C stops gaveld"

status=0
while :; do
  wait "$pid" && status=0 || status=$?
  kill -0 "$pid" 2>/dev/null || break  # wait returned for a trapped signal: keep waiting
done
exit "$status"
