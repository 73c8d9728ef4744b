"""Points and amendments through the pages: a delegate raises a point of order that the chair
resolves with a ruling; another delegation proposes an amendment to a draft and its sponsor
accepts it as friendly."""
from selenium.webdriver.support.ui import Select

import flows
from harness import open_screen


def test_point_of_order_and_friendly_amendment(gaveld, browser):
    chair = open_screen(browser, gaveld.page_url("chair", gaveld.token("chair")), first=True)
    fra = open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", "FRA")), size=(390, 844))
    pak = open_screen(browser, gaveld.page_url("delegate", gaveld.token("delegate", "PAK")), size=(390, 844))
    flows.open_session(chair)
    flows.roll_call(chair, flows.members(chair))

    Select(pak.css("#point-form select")).select_by_value("order")
    pak.css("#point-form input").send_keys("The speaker exceeded the time limit")
    pak.click('#point-form button[type="submit"]')
    point = chair.wait_css("#points li.point")
    assert "Point of order" in point.text and "Pakistan" in point.text and "time limit" in point.text
    point_id = point.get_attribute("data-point")
    chair.css(f'#points li[data-point="{point_id}"] input').send_keys("Well taken; the chair will keep time.")
    chair.click(f'#points li[data-point="{point_id}"] button')
    chair.wait(lambda s: not s.state()["points"], message="point resolved")
    assert not chair.all("#points li.point")

    draft = flows.submit_draft(fra, "Tajikistan: refugees", ["Calls for the voluntary return of refugees,", "Requests a report,"],
                               sponsors=["FRA"])
    pak.click("#amendment-details summary")
    form = pak.css("#amendment-form")
    pak.wait(lambda p: p.css(f'#amendment-form option[value="{draft}"]'), message="draft offered")
    Select(form.find_element("css selector", 'select[name="draft"]')).select_by_value(draft)
    Select(form.find_element("css selector", 'select[name="action"]')).select_by_value("modify")
    form.find_element("css selector", 'input[name="clause"]').send_keys("2")
    form.find_element("css selector", 'textarea[name="text"]').send_keys("Requests a report within 60 days,")
    form.find_element("css selector", 'button[type="submit"]').click()
    amendment = chair.wait(lambda s: next((d["amendments"] for d in s.state()["drafts"] if d["id"] == draft and d["amendments"]), None),
                           message="amendment listed")[0]
    assert (amendment["clause"], amendment["action"], amendment["by"]) == (2, "modify", "PAK")
    chair.wait(lambda s: amendment["id"] in s.css(f'#drafts li[data-draft="{draft}"]').text, message="amendment on the console")

    fra.click(f'#drafts li[data-draft="{draft}"] .amendment button')
    chair.wait(lambda s: next(a for d in s.state()["drafts"] if d["id"] == draft for a in d["amendments"])["friendly"],
               message="accepted as friendly")
    chair.wait(lambda s: "(friendly)" in s.css(f'#drafts li[data-draft="{draft}"]').text, message="friendly shown")
