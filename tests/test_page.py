"""The page `newslint serve` shows at `/`, in a real headless browser.

Debian's chromium and chromium-driver, driven by Selenium: paste the seed,
count the highlights against the service's JSON findings (each one covering
exactly its span of the text), apply a fix with one click, switch pack, fix
everything. Skipped, saying why, where no browser is installed
(`apt-get install -y chromium chromium-driver`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="newslint serve needs the serve extra: pip install -e '.[test]'")
httpx = pytest.importorskip("httpx", reason="the tests call the service with httpx: pip install -e '.[test]'")
pytest.importorskip("selenium", reason="selenium drives the browser: pip install -e '.[test]'")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service as DriverService  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from servers import running_service  # noqa: E402
from support import SEED  # noqa: E402

from newslint.cli import main  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        CHROMIUM is None or CHROMEDRIVER is None,
        reason="no browser: the page test needs Chromium and its driver (apt-get install -y chromium chromium-driver)",
    ),
]
WAIT = 20.0
# Headless as root on a machine with no outside network: no sandbox, no GPU,
# and none of the background connections Chromium makes at start.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("newsroom")
    with running_service(cwd=folder) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="newslint-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=DriverService(executable_path=str(CHROMEDRIVER)))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


class Page:
    def __init__(self, browser: webdriver.Chrome, url: str) -> None:
        self.browser, self.url = browser, url
        browser.get(url + "/")
        self.until(lambda: len(Select(self.find("pack")).options) > 0)

    def find(self, element_id: str) -> Any:
        return self.browser.find_element(By.ID, element_id)

    def until(self, condition: Callable[[], Any]) -> None:
        WebDriverWait(self.browser, WAIT).until(lambda _: condition())

    @property
    def checks(self) -> int:
        return int(self.browser.execute_script("return document.body.dataset.checks"))

    @property
    def text(self) -> str:
        return str(self.browser.execute_script("return document.getElementById('article').value"))

    def after_check(self, action: Callable[[], None]) -> None:
        """Do ``action`` and wait for the page to show the answer that follows."""
        before = self.checks
        action()
        self.until(lambda: self.checks > before)

    def paste(self, text: str) -> None:
        """Put ``text`` in as the browser's own editing does for a paste (input events and all)."""
        script = (
            "const area = document.getElementById('article'); area.focus(); area.select();"
            "document.execCommand('insertText', false, arguments[0]);"
        )
        self.after_check(lambda: self.browser.execute_script(script, text))

    def highlighted(self) -> dict[int, str]:
        """Each finding the marks name -> the text its marks cover, in order."""
        script = """
            const covered = {};
            for (const mark of document.querySelectorAll('#highlights mark')) {
              for (const id of mark.dataset.findings.split(' ')) covered[id] = (covered[id] || '') + mark.textContent;
            }
            return covered;"""
        return {int(key): value for key, value in self.browser.execute_script(script).items()}

    def fix_button(self, rule: str) -> Any:
        for item in self.browser.find_elements(By.CSS_SELECTOR, "#findings li"):
            if item.find_element(By.CLASS_NAME, "rule").text == rule:
                return item.find_element(By.CLASS_NAME, "fix")
        raise AssertionError(f"no finding of {rule} in the list")


def spans(text: str, findings: list[dict[str, Any]]) -> dict[int, str]:
    """What each finding's span covers, from its lines and columns (code points)."""
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    offset = lambda line, column: starts[line - 1] + column - 1  # noqa: E731
    return {
        index: text[offset(f["line"], f["column"]) : offset(f["end_line"], f["end_column"])]
        for index, f in enumerate(findings)
    }


def checked(url: str, text: str, **choices: str) -> list[dict[str, Any]]:
    answer = httpx.post(url + "/v1/check", json={"text": text, **choices}, timeout=30)
    return list(answer.json()["findings"])


def test_the_seed_pasted_is_highlighted_in_place_and_a_click_fixes(browser: webdriver.Chrome, url: str) -> None:
    page = Page(browser, url)
    text = SEED.read_text(encoding="utf-8")
    page.paste(text)
    assert page.text == text
    findings = checked(url, text)
    assert len(findings) == 23  # the seed's report (tests/test_seed.py)
    assert page.highlighted() == spans(text, findings)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#findings li")) == 23
    assert page.find("status").text == "23 found: 2 errors, 21 warnings."

    page.after_check(lambda: page.fix_button("typography.ellipsis").click())
    expected = fix_with_cli(text, "--select", "typography.ellipsis")
    assert page.text == expected != text
    assert len(page.highlighted()) == 22
    assert page.highlighted() == spans(expected, checked(url, expected))


def test_switching_pack_and_fixing_everything(browser: webdriver.Chrome, url: str) -> None:
    page = Page(browser, url)
    text = SEED.read_text(encoding="utf-8")
    page.paste(text)
    page.after_check(lambda: Select(page.find("pack")).select_by_value("british"))
    british = checked(url, text, pack="british")
    assert len(british) != 23 and page.highlighted() == spans(text, british)

    page.after_check(lambda: page.find("fix-all").click())
    fixed = httpx.post(url + "/v1/fix", json={"text": text, "pack": "british"}, timeout=30).json()
    assert page.text == fixed["text"] != text
    assert page.highlighted() == spans(fixed["text"], fixed["findings"])


def fix_with_cli(text: str, *args: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_text(text, encoding="utf-8")
        main(["check", "--fix", "--no-cache", *args, str(article)])
        return article.read_text(encoding="utf-8")
