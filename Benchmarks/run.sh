#!/usr/bin/env bash
# make bench (full) / make bench-quick (quick): gaveld and three peer relays measured side by
# side in one run, with one generator (.build-bench/gavel-load) and one message pattern; prints
# the table of ratios (gaveld ÷ peer) and writes docs/benchmarks.md with the raw figures.
# Usage: bash Benchmarks/run.sh full|quick   (after `swift build -c release`)
set -euo pipefail
MODE=${1:-quick}
cd "$(dirname "$0")/.."
B=.build-bench
BIN=${BIN:-.build/release}
# shellcheck source=/dev/null
for f in deps servers gaveld; do source "Benchmarks/lib/$f.sh"; done

# Sizes (N) per scenario, fan-out rounds, the time cap of one phase and the store's log size.
# Each can be overridden from the environment (e.g. SIZES="100" SERVERS="lws node").
case $MODE in
  quick) d_sizes="100 1000"; d_rc="100 193"; d_repeat=20; d_cap=8; d_rc_cap=30; d_store=50000; d_commits=200; d_floor=5; d_trials=3; d_paired=50 ;;
  full) d_sizes="100 1000 5000"; d_rc="100 193 1000"; d_repeat=100; d_cap=60; d_rc_cap=120; d_store=1000000; d_commits=1000; d_floor=20; d_trials=5; d_paired=200 ;;
  *) echo "usage: $0 full|quick" >&2; exit 2 ;;
esac
SIZES=${SIZES:-$d_sizes}; ROLLCALL_SIZES=${ROLLCALL_SIZES-$d_rc}; REPEAT=${REPEAT:-$d_repeat}
CAP=${CAP:-$d_cap}; RC_CAP=${RC_CAP:-$d_rc_cap}; STORE_EVENTS=${STORE_EVENTS:-$d_store}; STORE_COMMITS=${STORE_COMMITS:-$d_commits}
FLOOR_ROLLCALLS=${FLOOR_ROLLCALLS:-$d_floor}; PAIRED_TRIALS=${PAIRED_TRIALS:-$d_trials}
PAIRED_REPEAT=${PAIRED_REPEAT:-$d_paired}
SERVERS=${SERVERS:-"lws node python gaveld-disk gaveld-tmpfs"}

bench_deps
bench_compile

# A server left running by a failed step would idle on the servers' CPU through later runs.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

# One process holds one socket per client (the generator N+1, the server N+1 plus its files).
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(nproc)" -ge 2 ]; then GEN_CPU=0; SRV_CPU=1; else GEN_CPU=0; SRV_CPU=0; fi

RESULTS=$B/results-$MODE.jsonl
MACHINE=$B/machine-$MODE.json
: > "$RESULTS"
started=$(date +%s)

/usr/bin/python3 Benchmarks/machine.py "$MODE" "$GEN_CPU" "$SRV_CPU" "$BIN" > "$MACHINE"
echo "Gavel benchmarks ($MODE): generator on CPU $GEN_CPU, servers on CPU $SRV_CPU"

if ! [ -x "$BIN/gaveld" ]; then
  echo "  $BIN/gaveld is missing: run swift build -c release (measuring the peers only)" >&2
  SERVERS=${SERVERS//gaveld-disk/}; SERVERS=${SERVERS//gaveld-tmpfs/}
fi

for n in $(printf '%s\n' $SIZES $ROLLCALL_SIZES | sort -n | uniq); do
  scen=""
  [[ " $SIZES " == *" $n "* ]] && scen="idle,fanout"
  [[ " $ROLLCALL_SIZES " == *" $n "* ]] && scen="${scen:+$scen,}rollcall"
  [[ " $SIZES " == *" $n "* ]] && scen="$scen,burst"
  for s in $SERVERS; do
    case $s in
      gaveld-disk) gaveld_run "$s" "$n" "$scen" disk ;;
      gaveld-tmpfs) gaveld_run "$s" "$n" "$scen" tmpfs ;;
      *) run_peer "$s" "$n" "$scen" ;;
    esac
  done
done

# Fan-out latency swings with short slow spells of a shared machine, which can fall on one
# server's phase and not the other's. For the fan-out target (N = 1,000) gaveld and the raw relay
# run side by side, their rounds alternating, PAIRED_TRIALS times for each of gaveld's storages
# (method.md); the target reads the disk's.
if [[ " $SIZES " == *" 1000 "* && " $SERVERS " == *" lws "* ]]; then
  for t in $(seq 1 "$PAIRED_TRIALS"); do
    for storage in disk tmpfs; do
      [[ " $SERVERS " == *" gaveld-$storage "* ]] || continue
      export TRIAL_TAG="\"trial\":$t,\"gaveld\":\"gaveld-$storage\","
      paired_fanout 1000 "$PAIRED_REPEAT" "$storage"
      unset TRIAL_TAG
    done
  done
fi

if [ -x "$BIN/gavel-bench-store" ]; then
  echo "  store: appends, replay and start with $STORE_EVENTS events" >&2
  rm -rf "$B/store"; mkdir -p "$B/store"
  taskset -c "$SRV_CPU" "$BIN/gavel-bench-store" --dir "$B/store" --events "$STORE_EVENTS" --commits "$STORE_COMMITS" |
    sed 's/^{/{"server":"store",/' >> "$RESULTS" || echo "  store benchmark failed" >&2
  rm -rf "$B/store"
fi

if [ -x "$BIN/gavel-bench-audit" ]; then
  echo "  audit: verify, record and export of a $STORE_EVENTS-event log" >&2
  rm -rf "$B/audit"; mkdir -p "$B/audit"
  taskset -c "$SRV_CPU" "$BIN/gavel-bench-audit" --dir "$B/audit" --events "$STORE_EVENTS" |
    sed 's/^{/{"server":"store",/' >> "$RESULTS" || echo "  audit benchmark failed" >&2
  rm -rf "$B/audit"
fi

if [ -x "$BIN/gavel-bench-floor" ]; then
  echo "  floor: $FLOOR_ROLLCALLS roll calls of 193 seats through the Floor, without the network" >&2
  rm -rf "$B/floor"; mkdir -p "$B/floor"
  taskset -c "$SRV_CPU" "$BIN/gavel-bench-floor" --dir "$B/floor" --seats 193 --rollcalls "$FLOOR_ROLLCALLS" |
    sed 's/^{/{"server":"floor",/' >> "$RESULTS" || echo "  floor benchmark failed" >&2
  rm -rf "$B/floor"
fi

echo "Finished in $(( $(date +%s) - started )) s."
/usr/bin/python3 Benchmarks/report.py --mode "$MODE" --results "$RESULTS" --machine "$MACHINE" \
  --out docs/benchmarks.md
