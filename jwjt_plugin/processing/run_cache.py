"""Objects an algorithm hands to the dock that ran it, beside its Processing outputs.

Processing outputs are strings, numbers and layers; the synergy dock also needs the analysis
itself (its instant re-flag recomputes flags from the cached overlay in milliseconds). An
algorithm run with ``KEEP=True`` stores such objects here under a fresh key, returned as an
output; the dock takes them out once. Runs without the flag (the Toolbox, scripts) store nothing.
"""
from __future__ import annotations

import threading
import uuid
from typing import Any, Dict

_LOCK = threading.Lock()
_STORE: Dict[str, Any] = {}
#: at most this many unclaimed entries are kept (a dock closed mid-run never claims its own)
_LIMIT = 8


def keep(value: Any) -> str:
    key = uuid.uuid4().hex
    with _LOCK:
        while len(_STORE) >= _LIMIT:
            _STORE.pop(next(iter(_STORE)))
        _STORE[key] = value
    return key


def take(key: str) -> Any:
    with _LOCK:
        return _STORE.pop(key, None) if key else None
