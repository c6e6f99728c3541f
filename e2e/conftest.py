"""Fixtures for Capable's browser tests.

`server` starts the real `capable` binary ($CAPABLE_BIN, default
.build/debug/capable) on a fresh SQLite database with one admin account, shared by
the session; `fresh_server` starts one for a single test on an empty database (no
accounts, so it prints the one-time setup link); both use `start_server`;
`driver` is a headless Chromium driven by Selenium (Debian's chromium and
chromium-driver).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CAPABLE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CAPABLE_CHROMEDRIVER", "/usr/bin/chromedriver")
HEALTH_TIMEOUT = 60.0

# Stops Selenium Manager from reaching out to the network for drivers/stats.
os.environ.setdefault("SE_AVOID_STATS", "true")


def strong_password() -> str:
    # ~128 bits of randomness plus every character class.
    return secrets.token_urlsafe(16) + "-Aa9!"


@dataclass
class Server:
    base_url: str
    email: str
    password: str  # tests that change the admin's password update this
    log_path: Path

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def log_tail(self, limit: int = 6000) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return text[-limit:]


_server: Server | None = None


def _capable_bin() -> Path:
    value = os.environ.get("CAPABLE_BIN")
    path = Path(value) if value else REPO_ROOT / ".build" / "debug" / "capable"
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.exit(
            f"capable binary not found at {path}: build it (swift build) and/or set CAPABLE_BIN",
            returncode=2,
        )
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _health_ok(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url + "/health", timeout=2) as resp:
            return resp.status == 200 and resp.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError, ValueError):
        return False


def capable_env(tmp: Path) -> dict[str, str]:
    """The environment for `capable` commands on the database in tmp."""
    env = os.environ.copy()
    env.pop("DATABASE_URL", None)
    env.update(
        CAPABLE_DATABASE_PATH=str(tmp / "e2e.sqlite"),
        CAPABLE_INSECURE_COOKIES="1",
        LOG_LEVEL=os.environ.get("CAPABLE_E2E_LOG_LEVEL", "warning"),
    )
    return env


@dataclass
class ServerProcess:
    """A running `capable serve`; its stdout and stderr go to log_path."""

    base_url: str
    tmp: Path
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen
    _log: object

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def output(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def log_tail(self, limit: int = 6000) -> str:
        return self.output()[-limit:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        if not self._log.closed:
            self._log.close()


def start_server(tmp: Path, *, log_level: str | None = None, public_url: str | None = None,
                 extra_env: dict[str, str] | None = None) -> ServerProcess:
    """Start `capable serve` on the SQLite database in tmp (made if missing) and wait for /health.

    public_url sets CAPABLE_PUBLIC_URL (without it, printed links use the serve address).
    Fails the test (and removes tmp) if it exits or does not become healthy.
    """
    binary = _capable_bin()
    env = capable_env(tmp)
    if log_level:
        env["LOG_LEVEL"] = log_level
    if public_url:
        env["CAPABLE_PUBLIC_URL"] = public_url
    env.update(extra_env or {})
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = tmp / "server.log"
    log = open(log_path, "w", encoding="utf-8")
    proc = subprocess.Popen(
        [str(binary), "serve", "--hostname", "127.0.0.1", "--port", str(port)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    running = ServerProcess(base_url=base_url, tmp=tmp, env=env, log_path=log_path, proc=proc, _log=log)

    deadline = time.monotonic() + HEALTH_TIMEOUT
    healthy = False
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        if _health_ok(base_url):
            healthy = True
            break
        time.sleep(0.25)
    if not healthy:
        exited = proc.poll()
        running.stop()
        output = running.output()
        shutil.rmtree(tmp, ignore_errors=True)
        why = (
            f"exited with code {exited}"
            if exited is not None
            else f"did not answer GET /health with 200 'ok' within {HEALTH_TIMEOUT:.0f} s"
        )
        pytest.fail(
            f"`capable serve` {why}\n--- server output ---\n{output}", pytrace=False
        )
    return running


@pytest.fixture(scope="session")
def server():
    """One server for the session, with one administrator (email and password on the object)."""
    global _server
    binary = _capable_bin()
    tmp = Path(tempfile.mkdtemp(prefix="capable-e2e-"))
    email = "admin@example.org"
    password = strong_password()

    created = subprocess.run(
        [str(binary), "create-admin", "--email", email],
        env={**capable_env(tmp), "CAPABLE_ADMIN_PASSWORD": password},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if created.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(
            f"`capable create-admin` exited {created.returncode}\n"
            f"--- stdout ---\n{created.stdout}\n--- stderr ---\n{created.stderr}",
            pytrace=False,
        )

    running = start_server(tmp)
    _server = Server(base_url=running.base_url, email=email, password=password, log_path=running.log_path)
    try:
        yield _server
    finally:
        _server = None
        running.stop()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def fresh_server():
    """A server of the test's own on an empty database: no accounts, so it prints a setup link."""
    tmp = Path(tempfile.mkdtemp(prefix="capable-e2e-fresh-"))
    # At "warning" nothing else is logged, so this also proves the link is written unbuffered.
    running = start_server(tmp, log_level="warning")
    try:
        yield running
    finally:
        running.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def new_driver():
    """A headless Chromium of its own (its own cookies): one person at one browser."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,1024",
        "--lang=en-GB",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        "--disable-component-update",
    ):
        options.add_argument(arg)
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(30)
    return drv


@pytest.fixture
def driver():
    drv = new_driver()
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture
def more_drivers():
    """Makes further browsers for a test where several people work at once; quits them after."""
    made = []

    def make():
        drv = new_driver()
        made.append(drv)
        return drv

    try:
        yield make
    finally:
        for drv in made:
            drv.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On failure, attach where the browser was and the server's recent output."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    drv = item.funcargs.get("driver")
    if drv is not None:
        try:
            text = drv.execute_script("return document.body ? document.body.innerText : ''")
            report.sections.append(
                (
                    "browser",
                    f"URL: {drv.current_url}\nTitle: {drv.title}\n--- page text ---\n"
                    f"{(text or '')[:4000]}",
                )
            )
            shot = Path(tempfile.gettempdir()) / f"capable-e2e-{item.name}.png"
            drv.save_screenshot(str(shot))
            report.sections.append(("screenshot", str(shot)))
        except Exception as exc:  # the browser may be gone
            report.sections.append(("browser", f"(could not read page: {exc})"))
    own = item.funcargs.get("fresh_server")
    if own is not None:
        report.sections.append(("own server output (tail)", own.log_tail()))
    # Servers that a test module starts for itself (e.g. test_people.py's `council`).
    for name, value in item.funcargs.items():
        if name != "fresh_server" and value is not _server and isinstance(value, (Server, ServerProcess)):
            report.sections.append((f"{name} server output (tail)", value.log_tail()))
    if _server is not None:
        report.sections.append(("server output (tail)", _server.log_tail()))


def seed_demo(tmp: Path, needed: tuple[str, ...] = ()) -> dict[str, str]:
    """Run `capable seed demo` on the database in tmp and return the demo accounts it prints
    (email -> password); fail the module if it fails or a needed account is missing."""
    seeded = subprocess.run([str(_capable_bin()), "seed", "demo"], env=capable_env(tmp), stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=120)
    if seeded.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(f"`capable seed demo` exited {seeded.returncode}\n--- stdout ---\n{seeded.stdout}\n--- stderr ---\n{seeded.stderr}",
                    pytrace=False)
    # "  helen.price@elmbridgevale.example  <password>  (hr, admin)"
    accounts = dict(re.findall(r"^\s+(\S+@\S+)\s+(\S+)\s+\(", seeded.stdout, re.MULTILINE))
    missing = [email for email in needed if email not in accounts]
    if missing:
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(f"`capable seed demo` printed no password for {missing}:\n{seeded.stdout}", pytrace=False)
    return accounts


@contextlib.contextmanager
def running_demo(prefix: str, needed: tuple[str, ...]):
    """A server on a freshly seeded demo council, for a test module's own fixture: yields a
    Server with `accounts` (email -> password) and `tmp` (its folder, for files to upload)."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    accounts = seed_demo(tmp, needed=needed)
    running = start_server(tmp)
    state = Server(base_url=running.base_url, email=needed[0], password=accounts[needed[0]], log_path=running.log_path)
    state.accounts = accounts  # type: ignore[attr-defined]
    state.tmp = tmp  # type: ignore[attr-defined]
    try:
        yield state
    finally:
        running.stop()
        shutil.rmtree(tmp, ignore_errors=True)
