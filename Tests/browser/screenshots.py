#!/usr/bin/env python3
"""Takes the README screenshots against a real gaveld with a realistic session: the three
screens at 1920×1080 and the delegate terminal at 390×844, written to docs/screenshots/.

    GAVEL_BIN=.build/debug /usr/bin/python3 Tests/browser/screenshots.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import flows  # noqa: E402
import harness  # noqa: E402
from harness import open_screen  # noqa: E402

OUT = harness.REPO / "docs" / "screenshots"
PHONE_SEATS = ["FRA", "PAK", "CHN"]
# Answers the chair records for seats without a page open (the rest answer yes).
SPOKEN = {"RUS": "abstain", "PAN": "no"}


def viewport(screen, width, height):
    screen.focus()
    screen.driver.set_window_size(width, height)
    screen.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def shoot(screen, name, width, height):
    viewport(screen, width, height)
    screen.js("window.scrollTo(0, 0)")
    screen.wait(lambda s: s.js("return document.readyState") == "complete")
    path = OUT / name
    screen.driver.save_screenshot(str(path))
    print(f"wrote {path.relative_to(harness.REPO)}")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    root = harness.temp_root()
    server = harness.Gaveld(root).start()
    driver = harness.chromium()
    try:
        chair = open_screen(driver, server.page_url("chair", server.token("chair")), first=True)
        display = open_screen(driver, server.page_url("display", server.token("display")))
        delegates = {seat: open_screen(driver, server.page_url("delegate", server.token("delegate", seat)), size=(390, 844))
                     for seat in PHONE_SEATS}

        flows.open_session(chair)
        members = flows.members(chair)
        flows.roll_call(chair, [m for m in members if m != "FRA"])
        flows.roll_call(chair, ["FRA"], status="present_and_voting")
        for seat in ["RUS", "DNK", "PAK", "GBR", "GRC", "COL"]:
            chair.js("document.querySelector('#speakers select').value = arguments[0]", seat)
            chair.click("#speakers select + button")
            chair.wait(lambda s, seat=seat: seat in s.state()["speakers"]["queue"])
        draft = flows.submit_draft(delegates["FRA"], "The situation in Tajikistan and along the Tajik-Afghan border", [
            "P:Recalling its resolution 968 (1994),",
            "P:Welcoming the cease-fire agreement of 17 September 1994,",
            "Decides to extend the mandate of the United Nations Mission of Observers in Tajikistan,",
            "Calls upon all parties to facilitate humanitarian access,"])
        for seat in ("PAK", "CHN"):
                flows.sign(delegates[seat], draft)
        flows.approve(chair, draft)
        # The floor first: a speaker with the clock running, for the display's floor panel.
        chair.click('#speakers button.primary')
        chair.wait(lambda s: s.state()["speakers"]["current"])
        shoot(display, "display-floor-1920x1080.png", 1920, 1080)

        flows.open_vote(chair, f"draft:{draft}", "roll_call")
        phone = None
        while phone is None:
            vote = chair.state()["vote"]
            seat = vote and vote["next"]
            if not seat:
                break
            answered = len(vote["ballots"])
            if seat in delegates and answered >= 6:
                phone = delegates[seat]
            elif seat in delegates:
                delegates[seat].click('#vote button.vote-choice[data-choice="yes"]')
            else:
                chair.click(f'#roll-caller button[data-choice="{SPOKEN.get(seat, "yes")}"]')
            if phone is None:
                chair.wait(lambda s, seat=seat: (s.state()["vote"] or {}).get("ballots", {}).get(seat) is not None)
        phone = phone or delegates["FRA"]
        shoot(chair, "chair-1920x1080.png", 1920, 1080)
        shoot(display, "display-1920x1080.png", 1920, 1080)
        shoot(phone, "delegate-1920x1080.png", 1920, 1080)
        shoot(phone, "delegate-390x844.png", 390, 844)

        # Finish the vote and show the result with its wording.
        while (vote := chair.state()["vote"]) and vote["next"]:
            seat = vote["next"]
            if seat in delegates:
                delegates[seat].click('#vote button.vote-choice[data-choice="yes"]')
            else:
                chair.click(f'#roll-caller button[data-choice="{SPOKEN.get(seat, "yes")}"]')
            chair.wait(lambda s, seat=seat: (s.state()["vote"] or {}).get("ballots", {}).get(seat) is not None)
        chair.click("#vote-close")
        display.wait_css("#vote-result")
        shoot(display, "display-result-1920x1080.png", 1920, 1080)
    finally:
        driver.quit()
        server.stop()
        harness.remove_root(root)


if __name__ == "__main__":
    main()
