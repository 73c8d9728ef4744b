"""gaveld's command line contract (protocol.md §1): the ready line, refusing to start half-working
(one line on stderr, exit 2), a config that disagrees with a convened committee, and timers."""

import socket
import subprocess
import time

from gavel_harness import BIN, REPO, Gaveld, committee_toml


def run_gaveld(server, *extra, timeout=20):
    args = [str(BIN / "gaveld"), "--config", str(server.config), "--data", str(server.data), *extra]
    if "--listen" not in extra:
        args += ["--listen", "127.0.0.1:0"]
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, cwd=str(REPO))


def one_line_error(result):
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_bad_config_is_one_line_and_exit_2(tmp_path):
    server = Gaveld(tmp_path)
    server.config.write_text(server.config.read_text() + "\nlisten_port = 8080\n")
    line = one_line_error(run_gaveld(server))
    assert "gaveld.toml" in line


def test_corrupt_data_file_is_one_line_and_exit_2(tmp_path):
    server = Gaveld(tmp_path)
    server.data.mkdir()
    (server.data / "disec.gavel").write_bytes(b"this is not a SQLite database" * 100)
    line = one_line_error(run_gaveld(server))
    assert "disec.gavel" in line


def test_port_in_use_is_one_line_and_exit_2(tmp_path):
    server = Gaveld(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        line = one_line_error(run_gaveld(server, "--listen", f"127.0.0.1:{port}"))
    assert str(port) in line


def test_config_that_disagrees_with_the_log_is_a_warning_never_applied(tmp_path):
    server = Gaveld(tmp_path).start()
    _, before = server.join("display")
    assert server.stop() == 0
    (server.root / "disec.toml").write_text(
        committee_toml("disec", "Renamed Committee", "ga_committee", topic="Another topic"))
    server.start()
    _, after = server.join("display")
    assert after["state"]["committee"] == before["state"]["committee"]
    server.stop()
    assert "differs" in server.stderr_text()


def test_a_suspension_timer_resumes_the_session_once(tmp_path):
    server = Gaveld(tmp_path).start()
    chair, _ = server.join("chair")
    chair.ok("session.open")
    suspended = chair.ok("session.suspend", {"durationMs": 700})
    resumed = chair.until(lambda f: f["type"] == "event" and f["seq"] > suspended["seq"], timeout=10)
    assert resumed["name"] == "sessionResumed"
    assert resumed["at"] >= chair.events()[-2]["at"] + 700
    time.sleep(0.5)  # nothing else may follow: the expiry is written once
    _, welcome = server.join("display")
    assert welcome["seq"] == resumed["seq"] and welcome["state"]["session"]["state"] == "open"
    chair.close()
    server.stop()
