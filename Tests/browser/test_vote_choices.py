"""Each delegate page offers only the answers its seat may give (rules.md §5.4): a seat that
declared present and voting cannot abstain on a substantive question, a rule 37 participant
does not vote, and a permanent member's "no" is announced as a veto (R5.6.6)."""
import flows
from harness import open_screen


def test_choices_follow_the_rules_and_a_veto_is_announced_as_such(gaveld, browser):
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    display = open_screen(browser, gaveld.page_url("display", gaveld.token("display")))
    pages = {seat: open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", seat)), size=(390, 844))
             for seat in ("FRA", "GBR", "TJK")}

    flows.open_session(chair)
    members = flows.members(chair)
    flows.roll_call(chair, [m for m in members if m != "FRA"])
    # France declares itself present and voting; in the Council the chair confirms it.
    pages["FRA"].click('#attendance button[data-status="present_and_voting"]')
    pages["FRA"].wait_css("#attendance-pending")
    chair.wait_css('#rollcall tr[data-seat="FRA"] .pending')
    chair.click('#rollcall tr[data-seat="FRA"] button.asked[data-status="present_and_voting"]')
    pages["FRA"].wait_css('#attendance-status[data-status="present_and_voting"]')

    draft = flows.submit_draft(pages["GBR"], "Tajikistan: border monitoring", ["Requests the Secretary-General to report within 90 days,"],
                               sponsors=["GBR", "USA", "CHN"])
    flows.approve(chair, draft)
    vote = flows.open_vote(chair, f"draft:{draft}", "recorded")
    assert vote["question"] == "substantive" and "TJK" not in vote["eligible"]

    offered = lambda page: page.attrs("#vote button.vote-choice", "data-choice")  # noqa: E731
    for seat in ("FRA", "GBR"):
        pages[seat].wait_css("#vote button.vote-choice")
    assert offered(pages["FRA"]) == ["yes", "no"]
    assert offered(pages["GBR"]) == ["yes", "no", "abstain"]
    assert pages["TJK"].wait_css("#not-eligible").text == "Your delegation does not vote on this question."
    assert offered(pages["TJK"]) == []

    pages["FRA"].click('#vote button.vote-choice[data-choice="yes"]')
    pages["GBR"].click('#vote button.vote-choice[data-choice="no"]')
    for page in (pages["FRA"], pages["GBR"]):
        page.wait_css('#ballot-confirmation[data-status="confirmed"]')
    for seat in members:
        if seat in pages:
            continue
        chair.wait_css(f'#record-seat option[value="{seat}"]')
        chair.js("document.querySelector('#record-seat').value = arguments[0]", seat)
        chair.click('#record-caller button[data-choice="yes"]')
        chair.wait(lambda s, seat=seat: (s.state()["vote"] or {}).get("ballots", {}).get(seat) == "yes", message=f"{seat} recorded")
    assert chair.css("#not-voted").text == "Every eligible seat has answered."

    chair.click("#vote-close")
    result = display.wait_css('#vote-result[data-reason="veto"]')
    assert result.get_attribute("data-outcome") == "rejected"
    assert "veto" in result.find_element("css selector", ".headline").text.lower()
    wording = result.find_element("css selector", ".wording").text
    assert wording == ("The draft resolution received 14 votes in favour, 1 against and 0 abstentions. "
                       "The draft resolution has not been adopted, owing to the negative vote of a permanent member of the Council.")
    assert display.css('#board li.seat[data-seat="GBR"]').get_attribute("data-choice") == "no"
    assert pages["GBR"].wait_css('#vote-result[data-outcome="rejected"]')
