"""Frames that are not commands, and commands the server refuses before any rule runs
(protocol.md §2–§4): bad JSON, unknown type, no hello, oversized frames, bad ids, roles, flooding."""

import json
import time

from gavel_harness import Closed


def test_bad_json_gets_error_and_the_connection_lives(gaveld):
    client, _ = gaveld.join("chair")
    client.send_raw("{not json")
    error = client.until(lambda f: f["type"] == "error")
    assert error["code"] == "bad_json" and error["message"]
    assert client.do("agenda.set", {"topic": ""})["type"] == "reject"  # still served
    client.close()


def test_unknown_frame_type_gets_error(gaveld):
    client, _ = gaveld.join("chair")
    client.send({"type": "dance"})
    assert client.until(lambda f: f["type"] == "error")["code"] == "unknown_type"
    client.close()


def test_command_before_hello_is_a_protocol_error(gaveld):
    client = gaveld.client()
    client.send({"type": "command", "id": "x1", "name": "session.open", "args": {}})
    error = client.until(lambda f: f["type"] == "error")
    assert error["code"] == "no_hello"
    assert client.wait_closed() == 4400


def test_no_hello_in_time_is_closed_4400(gaveld):
    client = gaveld.client()
    started = time.monotonic()
    assert client.wait_closed(timeout=10) == 4400
    assert time.monotonic() - started >= 1.0  # the fixture's hello_timeout_ms is 1500


def test_oversized_frame_is_closed_1009(gaveld):
    client, _ = gaveld.join("chair")
    client.send({"type": "command", "id": "big", "name": "agenda.set", "args": {"topic": "x" * 70000}})
    assert client.wait_closed() == 1009


def test_unknown_command_is_rejected(gaveld):
    client, _ = gaveld.join("chair")
    answer = client.do("floor.dance", {})
    assert answer["type"] == "reject" and answer["code"] == "unknown_command" and answer["message"]
    client.close()


def test_command_id_must_be_1_to_64_characters(gaveld):
    client, _ = gaveld.join("chair")
    for bad in ("", "x" * 65, 17, None):
        client.send({"type": "command", "id": bad, "name": "session.open", "args": {}})
        error = client.until(lambda f: f["type"] in ("error", "ack", "reject"))
        assert error["type"] == "error" and error["code"] == "bad_command", (bad, error)
    answer = client.do("floor.dance", {}, id="y" * 64)
    assert answer["id"] == "y" * 64
    client.close()


def test_display_and_auditor_send_no_commands(gaveld):
    for role in ("display", "auditor"):
        client, _ = gaveld.join(role)
        answer = client.do("session.open")
        assert answer["type"] == "reject" and answer["code"] == "forbidden", (role, answer)
        client.close()


def test_a_flooding_client_is_rate_limited_and_others_are_not(gaveld):
    flooder, _ = gaveld.join("chair")
    other, _ = gaveld.join("chair")
    ids = [flooder.command("floor.dance", id=f"flood-{i}") for i in range(500)]
    answers = {}
    while len(answers) < len(ids):
        frame = flooder.until(lambda f: f["type"] in ("ack", "reject"))
        answers[frame["id"]] = frame
    codes = [answers[i]["code"] for i in ids]
    assert "rate_limited" in codes
    assert codes.count("unknown_command") >= 200  # the burst got through
    assert other.do("floor.dance")["code"] == "unknown_command"
    flooder.close()
    other.close()
