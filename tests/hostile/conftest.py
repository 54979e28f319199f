"""The hostile-input and fault battery (issue 18): every case runs under a time limit.

A case that hangs again fails on its limit instead of holding up CI. Cases
run in an empty folder of their own, with no config of the repository above.
"""

from __future__ import annotations

from pathlib import Path

import pytest

#: Seconds any one case may take; each is designed to finish in well under one.
TIME_LIMIT = 30


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(TIME_LIMIT))


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path
