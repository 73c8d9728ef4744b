"""A delegate proposes a moderated caucus from its phone; the chair puts it to the vote; on this
procedural question the pages offer no abstention (rules.md §5.1); once adopted, the caucus and
its clock appear on the display and the chair's console."""
import re

import flows
from harness import open_screen


def test_moderated_caucus_motion_through_the_pages(gaveld, browser):
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    display = open_screen(browser, gaveld.page_url("display", gaveld.token("display")))
    pages = {seat: open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", seat)), size=(390, 844))
             for seat in ("FRA", "PAK")}
    flows.open_session(chair)
    members = flows.members(chair)
    flows.roll_call(chair, members)

    fra = pages["FRA"]
    fra.js("const k = document.querySelector('.motion-form select[name=kind]'); k.value = 'moderated_caucus';"
           "k.dispatchEvent(new Event('change'));")
    for name, value in (("total", "10"), ("speaker", "60"), ("topic", "Border security")):
        fra.css(f'.motion-form input[name="{name}"]').send_keys(value)
    fra.click('.motion-form button[type="submit"]')
    motion = chair.wait(lambda s: (s.state()["motions"] or [None])[0], message="motion listed")
    assert motion["kind"] == "moderated_caucus" and motion["by"] == "FRA"
    assert motion["args"] == {"totalMs": 600000, "speakerMs": 60000, "topic": "Border security"}

    if motion["status"] == "awaiting_second":
        pages["PAK"].click('#motions button')
        chair.wait(lambda s: s.state()["motions"][0]["status"] != "awaiting_second", message="seconded")
    chair.click(f'#motions li[data-motion="{motion["id"]}"] button[data-cmd="motion.put"]')
    vote = chair.wait(lambda s: s.state()["vote"], message="vote on the motion")
    assert vote["question"] == "procedural" and vote["subject"] == {"kind": "motion", "id": motion["id"]}

    for page in pages.values():
        page.wait_css("#vote button.vote-choice")
        assert page.attrs("#vote button.vote-choice", "data-choice") == ["yes", "no"]
        page.click('#vote button.vote-choice[data-choice="yes"]')
        page.wait_css('#ballot-confirmation[data-status="confirmed"]')
    for seat in [m for m in members if m not in pages][:7]:
        chair.wait_css(f'#record-seat option[value="{seat}"]')
        chair.js("document.querySelector('#record-seat').value = arguments[0]", seat)
        chair.click('#record-caller button[data-choice="yes"]')
        chair.wait(lambda s, seat=seat: (s.state()["vote"] or {}).get("ballots", {}).get(seat) == "yes", message=f"{seat} recorded")
    chair.click("#vote-close")
    result = chair.wait_css('#chair-result[data-outcome="adopted"]')
    assert result.find_element("css selector", ".announcement").text.startswith("The motion received 9 votes in favour, 0 against")

    caucus = display.wait_css(".caucus")
    assert "border security" in caucus.text.lower()
    clock = display.wait(lambda d: re.match(r"^\d+:\d\d$", d.css(".caucus-timer").text) and d.css(".caucus-timer").text, message="caucus clock")
    assert clock.startswith(("10:", "9:"))
    assert "border security" in chair.css("#speakers h2").text.lower()
