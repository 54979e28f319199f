"""``newslint serve``: the HTTP checking service, on Starlette and uvicorn.

Routes: ``POST /v1/check``, ``POST /v1/fix``, ``GET /v1/rules``,
``GET /v1/packs``, ``GET /healthz``, ``GET /openapi.json``, and the browser
page at ``/`` (plain HTML, CSS and a script shipped in the package: no build
step, nothing fetched from elsewhere).

Limits, each answered with a JSON error the client can act on while the
server goes on serving: the body's size (413), the time a check may take
(503 ``timeout``), how many checks may wait (503 ``busy``), the bearer token
when one is set (401). Checks run one at a time on a thread of their own in
each worker process (a check is CPU work: more threads would only queue on
the interpreter lock), so the event loop keeps answering while one runs;
``--workers`` adds processes. It binds to 127.0.0.1 unless told otherwise,
and answers browsers from other origins only when they are on the CORS list.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newslint import __version__
from newslint.config import ConfigError
from newslint.server import openapi
from newslint.server.checker import ApiError, Checker, parse_request
from newslint.yamlfile import YamlError

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
SETTINGS_ENV = "NEWSLINT_SERVE_SETTINGS"  # how worker processes get their settings
TOKEN_ENV = "NEWSLINT_SERVE_TOKEN"
#: Seconds between looks at the config and rule files for changes.
RELOAD_INTERVAL = 1.0
# The page loads only its own files and talks only to this server.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
    (b"referrer-policy", b"no-referrer"),
]
logger = logging.getLogger("newslint.serve")
T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    config: str | None = None  # the server's own config; None: discovered from the working folder
    packs: tuple[str, ...] = ()  # house pack folders a request may choose by name
    max_body: int = 1_000_000  # bytes
    timeout: float = 5.0  # seconds a check may take
    max_pending: int = 16  # checks running or waiting, per worker process
    token: str | None = None
    cors_origins: tuple[str, ...] = field(default_factory=tuple)


class Service:
    """The routes' state: the Checker, its one thread, and the count of checks in hand."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.checker = Checker(settings.config, settings.packs)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
        self.pending = 0
        self._snapshot = self.checker.snapshot()
        self._looked = time.monotonic()

    def refresh(self) -> None:
        """Reload the rules when the config or a rule file or pack changed
        (looking at most once a second). A change that breaks them is logged
        and the last good rules go on serving, rather than every request failing."""
        now = time.monotonic()
        if now - self._looked < RELOAD_INTERVAL:
            return
        self._looked = now
        snapshot = self.checker.snapshot()
        if snapshot == self._snapshot:
            return
        self._snapshot = snapshot
        try:
            checker = Checker(self.settings.config, self.settings.packs)
        except (ConfigError, YamlError) as error:
            logger.error("rules changed but cannot be loaded, still serving the last good ones: %s", error)
            return
        self.checker = checker
        self._snapshot = checker.snapshot()
        logger.info("rules changed: reloaded")

    async def run(self, work: Callable[[], T]) -> T:
        """``work()`` on the check thread, within the time limit.

        A check past its time cannot be stopped mid-regex; it runs on, counted
        as pending, while the client gets its answer. Rules come only from the
        server and bodies are bounded, so it does end.
        """
        if self.pending >= self.settings.max_pending:
            raise ApiError(503, "busy", f"{self.pending} checks are waiting; try again in a moment")
        self.pending += 1

        def job() -> T:
            self.refresh()  # here, on the check thread: the Checker is never used by two threads
            return work()

        future = asyncio.get_running_loop().run_in_executor(self.executor, job)
        future.add_done_callback(self._done)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.settings.timeout)
        except asyncio.TimeoutError:
            limit = f"{self.settings.timeout:g}"
            raise ApiError(503, "timeout", f"the check took longer than {limit} s; send a shorter text") from None

    def _done(self, _: Any) -> None:
        self.pending -= 1

    # -- requests ------------------------------------------------------------------

    def authorize(self, request: Request) -> None:
        token = self.settings.token
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError(401, "unauthorized", "send the token as 'Authorization: Bearer <token>'")

    async def body(self, request: Request) -> Any:
        """The request's JSON, read no further than the size limit."""
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            raise ApiError(415, "unsupported_media_type", "send the body as JSON, with Content-Type: application/json")
        limit = self.settings.max_body
        too_large = ApiError(413, "too_large", f"the body is over {limit:,} bytes; send a shorter text")
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise too_large
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise too_large
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as error:
            raise ApiError(400, "bad_json", f"the body is not valid JSON: {error}") from None


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    service = Service(settings)

    def guarded(handler: Callable[[Request], Awaitable[Any]]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            service.authorize(request)
            return JSONResponse(await handler(request))

        return endpoint

    async def check(request: Request) -> Any:
        checking = parse_request(await service.body(request))
        return await service.run(lambda: service.checker.check(checking))

    async def fix(request: Request) -> Any:
        fixing = parse_request(await service.body(request), fixing=True)
        return await service.run(lambda: service.checker.fix(fixing))

    async def rules(request: Request) -> Any:
        pack = request.query_params.get("pack")
        return await service.run(lambda: service.checker.rules(pack))

    async def packs(request: Request) -> Any:
        return service.checker.pack_list()

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__})

    async def describe(request: Request) -> Response:
        return JSONResponse(openapi.description())

    async def page(request: Request) -> Response:
        return FileResponse(os.path.join(STATIC, "index.html"), media_type="text/html; charset=utf-8")

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/favicon.ico", no_icon, methods=["GET"]),
        Route("/healthz", health, methods=["GET"]),
        Route("/openapi.json", describe, methods=["GET"]),
        Route("/v1/check", guarded(check), methods=["POST"]),
        Route("/v1/fix", guarded(fix), methods=["POST"]),
        Route("/v1/rules", guarded(rules), methods=["GET"]),
        Route("/v1/packs", guarded(packs), methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
                max_age=600,
            )
        )
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={ApiError: api_error, HTTPException: http_error, Exception: internal_error},
    )
    app.state.service = service
    return app


async def api_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    headers = (
        {"WWW-Authenticate": "Bearer"}
        if error.status == 401
        else {"Retry-After": "1"}
        if error.code == "busy"
        else None
    )
    return JSONResponse(error.to_dict(), status_code=error.status, headers=headers)


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "invalid_request")
    message = f"{request.method} {request.url.path}: {error.detail}" + (
        " (see /openapi.json)" if error.status_code in (404, 405) else ""
    )
    return JSONResponse(
        {"error": {"code": code, "message": message}}, status_code=error.status_code, headers=error.headers
    )


async def internal_error(request: Request, error: Exception) -> Response:
    logger.exception("while answering %s %s", request.method, request.url.path, exc_info=error)
    return JSONResponse(
        {"error": {"code": "internal", "message": "the server failed to check this text"}}, status_code=500
    )


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response (pure ASGI: no body buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def app_from_environment() -> Starlette:
    """The app of a worker process (``--workers`` > 1): settings come in the environment."""
    data = json.loads(os.environ.get(SETTINGS_ENV, "{}"))
    for key in ("packs", "cors_origins"):
        data[key] = tuple(data.get(key, ()))
    return create_app(Settings(**data))


def serve(
    settings: Settings, host: str = "127.0.0.1", port: int = 8750, workers: int = 1, access_log: bool = False
) -> None:
    """Run the service under uvicorn until interrupted."""
    import uvicorn

    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "access_log": access_log,
        "server_header": False,
        "log_level": "info",
    }
    if workers == 1:
        uvicorn.run(create_app(settings), **options)
        return
    Checker(settings.config, settings.packs)  # fail here, once, on a broken config or pack
    os.environ[SETTINGS_ENV] = json.dumps(asdict(settings))
    uvicorn.run("newslint.server.service:app_from_environment", factory=True, workers=workers, **options)
