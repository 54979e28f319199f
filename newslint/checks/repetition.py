"""repetition: a word written twice in a row ("the the")."""

from __future__ import annotations

from typing import Iterable

import regex

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.terms import Hit

_DOUBLED_RE = regex.compile(r"(?<![\w'’-])(\p{L}+)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE)


class Repetition(Check):
    name = "repetition"
    fixable = True
    options = {
        "exceptions": Option("strings", [], "Words that may rightly be doubled (had had, that that)."),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        exceptions = {word.lower() for word in self.opts["exceptions"]}
        for block in doc.blocks:
            for match in _DOUBLED_RE.finditer(doc.prose, block.start, block.end):
                first, second = match.group(1), match.group(3)
                if first.lower() in exceptions or second[:1].isupper() and first[:1].isupper():
                    continue  # Names such as Duran Duran or Bora Bora
                yield Finding(match.start(), match.end(), {"word": first}, first)
