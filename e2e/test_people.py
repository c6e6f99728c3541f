"""The People area's "Done when": HR imports a CSV from the HR system (dry run, fix, apply,
and matching unfamiliar column headings), a manager opens My team, and a staff member
cannot open a colleague's profile.

The module runs its own server on its own database (`council`), so the people it imports
do not show up in the shared server's pages. Every page visited is checked with axe-core.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.common.exceptions import WebDriverException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from axe import check_axe, visit, wait_for_load
from conftest import Server, _capable_bin, capable_env, start_server, strong_password
from helpers import (
    summary_value,
    table,
    table_dicts,
    WAIT,
    assert_heading,
    assert_on_sign_in_page,
    assert_title_starts,
    button_xpath,
    click_and_wait,
    fill,
    find_button,
    path_of,
    sign_in_at_login,
    success_banner_texts,
    wait_for_button,
)

COLUMNS = [
    "employee_ref", "assignment_no", "given_name", "family_name", "preferred_name", "work_email",
    "job_title", "org_unit_code", "org_unit_name", "parent_org_unit_code", "line_manager_ref", "grade",
    "fte", "contract_type", "start_date", "probation_end_date", "leaving_date", "location",
]

# A small council: unit C (the council) > D (a directorate) > T (a team). Jordan Ellis (M1)
# manages the team and reports to the director; Sam Okafor (S1) manages Taylor Reid (S4).
# So M1 has 3 direct reports and 4 in their reporting line.
STAFF = [
    # ref, given, family, job title, unit, unit name, parent unit, manager, start date
    ("CE1", "Alex", "Morgan", "Chief Executive", "C", "Example Council", "", "", "01/04/2015"),
    ("D1", "Priya", "Shah", "Director of Place", "D", "Place Directorate", "C", "CE1", "2018-09-03"),
    ("M1", "Jordan", "Ellis", "Team Manager", "T", "Housing Team", "D", "D1", "14/01/2020"),
    ("S1", "Sam", "Okafor", "Senior Housing Officer", "T", "Housing Team", "D", "M1", "05/06/2019"),
    ("S2", "Robin", "Hughes", "Housing Officer", "T", "Housing Team", "D", "M1", "2021-03-01"),
    ("S3", "Casey", "Nowak", "Housing Officer", "T", "Housing Team", "D", "M1", "15/08/2022"),
    ("S4", "Taylor", "Reid", "Housing Assistant", "T", "Housing Team", "D", "S1", "2023-10-02"),
]
BAD_REF, BAD_DATE = "S3", "31/02/2024"
BAD_LINE = 1 + 1 + [s[0] for s in STAFF].index(BAD_REF)  # line 1 is the header

NAMES = {s[0]: f"{s[1]} {s[2]}" for s in STAFF}
DIRECT_REPORTS = {NAMES["S1"], NAMES["S2"], NAMES["S3"]}
REPORTING_LINE = DIRECT_REPORTS | {NAMES["S4"]}


def council_csv(*, start_date_fix: dict[str, str] | None = None) -> str:
    """The council as the HR system exports it; start_date_fix replaces start dates by ref."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for ref, given, family, job, unit, unit_name, parent, manager, start in STAFF:
        start = (start_date_fix or {}).get(ref, start)
        email = f"{given}.{family}@example.gov.uk".lower()
        writer.writerow([ref, "1", given, family, "", email, job, unit, unit_name, parent, manager,
                         "SO1", "1.0", "Permanent", start, "", "", "Town Hall"])
    return out.getvalue()


GOOD_CSV = council_csv()
BAD_CSV = council_csv(start_date_fix={BAD_REF: BAD_DATE})


@dataclass
class Council(Server):
    tmp: Path | None = None
    imported: bool = False  # the council's people have been imported


@pytest.fixture(scope="module")
def council():
    """A server of this module's own, on a fresh database with one administrator."""
    tmp = Path(tempfile.mkdtemp(prefix="capable-e2e-people-"))
    email, password = "admin@example.org", strong_password()
    created = subprocess.run(
        [str(_capable_bin()), "create-admin", "--email", email],
        env={**capable_env(tmp), "CAPABLE_ADMIN_PASSWORD": password},
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )
    if created.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(
            f"`capable create-admin` exited {created.returncode}\n"
            f"--- stdout ---\n{created.stdout}\n--- stderr ---\n{created.stderr}",
            pytrace=False,
        )
    running = start_server(tmp)
    state = Council(base_url=running.base_url, email=email, password=password, log_path=running.log_path, tmp=tmp)
    try:
        yield state
    finally:
        running.stop()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def imported(council):
    """The council's people, imported by test_hr_import_dry_run_fix_and_apply or, when that
    did not get as far (run on its own, or failed), by `capable import people`."""
    if not council.imported:
        path = council.tmp / "council-cli.csv"
        path.write_text(GOOD_CSV, encoding="utf-8")
        done = subprocess.run(
            [str(_capable_bin()), "import", "people", str(path)],
            env=capable_env(council.tmp), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, f"`capable import people` exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        council.imported = True
    return council


# --- page helpers -------------------------------------------------------------------------


def write_file(council, name: str, text: str) -> str:
    path = council.tmp / name
    path.write_text(text, encoding="utf-8")
    return str(path)








def caption_above_heading(driver) -> str:
    found = driver.find_elements(By.CSS_SELECTOR, "main .govuk-caption-l")
    return found[0].text.strip() if found else ""


def upload(driver, council, name: str, text: str) -> str:
    """Upload a CSV on /people/import; returns the dry-run page's path (checked with axe)."""
    visit(driver, council.url("/people/import"))
    assert_heading(driver, "Import people from the HR system")
    file_input = driver.find_element(By.CSS_SELECTOR, "#file")
    label = driver.find_element(By.CSS_SELECTOR, "label[for='file']").text.strip()
    assert label == "CSV file", label
    file_input.send_keys(write_file(council, name, text))
    assert not driver.find_element(By.CSS_SELECTOR, "#deactivate_missing").is_selected()
    click_and_wait(driver, find_button(driver, "Upload and check"))
    check_axe(driver)
    path = path_of(driver)
    assert re.fullmatch(r"/people/import/[0-9A-Fa-f-]{36}", path), f"upload did not lead to a dry run: {driver.current_url}"
    assert_heading(driver, "Check the import")
    assert caption_above_heading(driver) == name, f"the dry run names {caption_above_heading(driver)!r}, not {name!r}"
    return path


def has_button(driver, text: str) -> bool:
    return bool(driver.find_elements(By.XPATH, button_xpath(text, "//main")))


def create_account(driver, council, name: str, email: str, employee_ref: str) -> str:
    """As a signed-in administrator, create an account linked to a staff record; returns the
    temporary password shown once."""
    visit(driver, council.url("/admin/accounts/new"))
    assert_heading(driver, "Create an account")
    fill(driver, "#display_name", name)
    fill(driver, "#email", email)
    fill(driver, "#employee_ref", employee_ref)
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name='roles[]']"):
        assert not box.is_selected(), "a role is ticked on a new account"
    click_and_wait(driver, find_button(driver, "Create account"))
    check_axe(driver)
    assert any("Account created" in t for t in success_banner_texts(driver)), success_banner_texts(driver)
    shown = driver.find_elements(By.CSS_SELECTOR, "pre.govuk-code[aria-label='Temporary password']")
    assert len(shown) == 1, f"expected the temporary password in one pre.govuk-code, found {len(shown)}"
    password = shown[0].text.strip()
    assert len(password) >= 12, f"unexpected temporary password {password!r}"
    assert driver.find_element(By.CSS_SELECTOR, "#employee_ref").get_attribute("value") == employee_ref
    return password


def sign_out(driver) -> None:
    click_and_wait(driver, wait_for_button(driver, "Sign out", within="//header"))
    assert_on_sign_in_page(driver)
    check_axe(driver)


def person_path(driver, council, ref: str) -> str:
    """As a signed-in administrator, find a person with the People search; returns /people/<uuid>."""
    visit(driver, council.url("/people?q=" + ref))
    assert_heading(driver, "People")
    rows = [r for r in table_dicts(driver, "People") if r.get("Employee reference") == ref]
    assert len(rows) == 1, f"searching for {ref} found {table_dicts(driver, 'People')}"
    link = driver.find_element(By.CSS_SELECTOR, "main table tbody").find_element(By.LINK_TEXT, NAMES[ref])
    path = urlparse(link.get_attribute("href")).path
    assert re.fullmatch(r"/people/[0-9A-Fa-f-]{36}", path), path
    return path


def status_of(driver, path: str) -> int:
    """The HTTP status of GET path, fetched by the page with the browser's session cookie."""
    driver.set_script_timeout(30)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
        ".then(r => done(r.status)).catch(e => done(-1));",
        path,
    )


def names_in(driver, caption: str) -> set[str]:
    return {r["Name"] for r in table_dicts(driver, caption)}


def team_summary(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "main p[role='status']").text.strip()


# --- tests ----------------------------------------------------------------------------------


def test_hr_import_dry_run_fix_and_apply(driver, council):
    sign_in_at_login(driver, council)
    visit(driver, council.url("/people"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Import people from the HR system"))
    assert path_of(driver) == "/people/import", driver.current_url
    check_axe(driver)

    # 1. A file with one impossible date: the dry run names the line and column; nothing can be applied.
    bad_path = upload(driver, council, "council-with-a-mistake.csv", BAD_CSV)
    assert summary_value(driver, "Rows in the file") == str(len(STAFF))
    assert summary_value(driver, "Problems") == "1 to fix"
    problems = table_dicts(driver, "Problems")
    assert problems == [{
        "Line": str(BAD_LINE),
        "Column": "start_date",
        "Problem": f'"{BAD_DATE}" is not a real date (use dd/mm/yyyy or yyyy-mm-dd)',
    }], problems
    assert table(driver, "Problems").find_element(By.TAG_NAME, "caption").text.strip() == "Problems (1)"
    assert not has_button(driver, "Apply the import"), "Apply is offered although the file has a problem"
    warning = driver.find_element(By.CSS_SELECTOR, "main .govuk-warning-text").text
    assert "Nothing can be imported until every problem is fixed" in warning, warning

    # 2. The corrected file: no problems, seven people and three units to add.
    good_path = upload(driver, council, "council.csv", GOOD_CSV)
    assert good_path != bad_path, "the second upload reused the first upload's page"
    assert summary_value(driver, "Problems") == "None"
    assert summary_value(driver, "People to add") == str(len(STAFF))
    assert summary_value(driver, "People to change") == "0"
    assert summary_value(driver, "People to mark as leavers") == "0"
    assert summary_value(driver, "Units to add or change") == "3 to add, 0 to change"
    assert table(driver, "Problems") is None, "a Problems table is shown for a file with no problems"
    changes = table_dicts(driver, "Changes")
    assert {r["Person"] for r in changes} == {f"{NAMES[s[0]]} ({s[0]})" for s in STAFF}, changes
    assert {r["What happens"] for r in changes} == {"Added"}, changes
    # Every column was recognised from its heading.
    for column in ("employee_ref", "given_name", "family_name", "org_unit_code", "line_manager_ref", "start_date"):
        chosen = Select(driver.find_element(By.ID, column)).first_selected_option.text
        assert chosen == column, f"#{column} is matched to {chosen!r}"

    # 3. Apply, accepting the browser's confirm dialog.
    apply_button = wait_for_button(driver, "Apply the import", within="//main")
    confirm = apply_button.find_element(By.XPATH, "ancestor::form").get_attribute("data-confirm") or ""
    assert f"{len(STAFF)} people will be added" in confirm, confirm
    old_page = driver.find_element(By.TAG_NAME, "html")
    apply_button.click()
    try:
        alert = WebDriverWait(driver, WAIT).until(EC.alert_is_present())
    except TimeoutException:
        raise AssertionError("Apply the import did not ask for confirmation") from None
    assert alert.text == confirm, alert.text
    alert.accept()
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(EC.staleness_of(old_page))
    wait_for_load(driver)
    check_axe(driver)
    council.imported = True
    assert path_of(driver) == good_path, driver.current_url
    assert any("The import has been applied" in t for t in success_banner_texts(driver)), success_banner_texts(driver)
    assert_heading(driver, "Import applied")
    assert summary_value(driver, "People added") == str(len(STAFF))
    assert summary_value(driver, "People changed") == "0"
    assert summary_value(driver, "Units added") == "3"
    assert not has_button(driver, "Apply the import"), "Apply is still offered after applying"

    # The people are there: the director's profile shows the manager as a direct report.
    visit(driver, council.url(person_path(driver, council, "D1")))
    assert_heading(driver, NAMES["D1"])
    assert summary_value(driver, "Line manager") == NAMES["CE1"]
    reports = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "main ul.govuk-list--bullet a")]
    assert reports == [NAMES["M1"]], reports


def test_hr_import_match_columns(driver, council):
    sign_in_at_login(driver, council)
    text = "Staff No,Forename,Surname,Dept\r\nN1,Ann,Lee,T\r\nN2,Ben,Kaur,T\r\n"
    path = upload(driver, council, "hr-export.csv", text)

    # "Dept" is not a heading Capable recognises, so the required unit code is missing.
    assert summary_value(driver, "Problems") == "1 to fix"
    problems = table_dicts(driver, "Problems")
    assert len(problems) == 1 and problems[0]["Column"] == "org_unit_code", problems
    assert "Organisation unit code" in problems[0]["Problem"], problems
    assert not has_button(driver, "Apply the import")
    unit_select = Select(driver.find_element(By.ID, "org_unit_code"))
    assert [o.text for o in unit_select.options] == ["Not in the file", "Staff No", "Forename", "Surname", "Dept"]
    assert unit_select.first_selected_option.text == "Not in the file"

    choices = {"employee_ref": "Staff No", "given_name": "Forename", "family_name": "Surname", "org_unit_code": "Dept"}
    for column, heading in choices.items():
        Select(driver.find_element(By.ID, column)).select_by_visible_text(heading)
    click_and_wait(driver, find_button(driver, "Check again with these columns"))
    check_axe(driver)
    assert path_of(driver) == path, driver.current_url
    assert summary_value(driver, "Problems") == "None"
    assert summary_value(driver, "People to add") == "2"
    assert table(driver, "Problems") is None
    for column, heading in choices.items():
        chosen = Select(driver.find_element(By.ID, column)).first_selected_option.text
        assert chosen == heading, f"#{column} shows {chosen!r} after checking again, not {heading!r}"
    assert has_button(driver, "Apply the import"), "no Apply button once the columns are matched"


def test_manager_opens_my_team(driver, imported):
    council = imported
    sign_in_at_login(driver, council)
    email = "jordan.ellis@example.gov.uk"
    password = create_account(driver, council, NAMES["M1"], email, "M1")
    sign_out(driver)

    sign_in_at_login(driver, council, email, password)
    visit(driver, council.url("/people"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "My team"))
    check_axe(driver)
    assert path_of(driver) == "/people/team", driver.current_url
    assert_heading(driver, "My team")
    assert_title_starts(driver, "My team")
    assert team_summary(driver) == "3 people report to you directly"
    assert names_in(driver, "Your direct reports") == DIRECT_REPORTS

    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Everyone below me"))
    check_axe(driver)
    url = urlparse(driver.current_url)
    assert url.path == "/people/team" and parse_qs(url.query).get("all") == ["1"], driver.current_url
    assert team_summary(driver) == "4 people in your reporting line"
    rows = {r["Name"]: r for r in table_dicts(driver, "Your reporting line")}
    assert set(rows) == REPORTING_LINE, rows
    for name in DIRECT_REPORTS:
        assert rows[name]["Levels below you"] == "1", rows[name]
        assert rows[name]["Line manager"] == NAMES["M1"], rows[name]
    assert rows[NAMES["S4"]]["Levels below you"] == "2", rows[NAMES["S4"]]
    assert rows[NAMES["S4"]]["Line manager"] == NAMES["S1"], rows[NAMES["S4"]]

    # Someone two levels down is in the manager's reporting line, so their profile opens.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, NAMES["S4"]))
    check_axe(driver)
    assert_heading(driver, NAMES["S4"])
    assert summary_value(driver, "Line manager") == NAMES["S1"]

    visit(driver, council.url("/people/team"))
    assert driver.find_element(By.LINK_TEXT, "Everyone below me")
    assert team_summary(driver) == "3 people report to you directly"


def test_staff_member_cannot_open_a_colleagues_profile(driver, imported):
    council = imported
    sign_in_at_login(driver, council)
    email = "robin.hughes@example.gov.uk"
    password = create_account(driver, council, NAMES["S2"], email, "S2")
    colleague = person_path(driver, council, "S3")
    sign_out(driver)

    sign_in_at_login(driver, council, email, password)
    # Their own record, from the People page.
    visit(driver, council.url("/people"))
    assert not driver.find_elements(By.LINK_TEXT, "My team"), "a staff member with no reports is offered My team"
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Your record"))
    check_axe(driver)
    assert_heading(driver, NAMES["S2"])
    assert summary_value(driver, "Employee reference") == "S2"
    # The manager is named but not linked: the staff member may not open the manager's record.
    assert summary_value(driver, "Line manager") == NAMES["M1"]
    row = [r for r in driver.find_elements(By.CSS_SELECTOR, "main .govuk-summary-list__row")
           if r.find_element(By.CSS_SELECTOR, "dt").text.strip() == "Line manager"][0]
    assert not row.find_elements(By.TAG_NAME, "a"), "the line manager is linked for a staff member"

    # A colleague's profile is refused.
    visit(driver, council.url(colleague))
    assert_heading(driver, "You cannot do that")
    assert_title_starts(driver, "You cannot do that")
    assert NAMES["S3"] not in driver.find_element(By.TAG_NAME, "main").text, "the refusal shows the colleague's name"
    assert status_of(driver, colleague) == 403

    # Nor do colleagues show up in the People search.
    visit(driver, council.url("/people?q=Nowak"))
    assert table(driver, "People") is None, table_dicts(driver, "People")


def test_people_area_pages_pass_axe(driver, imported):
    """Every other People page, as the administrator: search, the organisation tree, a unit,
    job roles (with the form's error state), and the audience preview."""
    council = imported
    base = council.base_url
    visit(driver, base + "/login")
    fill(driver, "#email", council.email)
    fill(driver, "#password", council.password)
    click_and_wait(driver, find_button(driver, "Sign in"))

    visit(driver, base + "/people?q=housing")
    assert "Casey Nowak" in driver.page_source

    visit(driver, base + "/org")
    unit_link = driver.find_element(By.LINK_TEXT, "Housing Team")
    click_and_wait(driver, unit_link)
    check_axe(driver)
    assert_heading(driver, "Housing Team")

    visit(driver, base + "/people/roles")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Add a job role"))
    check_axe(driver)
    fill(driver, "#grade_low", "G9")
    fill(driver, "#grade_high", "G2")
    click_and_wait(driver, find_button(driver, "Add job role"))
    check_axe(driver)
    assert_title_starts(driver, "Error: ")
    fill(driver, "#title", "Housing Officer")
    fill(driver, "#grade_low", "G5")
    fill(driver, "#grade_high", "G6")
    fill(driver, "#units", "T")
    click_and_wait(driver, find_button(driver, "Add job role"))
    check_axe(driver)
    assert_heading(driver, "Housing Officer")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Change this job role"))
    check_axe(driver)
    assert driver.find_element(By.CSS_SELECTOR, "#units").get_attribute("value") == "T"

    # Accounts: the list, one account's page, and its error state.
    visit(driver, base + "/admin/accounts")
    click_and_wait(driver, driver.find_elements(By.CSS_SELECTOR, "main table a")[0])
    check_axe(driver)
    fill(driver, "#hr_units", "NO-SUCH-UNIT")
    click_and_wait(driver, find_button(driver, "Save changes"))
    check_axe(driver)
    assert_title_starts(driver, "Error: ")
    assert "No organisation unit has the code NO-SUCH-UNIT" in driver.page_source

    visit(driver, base + "/people/audiences?rule=unit&unit=D&subunits=yes")
    assert "people" in driver.find_element(By.CSS_SELECTOR, "h2[role=status]").text
    visit(driver, base + "/people/audiences?rule=allManagers")
    assert "Jordan Ellis" in driver.page_source
