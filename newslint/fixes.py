"""Applying fixes: deterministic, idempotent, and never touching text outside a fix.

Writing a fixed file keeps it as it was in every other way (``write_fixed``):
its bytes change and nothing else does, or it is not written and one line
says why.
"""

from __future__ import annotations

import difflib
import errno
import os
import stat
from collections.abc import Callable, Iterable

from newslint.files import NotWritten, os_problem, remove_quietly, remove_stale_temporaries, temporary_beside
from newslint.model import Diagnostic
from newslint.paths import relative_path
from newslint.safetext import shown

#: Fixing can expose new fixable text (a fixed quote changes the style count);
#: a few rounds reach the fixed point, and a cap guards against rules that fight.
MAX_ROUNDS = 8


def choose_fixes(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> list[Diagnostic]:
    """The fixes to apply, in order, none overlapping another.

    Overlaps are resolved the same way every time: the fix that starts first
    wins, then the shorter span, then the rule ID in alphabetical order.
    """
    candidates = sorted(
        (d for d in diagnostics if d.fix is not None and (unsafe or d.fix.safe)),
        key=lambda d: (d.start, d.end - d.start, d.rule, d.fix.replacement if d.fix else ""),
    )
    chosen: list[Diagnostic] = []
    for diagnostic in candidates:
        if not chosen or diagnostic.start >= chosen[-1].end:
            chosen.append(diagnostic)
    return chosen


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> str:
    """``text`` with every chosen fix applied and nothing else changed."""
    pieces, cursor = [], 0
    for diagnostic in choose_fixes(diagnostics, unsafe=unsafe):
        pieces.append(text[cursor : diagnostic.start])
        pieces.append(diagnostic.fix.replacement if diagnostic.fix else "")
        cursor = diagnostic.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def fix_until_stable(
    text: str,
    lint: Callable[[str], list[Diagnostic]],
    *,
    unsafe: bool = False,
    applied: list[Diagnostic] | None = None,
) -> str:
    """``text`` with fixes applied round after round until nothing changes;
    ``applied`` collects the findings whose fixes went in (for "N fixed")."""
    for _ in range(MAX_ROUNDS):
        chosen = choose_fixes(lint(text), unsafe=unsafe)
        fixed = apply_fixes(text, chosen, unsafe=unsafe)
        if fixed == text:
            break
        if applied is not None:
            applied.extend(chosen)
        text = fixed
    return text


#: What a unified diff says after a line that has no line break (GNU diff, git).
NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of ``before`` to ``after`` that ``git apply`` and
    ``patch -p1`` take: lines split at line feeds only (a form feed or a
    Unicode line separator is text to them), and a last line without a line
    break marked as diff marks it."""
    name = shown(relative_path(path))  # a name with a line break must not forge diff lines
    end = "\t" if " " in name else ""  # as git writes it, so that patch reads a name with spaces whole
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{name}{end}", f"b/{name}{end}"):
        out.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """``text`` as lines that keep their line feed (the last may have none)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def write_fixed(
    path: str, before: bytes, after: bytes, *, read_only: bool = False, cleaned: set[str] | None = None
) -> None:
    """Replace the file ``path`` read as ``before`` with ``after``, keeping
    everything else about it; NotWritten when that cannot be done safely.

    - A symlink is written through to its target, unless the target lies
      outside both the current folder and the link's own folder.
    - A read-only file is refused unless ``read_only``.
    - The new text goes to a temporary file in the same folder first, flushed
      to disk, with the file's mode, owner, group and extended attributes:
      a full disk fails there, with the file untouched. The temporary file
      then replaces the file in one rename, so readers see the old file or
      the new one. A file with other hard links, or whose owner or attributes
      this user cannot give a new file, is instead overwritten in place from
      that copy (its inode, and with it the links, owner and attributes,
      stay).
    - Just before that, the file must still hold ``before``: a reporter who
      saved the file meanwhile would otherwise lose that change.

    ``cleaned`` collects the folders where temporary files left by killed
    runs have been removed, so each is looked at once per run.
    """
    target = _target(path)
    folder = os.path.dirname(target)
    if cleaned is None or folder not in cleaned:
        remove_stale_temporaries(folder)
        if cleaned is not None:
            cleaned.add(folder)
    try:
        status = os.stat(target)
        if _read_only_file_system(folder):
            raise NotWritten(f"{path}: not fixed: the file system is read-only")
        if not read_only and not status.st_mode & 0o222:
            mode = f"{stat.S_IMODE(status.st_mode):04o}"
            raise NotWritten(f"{path}: read-only file (mode {mode}), not fixed (--fix-read-only fixes it anyway)")
        if not read_only and not os.access(target, os.W_OK):
            raise NotWritten(f"{path}: not fixed: no permission to write it (another user's, or immutable?)")
        _replace(path, target, status, before, after)
    except OSError as error:
        raise NotWritten(f"{path}: not fixed: {_write_problem(error)}") from None


def _target(path: str) -> str:
    """The file to write for ``path``: itself, or the file its symlink points to."""
    target = os.path.realpath(path)
    folder = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    if os.path.dirname(target) == folder or _inside(target, os.path.realpath(os.getcwd())):
        return target
    raise NotWritten(f"{path}: a symlink to {target}, outside this folder: not fixed (fix the file itself)")


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _read_only_file_system(folder: str) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _write_problem(error: OSError) -> str:
    if error.errno == errno.EROFS:
        return "the file system is read-only"
    if error.errno == errno.ENOSPC:
        return "no space left on the device"
    if error.errno == errno.EPERM:
        return "operation not permitted (an immutable or append-only file?)"
    return os_problem(error)


def _replace(path: str, target: str, status: os.stat_result, before: bytes, after: bytes) -> None:
    descriptor, temporary = temporary_beside(target)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(after)
            stream.flush()
            kept = _keep_attributes(stream.fileno(), target, status)
            os.fsync(stream.fileno())
        if not _unchanged(target, status, before):
            raise NotWritten(f"{path}: changed by another program while it was being fixed: not fixed (run again)")
        if kept and status.st_nlink == 1:
            os.replace(temporary, target)
            _sync_folder(target)
        else:
            _overwrite(target, before, after)
    finally:
        remove_quietly(temporary)


def _keep_attributes(descriptor: int, target: str, status: os.stat_result) -> bool:
    """Give the new file the old one's owner, group, extended attributes and
    mode; False when this user cannot (the file is then written in place)."""
    kept = True
    try:
        made = os.fstat(descriptor)
        if (made.st_uid, made.st_gid) != (status.st_uid, status.st_gid):
            os.fchown(descriptor, status.st_uid, status.st_gid)
        for name in _xattr_names(target):
            os.setxattr(descriptor, name, os.getxattr(target, name))
    except OSError:
        kept = False
    os.fchmod(descriptor, stat.S_IMODE(status.st_mode))  # after the chown, which clears set-ID bits
    return kept


def _xattr_names(target: str) -> list[str]:
    if not hasattr(os, "listxattr"):
        return []
    try:
        return os.listxattr(target)
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return []
        raise


def _unchanged(target: str, status: os.stat_result, before: bytes) -> bool:
    """Whether ``target`` is still the file that was read, holding ``before``."""
    now = os.stat(target)
    if (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns) != (
        status.st_ino,
        status.st_dev,
        status.st_size,
        status.st_mtime_ns,
    ) or now.st_size != len(before):
        return False
    with open(target, "rb") as handle:
        return handle.read(len(before) + 1) == before


def _overwrite(target: str, before: bytes, after: bytes) -> None:
    """Write ``after`` over ``target`` in place (its inode stays); on failure,
    put ``before`` back. The space is reserved first where the system can."""
    descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        if hasattr(os, "posix_fallocate") and len(after) > len(before):
            try:
                os.posix_fallocate(descriptor, 0, len(after))
            except OSError as error:
                if error.errno not in (errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
                    raise
        try:
            _write_at_start(descriptor, after)
        except OSError:
            _write_at_start(descriptor, before)
            raise
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_at_start(descriptor: int, data: bytes) -> None:
    written = 0
    while written < len(data):
        written += os.pwrite(descriptor, data[written:], written)
    os.ftruncate(descriptor, len(data))


def _sync_folder(target: str) -> None:
    """Make the rename itself survive a power cut (where folders can be synced)."""
    try:
        descriptor = os.open(os.path.dirname(target), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
