"""Workshops and pulse surveys in the browser, on the demo council.

Helen Price (HR and organisational development) runs an open-space session with two breakout
groups. Claire Watson and Daniel Reid, each at their own browser, add post-its and see each
other's appear without reloading; each moves a post-it into a theme with the keyboard alone
(Space, arrow keys, Space), hearing every step through the live region; they vote; Helen
records actions, which reach the owners' lists, and publishes the write-up.

Then Helen starts a pulse survey for the Resources Directorate. Six people in HR answer, and
their results are shown; four in Customer Services answer, too few to show, so their answers
fold into the directorate (with the director's own). Every page is checked with axe-core.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from axe import check_axe, visit
from conftest import running_demo
from helpers import tick, assert_error_page, summary_value, as_user, fill, follow, link, main_text, path_of, press, table_dicts

HELEN = "helen.price@elmbridgevale.example"
CLAIRE = "claire.watson@elmbridgevale.example"
DANIEL = "daniel.reid@elmbridgevale.example"
DIRECTOR = "priya.shah@elmbridgevale.example"
TITLE = "Leadership of place: learning community"


@pytest.fixture(scope="module")
def demo():
    with running_demo("capable-e2e-workshops-", needed=(HELEN, CLAIRE, DANIEL, DIRECTOR)) as state:
        yield state


def announced(driver) -> str:
    return driver.find_element(By.ID, "board-announcer").get_attribute("textContent")


def wait_until(driver, condition, message: str, timeout: float = 15):
    try:
        return WebDriverWait(driver, timeout).until(lambda d: condition(d))
    except Exception:
        raise AssertionError(f"{message} (on {driver.current_url})\n{main_text(driver)[:2000]}") from None


def add_post_it(driver, text: str) -> None:
    fill(driver, "#text", text)
    press(driver, "Add the post-it")


def post_it(driver, text: str):
    for item in driver.find_elements(By.CSS_SELECTOR, ".app-postit"):
        if item.find_element(By.CSS_SELECTOR, ".app-postit__text").text == text:
            return item
    return None


def theme_of(driver, text: str) -> str:
    """The heading of the theme a post-it is in, or '' when in none."""
    item = post_it(driver, text)
    return driver.execute_script("var s = arguments[0].closest('section.app-theme'); return s ? s.querySelector('h3').textContent : '';", item)


def move_by_keyboard(driver, text: str, theme: str) -> None:
    """Pick a post-it up with Space, arrow to the theme (listening to the live region), drop it."""
    item = post_it(driver, text)
    driver.execute_script("arguments[0].focus();", item)
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    wait_until(driver, lambda d: announced(d).startswith("Picked up"), "picking up was not announced")
    for _ in range(6):
        before = announced(driver)
        ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
        wait_until(driver, lambda d: announced(d) not in ("", before), "the target was not announced")
        if announced(driver).startswith(theme + ","):
            break
    else:
        raise AssertionError(f"never reached {theme!r}: {announced(driver)!r}")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    wait_until(driver, lambda d: announced(d) == f'Moved "{text}" to {theme}.', "the move was not announced")
    assert driver.switch_to.active_element == post_it(driver, text), "focus stays on the moved post-it"
    assert theme_of(driver, text) == theme


def test_an_open_space_session_from_post_its_to_write_up(driver, demo, more_drivers):
    # Helen sets the session up: two groups, two participants, one in each.
    as_user(driver, demo, HELEN)
    visit(driver, demo.url("/workshops"))
    follow(driver, link(driver, "Set up a workshop"))
    fill(driver, "#title", TITLE)
    fill(driver, "#purpose", "What leadership capability do our places need after Covid?")
    fill(driver, "#questions", "What leadership capability do we need to develop?")
    fill(driver, "#held_on", (date.today() + timedelta(days=7)).strftime("%d/%m/%Y"))
    tick(driver, "format", "Open space")
    fill(driver, "#votes", "2")
    tick(driver, "allow_anonymous", "Let participants post without their name being shown")
    press(driver, "Set up the workshop")
    workshop = path_of(driver)
    assert re.fullmatch(r"/workshops/[0-9a-f-]{36}", workshop), workshop
    fill(driver, "#group_name", "Red")
    fill(driver, "#group_question", "What does system leadership of place ask of us?")
    press(driver, "Add the group")
    fill(driver, "#group_name", "Blue")
    fill(driver, "#group_question", "How do we keep working safe, psychologically and physically?")
    press(driver, "Add the group")
    fill(driver, "#staff_numbers", "D0011, D0012")
    press(driver, "Add")
    for name, group in (("Claire Watson", "Red"), ("Daniel Reid", "Blue")):
        label = driver.find_element(By.XPATH, f"//label[normalize-space(.)='Group for {name}']")
        Select(driver.find_element(By.ID, label.get_attribute("for"))).select_by_visible_text(group)
        follow(driver, driver.find_element(By.XPATH, f"//button[normalize-space(.)='Move {name}']"))
    people = {row["Name"]: row["Group"] for row in table_dicts(driver, "People taking part")}
    assert people["Claire Watson"] == "Red" and people["Daniel Reid"] == "Blue", people

    # Claire and Daniel open the board, each at their own browser.
    claire, daniel = more_drivers(), more_drivers()
    for browser, email in ((claire, CLAIRE), (daniel, DANIEL)):
        as_user(browser, demo, email)
        visit(browser, demo.url(workshop + "/board"))
    add_post_it(claire, "Trust around a shared purpose")
    add_post_it(daniel, "Reflection time, not presenteeism")
    # Each sees the other's post-it appear, without reloading, and hears about it.
    wait_until(claire, lambda d: post_it(d, "Reflection time, not presenteeism") is not None, "Claire never saw Daniel's post-it")
    wait_until(daniel, lambda d: post_it(d, "Trust around a shared purpose") is not None, "Daniel never saw Claire's post-it")
    assert "new post-it" in announced(claire)
    assert "Daniel Reid" in post_it(claire, "Reflection time, not presenteeism").text
    check_axe(claire)

    # Themes, then each moves a post-it into one with the keyboard alone.
    fill(claire, "#name", "Relationship-based leadership")
    press(claire, "Add the theme")
    fill(daniel, "#name", "Safe working")
    press(daniel, "Add the theme")
    visit(claire, demo.url(workshop + "/board"))
    move_by_keyboard(claire, "Trust around a shared purpose", "Relationship-based leadership")
    move_by_keyboard(daniel, "Reflection time, not presenteeism", "Safe working")
    check_axe(daniel)
    # Escape puts a picked-up post-it back.
    item = post_it(daniel, "Reflection time, not presenteeism")
    daniel.execute_script("arguments[0].focus();", item)
    ActionChains(daniel).send_keys(Keys.SPACE).send_keys(Keys.ARROW_DOWN).send_keys(Keys.ESCAPE).perform()
    wait_until(daniel, lambda d: announced(d).startswith("Move cancelled"), "cancelling was not announced")
    # The moves were saved: Helen's board shows both in their themes.
    visit(driver, demo.url(workshop + "/board"))
    assert theme_of(driver, "Trust around a shared purpose") == "Relationship-based leadership"
    assert theme_of(driver, "Reflection time, not presenteeism") == "Safe working"

    # Votes: Claire puts both of hers on one theme; a third is refused.
    visit(claire, demo.url(workshop + "/board"))
    for _ in range(2):
        follow(claire, claire.find_element(By.XPATH, "//section[.//h3[.='Relationship-based leadership']]//button[@data-vote='add']"))
    assert "You have 0 of your 2 votes left." in main_text(claire)
    follow(claire, claire.find_element(By.XPATH, "//section[.//h3[.='Safe working']]//button[@data-vote='add']"))
    assert "You have used all 2 of your votes" in main_text(claire)
    visit(daniel, demo.url(workshop + "/board"))
    follow(daniel, daniel.find_element(By.XPATH, "//section[.//h3[.='Safe working']]//button[@data-vote='add']"))
    assert "1 vote (1 yours)" in main_text(daniel)

    # Helen records the actions agreed; they reach the owners' lists.
    visit(driver, demo.url(workshop + "/actions"))
    fill(driver, "#description", "Hold a reflection hour in every team meeting")
    Select(driver.find_element(By.ID, "owner")).select_by_visible_text("Daniel Reid")
    fill(driver, "#due_on", (date.today() + timedelta(days=30)).strftime("%d/%m/%Y"))
    press(driver, "Record the action")
    fill(driver, "#description", "Map who leads what in our places")
    Select(driver.find_element(By.ID, "owner")).select_by_visible_text("Claire Watson")
    press(driver, "Record the action")
    rows = table_dicts(driver, "Actions agreed")
    assert {row["Owner"] for row in rows} == {"Daniel Reid", "Claire Watson"}, rows
    assert "No actions have come due yet" in main_text(driver)
    visit(daniel, demo.url("/actions"))
    assert "Hold a reflection hour in every team meeting" in main_text(daniel)
    assert f"Workshop: {TITLE}" in main_text(daniel)

    # The write-up: Markdown, published to everyone, with the themes and post-its quoted.
    visit(driver, demo.url(workshop + "/write-up"))
    fill(driver, "#write_up", "# What we heard\n\nFour themes of leadership capability emerged. We will:\n\n- keep *reflection time*\n- lead by **outcomes**")
    tick(driver, "audience", "Everyone in the organisation")
    press(driver, "Publish")
    text = main_text(driver)
    assert "Published" in text and "What we heard" in text
    assert driver.find_element(By.XPATH, "//main//em[.='reflection time']")
    quotes = [q.text for q in driver.find_elements(By.CSS_SELECTOR, ".app-write-up-theme blockquote")]
    assert any("Trust around a shared purpose" in q for q in quotes), quotes
    follow(driver, link(driver, "Print the write-up"))
    assert "Reflection time, not presenteeism" in main_text(driver)

    # Helen changes the details, then starts a top-team series from the template (the date is asked for first).
    visit(driver, demo.url(workshop))
    follow(driver, link(driver, "Change the details"))
    fill(driver, "#votes", "3")
    press(driver, "Save the details")
    assert "3" in summary_value(driver, "Votes for each participant")
    visit(driver, demo.url("/workshops"))
    follow(driver, link(driver, "Start a series"))
    fill(driver, "#title", "New cabinet, spring")
    press(driver, "Start the series")
    assert_error_page(driver, ["first_on"])
    fill(driver, "#first_on", (date.today() + timedelta(days=14)).strftime("%d/%m/%Y"))
    press(driver, "Start the series")
    sessions = [row["Session"] for row in table_dicts(driver, "Sessions in the series")]
    assert sessions == ["Workshop 1: The cabinet's priorities", "Workshop 2: A joint vision and working relationship",
                        "Workshop 3: Strategic performance and joint working"], sessions

    # The demo's top-team series: one action log across its sessions, with the follow-through.
    visit(driver, demo.url("/workshops"))
    follow(driver, link(driver, "Top team workshops for a new cabinet and corporate management team"))
    log = table_dicts(driver, "Actions agreed")
    assert any(row["Action"] == "Draft the joint vision statement for cabinet" and row["Status"] == "Overdue" for row in log), log
    assert "50% followed through (1 done, 1 overdue)" in main_text(driver)
    # And the demo's open-space write-up, published to everyone, with its themes linked to the framework.
    as_user(claire, demo, "fatima.begum@elmbridgevale.example")
    visit(claire, demo.url("/workshops"))
    follow(claire, link(claire, "Learning community: the leadership our places need"))
    assert "Relationship-based leadership" in main_text(claire)


def test_a_pulse_survey_shows_a_group_of_six_and_folds_a_group_of_four(driver, demo):
    as_user(driver, demo, HELEN)
    visit(driver, demo.url("/surveys"))
    follow(driver, link(driver, "Start a survey"))
    fill(driver, "#title", "Pulse: trust and safety")
    tick(driver, "rule", "A unit")
    fill(driver, "#unit", "EVC-RES")
    tick(driver, "subunits", "Include its sub-units")
    press(driver, "Start the survey")
    survey = path_of(driver)
    assert re.fullmatch(r"/surveys/[0-9a-f-]{36}", survey), survey

    hr_staff = [e for e in demo.accounts if re.search(r"\.d010[1-6]@", e)]
    customer_services = [e for e in demo.accounts if re.search(r"\.d013[0-2]@", e)] + ["mike.foster@elmbridgevale.example"]
    assert len(hr_staff) == 6 and len(customer_services) == 4, demo.accounts
    for number, email in enumerate(hr_staff + customer_services + [DIRECTOR]):
        as_user(driver, demo, email)
        if number == 0:
            # The start page says a survey is waiting.
            follow(driver, link(driver, "A pulse survey is waiting for your answers"))
        else:
            visit(driver, demo.url("/surveys"))
        follow(driver, link(driver, "Pulse: trust and safety"))
        for fieldset in driver.find_elements(By.CSS_SELECTOR, "main form fieldset"):
            radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
            radios[(number % 3) + 2].send_keys(Keys.SPACE)
        if number == 0:
            fill(driver, "main textarea", "More time to reflect, please")
        press(driver, "Send my answers")
        assert "your answers have been recorded anonymously" in main_text(driver)
    # A second answer is not offered.
    visit(driver, demo.url(survey))
    assert "Send my answers" not in main_text(driver)

    as_user(driver, demo, HELEN)
    visit(driver, demo.url(survey + "/results"))
    text = main_text(driver)
    assert "HR and Organisational Development: 6 answered" in text, text
    assert "Resources Directorate: 5 answered" in text, text
    assert "Includes the answers of Customer Services" in text, text
    folded = table_dicts(driver, "Units not shown on their own")
    assert {"Unit": "Customer Services", "Their answers are counted in": "Resources Directorate"} in folded, folded
    assert "Customer Services: " not in text, "the group of four is never shown on its own"
    assert "11 of" in text
