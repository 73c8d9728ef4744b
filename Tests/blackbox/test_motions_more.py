"""The remaining motion kinds of protocol.md §7 with their arguments, and caucus timers."""
from floor import CLAUSES, Delegates, carry, everyone_votes, introduce, open_floor, propose, view


def test_adjourn_and_resume_debate_reconsider_and_introductions(fresh):
    s = fresh().start()
    chair, _ = open_floor(s, "ga")
    d = Delegates(s, "ga", ["BRA", "CHN", "FRA", "GHA", "IND"])
    v = carry(s, "ga", chair, d["BRA"], "adjourn_debate", {}, d["GHA"])
    assert v["outcome"] == "adopted" and v["question"] == "procedural"
    v = carry(s, "ga", chair, d["GHA"], "resume_debate", {}, d["BRA"])
    assert v["outcome"] == "adopted"
    # Introduce an approved draft by motion, and an amendment to it.
    draft = introduce(s, "ga", chair, d["FRA"], "FRA", [d["CHN"], d["IND"]])
    d["FRA"].ok("motion.propose", {"kind": "introduce_draft", "args": {"draft": draft}})
    m = view(s, "ga")["motions"][-1]
    assert (m["kind"], m["args"]) == ("introduce_draft", {"draft": draft})
    chair.ok("motion.ruleOut", {"motion": m["id"], "reason": "Already before the committee."})
    d["GHA"].ok("amendment.submit", {"draft": draft, "clause": 1, "action": "strike", "text": ""})
    am = view(s, "ga")["drafts"][-1]["amendments"][-1]["id"]
    r = d["GHA"].do("motion.propose", {"kind": "introduce_amendment", "args": {"amendment": am}})
    assert r["type"] == "ack", r
    for m in view(s, "ga")["motions"]:
        chair.ok("motion.ruleOut", {"motion": m["id"], "reason": "Cleared."})
    # Reconsider a decided vote on a draft, moved by a seat on the prevailing side.
    v = carry(s, "ga", chair, d["BRA"], "close_debate", {}, d["GHA"])
    assert v["outcome"] == "adopted"
    r = chair.do("vote.open", {"subject": {"kind": "draft", "id": draft}, "method": "recorded"})
    if r["type"] == "reject":  # the amendment is voted before the draft (rules.md §5.8)
        chair.ok("vote.open", {"subject": {"kind": "amendment", "id": am}})
        everyone_votes(s, "ga", chair, "no")
        chair.ok("vote.open", {"subject": {"kind": "draft", "id": draft}, "method": "recorded"})
    v = everyone_votes(s, "ga", chair, "yes", {"IND": "no"})
    assert v["outcome"] == "adopted"
    d["GHA"].ok("motion.propose", {"kind": "reconsider", "args": {"vote": v["id"]}})
    m = view(s, "ga")["motions"][-1]
    assert (m["kind"], m["args"]) == ("reconsider", {"vote": v["id"]})


def test_appeal_of_a_ruling(fresh):
    s = fresh().start()
    chair, _ = open_floor(s, "ga")
    d = Delegates(s, "ga", ["BRA", "GHA"])
    d["BRA"].ok("motion.propose", {"kind": "adjourn_meeting", "args": {}})
    m = view(s, "ga")["motions"][-1]["id"]
    ruled = chair.ok("motion.ruleOut", {"motion": m, "reason": "Too early.", "dilatory": False})
    ruling = next(e for e in chair.events() if e["seq"] == ruled["seq"])["data"]
    ruling_id = ruling.get("ruling") or ruling.get("id") or m
    if isinstance(ruling_id, dict):
        ruling_id = ruling_id.get("id")
    r = d["BRA"].do("motion.propose", {"kind": "appeal", "args": {"ruling": ruling_id}})
    assert r["type"] == "ack", r
    assert view(s, "ga")["motions"][-1]["kind"] == "appeal"


def test_unmoderated_caucus_expires_on_the_servers_timer(fresh):
    s = fresh().start()
    chair, _ = open_floor(s, "ga")
    d = Delegates(s, "ga", ["BRA", "GHA"])
    carry(s, "ga", chair, d["BRA"], "unmoderated_caucus", {"totalMs": 1500, "topic": "Drafting"}, d["GHA"])
    st = view(s, "ga")
    assert st["caucus"]["kind"] == "unmoderated" and st["caucus"]["running"] is True
    seq = chair.events()[-1]["seq"]
    chair.until(lambda f: f["type"] == "event" and f["seq"] > seq
                and any(op["path"] in ("/caucus", "/session/mode") for op in f["patch"]), timeout=8)
    st = view(s, "ga")
    assert st["caucus"] is None or st["caucus"]["running"] is False
