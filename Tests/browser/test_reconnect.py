"""A delegate's confirmed ballot survives a server restart (same port, same data dir) and a
page reload: the page reconnects, resumes, and checks its stored ballot against the view."""
import flows
from harness import open_screen


def test_confirmed_ballot_survives_server_restart(gaveld, browser):
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    fra = open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", "FRA")), size=(390, 844))

    flows.open_session(chair)
    flows.roll_call(chair, flows.members(chair))
    draft = flows.submit_draft(fra, "Tajikistan: humanitarian assistance", ["Calls upon all parties to facilitate humanitarian access,"],
                               sponsors=["FRA", "GBR", "USA"])
    flows.approve(chair, draft)
    flows.open_vote(chair, f"draft:{draft}", "recorded")

    fra.click('#vote button.vote-choice[data-choice="yes"]')
    confirmation = fra.wait_css('#ballot-confirmation[data-status="confirmed"]')
    seq = confirmation.get_attribute("data-seq")
    applied = fra.js("return window.gavel.seq")

    gaveld.stop()
    fra.wait(lambda p: p.css("#status").get_attribute("data-state") in ("reconnecting", "connecting"), message="page notices the drop")
    assert "Reconnecting" in fra.css("#status").text or "Connecting" in fra.css("#status").text

    gaveld.start()  # same port, same data dir
    fra.live(timeout=60)
    assert fra.js("return window.gavel.seq") >= applied
    confirmation = fra.wait_css('#ballot-confirmation[data-status="confirmed"]')
    assert confirmation.get_attribute("data-choice") == "yes"
    assert confirmation.get_attribute("data-seq") == seq
    assert fra.state()["vote"]["ballots"]["FRA"] == "yes"

    # A reload starts from a fresh welcome; the ballot comes back from sessionStorage and is verified.
    fra.driver.refresh()
    fra.live()
    confirmation = fra.wait_css('#ballot-confirmation[data-status="confirmed"]')
    assert confirmation.get_attribute("data-seq") == seq
    assert not fra.all("#vote button.vote-choice")


def test_command_given_while_offline_is_sent_once_after_reconnect(gaveld, browser):
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    flows.open_session(chair)
    flows.roll_call(chair, ["FRA"])
    fra = open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", "FRA")), size=(390, 844))

    gaveld.stop()
    fra.wait(lambda p: p.css("#status").get_attribute("data-state") != "live", message="page notices the drop")
    fra.click("#floor button.primary")  # Join the speakers list, while the server is down
    assert fra.js("return window.gavel.pending.size") == 1

    gaveld.start()
    fra.live(timeout=60)
    fra.wait(lambda p: p.css("#queue-position").text == "You are number 1 on the list.", message="joined after resume")
    fra.wait(lambda p: p.js("return window.gavel.pending.size") == 0, message="acknowledged")
    assert fra.state()["speakers"]["queue"] == ["FRA"]
