"""A seat that passes in a roll call is called again in a second round, where its page offers
only Yes and No (rules.md §5.3 step 5), and its final answer is the one confirmed."""
import flows
from harness import open_screen


def record_round(chair, pages, answers):
    """Answers every call of the current round: pages answer for their seats, the chair for the rest."""
    while (vote := chair.state()["vote"]) and vote["next"]:
        seat = vote["next"]
        if seat in pages:
            pages[seat].wait_css("p.your-turn")
            pages[seat].click(f'#vote button.vote-choice[data-choice="{answers[seat]}"]')
        else:
            chair.click('#roll-caller button[data-choice="yes"]')
        chair.wait(lambda s, seat=seat: (s.state()["vote"] or {}).get("next") != seat, message=f"{seat} answered")


def test_pass_then_second_round(gaveld, browser):
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    pages = {seat: open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", seat)), size=(390, 844))
             for seat in ("CHN", "FRA")}
    flows.open_session(chair)
    flows.roll_call(chair, flows.members(chair))
    draft = flows.submit_draft(pages["FRA"], "Tajikistan: mine action", ["Encourages support for mine clearance,"],
                               sponsors=["FRA", "GBR", "USA"])
    flows.approve(chair, draft)
    flows.open_vote(chair, f"draft:{draft}", "roll_call")

    record_round(chair, pages, {"CHN": "pass", "FRA": "yes"})
    assert chair.state()["vote"]["ballots"]["CHN"] == "pass"
    chair.click("#vote-close")  # passes outstanding: the second round starts
    vote = chair.wait(lambda s: (s.state()["vote"] or {}).get("round") == 2 and s.state()["vote"], message="second round")
    assert vote["next"] == "CHN" and vote["secondRound"] == ["CHN"]

    china = pages["CHN"]
    china.wait_css("p.your-turn")
    assert china.attrs("#vote button.vote-choice", "data-choice") == ["yes", "no"]
    assert pages["FRA"].css('#ballot-confirmation[data-status="confirmed"]').get_attribute("data-choice") == "yes"
    china.click('#vote button.vote-choice[data-choice="yes"]')
    confirmation = china.wait_css('#ballot-confirmation[data-status="confirmed"]')
    assert confirmation.get_attribute("data-choice") == "yes"

    chair.click("#vote-close")
    result = chair.wait_css('#chair-result[data-outcome="adopted"]')
    assert result.find_element("css selector", ".announcement").text.startswith(
        "The draft resolution received 15 votes in favour, 0 against and 0 abstentions.")
