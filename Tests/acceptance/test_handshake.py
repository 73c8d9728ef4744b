"""hello → welcome (protocol.md §3–§4), health and metrics endpoints."""

import json

import pytest

from gavel_harness import Closed


def test_welcome_carries_role_seat_and_the_full_view(gaveld):
    client, welcome = gaveld.join("delegate", seat="FRA")
    assert welcome["type"] == "welcome"
    assert welcome["protocol"] == 1
    assert welcome["committee"] == "disec"
    assert welcome["role"] == "delegate"
    assert welcome["seat"] == "FRA"
    assert welcome["resumed"] is False
    assert welcome["seq"] >= 1
    assert isinstance(welcome["serverTime"], int)
    state = welcome["state"]
    for key in ("committee", "seats", "session", "attendance", "quorum", "speakers", "caucus", "motions",
                "points", "vote", "votes", "drafts"):
        assert key in state
    assert state["committee"]["id"] == "disec"
    assert set(state["seats"]) == {"BRA", "CHN", "FRA", "GHA", "IND", "TJK"}
    client.close()


def test_chair_welcome_has_no_seat(gaveld):
    client, welcome = gaveld.join("chair")
    assert welcome["role"] == "chair" and welcome["seat"] is None
    client.close()


def test_committee_path_is_accepted_and_must_match(gaveld):
    client, welcome = gaveld.join("display", path="/ws/disec")
    assert welcome["committee"] == "disec"
    client.close()
    mismatch = gaveld.client("/ws/unsc")
    mismatch.send({"type": "hello", "token": gaveld.token("display"), "committee": "disec"})
    assert mismatch.wait_closed() == 4404


def test_unknown_committee_is_closed_4404(gaveld):
    client = gaveld.client()
    client.send({"type": "hello", "token": gaveld.token("chair"), "committee": "nope"})
    assert client.wait_closed() == 4404


def test_unknown_token_is_closed_4401(gaveld):
    client = gaveld.client()
    client.send({"type": "hello", "token": "not-a-token", "committee": "disec"})
    assert client.wait_closed() == 4401


def test_token_of_another_committee_is_unknown_here(gaveld):
    client = gaveld.client()
    client.send({"type": "hello", "token": gaveld.token("chair", committee="unsc"), "committee": "disec"})
    assert client.wait_closed() == 4401


def test_subprotocol_may_be_omitted(gaveld):
    client = gaveld.client(subprotocols=())
    welcome = client.hello(gaveld.token("auditor"), "disec")
    assert welcome["role"] == "auditor"
    client.close()


def test_healthz_and_metrics(gaveld):
    status, ctype, body = gaveld.http("/healthz")
    assert status == 200 and ctype.startswith("application/json")
    health = json.loads(body)
    assert health["status"] == "ok"
    assert set(health["committees"]) == {"disec", "unsc"}
    status, ctype, body = gaveld.http("/metrics")
    assert status == 200 and ctype.startswith("text/plain")
    for family in ("gavel_connections", "gavel_commands_total", "gavel_rejects_total", "gavel_append_seconds",
                   "gavel_fanout_seconds", "gavel_outbox_drops_total"):
        assert f"# TYPE {family} " in body
