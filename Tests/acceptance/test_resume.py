"""Exactly once and resume (protocol.md §3, §5): a retried id gets its first outcome; a client
that reconnects with `after` gets the missed events (from memory, or from the log after a
restart) or a fresh welcome, never a gap or a duplicate."""

import json
import urllib.request

from gavel_harness import apply_patch


def committed_seq(server, committee="disec"):
    status, _, body = server.http("/healthz")
    return json.loads(body)["seq"][committee]


def test_retried_command_id_after_reconnect_gets_the_same_ack(gaveld):
    chair, _ = gaveld.join("chair")
    first = chair.do("agenda.set", {"topic": "Retry topic A"}, id="retry-ack-1")
    assert first["type"] == "ack"
    chair.close()
    seq_before = committed_seq(gaveld)

    again = gaveld.client()
    again.hello(chair.token, "disec")
    second = again.do("agenda.set", {"topic": "Retry topic A"}, id="retry-ack-1")
    assert second == first
    assert committed_seq(gaveld) == seq_before
    # A different command under the same id is still answered with the first outcome.
    third = again.do("agenda.set", {"topic": "Something else"}, id="retry-ack-1")
    assert third == first and committed_seq(gaveld) == seq_before
    again.close()


def test_retried_rejected_command_gets_the_same_reject(gaveld):
    chair, _ = gaveld.join("chair")
    first = chair.do("agenda.set", {"topic": "   "}, id="retry-rej-1")
    assert first["type"] == "reject"
    second = chair.do("agenda.set", {"topic": "A valid topic"}, id="retry-rej-1")
    assert second == first
    chair.close()


def test_same_id_from_another_credential_is_another_command(gaveld):
    one, _ = gaveld.join("chair")
    two, _ = gaveld.join("chair")
    a = one.do("agenda.set", {"topic": "Credential one"}, id="shared-id")
    b = two.do("agenda.set", {"topic": "Credential two"}, id="shared-id")
    assert a["type"] == "ack" and b["type"] == "ack" and b["seq"] > a["seq"]
    one.close()
    two.close()


def follow(server, role="display"):
    """A client that has applied everything so far; returns (client, state, seq)."""
    client, welcome = server.join(role)
    return client, welcome["state"], welcome["seq"]


def catch_up(client, state, seq):
    target = None
    for event in client.events():
        if event["seq"] <= seq:
            continue
        assert event["seq"] == seq + 1, f"gap or duplicate: {seq} then {event['seq']}"
        state = apply_patch(state, event["patch"])
        seq = event["seq"]
    return state, seq


def test_resume_from_memory(gaveld):
    chair, _ = gaveld.join("chair")
    watcher, state, seq = follow(gaveld)
    last = chair.ok("agenda.set", {"topic": "Resume A"})["seq"]
    watcher.wait_event(last)
    state, seq = catch_up(watcher, state, seq)
    watcher.close()

    for i in range(5):
        last = chair.ok("agenda.set", {"topic": f"Resume B{i}"})["seq"]

    back = gaveld.client()
    welcome = back.hello(watcher.token, "disec", after=seq)
    assert welcome["resumed"] is True and welcome["seq"] == seq and "state" not in welcome
    back.wait_event(last)
    state, seq = catch_up(back, state, seq)
    assert seq == last
    _, fresh = gaveld.join("display")
    assert fresh["seq"] == last and fresh["state"] == state
    chair.close()
    back.close()


def test_after_beyond_the_current_seq_or_zero_gets_a_fresh_welcome(gaveld):
    token = gaveld.token("display")
    for after in (10**9, 0):
        client = gaveld.client()
        welcome = client.hello(token, "disec", after=after)
        assert welcome["resumed"] is False and "state" in welcome
        assert welcome["seq"] == committed_seq(gaveld)
        client.close()


def test_resume_from_the_log_after_a_restart(fresh_gaveld):
    server = fresh_gaveld().start()
    chair, _ = server.join("chair")
    chair.ok("session.open")
    watcher, state, seq = follow(server)
    last = chair.ok("agenda.set", {"topic": "Before the restart"})["seq"]
    watcher.wait_event(last)
    state, seq = catch_up(watcher, state, seq)
    watcher.close()
    for i in range(3):
        last = chair.ok("attendance.mark", {"seat": ["BRA", "CHN", "FRA"][i], "status": "present"})["seq"]
    chair_token = chair.token
    assert server.stop() == 0
    server.start()

    back = server.client()
    welcome = back.hello(watcher.token, "disec", after=seq)
    assert welcome["resumed"] is True and welcome["seq"] == seq
    back.wait_event(last)
    state, seq = catch_up(back, state, seq)
    _, fresh = server.join("display")
    assert fresh["seq"] == last and fresh["state"] == state
    # And the chair's retry of a pre-restart id is still answered from the log.
    chair2 = server.client()
    chair2.hello(chair_token, "disec")
    assert chair2.do("agenda.set", {"topic": "Before the restart"}, id=chair.frames[-1]["id"]) == chair.frames[-1]
    back.close()
    chair2.close()
