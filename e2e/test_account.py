"""Browser journeys for signing in, changing the password and signing out.

Every page the journey lands on is checked with axe-core (WCAG 2.2 A/AA).
"""

from __future__ import annotations

import secrets
from urllib.parse import urlparse

from selenium.common.exceptions import NoSuchElementException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from axe import check_axe, visit, wait_for_load

WAIT = 15


def button_xpath(text: str, within: str = "") -> str:
    """A <button> or submit <input> whose visible text/value is `text`."""
    return (
        f"{within}//button[normalize-space(.)='{text}'] | "
        f"{within}//input[(@type='submit' or @type='button') and normalize-space(@value)='{text}']"
    )


def find_button(driver, text: str, within: str = "") -> WebElement:
    return driver.find_element(By.XPATH, button_xpath(text, within))


def wait_for_button(driver, text: str, within: str = "") -> WebElement:
    try:
        return WebDriverWait(driver, WAIT).until(
            EC.visibility_of_element_located((By.XPATH, button_xpath(text, within)))
        )
    except TimeoutException:
        raise AssertionError(
            f"no visible button {text!r}{' in ' + within if within else ''} on {driver.current_url}"
        ) from None


def click_and_wait(driver, element: WebElement) -> None:
    """Click something that loads a new page and wait for that page."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, WAIT).until(EC.staleness_of(old_page))
    wait_for_load(driver)


def fill(driver, css: str, value: str) -> None:
    field = driver.find_element(By.CSS_SELECTOR, css)
    field.clear()
    field.send_keys(value)


def path_of(driver) -> str:
    return urlparse(driver.current_url).path


def new_strong_password() -> str:
    return "Nw-" + secrets.token_urlsafe(16) + "7!"


def sign_in(driver, email: str, password: str) -> None:
    fill(driver, "#email", email)
    fill(driver, "#password", password)
    click_and_wait(driver, find_button(driver, "Sign in"))


def assert_signed_in(driver) -> None:
    wait_for_button(driver, "Sign out", within="//header")
    assert driver.find_elements(By.TAG_NAME, "h1"), f"no <h1> on {driver.current_url}"


def assert_on_sign_in_page(driver) -> None:
    assert path_of(driver) == "/login", f"expected the sign-in page, got {driver.current_url}"
    driver.find_element(By.CSS_SELECTOR, "#email")
    driver.find_element(By.CSS_SELECTOR, "#password")
    find_button(driver, "Sign in")


def error_summary(driver) -> WebElement:
    try:
        return WebDriverWait(driver, WAIT).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, ".govuk-error-summary"))
        )
    except TimeoutException:
        raise AssertionError(f"no .govuk-error-summary on {driver.current_url}") from None


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
    summary = error_summary(driver)
    try:
        WebDriverWait(driver, 5).until(
            lambda d: d.execute_script(
                "const s = document.querySelector('.govuk-error-summary');"
                "return !!s && s.contains(document.activeElement);"
            )
        )
    except TimeoutException:
        active = driver.execute_script(
            "const a = document.activeElement;"
            "return a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '')"
            " + (a.className ? '.' + String(a.className).trim().split(/\\s+/).join('.') : '') : 'null';"
        )
        raise AssertionError(
            f"the error summary does not have focus (document.activeElement is {active}); "
            "give it tabindex=\"-1\" and focus it (e.g. the autofocus attribute)"
        ) from None
    for field in ("current_password", "new_password"):
        links = summary.find_elements(By.CSS_SELECTOR, f'a[href$="#{field}"]')
        assert links, f"error summary has no link to #{field}: {summary.get_attribute('outerHTML')[:500]}"
        driver.find_element(By.ID, field)  # the link's target exists
    assert driver.title.startswith("Error: "), f"title is {driver.title!r}"
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
