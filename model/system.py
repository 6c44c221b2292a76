"""What the operating system offers, asked in one place, so every layer runs on Windows, macOS and
Linux (统信 UOS, 麒麟) alike.

* Worker processes are started with ``spawn`` everywhere (the only method Windows has): each
  worker imports what it needs. ``PUFA_START_METHOD=fork`` (where the system has it) is kept for
  measuring the difference only.
* A memory cap per worker where the system offers one (``resource.RLIMIT_AS`` on Linux and the
  other POSIX systems that honour it); on Windows none is set (a Job Object would be the way;
  the per-file deadline, kept by the parent, still stops a runaway file).
* A process and everything it started is killed without ``os.killpg`` when that is missing:
  ``taskkill /T`` on Windows, the process's descendants (``ps``) elsewhere.
* ``PUFA_PORTABLE=1`` makes this machine behave like Windows for the code above it: ``spawn`` is
  forced, the ``fork`` and ``forkserver`` start methods, ``signal.SIGALRM``/``setitimer``/``alarm``,
  ``os.fork``/``killpg``/``getpgid``/``setsid`` and the ``resource`` module are hidden (in this
  process and, through the environment, in every worker), so code that would break on Windows
  breaks here, in CI.
"""
from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import subprocess

WINDOWS = os.name == "nt"
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"  # the command line's, in workers too
PORTABLE = os.environ.get("PUFA_PORTABLE", "").strip() not in ("", "0")

_HIDDEN_SIGNAL = ("SIGALRM", "setitimer", "getitimer", "ITIMER_REAL", "alarm", "pause", "siginterrupt")
_HIDDEN_OS = ("fork", "forkpty", "killpg", "getpgid", "setsid", "setpgrp", "getpgrp")


def hide_posix_facilities() -> None:
    """Remove what Windows does not have from this interpreter (``PUFA_PORTABLE=1``)."""
    import multiprocessing
    from multiprocessing import context

    for name in _HIDDEN_SIGNAL:
        if hasattr(signal, name):
            delattr(signal, name)
    for name in _HIDDEN_OS:
        if hasattr(os, name):
            delattr(os, name)
    sys.modules["resource"] = None  # type: ignore[assignment] - `import resource` now fails
    for method in ("fork", "forkserver"):
        context._concrete_contexts.pop(method, None)  # get_context("fork") now fails, as on Windows
    multiprocessing.set_start_method("spawn", force=True)


if PORTABLE:
    hide_posix_facilities()


def start_method() -> str:
    """``spawn``, unless ``PUFA_START_METHOD`` names another method this system offers."""
    import multiprocessing

    wanted = os.environ.get("PUFA_START_METHOD", "").strip() or "spawn"
    return wanted if wanted in multiprocessing.get_all_start_methods() else "spawn"


def mp_context() -> Any:
    """The multiprocessing context every pool of the project starts its workers with."""
    import multiprocessing

    return multiprocessing.get_context(start_method())


def cap_memory(limit: int) -> bool:
    """Cap this process's address space at ``limit`` bytes where the system offers it; whether it did."""
    try:
        import resource
    except ImportError:  # Windows (or PUFA_PORTABLE): no cap, the deadline still holds
        return False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError, AttributeError):  # macOS refuses RLIMIT_AS
        return False
    return True


def memory_cap_available() -> bool:
    try:
        import resource
    except ImportError:
        return False
    return hasattr(resource, "RLIMIT_AS") and sys.platform != "darwin"


def killed_for_memory(exitcode: int | None) -> bool:
    """Whether a worker's exit code says the system killed it (the out-of-memory killer's SIGKILL)."""
    sigkill = getattr(signal, "SIGKILL", None)
    return sigkill is not None and exitcode == -sigkill


def new_group_kwargs() -> dict[str, Any]:
    """``subprocess.Popen`` arguments that let ``kill_tree`` find everything the child starts."""
    import subprocess

    if WINDOWS:
        return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    return {"start_new_session": hasattr(os, "killpg")}


def kill_tree(proc: subprocess.Popen) -> None:
    """Kill ``proc`` and every process it started (LibreOffice's launcher starts soffice.bin)."""
    import subprocess

    if WINDOWS:
        if proc.poll() is None:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elif hasattr(os, "killpg"):
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the session Popen started: children included
        except (ProcessLookupError, PermissionError):
            pass
    elif proc.poll() is None:  # still running, so its pid is still its own
        for pid in descendants(proc.pid):
            _kill_pid(pid)
    try:
        proc.kill()
    except (ProcessLookupError, OSError):
        pass


def descendants(pid: int) -> list[int]:
    """The processes below ``pid`` (children first), from ``ps``; [] when it cannot be asked."""
    import subprocess

    try:
        out = subprocess.run(["ps", "-A", "-o", "pid=,ppid="], capture_output=True, text=True, check=True,
                             timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    children: dict[int, list[int]] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
            children.setdefault(int(parts[1]), []).append(int(parts[0]))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.append(child)
                todo.append(child)
    return found


def _kill_pid(pid: int) -> None:
    try:
        os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    except (ProcessLookupError, PermissionError, OSError):
        pass


def windows_paths() -> bool:
    """Whether paths are shown the Windows way (``交通运输局\\报告.docx``): on Windows, or when
    ``PUFA_PATH_STYLE=windows`` (a ledger made on Linux for clerks on Windows); ``posix`` turns it off."""
    style = os.environ.get("PUFA_PATH_STYLE", "").strip().lower()
    return style == "windows" or (style != "posix" and WINDOWS)


def shown_path(rel: str) -> str:
    """An inbox path (``a/b.docx``, an archive member ``a.zip!/b.docx``; records.json keeps these)
    as the clerk knows it in the file manager: ``a\\b.docx``, ``a.zip\\b.docx`` on Windows."""
    if not rel or not windows_paths():
        return rel
    return rel.replace("!/", "\\").replace("/", "\\")


def console_safe(stream: Any) -> None:
    """Make a text stream replace what its encoding cannot show (a GBK/cp936 terminal and 𠮷)
    rather than raise ``UnicodeEncodeError``."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
