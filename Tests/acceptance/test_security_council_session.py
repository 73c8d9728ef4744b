"""A full Security Council session on the shipped demo committee (Config/committees/unsc.toml),
driven as the chair console and the delegate terminals would: roll call, speeches with a yield,
a participant on the list, a draft, closure, a roll-call vote ending in a veto, a second draft
adopted despite a permanent member's abstention, and the log verified by `gavel verify`."""
import subprocess

import pytest

from gavel_harness import BIN, REPO, Gaveld

P5 = {"CHN", "FRA", "GBR", "RUS", "USA"}
CLAUSES = [
    {"kind": "preambular", "text": "Recalling its previous resolutions on the situation in Tajikistan,"},
    {"kind": "operative", "text": "Decides to extend the mandate of the mission;"},
]


@pytest.fixture
def council(tmp_path):
    server = Gaveld(tmp_path, committees={"unsc": (REPO / "Config/committees/unsc.toml").read_text()}).start()
    yield server
    server.stop()


def state_of(server):
    viewer, welcome = server.join("auditor", committee="unsc")
    viewer.close()
    return welcome["state"]


def run_roll_call(server, chair, delegates, choices):
    """Answers every call in order: through the seat's own terminal when it has one, otherwise
    the chair records the spoken answer. Returns the closed vote."""
    vote = state_of(server)["vote"]
    assert vote["method"] == "roll_call" and vote["next"] == vote["order"][0]
    while vote["next"]:
        seat = vote["next"]
        choice = choices.get(seat, "yes")
        if seat in delegates:
            delegates[seat].ok("vote.cast", {"choice": choice})
        else:
            chair.ok("vote.record", {"seat": seat, "choice": choice})
        vote = state_of(server)["vote"]
    chair.ok("vote.close")
    return state_of(server)["votes"][-1]


def test_a_security_council_session_from_roll_call_to_the_record(council):
    chair, welcome = council.join("chair", committee="unsc")
    state = welcome["state"]
    members = [code for code, seat in state["seats"].items() if seat["kind"] == "member"]
    assert len(members) == 15 and {c for c in members if state["seats"][c]["veto"]} == P5
    assert state["seats"]["TJK"]["kind"] == "participant" and state["seats"]["CIS"]["kind"] == "invitee"

    chair.ok("session.open")
    for code in state["seats"]:
        chair.ok("attendance.mark", {"seat": code, "status": "present"})
    quorum = state_of(council)["quorum"]
    assert quorum["members"] == 15 and quorum["present"] == 15 and quorum["canDecide"]

    delegates = {s: council.join("delegate", committee="unsc", seat=s)[0] for s in ["FRA", "GBR", "RUS", "CHN", "TJK"]}

    # Speeches: France yields to Tajikistan (a rule 37 participant may speak, never vote).
    delegates["FRA"].ok("speakers.add")
    delegates["TJK"].ok("speakers.add")
    assert state_of(council)["speakers"]["queue"] == ["FRA", "TJK"]
    chair.ok("speakers.next")
    assert state_of(council)["speakers"]["current"]["seat"] == "FRA"
    delegates["FRA"].ok("speaker.yield", {"to": "delegate", "seat": "TJK"})
    current = state_of(council)["speakers"]["current"]
    assert current["seat"] == "TJK" and current["yieldedFrom"] == "FRA"
    chair.ok("speaker.end")

    # A draft by France and the United Kingdom, signed, approved; closure moves to voting.
    delegates["FRA"].ok("draft.submit", {"title": "The situation in Tajikistan", "sponsors": ["FRA", "GBR"],
                                          "clauses": CLAUSES})
    draft = state_of(council)["drafts"][0]["id"]
    assert draft == "SIM-SC/DR/1"
    delegates["RUS"].ok("draft.sign", {"draft": draft})
    chair.ok("draft.approve", {"draft": draft})
    assert delegates["TJK"].do("motion.propose", {"kind": "close_debate", "args": {}})["code"] == "not_eligible"
    delegates["FRA"].ok("motion.propose", {"kind": "close_debate", "args": {}})
    chair.ok("motion.put")
    closure = run_roll_call_or_placard(council, chair)
    assert closure["outcome"] == "adopted"

    # Roll call on the draft: the Russian Federation votes no — a veto despite 13 in favour.
    chair.ok("vote.open", {"subject": {"kind": "draft", "id": draft}, "method": "roll_call"})
    assert delegates["TJK"].do("vote.cast", {"choice": "yes"})["code"] == "not_eligible"
    vetoed = run_roll_call(council, chair, delegates, {"RUS": "no", "PAK": "abstain"})
    assert (vetoed["outcome"], vetoed["reason"], vetoed["vetoedBy"]) == ("rejected", "veto", ["RUS"])
    assert vetoed["tally"] == {"yes": 13, "no": 1, "abstain": 1, "notVoting": 0}
    assert "owing to the negative vote of a permanent member" in vetoed["announcement"]
    assert "TJK" not in vetoed["ballots"] and "CIS" not in vetoed["ballots"]

    # A second draft: China abstains, which is not a veto (Art. 27(3) practice).
    delegates["GBR"].ok("draft.submit", {"title": "Humanitarian assistance", "sponsors": ["GBR"], "clauses": CLAUSES})
    second = state_of(council)["drafts"][1]["id"]
    for seat in ("FRA", "RUS"):
        delegates[seat].ok("draft.sign", {"draft": second})
    chair.ok("draft.approve", {"draft": second})
    chair.ok("vote.open", {"subject": {"kind": "draft", "id": second}, "method": "roll_call"})
    adopted = run_roll_call(council, chair, delegates, {"CHN": "abstain", "RUS": "abstain"})
    assert (adopted["outcome"], adopted["reason"], adopted["vetoedBy"]) == ("adopted", "threshold_met", [])
    assert adopted["tally"] == {"yes": 13, "no": 0, "abstain": 2, "notVoting": 0}
    assert "has been adopted as resolution SIM-SC/RES/1" in adopted["announcement"]

    chair.ok("session.adjourn")
    council.stop()
    verify = subprocess.run([str(BIN / "gavel"), "verify", str(council.data / "unsc.gavel")],
                            capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def run_roll_call_or_placard(server, chair):
    """Closure is procedural: everyone present answers yes by placard entries."""
    vote = state_of(server)["vote"]
    assert vote["question"] == "procedural"
    for seat in vote["eligible"]:
        chair.ok("vote.record", {"seat": seat, "choice": "yes"})
    chair.ok("vote.close")
    return state_of(server)["votes"][-1]
