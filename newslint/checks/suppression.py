"""suppression: the check kind behind ``hygiene.unused-suppression``.

Whether a suppression comment hid anything is known only after every other
rule has run, so the engine reports it (see newslint/suppressions.py); this
kind exists so the rule is an ordinary rule file that can be listed, selected,
ignored and given a severity like any other.
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks import Check, Finding
from newslint.document import Document
from newslint.terms import Hit


class Suppression(Check):
    name = "suppression"
    summary = "A suppression comment that hides nothing (reported by the engine)."
    params = ("rules",)

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        return ()
