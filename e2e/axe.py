"""Accessibility checks with axe-core, injected into the page under test.

axe.min.js is not committed: scripts/test copies it into e2e/vendor/ from the
axe-playwright-python wheel on PyPI (which bundles axe-core 4.x).
"""

from __future__ import annotations

from pathlib import Path

from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

AXE_PATH = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_RUN_AXE = """
const tags = arguments[0];
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(function (results) {
    done({violations: results.violations.map(function (v) {
      return {
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map(function (n) {
          return {target: n.target, html: n.html, summary: n.failureSummary};
        }),
      };
    })});
  })
  .catch(function (err) { done({error: String(err && err.stack || err)}); });
"""

_axe_source: str | None = None


def _source() -> str:
    global _axe_source
    if _axe_source is None:
        if not AXE_PATH.is_file():
            raise RuntimeError(
                f"{AXE_PATH} is missing: run scripts/test (it fetches axe-core) "
                "or scripts/test --install-only"
            )
        _axe_source = AXE_PATH.read_text(encoding="utf-8")
    return _axe_source


class AccessibilityError(AssertionError):
    pass


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe-core violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- [{v.get('impact') or 'n/a'}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:10]:
            target = " ".join(
                ", ".join(t) if isinstance(t, list) else str(t) for t in node["target"]
            )
            lines.append(f"    at {target}")
            html = (node.get("html") or "").strip()
            if html:
                lines.append(f"       {html[:200]}")
            summary = (node.get("summary") or "").strip()
            if summary:
                for s in summary.splitlines():
                    lines.append(f"       {s.strip()}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more element(s)")
    return "\n".join(lines)


def check_axe(driver: WebDriver) -> None:
    """Run axe-core (WCAG 2.2 A/AA rules) on the current page; fail on any violation."""
    if not driver.execute_script("return typeof window.axe === 'object' && !!window.axe.run;"):
        driver.execute_script(_source())
    driver.set_script_timeout(60)
    result = driver.execute_async_script(_RUN_AXE, WCAG_TAGS)
    if result is None:
        raise RuntimeError("axe.run returned nothing")
    if result.get("error"):
        raise RuntimeError(f"axe.run failed on {driver.current_url}: {result['error']}")
    violations = result["violations"]
    if violations:
        raise AccessibilityError(format_violations(driver.current_url, violations))


def wait_for_load(driver: WebDriver, timeout: float = 30) -> None:
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def visit(driver: WebDriver, url: str) -> None:
    """Load url, wait until it has loaded, and check it with axe."""
    driver.get(url)
    wait_for_load(driver)
    check_axe(driver)
