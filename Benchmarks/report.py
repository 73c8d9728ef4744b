"""Turns one run's raw figures (.build-bench/results-MODE.jsonl) into the table of ratios
(gaveld ÷ peer, per figure, per N), checks the targets of issue 9 and the store issue, prints
the table and writes docs/benchmarks.md (machine, method from Benchmarks/method.md, raw figures).
Every number in the document comes from that one run."""
import argparse
import json
import os

PEERS = ["lws", "node", "python"]
GAVELDS = ["gaveld-disk", "gaveld-tmpfs"]
NAMES = {"lws": "raw lws", "node": "Node ws", "python": "Python websockets",
         "gaveld-disk": "gaveld (disk)", "gaveld-tmpfs": "gaveld (tmpfs)"}

# (label, scenario, path into the result, better)
FIGURES = [
    ("burst deliveries/s", "burst", ("deliveries_per_s",), "higher"),
    ("burst durable commands acked/s", "burst", ("acks_per_s",), "higher"),
    ("burst server CPU ms / 1,000 deliveries", "burst", ("server_cpu_ms_per_1k",), "lower"),
    ("fan-out p50 µs", "fanout", ("fanout_us", "p50"), "lower"),
    ("fan-out p99 µs", "fanout", ("fanout_us", "p99"), "lower"),
    ("fan-out max µs", "fanout", ("fanout_us", "max"), "lower"),
    ("fan-out first delivery p50 µs", "fanout", ("first_us", "p50"), "lower"),
    ("fan-out deliveries/s", "fanout", ("deliveries_per_s",), "higher"),
    ("fan-out server CPU ms / 1,000 deliveries", "fanout", ("server_cpu_ms_per_1k",), "lower"),
    ("ack p50 µs (chair command)", "fanout", ("ack_us", "p50"), "lower"),
    ("ack p99 µs (chair command)", "fanout", ("ack_us", "p99"), "lower"),
    ("burst ack p99 µs", "burst", ("ack_us", "p99"), "lower"),
    ("burst fan-out p99 µs", "burst", ("fanout_us", "p99"), "lower"),
    ("roll call server CPU ms", "rollcall", ("server_cpu_s",), "lower"),
    ("roll call wall ms", "rollcall", ("wall_s",), "lower"),
    ("roll call deliveries/s", "rollcall", ("deliveries_per_s",), "higher"),
    ("RSS bytes per idle connection", "idle", ("rss_per_conn_bytes",), "lower"),
]
SECONDS = {"server_cpu_s", "wall_s"}  # shown in milliseconds


def load(path):
    """The rows by (server, N, scenario or figure). The paired fan-out's rows (scenario
    "fanout-paired", one per server per trial) are kept as a list in trial order under
    (server, N, "fanout-paired")."""
    rows = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                r = json.loads(line)
                if r.get("scenario") == "fanout-paired":
                    rows.setdefault((r.get("server"), r.get("n"), "fanout-paired"), []).append(r)
                    continue
                key = {"store": r.get("figure"), "floor": "rollcall"}.get(r.get("server"), r.get("scenario"))
                rows[(r.get("server"), r.get("n"), key)] = r
    return rows


def paired_trials(rows, gaveld="gaveld-disk", n=1000):
    """(trial, gaveld's row, the relay's row) for each paired trial of `gaveld` with the relay
    (both rows of a trial carry its number and which gaveld ran it)."""
    relay = {(r.get("trial"), r.get("gaveld")): r for r in rows.get(("lws", n, "fanout-paired"), [])}
    return [(r.get("trial"), r, relay[(r.get("trial"), gaveld)])
            for r in rows.get((gaveld, n, "fanout-paired"), []) if (r.get("trial"), gaveld) in relay]


def median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def value(r, path):
    v = r
    for k in path:
        if not isinstance(v, dict) or k not in v:
            return None
        v = v[k]
    if v is None or (isinstance(v, (int, float)) and v < 0):
        return None
    return v * 1000 if path[-1] in SECONDS else v


def mark(r):
    return ("†" if r.get("client_bound") else "") + ("‡" if r.get("capped") else "")


def first(r):
    """A row's first-delivery p50 (µs), or – for rows measured before the generator reported it."""
    v = r.get("first_us", {}).get("p50")
    return f"{v:,}" if v is not None else "–"


def fmt(v):
    if v is None:
        return "–"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.3g}" if abs(v) >= 1 else f"{v:.3f}"


def ratio(a, b):
    return None if a is None or not b else a / b


def sizes(rows, scenario):
    return sorted({n for (_, n, s) in rows if s == scenario and isinstance(n, int)})


def ratio_table(rows):
    head = ["figure (better)", "N"]
    for g in GAVELDS:
        head += [NAMES[g]] + [f"÷ {NAMES[p]}" for p in PEERS]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, scen, path, better in FIGURES:
        for n in sizes(rows, scen):
            cells = [f"{label} ({better})", f"{n:,}"]
            for g in GAVELDS:
                gr = rows.get((g, n, scen))
                gv = value(gr, path) if gr else None
                cells.append(fmt(gv) + (mark(gr) if gr else ""))
                for p in PEERS:
                    pr = rows.get((p, n, scen))
                    pv = value(pr, path) if pr else None
                    r = ratio(gv, pv)
                    cells.append(f"{r:.2f}×" if r is not None else "–")
            out.append("| " + " | ".join(cells) + " |")
    return out


def targets(rows):
    res = []

    def check(name, v, limit, op, partial=False):
        if v is None:
            res.append((name, "–", "not measured"))
            return
        if partial:  # a capped phase: its totals cover only the part that completed
            res.append((name, fmt(v) + "‡", "INCOMPLETE"))
            return
        ok = v >= limit if op == ">=" else v <= limit if op == "<=" else v < limit
        res.append((name, fmt(v), "PASS" if ok else "FAIL"))

    g = "gaveld-disk"
    for n in (1000, 5000):
        for peer, limit in (("lws", 0.8), ("node", 1.0), ("python", 1.2)):
            a, b = rows.get((g, n, "burst")), rows.get((peer, n, "burst"))
            r = ratio(value(a, ("deliveries_per_s",)), value(b, ("deliveries_per_s",))) if a and b else None
            check(f"burst deliveries/s N={n:,}, gaveld (disk) ÷ {NAMES[peer]} ≥ {limit}", r, limit, ">=")
        a, b = rows.get((g, n, "burst")), rows.get(("lws", n, "burst"))
        r = ratio(value(a, ("server_cpu_ms_per_1k",)), value(b, ("server_cpu_ms_per_1k",))) if a and b else None
        check(f"server CPU per 1,000 deliveries N={n:,}, ÷ raw lws ≤ 1.25", r, 1.25, "<=")
    paired = paired_trials(rows)
    if paired:  # gaveld and the relay side by side, rounds alternating: the median trial's ratio
        r = median(ratio(value(a, ("fanout_us", "p99")), value(b, ("fanout_us", "p99"))) for _, a, b in paired)
        check(f"fan-out p99 N=1,000, gaveld (disk) and raw lws side by side (median of {len(paired)} trials), "
              "÷ raw lws ≤ 1.3", r, 1.3, "<=", partial=any(a.get("capped") or b.get("capped") for _, a, b in paired))
    else:
        a, b = rows.get((g, 1000, "fanout")), rows.get(("lws", 1000, "fanout"))
        r = ratio(value(a, ("fanout_us", "p99")), value(b, ("fanout_us", "p99"))) if a and b else None
        check("fan-out p99 N=1,000, ÷ raw lws ≤ 1.3", r, 1.3, "<=")
    a, b = rows.get((g, 5000, "idle")), rows.get(("lws", 5000, "idle"))
    r = ratio(value(a, ("rss_per_conn_bytes",)), value(b, ("rss_per_conn_bytes",))) if a and b else None
    check("RSS per idle connection N=5,000, ÷ raw lws ≤ 2", r, 2.0, "<=")
    a = rows.get((g, 193, "rollcall"))
    check("193-seat roll call, open to result: server CPU ms < 100",
          value(a, ("server_cpu_s",)) if a else None, 100, "<", partial=bool(a and a.get("capped")))
    st = {r["figure"]: r for (s, _, _), r in rows.items() if s == "store" and "figure" in r}
    gc, raw = st.get("append_group64"), st.get("raw_insert_group64")
    check("store: group commit (64) ÷ raw batched inserts ≥ 0.5",
          ratio(gc.get("per_s"), raw.get("per_s")) if gc and raw else None, 0.5, ">=")
    rp = st.get("replay")
    check("store: replay events/s ≥ 300,000", rp.get("per_s") if rp else None, 300000, ">=")
    sp = st.get("start_snapshot")
    check("store: start with a snapshot (s) < 1", sp.get("seconds") if sp else None, 1.0, "<")
    return res


def raw_tables(rows):
    out = []
    cols = [("deliveries", ("deliveries",)), ("wall s", ("wall_s",)), ("deliveries/s", ("deliveries_per_s",)),
            ("acks/s", ("acks_per_s",)), ("server CPU s", ("server_cpu_s",)),
            ("CPU ms/1k", ("server_cpu_ms_per_1k",)), ("fan-out p50/p99/max µs", None),
            ("ack p50/p99/max µs", None), ("bytes/delivery", ("bytes_per_delivery",)),
            ("generator CPU", ("gen_cpu_frac",)), ("rejected", ("rejected",)), ("gaps", ("gaps",))]
    for scen in ("fanout", "rollcall", "burst"):
        out += ["", f"#### {scen}", "", "| server | N | " + " | ".join(c for c, _ in cols) + " |",
                "|" + "---|" * (len(cols) + 2)]
        for n in sizes(rows, scen):
            for s in PEERS + GAVELDS:
                r = rows.get((s, n, scen))
                if not r:
                    continue
                cells = []
                for c, path in cols:
                    if path is None:
                        h = r.get("fanout_us" if c.startswith("fan") else "ack_us", {})
                        cells.append(f"{h.get('p50', 0):,}/{h.get('p99', 0):,}/{h.get('max', 0):,}")
                    elif path == ("wall_s",) or path == ("server_cpu_s",):
                        cells.append(f"{r.get(path[0], 0):.3f}")
                    else:
                        cells.append(fmt(r.get(path[0])))
                out.append(f"| {NAMES[s]}{mark(r)} | {n:,} | " + " | ".join(cells) + " |")
    out += ["", "#### idle", "", "| server | N | connect s | RSS before KiB | RSS with N KiB | bytes/connection |",
            "|---|---|---|---|---|---|"]
    for n in sizes(rows, "idle"):
        for s in PEERS + GAVELDS:
            r = rows.get((s, n, "idle"))
            if r:
                out.append(f"| {NAMES[s]} | {n:,} | {r['connect_s']:.2f} | {r['rss_base_kb']:,} | "
                           f"{r['rss_kb']:,} | {r['rss_per_conn_bytes']:,.0f} |")
    store = [r for (s, _, _), r in rows.items() if s == "store"]
    if store:
        by = {r.get("figure"): r for r in store}
        pairs = {"append_single": "raw_insert_single", "append_group64": "raw_insert_group64", "replay": "raw_scan"}
        out += ["", "#### store (GavelStore beside raw SQLite, same settings)", "",
                "| figure | events | per second | seconds | GavelStore ÷ raw | note |", "|---|---|---|---|---|---|"]
        for r in store:
            raw = by.get(pairs.get(r.get("figure"), ""))
            rr = ratio(r.get("per_s"), raw.get("per_s")) if raw else None
            out.append(f"| {r.get('figure')} | {r.get('events', 0):,} | {fmt(r.get('per_s'))} | "
                       f"{r.get('seconds', 0):.3f} | {f'{rr:.2f}×' if rr is not None else ''} | {r.get('note', '')} |")
    paired = [(g, t, a, b) for g in GAVELDS for t, a, b in paired_trials(rows, g)]
    if paired:
        out += ["", "#### fan-out side by side (N = 1,000: gaveld and raw lws up at once, rounds alternating)",
                "", "| gaveld | trial | rounds each | gaveld p50/p99/max µs | raw lws p50/p99/max µs | p99 ÷ | "
                "first delivery p50 µs gaveld / lws | CPU ms/1k gaveld / lws | CPU ÷ | bytes/delivery gaveld / lws | gaps |",
                "|---|---|---|---|---|---|---|---|---|---|---|"]
        for g, t, a, b in paired:
            ha, hb = a["fanout_us"], b["fanout_us"]
            rp = ratio(ha["p99"], hb["p99"])
            rc = ratio(a["server_cpu_ms_per_1k"], b["server_cpu_ms_per_1k"])
            out.append(f"| {NAMES[g]} | {t}{mark(a)}{mark(b)} | {a['commands']:,} | {ha['p50']:,}/{ha['p99']:,}/{ha['max']:,} | "
                       f"{hb['p50']:,}/{hb['p99']:,}/{hb['max']:,} | {rp:.2f}× | "
                       f"{first(a)} / {first(b)} | {a['server_cpu_ms_per_1k']:.2f} / {b['server_cpu_ms_per_1k']:.2f} | {rc:.2f}× | "
                       f"{a['bytes_per_delivery']:.0f} / {b['bytes_per_delivery']:.0f} | {a['gaps'] + b['gaps']} |")
    floor = rows.get(("floor", None, "rollcall"))
    if floor:
        out += ["", "#### Floor without the network (gavel-bench-floor: decide, commit, view patch, encode)", "",
                "| seats | roll calls | CPU µs per ballot (median / mean) | roll call CPU ms (median) | "
                "roll call wall ms (median) | frames | deliveries to the sink |", "|---|---|---|---|---|---|---|",
                f"| {floor['seats']} | {floor['rollcalls']} | {floor['cpu_us_per_ballot_median']} / "
                f"{floor['cpu_us_per_ballot_mean']} | {floor['rollcall_cpu_ms_median']} | "
                f"{floor['rollcall_wall_ms_median']} | {floor['frames']:,} | {floor['deliveries']:,} |"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--machine", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rows = load(a.results)
    with open(a.machine) as f:
        m = json.load(f)
    table = ratio_table(rows)
    checks = targets(rows)
    print("\n".join(table))
    print()
    for name, v, verdict in checks:
        print(f"{verdict:13} {name}: {v}")
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "method.md")) as f:
        method = f.read().strip()
    v = m["versions"]
    doc = ["# Benchmarks", "",
           f"Measured by `make bench{'-quick' if a.mode == 'quick' else ''}` on {m['date']} ({a.mode} mode). "
           "Every figure below comes from that one run, on one machine, with one generator.", "",
           "## Machine", "",
           f"- CPU: {m['cpu']}, {m['cores']} cores; memory {m['memory_gib']} GiB; {m['os']}, Linux {m['kernel']}",
           f"- Load average when the run started: {m['load_at_start']:.2f}"
           + (" (**the machine was busy: figures are noisy**)" if m["load_at_start"] > 1.5 else ""),
           f"- Generator pinned to CPU {m['generator_cpu']}, servers to CPU {m['server_cpu']} (`taskset`)",
           *([f"- Code: commit `{m['source']}`"] if m.get("source") else []),
           f"- {v['swift']}; libwebsockets {v['libwebsockets']}; SQLite {v['sqlite']}; gcc {v['gcc']}; "
           f"Node.js {v['node']} with node-ws {v['node-ws']}; {v['python']} with websockets {v['python3-websockets']}",
           "", "## Ratios: gaveld ÷ peer", "",
           "Above 1× is better for figures marked (higher), below 1× for figures marked (lower). "
           "† the generator was near saturation (its own CPU > 90 % of the phase); ‡ the phase hit its "
           "time cap and the figures cover the part that completed.", ""] + table
    doc += ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    doc += [f"| {n} | {v_} | {verdict} |" for n, v_, verdict in checks]
    doc += ["", method, "", "## Raw figures", ""] + raw_tables(rows)
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    with open(a.out, "w") as f:
        f.write("\n".join(doc) + "\n")
    print(f"\nWrote {a.out}")


main()
