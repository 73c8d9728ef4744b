"""Faults (issue 10): the process killed mid-vote, the disk full, the database file turned
read-only. Each time: commands that could not be made durable are refused with `unavailable`,
nothing acknowledged is lost, nothing is counted twice, and the vote goes on afterwards."""
import json
import os
import signal
import sqlite3
import subprocess

import pytest

from gavel_harness import BIN, Gaveld

MEMBERS = ["BRA", "CHN", "FRA", "GHA", "IND"]


def open_vote(server):
    """A procedural motion put to a vote with every member present and voting; returns
    (chair, {seat: delegate client})."""
    chair, _ = server.join("chair")
    chair.ok("session.open")
    for seat in MEMBERS:
        chair.ok("attendance.mark", {"seat": seat, "status": "present_and_voting"})
    delegates = {seat: server.join("delegate", seat=seat)[0] for seat in MEMBERS}
    delegates["GHA"].ok("motion.propose", {"kind": "set_speaking_time", "args": {"ms": 45000}})
    motion = next(e for e in delegates["GHA"].events() if e["name"] == "motionProposed")["data"]["motion"]["id"]
    delegates["IND"].ok("motion.second", {"motion": motion})
    chair.ok("motion.put", {})
    return chair, delegates


def current_state(server, token):
    c = server.client()
    welcome = c.hello(token, "disec")
    c.close()
    return welcome["seq"], welcome["state"]


def logged_ballots(server):
    db = sqlite3.connect(f"file:{server.data / 'disec.gavel'}?mode=ro", uri=True)
    rows = db.execute("SELECT payload FROM events WHERE name = 'ballotCast'").fetchall()
    db.close()
    return [json.loads(r[0]) for r in rows]


def verify(server):
    out = subprocess.run([str(BIN / "gavel"), "verify", str(server.data / "disec.gavel")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr


def test_killed_during_a_vote_restarts_with_every_acknowledged_ballot_once(fresh_gaveld):
    server = fresh_gaveld().start()
    chair, delegates = open_vote(server)
    auditor = server.token("auditor")
    choices = {"BRA": "yes", "CHN": "yes", "FRA": "no", "GHA": "yes", "IND": "no"}
    ids = {seat: delegates[seat].command("vote.cast", {"choice": choices[seat]}, id=f"ballot-{seat}")
           for seat in ["BRA", "CHN", "FRA"]}
    acked = {}
    for seat in ["BRA", "CHN"]:  # wait for two acks; FRA's may or may not be in when we kill
        acked[seat] = delegates[seat].outcome(ids[seat])
        assert acked[seat]["type"] == "ack"
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait(10)
    server.stderr.close()

    server.start()
    seq, state = current_state(server, auditor)
    assert state["vote"] is not None, "the vote continues from the log"
    for seat in acked:
        assert state["vote"]["ballots"][seat] == choices[seat]
    # Re-sending the same command ids: the same outcome, never a second ballot.
    for seat in ["BRA", "CHN", "FRA"]:
        c = server.client()
        c.hello(delegates[seat].token, "disec")
        again = c.do("vote.cast", {"choice": choices[seat]}, id=f"ballot-{seat}")
        if seat in acked:
            assert again == acked[seat]
        else:
            assert again["type"] == "ack"
        delegates[seat] = c
    for seat in ["GHA", "IND"]:
        c = server.client()
        c.hello(delegates[seat].token, "disec")
        c.ok("vote.cast", {"choice": choices[seat]})
    chair2 = server.client()
    chair2.hello(chair.token, "disec")
    chair2.ok("vote.close")
    _, state = current_state(server, auditor)
    vote = state["votes"][-1]
    assert vote["ballots"] == choices
    assert vote["tally"]["yes"] == 3 and vote["tally"]["no"] == 2
    seats = [b["seat"] for b in logged_ballots(server)]
    assert sorted(seats) == sorted(MEMBERS), f"every ballot exactly once in the log: {seats}"
    server.stop()
    verify(server)


@pytest.fixture
def tmpfs_data(tmp_path):
    """A small tmpfs mounted where the daemon keeps its data (we are root in CI)."""
    root = tmp_path / "g-full"
    data = root / "data"
    data.mkdir(parents=True)
    out = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(data)], capture_output=True,
                         text=True)
    if out.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to fill (needs root and CAP_SYS_ADMIN): {out.stderr.strip()}")
    yield root
    subprocess.run(["umount", "-l", str(data)], capture_output=True)


def fill(directory):
    """Writes a filler file until the filesystem is full; returns its path."""
    path = os.path.join(directory, "filler")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return path


def run_until_unavailable(client, limit=3000):
    """Sends harmless commands until one is refused `unavailable` (the log could not grow)."""
    for i in range(limit):
        answer = client.do("agenda.set", {"topic": f"Filling the disk {i} " + "x" * 2000})
        if answer["type"] == "reject" and answer["code"] == "unavailable":
            return i
    pytest.fail(f"no `unavailable` after {limit} commands on a full disk")


def test_disk_full_during_a_vote_refuses_then_resumes(tmpfs_data):
    server = Gaveld(tmpfs_data, limits={"commands_per_second": 10000, "command_burst": 10000}).start()
    try:
        chair, delegates = open_vote(server)
        auditor = server.token("auditor")
        delegates["BRA"].ok("vote.cast", {"choice": "yes"})
        seq_before, _ = current_state(server, auditor)

        filler = fill(str(server.data))
        run_until_unavailable(chair)
        refused = delegates["CHN"].do("vote.cast", {"choice": "no"}, id="full-CHN")
        assert refused["type"] == "reject" and refused["code"] == "unavailable", refused
        _, state = current_state(server, auditor)
        assert "CHN" not in state["vote"]["ballots"] and state["vote"]["ballots"]["BRA"] == "yes"

        os.unlink(filler)  # space returns
        again = delegates["CHN"].do("vote.cast", {"choice": "no"}, id="full-CHN")
        assert again["type"] == "ack", again
        for seat in ["FRA", "GHA", "IND"]:
            delegates[seat].ok("vote.cast", {"choice": "yes"})
        chair.ok("vote.close")
        _, state = current_state(server, auditor)
        assert state["votes"][-1]["ballots"] == {"BRA": "yes", "CHN": "no", "FRA": "yes", "GHA": "yes", "IND": "yes"}
        seats = [b["seat"] for b in logged_ballots(server)]
        assert sorted(seats) == sorted(MEMBERS)
    finally:
        server.stop()
    verify(server)


def chattr(flag, *paths):
    return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, text=True)


def test_database_file_turned_read_only_refuses_then_resumes(fresh_gaveld):
    server = fresh_gaveld().start()
    chair, delegates = open_vote(server)
    auditor = server.token("auditor")
    delegates["BRA"].ok("vote.cast", {"choice": "yes"})
    # The database and its WAL become immutable (not chmod: root ignores file modes; writes
    # through descriptors already open fail only on an immutable file). The -shm index is left
    # alone: SQLite maps it into memory, and a write to a mapped page of an immutable file is a
    # SIGBUS, which no storage layer can answer — that is a broken host, not a read-only file.
    files = [server.data / "disec.gavel", server.data / "disec.gavel-wal"]
    out = chattr("+i", *files)
    if out.returncode != 0:
        pytest.skip(f"chattr +i is not supported here: {out.stderr.strip()}")
    try:
        refused = delegates["CHN"].do("vote.cast", {"choice": "no"}, id="ro-CHN")
        assert refused["type"] == "reject" and refused["code"] == "unavailable", refused
    finally:
        chattr("-i", *files)
    _, state = current_state(server, auditor)
    assert "CHN" not in state["vote"]["ballots"]
    assert delegates["CHN"].do("vote.cast", {"choice": "no"}, id="ro-CHN")["type"] == "ack"
    chair.ok("vote.close")
    server.stop()
    assert sorted(b["seat"] for b in logged_ballots(server)) == ["BRA", "CHN"]
    verify(server)
