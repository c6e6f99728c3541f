"""A large HR file is applied in the background: the progress page (checked with axe) polls
its status with app.js and turns into the result page by itself when the import is done."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from axe import check_axe, visit
from conftest import _capable_bin, capable_env, start_server, strong_password
from helpers import click_and_wait, fill, find_button


def test_large_import_shows_progress_then_result(driver):
    tmp = Path(tempfile.mkdtemp(prefix="capable-e2e-background-"))
    try:
        # A synthetic council's HR file, written by the command line into a scratch database.
        scratch = {**capable_env(tmp), "CAPABLE_DATABASE_PATH": str(tmp / "scratch.sqlite")}
        csv_path = tmp / "council.csv"
        subprocess.run([str(_capable_bin()), "seed", "synthetic", "--people", "3000", "--csv", str(csv_path)],
                       env=scratch, check=True, capture_output=True, timeout=300)
        email, password = "admin@example.org", strong_password()
        subprocess.run([str(_capable_bin()), "create-admin", "--email", email],
                       env={**capable_env(tmp), "CAPABLE_ADMIN_PASSWORD": password}, check=True, capture_output=True, timeout=120)
        server = start_server(tmp, extra_env={"CAPABLE_IMPORT_BACKGROUND_ROWS": "100"})
        try:
            visit(driver, server.base_url + "/login")
            fill(driver, "#email", email)
            fill(driver, "#password", password)
            click_and_wait(driver, find_button(driver, "Sign in"))

            visit(driver, server.base_url + "/people/import")
            driver.find_element(By.CSS_SELECTOR, "#file").send_keys(str(csv_path))
            click_and_wait(driver, find_button(driver, "Upload and check"))
            check_axe(driver)
            assert "None" in driver.find_element(By.CSS_SELECTOR, "main .govuk-summary-list").text

            driver.execute_script("window.confirm = function () { return true; };")
            click_and_wait(driver, find_button(driver, "Apply the import"))
            heading = driver.find_element(By.TAG_NAME, "h1").text
            assert heading == "Applying the import", heading  # 3,000 rows take more than a moment
            if heading == "Applying the import":
                check_axe(driver)
                status = driver.find_element(By.CSS_SELECTOR, "[role=status][data-import-status]")
                assert status.get_attribute("aria-live") == "polite"
            WebDriverWait(driver, 120, poll_frequency=0.5).until(
                lambda d: d.find_element(By.TAG_NAME, "h1").text == "Import applied")
            check_axe(driver)
            assert "The import has been applied" in driver.page_source
        finally:
            server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
