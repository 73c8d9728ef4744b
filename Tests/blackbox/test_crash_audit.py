"""Crashes (SIGKILL mid roll call, restart on the same data) and the audit trail (gavel verify,
record, export) after a Security Council session with a veto."""
import csv
import io
import json
import signal
import subprocess

from floor import everyone_votes, introduce, open_floor, view
from gavel_harness import BIN

GAVEL = str(BIN / "gavel")


def run(*args):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=60)


def test_sigkill_mid_roll_call_keeps_every_acknowledged_ballot_once(fresh):
    s = fresh().start()
    chair, _ = open_floor(s, "sc")
    fra, _ = s.join("delegate", committee="sc", seat="FRA")
    others = [s.join("delegate", committee="sc", seat=x)[0] for x in ("GBR", "USA")]
    draft = introduce(s, "sc", chair, fra, "FRA", others)
    chair.ok("vote.open", {"subject": {"kind": "draft", "id": draft}, "method": "roll_call"})
    vote = view(s, "sc")["vote"]
    acked = {}
    for seat in vote["order"][:6]:
        chair.ok("vote.record", {"seat": seat, "choice": "yes" if seat != "CHN" else "abstain"})
        acked[seat] = "yes" if seat != "CHN" else "abstain"
    # One more ballot in flight when the daemon dies: it may or may not be in the log.
    chair.command("vote.record", {"seat": vote["order"][6], "choice": "no"})
    s.proc.send_signal(signal.SIGKILL)
    s.proc.wait(10)
    s.stderr.close()
    s.start()
    after = view(s, "sc")["vote"]
    assert after is not None and after["id"] == vote["id"]
    for seat, choice in acked.items():
        assert after["ballots"][seat] == choice
    in_flight = vote["order"][6] in after["ballots"]
    assert after["next"] == vote["order"][7 if in_flight else 6]
    chair2, _ = s.join("chair", committee="sc")
    for seat in vote["order"][len(after["ballots"]):]:
        chair2.ok("vote.record", {"seat": seat, "choice": "yes"})
    assert code_of(chair2.do("vote.record", {"seat": vote["order"][0], "choice": "no"})) in ("already_voted", "wrong_state")
    chair2.ok("vote.close")
    closed = view(s, "sc")["votes"][-1]
    assert closed["id"] == vote["id"] and len(closed["ballots"]) == 15
    assert sum(closed["tally"].values()) == 15
    s.stop()
    out = run(GAVEL, "verify", s.data / "sc.gavel")
    assert out.returncode == 0, out.stdout + out.stderr


def code_of(answer):
    return answer.get("code")


def test_record_and_export_after_a_session_with_a_veto(fresh):
    s = fresh().start()
    chair, _ = open_floor(s, "sc")
    fra, _ = s.join("delegate", committee="sc", seat="FRA")
    others = [s.join("delegate", committee="sc", seat=x)[0] for x in ("GBR", "USA")]
    first = introduce(s, "sc", chair, fra, "FRA", others, title="The situation in Tajikistan")
    chair.ok("vote.open", {"subject": {"kind": "draft", "id": first}, "method": "recorded"})
    vetoed = everyone_votes(s, "sc", chair, "yes", {"RUS": "no", "PAK": "abstain"})
    assert vetoed["reason"] == "veto"
    second = introduce(s, "sc", chair, fra, "FRA", others, title="Humanitarian assistance")
    chair.ok("vote.open", {"subject": {"kind": "draft", "id": second}, "method": "recorded"})
    adopted = everyone_votes(s, "sc", chair, "yes", {"CHN": "abstain"})
    assert adopted["outcome"] == "adopted"
    chair.ok("session.adjourn")
    f = s.data / "sc.gavel"
    assert run(GAVEL, "verify", f).returncode == 0   # on the live daemon's file

    md = run(GAVEL, "record", f, "--format", "md")
    assert md.returncode == 0, md.stderr
    for words in ("In favour", "Against", "Abstaining", "Russian Federation", "Pakistan",
                  "negative vote of a permanent member", first, second):
        assert words in md.stdout, words
    html = run(GAVEL, "record", f, "--format", "html", "--out", s.root / "record.html")
    assert html.returncode == 0 and "In favour" in (s.root / "record.html").read_text()
    js = run(GAVEL, "record", f, "--format", "json")
    assert js.returncode == 0 and json.loads(js.stdout)

    rows = list(csv.DictReader(io.StringIO(run(GAVEL, "export", f, "--votes", "--format", "csv").stdout)))
    assert len(rows) >= 30  # one row per ballot
    text = json.dumps(rows)
    assert "RUS" in text and "abstain" in text.lower()
    out = run(GAVEL, "export", f, "--votes", "--format", "json")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    assert "veto" in json.dumps(data)
    for bad in (["--format", "csv"], ["--votes", "--format", "xml"]):
        out = run(GAVEL, "export", f, *bad)
        assert out.returncode == 2 and out.stdout == "" and len(out.stderr.strip().splitlines()) == 1
