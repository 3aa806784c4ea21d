"""The plugin's docks, in menu order: what each action says and shows, and how the dock is made.

``plugin.py`` builds one action per entry and creates a dock the first time its action asks for
it; ``unload()`` shuts every created dock down. A new dock is one factory and one entry here.
Factories import their dock lazily: nothing heavy is imported before the dependency check.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Tuple

from qgis.PyQt.QtCore import Qt

from ..adapters.i18n import tr
from ..paths import icon_path
from .session import Session

#: ``factory(iface, session, parent) -> dock``; the dock has ``shutdown()``.
DockFactory = Callable[[object, Session, object], object]


@dataclass(frozen=True)
class DockEntry:
    name: str                      # the plugin attribute holding the dock (``plugin.dock``, …)
    text: str                      # menu and toolbar text, translated
    factory: DockFactory
    icon: Optional[str] = None
    checkable: bool = False        # the action is checked while the dock is visible
    toolbar: bool = False
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    #: the plugin method the action calls instead of toggling the dock (the editor's action
    #: switches on the unit tool, whose check state follows the map tool)
    activate: Optional[str] = None


def _synergy(iface, session, parent):
    from .synergy_dock import SynergyDock

    return SynergyDock(iface, parent, session=session)


def _checks(iface, session, parent):
    from .checks_dock import ChecksDock

    return ChecksDock(iface, parent)


def _editor(iface, session, parent):
    from .access_editor_dock import AccessEditorDock

    return AccessEditorDock(iface, session.change_logger, parent=parent, session=session)


def _assessment(iface, session, parent):
    from .assessment_dock import AssessmentDock

    return AssessmentDock(iface, parent)


def _delineation(iface, session, parent):
    from .delineation_dock import DelineationDock

    return DelineationDock(iface, session, parent)


def _park(iface, session, parent):
    from .park_dock import ParkDock

    return ParkDock(iface, parent, session=session)


def dock_entries() -> Tuple[DockEntry, ...]:
    """The entries, with their texts translated now (after the plugin installed its translator)."""
    return (
        DockEntry("dock", tr("Synergy analysis panel"), _synergy, icon_path(), checkable=True, toolbar=True),
        DockEntry("checks_dock", tr("Checks and access query panel"), _checks, icon_path("checks.svg"),
                  checkable=True, toolbar=True),
        DockEntry("editor", tr("Edit access list (click a unit)"), _editor, icon_path("editor.svg"),
                  checkable=True, toolbar=True, activate="activate_unit_tool"),
        DockEntry("assessment_dock", tr("Baseline and synergy assessment panel"), _assessment),
        DockEntry("delineation_dock", tr("Unit delineation panel"), _delineation),
        DockEntry("park_dock", tr("Industrial park carbon assessment panel"), _park),
    )
