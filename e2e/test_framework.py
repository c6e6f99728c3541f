"""The Framework area's "Done when": the built-in frameworks are browsable and searchable
(library, framework, an element laid out like the source page, search, print, rating form),
and an author creates a framework, publishes it, drafts a new version, publishes that and
compares the two. Every page visited is checked with axe-core; the authoring steps are done
with the keyboard.

Authoring works on a framework the test creates, so the built-in ones stay as shipped for
the other tests on the shared server.
"""

from __future__ import annotations

import secrets
import subprocess
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe import check_axe, visit
from conftest import _capable_bin, capable_env
from helpers import (
    wait_for_new_page,
    link,
    assert_error_page,
    assert_heading,
    click_and_wait,
    fill,
    find_button,
    path_of,
    sign_in_at_login,
)

TRUST = "We trust each other and take responsibility"
CORE_VALUES_ID = "4a649810-d941-54a2-b4e3-8089074d1205"






def h2s(driver) -> list[str]:
    return [h.text.strip() for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]


def press_enter_on(driver, element) -> None:
    """Activate a link or button with the keyboard and wait for the next page."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.send_keys(Keys.ENTER)
    wait_for_new_page(driver, old)


def submit_with_keyboard(driver, button_text: str, accept_confirm: bool = False) -> None:
    button = find_button(driver, button_text, within="//main")
    old = driver.find_element(By.TAG_NAME, "html")
    button.send_keys(Keys.ENTER)
    if accept_confirm:
        driver.switch_to.alert.accept()
    wait_for_new_page(driver, old)
    check_axe(driver)


def test_browse_search_print_and_rate(driver, server):
    sign_in_at_login(driver, server)
    visit(driver, server.url("/framework"))
    assert_heading(driver, "Capability frameworks")

    click_and_wait(driver, link(driver, TRUST))
    check_axe(driver)
    assert_heading(driver, TRUST)
    assert "Rating scale" in h2s(driver)

    click_and_wait(driver, link(driver, "TR.3 Manage risk"))
    check_axe(driver)
    assert_heading(driver, "Manage risk")
    headings = h2s(driver)
    for expected in ["Why is this important?", "What does it mean for me?", "What it looks like", "How to develop this"]:
        assert expected in headings, f"{expected!r} missing from {headings}"
    columns = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".app-indicators h3")]
    assert columns == ["Looks like", "Doesn’t look like"], columns
    # Side by side, as on the source page.
    boxes = driver.find_elements(By.CSS_SELECTOR, ".app-indicators")
    assert boxes[0].location["y"] == boxes[1].location["y"] and boxes[0].location["x"] < boxes[1].location["x"]

    # Search from the library with the keyboard alone.
    visit(driver, server.url("/framework"))
    box = driver.find_element(By.ID, "q")
    box.send_keys("moaning")
    old = driver.find_element(By.TAG_NAME, "html")
    box.send_keys(Keys.ENTER)
    wait_for_new_page(driver, old)
    check_axe(driver)
    assert path_of(driver) == "/framework/search"
    assert "Moaning but not doing anything about it" in driver.find_element(By.TAG_NAME, "main").text

    visit(driver, server.url(f"/framework/{CORE_VALUES_ID}"))
    assert "Standards expected: managers" in [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main h3")]
    click_and_wait(driver, link(driver, "Print this framework"))
    check_axe(driver)
    assert "CV.3.MS5 Provides induction in a timely manner" in driver.find_element(By.TAG_NAME, "main").text

    visit(driver, server.url(f"/framework/{CORE_VALUES_ID}/rating-form"))
    legends = driver.find_elements(By.CSS_SELECTOR, "main .app-rating legend")
    assert legends and legends[0].text.startswith("CV.1.1 "), [l.text for l in legends[:3]]
    labels = [l.text for l in driver.find_elements(By.CSS_SELECTOR, "main .app-rating")[0].find_elements(By.CSS_SELECTOR, "label")]
    assert labels == ["1. Not yet shown", "2. Developing", "3. Consistently shown", "4. Role model"], labels

    visit(driver, server.url(f"/framework/{CORE_VALUES_ID}/versions"))
    assert_heading(driver, "Versions")


def test_author_publish_new_version_and_compare(driver, server):
    title = f"Team values {secrets.token_hex(3)}"
    sign_in_at_login(driver, server)
    visit(driver, server.url("/framework"))
    press_enter_on(driver, link(driver, "Create a framework"))
    check_axe(driver)

    # A mistake first: no title.
    fill(driver, "#owner", "Example Council")
    driver.find_element(By.CSS_SELECTOR, "input[name='kind'][value='coreValues']").send_keys(Keys.SPACE)
    submit_with_keyboard(driver, "Create the framework")
    assert_error_page(driver, ["title"])
    fill(driver, "#title", title)
    submit_with_keyboard(driver, "Create the framework")
    assert_heading(driver, "Draft version 1")
    draft_path = path_of(driver)

    # The details page, with the rating scale an author may change.
    press_enter_on(driver, link(driver, "Change the details"))
    check_axe(driver)
    assert "Not yet shown" in driver.find_element(By.ID, "scale").get_attribute("value")
    visit(driver, server.url(draft_path))

    # A value, then a behaviour under it with its examples.
    press_enter_on(driver, link(driver, "Add a top-level element"))
    check_axe(driver)
    fill(driver, "#code", "TV.1")
    fill(driver, "#title", "Being open")
    submit_with_keyboard(driver, "Add the element")
    assert path_of(driver) == draft_path
    press_enter_on(driver, link(driver, "Add under TV.1"))
    check_axe(driver)
    fill(driver, "#code", "TV.1.1")
    fill(driver, "#title", "Sharing what we know")
    fill(driver, "#looks_like", "Telling people early\nWriting things down")
    fill(driver, "#does_not_look_like", "Keeping it to ourselves")
    submit_with_keyboard(driver, "Add the element")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert len(rows) == 2 and "Sharing what we know" in rows[1], rows

    submit_with_keyboard(driver, "Publish version 1", accept_confirm=True)
    assert_heading(driver, title)
    framework_path = path_of(driver)
    assert "Published" in driver.find_element(By.TAG_NAME, "main").text

    # Version 2: rename the behaviour, publish, compare.
    submit_with_keyboard(driver, "Start a new version")
    assert_heading(driver, "Draft version 2")
    press_enter_on(driver, link(driver, "Edit TV.1.1"))
    check_axe(driver)
    fill(driver, "#title", "Sharing what we know, early")
    submit_with_keyboard(driver, "Save the element")
    press_enter_on(driver, link(driver, "Compare with version 1"))
    check_axe(driver)
    assert "0 added, 0 removed, 1 changed." in driver.find_element(By.TAG_NAME, "main").text
    visit(driver, server.url(draft_path))
    submit_with_keyboard(driver, "Publish version 2", accept_confirm=True)
    assert path_of(driver) == framework_path

    press_enter_on(driver, link(driver, "Versions and what changed (2)"))
    check_axe(driver)
    statuses = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert "Published" in statuses[0] and "Superseded" in statuses[1], statuses
    submit_with_keyboard(driver, "Compare")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Sharing what we know, early" in main and "Sharing what we know" in main


def test_import_page_lists_every_problem(driver, server):
    """A CSV with a duplicate code and a loop of parent codes is refused with both problems listed."""
    sign_in_at_login(driver, server)
    visit(driver, server.url("/framework/import"))
    assert_heading(driver, "Import a framework")
    path = Path(tempfile.mkdtemp(prefix="capable-e2e-import-")) / "broken.csv"
    path.write_text("code,parent_code,kind,title,statement\nA,C,value,A,A\nB,A,capability,B,B\nC,B,capability,C,C\nB,,value,Dup,Dup\n",
                    encoding="utf-8")
    driver.find_element(By.ID, "file").send_keys(str(path))
    fill(driver, "#title", "Broken")
    fill(driver, "#owner", "Example Council")
    submit_with_keyboard(driver, "Check and import")
    assert_error_page(driver, ["file"])
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "2 problems in the file" in text and "go round in a loop" in text and "line 5" in text, text


def test_case_round_trip_with_the_command_line():
    """`capable export framework` then `capable import framework` into another database gives
    the same framework."""
    tmp = Path(tempfile.mkdtemp(prefix="capable-e2e-case-"))
    source = {**capable_env(tmp / "a"), "CAPABLE_DATABASE_PATH": str(tmp / "a.sqlite")}
    target = {**capable_env(tmp / "b"), "CAPABLE_DATABASE_PATH": str(tmp / "b.sqlite")}
    out = tmp / "values.json"

    def run(env, *args):
        done = subprocess.run([str(_capable_bin()), *args], env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"capable {' '.join(args)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done.stdout

    run(source, "export", "framework", CORE_VALUES_ID, "--format", "case", "--output", str(out))
    assert '"CFDocument"' in out.read_text(encoding="utf-8")
    printed = run(target, "import", "framework", str(out))
    # The target loads the built-in content too, so the file arrives as the next version, unchanged.
    assert "as version 2 (draft)" in printed, printed
    csv_out = tmp / "values.csv"
    run(target, "export", "framework", CORE_VALUES_ID, "--format", "csv", "--version", "2", "--output", str(csv_out))
    run(source, "export", "framework", CORE_VALUES_ID, "--format", "csv", "--output", str(tmp / "original.csv"))
    assert csv_out.read_text(encoding="utf-8") == (tmp / "original.csv").read_text(encoding="utf-8")
