"""The chair opens a session, takes roll call and opens a roll-call vote; three delegate pages
answer when called; the display shows their lights and the result with its official wording."""
import re

import flows
from harness import open_screen

DRAFT_CLAUSES = [
    "P:Recalling its resolution 968 (1994),",
    "Decides to extend the mandate of the United Nations Mission of Observers in Tajikistan,",
]
# What the three delegate pages answer; every other seat's answer is spoken and recorded by the chair.
ANSWERS = {"FRA": "yes", "PAK": "no", "CHN": "abstain"}


def test_roll_call_vote_through_the_pages(gaveld, browser):
    tokens = {seat: gaveld.token("delegate", seat) for seat in ANSWERS}
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    display = open_screen(browser, gaveld.page_url("display", gaveld.token("display")))
    delegates = {seat: open_screen(browser, gaveld.page_url("delegate", tok), size=(390, 844)) for seat, tok in tokens.items()}
    for seat, page in delegates.items():
        assert page.css("#seat-name").text == page.state()["seats"][seat]["name"]

    flows.open_session(chair)
    members = flows.members(chair)
    assert len(members) == 15
    flows.roll_call(chair, members)
    assert chair.css("#quorum").get_attribute("class") == "ok"

    draft = flows.submit_draft(delegates["FRA"], "Tajikistan: UNMOT mandate", DRAFT_CLAUSES)
    for seat in ("PAK", "CHN"):
        flows.sign(delegates[seat], draft)
    flows.approve(chair, draft)
    vote = flows.open_vote(chair, f"draft:{draft}", "roll_call")
    assert vote["method"] == "roll_call" and vote["next"] in vote["eligible"]

    answered = {}
    while True:
        vote = chair.state()["vote"]
        seat = vote and vote["next"]
        if not seat:
            break
        # Every delegate page that is not being called shows its buttons disabled.
        for other, page in delegates.items():
            if other != seat and other not in answered:
                page.wait(lambda p: p.js(
                    "const b = [...document.querySelectorAll('#vote button.vote-choice')];"
                    "return !!document.querySelector('#waiting-turn') && b.length > 0 && b.every((x) => x.disabled);"),
                    message=f"{other} waits with its buttons disabled")
        if seat in delegates:
            page = delegates[seat]
            page.wait_css("p.your-turn")
            offered = page.attrs("#vote button.vote-choice", "data-choice")
            assert offered == ["yes", "no", "abstain", "pass"]
            page.click(f'#vote button.vote-choice[data-choice="{ANSWERS[seat]}"]')
            confirmation = page.wait_css('#ballot-confirmation[data-status="confirmed"]')
            assert confirmation.get_attribute("data-choice") == ANSWERS[seat]
            assert int(confirmation.get_attribute("data-seq")) > 0
            answered[seat] = ANSWERS[seat]
        elif len(answered) % 2:
            chair.click('#roll-caller button[data-choice="yes"]')
            answered[seat] = "yes"
        else:  # the chair's keyboard: Y records yes for the seat being called
            chair.focus()
            chair.driver.find_element("css selector", "body").send_keys("y")
            answered[seat] = "yes"
        chair.wait(lambda s, seat=seat: (s.state()["vote"] or {}).get("ballots", {}).get(seat) is not None, message=f"{seat} recorded")

    assert sorted(answered) == sorted(members)
    # The display's board has every light before the vote is closed.
    display.wait(lambda d: all(d.css(f'#board li.seat[data-seat="{seat}"]').get_attribute("data-choice") == choice
                               for seat, choice in answered.items()), message="lights on the display")
    assert display.css('#board li.seat[data-seat="CHN"] .veto-mark').text == "P5"
    assert display.css('#board dd[data-total="yes"]').text == "13"

    chair.click("#vote-close")
    result = display.wait_css('#vote-result[data-outcome="adopted"]')
    wording = result.find_element("css selector", ".wording").text
    assert wording.startswith("The draft resolution received 13 votes in favour, 1 against and 1 abstention.")
    assert re.search(r"has been adopted as resolution \S+/RES/1\.$", wording)
    # The closed board keeps the lights; the chair and the delegates show the same wording.
    assert display.css('#board li.seat[data-seat="PAK"]').get_attribute("data-choice") == "no"
    assert chair.wait_css("#chair-result .announcement").text == wording
    fra = delegates["FRA"]
    assert fra.wait_css('#vote-result[data-outcome="adopted"]')
    assert fra.css('#ballot-confirmation[data-status="confirmed"]').get_attribute("data-choice") == "yes"
