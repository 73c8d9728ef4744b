"""Every role against every command of protocol.md §7: allowed (any answer but `forbidden`), or
`forbidden`. Display and auditor send no commands; a delegate never drives the floor."""

import pytest

CHAIR_ONLY = [
    "session.open", "session.suspend", "session.resume", "session.adjourn", "agenda.set", "attendance.mark",
    "speakers.next", "speaker.pause", "speaker.resume", "speaker.end", "speakers.setTime", "point.resolve",
    "motion.ruleOut", "motion.put", "vote.open", "vote.record", "vote.count", "vote.close", "vote.cancel",
    "caucus.end", "draft.approve",
]
DELEGATE_ONLY = [
    "attendance.declare", "point.raise", "motion.withdraw", "vote.cast", "draft.sign", "draft.unsign",
    "amendment.submit", "amendment.accept",
]
EITHER = ["speakers.add", "speakers.remove", "speaker.yield", "motion.propose", "motion.second", "draft.submit",
          "draft.withdraw"]
ALL = CHAIR_ONLY + DELEGATE_ONLY + EITHER


def expected(role, command):
    if role in ("display", "auditor"):
        return "forbidden"
    if role == "delegate" and command in CHAIR_ONLY:
        return "forbidden"
    if role == "chair" and command in DELEGATE_ONLY:
        return "forbidden"
    return "allowed"


@pytest.mark.parametrize("role", ["chair", "delegate", "display", "auditor"])
def test_role_matrix(gaveld, role):
    client, _ = gaveld.join(role, seat="BRA" if role == "delegate" else None)
    ids = {command: client.command(command, {}) for command in ALL}
    answers = {}
    while len(answers) < len(ids):
        frame = client.until(lambda f: f["type"] in ("ack", "reject"))
        answers[frame["id"]] = frame
    problems = []
    for command, id in ids.items():
        answer = answers[id]
        code = answer.get("code")
        assert code != "rate_limited", "the matrix must fit in the burst"
        if expected(role, command) == "forbidden":
            if code != "forbidden":
                problems.append(f"{role} {command}: expected forbidden, got {answer}")
        elif code in ("forbidden", "unknown_command"):
            problems.append(f"{role} {command}: expected to be allowed, got {answer}")
    assert not problems, "\n".join(problems)
    client.close()
