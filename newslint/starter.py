"""The starter config ``newslint init`` writes."""

from __future__ import annotations

STARTER = """\
# newslint configuration: https://github.com/newslint/newslint#configuration
extends:
  - {pack}
# select: [consistency, quotes, typography, hygiene, claims]
# ignore: [claims.loaded-verb]
# rules:
#   headline.length: {{max: 80}}
#   typography.double-space: info
# overrides:
#   - files: ["archive/**"]
#     ignore: [claims]
# exclude: ["drafts/"]
"""


def starter(pack: str) -> str:
    return STARTER.format(pack=pack)
