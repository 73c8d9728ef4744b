"""Hostile clients (issue 10): delegates who act for another seat, roles that send commands,
replayed and malformed tokens, junk, floods and silent peers. The daemon must refuse each one,
lose nothing and keep serving everyone else. (Commands before hello, a display or auditor
sending commands, revoked tokens, per-connection rate limits and a reader that never reads are
covered by Tests/acceptance: test_frames.py, test_roles.py, test_lifecycle.py.)"""
import json
import threading
import time

import pytest

from gavel_harness import Closed
from wsraw import RawWebSocket

MEMBERS = ["BRA", "CHN", "FRA", "GHA", "IND"]


def open_floor(server):
    chair, _ = server.join("chair")
    chair.ok("session.open")
    for seat in MEMBERS:
        chair.ok("attendance.mark", {"seat": seat, "status": "present_and_voting"})
    return chair


def fresh_state(server):
    _, welcome = server.join("auditor")
    return welcome["seq"], welcome["state"]


def test_a_delegate_cannot_act_for_another_seat(fresh_gaveld):
    server = fresh_gaveld().start()
    chair = open_floor(server)
    bra, _ = server.join("delegate", seat="BRA")

    # Seats named in args are ignored or refused; the seat always comes from the token.
    bra.do("speakers.add", {"seat": "CHN"})
    bra.do("attendance.declare", {"status": "present", "seat": "CHN"})
    proposed = bra.do("motion.propose", {"kind": "set_speaking_time", "args": {"ms": 60000}, "seat": "CHN"})
    _, state = fresh_state(server)
    assert "CHN" not in state["speakers"]["queue"]
    assert state["attendance"]["CHN"] == "present_and_voting"
    assert all(m["by"] != "CHN" for m in state["motions"]), state["motions"]
    if proposed["type"] == "ack":
        motion = state["motions"][0]
        assert motion["by"] == "BRA"
        gha, _ = server.join("delegate", seat="GHA")
        gha.ok("motion.second", {"motion": motion["id"]})
        chair.ok("motion.put", {})
        before = fresh_state(server)[1]["vote"]
        assert before is not None
        answer = bra.do("vote.cast", {"choice": "no", "seat": "CHN"})
        vote = fresh_state(server)[1]["vote"]
        assert "CHN" not in vote["ballots"]
        if answer["type"] == "ack":
            assert vote["ballots"].get("BRA") == "no"
        # A delegate cannot use the chair's vote.record to answer for anyone.
        assert bra.do("vote.record", {"seat": "CHN", "choice": "yes"})["code"] == "forbidden"
        assert "CHN" not in fresh_state(server)[1]["vote"]["ballots"]


def test_display_and_auditor_change_nothing_whatever_they_send(gaveld):
    seq_before, _ = fresh_state(gaveld)
    for role in ("display", "auditor"):
        client, _ = gaveld.join(role)
        names = ["session.open", "vote.cast", "vote.record", "attendance.mark", "agenda.set", "draft.submit"]
        for name in names:
            answer = client.do(name, {"seat": "BRA", "choice": "yes", "topic": "x"})
            assert answer["type"] == "reject" and answer["code"] == "forbidden", (role, name, answer)
        client.close()
    assert fresh_state(gaveld)[0] == seq_before


@pytest.mark.parametrize(
    "token",
    ["", " ", "x" * 512, "\u0000", "\u00e9\u00e8\u4e2d", "'; DROP TABLE credentials; --", "%s%s%s%n"],
    ids=["empty", "space", "long", "nul", "unicode", "sql", "format"],
)
def test_malformed_tokens_are_unknown(gaveld, token):
    client = gaveld.client()
    client.send({"type": "hello", "token": token, "committee": "disec"})
    assert client.wait_closed() == 4401


@pytest.mark.parametrize("token", [None, 12345, {"a": 1}, ["t"], True, "x" * 513], ids=str)
def test_tokens_of_the_wrong_shape_are_protocol_errors(gaveld, token):
    client = gaveld.client()
    client.send({"type": "hello", "token": token, "committee": "disec"})
    assert client.wait_closed() == 4400


def test_a_token_with_one_character_changed_is_unknown(gaveld):
    token = gaveld.token("chair")
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (forged, token + " ", " " + token, token.upper() if token.upper() != token else token.lower()):
        client = gaveld.client()
        client.send({"type": "hello", "token": bad, "committee": "disec"})
        assert client.wait_closed() == 4401, bad


def test_a_second_hello_on_a_joined_connection_changes_nothing(gaveld):
    delegate, welcome = gaveld.join("delegate", seat="BRA")
    chair_token = gaveld.token("chair")
    delegate.send({"type": "hello", "token": chair_token, "committee": "disec"})
    error = delegate.until(lambda f: f["type"] == "error")
    assert error["code"] == "duplicate_hello"
    # Still the delegate: the chair's token did not upgrade this connection.
    assert delegate.do("session.open")["code"] == "forbidden"
    delegate.close()


def test_a_replayed_token_on_a_second_connection_is_the_same_credential(gaveld):
    """A token is a bearer secret: replaying it elsewhere acts as the same seat, never as more.
    Exactly-once still holds across both connections (one outcome per command id)."""
    first, welcome = gaveld.join("delegate", seat="GHA")
    second = gaveld.client()
    again = second.hello(first.token, "disec")
    assert again["role"] == "delegate" and again["seat"] == "GHA"
    a = first.do("speakers.add", id="replayed-1")
    b = second.do("speakers.add", id="replayed-1")
    assert a == b
    assert fresh_state(gaveld)[1]["speakers"]["queue"].count("GHA") <= 1
    first.close()
    second.close()


def test_ten_thousand_junk_frames_leave_the_daemon_serving(gaveld):
    """A client pipelines 10,000 junk frames (bad JSON, wrong types, bad commands) and never reads
    its answers. Each gets an error frame until its outbox overflows and it is cut off (4408,
    the slow-reader rule), then it reconnects and carries on. Everyone else is served throughout."""
    watcher, _ = gaveld.join("chair")
    token = gaveld.token("display")
    kinds = [b"{", b"null", b"[]", b'"str"', b'{"type":7}', b'{"type":"party"}', b'{"type":"command"}',
             b'{"type":"command","id":""}', "\u00ff".encode() * 100,
             b'{"type":"command","id":"' + b"z" * 300 + b'"}']
    delivered, connections = 0, 0

    def blast():
        nonlocal delivered, connections
        while delivered < 10_000:
            ws = RawWebSocket("127.0.0.1", gaveld.port)
            connections += 1
            ws.send_text(json.dumps({"type": "hello", "token": token, "committee": "disec"}))
            try:
                while delivered < 10_000:
                    ws.send_frame(0x1, kinds[delivered % len(kinds)])
                    delivered += 1
            except OSError:
                pass  # cut off: reconnect and go on
            ws.close()

    sender = threading.Thread(target=blast, daemon=True)
    sender.start()
    worst = 0.0
    while sender.is_alive():
        started = time.monotonic()
        watcher.ok("agenda.set", {"topic": f"Still serving {time.monotonic()}"})
        worst = max(worst, time.monotonic() - started)
        time.sleep(0.05)  # a human chair's pace, under the rate limit
    sender.join()
    assert delivered == 10_000
    assert worst < 3, f"a bystander waited {worst:.1f} s for an ack during the junk"
    status, _, _ = gaveld.http("/healthz")
    assert status == 200
    fresh, welcome = gaveld.join("display")
    assert welcome["type"] == "welcome"
    fresh.close()
    watcher.close()


def connections_open(server):
    _, _, body = server.http("/metrics")
    for line in body.splitlines():
        if line.startswith("gavel_wire_connections "):
            return int(float(line.split()[1]))
    raise AssertionError("no open-connections gauge in /metrics:\n" + body[:2000])


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)  # polling a gauge the daemon exposes: nothing to await
    raise AssertionError(f"timed out waiting for {what}")


def test_a_half_open_peer_is_dropped_by_the_ping_timeout(fresh_gaveld):
    """A laptop that sleeps mid-session leaves a half-open TCP connection: no FIN, no reads, no
    pongs. The daemon pings it and drops it after hangup_seconds; its slot is freed."""
    server = fresh_gaveld(limits={"ping_seconds": 1, "hangup_seconds": 2}).start()
    baseline = connections_open(server)
    token = server.token("delegate", seat="BRA")
    ws = RawWebSocket("127.0.0.1", server.port)
    ws.send_text(json.dumps({"type": "hello", "token": token, "committee": "disec"}))
    opcode, data = ws.recv_frame()
    assert json.loads(data)["type"] == "welcome"
    assert connections_open(server) == baseline + 1
    started = time.monotonic()
    # From here on the peer is silent: it never answers a ping, never reads, never sends FIN.
    wait_for(lambda: connections_open(server) == baseline, 10, "the silent peer to be dropped")
    assert time.monotonic() - started < 8
    ws.close()


HUGE = 2**63 - 1


@pytest.mark.parametrize("role,name,args", [
    ("chair", "session.suspend", {"durationMs": HUGE}),
    ("delegate", "motion.propose", {"kind": "moderated_caucus", "args": {"totalMs": HUGE, "speakerMs": HUGE,
                                                                         "topic": "Forever"}}),
    ("delegate", "motion.propose", {"kind": "unmoderated_caucus", "args": {"totalMs": HUGE}}),
    ("delegate", "motion.propose", {"kind": "suspend_meeting", "args": {"durationMs": HUGE}}),
    ("delegate", "motion.propose", {"kind": "extend_caucus", "args": {"ms": HUGE}}),
    ("chair", "vote.count", {"yes": HUGE, "no": HUGE, "abstain": HUGE}),
], ids=["suspend", "moderated", "unmoderated", "suspend_meeting", "extend", "count"])
def test_huge_durations_and_counts_are_refused_not_a_crash(fresh_gaveld, role, name, args):
    """Durations near Int.max overflowed `startedAt + duration` when the timer was armed: one
    command took the daemon down with every committee it hosts (found while fuzzing)."""
    server = fresh_gaveld().start()
    chair = open_floor(server)
    client = chair if role == "chair" else server.join("delegate", seat="BRA")[0]
    answer = client.do(name, args)
    assert answer["type"] == "reject" and answer["code"] in ("invalid_args", "wrong_state"), answer
    assert server.proc.poll() is None, "gaveld died"
    assert chair.do("agenda.set", {"topic": "Still alive"})["type"] == "ack"
