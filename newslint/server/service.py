"""``newslint serve``: the HTTP checking service, on Starlette and uvicorn.

Routes: ``POST /v1/check``, ``POST /v1/fix``, ``GET /v1/rules``,
``GET /v1/packs``, ``GET /healthz``, ``GET /openapi.json``, and the browser
page at ``/`` (plain HTML, CSS and a script shipped in the package: no build
step, nothing fetched from elsewhere).

Limits, each answered with a JSON error the client can act on while the
server goes on serving: the body's size (413), the time a check may take
(503 ``timeout``), how many checks may wait (503 ``busy``), the bearer token
when one is set (401). Each worker process hands its checks, one at a time,
to a child process of its own (``worker``), which is killed when a check
runs past the time limit; the event loop never runs a check, so it keeps
answering while one runs. ``--workers`` adds processes. It binds to
127.0.0.1 unless told otherwise, and answers browsers from other origins
only when they are on the CORS list.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newslint.server import openapi
from newslint.server.checker import ApiError, Checker, parse_request
from newslint.server.worker import CheckWorker, WorkerLost
from newslint.version import __version__

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
SETTINGS_ENV = "NEWSLINT_SERVE_SETTINGS"  # how worker processes get their settings
TOKEN_ENV = "NEWSLINT_SERVE_TOKEN"
# The page loads only its own files and talks only to this server.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
    (b"referrer-policy", b"no-referrer"),
]
logger = logging.getLogger("newslint.serve")


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
    """The routes' state: a Checker for what the routes describe, the child
    process that checks (see ``worker``), the thread that talks to it, and the
    count of checks in hand."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.checker = Checker(settings.config, settings.packs)  # fails here, once, on a broken config
        self.worker = CheckWorker(settings.config, settings.packs)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-check")
        self.pending = 0

    async def run(self, method: str, argument: Any) -> bytes:
        """``Checker.<method>(argument)`` in the child process, as JSON, within the time limit.

        Checks run one at a time; past ``max_pending`` in hand, a request is
        told to come back. The time limit counts from when the check starts
        (waiting in line is bounded by ``max_pending``); a check past it is
        stopped (its process killed, the next check starts another) and its
        client told so.
        """
        if self.pending >= self.settings.max_pending:
            raise ApiError(503, "busy", f"{self.pending} checks are waiting; try again in a moment")
        self.pending += 1
        loop = asyncio.get_running_loop()
        started = asyncio.Event()
        call = object()  # which call a timeout may stop

        def job() -> bytes:
            self.worker.ensure_started()
            loop.call_soon_threadsafe(started.set)
            return self.worker.call(method, argument, call)

        future = loop.run_in_executor(self.executor, job)
        future.add_done_callback(self._done)
        waiting = asyncio.ensure_future(started.wait())
        first: set[asyncio.Future[Any]] = {future, waiting}
        await asyncio.wait(first, return_when=asyncio.FIRST_COMPLETED)
        waiting.cancel()
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.settings.timeout)
        except asyncio.TimeoutError:
            self.worker.kill(call)
            limit = f"{self.settings.timeout:g}"
            raise ApiError(503, "timeout", f"the check took longer than {limit} s; send a shorter text") from None
        except WorkerLost:
            raise ApiError(503, "timeout", "the check was stopped; try again") from None

    def _done(self, future: asyncio.Future[bytes]) -> None:
        self.pending -= 1
        if not future.cancelled():
            future.exception()  # seen: a stopped check's WorkerLost is no "exception never retrieved"

    def close(self) -> None:
        self.worker.stop()
        self.executor.shutdown(wait=False, cancel_futures=True)

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
            answer = await handler(request)
            if isinstance(answer, bytes):  # JSON already, from the checking process
                return Response(answer, media_type="application/json")
            return JSONResponse(answer)

        return endpoint

    async def check(request: Request) -> Any:
        checking = parse_request(await service.body(request))
        return await service.run("check", checking)

    async def fix(request: Request) -> Any:
        fixing = parse_request(await service.body(request), fixing=True)
        return await service.run("fix", fixing)

    async def rules(request: Request) -> Any:
        pack = request.query_params.get("pack")
        return await service.run("rules", pack)

    async def packs(request: Request) -> Any:
        return service.checker.pack_list()

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__})

    choices = service.checker.pack_list()
    described = openapi.description([pack["name"] for pack in choices["packs"]], choices["formats"])

    async def describe(request: Request) -> Response:
        return JSONResponse(described)

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

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await asyncio.get_running_loop().run_in_executor(service.executor, service.worker.ensure_started)
        try:
            yield
        finally:
            service.close()

    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
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
