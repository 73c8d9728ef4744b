"""The floor through the pages: delegates join the speakers list, the chair drives it with the
keyboard (N next, Space pause/resume, E end), the clocks render the server's timer, a speaker
yields to another delegation from its phone, and a revoked or unknown token shows as offline."""
import re

import flows
from harness import open_screen

CLOCK = re.compile(r"^−?\d+:\d\d$")


def key(screen, k):
    screen.focus()
    screen.driver.find_element("css selector", "body").send_keys(k)


def test_speakers_list_keyboard_and_yield(gaveld, browser):
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    display = open_screen(browser, gaveld.page_url("display", gaveld.token("display")))
    fra = open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", "FRA")), size=(390, 844))
    pak = open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", "PAK")), size=(390, 844))

    flows.open_session(chair)
    flows.roll_call(chair, flows.members(chair))
    for page, n in ((fra, 1), (pak, 2)):
        page.click("#floor button.primary")
        page.wait(lambda p, n=n: p.css("#queue-position").text == f"You are number {n} on the list.")
    display.wait(lambda d: [li.text for li in d.all("#queue li")] == ["France", "Pakistan"], message="queue on the display")

    key(chair, "n")
    display.wait(lambda d: d.css("#current-speaker").text == "France", message="France speaking")
    first = display.wait(lambda d: CLOCK.match(d.css(".speaker-timer").text) and d.css(".speaker-timer").text, message="clock")
    display.wait(lambda d: d.css(".speaker-timer").text != first, message="the clock runs from server time")

    key(chair, " ")
    chair.wait(lambda s: s.state()["speakers"]["current"]["running"] is False, message="paused")
    display.wait(lambda d: "paused" in d.css(".speaker-timer").get_attribute("class"))
    paused_at = display.css(".speaker-timer").text
    key(chair, " ")
    chair.wait(lambda s: s.state()["speakers"]["current"]["running"] is True, message="resumed")
    assert CLOCK.match(paused_at)

    # France yields its remaining time to Pakistan from the phone.
    fra.wait_css(".yield")
    fra.js("document.querySelector('.yield select').value = 'PAK'")
    fra.click(".yield .row:last-child button")
    display.wait(lambda d: d.css("#current-speaker").text == "Pakistan", message="Pakistan has the yielded time")
    assert "time yielded by france" in display.css("#floor").text.lower()
    assert pak.wait_css("#floor").text.find("Speaking: Pakistan") >= 0

    key(chair, "e")
    display.wait(lambda d: d.css("#current-speaker").text == "", message="speech ended")
    assert chair.css("#current-speaker").text == "—"


def test_unknown_token_shows_offline(gaveld, browser):
    page = browser
    page.get(gaveld.page_url("delegate", "not-a-real-token"))
    from harness import Screen
    screen = Screen(page, page.current_window_handle)
    status = screen.wait(lambda s: s.css("#status").get_attribute("data-state") == "offline" and s.css("#status"),
                         message="offline badge")
    assert status.text.startswith("✕ Offline")
