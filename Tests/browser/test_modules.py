"""The shared modules as the browser loads them from gaveld: JSON Patch (RFC 6902, with `~0`/`~1`
escapes) and the announcement wording, which must tell a veto from a lack of votes (rules.md
R5.6.6, §8.2)."""
import json

import pytest

from harness import open_screen


def run_module(screen, module, body):
    """Imports `/js/<module>` in the page and returns what `body` (given `m`) returns."""
    result = screen.driver.execute_async_script(f"""
        const done = arguments[arguments.length - 1];
        import('/js/{module}').then((m) => {{ try {{ done({{ ok: ({body}) }}); }} catch (e) {{ done({{ error: String(e) }}); }} }},
                                   (e) => done({{ error: String(e) }}));""")
    if "error" in result:
        raise AssertionError(result["error"])
    return result["ok"]


@pytest.fixture
def page(gaveld, browser):
    return open_screen(browser, gaveld.page_url("display", gaveld.token("display")), first=True)


def test_patch_applies_escaped_paths_and_array_ops(page):
    doc = {"a/b": {"m~n": 1}, "list": [1, 2, 3], "vote": None}
    ops = [
        {"op": "replace", "path": "/a~1b/m~0n", "value": 2},
        {"op": "add", "path": "/list/1", "value": 9},
        {"op": "add", "path": "/list/-", "value": 4},
        {"op": "remove", "path": "/list/0"},
        {"op": "replace", "path": "/vote", "value": {"ballots": {}}},
        {"op": "add", "path": "/vote/ballots/FRA", "value": "yes"},
    ]
    out = run_module(page, "patch.js", f"m.applyPatch({json.dumps(doc)}, {json.dumps(ops)})")
    assert out == {"a/b": {"m~n": 2}, "list": [9, 2, 3, 4], "vote": {"ballots": {"FRA": "yes"}}}
    with pytest.raises(AssertionError, match="PatchError|not found|remove"):
        run_module(page, "patch.js", 'm.applyPatch({"a": 1}, [{"op": "remove", "path": "/b"}])')


def closed(**kw):
    vote = {"id": "v1", "subject": {"kind": "draft", "id": "SIM-SC/DR/1"}, "question": "substantive",
            "tally": {"yes": 13, "no": 1, "abstain": 1, "notVoting": 0}, "outcome": "adopted", "reason": "threshold_met",
            "vetoedBy": [], "ballots": {}}
    vote.update(kw)
    return vote


def announce(page, vote):
    state = {"committee": {"symbolPrefix": "SIM-SC"}, "votes": [vote]}
    return run_module(page, "announce.js", f"m.buildAnnouncement({json.dumps(vote)}, {json.dumps(state)})")


def test_announcement_wording(page):
    assert announce(page, closed()) == ("The draft resolution received 13 votes in favour, 1 against and 1 abstention. "
                                        "The draft resolution has been adopted as resolution SIM-SC/RES/1.")
    veto = announce(page, closed(tally={"yes": 11, "no": 2, "abstain": 2, "notVoting": 0}, outcome="rejected", reason="veto", vetoedBy=["RUS"]))
    assert veto.endswith("has not been adopted, owing to the negative vote of a permanent member of the Council.")
    two = announce(page, closed(tally={"yes": 10, "no": 2, "abstain": 3, "notVoting": 0}, outcome="rejected", reason="veto", vetoedBy=["RUS", "CHN"]))
    assert two.endswith("owing to the negative votes of permanent members of the Council.")
    short = announce(page, closed(tally={"yes": 8, "no": 1, "abstain": 6, "notVoting": 0}, outcome="rejected", reason="insufficient_votes", vetoedBy=["USA"]))
    assert short == ("The draft resolution received 8 votes in favour, 1 against and 6 abstentions. "
                     "The draft resolution has not been adopted, having failed to obtain the required number of votes.")
    motion = announce(page, closed(subject={"kind": "motion", "id": "m1"}, question="procedural",
                                   tally={"yes": 9, "no": 6, "abstain": 0, "notVoting": 0}))
    assert motion == "The motion received 9 votes in favour, 6 against and 0 abstentions. The motion has been adopted."
    # The server's own announcement (the text of the record) wins when the view carries it.
    served = closed(announcement="As recorded by the server.")
    state = {"votes": [served]}
    assert run_module(page, "announce.js", f"m.announcement({json.dumps(served)}, {json.dumps(state)})") == "As recorded by the server."
