"""Keep pyproj's per-thread PROJ contexts alive for as long as their OS threads, inside QGIS.

pyproj 3.7.0–3.7.2 gives every thread its own PROJ context and keeps track of it twice: the
raw pointer in the OS thread's C thread-specific storage (TSS), and the object that frees it
in a ``threading.local``. Those two live for different spans. QGIS runs QgsTasks and
Processing algorithms on pooled QThreads, which Python did not create: each call into Python
from such a thread gets a fresh Python thread state, deleted when the call returns, and with
it the ``threading.local``, whose object then frees the context while TSS still points at it.
The next JWJT task on the same pooled thread hands that freed context to PROJ and QGIS dies
with SIGSEGV (pyproj issue 1509; fixed in 3.8, which Debian 13 does not ship).

The cure is to make the two lifetimes agree: :func:`keep_proj_contexts` swaps pyproj's
``threading.local`` for a store keyed by the OS thread id, the key TSS itself uses. A
context is then freed only when a new thread with the same id replaces it, never while TSS
of a live thread still holds it. The cost is one PROJ context per pool thread, which is
what pyproj means to spend anyway. It is done once, when QGIS loads the plugin, so every
worker thread is covered (tasks, Toolbox runs, the modeler, qgis_process), not only the
entry points someone remembered to guard.

Only the affected releases are touched; their ``_context`` module is the same in all three
(``_CONTEXT_MANAGER_LOCAL.context_manager`` is the one attribute pyproj reads and writes).
"""
from __future__ import annotations

import threading
from typing import Any, Dict, List

#: pyproj releases with the split lifetime (3.7.0, 3.7.1, 3.7.2).
AFFECTED = ((3, 7, 0), (3, 8, 0))

_installed = False
#: The replaced threading.local, kept so that contexts of threads Python did create (and
#: whose thread state outlives every call) are not freed by the swap itself.
_replaced: List[Any] = []


class OsThreadContexts:
    """Stand-in for pyproj's ``ContextManagerLocal``: the same ``context_manager``
    attribute, held per OS thread (``threading.get_native_id``) instead of per Python
    thread state."""

    def __init__(self) -> None:
        object.__setattr__(self, "_by_thread", {})
        object.__setattr__(self, "_lock", threading.Lock())

    @property
    def by_thread(self) -> Dict[int, Any]:
        return self._by_thread

    def __getattr__(self, name: str) -> Any:
        if name != "context_manager":
            raise AttributeError(name)
        return self._by_thread.get(threading.get_native_id())

    def __setattr__(self, name: str, value: Any) -> None:
        if name != "context_manager":
            raise AttributeError(name)
        with self._lock:
            self._by_thread[threading.get_native_id()] = value


def _version(text: str):
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts + [0] * (3 - len(parts)))


def is_affected(version: str) -> bool:
    low, high = AFFECTED
    return low <= _version(version) < high


def keep_proj_contexts() -> bool:
    """Apply the cure if this pyproj needs it; True when it was applied (now or before).
    Safe to call more than once and from any thread; a pyproj that is missing, unaffected
    or shaped differently is left alone."""
    global _installed
    if _installed:
        return True
    try:
        import pyproj
        from pyproj import _context
    except Exception:  # no pyproj: the dependency check reports it
        return False
    if not is_affected(getattr(pyproj, "__version__", "")):
        return False
    old = getattr(_context, "_CONTEXT_MANAGER_LOCAL", None)
    if old is None or not hasattr(_context, "get_context_manager"):
        return False
    store = OsThreadContexts()
    # This thread's context (if pyproj made one already) moves over, so TSS and the store
    # agree from the first call on.
    current = getattr(old, "context_manager", None)
    if current is not None:
        store.context_manager = current
    _replaced.append(old)
    _context._CONTEXT_MANAGER_LOCAL = store
    _installed = True
    return True
