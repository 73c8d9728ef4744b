"""Every event reaches every connection in seq order without gaps; applying every patch to the
welcome state reproduces the server's view; on the issuing connection a command's events come
before its ack (protocol.md §4)."""

from gavel_harness import apply_patch

SEATS = ["BRA", "CHN", "FRA", "GHA", "IND"]


def drive(chair):
    """A short stretch of meeting that writes a dozen events; returns the acks."""
    acks = [chair.do("session.open")]
    for seat in SEATS:
        acks.append(chair.do("attendance.mark", {"seat": seat, "status": "present_and_voting"}))
    for i in range(4):
        acks.append(chair.do("agenda.set", {"topic": f"Item {i}: small arms"}))
    acks.append(chair.do("attendance.mark", {"seat": "GHA", "status": "absent"}))
    return acks


def test_every_client_sees_every_event_in_order_and_patches_rebuild_the_view(fresh_gaveld):
    server = fresh_gaveld().start()
    chair, chair_welcome = server.join("chair")
    watchers = [server.join("delegate", seat="FRA"), server.join("display"), server.join("auditor")]
    acks = drive(chair)
    assert all(a["type"] == "ack" for a in acks), acks
    last = max(a["seq"] for a in acks)
    assert last > chair_welcome["seq"]

    streams = []
    for client, welcome in watchers + [(chair, chair_welcome)]:
        if client is not chair:
            client.wait_event(last)
        events = client.events()
        seqs = [e["seq"] for e in events]
        assert seqs == list(range(welcome["seq"] + 1, last + 1)), seqs
        state = welcome["state"]
        for event in events:
            assert event["type"] == "event" and isinstance(event["at"], int) and event["name"]
            assert isinstance(event["data"], dict) and isinstance(event["patch"], list)
            state = apply_patch(state, event["patch"])
        streams.append((events, state))

    first_events, first_state = streams[0]
    for events, state in streams[1:]:
        assert events == first_events  # the same frames, byte for byte after parsing
        assert state == first_state
    fresh, fresh_welcome = server.join("display")
    assert fresh_welcome["seq"] == last
    assert fresh_welcome["state"] == first_state
    for client, _ in watchers + [(chair, None), (fresh, None)]:
        client.close()


def test_events_of_a_command_precede_its_ack(fresh_gaveld):
    server = fresh_gaveld().start()
    chair, _ = server.join("chair")
    drive(chair)
    seen = 0
    for frame in chair.frames:
        if frame["type"] == "event":
            seen = frame["seq"]
        elif frame["type"] == "ack":
            assert frame["seq"] <= seen, f"ack {frame} before its events (last event seq {seen})"
    chair.close()


def test_a_command_that_changes_nothing_is_acked_with_the_current_seq(fresh_gaveld):
    server = fresh_gaveld().start()
    chair, welcome = server.join("chair")
    answer = chair.do("agenda.set", {"topic": "The situation in Tajikistan"})  # already the topic
    if answer["type"] == "ack":
        assert answer["seq"] == welcome["seq"] and chair.events() == []
    else:
        assert answer["code"] == "duplicate"
    chair.close()


def test_concurrent_writers_are_serialized_into_one_stream(fresh_gaveld):
    """Several connections send at once; group commit orders them, and every client sees the
    same gap-free stream with each command's events before its ack."""
    server = fresh_gaveld().start()
    chair, _ = server.join("chair")
    chair.ok("session.open")
    display, welcome = server.join("display")
    delegates = [server.join("delegate", seat=seat)[0] for seat in SEATS]
    sent = {}
    for round_ in range(10):
        for d in delegates:
            name = "speakers.add" if round_ % 2 == 0 else "speakers.remove"
            sent[d.command(name, {})] = d
        sent[chair.command("agenda.set", {"topic": f"Concurrent {round_}"})] = chair
    last = 0
    for id, client in sent.items():
        answer = client.outcome(id)
        assert answer["type"] in ("ack", "reject")
        if answer["type"] == "ack":
            last = max(last, answer["seq"])
    streams = []
    for client in delegates + [chair, display]:
        client.wait_event(last)
        events = [e for e in client.events() if e["seq"] > welcome["seq"]]
        assert [e["seq"] for e in events] == list(range(welcome["seq"] + 1, last + 1))
        streams.append(events)
        seen = 0
        for frame in client.frames:
            if frame["type"] == "event":
                seen = frame["seq"]
            elif frame["type"] == "ack":
                assert frame["seq"] <= seen
    assert all(s == streams[0] for s in streams)
    state = welcome["state"]
    for event in streams[0]:
        state = apply_patch(state, event["patch"])
    _, fresh = server.join("auditor")
    assert fresh["state"] == state
