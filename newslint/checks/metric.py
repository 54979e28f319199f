"""metric: lengths an editor keeps an eye on (headline characters, sentence words)."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import WORD_RE, Document
from newslint.terms import Hit


class Metric(Check):
    name = "metric"
    options = {
        "measure": Option("headline-characters|sentence-words|paragraph-words"),
        "max": Option("int"),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        measure, limit = self.opts["measure"], self.opts["max"]
        if measure == "headline-characters":
            spans = [(block.start, block.end) for block in doc.blocks_of("headline")]
        elif measure == "sentence-words":
            spans = [(sentence.start, sentence.end) for sentence in doc.sentences]
        else:
            spans = [(block.start, block.end) for block in doc.body]
        for start, end in spans:
            if measure == "headline-characters":
                size = len(doc.text[start:end].strip())
            else:
                size = sum(1 for _ in WORD_RE.finditer(doc.prose, start, end))
            if size > limit:
                yield Finding(start, end, {"size": size, "max": limit})
