"""Risk in the browser, on the demo council: the life of one risk.

Claire Watson, Head of Adult Social Care, identifies a risk on her service's register, assesses
it (a target above the inherent score without a reason is refused first), adds a control and
an action; it is outside the compliance appetite, so she escalates it to the corporate register,
where Alex Morgan of the top team finds it on the heat map and in the printable report. Claire
completes the action from her list, records a review that lowers the current score, and
de-escalates it. Every page visited is checked with axe-core; everything is done by keyboard.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from axe import visit
from conftest import running_demo
from helpers import tick, assert_error_page, as_user, fill, find_button, follow, link, main_text, path_of, press, table_dicts

OWNER = "claire.watson@elmbridgevale.example"
TOP_TEAM = "alex.morgan@elmbridgevale.example"
TITLE = "Safeguarding checks missed during staff shortages"


@pytest.fixture(scope="module")
def demo():
    with running_demo("capable-e2e-risk-", needed=(OWNER, TOP_TEAM)) as state:
        yield state


def choose(driver, css: str, value: str) -> None:
    Select(driver.find_element(By.CSS_SELECTOR, css)).select_by_value(value)


def test_a_risk_from_identification_to_de_escalation(driver, demo):
    # Claire finds her service's register and identifies a risk on it.
    as_user(driver, demo, OWNER)
    visit(driver, demo.url("/risk"))
    follow(driver, link(driver, "Adult Social Care risk register"))
    follow(driver, link(driver, "Add a risk"))
    fill(driver, "#title", TITLE)
    fill(driver, "#cause", "Agency staff start before their checks are complete")
    fill(driver, "#event", "A vulnerable adult is cared for by someone unsuitable")
    fill(driver, "#consequence", "Harm to a resident; action by the Care Quality Commission")
    choose(driver, "#category", "compliance")
    fill(driver, "#elements", "")
    press(driver, "Add the risk")

    # Assessing: a target above the inherent score needs a reason, so that is refused first.
    assert re.search(r"ASC-\d{3}", main_text(driver)), main_text(driver)
    choose(driver, "#inherent_likelihood", "2")
    choose(driver, "#inherent_impact", "2")
    choose(driver, "#target_likelihood", "3")
    choose(driver, "#target_impact", "3")
    press(driver, "Save the assessment")
    assert_error_page(driver, ["target_reason"])
    choose(driver, "#inherent_likelihood", "5")
    choose(driver, "#inherent_impact", "5")
    choose(driver, "#current_likelihood", "5")
    choose(driver, "#current_impact", "4")
    choose(driver, "#target_likelihood", "2")
    choose(driver, "#target_impact", "3")
    press(driver, "Save the assessment")
    risk_path = path_of(driver)
    assert re.fullmatch(r"/risk/risks/[0-9a-f-]{36}", risk_path), risk_path
    text = main_text(driver)
    assert "Outside appetite" in text
    assert "proposed for escalation to Adults and Health Directorate risk register" in text
    assert "Very high 20" in text

    # A control and an action; the action goes to Claire's own list.
    follow(driver, link(driver, "Add a control"))
    fill(driver, "#description", "Agency staff cannot start until the DBS check is seen by the team manager")
    fill(driver, "#owner", "D0011")
    tick(driver, "effectiveness", "Partly effective")
    press(driver, "Add the control")
    follow(driver, link(driver, "Add an action"))
    fill(driver, "#description", "Weekly report of agency starts without a completed check")
    fill(driver, "#owner", "D0011")
    fill(driver, "#due_on", (date.today() + timedelta(days=30)).strftime("%d/%m/%Y"))
    press(driver, "Add the action")
    assert "Weekly report of agency starts" in main_text(driver)

    # Outside appetite: escalated to the corporate register.
    follow(driver, link(driver, "Decide now"))
    tick(driver, "register", "Corporate risk register")
    fill(driver, "#reason", "Very high and outside the compliance appetite")
    press(driver, "Escalate the risk")
    assert "Escalated to Corporate risk register" in main_text(driver)

    # The top team sees it on the corporate register's heat map and follows the cell to it.
    as_user(driver, demo, TOP_TEAM)
    visit(driver, demo.url("/risk"))
    follow(driver, link(driver, "Corporate risk register"))
    assert "Very high" in main_text(driver)
    follow(driver, link(driver, "1 risk at likelihood 5, impact 4"))
    rows = table_dicts(driver, "Risks by current score")
    assert [row["Risk"] for row in rows] == [TITLE], rows
    assert "From Adult Social Care risk register" in rows[0]["Status"]
    visit(driver, demo.url("/risk/corporate/report"))
    assert TITLE in main_text(driver)

    # The chain: a corporate risk names the capability that manages it, whose page lists the risk.
    visit(driver, demo.url("/risk"))
    follow(driver, link(driver, "Corporate risk register"))
    follow(driver, link(driver, "CR-001"))
    assert "Failure to meet health and safety duties" in main_text(driver)
    assert "Health and Safety compliance:" in main_text(driver)
    managed_by = driver.find_elements(By.XPATH, "//main//dt[normalize-space(.)='Managed by']/following-sibling::dd//a")
    assert managed_by, "no capability linked"
    follow(driver, managed_by[0])
    assert "CR-001 Failure to meet health and safety duties" in main_text(driver)

    # Claire completes the action from her list.
    as_user(driver, demo, OWNER)
    visit(driver, demo.url("/actions"))
    press(driver, "Mark as done: Weekly report of agency starts without a completed check")
    done = [row["Action"] for row in table_dicts(driver, "Recently done or dropped")]
    assert "Weekly report of agency starts without a completed check" in done, done

    # A review finds the risk much lower; the page proposes de-escalation and Claire agrees.
    visit(driver, demo.url(risk_path))
    follow(driver, link(driver, "Record a review"))
    choose(driver, "#likelihood", "2")
    choose(driver, "#impact", "3")
    fill(driver, "#note", "Checks now complete before every start; weekly report shows none missed")
    press(driver, "Record the review")
    text = main_text(driver)
    assert "Within appetite" in text
    assert "proposed for de-escalation to Adult Social Care risk register" in text
    assert "The current score went from 20" in text
    follow(driver, link(driver, "Decide now"))
    fill(driver, "#de_reason", "Within appetite after the review")
    press(driver, "De-escalate the risk")
    moves = table_dicts(driver, "Escalation and de-escalation")
    assert [row["Move"] for row in moves] == [
        "Escalated from Adult Social Care risk register to Corporate risk register",
        "De-escalated from Corporate risk register to Adult Social Care risk register",
    ], moves
    assert "Escalated to" not in main_text(driver).split("Escalation")[0]
    actions = table_dicts(driver, "Planned actions")
    assert actions[0]["Status"] == "Done", actions


RISK_MANAGER = "fatima.begum@elmbridgevale.example"


def test_risk_manager_forms(driver, demo):
    # Fatima, the risk manager, adds a register (a clashing prefix refused first), sets a key
    # risk indicator and a tolerated response (refused without an approver), changes a risk's
    # details and reads the appetite page. Runs after the walkthrough: nothing here changes it.
    as_user(driver, demo, RISK_MANAGER)
    visit(driver, demo.url("/risk"))
    follow(driver, link(driver, "Add a register for a unit"))
    fill(driver, "#unit", "EVC-CHI-CSC")
    fill(driver, "#prefix", "CR")
    press(driver, "Add the register")
    assert_error_page(driver, ["prefix"])
    fill(driver, "#prefix", "CSC")
    press(driver, "Add the register")
    assert "Children's Social Care risk register" in main_text(driver)

    visit(driver, demo.url("/risk"))
    follow(driver, link(driver, "Corporate risk register"))
    # The change since a date: a future date is refused by name, then six months ago compares.
    fill(driver, "#since", (date.today() + timedelta(days=1)).strftime("%d/%m/%Y"))
    press(driver, "Compare")
    assert_error_page(driver, ["since"])
    fill(driver, "#since", (date.today() - timedelta(days=183)).strftime("%d/%m/%Y"))
    press(driver, "Compare")
    assert re.search(r"Since .*: \d+ increased, \d+ reduced, \d+ unchanged, \d+ new or first assessed", main_text(driver)), main_text(driver)
    follow(driver, link(driver, "CR-002"))
    risk_path = path_of(driver)
    follow(driver, link(driver, "Set a key risk indicator"))
    tick(driver, "kri_kind", "Check-ins up to date")
    fill(driver, "#kri_threshold", "80")
    press(driver, "Save the indicator")
    assert "Check-ins up to date:" in main_text(driver)

    follow(driver, link(driver, "Change the response"))
    tick(driver, "response", "Tolerate: accept the risk as it is, with a named approver and an expiry date")
    fill(driver, "#approver", "")
    fill(driver, "#acceptance_reason", "The cost of further controls outweighs the benefit")
    fill(driver, "#acceptance_expires_on", (date.today() + timedelta(days=90)).strftime("%d/%m/%Y"))
    press(driver, "Save the response")
    assert_error_page(driver, ["approver"])
    fill(driver, "#approver", "D0001")
    press(driver, "Save the response")
    assert "Accepted by" in main_text(driver)
    assert path_of(driver) == risk_path

    follow(driver, link(driver, "Change the risk's details"))
    fill(driver, "#review_months", "6")
    press(driver, "Save the details")
    assert "6 months" in main_text(driver)

    visit(driver, demo.url("/risk/appetite"))
    rows = table_dicts(driver, "Appetite by category")
    assert {row["Category"]: row["Appetite"] for row in rows}["Operational"] == "Open", rows
