"""Every signed-in page, as the shared server's administrator, each checked with axe-core;
the audit log's filter and tamper check; API tokens on the account page; a missing page;
and signing in with the keyboard alone.

Each test signs in for itself (test_account.py may have changed the administrator's
password; it updates `server.password`).
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.common.exceptions import WebDriverException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from axe import check_axe, visit, wait_for_load
from helpers import (
    WAIT,
    assert_error_page,
    assert_heading,
    assert_signed_in,
    assert_title_starts,
    click_and_wait,
    fill,
    find_button,
    path_of,
    sign_in_at_login,
    success_banner_texts,
)

AREAS = ["Framework", "People", "Reviews", "Learning", "Risk", "Workshops", "Reports"]


def table_rows(driver, within: str = "main") -> list[list[str]]:
    """The text of each body row's cells in the first table in `within`."""
    rows = driver.find_elements(By.CSS_SELECTOR, f"{within} table tbody tr")
    return [[c.text.strip() for c in r.find_elements(By.CSS_SELECTOR, "th, td")] for r in rows]


def test_home_links_to_every_area(driver, server):
    sign_in_at_login(driver, server)
    visit(driver, server.url("/"))
    assert_heading(driver, "Welcome, admin")
    main = driver.find_element(By.TAG_NAME, "main")
    for area in AREAS + ["Admin"]:
        links = main.find_elements(By.LINK_TEXT, area)
        assert links, f"the home page has no link to {area}"
        assert urlparse(links[0].get_attribute("href")).path == "/" + area.lower()


@pytest.mark.parametrize("area", AREAS)
def test_area_page(driver, server, area):
    sign_in_at_login(driver, server)
    visit(driver, server.url("/" + area.lower()))
    # The framework area opens on its library.
    title = "Capability frameworks" if area == "Framework" else area
    assert_heading(driver, title)
    assert_title_starts(driver, f"{title} - Capable")
    current = driver.find_elements(By.CSS_SELECTOR, 'nav[aria-label="Areas"] a[aria-current="page"]')
    assert [a.text for a in current] == [area], f"the navigation marks {[a.text for a in current]} as current"
    if area == "Framework":
        caption = driver.find_element(By.CSS_SELECTOR, "main table caption").text
        assert caption == "Frameworks in use", caption
        assert table_rows(driver), "no frameworks listed (the built-in ones load on start)"


def test_admin_and_audit_log(driver, server):
    sign_in_at_login(driver, server)
    visit(driver, server.url("/admin"))
    assert_heading(driver, "Admin")

    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Audit log"))
    assert path_of(driver) == "/admin/audit", driver.current_url
    assert_heading(driver, "Audit log")
    check_axe(driver)
    assert table_rows(driver), "the audit log is empty after an administrator was created and signed in"

    # Filter by action: only sign-ins, and at least ours.
    fill(driver, "#action", "login")
    click_and_wait(driver, find_button(driver, "Filter"))
    assert parse_qs(urlparse(driver.current_url).query).get("action") == ["login"], driver.current_url
    assert driver.find_element(By.ID, "action").get_attribute("value") == "login"
    headers = [th.text.strip() for th in driver.find_elements(By.CSS_SELECTOR, "main table thead th")]
    action_col = headers.index("Action")
    who_col = headers.index("Who")
    rows = table_rows(driver)
    assert rows, "no login events, though this test has just signed in"
    assert {r[action_col] for r in rows} == {"login"}, rows
    assert any(server.email in r[who_col] for r in rows), rows
    check_axe(driver)

    # The tamper check.
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Check the log has not been tampered with"))
    verdict = driver.find_element(By.CSS_SELECTOR, 'main [role="status"]').text
    assert verdict.startswith("The audit log is intact"), verdict
    check_axe(driver)


def test_audit_log_invalid_date(driver, server):
    sign_in_at_login(driver, server)
    visit(driver, server.url("/admin/audit"))
    fill(driver, "#from", "2026-02-30")
    click_and_wait(driver, find_button(driver, "Filter"))
    summary = assert_error_page(driver, ["from"])
    assert "real date" in summary.text, summary.text
    assert driver.find_element(By.ID, "from").get_attribute("value") == "2026-02-30"
    assert driver.find_elements(By.ID, "from-error"), "no error message by the #from field"
    check_axe(driver)


def token_row(driver, name: str):
    for row in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr"):
        cells = row.find_elements(By.CSS_SELECTOR, "th, td")
        if cells and cells[0].text.strip() == name:
            return row
    return None


def test_api_token_shown_once_and_revoked(driver, server):
    name = "Payroll feed"
    sign_in_at_login(driver, server)
    visit(driver, server.url("/account"))
    assert_heading(driver, "Your account")
    assert token_row(driver, name) is None, f"a token named {name!r} already exists"

    fill(driver, "#name", name)
    click_and_wait(driver, find_button(driver, "Create token"))  # answered in place, at /account/tokens
    assert_heading(driver, "Your account")
    shown = driver.find_elements(By.CSS_SELECTOR, "pre.govuk-code")
    assert len(shown) == 1, f"expected the new token in one pre.govuk-code, found {len(shown)}"
    token = shown[0].text.strip()
    assert token.startswith("cap_") and len(token) > 20, f"unexpected token text {token!r}"
    assert token_row(driver, name) is not None, f"no row for {name!r} in the token table"
    check_axe(driver)

    # Shown once: not on the page again.
    visit(driver, server.url("/account"))
    assert not driver.find_elements(By.CSS_SELECTOR, "pre.govuk-code"), "the token block is shown again"
    assert token not in driver.page_source, "the token is still on the account page after a reload"
    row = token_row(driver, name)
    assert row is not None, f"no row for {name!r} after a reload"

    # Revoke, accepting the browser's confirm dialog.
    button = row.find_element(By.XPATH, ".//button[starts-with(normalize-space(.), 'Revoke')]")
    assert name in button.text or name in button.get_attribute("textContent"), "the Revoke button does not name the token"
    old_page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    try:
        alert = WebDriverWait(driver, WAIT).until(EC.alert_is_present())
    except TimeoutException:
        raise AssertionError("Revoke did not ask for confirmation") from None
    assert "Revoke this token" in alert.text, alert.text
    alert.accept()
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(EC.staleness_of(old_page))
    wait_for_load(driver)
    assert path_of(driver) == "/account", driver.current_url
    assert any("The API token has been revoked" in t for t in success_banner_texts(driver)), success_banner_texts(driver)
    assert token_row(driver, name) is None, f"{name!r} is still listed after revoking"
    check_axe(driver)


def test_dismissing_the_confirm_keeps_the_token(driver, server):
    name = "Kept " + secrets.token_hex(3)
    sign_in_at_login(driver, server)
    visit(driver, server.url("/account"))
    fill(driver, "#name", name)
    click_and_wait(driver, find_button(driver, "Create token"))
    row = token_row(driver, name)
    assert row is not None
    row.find_element(By.XPATH, ".//button[starts-with(normalize-space(.), 'Revoke')]").click()
    WebDriverWait(driver, WAIT).until(EC.alert_is_present()).dismiss()
    visit(driver, server.url("/account"))
    assert token_row(driver, name) is not None, "the token was revoked although the confirm was dismissed"


def test_account_password_page(driver, server):
    sign_in_at_login(driver, server)
    visit(driver, server.url("/account/password"))
    assert_heading(driver, "Change your password")


def test_missing_page(driver, server):
    sign_in_at_login(driver, server)
    visit(driver, server.url("/no-such-page-" + secrets.token_hex(4)))
    assert_heading(driver, "Page not found")
    assert_title_starts(driver, "Page not found")
    assert driver.find_element(By.LINK_TEXT, "Go to the start page")


def active_element_id(driver) -> str:
    return driver.execute_script("return document.activeElement ? document.activeElement.id : ''") or ""


def press(driver, *keys: str) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def test_sign_in_with_the_keyboard_only(driver, server):
    visit(driver, server.url("/login"))
    # Tab forward until the email field has focus (skip link and header link come first).
    for _ in range(10):
        press(driver, Keys.TAB)
        if active_element_id(driver) == "email":
            break
    else:
        raise AssertionError(f"10 presses of Tab never reached #email (last focus: #{active_element_id(driver)})")
    press(driver, server.email)
    press(driver, Keys.TAB)
    assert active_element_id(driver) == "password", f"Tab from #email went to #{active_element_id(driver)}"
    # Back and forth: Shift+Tab returns to the email field with what was typed.
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert active_element_id(driver) == "email", f"Shift+Tab from #password went to #{active_element_id(driver)}"
    press(driver, Keys.TAB)
    assert active_element_id(driver) == "password"
    press(driver, server.password)

    old_page = driver.find_element(By.TAG_NAME, "html")
    press(driver, Keys.ENTER)
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(EC.staleness_of(old_page))
    wait_for_load(driver)
    assert_signed_in(driver)
    assert path_of(driver) == "/", driver.current_url
    check_axe(driver)
