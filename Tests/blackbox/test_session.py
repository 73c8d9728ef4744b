"""Session commands, chair discretion, timers on the server, idle pings, connection replacement."""
import time

from floor import open_floor, view
from gavel_harness import Closed


def code(answer):
    assert answer["type"] == "reject", answer
    return answer["code"]


def test_session_state_machine_and_agenda(fresh):
    s = fresh().start()
    chair, _ = s.join("chair", committee="ga")
    assert code(chair.do("session.resume")) == "wrong_state"
    chair.ok("session.open")
    assert code(chair.do("session.open")) == "wrong_state"
    r = chair.do("agenda.set", {"topic": "Outer space"})
    if r["type"] == "ack":
        assert view(s, "ga")["committee"]["topic"] == "Outer space"
    else:
        assert r["code"] in ("out_of_order", "wrong_state")
    assert code(chair.do("agenda.set", {})) == "invalid_args"
    chair.ok("session.suspend", {"durationMs": 600000})
    st = view(s, "ga")["session"]
    assert st["state"] == "suspended" and isinstance(st["since"], int)
    chair.ok("session.resume")
    assert view(s, "ga")["session"]["state"] == "open"
    chair.ok("session.adjourn")
    assert view(s, "ga")["session"]["state"] == "adjourned"
    assert code(chair.do("session.suspend")) == "wrong_state"


def test_speaking_time_arguments_are_checked(fresh):
    s = fresh().start()
    chair, _ = open_floor(s, "ga")
    for bad in ({}, {"ms": -1}, {"ms": "fast"}, {"ms": 0}):
        assert code(chair.do("speakers.setTime", bad)) == "invalid_args"
    chair.ok("speakers.setTime", {"ms": 120000})
    assert view(s, "ga")["speakers"]["speakingTimeMs"] == 120000


def test_a_suspension_with_a_duration_resumes_on_the_servers_timer(fresh):
    s = fresh().start()
    chair, _ = open_floor(s, "ga")
    seq = chair.ok("session.suspend", {"durationMs": 1000})["seq"]
    chair.until(lambda f: f["type"] == "event" and f["seq"] > seq
                and any(op["path"] == "/session/state" and op.get("value") == "open" for op in f["patch"]), timeout=6)
    assert view(s, "ga")["session"]["state"] == "open"


def test_an_idle_connection_that_answers_pings_stays(fresh):
    s = fresh(limits={"ping_seconds": 1, "hangup_seconds": 2}).start()
    c, w = s.join("display", committee="ga")
    deadline = time.monotonic() + 3.5
    while time.monotonic() < deadline:  # idle: nothing to read, the client library answers pings
        try:
            c.recv(deadline - time.monotonic())
        except (TimeoutError, Exception) as e:
            if isinstance(e, Closed):
                raise
            break
    assert c.do("session.open")["code"] == "forbidden"


def test_replaced_connection_is_closed_4409_when_configured(fresh):
    s = fresh(limits={"replace_connections": "true"}).start()
    first, _ = s.join("display", committee="ga")
    second = s.client()
    second.hello(first.token, "ga")
    assert first.wait_closed() == 4409
    assert second.do("session.open")["code"] == "forbidden"


def test_both_connections_of_a_credential_stay_by_default(fresh):
    s = fresh().start()
    first, _ = s.join("chair", committee="ga")
    second = s.client()
    second.hello(first.token, "ga")
    ack = second.ok("session.open")
    first.wait_event(ack["seq"])
