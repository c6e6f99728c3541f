"""Learning in the browser, on the demo council.

HR adds a one-place Fire Safety session (a bad capacity refused first); Claire Watson takes the
place; Daniel Reid joins the waiting list, is promoted when Claire cancels, is marked attended
by the trainer with the keyboard, and turns compliant; Claire sees her team's matrix; HR imports
completions from the learning system with one bad row, fixes it and applies, then reads the
organisation view down to the people. Every page visited is checked with axe-core.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe import check_axe, visit
from conftest import running_demo
from helpers import (assert_error_page, assert_heading, as_user, click_and_wait, fill, find_button, follow, link, main_text, path_of,
                     press, success_banner_texts, table_dicts)

PERSON = "daniel.reid@elmbridgevale.example"
MANAGER = "claire.watson@elmbridgevale.example"
HR = "helen.price@elmbridgevale.example"
TODAY = date.today()


@pytest.fixture(scope="module")
def demo():
    with running_demo("capable-e2e-learning-", needed=(PERSON, MANAGER, HR)) as state:
        yield state


def row_for(rows: list[dict[str, str]], key: str, value: str) -> dict[str, str]:
    found = [row for row in rows if row.get(key) == value]
    assert found, f"no row with {key} = {value!r}: {rows}"
    return found[0]


def test_waiting_list_to_compliant(driver, demo):
    # HR adds a session today with one place; a capacity of 0 is refused by name first.
    as_user(driver, demo, HR)
    visit(driver, demo.url("/learning/courses"))
    follow(driver, link(driver, "Fire Safety"))
    assert "So all staff know the fire precautions" in main_text(driver)
    follow(driver, link(driver, "Add a session"))
    fill(driver, "#starts_on", TODAY.strftime("%d/%m/%Y"))
    fill(driver, "#start_time", "09:00")
    fill(driver, "#end_time", "11:00")
    fill(driver, "#location", "Civic Centre, Room 4")
    fill(driver, "#trainer", "D0005")
    fill(driver, "#capacity", "0")
    press(driver, "Add the session")
    assert_error_page(driver, ["capacity"])
    fill(driver, "#capacity", "1")
    press(driver, "Add the session")
    session_path = path_of(driver)
    assert re.fullmatch(r"/learning/sessions/[0-9a-f-]{36}", session_path), session_path

    # Claire takes the only place; Daniel joins the waiting list.
    as_user(driver, demo, MANAGER)
    visit(driver, demo.url(session_path))
    press(driver, "Book a place")
    assert "Booked" in main_text(driver)
    as_user(driver, demo, PERSON)
    visit(driver, demo.url(session_path))
    assert "Full (1 places)" in main_text(driver)
    press(driver, "Join the waiting list")
    assert "Waiting list (number 1)" in main_text(driver)

    # Claire cancels, and the place goes to Daniel.
    as_user(driver, demo, MANAGER)
    visit(driver, demo.url(session_path))
    press(driver, "Cancel my place", accept_confirm=True)
    as_user(driver, demo, PERSON)
    visit(driver, demo.url("/notifications"))
    assert "A place came free: you are now booked on Fire Safety" in main_text(driver)
    visit(driver, demo.url(session_path))
    assert "Your booking: Booked" in main_text(driver)

    # The trainer (Helen) marks Daniel attended, with the keyboard.
    as_user(driver, demo, HR)
    visit(driver, demo.url(session_path))
    fieldset = driver.find_element(By.XPATH, "//main//fieldset[legend[normalize-space(.)='Daniel Reid']]")
    fieldset.find_element(By.CSS_SELECTOR, "input[value='attended']").send_keys(Keys.SPACE)
    press(driver, "Save attendance")
    assert "Attended" in main_text(driver)

    # Daniel is now compliant with Fire Safety, and sees why it is mandatory.
    as_user(driver, demo, PERSON)
    visit(driver, demo.url("/learning"))
    fire = row_for(table_dicts(driver, "What you must do"), "Course", "Fire Safety")
    assert fire["Status"].startswith("Compliant"), fire
    assert fire["Why"].startswith("So all staff know the fire precautions"), fire
    record = row_for(table_dicts(driver, "Courses you have completed"), "Course", "Fire Safety")
    assert record["How it was recorded"] == "Attended a session", record

    # Claire's matrix shows Daniel's statuses in words.
    as_user(driver, demo, MANAGER)
    visit(driver, demo.url("/learning"))
    follow(driver, link(driver, "Your team's training"))
    daniel = row_for(table_dicts(driver, "Mandatory training by person"), "Name", "Daniel Reid")
    assert daniel["Fire Safety"].startswith("Compliant"), daniel
    words = ("Compliant", "Due soon", "Overdue", "Not started", "Not required")
    assert all(cell.startswith(words) for key, cell in daniel.items() if key != "Name"), daniel


def test_hr_imports_completions_and_reads_the_organisation(driver, demo):
    as_user(driver, demo, HR)
    visit(driver, demo.url("/learning"))
    follow(driver, link(driver, "Import completions from the learning system"))
    assert_heading(driver, "Import completions from the learning system")
    day = TODAY.strftime("%Y-%m-%d")
    bad = demo.tmp / "lms-export.csv"
    bad.write_text(f"employee_ref,course_code,completed_on\nD0011,FIRE-01,{day}\nD9999,IG-01,{day}\n", encoding="utf-8")
    driver.find_element(By.CSS_SELECTOR, "#file").send_keys(str(bad))
    click_and_wait(driver, find_button(driver, "Upload and check"))
    check_axe(driver)
    assert_heading(driver, "Check the import")
    problems = table_dicts(driver, "Problems")
    assert problems == [{"Line": "3", "Column": "employee_ref", "Problem": "no one has the employee number D9999"}], problems
    assert "Apply the import" not in main_text(driver)

    follow(driver, link(driver, "Upload a corrected file"))
    good = demo.tmp / "lms-export-fixed.csv"
    good.write_text(f"employee_ref,course_code,completed_on\nD0011,FIRE-01,{day}\nD0012,IG-01,{day}\n", encoding="utf-8")
    driver.find_element(By.CSS_SELECTOR, "#file").send_keys(str(good))
    click_and_wait(driver, find_button(driver, "Upload and check"))
    check_axe(driver)
    press(driver, "Apply the import")
    assert any("Completions imported" in text for text in success_banner_texts(driver)), main_text(driver)
    assert "2 completions added" in main_text(driver)

    # The organisation view: counts per unit as "n of N (p%)", down to the people.
    follow(driver, link(driver, "See organisation compliance"))
    units = table_dicts(driver, "Completed and current, by unit")
    assert units and all(re.match(r"\d+ of \d+ \(\d+%\)", row["Fire Safety"]) for row in units), units
    follow(driver, link(driver, units[0]["Unit"]))
    follow(driver, link(driver, "People: Fire Safety"))
    people = table_dicts(driver, "People under the requirement")
    assert people and all(row["Status"].startswith(("Compliant", "Due soon", "Overdue", "Not started")) for row in people), people[:3]

    # The requirements, with who and why, and the form to add one.
    visit(driver, demo.url("/learning/requirements"))
    rows = table_dicts(driver, "9 requirements")
    assert row_for(rows, "Course", "Mentally Healthy Workplaces")["Who"] == "Everyone who line manages at least one person", rows
    follow(driver, link(driver, "Add a requirement"))
    press(driver, "Add the requirement")
    assert_error_page(driver, ["course", "reason"])

    # Changing a requirement opens the same form, filled in.
    visit(driver, demo.url("/learning/requirements"))
    follow(driver, link(driver, "Change the requirement for Fire Safety"))
    assert_heading(driver, "Change a mandatory training requirement")
    assert driver.find_element(By.ID, "due_within_days").get_attribute("value") == "90"

    # HR adds a course: an empty form is refused field by field, then the course is added.
    visit(driver, demo.url("/learning/courses"))
    follow(driver, link(driver, "Add a course"))
    press(driver, "Add the course")
    assert_error_page(driver, ["title", "code", "description"])
    fill(driver, "#title", "Asbestos Awareness")
    fill(driver, "#code", "ASB-01")
    fill(driver, "#description", "Recognising asbestos and what to do.")
    fill(driver, "#provider", "Workforce Development")
    fill(driver, "#duration", "1 hour")
    fill(driver, "#validity_months", "12")
    fill(driver, "#elements", "TR.3")
    press(driver, "Add the course")
    assert_heading(driver, "Asbestos Awareness")
    assert "Manage risk" in main_text(driver)


def test_learning_done_elsewhere_is_refused_in_the_future_then_confirmed(driver, demo):
    as_user(driver, demo, PERSON)
    visit(driver, demo.url("/learning"))
    driver.find_element(By.XPATH, "//select[@id='course']/option[normalize-space(.)='Customer Service']").click()
    fill(driver, "#completed_on", "01/01/2099")
    fill(driver, "#evidence", "Certificate 4471")
    press(driver, "Record it")
    assert_error_page(driver, ["completed_on"])
    fill(driver, "#completed_on", TODAY.strftime("%d/%m/%Y"))
    press(driver, "Record it")
    assert "Waiting for your manager to confirm" in main_text(driver)

    as_user(driver, demo, MANAGER)
    visit(driver, demo.url("/learning/team"))
    pending = table_dicts(driver, "Completions your team recorded themselves")
    assert pending and pending[0]["Who"] == "Daniel Reid", pending
    follow(driver, driver.find_element(By.XPATH, "//main//button[normalize-space(.)=\"Confirm Daniel Reid's Customer Service\"]"))
    assert "Completions your team recorded themselves" not in main_text(driver)
