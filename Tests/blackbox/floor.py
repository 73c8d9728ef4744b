"""Helpers that drive a committee the way a chair console does (black-box: commands and views)."""

def view(server, committee):
    """The public view as a fresh auditor welcome shows it (one auditor token per committee)."""
    tokens = server.__dict__.setdefault("auditor_tokens", {})
    if committee not in tokens:
        tokens[committee] = server.token("auditor", committee)
    c = server.client()
    try:
        return c.hello(tokens[committee], committee)["state"]
    finally:
        c.close()


def open_floor(server, committee, status="present"):
    """A chair that opened the session and marked every seat present."""
    chair, welcome = server.join("chair", committee=committee)
    chair.ok("session.open")
    for code, seat in welcome["state"]["seats"].items():
        chair.ok("attendance.mark", {"seat": code, "status": status if seat["kind"] == "member" else "present"})
    return chair, welcome["state"]


CLAUSES = [
    {"kind": "preambular", "text": "Recalling its previous resolutions,"},
    {"kind": "operative", "text": "Decides to remain seized of the matter;"},
    {"kind": "operative", "text": "Requests the Secretary-General to report."},
]


def everyone_votes(server, committee, chair, choice="yes", choices=None):
    """The chair records an answer for every seat the open vote calls (in call order for a roll
    call), closes the vote, answers a second round for passes with `choice` (or yes), closes
    again; returns the closed vote from `votes`."""
    choices = choices or {}
    vote = view(server, committee)["vote"]
    assert vote is not None
    seats = vote["order"] if vote["method"] == "roll_call" else vote["eligible"]
    answers = [(seat, choices.get(seat, choice)) for seat in seats if seat not in vote["ballots"]]
    pipeline(chair, [("vote.record", {"seat": seat, "choice": c}) for seat, c in answers])
    chair.ok("vote.close")
    again = view(server, committee)["vote"]
    if again is not None:  # a second round for the seats that passed
        assert again["round"] == 2, again
        second = "yes" if choice == "pass" else choice
        passers = [seat for seat, c in answers if c == "pass"]
        pipeline(chair, [("vote.record", {"seat": seat, "choice": second}) for seat in passers])
        chair.ok("vote.close")
    return view(server, committee)["votes"][-1]


def propose(server, committee, mover, kind, args, seconder=None):
    """Proposes a motion (and seconds it when it awaits a second); returns the motion's view."""
    mover.ok("motion.propose", {"kind": kind, "args": args})
    motion = view(server, committee)["motions"][-1]
    assert motion["kind"] == kind and motion["args"] == args or motion["args"].items() >= args.items()
    if motion["status"] == "awaiting_second":
        assert seconder is not None, f"{kind} needs a second"
        seconder.ok("motion.second", {"motion": motion["id"]})
        motion = next(m for m in view(server, committee)["motions"] if m["id"] == motion["id"])
    assert motion["status"] == "on_floor"
    return motion


def carry(server, committee, chair, mover, kind, args, seconder=None, choice="yes"):
    """Proposes, seconds, puts and votes a motion; returns the closed vote."""
    motion = propose(server, committee, mover, kind, args, seconder)
    chair.ok("motion.put", {"motion": motion["id"]})
    vote = view(server, committee)["vote"]
    assert vote["subject"] == {"kind": "motion", "id": motion["id"]} and vote["question"] == "procedural"
    return everyone_votes(server, committee, chair, choice)


def introduce(server, committee, chair, sponsor, seat, signers, title="Draft"):
    """Submits a draft by `seat`, has `signers` sign it until the dais can approve it (signatory
    threshold), approves it; returns its symbol."""
    sponsor.ok("draft.submit", {"title": title, "sponsors": [seat], "clauses": CLAUSES})
    draft = view(server, committee)["drafts"][-1]["id"]
    for signer in [None, *signers] if isinstance(signers, list) else signers.iter_with_none():
        if signer is not None:
            signer.ok("draft.sign", {"draft": draft})
        answer = chair.do("draft.approve", {"draft": draft})
        if answer["type"] == "ack":
            return draft
        assert answer["code"] == "out_of_order", answer
    raise AssertionError(f"{draft} could not be approved with {len(signers)} signatories")


def close_debate(server, committee, chair):
    """Closure moved by two member seats and carried: the committee enters voting procedure."""
    members = [c for c, s in view(server, committee)["seats"].items() if s["kind"] == "member"]
    mover = server.join("delegate", committee=committee, seat=members[0])[0]
    seconder = server.join("delegate", committee=committee, seat=members[1])[0]
    vote = carry(server, committee, chair, mover, "close_debate", {}, seconder)
    assert vote["outcome"] == "adopted", vote
    assert view(server, committee)["session"]["mode"] == "voting"


class Delegates:
    """Delegate clients joined on first use (a token issue per seat is slow), kept for reuse."""

    def __init__(self, server, committee, seats):
        self.server, self.committee, self.seats, self.clients = server, committee, list(seats), {}

    def __getitem__(self, seat):
        if seat not in self.clients:
            self.clients[seat] = self.server.join("delegate", committee=self.committee, seat=seat)[0]
        return self.clients[seat]

    def iter_with_none(self):
        yield None
        for seat in self.seats:
            yield self[seat]


def pipeline(client, commands, timeout=30):
    """Sends every (name, args) at once, then collects the answers; asserts each is an ack."""
    ids = [client.command(name, args) for name, args in commands]
    answers = [client.outcome(i, timeout) for i in ids]
    for (name, args), answer in zip(commands, answers):
        assert answer["type"] == "ack", f"{name} {args}: {answer}"
    return answers
