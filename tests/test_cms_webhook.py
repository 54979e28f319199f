"""The CMS pre-publish hook in examples/cms-webhook keeps its contract against the real service."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="newslint serve needs the serve extra: pip install -e '.[test]'")
pytest.importorskip("httpx", reason="the service fixture waits for it with httpx: pip install -e '.[test]'")

from servers import free_port, running_service  # noqa: E402

EXAMPLE = Path(__file__).parent.parent / "examples" / "cms-webhook"
ARTICLE = json.loads((EXAMPLE / "article.json").read_text(encoding="utf-8"))
TOKEN = "cms-token"
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("service")
    (folder / "token").write_text(TOKEN, encoding="utf-8")
    with running_service("--token-file", "token", cwd=folder) as base:
        yield base


def precheck(article: Any, *args: str, token: str | None = TOKEN) -> tuple[int, dict[str, Any], str]:
    environment = {key: value for key, value in os.environ.items() if key != "NEWSLINT_TOKEN"}
    if token is not None:
        environment["NEWSLINT_TOKEN"] = token
    result = subprocess.run(
        [sys.executable, str(EXAMPLE / "precheck.py"), *args],
        input=article if isinstance(article, str) else json.dumps(article),
        capture_output=True,
        text=True,
        env=environment,
    )
    return result.returncode, json.loads(result.stdout) if result.stdout else {}, result.stderr


def test_an_error_blocks_and_a_warning_advises(url: str) -> None:
    status, decision, log = precheck(ARTICLE, "--url", url)
    assert status == 1 and decision["decision"] == "block"
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in decision["errors"]] == [
        ("-", 3, 59, "hygiene.placeholder")
    ]
    assert [(f["path"], f["rule"]) for f in decision["advice"]] == [("headline", "claims.headline-figure")]
    assert "text 3:59: error hygiene.placeholder placeholder 'TK' left in copy" in log


def test_warnings_alone_publish_with_advice(url: str) -> None:
    article = {**ARTICLE, "text": ARTICLE["text"].replace(" Savings are expected to be TK.", "")}
    status, decision, _ = precheck(article, "--url", url)
    assert status == 0 and decision["decision"] == "publish"
    assert decision["errors"] == [] and len(decision["advice"]) == 1
    assert decision["summary"] == "ready to publish; 1 suggestion"


def test_when_the_service_cannot_check_on_failure_decides(url: str) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    status, decision, _ = precheck(ARTICLE, "--url", nowhere)
    assert status == 0 and decision["decision"] == "publish" and "unchecked" in decision
    status, decision, _ = precheck(ARTICLE, "--url", nowhere, "--on-failure", "block")
    assert status == 1 and decision["decision"] == "block"
    status, decision, _ = precheck(ARTICLE, "--url", url, "--on-failure", "block", token="wrong")
    assert status == 1 and "Bearer" in decision["unchecked"]


def test_no_article_is_a_broken_integration(url: str) -> None:
    assert precheck("not json", "--url", url)[0] == 2
    assert precheck({"body": "no text key"}, "--url", url)[0] == 2
