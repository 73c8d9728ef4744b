"""protocol.md §2–§5: transport, frames, ordering, patches, resume."""
import json
import random
import time

import pytest

from floor import open_floor, view
from gavel_harness import Closed, apply_patch

STATE_KEYS = {"committee", "seats", "session", "attendance", "quorum", "speakers", "caucus", "motions", "points",
              "vote", "votes", "drafts"}


def test_healthz_metrics_and_static_clients(server):
    status, ctype, body = server.http("/healthz")
    assert status == 200 and "json" in ctype
    assert isinstance(json.loads(body), dict)
    status, ctype, body = server.http("/metrics")
    assert status == 200 and ctype.startswith("text/plain")
    assert any(l.startswith("# TYPE ") for l in body.splitlines())
    for path in ("/", "/chair", "/delegate", "/display"):
        status, ctype, body = server.http(path)
        assert status == 200 and "html" in ctype and body.strip()


@pytest.mark.parametrize("path", ["/ws", "/ws/sc"])
@pytest.mark.parametrize("subprotocols", [("gavel.v1",), ()])
def test_ws_paths_and_optional_subprotocol(server, path, subprotocols):
    token = server.token("display", "sc")
    c = server.client(path, subprotocols=subprotocols)
    w = c.hello(token, "sc")
    assert w["type"] == "welcome" and w["committee"] == "sc"
    if subprotocols:
        assert c.ws.subprotocol == "gavel.v1"


def test_committee_path_mismatch_is_4404(server):
    token = server.token("display", "sc")
    c = server.client("/ws/ga")
    c.send({"type": "hello", "token": token, "committee": "sc"})
    assert c.wait_closed() == 4404


def test_unknown_committee_is_4404(server):
    token = server.token("display", "sc")
    c = server.client()
    c.send({"type": "hello", "token": token, "committee": "nope"})
    assert c.wait_closed() == 4404


def test_unknown_token_is_4401(server):
    c = server.client()
    c.send({"type": "hello", "token": "x" * 43, "committee": "sc"})
    assert c.wait_closed() == 4401


def test_frame_over_64kib_is_closed_1009(server):
    c, _ = server.join("display", committee="sc")
    c.send_raw(json.dumps({"type": "command", "id": "big", "name": "x", "args": {"t": "a" * 70000}}))
    assert c.wait_closed() == 1009


def test_frame_just_under_the_limit_is_read(server):
    c, _ = server.join("display", committee="sc")
    c.send_raw(json.dumps({"type": "command", "id": "big", "name": "x", "args": {"t": "a" * 60000}}))
    assert c.recv()["type"] in ("reject", "error")


def test_no_hello_in_time_is_4400(server):
    c = server.client()
    t0 = time.monotonic()
    assert c.wait_closed(6) == 4400
    assert time.monotonic() - t0 >= 1.0


def test_welcome_fields_exactly(server):
    for role, seat in (("chair", None), ("delegate", "FRA"), ("display", None), ("auditor", None)):
        c, w = server.join(role, committee="sc", seat=seat)
        assert set(w) == {"type", "protocol", "committee", "role", "seat", "seq", "resumed", "serverTime", "state"}
        assert (w["protocol"], w["committee"], w["role"], w["seat"], w["resumed"]) == (1, "sc", role, seat, False)
        assert isinstance(w["seq"], int) and w["seq"] >= 1
        assert abs(w["serverTime"] - time.time() * 1000) < 60000
        assert STATE_KEYS <= set(w["state"])
        c.close()


def test_error_frames_for_non_commands(server):
    c, _ = server.join("display", committee="sc")
    c.send_raw("{not json")
    assert (c.recv()["type"], c.frames[-1]["code"]) == ("error", "bad_json")
    c.send_raw("[1,2]")
    assert c.recv()["code"] == "bad_json"
    c.send({"type": "subscribe"})
    assert c.recv()["code"] == "unknown_type"
    c.send({"nope": 1})
    assert c.recv()["code"] == "unknown_type"
    assert all(set(f) == {"type", "code", "message"} and f["message"] for f in c.frames[-4:])
    # The connection lives on.
    c.send({"type": "command", "id": "live", "name": "session.open"})
    assert c.recv() == {"type": "reject", "id": "live", "code": "forbidden", "message": c.frames[-1]["message"]}


def test_command_before_hello_is_error_then_4400(server):
    c = server.client()
    c.send({"type": "command", "id": "x", "name": "session.open", "args": {}})
    assert c.recv()["type"] == "error"
    assert c.wait_closed() == 4400


@pytest.mark.parametrize("bad_id", ["", "x" * 65, 7, None])
def test_command_id_outside_1_to_64_chars_gets_an_error_not_an_answer(server, bad_id):
    c, _ = server.join("chair", committee="sc")
    c.send({"type": "command", "id": bad_id, "name": "speakers.close", "args": {}})
    frame = c.recv()
    assert frame["type"] == "error" and frame["code"] == "bad_command"
    seq = c.do("speakers.setTime", {"ms": -5})
    assert seq["type"] == "reject"


def test_command_id_of_1_and_64_chars_is_answered(server):
    c, _ = server.join("display", committee="sc")
    for cid in ("a", "y" * 64):
        assert c.do("session.open", id=cid) ["code"] == "forbidden"


def test_unknown_command_is_rejected(server):
    c, _ = server.join("chair", committee="sc")
    r = c.do("vote.teleport")
    assert (r["type"], r["code"]) == ("reject", "unknown_command") and r["message"]


def test_events_precede_the_ack_and_ack_seq_is_the_last_event(fresh):
    s = fresh().start()
    chair, w = s.join("chair", committee="sc")
    other, _ = s.join("display", committee="sc")
    cid = chair.command("session.open")
    ack = chair.outcome(cid)
    evs = [f for f in chair.frames if f["type"] == "event"]
    assert evs and evs[-1]["seq"] == ack["seq"] == w["seq"] + len(evs)
    assert chair.frames.index(ack) > chair.frames.index(evs[-1])
    assert set(ack) == {"type", "id", "seq"}
    other.wait_event(ack["seq"])
    for e in evs:
        assert set(e) == {"type", "seq", "at", "name", "data", "patch"}
    # A no-op ack carries the current seq.
    noop = chair.do("speakers.open")
    if noop["type"] == "ack":
        assert noop["seq"] == ack["seq"]


def test_exactly_one_answer_per_command_and_reissued_ids_repeat_it(fresh):
    s = fresh().start()
    chair, _ = s.join("chair", committee="sc")
    ids = [chair.command("session.open")]
    ids += [chair.command("attendance.mark", {"seat": seat, "status": "present"}) for seat in ("BRA", "CHN", "ZZZ")]
    answers = [chair.outcome(i) for i in ids]
    time.sleep(0.3)
    chair.send({"type": "command", "id": "probe", "name": "speakers.open", "args": {}})
    chair.outcome("probe")
    for i in ids:
        assert len([f for f in chair.frames if f["type"] in ("ack", "reject") and f["id"] == i]) == 1
    assert answers[3]["code"] == "not_found"
    seq = max(a["seq"] for a in answers if a["type"] == "ack")
    # Re-sent ids, even with other args, return the first outcome and change nothing.
    again = chair.do("attendance.mark", {"seat": "GHA", "status": "present"}, id=ids[1])
    assert again == answers[1]
    assert chair.do("session.open", id=ids[3]) == answers[3]
    assert "GHA" not in view(s, "sc")["attendance"]
    assert view(s, "sc")["attendance"] == {"BRA": "present", "CHN": "present"}
    assert seq > 0


def test_forbidden_for_display_and_auditor_on_every_command(server):
    names = ["session.open", "agenda.set", "attendance.mark", "speakers.add", "speakers.next", "speaker.end",
             "motion.propose", "motion.put", "vote.open", "vote.cast", "vote.record", "vote.count", "vote.close",
             "draft.submit", "draft.sign", "amendment.submit", "point.raise", "caucus.end", "timer.expire"]
    for role in ("display", "auditor"):
        c, w = server.join(role, committee="sc")
        for n in names:
            r = c.do(n, {})
            assert (r["type"], r["code"]) == ("reject", "forbidden"), (role, n, r)
        assert not c.events()
        assert view(server, "sc") == {**w["state"], "quorum": w["state"]["quorum"]} or True


def test_every_connection_sees_every_event_in_order_and_patches_rebuild_the_view(fresh):
    s = fresh().start()
    chair, cw = s.join("chair", committee="sc")
    watchers = [s.join("display", committee="sc"), s.join("auditor", committee="sc")]
    delegates = {seat: s.join("delegate", committee="sc", seat=seat)[0] for seat in ("FRA", "GHA", "RUS", "TJK")}
    rng = random.Random(7)
    chair.ok("session.open")
    for seat in cw["state"]["seats"]:
        member = cw["state"]["seats"][seat]["kind"] == "member"
        chair.ok("attendance.mark", {"seat": seat, "status": rng.choice(["present", "present_and_voting"])
                                     if member else "present"})
    actions = [
        lambda: delegates[rng.choice(list(delegates))].do("speakers.add"),
        lambda: chair.do("speakers.next"),
        lambda: chair.do("speaker.end"),
        lambda: chair.do("speaker.pause"),
        lambda: chair.do("speaker.resume"),
        lambda: delegates[rng.choice(list(delegates))].do("point.raise", {"kind": "parliamentary_inquiry", "text": "?"}),
        lambda: chair.do("speakers.setTime", {"ms": rng.choice([30000, 60000])}),
        lambda: delegates["FRA"].do("draft.submit", {"title": f"T{rng.random()}", "sponsors": ["FRA"],
                                                     "clauses": [{"kind": "operative", "text": "Decides;"}]}),
        lambda: delegates["GHA"].do("motion.propose", {"kind": "moderated_caucus",
                                                       "args": {"totalMs": 600000, "speakerMs": 60000, "topic": "x"}}),
        lambda: chair.do("motion.put"),
        lambda: chair.do("vote.record", {"seat": rng.choice(["FRA", "GHA", "RUS", "BRA"]), "choice": "yes"}),
        lambda: chair.do("vote.close"),
        lambda: chair.do("caucus.end"),
        lambda: chair.do("attendance.mark", {"seat": rng.choice(["JPN", "KEN"]), "status": rng.choice(
            ["absent", "present"])}),
    ]
    for _ in range(120):
        rng.choice(actions)()
    chair.do("speakers.open")
    last = chair.events()[-1]["seq"]
    fresh_view = view(s, "sc")
    for c, w in watchers + [(chair, cw)]:
        c.wait_event(last)
        evs = c.events()
        seqs = [e["seq"] for e in evs]
        assert seqs == list(range(w["seq"] + 1, w["seq"] + 1 + len(seqs))), "gap or duplicate"
        state = w["state"]
        for e in evs:
            state = apply_patch(state, e["patch"])
        # Timers keep running; compare everything the patches carry.
        assert state == fresh_view, [k for k in state if state[k] != fresh_view.get(k)]


def test_resume_from_memory_after_many_events(fresh):
    s = fresh().start()
    chair, _ = s.join("chair", committee="ga")
    d, w = s.join("display", committee="ga")
    d.close()
    chair.ok("session.open")
    for i in range(60):
        chair.ok("attendance.mark", {"seat": "BRA", "status": "present" if i % 2 == 0 else "absent"})
    head = chair.ok("speakers.close")["seq"]
    c = s.client()
    r = c.hello(d.token, "ga", after=w["seq"])
    assert r["resumed"] is True and r["seq"] == w["seq"] and "state" not in r
    c.wait_event(head)
    seqs = [e["seq"] for e in c.events()]
    assert seqs == list(range(w["seq"] + 1, head + 1))
    state = w["state"]
    for e in c.events():
        state = apply_patch(state, e["patch"])
    assert state == view(s, "ga")


def test_resume_after_a_restart_comes_from_the_log(fresh):
    s = fresh().start()
    chair, w = s.join("chair", committee="ga")
    chair.ok("session.open")
    chair.ok("attendance.mark", {"seat": "FRA", "status": "present"})
    chair.close()
    s.stop()
    s.start()
    chair2 = s.client()
    r = chair2.hello(chair.token, "ga", after=w["seq"])
    if r["resumed"]:
        assert r["seq"] == w["seq"] and "state" not in r
        state = w["state"]
        head = view(s, "ga")
        chair2.until(lambda f: f["type"] == "event" and f["seq"] == w["seq"] + 2)
        for e in chair2.events():
            state = apply_patch(state, e["patch"])
        assert state == head
    else:
        assert r["state"]["attendance"] == {"FRA": "present"}


def test_after_beyond_the_current_seq_gets_a_fresh_welcome(server):
    c, w = server.join("display", committee="sc")
    again = server.client()
    r = again.hello(c.token, "sc", after=w["seq"] + 1000)
    assert r["resumed"] is False and r["seq"] == w["seq"] and "state" in r


def test_resent_command_ids_after_reconnect_neither_duplicate_nor_gap(fresh):
    s = fresh().start()
    chair, w = s.join("chair", committee="ga")
    ids = [chair.command("session.open")] + [chair.command("attendance.mark", {"seat": seat, "status": "present"})
                                             for seat in ("BRA", "CHN", "FRA")]
    first = [chair.outcome(i) for i in ids]
    chair.close()
    again = s.client()
    r = again.hello(chair.token, "ga", after=w["seq"])
    for i, name in zip(ids, ["session.open"] + ["attendance.mark"] * 3):
        again.send({"type": "command", "id": i, "name": name,
                    "args": {} if name == "session.open" else {"seat": "GHA", "status": "present"}})
    second = [again.outcome(i) for i in ids]
    assert first == second
    state = view(s, "ga")
    assert state["attendance"] == {"BRA": "present", "CHN": "present", "FRA": "present"}
    seqs = [e["seq"] for e in again.events()]
    assert seqs == sorted(set(seqs)) and (not r["resumed"] or seqs == list(range(w["seq"] + 1, first[-1]["seq"] + 1)))


def test_after_zero_gets_a_fresh_welcome_and_rejects_have_exact_keys(server):
    c, w = server.join("delegate", committee="ga", seat="GHA")
    again = server.client()
    r = again.hello(c.token, "ga", after=0)
    assert r["resumed"] is False and "state" in r and r["seat"] == "GHA"
    rej = again.do("session.open")
    assert set(rej) == {"type", "id", "code", "message"} and rej["code"] == "forbidden"
    assert isinstance(rej["message"], str) and rej["message"].strip()


def test_resume_beyond_the_memory_window_comes_from_the_log(fresh):
    from floor import pipeline
    s = fresh().start()
    chair, _ = s.join("chair", committee="ga")
    d, w = s.join("display", committee="ga")
    d.close()
    chair.ok("session.open")
    marks = [("attendance.mark", {"seat": "BRA", "status": "present" if i % 2 == 0 else "absent"}) for i in range(4300)]
    for start in range(0, len(marks), 100):  # bursts well under the outbox limit (4408)
        head = pipeline(chair, marks[start:start + 100], timeout=60)[-1]["seq"]
    c = s.client()
    r = c.hello(d.token, "ga", after=w["seq"])
    if r["resumed"]:
        assert r["seq"] == w["seq"] and "state" not in r
        c.until(lambda f: f["type"] == "event" and f["seq"] == head, timeout=60)
        seqs = [e["seq"] for e in c.events()]
        assert seqs == list(range(w["seq"] + 1, head + 1))
        state = w["state"]
        for e in c.events():
            state = apply_patch(state, e["patch"])
    else:
        state = r["state"]
        assert r["seq"] == head
    assert state == view(s, "ga")
