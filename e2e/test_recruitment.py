"""The Recruitment area's "Done when": a person specification and an interview score sheet are
generated for a demo job role, and the browser tests cover the person specification with zero
axe violations.

The module runs its own server on a database loaded with `capable seed demo` (`demo`), which
adds the "Team Manager" role, its published person specification and an interview round. As the
demo's HR administrator (Helen Price) the tests

1. open the demo role's framework requirements (codes and titles linking to the elements);
2. read its person specification (a table per Core Value; essential or desirable; where each
   criterion is assessed) and its print view, and the demo round's blank score sheet and results;
3. create a job role, choose its framework requirements with the keyboard, generate its person
   specification, change a criterion's wording and where it is assessed, add an experience
   criterion (a refused attempt first), publish it, and find it read-only;
4. set up an interview round for that role with two panel members, score the candidate as each
   (a refused submission first) and check the averages on the results page.

Every page visited is checked with axe-core; forms are filled and sent with the keyboard.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from axe import check_axe, visit, wait_for_load
from conftest import Server, seed_demo, start_server
from helpers import (
    follow,
    link,
    main_text,
    summary_value,
    table,
    table_dicts,
    xpath_literal,
    WAIT,
    assert_error_page,
    assert_heading,
    assert_on_sign_in_page,
    assert_title_starts,
    button_xpath,
    fill,
    find_button,
    path_of,
    sign_in_at_login,
    wait_for_button,
)

DEMO_ROLE = "Team Manager"
DEMO_ROUND = "Team Manager interviews"
HR_ADMIN = "helen.price@elmbridgevale.example"  # D0005: HR and administrator, chairs the demo round
PANEL_MEMBER = "daniel.reid@elmbridgevale.example"  # D0012: a manager with no roles

NEW_ROLE = "Housing Options Team Leader"
NEW_PURPOSE = "Leads the housing options team: advice, homelessness prevention and allocations."
# Element code -> what the requirements form is set to, typed into its "Needed" select.
NEW_REQUIREMENTS = {"CV.1.1": "Essential", "CV.2.1": "Desirable", "TR.2": "Essential"}
CHANGED = "CV.1.1"
CHANGED_TEXT = "Sets ambitious goals for the team and shows how they made a difference to residents"
NEW_EXPERIENCE = "Experience of managing homelessness casework to the statutory timescales"
UUID_PATH = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


@dataclass
class Demo(Server):
    accounts: dict[str, str] = field(default_factory=dict)  # email -> password, from `capable seed demo`
    new_role_path: str | None = None  # /people/roles/<id> once test 3 has published its specification


@pytest.fixture(scope="module")
def demo():
    """A server of this module's own on a database with the demo council loaded."""
    tmp = Path(tempfile.mkdtemp(prefix="capable-e2e-recruitment-"))
    accounts = seed_demo(tmp, needed=(HR_ADMIN, PANEL_MEMBER))
    running = start_server(tmp)
    state = Demo(base_url=running.base_url, email=HR_ADMIN, password=accounts[HR_ADMIN],
                 log_path=running.log_path, accounts=accounts)
    try:
        yield state
    finally:
        running.stop()
        shutil.rmtree(tmp, ignore_errors=True)


# --- page helpers -------------------------------------------------------------------------








def press(driver, button_text: str, accept_confirm: bool = False) -> None:
    """Send the form of the button in main labelled `button_text` with the keyboard; check the next page."""
    button = find_button(driver, button_text, within="//main")
    old = driver.find_element(By.TAG_NAME, "html")
    button.send_keys(Keys.ENTER)
    if accept_confirm:
        WebDriverWait(driver, WAIT).until(EC.alert_is_present()).accept()
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(EC.staleness_of(old))
    wait_for_load(driver)
    check_axe(driver)


def has_button(driver, text: str) -> bool:
    return bool(driver.find_elements(By.XPATH, button_xpath(text, "//main")))


def labelled(driver, label: str):
    """The control whose <label> reads `label`."""
    labels = driver.find_elements(By.XPATH, f"//main//label[normalize-space(.)={xpath_literal(label)}]")
    assert len(labels) == 1, f"expected one label {label!r} on {driver.current_url}, found {len(labels)}"
    return driver.find_element(By.ID, labels[0].get_attribute("for"))


def fieldset(driver, legend: str):
    found = driver.find_elements(By.XPATH, f"//main//fieldset[legend[normalize-space(.)={xpath_literal(legend)}]]")
    assert len(found) == 1, f"expected one fieldset {legend!r} on {driver.current_url}, found {len(found)}"
    return found[0]


def set_checkboxes(driver, legend: str, wanted: set[str]) -> None:
    """Tick exactly the boxes labelled in `wanted` in the fieldset `legend`, with the space bar."""
    group = fieldset(driver, legend)
    labels = set()
    for item in group.find_elements(By.CSS_SELECTOR, ".govuk-checkboxes__item"):
        box = item.find_element(By.CSS_SELECTOR, "input[type=checkbox]")
        label = item.find_element(By.TAG_NAME, "label").text.strip()
        labels.add(label)
        if box.is_selected() != (label in wanted):
            box.send_keys(Keys.SPACE)
        assert box.is_selected() == (label in wanted), f"{label!r} in {legend!r} did not toggle"
    assert wanted <= labels, f"{legend!r} has no box {wanted - labels}; it has {labels}"


def choose(select_element, typed: str, expected: str) -> None:
    """Pick an option of a closed <select> by typing, as a keyboard user does."""
    select_element.send_keys(typed)
    chosen = Select(select_element).first_selected_option.text.strip()
    assert chosen == expected, f"typing {typed!r} chose {chosen!r}, not {expected!r}"






def captions(driver) -> list[str]:
    return [c.text.strip() for c in driver.find_elements(By.CSS_SELECTOR, "main table caption")]






def one_decimal(value: float) -> str:
    """An average as the results page shows it: one decimal place, halves rounded up."""
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def post_status(driver, path: str, fields: dict[str, str]) -> int:
    """The HTTP status of a form POST to path, sent by the page with its session and CSRF token."""
    driver.set_script_timeout(30)
    return driver.execute_async_script(
        "const [path, fields, done] = arguments;"
        "const token = document.querySelector('main form input[type=hidden]');"
        "const body = new URLSearchParams(fields);"
        "if (token) body.append(token.name, token.value);"
        "fetch(path, {method: 'POST', body, credentials: 'same-origin', redirect: 'manual'})"
        ".then(r => done(r.status)).catch(e => done(-1));",
        path, fields,
    )


def sign_out(driver) -> None:
    old = driver.find_element(By.TAG_NAME, "html")
    wait_for_button(driver, "Sign out", within="//header").send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(EC.staleness_of(old))
    wait_for_load(driver)
    assert_on_sign_in_page(driver)
    check_axe(driver)


def open_role(driver, demo: Demo, title: str) -> str:
    """From the Job roles page, open a role; returns its path."""
    visit(driver, demo.url("/people/roles"))
    assert_heading(driver, "Job roles")
    follow(driver, link(driver, title))
    assert_heading(driver, title)
    path = path_of(driver)
    assert re.fullmatch(rf"/people/roles/{UUID_PATH}", path), driver.current_url
    return path


# --- tests ----------------------------------------------------------------------------------


def test_demo_role_requirements_specification_and_score_sheet(driver, demo):
    sign_in_at_login(driver, demo)
    role_path = open_role(driver, demo, DEMO_ROLE)

    # 1. Its framework requirements: codes and titles, each linking to the element's page.
    requirements = table_dicts(driver, "What this role needs")
    assert len(requirements) == 11, requirements
    assert all(r["Framework element"].startswith("CV.") for r in requirements), requirements
    assert {r["Framework"] for r in requirements} == {"Core Values and Leadership and Management Framework"}, requirements
    needs = {r["Framework element"].split(" ", 1)[0]: (r["Essential or desirable"], r["Level"]) for r in requirements}
    assert needs["CV.1.MB1"] == ("Essential", "3") and needs["CV.2.MS1"] == ("Desirable", "Any"), needs
    for a in table(driver, "What this role needs").find_elements(By.CSS_SELECTOR, "tbody a"):
        assert re.fullmatch(rf"/framework/elements/{UUID_PATH}", urlparse(a.get_attribute("href")).path), a.get_attribute("href")
    follow(driver, link(driver, "CV.1.MB1 Managing resources effectively, efficiently and economically"))
    assert_heading(driver, "Managing resources effectively, efficiently and economically")
    assert re.fullmatch(rf"/framework/elements/{UUID_PATH}", path_of(driver)), driver.current_url
    # The element page names the roles that need it.
    assert f"{DEMO_ROLE} (essential)" in main_text(driver), main_text(driver)

    # 2. The published person specification: a table per Core Value.
    visit(driver, demo.url(role_path))
    recruitment = driver.find_element(By.XPATH, "//main//h2[normalize-space(.)='Recruitment']/following-sibling::ul[1]").text
    assert "Person specification (published)" in recruitment, recruitment
    follow(driver, link(driver, "Person specification"))
    assert path_of(driver) == role_path + "/person-specification", driver.current_url
    assert_heading(driver, "Person specification")
    assert_title_starts(driver, f"Person specification: {DEMO_ROLE}")
    assert summary_value(driver, "Status") == "Published"
    assert summary_value(driver, "Job role") == DEMO_ROLE
    assert summary_value(driver, "Grades") == "G10 to G11"
    assert captions(driver) == [
        "CV.1 Achieving results", "CV.2 Valuing diversity", "CV.3 Learning effectively", "CV.4 Engaging with others",
        "Experience and knowledge",
    ], captions(driver)
    achieving = {r["Criterion"].split(" ", 1)[0]: r for r in table_dicts(driver, "CV.1 Achieving results")}
    assert set(achieving) == {"CV.1.3", "CV.1.MB1", "CV.1.MB6", "CV.1.MS5"}, achieving
    assert achieving["CV.1.MB1"]["Essential or desirable"] == "Essential"
    assert achieving["CV.1.MB1"]["Assessed at"] == "Application and interview"
    diversity = {r["Criterion"].split(" ", 1)[0]: r for r in table_dicts(driver, "CV.2 Valuing diversity")}
    assert diversity["CV.2.MS1"]["Essential or desirable"] == "Desirable", diversity
    engaging = {r["Criterion"].split(" ", 1)[0]: r for r in table_dicts(driver, "CV.4 Engaging with others")}
    assert engaging["CV.4.MB5"]["Assessed at"] == "Interview and test", engaging
    experience = table_dicts(driver, "Experience and knowledge")
    assert experience[0]["Criterion"] == f"Experience relevant to the role of {DEMO_ROLE}", experience
    assert {r["Assessed at"] for r in experience} == {"Application and interview", "Application"}, experience
    # Each framework criterion's code links to its element.
    codes = driver.find_elements(By.CSS_SELECTOR, "main table tbody a")
    assert len(codes) == 11 and all(re.fullmatch(r"CV\.\d\.[A-Z0-9]+", a.text.strip()) for a in codes), [a.text for a in codes]
    # Published: read-only until made a draft again.
    assert not driver.find_elements(By.LINK_TEXT, "Change the specification")
    assert has_button(driver, "Make a draft again to change it")

    # The print view: the same tables, without the header, navigation or footer.
    follow(driver, link(driver, "Printable version"))
    url = urlparse(driver.current_url)
    assert url.path == role_path + "/person-specification" and parse_qs(url.query) == {"print": ["1"]}, driver.current_url
    assert_heading(driver, f"Person specification: {DEMO_ROLE}")
    for chrome in ("header", "footer", ".govuk-service-navigation", ".govuk-header", "nav[aria-label='Breadcrumb']"):
        assert not driver.find_elements(By.CSS_SELECTOR, chrome), f"the print view has {chrome}"
    assert not driver.find_elements(By.CSS_SELECTOR, "main a"), "the print view links the criteria"
    assert "CV.1 Achieving results" in captions(driver) and "Experience and knowledge" in captions(driver), captions(driver)

    # The demo round: its blank score sheet lists the criteria assessed at interview, and its
    # results count the two sheets already submitted for the first candidate.
    visit(driver, demo.url("/recruitment"))
    assert_heading(driver, "Interviews")
    follow(driver, link(driver, DEMO_ROUND))
    assert_heading(driver, DEMO_ROUND)
    assert summary_value(driver, "Criteria scored").startswith("13,"), summary_value(driver, "Criteria scored")
    assert [r["Candidate"] for r in table_dicts(driver, "Candidates")] == ["Candidate TM-101", "Candidate TM-102"]
    follow(driver, link(driver, "Blank score sheet to print"))
    assert_heading(driver, f"Interview score sheet: {DEMO_ROLE}")
    assert not driver.find_elements(By.CSS_SELECTOR, "header, footer, .govuk-service-navigation")
    sheet = captions(driver)
    assert sheet[0] == "How to score" and sheet[-1] == "Experience and knowledge", sheet
    assert sum(len(table_dicts(driver, c)) for c in sheet[1:]) == 13, sheet
    visit(driver, demo.url(urlparse(driver.current_url).path.rsplit("/", 1)[0] + "/results"))
    assert_heading(driver, "Interview results")
    overall = {r["Candidate"]: r for r in table_dicts(driver, "Overall averages")}
    assert overall["Candidate TM-101"]["Sheets submitted"] == "2 of 3", overall
    assert overall["Candidate TM-102"]["Overall average (0 to 4)"] == "–", overall


def test_hr_writes_and_publishes_a_person_specification(driver, demo):
    sign_in_at_login(driver, demo)
    visit(driver, demo.url("/people/roles"))
    follow(driver, link(driver, "Add a job role"))
    assert_heading(driver, "Add a job role")
    fill(driver, "#title", NEW_ROLE)
    fill(driver, "#grade_low", "G8")
    fill(driver, "#grade_high", "G9")
    fill(driver, "#purpose", NEW_PURPOSE)
    press(driver, "Add job role")
    assert_heading(driver, NEW_ROLE)
    role_path = path_of(driver)
    assert re.fullmatch(rf"/people/roles/{UUID_PATH}", role_path), driver.current_url
    assert summary_value(driver, "Purpose") == NEW_PURPOSE
    assert "None recorded yet." in main_text(driver)

    # Framework requirements, chosen with the keyboard.
    follow(driver, link(driver, "Choose framework requirements"))
    assert_heading(driver, "Framework requirements")
    for code, need in NEW_REQUIREMENTS.items():
        choose(labelled(driver, f"Needed for {code}"), need[0], need)
    choose(labelled(driver, "Level for CV.1.1"), "3", "3 – Consistently shown")
    press(driver, "Save requirements")
    assert path_of(driver) == role_path, driver.current_url
    rows = {r["Framework element"].split(" ", 1)[0]: r for r in table_dicts(driver, "What this role needs")}
    assert {code: r["Essential or desirable"] for code, r in rows.items()} == NEW_REQUIREMENTS, rows
    assert rows["CV.1.1"]["Level"] == "3" and rows["TR.2"]["Level"] == "Any", rows

    # Generate the specification: it opens on the edit page.
    follow(driver, link(driver, "Generate a person specification"))
    assert_heading(driver, "Person specification")
    assert "no person specification yet" in main_text(driver)
    press(driver, "Generate a person specification")
    assert path_of(driver) == role_path + "/person-specification/edit", driver.current_url
    assert_heading(driver, "Change the person specification")
    headings = [h.text.strip() for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]
    assert headings[:4] == ["CV.1 Achieving results", "CV.2 Valuing diversity",
                            "TR We trust each other and take responsibility", "Experience and knowledge"], headings

    # Reword one criterion and assess it at interview and by a test rather than on the application.
    text = labelled(driver, f"Criterion text for {CHANGED}")
    assert text.get_attribute("value") == "Securing ambitious outcomes that make a difference to customers"
    fill(driver, f"#{text.get_attribute('id')}", CHANGED_TEXT)
    set_checkboxes(driver, f"Where is {CHANGED} assessed?", {"Interview", "Test"})
    press(driver, "Save draft")
    assert path_of(driver) == role_path + "/person-specification", driver.current_url
    assert summary_value(driver, "Status") == "Draft"
    rows = {r["Criterion"].split(" ", 1)[0]: r for r in table_dicts(driver, "CV.1 Achieving results")}
    assert rows[CHANGED]["Criterion"] == f"{CHANGED} {CHANGED_TEXT}", rows
    assert rows[CHANGED]["Assessed at"] == "Interview and test", rows
    assert table_dicts(driver, "CV.2 Valuing diversity")[0]["Essential or desirable"] == "Desirable"

    # An experience criterion: first with no text and nowhere to assess it, which is refused.
    follow(driver, link(driver, "Change the specification"))
    assert_heading(driver, "Change the person specification")
    fill(driver, "#new_text", "")
    set_checkboxes(driver, "Assessed at", set())
    press(driver, "Add criterion")
    summary = assert_error_page(driver, ["new_text", "new_assessed"])
    assert "Enter the text of the new criterion" in summary.text, summary.text
    fill(driver, "#new_text", NEW_EXPERIENCE)
    set_checkboxes(driver, "Assessed at", {"Application", "Interview"})
    press(driver, "Add criterion")
    assert path_of(driver) == role_path + "/person-specification/edit", driver.current_url
    assert labelled(driver, "Criterion text for experience criterion 4").get_attribute("value") == NEW_EXPERIENCE

    # Publish: the specification is now read-only.
    press(driver, "Save and publish")
    assert path_of(driver) == role_path + "/person-specification", driver.current_url
    assert summary_value(driver, "Status") == "Published"
    experience = [r["Criterion"] for r in table_dicts(driver, "Experience and knowledge")]
    assert experience[-1] == NEW_EXPERIENCE and len(experience) == 4, experience
    assert not driver.find_elements(By.LINK_TEXT, "Change the specification"), "a published specification offers editing"
    assert not has_button(driver, "Publish") and not has_button(driver, "Save draft")
    assert has_button(driver, "Make a draft again to change it")
    visit(driver, demo.url(role_path + "/person-specification/edit"))
    assert path_of(driver) == role_path + "/person-specification", f"the edit form opened on a published specification: {driver.current_url}"
    assert post_status(driver, role_path + "/person-specification/criteria",
                       {"new_text": "Too late", "new_need": "essential", "new_assessed[]": "interview"}) == 409
    visit(driver, demo.url(role_path + "/person-specification"))
    assert NEW_EXPERIENCE in main_text(driver) and "Too late" not in main_text(driver)
    visit(driver, demo.url(role_path + "/person-specification?print=1"))
    assert f"{CHANGED} {CHANGED_TEXT}" in main_text(driver)
    demo.new_role_path = role_path


def score_sheet(driver) -> list:
    """The score <select>s of the sheet on screen, in order."""
    return driver.find_elements(By.CSS_SELECTOR, "main select[name^='score[']")


def fill_sheet(driver, scores: list[int], leave_last_empty: bool = False) -> None:
    selects = score_sheet(driver)
    assert len(selects) == len(scores), f"{len(selects)} criteria on the sheet, {len(scores)} scores"
    notes = driver.find_elements(By.CSS_SELECTOR, "main textarea[name^='note[']")
    for index, (select, score) in enumerate(zip(selects, scores)):
        if leave_last_empty and index == len(scores) - 1:
            choose(select, "N", "Not scored yet")
            continue
        label = Select(select).first_selected_option.text
        if not label.startswith(f"{score} –"):
            choose(select, str(score), next(o.text for o in Select(select).options if o.text.startswith(f"{score} –")))
        notes[index].clear()
        notes[index].send_keys(f"Example {index + 1}: scored {score}")


def test_panel_scores_and_the_results_show_the_averages(driver, demo):
    # The role from the previous test, or (when that did not get as far) the demo role.
    sign_in_at_login(driver, demo)
    role_path = demo.new_role_path or open_role(driver, demo, DEMO_ROLE)
    visit(driver, demo.url(role_path))
    role_title = driver.find_element(By.TAG_NAME, "h1").text.strip()
    follow(driver, link(driver, "Interviews and score sheets"))
    assert_heading(driver, "Interviews")
    fill(driver, "#title", "Shortlist interviews")
    fill(driver, "#held_on", "14/03/2030")
    press(driver, "Set up interview round")
    assert_heading(driver, "Shortlist interviews")
    round_path = path_of(driver)
    assert re.fullmatch(rf"/recruitment/interviews/{UUID_PATH}", round_path), driver.current_url
    assert summary_value(driver, "Date") == "14 March 2030", summary_value(driver, "Date")
    assert "No candidates yet." in main_text(driver) and "No panel members yet." in main_text(driver)

    fill(driver, "#reference", "Candidate HO-7")
    press(driver, "Add candidate")
    fill(driver, "#email", HR_ADMIN)
    driver.find_element(By.ID, "chair").send_keys(Keys.SPACE)
    press(driver, "Add panel member")
    fill(driver, "#email", PANEL_MEMBER)
    press(driver, "Add panel member")
    panel = {r["Panel member"]: r["Role on the panel"] for r in table_dicts(driver, "Panel")}
    assert panel == {"Helen Price": "Chair", "Daniel Reid": "Member"}, panel
    assert [r["Status"] for r in table_dicts(driver, "Candidates")] == ["Not started"]

    # The chair scores: submitting with a criterion unscored is refused.
    follow(driver, link(driver, "Score Candidate HO-7"))
    assert_heading(driver, "Score sheet: Candidate HO-7")
    count = len(score_sheet(driver))
    # The new role's sheet: CV.1.1, CV.2.1, TR.2, and the three experience criteria assessed at
    # interview (the qualification is checked on the application only).
    assert demo.new_role_path is None or count == 6, count
    chair_scores = [(4, 3, 2, 4, 1, 3)[i % 6] for i in range(count)]
    fill_sheet(driver, chair_scores, leave_last_empty=True)
    press(driver, "Save and submit")
    last = score_sheet(driver)[-1].get_attribute("id")
    summary = assert_error_page(driver, [last])
    assert "Score every criterion before submitting" in summary.text, summary.text
    # What was entered is kept.
    assert [Select(s).first_selected_option.text[:1] for s in score_sheet(driver)[:-1]] == [str(s) for s in chair_scores[:-1]]
    fill_sheet(driver, chair_scores)
    press(driver, "Save and submit")
    assert path_of(driver) == round_path, driver.current_url
    assert [r["Status"] for r in table_dicts(driver, "Candidates")] == ["Submitted"]
    follow(driver, link(driver, "View Candidate HO-7"))
    assert summary_value(driver, "Status") == "Submitted"
    assert not score_sheet(driver), "a submitted sheet can still be changed"

    # The chair sees the results at once; the other member has not submitted.
    visit(driver, demo.url(round_path))
    follow(driver, link(driver, "Results: scores and averages"))
    assert_heading(driver, "Interview results")
    overall = table_dicts(driver, "Overall averages")
    assert overall == [{"Candidate": "Candidate HO-7", "Sheets submitted": "1 of 2",
                        "Overall average (0 to 4)": one_decimal(sum(chair_scores) / count)}], overall
    sign_out(driver)

    # The other panel member: from their interview panels, score, submit, then see the results.
    sign_in_at_login(driver, demo, PANEL_MEMBER, demo.accounts[PANEL_MEMBER])
    visit(driver, demo.url("/recruitment"))
    assert "Shortlist interviews" in [r["Round"] for r in table_dicts(driver, "Your interview panels")]
    follow(driver, link(driver, "Shortlist interviews"))
    assert path_of(driver) == round_path
    assert not driver.find_elements(By.LINK_TEXT, "Results: scores and averages"), "results shown before the member has scored"
    assert not driver.find_elements(By.ID, "reference"), "a panel member is offered the form to add candidates"
    follow(driver, link(driver, "Score Candidate HO-7"))
    member_scores = [(3, 3, 1, 2, 2, 4)[i % 6] for i in range(count)]
    fill_sheet(driver, member_scores)
    press(driver, "Save scores")
    assert summary_value(driver, "Status") == "In progress"
    press(driver, "Save and submit")
    assert path_of(driver) == round_path, driver.current_url
    follow(driver, link(driver, "Results: scores and averages"))
    assert_heading(driver, "Interview results")
    assert_title_starts(driver, "Results: Shortlist interviews")
    caption = driver.find_element(By.CSS_SELECTOR, "main .govuk-caption-l").text.strip()
    assert caption == f"{role_title}, Shortlist interviews", caption

    averages = [(c + m) / 2 for c, m in zip(chair_scores, member_scores)]
    expected_overall = one_decimal(sum(averages) / count)
    overall = table_dicts(driver, "Overall averages")
    assert overall == [{"Candidate": "Candidate HO-7", "Sheets submitted": "2 of 2",
                        "Overall average (0 to 4)": expected_overall}], overall
    rows = table_dicts(driver, "Scores for Candidate HO-7")
    assert len(rows) == count + 1, rows
    for row, c, m, average in zip(rows, chair_scores, member_scores, averages):
        assert (row["Helen Price (chair)"], row["Daniel Reid"], row["Average"]) == (str(c), str(m), one_decimal(average)), row
    assert rows[-1]["Criterion"] == "Overall average" and rows[-1]["Average"] == expected_overall, rows[-1]
    if demo.new_role_path:
        assert rows[0]["Criterion"] == f"{CHANGED} {CHANGED_TEXT}", rows[0]
        assert rows[count - 1]["Criterion"] == NEW_EXPERIENCE, rows[count - 1]

    follow(driver, link(driver, "Printable version"))
    assert not driver.find_elements(By.CSS_SELECTOR, "header, footer, .govuk-service-navigation")
    assert expected_overall in [r["Overall average (0 to 4)"] for r in table_dicts(driver, "Overall averages")]
