"""Where writers write: newslint as a long-lived process.

``lsp``: ``newslint server``, a Language Server over stdio for editors.
``service``: ``newslint serve``, an HTTP checking service (and the browser
page at ``/``) for CMSs and newsroom tools, built on ``checker`` (requests
validated and checked, with no web framework in sight).

Each keeps one Linter (per workspace folder in an editor) alive between
checks and calls ``reload()`` when configs or rule files change. Their
dependencies are extras: ``pip install 'newslint[lsp]'`` or ``'newslint[serve]'``.
"""
