"""The first administrator, made through the one-time setup link that `capable serve`
prints while no account exists. The test runs its own server on an empty database.
"""

from __future__ import annotations

import re
import time

from selenium.webdriver.common.by import By

from axe import check_axe, visit
from conftest import strong_password
from helpers import (
    assert_error_page,
    assert_heading,
    assert_on_sign_in_page,
    assert_signed_in,
    assert_title_starts,
    click_and_wait,
    fill,
    find_button,
    path_of,
    sign_in,
    wait_for_button,
)

SETUP_LINK = re.compile(r"(https?://\S+?)(/setup/[A-Za-z0-9_-]+)\s")


def printed_setup_link(server, timeout: float = 10) -> str:
    """The setup link from the server's output (it is printed before the server listens)."""
    deadline = time.monotonic() + timeout
    while True:
        found = SETUP_LINK.findall(server.output())
        if found:
            origin, path = found[-1]
            assert origin == server.base_url, (
                f"the setup link names {origin}, but the server listens on {server.base_url}"
            )
            return origin + path
        if time.monotonic() > deadline:
            raise AssertionError(
                "`capable serve` on an empty database printed no /setup/<token> link "
                "(if it is printed, is it stuck in stdout's buffer? flush after printing)\n"
                f"--- server output ---\n{server.output()[-4000:]}"
            )
        time.sleep(0.2)


def test_first_administrator_via_setup_link(driver, fresh_server):
    server = fresh_server
    link = printed_setup_link(server)

    visit(driver, link)
    assert_heading(driver, "Create the first administrator")
    assert_title_starts(driver, "Set up Capable")

    # An empty submission: focused error summary linking to each missing answer.
    click_and_wait(driver, find_button(driver, "Create administrator"))
    assert path_of(driver) == path_of_link(link), driver.current_url
    assert_error_page(driver, ["display_name", "email", "password"])
    check_axe(driver)

    name, email, password = "Rosa Setup", "rosa.setup@example.org", strong_password()
    fill(driver, "#display_name", name)
    fill(driver, "#email", email)
    fill(driver, "#password", password)
    fill(driver, "#confirm_password", password)
    click_and_wait(driver, find_button(driver, "Create administrator"))
    assert path_of(driver) == "/", f"expected the home page after setup, got {driver.current_url}"
    assert_signed_in(driver)
    header = driver.find_element(By.TAG_NAME, "header").text
    assert name in header, f"the header does not name the new administrator: {header!r}"
    check_axe(driver)

    click_and_wait(driver, wait_for_button(driver, "Sign out", within="//header"))
    assert_on_sign_in_page(driver)

    # The link works once.
    visit(driver, link)
    assert_heading(driver, "Page not found")
    assert_title_starts(driver, "Page not found")
    assert not driver.find_elements(By.ID, "display_name"), "the setup form is still offered"

    visit(driver, server.url("/login"))
    sign_in(driver, email, password)
    assert_signed_in(driver)
    assert path_of(driver) == "/", driver.current_url

    # The account has the administrator role.
    visit(driver, server.url("/admin"))
    assert_heading(driver, "Admin")


def path_of_link(link: str) -> str:
    return "/" + link.split("/", 3)[3]
