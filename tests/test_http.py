"""`newslint serve` under uvicorn, called over a real socket with httpx.

The findings must be those of `newslint check --format json` on the same
text; every bad request gets a JSON error it can act on, and the server goes
on serving after each.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="newslint serve needs the serve extra: pip install -e '.[test]'")
pytest.importorskip("uvicorn", reason="newslint serve needs the serve extra: pip install -e '.[test]'")
httpx = pytest.importorskip("httpx", reason="the tests call the service with httpx: pip install -e '.[test]'")
jsonschema = pytest.importorskip("jsonschema")

from servers import running_service  # noqa: E402
from support import SEED  # noqa: E402

from newslint.cli import main  # noqa: E402
from newslint.server import openapi  # noqa: E402
from newslint.server.checker import ApiError, CheckRequest  # noqa: E402
from newslint.server.service import Service, Settings  # noqa: E402

MARKDOWN_SEED = SEED.parent / "markdown-front-matter.md"
TOKEN = "s3cret-token-for-tests"
ORIGIN = "http://cms.example"


JARGON = (
    "check: substitution\n"
    'message: "{message}"\n'
    "description: Business jargon readers skip over.\n"
    "terms:\n  going forward: from now on\n"
    'examples:\n  bad: ["We will grow going forward."]\n  good: ["We will grow from now on."]\n'
)


def write_pack(folder: Path, message: str = "'{found}' is jargon: say '{replacement}'") -> Path:
    rule = folder / "style" / "jargon.yaml"
    rule.parent.mkdir(parents=True, exist_ok=True)
    rule.write_text(JARGON.format(message=message), encoding="utf-8")
    return rule


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with no config (the core pack), the seeds, and a house pack."""
    folder = tmp_path_factory.mktemp("newsroom")
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(MARKDOWN_SEED, folder / MARKDOWN_SEED.name)
    write_pack(folder / "house")
    (folder / "token").write_text(TOKEN + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def service(newsroom: Path) -> Iterator[httpx.Client]:
    """The service as a newsroom runs it: a token, a CORS origin, a house pack."""
    args = ("--token-file", "token", "--cors-origin", ORIGIN, "--pack", "house")
    with running_service(*args, cwd=newsroom) as url:
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
            yield client


@pytest.fixture(scope="module")
def strict(newsroom: Path) -> Iterator[httpx.Client]:
    """A service with limits small enough to hit: a 400,000-byte body, half a second a check."""
    with running_service("--max-body", "400000", "--timeout", "0.5", cwd=newsroom) as url:
        with httpx.Client(base_url=url, timeout=30) as client:
            yield client


def cli_json(path: Path, *args: str) -> list[dict[str, Any]]:
    """`newslint check --format json` on ``path`` (run in its folder), with path "-" as for stdin."""
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "json", "--no-cache", *args, path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
    )
    return [{**finding, "path": "-"} for finding in json.loads(result.stdout)]


def still_serving(client: httpx.Client) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    answer = client.post("/v1/check", json={"text": "The minister said TK."})
    assert answer.status_code == 200
    assert [f["rule"] for f in answer.json()["findings"]] == ["hygiene.placeholder"]


def error_of(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == code
    return str(error["message"])


pytestmark = pytest.mark.e2e


# -- findings -----------------------------------------------------------------------


def test_findings_equal_newslint_check_on_the_same_text(service: httpx.Client, newsroom: Path) -> None:
    text = (newsroom / SEED.name).read_text(encoding="utf-8")
    answer = service.post("/v1/check", json={"text": text})
    assert answer.status_code == 200
    expected = cli_json(newsroom / SEED.name)
    assert len(expected) == 23  # the seed's report (tests/test_seed.py)
    assert answer.json() == {"findings": expected}


def test_markdown_findings_equal_newslint_check(service: httpx.Client, newsroom: Path) -> None:
    text = (newsroom / MARKDOWN_SEED.name).read_text(encoding="utf-8")
    answer = service.post("/v1/check", json={"text": text, "format": "markdown"})
    expected = cli_json(newsroom / MARKDOWN_SEED.name)
    assert expected and answer.json() == {"findings": expected}


def test_a_pack_and_a_selection_chosen_by_the_request(service: httpx.Client, newsroom: Path) -> None:
    text = "Nato troops\n\nThe Nato chief said prices rose 5 percent going forward.\n"
    british = service.post("/v1/check", json={"text": text, "pack": "british", "select": ["style"]})
    assert [(f["rule"], f["column"]) for f in british.json()["findings"]] == [("style.per-cent", 34)]
    house = service.post("/v1/check", json={"text": text, "pack": "house", "ignore": ["claims"]})
    assert [(f["rule"], f["fix"]) for f in house.json()["findings"]] == [
        ("style.jargon", {"replacement": "from now on", "safe": True})
    ]
    core = service.post("/v1/check", json={"text": text})
    assert core.json() == {"findings": []}


def test_headline_and_standfirst_fields_are_one_article(service: httpx.Client) -> None:
    request = {
        "headline": "Troops cut by 40%",
        "standfirst": "Nato says the plan is on track",
        "text": "Nato will bring 500 troops home... the chief said.",
    }
    findings = service.post("/v1/check", json=request).json()["findings"]
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in findings] == [
        ("headline", 1, 15, "claims.headline-figure"),
        ("-", 1, 32, "typography.ellipsis"),
    ]


def test_fix_writes_what_fix_writes(service: httpx.Client, newsroom: Path) -> None:
    path = newsroom / SEED.name
    text = path.read_text(encoding="utf-8")
    answer = service.post("/v1/fix", json={"text": text, "pack": "british"}).json()
    config = newsroom / "fixing" / "newslint.yaml"
    config.parent.mkdir(exist_ok=True)
    config.write_text("extends: [british]\n", encoding="utf-8")
    copy = config.parent / SEED.name
    copy.write_text(text, encoding="utf-8")
    main(["check", "--fix", "--no-cache", str(copy)])
    assert answer["text"] == copy.read_text(encoding="utf-8") != text
    assert answer["diff"].startswith("--- a/text\n+++ b/text\n")
    assert answer["findings"] == [{**f, "path": "-"} for f in cli_json(copy)]


def test_rules_and_packs(service: httpx.Client) -> None:
    packs = service.get("/v1/packs").json()
    assert packs["default"] == "core"
    assert [pack["name"] for pack in packs["packs"]] == ["american", "british", "core", "house"]
    assert {"markdown", "text"} <= set(packs["formats"])
    rules = service.get("/v1/rules", params={"pack": "house"}).json()
    jargon = next(rule for rule in rules["rules"] if rule["id"] == "style.jargon")
    assert jargon["active"] and jargon["examples"]["bad"] == ["We will grow going forward."]
    assert "source" not in jargon  # no server paths


def test_a_changed_rule_file_is_reloaded_and_a_broken_one_is_not(tmp_path: Path) -> None:
    rule = write_pack(tmp_path / "house")
    request = {"text": "We will grow going forward.", "pack": "house", "select": ["style.jargon"]}

    def message(client: httpx.Client) -> str:
        return str(client.post("/v1/check", json=request).json()["findings"][0]["message"])

    def eventually(client: httpx.Client, expected: str) -> None:
        deadline = time.monotonic() + 10
        while message(client) != expected and time.monotonic() < deadline:
            time.sleep(0.2)
        assert message(client) == expected

    with running_service("--pack", "house", cwd=tmp_path) as url, httpx.Client(base_url=url, timeout=30) as client:
        assert message(client) == "'going forward' is jargon: say 'from now on'"
        write_pack(tmp_path / "house", "say '{replacement}', not '{found}'")
        eventually(client, "say 'from now on', not 'going forward'")
        rule.write_text("check: [unclosed\n", encoding="utf-8")
        time.sleep(1.5)  # past the next look at the files: the broken rule is refused
        assert message(client) == "say 'from now on', not 'going forward'"


# -- errors: each a JSON answer, and the server goes on --------------------------------


def test_bad_json(service: httpx.Client) -> None:
    response = service.post("/v1/check", content=b'{"text": "unclosed', headers={"content-type": "application/json"})
    assert "not valid JSON" in error_of(response, 400, "bad_json")
    deep = b"[" * 100_000
    error_of(service.post("/v1/check", content=deep, headers={"content-type": "application/json"}), 400, "bad_json")
    still_serving(service)


def test_an_oversize_body(strict: httpx.Client) -> None:
    text = "A sentence of copy. " * 21_000  # 420,000 bytes
    assert "over 400,000 bytes" in error_of(strict.post("/v1/check", json={"text": text}), 413, "too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while reading
        yield b'{"text": "'
        for _ in range(4200):
            yield b"x" * 100
        yield b'"}'

    chunked = strict.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    error_of(chunked, 413, "too_large")
    still_serving(strict)


def test_an_unknown_pack_or_rule(service: httpx.Client) -> None:
    message = error_of(service.post("/v1/check", json={"text": "x", "pack": "brtish"}), 422, "unknown_pack")
    assert message == "unknown pack 'brtish' (known: american, british, core, house)"
    message = error_of(service.post("/v1/check", json={"text": "x", "select": ["quotse"]}), 422, "unknown_rule")
    assert "did you mean 'quotes'" in message
    error_of(service.get("/v1/rules", params={"pack": "nope"}), 422, "unknown_pack")
    still_serving(service)


def test_a_missing_or_wrong_token(service: httpx.Client) -> None:
    url = str(service.base_url)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        response = httpx.post(url + "/v1/check", json={"text": "x"}, headers=headers)
        assert "Bearer" in error_of(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
    assert httpx.get(url + "/healthz").status_code == 200  # health and the page need no token
    still_serving(service)


def test_requests_that_try_to_send_rules_or_paths(service: httpx.Client) -> None:
    for body in (
        {"text": "x", "rules": {"style.x": {"check": "existence", "patterns": ["(a+)+$"]}}},
        {"text": "x", "config": "/etc/passwd"},
        {"text": "x", "select": ["(a+)+$"]},
        {"text": "x", "select": "quotes"},
        {"text": "x", "format": "../../etc/passwd"},
        {"text": "x", "headline": "two\nlines"},
        {"text": 5},
        ["text"],
    ):
        error_of(service.post("/v1/check", json=body), 422, "invalid_request")
    lone_surrogate = service.post(
        "/v1/check", content=b'{"text": "\\ud800"}', headers={"content-type": "application/json"}
    )
    assert "lone surrogate" in error_of(lone_surrogate, 422, "invalid_request")
    response = service.post("/v1/check", content=b'{"text": "x"}', headers={"content-type": "text/plain"})
    error_of(response, 415, "unsupported_media_type")
    error_of(service.get("/v1/nothing"), 404, "not_found")
    error_of(service.get("/v1/check"), 405, "method_not_allowed")
    still_serving(service)


def test_a_check_past_the_time_limit(strict: httpx.Client) -> None:
    # 190,000 quotation marks: as many findings, seconds of work.
    started = time.monotonic()
    response = strict.post("/v1/check", json={"text": '"' * 190_000})
    message = error_of(response, 503, "timeout")
    assert message == "the check took longer than 0.5 s; send a shorter text"
    assert time.monotonic() - started < 3  # answered at the limit, not when the work would end
    still_serving(strict)


def test_a_check_past_its_time_is_killed_and_the_next_gets_a_new_process() -> None:
    service = Service(Settings(timeout=0.5))

    async def scenario() -> None:
        await asyncio.get_running_loop().run_in_executor(service.executor, service.worker.ensure_started)
        first = service.worker.process
        with pytest.raises(ApiError) as stopped:
            await service.run("check", CheckRequest(text='"' * 400_000))  # seconds of work
        assert (stopped.value.status, stopped.value.code) == (503, "timeout")
        # The service's check thread reaps the child too: of two threads
        # waiting on it one gets its status, so the test waits for the status
        # rather than joining.
        deadline = time.monotonic() + 5
        while first.exitcode is None and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        assert first.exitcode == -signal.SIGKILL
        answer = json.loads(await service.run("check", CheckRequest(text="The minister said TK.")))
        assert [f["rule"] for f in answer["findings"]] == ["hygiene.placeholder"]
        assert service.worker.process.pid != first.pid

    try:
        asyncio.run(scenario())
    finally:
        service.close()


def test_busy_when_too_many_checks_wait() -> None:
    service = Service(Settings(max_pending=1, timeout=5))
    release = threading.Event()

    class HeldWorker:
        """Stands in for the checking process: holds the first call until released."""

        def ensure_started(self) -> None:
            pass

        def call(self, method: str, argument: Any, call: object) -> bytes:
            release.wait(10)
            return method.encode()

    service.worker = HeldWorker()  # type: ignore[assignment]

    async def scenario() -> None:
        first = asyncio.ensure_future(service.run("check", None))
        await asyncio.sleep(0.05)
        with pytest.raises(ApiError) as busy:
            await service.run("fix", None)
        assert (busy.value.status, busy.value.code) == (503, "busy")
        release.set()
        assert await first == b"check"
        assert await service.run("fix", None) == b"fix"

    asyncio.run(scenario())


# -- the web: CORS, headers, OpenAPI --------------------------------------------------


def test_cors_only_for_listed_origins(service: httpx.Client) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    allowed = service.options("/v1/check", headers={"Origin": ORIGIN, **preflight})
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == ORIGIN
    refused = service.options("/v1/check", headers={"Origin": "http://evil.example", **preflight})
    assert refused.status_code == 400 and "access-control-allow-origin" not in refused.headers
    answer = service.post("/v1/check", json={"text": "x"}, headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in answer.headers


def test_the_openapi_description_matches_the_answers(service: httpx.Client, newsroom: Path) -> None:
    spec = service.get("/openapi.json").json()
    packs, formats = ["american", "british", "core", "house"], sorted(service.get("/v1/packs").json()["formats"])
    assert spec == json.loads(json.dumps(openapi.description(packs, formats)))
    assert spec["components"]["schemas"]["CheckRequest"]["properties"]["pack"]["enum"] == [*packs, None]
    assert set(spec["paths"]) == {"/v1/check", "/v1/fix", "/v1/rules", "/v1/packs", "/healthz"}

    def validate(instance: Any, schema: str) -> None:
        root = {"$ref": f"#/components/schemas/{schema}", "components": spec["components"]}
        jsonschema.Draft202012Validator(root).validate(instance)

    text = (newsroom / SEED.name).read_text(encoding="utf-8")
    validate({"text": text, "pack": "british"}, "CheckRequest")
    validate(service.post("/v1/check", json={"text": text}).json(), "CheckResponse")
    validate(service.post("/v1/fix", json={"text": text, "headline": "A headline"}).json(), "FixResponse")
    validate(service.get("/v1/rules").json(), "RulesResponse")
    validate(service.get("/v1/packs").json(), "PacksResponse")
    validate(service.get("/healthz").json(), "Health")
    validate(service.post("/v1/check", json={"text": "x", "pack": "none"}).json(), "Error")


def test_the_page_is_served_with_a_strict_content_policy(service: httpx.Client) -> None:
    page = httpx.get(str(service.base_url) + "/")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["x-content-type-options"] == "nosniff"
    for asset in ("/static/app.js", "/static/app.css"):
        served = httpx.get(str(service.base_url) + asset)
        assert served.status_code == 200
        assert "://" not in served.text  # nothing fetched from elsewhere: it works offline
    assert "://" not in page.text
