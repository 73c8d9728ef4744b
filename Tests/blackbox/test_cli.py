"""protocol.md §1: gaveld and gavel command lines, exit codes, signals, tokens, audit tools."""
import json
import signal
import socket
import subprocess
import time

import pytest

from floor import view
from gavel_harness import BIN, REPO, Closed, free_port

GAVEL = str(BIN / "gavel")
GAVELD = str(BIN / "gaveld")


def run(*args, timeout=60):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)


def one_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    assert len(lines) == 1, f"expected one stderr line, got {text!r}"
    return lines[0]


def test_ready_line_is_exact_and_names_the_real_port(fresh):
    s = fresh()
    port = free_port()
    s.stderr = open(s.stderr_path, "ab")
    s.proc = subprocess.Popen([GAVELD, "--config", str(s.config), "--listen", f"127.0.0.1:{port}",
                               "--data", str(s.root / "other-data")], stdout=subprocess.PIPE,
                              stderr=s.stderr, cwd=str(REPO))
    line = s._readline(20)
    assert line == f"gaveld listening on http://127.0.0.1:{port}\n"
    s.port = port
    # --data overrode data_dir: the committee files live in the other folder.
    assert (s.root / "other-data" / "ga.gavel").exists() and (s.root / "other-data" / "sc.gavel").exists()
    assert not (s.data / "ga.gavel").exists()
    assert s.http("/healthz")[0] == 200


def test_port_in_use_is_one_line_naming_the_port_and_exit_2(fresh):
    s = fresh()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        out = run(GAVELD, "--config", s.config, "--listen", f"127.0.0.1:{port}", "--data", s.data)
    assert out.returncode == 2
    assert str(port) in one_line(out.stderr)
    assert out.stdout == ""


@pytest.mark.parametrize("key,value", [("listen", '"nonsense"'), ("snapshot_every", "0"), ("log_level", '"loud"')])
def test_bad_config_names_the_key_and_exits_2(fresh, key, value):
    s = fresh()
    text = s.config.read_text()
    lines = [l for l in text.splitlines() if not l.startswith(key + " ")]
    lines.insert(0, f"{key} = {value}")
    s.config.write_text("\n".join(lines) + "\n")
    out = run(GAVELD, "--config", s.config, "--data", s.data)
    assert out.returncode == 2, out.stderr
    assert key in one_line(out.stderr)
    assert out.stdout == ""


def test_missing_config_file_exits_2(tmp_path):
    out = run(GAVELD, "--config", tmp_path / "nope.toml")
    assert out.returncode == 2 and "nope.toml" in one_line(out.stderr)


def test_corrupt_data_file_names_the_file_and_exits_2(fresh):
    s = fresh()
    s.data.mkdir(parents=True)
    (s.data / "sc.gavel").write_bytes(b"this is not a sqlite database" * 100)
    out = run(GAVELD, "--config", s.config, "--listen", "127.0.0.1:0", "--data", s.data)
    assert out.returncode == 2
    assert "sc.gavel" in one_line(out.stderr)
    assert out.stdout == ""


def test_missing_file_is_convened_and_an_existing_one_replayed(fresh):
    s = fresh().start()
    assert (s.data / "ga.gavel").exists()
    state = view(s, "ga")
    assert state["committee"]["id"] == "ga" and set(state["seats"]) == {"BRA", "CHN", "FRA", "GHA", "IND", "VAT"}
    chair, _ = s.join("chair", committee="ga")
    chair.ok("session.open")
    chair.ok("attendance.mark", {"seat": "BRA", "status": "present"})
    before = view(s, "ga")
    chair.close()
    assert s.stop() == 0
    s.start()
    after = view(s, "ga")
    assert after == before


def test_sigterm_sends_1001_and_exits_0_within_5s(fresh):
    s = fresh().start()
    clients = [s.join("chair", committee="ga")[0], s.join("display", committee="sc")[0]]
    t0 = time.monotonic()
    s.proc.send_signal(signal.SIGTERM)
    for c in clients:
        assert c.wait_closed(5) == 1001
    assert s.proc.wait(5) == 0
    assert time.monotonic() - t0 < 5


def test_sigint_also_stops_cleanly(fresh):
    s = fresh().start()
    assert s.stop(signal.SIGINT) == 0


def test_token_issue_prints_only_the_token(fresh):
    s = fresh().start()
    out = run(GAVEL, "token", "issue", "--data", s.data, "--committee", "sc", "--role", "delegate", "--seat", "FRA",
              "--label", "France terminal")
    assert out.returncode == 0, out.stderr
    assert out.stdout.endswith("\n") and out.stdout.count("\n") == 1
    token = out.stdout[:-1]
    assert token and " " not in token
    # Accepted at once by the running daemon.
    c = s.client()
    w = c.hello(token, "sc")
    assert (w["role"], w["seat"]) == ("delegate", "FRA")
    # Only its hash is stored.
    assert token.encode() not in (s.data / "sc.gavel").read_bytes()


def test_delegate_token_needs_a_seat_of_the_committee(fresh):
    s = fresh().start()
    out = run(GAVEL, "token", "issue", "--data", s.data, "--committee", "sc", "--role", "delegate")
    assert out.returncode == 2 and out.stdout == ""
    one_line(out.stderr)
    out = run(GAVEL, "token", "issue", "--data", s.data, "--committee", "sc", "--role", "delegate", "--seat", "ZZZ")
    assert out.returncode in (1, 2) and out.stdout == ""
    assert "ZZZ" in one_line(out.stderr)
    out = run(GAVEL, "token", "issue", "--data", s.data, "--committee", "sc", "--role", "chair", "--seat", "FRA")
    assert out.returncode == 2 and out.stdout == ""


def test_token_revoke_closes_the_open_connection_4401_and_refuses_it_after(fresh):
    s = fresh().start()
    c, _ = s.join("delegate", committee="sc", seat="GHA")
    out = run(GAVEL, "token", "revoke", "--data", s.data, "--committee", "sc", "--token", c.token)
    assert out.returncode == 0, out.stderr
    assert c.wait_closed(5) == 4401
    again = s.client()
    again.send({"type": "hello", "token": c.token, "committee": "sc"})
    assert again.wait_closed(5) == 4401


COMMANDS = [["token", "issue"], ["token", "revoke"], ["verify"], ["replay"], ["record"], ["export"]]


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: " ".join(c))
def test_every_gavel_command_has_help(cmd):
    out = run(GAVEL, *cmd, "--help")
    assert out.returncode == 0, out.stderr
    assert "--" in out.stdout or "usage" in out.stdout.lower()


def test_gaveld_has_help():
    out = run(GAVELD, "--help")
    assert out.returncode == 0 and "--config" in out.stdout


def test_unknown_option_is_a_usage_error():
    out = run(GAVEL, "verify", "--frobnicate")
    assert out.returncode == 2
    one_line(out.stderr)
    out = run(GAVEL, "frobnicate")
    assert out.returncode == 2


def test_audit_tools_read_a_live_daemons_file_without_changing_it(fresh):
    s = fresh().start()
    chair, _ = s.join("chair", committee="ga")
    chair.ok("session.open")
    for seat in ("BRA", "CHN", "FRA", "GHA", "IND"):
        chair.ok("attendance.mark", {"seat": seat, "status": "present"})
    seq = chair.ok("agenda.set", {"topic": "Small arms"})["seq"]
    f = s.data / "ga.gavel"
    assert run(GAVEL, "verify", f).returncode == 0
    rep = run(GAVEL, "replay", f, "--json")
    assert rep.returncode == 0, rep.stderr
    state = json.loads(rep.stdout)
    live = view(s, "ga")
    assert state.get("committee", state.get("state", {}).get("committee"))["topic"] == live["committee"]["topic"]
    early = run(GAVEL, "replay", f, "--until", "2", "--json")
    assert early.returncode == 0 and json.loads(early.stdout) != state
    for fmt in ("md", "html", "json"):
        out = run(GAVEL, "record", f, "--format", fmt)
        assert out.returncode == 0 and out.stdout, out.stderr
    for fmt in ("csv", "json"):
        out = run(GAVEL, "export", f, "--votes", "--format", fmt)
        assert out.returncode == 0, out.stderr
    # Still serving, nothing appended by the tools.
    assert chair.do("agenda.set", {"topic": "Small arms"}, id="again")["type"] in ("ack", "reject")
    assert view(s, "ga")["committee"]["topic"] == "Small arms"
    assert seq >= 2


def test_verify_detects_tampering(fresh):
    import sqlite3
    s = fresh().start()
    chair, _ = s.join("chair", committee="ga")
    chair.ok("session.open")
    chair.ok("attendance.mark", {"seat": "BRA", "status": "present"})
    s.stop()
    f = s.data / "ga.gavel"
    db = sqlite3.connect(str(f))
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    table = "events" if "events" in tables else tables[0]
    cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    col = next(c for c in cols if c in ("payload", "data", "body", "json"))
    rows = db.execute(f"SELECT rowid, {col} FROM {table} ORDER BY rowid").fetchall()
    rowid, payload = rows[-1]
    text = payload.decode() if isinstance(payload, bytes) else payload
    tampered = text.replace("BRA", "CHN")
    assert tampered != text
    # A tamperer with file access drops the append-only triggers first.
    for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute(f"UPDATE {table} SET {col} = ? WHERE rowid = ?",
               (tampered.encode() if isinstance(payload, bytes) else tampered, rowid))
    db.commit()
    db.close()
    out = run(GAVEL, "verify", f)
    assert out.returncode == 1, out.stdout + out.stderr


def test_cli_failures_are_one_line_exit_1(tmp_path):
    out = run(GAVEL, "verify", tmp_path / "missing.gavel")
    assert out.returncode in (1, 2)
    assert "missing.gavel" in one_line(out.stderr)


def test_token_options_are_checked(fresh):
    s = fresh().start()
    out = run(GAVEL, "token", "issue", "--data", s.data, "--committee", "sc", "--role", "display", "--seat", "FRA")
    assert out.returncode == 2 and out.stdout == ""
    out = run(GAVEL, "token", "issue", "--data", s.data, "--committee", "sc", "--role", "emperor")
    assert out.returncode == 2 and out.stdout == ""
    out = run(GAVEL, "token", "revoke", "--data", s.data, "--committee", "sc", "--token", "never-issued")
    assert out.returncode == 1 and out.stdout == ""
    one_line(out.stderr)
