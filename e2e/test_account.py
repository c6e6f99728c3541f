"""Browser journeys for signing in, changing the password and signing out.

Every page the journey lands on is checked with axe-core (WCAG 2.2 A/AA).
"""

from __future__ import annotations

import secrets

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from axe import check_axe, visit
from helpers import (
    assert_error_page,
    assert_on_sign_in_page,
    assert_signed_in,
    button_xpath,
    click_and_wait,
    error_summary,
    fill,
    find_button,
    new_strong_password,
    path_of,
    sign_in,
    wait_for_button,
)


def test_sign_in_change_password_and_sign_out(driver, server):
    # / sends a signed-out visitor to the sign-in page.
    visit(driver, server.url("/"))
    assert_on_sign_in_page(driver)

    sign_in(driver, server.email, server.password)
    assert_signed_in(driver)
    check_axe(driver)

    visit(driver, server.url("/account"))
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Change password"))
    assert path_of(driver) == "/account/password", driver.current_url
    check_axe(driver)

    # An empty submission: error summary, focused, linking to the fields.
    click_and_wait(driver, find_button(driver, "Change password"))
    assert_error_page(driver, ["current_password", "new_password"])
    check_axe(driver)

    # A real change.
    new_password = new_strong_password()
    fill(driver, "#current_password", server.password)
    fill(driver, "#new_password", new_password)
    fill(driver, "#confirm_password", new_password)
    click_and_wait(driver, find_button(driver, "Change password"))
    banners = driver.find_elements(By.CSS_SELECTOR, ".govuk-notification-banner--success")
    assert banners, f"no success banner on {driver.current_url}"
    assert any("Your password has been changed" in b.text for b in banners), [b.text for b in banners]
    server.password = new_password  # later tests sign in with the new one
    check_axe(driver)

    click_and_wait(driver, wait_for_button(driver, "Sign out", within="//header"))
    assert_on_sign_in_page(driver)
    check_axe(driver)

    sign_in(driver, server.email, new_password)
    assert_signed_in(driver)


def test_wrong_password_shows_error_and_keeps_email(driver, server):
    visit(driver, server.url("/login"))
    sign_in(driver, server.email, "not-the-password-" + secrets.token_hex(4))
    summary = error_summary(driver)
    messages = [e.text.strip() for e in summary.find_elements(By.CSS_SELECTOR, "li, a, p")]
    assert any(messages), f"error summary has no message: {summary.get_attribute('outerHTML')[:500]}"
    assert driver.find_element(By.CSS_SELECTOR, "#email").get_attribute("value") == server.email
    assert not driver.find_elements(By.XPATH, button_xpath("Sign out", "//header")), "signed in with a wrong password"
    check_axe(driver)


def test_first_tab_focuses_skip_link(driver, server):
    visit(driver, server.url("/login"))
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focused = driver.switch_to.active_element
    outer = (focused.get_attribute("outerHTML") or "")[:200]
    is_skip_link = driver.execute_script(
        "return arguments[0].matches('a.govuk-skip-link')", focused
    )
    assert is_skip_link, f"first Tab focused {outer}, not a.govuk-skip-link"
    assert driver.execute_script("return arguments[0].getAttribute('href')", focused) == "#main-content", outer
    try:
        driver.find_element(By.ID, "main-content")
    except NoSuchElementException:
        raise AssertionError("the skip link's target #main-content is missing") from None


def test_sign_in_after_a_wrong_password(driver, server):
    # The error page's form must carry a working CSRF token, so a second try from it succeeds.
    visit(driver, server.url("/login"))
    sign_in(driver, server.email, "not-the-password-" + secrets.token_hex(4))
    error_summary(driver)
    sign_in(driver, server.email, server.password)
    assert_signed_in(driver)
    assert path_of(driver) == "/", driver.current_url
