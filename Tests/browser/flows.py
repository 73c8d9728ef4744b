"""Steps a chair and delegates take through the real pages (shared by tests and screenshots)."""
from harness import Screen

# The UNSC seats the worked examples use (rules.md §1.4).
P5 = ["CHN", "FRA", "RUS", "GBR", "USA"]
ELECTED = ["ARG", "BRA", "CZE", "DJI", "NZL", "NGA", "OMN", "PAK", "RWA", "ESP"]


def members(chair: Screen):
    state = chair.state()
    return [code for code, seat in state["seats"].items() if seat["kind"] == "member"]


def open_session(chair: Screen):
    chair.click('button[data-cmd="session.open"]')
    chair.wait_css('#session-state[data-state="open"]')


def roll_call(chair: Screen, seats, status="present"):
    for code in seats:
        chair.click(f'#rollcall tr[data-seat="{code}"] button[data-status="{status}"]')
        chair.wait_css(f'#rollcall tr[data-seat="{code}"][data-status="{status}"]')
    chair.wait(lambda s: s.state()["quorum"]["present"] >= len(seats), message="quorum count")


def submit_draft(delegate: Screen, title, clauses, sponsors=None):
    """The delegate submits a draft it sponsors (with co-sponsors, if given); returns its symbol."""
    before = {d["id"] for d in delegate.state().get("drafts") or []}
    delegate.click("#draft-details summary")
    form = delegate.css("#draft-form")
    if sponsors:
        field = form.find_element("css selector", 'input[name="sponsors"]')
        field.clear()
        field.send_keys(", ".join(sponsors))
    form.find_element("css selector", 'input[name="title"]').send_keys(title)
    form.find_element("css selector", 'textarea[name="clauses"]').send_keys("\n".join(clauses))
    form.find_element("css selector", 'button[type="submit"]').click()
    new = delegate.wait(lambda s: [d["id"] for d in s.state().get("drafts") or [] if d["id"] not in before], message="draft listed")
    return new[0]


def sign(delegate: Screen, draft):
    delegate.click(f'#drafts li[data-draft="{draft}"] button[data-cmd="draft.sign"]')
    seat = delegate.js("return window.gavel.seat")
    delegate.wait(lambda s: any(seat in (d.get("signatories") or []) for d in s.state()["drafts"] if d["id"] == draft),
                  message="signature recorded")


def open_vote(chair: Screen, subject, method):
    chair.wait_css(f'#vote-subject option[value="{subject}"]')
    chair.js("""const [sel, m] = [document.querySelector('#vote-subject'), document.querySelector('#vote-method')];
               sel.value = arguments[0]; m.value = arguments[1];""", subject, method)
    chair.click('#vote-open-form button[type="submit"]')
    return chair.wait(lambda s: s.state().get("vote"), message="vote opened")


def approve(chair: Screen, draft):
    chair.click(f'#drafts li[data-draft="{draft}"] button[data-cmd="draft.approve"]')
    chair.wait(lambda s: any(d["status"] == "approved" for d in s.state()["drafts"] if d["id"] == draft), message="draft approved")
