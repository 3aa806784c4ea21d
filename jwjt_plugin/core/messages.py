"""User-facing messages raised or collected by the core.

The core imports neither Qt nor QGIS, so it cannot call ``tr()``. Instead every
message template is wrapped in ``QT_TRANSLATE_NOOP`` (a no-op here) so that
``pylupdate5`` still extracts it into i18n/jwjt_zh_CN.ts; the QGIS side
translates the template and only then fills in the parameters.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List

CONTEXT = "JwjtCore"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by pylupdate5
    return text


@dataclass(frozen=True)
class Message:
    """A template plus parameters; ``text`` is the English rendering."""

    template: str
    params: Dict[str, Any] = field(default_factory=dict)
    level: str = "warning"  # "info" | "warning" | "error"

    @property
    def text(self) -> str:
        return render(self.template, self.params)

    def __str__(self) -> str:
        return self.text


def render(template: str, params: Dict[str, Any], translate=None) -> str:
    """The template filled in. A parameter that is itself a Message (or a tuple of them, joined by
    ", ") is rendered first, through ``translate`` when given: sentences built from parts."""
    params = {k: _rendered(v, translate) for k, v in params.items()}
    if translate is not None:
        template = translate(template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translator's typo in a placeholder must never hide the message itself.
        return template + " " + repr(params)


def _rendered(value: Any, translate) -> Any:
    if isinstance(value, Message):
        return render(value.template, value.params, translate)
    if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
        return ", ".join(render(v.template, v.params, translate) for v in value)
    return value


def info(template: str, **params: Any) -> Message:
    return Message(template, params, "info")


class JwjtError(Exception):
    """The root of everything the plugin raises on purpose: a :class:`Message` (an English
    template and its parameters), translated by each front end in one place (Processing's
    ``JwjtAlgorithm.user_exception``, the atlas task, the CLI prints the English)."""

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, params, "error")
        super().__init__(self.message.text)


class JwjtInputError(JwjtError, ValueError):
    """Bad input that stops an analysis. Always names the layer, field or unit."""


@dataclass
class MessageLog:
    """Non-fatal findings collected while an analysis runs (repairs, warnings)."""

    items: List[Message] = field(default_factory=list)

    def add(self, template: str, level: str = "warning", **params: Any) -> None:
        self.items.append(Message(template, params, level))

    def extend(self, other: MessageLog) -> None:
        self.items.extend(other.items)

    def texts(self) -> List[str]:
        return [m.text for m in self.items]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
