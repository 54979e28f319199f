"""Reading and writing files safely: the bottom floor every reader and writer uses.

Reading opens regular files only. A FIFO would block ``open()`` for ever and
a device (``/dev/zero``, reached through a committed symlink) would never end,
so a path is checked before it is opened, opened without blocking, and
checked again on the open descriptor; at most ``limit`` bytes are read.

Writing goes through a temporary file in the target's folder, flushed to
disk, then renamed over the target: a crash, a full disk or ``kill -9``
leaves the old file or the new one, never half of either. A temporary file
is named after the process that made it (``.newslint-<pid>-<random>.tmp``),
so a later run can tell one left by a killed process from one that another
run is still writing, and remove it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time

#: The largest article newslint reads unless told otherwise (``--max-file-size``):
#: fifty times a long live blog, and a bound on the work one file can cause.
DEFAULT_MAX_FILE_SIZE = 5_000_000

TEMPORARY_PREFIX = ".newslint-"
TEMPORARY_SUFFIX = ".tmp"
#: ``.newslint-<pid>-<random>.tmp``; older versions wrote ``.newslint-<random>.tmp``.
_TEMPORARY_RE = re.compile(r"\.newslint-(?:(\d+)-)?[A-Za-z0-9_]+\.tmp")
#: A temporary file without a process number is left alone this long (seconds).
_LEGACY_TEMPORARY_AGE = 3600


class FileProblem(Exception):
    """Why a file cannot be read or written: ``path: problem``, one line."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


class NotWritten(Exception):
    """Why a file was not written: ``path: problem``, one line."""


def describe_size(size: int) -> str:
    """``12.3 MB``, ``800 kB``, ``120 bytes``: sizes as people read them (powers of 1,000)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{size} byte{'s' if size != 1 else ''}"


def parse_size(text: str) -> int:
    """``5000000``, ``500k``, ``20M``, ``1G`` (powers of 1,000) as bytes; ValueError otherwise."""
    cleaned = text.strip().upper().removesuffix("B")
    scale = {"K": 10**3, "M": 10**6, "G": 10**9}.get(cleaned[-1:], 1)
    number = cleaned[:-1] if scale != 1 else cleaned
    value = float(number)
    if not value > 0 or value != value or value == float("inf"):
        raise ValueError(f"not a positive size: {text!r}")
    return int(value * scale)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def os_problem(error: OSError) -> str:
    """An OSError as the few words a person needs, in lower case (``no such file or directory``)."""
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if error.errno == errno.ELOOP:
        return "a symbolic link, not followed here"
    text = (error.strerror or str(error)).rstrip(".")
    return text[:1].lower() + text[1:]


def read_regular(path: str, limit: int | None = None, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    FileProblem for anything else: a missing file, a folder, a FIFO, a
    device, a file over ``limit`` bytes, an OS error; with
    ``follow_symlinks=False``, a symbolic link too.
    """
    try:
        status = os.stat(path, follow_symlinks=follow_symlinks)
        if not stat.S_ISREG(status.st_mode):
            raise FileProblem(path, "a symbolic link" if stat.S_ISLNK(status.st_mode) else _kind(status.st_mode))
        _check_size(path, status.st_size, limit)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        flags |= getattr(os, "O_CLOEXEC", 0) | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
        descriptor = os.open(path, flags)
        try:
            opened = os.fstat(descriptor)  # the path may have been swapped since the stat
            if not stat.S_ISREG(opened.st_mode):
                raise FileProblem(path, _kind(opened.st_mode))
            _check_size(path, opened.st_size, limit)
            return _read_all(path, descriptor, limit)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise FileProblem(path, os_problem(error)) from None


def _check_size(path: str, size: int, limit: int | None) -> None:
    if limit is not None and size > limit:
        raise FileProblem(
            path, f"{describe_size(size)}, over the {describe_size(limit)} limit (--max-file-size raises it)"
        )


def _read_all(path: str, descriptor: int, limit: int | None) -> bytes:
    """Read to the end, but never more than ``limit`` bytes: a file that grows
    while it is read (a log) is refused like one that was too large."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(descriptor, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        _check_size(path, total, limit)


# -- writing --------------------------------------------------------------------------


def temporary_beside(path: str) -> tuple[int, str]:
    """A new, empty temporary file in ``path``'s folder (descriptor, name), readable by its owner only."""
    import tempfile  # with shutil and random, ~3 ms that a run writing nothing need not pay

    folder = os.path.dirname(os.path.abspath(path))
    return tempfile.mkstemp(prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-", suffix=TEMPORARY_SUFFIX, dir=folder)


def remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_atomically(
    path: str, data: bytes, *, durable: bool = True, mode: int | None = None, follow_symlinks: bool = True
) -> None:
    """Make ``path`` hold ``data``, all or nothing: through a temporary file in
    its folder and a rename. A symlink is written through to its target
    (with ``follow_symlinks=False`` it is replaced by the file). The file gets
    ``mode``, else the mode of the file it replaces, else the mode a new file
    gets (the umask applied). ``durable``: flushed to disk first (files
    people keep; a cache entry that a crash damages is only a miss).

    OSError on failure, with nothing left behind.
    """
    target = os.path.realpath(path) if follow_symlinks else os.path.abspath(path)
    if mode is None:
        try:
            mode = stat.S_IMODE(os.stat(target, follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
    descriptor, temporary = temporary_beside(target)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            if durable:
                os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        remove_quietly(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_stale_temporaries(folder: str) -> list[str]:
    """Remove the temporary files in ``folder`` that newslint processes left
    when they were killed (their process is gone); the names removed."""
    removed: list[str] = []
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return removed
    for name in names:
        match = _TEMPORARY_RE.fullmatch(name)
        if match is None:
            continue
        full = os.path.join(folder, name)
        try:
            status = os.lstat(full)
            if not stat.S_ISREG(status.st_mode):
                continue
            pid = match.group(1)
            if pid is None and time.time() - status.st_mtime < _LEGACY_TEMPORARY_AGE:
                continue
            if pid is not None and _alive(int(pid)):
                continue
            os.unlink(full)
            removed.append(full)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or no such number: leave it alone
    return True
