"""A full year of continuous review in the browser, on the demo council: Daniel Reid (D0012, a
team manager holding the Team Manager role) and his manager Claire Watson (D0011).

Objectives are set and agreed; three check-ins record behaviours observed; Daniel asks three
colleagues for anonymous feedback; HR confirms a new starter's probation; HR opens the yearly
review; Daniel and Claire assess; HR calibrates (one rating adjusted with a reason) and finishes;
the meeting is recorded, the development plan is built from the gaps and agreed, and both sign
off. Every page visited is checked with axe-core, and everything is done with the keyboard.
"""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe import visit
from conftest import _capable_bin, capable_env, running_demo
from helpers import assert_error_page, assert_heading, as_user, fill, follow, link, main_text, path_of, press, table_dicts

PERSON = "daniel.reid@elmbridgevale.example"
MANAGER = "claire.watson@elmbridgevale.example"
HR = "helen.price@elmbridgevale.example"
PEERS = ["alex.morgan@elmbridgevale.example", "fatima.begum@elmbridgevale.example", "ewa.wright.d0101@elmbridgevale.example"]
TODAY = date.today()


def uk(day: date) -> str:
    return day.strftime("%d/%m/%Y")


@pytest.fixture(scope="module")
def demo():
    with running_demo("capable-e2e-year-", needed=(PERSON, MANAGER, HR, *PEERS)) as state:
        yield state


def rate_all(driver, index: int) -> None:
    """Chooses the `index`th level (0 = lowest) for every element, with the keyboard."""
    for fieldset in driver.find_elements(By.CSS_SELECTOR, "main .app-rating fieldset"):
        fieldset.find_elements(By.CSS_SELECTOR, "input[type='radio']")[index].send_keys(Keys.SPACE)


def test_a_full_year(driver, demo):
    # Objectives: Claire proposes one for Daniel, who agrees it.
    as_user(driver, demo, MANAGER)
    visit(driver, demo.url("/people/team"))
    follow(driver, link(driver, "Daniel Reid"))
    person_path = path_of(driver)
    visit(driver, demo.url(person_path + "/objectives/new"))
    fill(driver, "#title", "Cut reablement waiting times")
    fill(driver, "#outcome", "Nobody waits more than five days for a first visit")
    fill(driver, "#due_on", uk(TODAY + timedelta(days=40)))
    fill(driver, "#elements", "CV.1.3")
    press(driver, "Propose the objective")
    objective_path = path_of(driver)
    as_user(driver, demo, PERSON)
    visit(driver, demo.url(objective_path))
    press(driver, "Agree this objective")
    assert "Agreed " in main_text(driver)

    # Three check-ins over the year, each with a behaviour observed.
    as_user(driver, demo, MANAGER)
    for days_ago, example in ((120, "Chaired the winter planning meeting well"), (60, "Listened to a carer's complaint with care"),
                              (5, "Coached a new starter through a difficult visit")):
        visit(driver, demo.url(person_path + "/check-ins/new"))
        fill(driver, "#held_on", uk(TODAY - timedelta(days=days_ago)))
        fill(driver, "#shared_notes", f"Check-in {days_ago} days ago")
        fill(driver, "#obs1_code", "CV.4.1")
        fill(driver, "#obs1_example", example)
        press(driver, "Save the check-in")
        assert example in main_text(driver)
    visit(driver, demo.url(person_path + "/check-ins"))
    assert "3 check-ins" in main_text(driver)

    # Anonymous feedback from three colleagues.
    as_user(driver, demo, PERSON)
    visit(driver, demo.url("/feedback/requests/new"))
    fill(driver, "#subject", "D0012")
    fill(driver, "#question", "How do I come across in team meetings?")
    fill(driver, "#recipients", "\n".join(PEERS))
    driver.find_element(By.ID, "anonymous").send_keys(Keys.SPACE)
    press(driver, "Send the request")
    request_path = path_of(driver)
    answers = ["Always fair", "Clear about priorities", "Makes time for questions"]
    for email, answer in zip(PEERS, answers):
        as_user(driver, demo, email)
        visit(driver, demo.url(request_path))
        fill(driver, "#text", answer)
        press(driver, "Send your feedback")
    as_user(driver, demo, PERSON)
    visit(driver, demo.url(request_path))
    text = main_text(driver)
    assert all(answer in text for answer in answers), text
    assert not any(name in text for name in ("Alex Morgan", "Fatima Begum", "Ewa Wright")), text

    # Probation: HR confirms a new starter, recording each review to the final one.
    as_user(driver, demo, HR)
    visit(driver, demo.url("/reviews/probation"))
    follow(driver, driver.find_elements(By.CSS_SELECTOR, "main table tbody tr a")[0])
    assert_heading(driver, "Probation")
    for _ in range(6):
        if not driver.find_elements(By.ID, "held_on"):
            break
        fill(driver, "#held_on", uk(TODAY))
        fill(driver, "#notes", "Core behaviours and objectives going well")
        final = driver.find_elements(By.CSS_SELECTOR, "input[name='outcome'][value='confirm']")
        if final:
            final[0].send_keys(Keys.SPACE)
        press(driver, "Record the review")
    assert "Confirm in post" in main_text(driver)

    # HR opens the yearly review for everyone in Adult Social Care: bad dates first.
    visit(driver, demo.url("/reviews"))
    follow(driver, link(driver, "Review cycles (PDR)"))
    follow(driver, link(driver, "Open a new review cycle"))
    fill(driver, "#title", f"PDR {TODAY.year}")
    driver.find_element(By.CSS_SELECTOR, "input[name='rule'][value='unit']").send_keys(Keys.SPACE)
    fill(driver, "#unit", "EVC-ADU-ASC")
    fill(driver, "#opens_on", uk(TODAY))
    fill(driver, "#self_due_on", uk(TODAY - timedelta(days=3)))
    fill(driver, "#manager_due_on", uk(TODAY + timedelta(days=21)))
    fill(driver, "#closes_on", uk(TODAY + timedelta(days=30)))
    press(driver, "Open the cycle")
    assert_error_page(driver, ["self_due_on"])
    fill(driver, "#self_due_on", uk(TODAY + timedelta(days=14)))
    press(driver, "Open the cycle")
    cycle_path = path_of(driver)
    completion = table_dicts(driver, "Completion by unit")
    assert completion and completion[0]["Signed off"].startswith("0 of "), completion

    # Daniel's self-assessment, from his task list.
    as_user(driver, demo, PERSON)
    visit(driver, demo.url("/reviews"))
    follow(driver, link(driver, "My review"))
    review_path = path_of(driver)
    assert "Not started" in main_text(driver)
    assert "Chaired the winter planning meeting well" in main_text(driver), "the year's observations are on the review"
    assert "Cut reablement waiting times" in main_text(driver)
    press(driver, "Start your self-assessment")
    rate_all(driver, 2)
    press(driver, "Submit")
    assert "Submitted" in main_text(driver)

    # Claire's manager assessment; Daniel cannot see it yet.
    as_user(driver, demo, MANAGER)
    visit(driver, demo.url(review_path))
    press(driver, "Start the manager assessment")
    manager_assessment = path_of(driver)
    rate_all(driver, 1)
    press(driver, "Submit")
    as_user(driver, demo, PERSON)
    visit(driver, demo.url(review_path))
    assert not driver.find_elements(By.XPATH, "//main//a[normalize-space()='Manager assessment']")

    # Calibration: HR adjusts one rating with a reason, then finishes.
    as_user(driver, demo, HR)
    visit(driver, demo.url(cycle_path + "/calibration"))
    rows = table_dicts(driver, "Ratings by manager")
    assert any(row["Manager"] == "Claire Watson" for row in rows), rows
    follow(driver, link(driver, "Claire Watson"))
    follow(driver, link(driver, "Daniel Reid"))
    select = driver.find_element(By.ID, "element")
    option = next(o for o in select.find_elements(By.TAG_NAME, "option") if o.text.startswith("CV.4.1 "))
    select.send_keys(option.text[:6])
    driver.find_element(By.CSS_SELECTOR, "input[name='level'][value='3']").send_keys(Keys.SPACE)
    fill(driver, "#reason", "Three check-in observations show this consistently")
    press(driver, "Adjust the rating")
    assert "Three check-in observations show this consistently" in main_text(driver)
    visit(driver, demo.url(cycle_path + "/calibration"))
    press(driver, "Finish calibration for the people you look after", accept_confirm=True)
    assert "Calibration finished on" in main_text(driver)

    # The meeting, the plan from the gaps, and sign-off by both.
    as_user(driver, demo, MANAGER)
    visit(driver, demo.url(review_path))
    fill(driver, "#held_on", uk(TODAY))
    fill(driver, "#notes", "Agreed to focus on developing the team's practice")
    press(driver, "Record the meeting")
    follow(driver, link(driver, "Open the development plan (items from gaps)"))
    gaps = table_dicts(driver, "Rated below what the role expects")
    assert len(gaps) >= 3, gaps
    assert not any(row["Element"].startswith("CV.4.1 ") for row in gaps), "the calibrated rating meets the role"
    press(driver, f"Add {gaps[0]['Element'].split(' ')[0]} to the plan")
    assert "Develop " in main_text(driver)
    visit(driver, demo.url(review_path))
    press(driver, "Agree the development plan")
    press(driver, "Sign off this review")
    as_user(driver, demo, PERSON)
    visit(driver, demo.url(manager_assessment))
    assert "Manager assessment" in main_text(driver)
    visit(driver, demo.url(review_path))
    assert "Adjusted" in main_text(driver) or "adjusted in calibration" in main_text(driver)
    press(driver, "Sign off this review")
    text = main_text(driver)
    assert "Both of you signed off this review" in text
    assert "5 of 5 steps completed." in text

    # Reminders: `capable remind` is idempotent.
    env = capable_env(demo.tmp)
    runs = [subprocess.run([str(_capable_bin()), "remind"], env=env, capture_output=True, text=True, timeout=120) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    assert runs[1].stdout.strip().endswith("Reminders: 0 new"), runs[1].stdout
    visit(driver, demo.url("/notifications"))
    assert_heading(driver, "Notifications")
