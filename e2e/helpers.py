"""Helpers shared by the browser tests: finding buttons, filling fields, signing in,
and checking pages and error summaries."""

from __future__ import annotations

import secrets
from urllib.parse import urlparse

from selenium.common.exceptions import WebDriverException, TimeoutException
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


def wait_for_new_page(driver, old_page: WebElement) -> None:
    """Wait until `old_page` (the previous page's html element) has gone and the next page has loaded."""
    # Mid-navigation chromedriver can answer "Node with given id does not belong to the
    # document" instead of "stale element": both mean the old page is going, so keep polling.
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(EC.staleness_of(old_page))
    wait_for_load(driver)


def click_and_wait(driver, element: WebElement) -> None:
    """Click something that loads a new page and wait for that page."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait_for_new_page(driver, old_page)


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


def sign_in_at_login(driver, server, email: str | None = None, password: str | None = None) -> None:
    """Open /login (checked with axe), sign in (default: the shared server's admin) and check it worked."""
    visit(driver, server.url("/login"))
    sign_in(driver, email or server.email, password or server.password)
    assert_signed_in(driver)


def heading(driver) -> str:
    headings = driver.find_elements(By.TAG_NAME, "h1")
    assert len(headings) == 1, f"expected one <h1> on {driver.current_url}, found {len(headings)}"
    return headings[0].text.strip()


def assert_heading(driver, text: str) -> None:
    got = heading(driver)
    assert got == text, f"<h1> on {driver.current_url} is {got!r}, expected {text!r}"


def assert_title_starts(driver, text: str) -> None:
    assert driver.title.startswith(text), f"title on {driver.current_url} is {driver.title!r}, expected it to start {text!r}"


def error_summary(driver) -> WebElement:
    try:
        return WebDriverWait(driver, WAIT).until(
            EC.presence_of_element_located((By.CSS_SELECTOR, ".govuk-error-summary"))
        )
    except TimeoutException:
        raise AssertionError(f"no .govuk-error-summary on {driver.current_url}") from None


def assert_error_summary_focused(driver) -> None:
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


def assert_error_page(driver, fields: list[str]) -> WebElement:
    """The page shows a focused error summary linking to each field in `fields`, and an "Error: " title."""
    summary = error_summary(driver)
    assert_error_summary_focused(driver)
    for field in fields:
        links = summary.find_elements(By.CSS_SELECTOR, f'a[href$="#{field}"]')
        assert links, f"error summary has no link to #{field}: {summary.get_attribute('outerHTML')[:500]}"
        driver.find_element(By.ID, field)  # the link's target exists
    assert_title_starts(driver, "Error: ")
    return summary


def success_banner_texts(driver) -> list[str]:
    return [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".govuk-notification-banner--success")]



# --- page helpers shared by the area tests ----------------------------------------------------


def xpath_literal(text: str) -> str:
    """`text` as an XPath string literal, even when it contains an apostrophe."""
    if "'" not in text:
        return f"'{text}'"
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def link(driver, text: str) -> WebElement:
    """The visible link in main whose text is `text`."""
    found = [a for a in driver.find_elements(By.XPATH, f"//main//a[normalize-space(.)={xpath_literal(text)}]")
             if a.is_displayed()]
    assert found, f"no link {text!r} in main on {driver.current_url}"
    return found[0]


def follow(driver, element: WebElement) -> None:
    """Activate a link or button with the keyboard, wait for the next page and check it with axe."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.send_keys(Keys.ENTER)
    wait_for_new_page(driver, old)
    check_axe(driver)


def main_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "main").text


def summary_value(driver, key: str) -> str:
    """The value beside `key` in the page's summary list."""
    for row in driver.find_elements(By.CSS_SELECTOR, "main .govuk-summary-list__row"):
        if row.find_element(By.CSS_SELECTOR, ".govuk-summary-list__key").text.strip() == key:
            return row.find_element(By.CSS_SELECTOR, ".govuk-summary-list__value").text.strip()
    raise AssertionError(f"no summary list row {key!r} on {driver.current_url}")


def table(driver, caption: str) -> WebElement | None:
    """The table in main whose caption starts with `caption`, or None."""
    for t in driver.find_elements(By.CSS_SELECTOR, "main table"):
        found = t.find_elements(By.TAG_NAME, "caption")
        if found and found[0].text.strip().startswith(caption):
            return t
    return None


def table_dicts(driver, caption: str) -> list[dict[str, str]]:
    """Each body row of the captioned table as {header: cell text}."""
    t = table(driver, caption)
    captions = [c.text.strip() for c in driver.find_elements(By.CSS_SELECTOR, "main table caption")]
    assert t is not None, f"no table captioned {caption!r} on {driver.current_url}: {captions}"
    headers = [th.text.strip() for th in t.find_elements(By.CSS_SELECTOR, "thead th")]
    return [
        dict(zip(headers, (c.text.strip() for c in row.find_elements(By.CSS_SELECTOR, "th, td"))))
        for row in t.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]


def as_user(driver, demo, email: str) -> None:
    """Sign in afresh as one of a demo server's accounts."""
    driver.delete_all_cookies()
    sign_in_at_login(driver, demo, email, demo.accounts[email])


def press(driver, text: str, accept_confirm: bool = False) -> None:
    button = find_button(driver, text, within="//main")
    if not accept_confirm:
        follow(driver, button)
        return
    old = driver.find_element(By.TAG_NAME, "html")
    button.send_keys(Keys.ENTER)
    driver.switch_to.alert.accept()
    wait_for_new_page(driver, old)
    check_axe(driver)


def tick(driver, name: str, label: str) -> None:
    """Selects the radio or checkbox named `name` whose label is `label`, with the space bar
    (a checkbox already ticked is left ticked)."""
    for box in driver.find_elements(By.CSS_SELECTOR, f"input[name='{name}']"):
        if driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").text.strip() == label:
            if not box.is_selected():
                box.send_keys(Keys.SPACE)
            return
    raise AssertionError(f"no choice {label!r} for {name}")
