"""A mini-session over real WebSockets: the session opens, the roll is called, speakers speak,
a motion is moved, seconded and put to a vote, delegates vote, and the result is announced to
every client (protocol.md §4, §6, §7)."""

import subprocess

from gavel_harness import BIN, apply_patch

MEMBERS = ["BRA", "CHN", "FRA", "GHA", "IND"]


def test_mini_session_end_to_end(fresh_gaveld):
    server = fresh_gaveld().start()
    chair, chair_welcome = server.join("chair")
    display, display_welcome = server.join("display")
    delegates = {seat: server.join("delegate", seat=seat)[0] for seat in MEMBERS + ["TJK"]}

    chair.ok("session.open")
    for seat in MEMBERS:
        chair.ok("attendance.mark", {"seat": seat, "status": "present_and_voting"})
    chair.ok("attendance.mark", {"seat": "TJK", "status": "present"})

    delegates["FRA"].ok("speakers.add")
    delegates["BRA"].ok("speakers.add")
    assert delegates["FRA"].do("speakers.add")["code"] == "duplicate"
    chair.ok("speakers.next")
    chair.ok("speaker.end")

    proposed = delegates["GHA"].ok("motion.propose", {"kind": "set_speaking_time", "args": {"ms": 60000}})
    motion = next(e for e in delegates["GHA"].events() if e["name"] == "motionProposed")["data"]["motion"]["id"]
    assert delegates["GHA"].do("motion.second", {"motion": motion})["type"] == "reject"  # not one's own
    delegates["IND"].ok("motion.second", {"motion": motion})
    chair.ok("motion.put", {})

    for seat in ["BRA", "CHN", "FRA", "GHA"]:
        delegates[seat].ok("vote.cast", {"choice": "yes"})
    delegates["IND"].ok("vote.cast", {"choice": "no"})
    assert delegates["IND"].do("vote.cast", {"choice": "yes"})["code"] == "already_voted"
    assert delegates["TJK"].do("vote.cast", {"choice": "yes"})["code"] == "not_eligible"
    closed = chair.ok("vote.close")

    display.wait_event(closed["seq"])
    state = display_welcome["state"]
    for event in display.events():
        state = apply_patch(state, event["patch"])
    _, fresh = server.join("auditor")
    assert fresh["seq"] == closed["seq"] and fresh["state"] == state

    vote = state["votes"][-1]
    assert vote["outcome"] == "adopted" and vote["reason"] == "threshold_met"
    assert vote["tally"]["yes"] == 4 and vote["tally"]["no"] == 1
    assert vote["ballots"] == {"BRA": "yes", "CHN": "yes", "FRA": "yes", "GHA": "yes", "IND": "no"}
    assert state["vote"] is None
    assert state["speakers"]["speakingTimeMs"] == 60000  # the motion was executed
    assert state["attendance"] == {**{s: "present_and_voting" for s in MEMBERS}, "TJK": "present"}
    assert state["session"]["state"] == "open"

    # The log the session wrote verifies: hash chain and every recorded outcome.
    assert server.stop() == 0
    verify = subprocess.run([str(BIN / "gavel"), "verify", str(server.data / "disec.gavel")], capture_output=True,
                            text=True, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr
