# Starting, measuring and stopping one server under test. Sourced by run.sh.
# Every server prints "… listening on http://HOST:PORT" when ready (gaveld's contract, copied by
# the peers); it runs pinned to $SRV_CPU while the generator runs pinned to $GEN_CPU.

# start_server LABEL CMD ARGS… — sets SPID and SPORT.
start_server() {
  local label=$1 i; shift
  : > "$B/$label.log"
  taskset -c "$SRV_CPU" "$@" > "$B/$label.log" 2> "$B/$label.err" &
  SPID=$!
  for i in $(seq 600); do
    grep -q "listening on http://" "$B/$label.log" && break
    if ! kill -0 "$SPID" 2>/dev/null; then
      echo "$label failed to start: $(tail -3 "$B/$label.err")" >&2
      return 1
    fi
    sleep 0.1
  done
  SPORT=$(sed -n 's|.*listening on http://[^ ]*:\([0-9][0-9]*\).*|\1|p' "$B/$label.log" | head -1)
  [ -n "$SPORT" ] || { echo "$label never said it was listening" >&2; return 1; }
}

stop_server() {
  kill -TERM "$SPID" 2>/dev/null || true
  wait "$SPID" 2>/dev/null || true
}

# measure LABEL N SCENARIOS [gavel-load options…] — runs the generator against the running
# server and appends its JSON lines, tagged with the server's label (unless the generator named
# the server itself: the peer of a paired run), to $RESULTS.
measure() {
  local label=$1 n=$2 scen=$3; shift 3
  echo "  $label N=$n: $scen" >&2
  taskset -c "$GEN_CPU" "$B/gavel-load" --port "$SPORT" --server-pid "$SPID" --n "$n" \
    --scenarios "$scen" --repeat "$REPEAT" --cap "$CAP" --rollcall-cap "$RC_CAP" "$@" 2> "$B/load-$label-$n.err" |
    sed -e "/^{\"server\"/!s/^{/{\"server\":\"$label\",/" -e "s/^{/{${TRIAL_TAG:-}/" >> "$RESULTS" || true
  if grep -q . "$B/load-$label-$n.err"; then sed 's/^/    /' "$B/load-$label-$n.err" | head -5 >&2; fi
}

# The peers' fan-out commands carry what gaveld's two fan-out events carry as data
# (speakerRecognised, speechEnded). A peer's event echoes a command's args as its data and in its
# patch, so its frames come out about the size of gaveld's (bytes/delivery in the raw figures).
PEER_FANOUT='speakers.next {"at":1796011511000,"list":"gsl","seat":"S0004","timeMs":90000};speaker.end {"at":1796011511059,"reason":"chair","seat":"S0001","usedMs":7}'

# The three peers: same generator, same message pattern, nothing persisted.
run_peer() {
  local label=$1 n=$2 scen=$3
  case $label in
    lws) start_server lws "$B/relay-lws" 0 ;;
    node) NODE_PATH=/usr/share/nodejs start_server node node Benchmarks/peers/relay-node.js 0 ;;
    python) start_server python /usr/bin/python3 Benchmarks/peers/relay-python.py 0 ;;
  esac || return 0
  measure "$label" "$n" "$scen" --mode relay --fanout "$PEER_FANOUT"
  stop_server
}

# paired_fanout N ROUNDS disk|tmpfs — gaveld and the raw lws relay up at once, both pinned to the
# servers' CPU; one generator holds N + 1 connections to each and alternates their fan-out rounds
# (ROUNDS each). Rows: scenario "fanout-paired", one per server.
paired_fanout() {
  local n=$1 rounds=$2 storage=$3 saved=$REPEAT pair_pid pair_port
  start_server lws-paired "$B/relay-lws" 0 || return 0
  pair_pid=$SPID pair_port=$SPORT
  REPEAT=$rounds
  gaveld_run "gaveld-$storage" "$n" fanout-paired "$storage" --pair-port "$pair_port" --pair-pid "$pair_pid" \
    --pair-label lws --pair-fanout "$PEER_FANOUT"
  REPEAT=$saved
  SPID=$pair_pid
  stop_server
}
