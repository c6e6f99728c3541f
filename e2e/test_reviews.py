"""The Reviews area so far: objectives proposed by a person and agreed by their manager, with
progress; a check-in with a behaviour observed, an agreed action and a private note; the
manager's team page; and "My actions". Privacy is checked in the browser: the person sees the
shared notes of their check-in but never their manager's private note.

The module runs its own server on a database loaded with `capable seed demo`: Ewa Wright
(D0101) reports to Sam Lewis (D0006), and both have demo accounts. Every page visited is checked
with axe-core; forms are filled and sent with the keyboard.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe import visit
from conftest import Server, seed_demo, start_server
from helpers import assert_error_page, assert_heading, fill, find_button, follow, link, main_text, path_of, sign_in_at_login

REPORT = "ewa.wright.d0101@elmbridgevale.example"
MANAGER = "sam.lewis@elmbridgevale.example"
OBJECTIVE = f"Halve repeat calls {secrets.token_hex(2)}"
PRIVATE = "Private: check whether the new rota suits her"
SHARED = "Went through the call-back figures together"


@pytest.fixture(scope="module")
def demo():
    tmp = Path(tempfile.mkdtemp(prefix="capable-e2e-reviews-"))
    accounts = seed_demo(tmp, needed=(REPORT, MANAGER))
    running = start_server(tmp)
    state = Server(base_url=running.base_url, email=REPORT, password=accounts[REPORT], log_path=running.log_path)
    state.accounts = accounts  # type: ignore[attr-defined]
    try:
        yield state
    finally:
        running.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def as_user(driver, demo, email: str) -> None:
    driver.delete_all_cookies()
    sign_in_at_login(driver, demo, email, demo.accounts[email])








def choose_radio(driver, name: str, value: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']").send_keys(Keys.SPACE)


def test_objective_check_in_and_actions(driver, demo):
    # The report proposes an objective linked to a framework element.
    as_user(driver, demo, REPORT)
    visit(driver, demo.url("/reviews"))
    assert_heading(driver, "Reviews")
    follow(driver, link(driver, "My objectives"))
    objectives_path = path_of(driver)
    follow(driver, link(driver, "Propose an objective"))
    fill(driver, "#title", OBJECTIVE)
    fill(driver, "#outcome", "Fewer than 5% of callers ring back within a week")
    fill(driver, "#due_on", (date.today() + timedelta(days=200)).strftime("%d/%m/%Y"))
    fill(driver, "#elements", "CV.1.1")
    follow(driver, find_button(driver, "Propose the objective", within="//main"))
    assert_heading(driver, OBJECTIVE)
    assert "Proposed, waiting to be agreed" in main_text(driver)
    assert "CV.1.1 Securing ambitious outcomes" in main_text(driver)
    objective_path = path_of(driver)

    # The manager sees the team, agrees the objective and records progress.
    as_user(driver, demo, MANAGER)
    visit(driver, demo.url("/people/team"))
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert any("Ewa Wright" in r for r in rows), rows
    headers = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main table thead th")]
    assert "Next check-in" in headers and "Objectives at risk" in headers, headers
    visit(driver, demo.url(objective_path))
    follow(driver, find_button(driver, "Agree this objective", within="//main"))
    assert "Agreed " in main_text(driver)
    choose_radio(driver, "status", "atRisk")
    fill(driver, "#note", "Call volumes rose after the storm")
    follow(driver, find_button(driver, "Add the update", within="//main"))
    assert "Call volumes rose after the storm" in main_text(driver)

    # The manager records a check-in: a refused attempt (a future date) first.
    person_path = objectives_path.rsplit("/objectives", 1)[0]
    visit(driver, demo.url(person_path + "/check-ins"))
    follow(driver, link(driver, "Record a check-in"))
    fill(driver, "#held_on", (date.today() + timedelta(days=3)).strftime("%d/%m/%Y"))
    follow(driver, find_button(driver, "Save the check-in", within="//main"))
    assert_error_page(driver, ["held_on"])
    fill(driver, "#held_on", date.today().strftime("%d/%m/%Y"))
    fill(driver, "#shared_notes", SHARED)
    fill(driver, "#private_note", PRIVATE)
    driver.find_element(By.CSS_SELECTOR, "input[name='objectives[]']").send_keys(Keys.SPACE)
    fill(driver, "#obs1_code", "CV.4.1")
    fill(driver, "#obs1_example", "Stayed calm with an upset caller and found them a visit slot")
    fill(driver, "#act1_description", "Shadow the duty officer for a day")
    fill(driver, "#act1_due", (date.today() + timedelta(days=30)).strftime("%d/%m/%Y"))
    choose_radio(driver, "wellbeing_score", "4")
    follow(driver, find_button(driver, "Save the check-in", within="//main"))
    check_in_path = path_of(driver)
    text = main_text(driver)
    for expected in (SHARED, PRIVATE, "CV.4.1 Showing respect", "Shadow the duty officer for a day", OBJECTIVE, "4 out of 5"):
        assert expected in text, f"{expected!r} missing from the check-in page"

    # The report sees the shared notes but never the manager's private note; the action is on their list.
    as_user(driver, demo, REPORT)
    visit(driver, demo.url(check_in_path))
    text = main_text(driver)
    assert SHARED in text and PRIVATE not in text, text
    visit(driver, demo.url("/actions"))
    assert_heading(driver, "My actions")
    assert "Shadow the duty officer for a day" in main_text(driver)
    follow(driver, find_button(driver, "Mark as done: Shadow the duty officer for a day", within="//main"))
    assert "Recently done or dropped" in main_text(driver)


PEERS = {"alex.morgan@elmbridgevale.example": "D0001", "helen.price@elmbridgevale.example": "D0005",
         "fatima.begum@elmbridgevale.example": "D0009"}
ANSWERS = ["Always brings the figures", "Keeps the team calm", "Writes clear notes"]


def test_self_assessment_and_anonymous_feedback(driver, demo):
    # A self-assessment on the Core Values: every staff behaviour rated with the keyboard, then submitted.
    as_user(driver, demo, REPORT)
    visit(driver, demo.url("/reviews"))
    follow(driver, link(driver, "My assessments"))
    follow(driver, find_button(driver, "Start a self-assessment", within="//main"))
    assert_heading(driver, "Self-assessment")
    fieldsets = driver.find_elements(By.CSS_SELECTOR, "main .app-rating fieldset")
    assert len(fieldsets) == 17, len(fieldsets)
    follow(driver, find_button(driver, "Submit", within="//main"))
    assert_error_page(driver, ["rating-CV.1.1"])
    for fieldset in driver.find_elements(By.CSS_SELECTOR, "main .app-rating fieldset"):
        fieldset.find_elements(By.CSS_SELECTOR, "input[type='radio']")[2].send_keys(Keys.SPACE)
    follow(driver, find_button(driver, "Submit", within="//main"))
    assert "Submitted" in main_text(driver)
    assert main_text(driver).count("3. Consistently shown") == 17
    visit(driver, demo.url("/reviews"))
    follow(driver, link(driver, "My development plan"))
    assert_heading(driver, "Development plan")

    # Anonymous feedback from three colleagues, shown only when all three have answered.
    visit(driver, demo.url("/reviews"))
    follow(driver, link(driver, "Feedback"))
    assert_heading(driver, "Feedback")
    follow(driver, link(driver, "Ask colleagues for feedback"))
    fill(driver, "#subject", "D0101")
    fill(driver, "#question", "How could I run the team meeting better?")
    fill(driver, "#recipients", "\n".join(PEERS.values()))
    driver.find_element(By.ID, "anonymous").send_keys(Keys.SPACE)
    follow(driver, find_button(driver, "Send the request", within="//main"))
    request_path = path_of(driver)
    assert "0 of 3 have answered" in main_text(driver)
    for (email, _), answer in zip(PEERS.items(), ANSWERS):
        as_user(driver, demo, email)
        visit(driver, demo.url(request_path))
        fill(driver, "#text", answer)
        follow(driver, find_button(driver, "Send your feedback", within="//main"))
    as_user(driver, demo, REPORT)
    visit(driver, demo.url(request_path))
    text = main_text(driver)
    assert all(answer in text for answer in ANSWERS), text
    assert not any(name in text for name in ("Alex Morgan", "Helen Price", "Fatima Begum")), text


def test_probation_reviews_due_for_hr(driver, demo):
    """HR sees the demo council's probationers with their next review, and opens one."""
    as_user(driver, demo, "helen.price@elmbridgevale.example")
    visit(driver, demo.url("/reviews"))
    follow(driver, link(driver, "Probation reviews due"))
    assert_heading(driver, "Probation reviews due")
    rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert rows, "the demo council has people on probation"
    follow(driver, rows[0].find_element(By.TAG_NAME, "a"))
    assert_heading(driver, "Probation")
    states = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "main table .govuk-tag")]
    assert states and all(s in ("Done", "Overdue", "Due soon", "Upcoming") for s in states), states
