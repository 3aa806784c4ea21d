"""Qt6 / QGIS 4 readiness of our Python sources, checked statically.

The plugin must run on QGIS 3.22 (PyQt5) up to QGIS 4 (PyQt6) and trigger none of the
API deprecated by QGIS 3.44. This module parses every ``.py`` file of the plugin, the
tests and the resource scripts (``ast``, nothing is executed) and reports what the QGIS
project's own migration script (``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py`` in qgis/QGIS)
rewrites or warns about, plus the QGIS deprecations that concern us:

* enum members reached through their class (``Qt.AlignLeft``, ``QgsTask.CanCancel``):
  PyQt6 only knows ``Qt.AlignmentFlag.AlignLeft``. Unlike the QGIS script, which ships a
  table of enums, the check asks the installed PyQt/QGIS: a name is an unscoped member when
  ``Class.name`` is an enum member while ``Class`` itself is not an enum type. So it needs
  ``qgis`` importable, but no ``QgsApplication``;
* enum members renamed or removed in Qt6 (``Qt.MidButton``...), ``exec_``, ``print_``,
  ``PyQt5``/``sip`` imports, ``qgis.PyQt.Qt``, ``resources_rc``, classes removed in Qt6
  (``QRegExp``, ``QDesktopWidget``...) or moved from QtWidgets to QtGui (``QAction``...),
  ``qApp``, ``QApplication.desktop()``, ``QFontMetrics.width``, ``activated[str]``,
  the fragile 4-argument ``addAction``, the QDateTime constructors Qt6 dropped,
  ``QVariant()`` as NULL;
* QGIS deprecations: ``QVariant`` field types (QgsField takes ``QMetaType.Type`` since 3.38),
  ``QgsMapLayerProxyModel`` filters (``Qgis.LayerFilter`` since 3.34), and the QFont based
  setters of layout labels, legends, scale bars and tables (``QgsTextFormat`` instead).

The legacy spellings that QGIS 3.22 still needs live in one place,
``jwjt_plugin/adapters/qt_compat.py``, the only file allowed the deprecated QGIS API.
Each finding reads ``path:line:col: [kind] what to do``.
"""
from __future__ import annotations

import ast
import enum
import importlib
import textwrap
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("jwjt_plugin", "tests", "resources", "bench")
COMPAT_MODULE = "jwjt_plugin/adapters/qt_compat.py"
#: kinds the compatibility module may use: the old path for QGIS < 3.34 / 3.38 / 3.40
COMPAT_ALLOWED = frozenset({"qvariant-type", "qgsfield-qvariant", "proxy-filter", "layout-font", "qt6-moved"})

#: modules whose classes are introspected for enum scoping
_QT_PREFIXES = ("qgis.", "PyQt5", "PyQt6")
_QGIS_BINDINGS = ("qgis.core", "qgis.gui", "qgis.analysis", "qgis._3d")

#: (class, member) -> replacement: members Qt6 renamed (from the QGIS script)
RENAMED_ENUMS = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}
#: classes removed from Qt6 -> what to use
REMOVED_CLASSES = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QApplication.primaryScreen() / widget.screen())",
    "QGLWidget": "QOpenGLWidget",
    "QGLFormat": "QSurfaceFormat",
    "QMatrix": "QTransform",
    "QStringRef": "str",
    "QLinkedList": "a Python list",
    "QSound": "QSoundEffect",
    "QString": "str",
    "QStringList": "a list of str",
    "QPyNullVariant": "qgis.core.NULL",
}
#: classes that moved from QtWidgets to QtGui in Qt6
MOVED_TO_QTGUI = frozenset({"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoGroup", "QUndoStack",
                            "QFileSystemModel"})
RENAMED_METHODS = {"exec_": "exec", "print_": "print"}
#: layout items whose QFont setters QGIS deprecated in favour of QgsTextFormat
LAYOUT_TEXT_ITEMS = frozenset({"QgsLayoutItemLabel", "QgsLayoutItemLegend", "QgsLayoutItemScaleBar"})
LAYOUT_FONT_METHODS = frozenset({"setFont", "font", "setFontColor", "fontColor"})
#: method names only the layout items have: deprecated wherever they are called
LAYOUT_ONLY_FONT_METHODS = frozenset({"setStyleFont", "styleFont", "setContentFont", "contentFont",
                                      "setHeaderFont", "headerFont", "setContentFontColor", "contentFontColor",
                                      "setHeaderFontColor", "headerFontColor"})
LEGEND_STYLE_GETTERS = frozenset({"style", "rstyle"})
STRING_SIGNALS = frozenset({"activated", "highlighted", "currentIndexChanged"})


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: [{self.kind}] {self.message}"


def _import_module(name: str):
    try:
        return importlib.import_module(name)
    except Exception:  # noqa: BLE001 - a binding missing here (3d, webkit) only narrows the check
        return None


def _is_enum_type(obj) -> bool:
    return isinstance(obj, type) and (issubclass(obj, enum.Enum) or type(obj).__name__ == "enumtype")


def _is_enum_member(obj) -> bool:
    return isinstance(obj, enum.Enum) or type(type(obj)).__name__ == "enumtype"


def _enum_name(owner, member) -> str:
    """The name under which ``owner`` (or a base of it) holds the enum type of ``member``."""
    for name in dir(owner):
        try:
            if getattr(owner, name) is type(member):
                return name
        except Exception:  # noqa: BLE001 - sip raises on some descriptors
            continue
    return type(member).__name__


def _scoped_name(owner, spelled: List[str], attr: str, member) -> str:
    """``Owner.Enum.member`` as this QGIS spells it: a Python enum moved into ``Qgis`` may know the
    member under its new name only (``QgsRenderContext.TextFormatAlwaysText`` is
    ``Qgis.TextRenderFormat.AlwaysText``)."""
    enum_name = _enum_name(owner, member)
    enum_type = getattr(owner, enum_name, type(member))
    name = attr if getattr(enum_type, attr, None) is member else getattr(member, "name", attr)
    return ".".join(spelled + [enum_name, name])


def _qgis_version() -> str:
    core = _import_module("qgis.core")
    return core.Qgis.QGIS_VERSION if core is not None else "?"


def _chain(node: ast.AST) -> Optional[Tuple[ast.Name, List[str]]]:
    """``a.b.c`` -> (Name a, ["b", "c"]); None when the chain does not start at a name."""
    parts: List[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return node, parts[::-1]


def _is_import_fallback(handler_stack: Sequence[ast.ExceptHandler]) -> bool:
    """Inside ``except ImportError:``: the Qt5 path of a try-the-Qt6-name-first import."""
    for handler in handler_stack:
        names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names):
            return True
    return False


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str, tree: ast.AST):
        self.path = path
        self.findings: List[Finding] = []
        #: local name -> (module, attribute or None for a module)
        self.bindings: Dict[str, Tuple[str, Optional[str]]] = {}
        self._objects: Dict[str, object] = {}
        self._reported: Set[int] = set()
        self._handlers: List[ast.ExceptHandler] = []
        self._typed: List[Dict[str, Set[str]]] = [{}]  # per function: receiver text -> layout classes
        self._metrics: List[Set[str]] = [set()]  # per function: names holding a QFontMetrics
        self._parents: Dict[int, ast.AST] = {}
        for parent in ast.walk(tree):
            for child in ast.iter_child_nodes(parent):
                self._parents[id(child)] = parent
        self._collect_bindings(tree)

    # -- reporting ---------------------------------------------------------------------------
    def report(self, node: ast.AST, kind: str, message: str) -> None:
        if id(node) in self._reported:
            return
        self._reported.add(id(node))
        self.findings.append(Finding(self.path, node.lineno, node.col_offset, kind, message))

    # -- names -------------------------------------------------------------------------------
    def _collect_bindings(self, tree: ast.AST) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    self.bindings[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.bindings[alias.asname] = (alias.name, None)

    def original(self, name: str) -> Optional[str]:
        """The Qt/QGIS name a local name stands for (``QVariant``, ``Qt``...), or None."""
        bound = self.bindings.get(name)
        if bound is None or not bound[0].startswith(_QT_PREFIXES) or bound[1] is None:
            return None
        return bound[1]

    def resolve(self, name: str):
        if name in self._objects:
            return self._objects[name]
        obj = None
        bound = self.bindings.get(name)
        if bound is not None and bound[0].startswith(_QT_PREFIXES):
            module, attr = bound
            mod = _import_module(module)
            if attr is None:
                obj = mod
            elif mod is not None:
                obj = getattr(mod, attr, None)
                if obj is None:
                    obj = _import_module(f"{module}.{attr}")
        self._objects[name] = obj
        return obj

    def _receiver_key(self, node: ast.AST) -> Optional[str]:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return f"{node.value.id}.{node.attr}"
        return None

    def _called_name(self, call: ast.AST) -> Optional[str]:
        """Original Qt/QGIS name of what ``call`` calls (``QgsField(...)``, ``QgsLayoutItemLabel.create(...)``)."""
        if not isinstance(call, ast.Call):
            return None
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "create":
            func = func.value
        if isinstance(func, ast.Name):
            return self.original(func.id)
        if isinstance(func, ast.Attribute):
            return func.attr
        return None

    # -- scopes ------------------------------------------------------------------------------
    def _visit_function(self, node) -> None:
        if node.name in RENAMED_METHODS:
            self.report(node, "exec_", f"def {node.name}(): Qt6 names it {RENAMED_METHODS[node.name]}()")
        typed: Dict[str, Set[str]] = {}
        metrics: Set[str] = set()
        for sub in ast.walk(node):
            if isinstance(sub, ast.Assign) and len(sub.targets) == 1:
                key = self._receiver_key(sub.targets[0])
                called = self._called_name(sub.value)
                if key and called in LAYOUT_TEXT_ITEMS:
                    typed.setdefault(key, set()).add(called)
                if key and called in ("QFontMetrics", "QFontMetricsF", "fontMetrics"):
                    metrics.add(key)
            elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == "isinstance" \
                    and len(sub.args) == 2:
                key = self._receiver_key(sub.args[0])
                classes = sub.args[1].elts if isinstance(sub.args[1], ast.Tuple) else [sub.args[1]]
                for cls in classes:
                    if key and isinstance(cls, ast.Name) and self.original(cls.id) in LAYOUT_TEXT_ITEMS:
                        typed.setdefault(key, set()).add(self.original(cls.id))
        self._typed.append(typed)
        self._metrics.append(metrics)
        self.generic_visit(node)
        self._typed.pop()
        self._metrics.pop()

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_Try(self, node: ast.Try) -> None:
        for stmt in node.body + node.orelse + node.finalbody:
            self.visit(stmt)
        for handler in node.handlers:
            self._handlers.append(handler)
            self.visit(handler)
            self._handlers.pop()

    # -- imports -----------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top in ("PyQt5", "PyQt6", "sip"):
                self.report(node, "pyqt-import", f"import {alias.name}: import from qgis.PyQt instead")
            elif alias.name == "qgis.PyQt.Qt":
                self.report(node, "qt-module", "qgis.PyQt.Qt is gone in Qt6: import from qgis.PyQt.QtCore")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        names = [a.name for a in node.names]
        if module.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
            self.report(node, "pyqt-import", f"from {module} import ...: import from qgis.PyQt instead")
        if module == "qgis.PyQt.Qt":
            self.report(node, "qt-module", "qgis.PyQt.Qt is gone in Qt6: import from qgis.PyQt.QtCore")
        if "resources_rc" in names or module.endswith("resources_rc"):
            self.report(node, "resources-rc", "compiled resources are gone in Qt6: load icons by file path")
        if module.startswith(_QT_PREFIXES) or module == "sip":
            for name in names:
                if name in REMOVED_CLASSES:
                    self.report(node, "qt6-removed", f"{name} is removed in Qt6: use {REMOVED_CLASSES[name]}")
                elif name in MOVED_TO_QTGUI and module.endswith("QtWidgets") \
                        and not _is_import_fallback(self._handlers):
                    self.report(node, "qt6-moved", f"{name} moved to QtGui in Qt6: import it from "
                                                   "jwjt_plugin.adapters.qt_compat")
                elif name == "qApp":
                    self.report(node, "qapp", "qApp is gone in Qt6: use QApplication.instance()")

    # -- names and attributes ----------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        if node.id == "qApp" and isinstance(node.ctx, ast.Load):
            self.report(node, "qapp", "qApp is gone in Qt6: use QApplication.instance()")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in RENAMED_METHODS:
            self.report(node, "exec_", f".{node.attr}: Qt6 names it .{RENAMED_METHODS[node.attr]}")
        parent = self._parents.get(id(node))
        if not (isinstance(parent, ast.Attribute) and parent.value is node):
            self._check_chain(node)
        self.generic_visit(node)

    def _check_chain(self, node: ast.Attribute) -> None:
        chain = _chain(node)
        if chain is None:
            return
        root, parts = chain
        cls_name = self.original(root.id)
        if cls_name is None and not (root.id in self.bindings and self.bindings[root.id][0].startswith(_QT_PREFIXES)):
            return
        if cls_name == "QVariant":
            if parts[0][:1].isupper():
                self.report(node, "qvariant-type", f"QVariant.{'.'.join(parts)}: QVariant types are gone in Qt6 and "
                                                   "deprecated for QgsField since QGIS 3.38: use qt_compat.FieldType")
            return
        if cls_name == "QgsMapLayerProxyModel" and parts[0][:1].isupper():
            self.report(node, "proxy-filter", f"QgsMapLayerProxyModel.{'.'.join(parts)}: deprecated since QGIS 3.34 "
                                              "(Qgis.LayerFilter): use qt_compat.LayerFilter")
            return
        if cls_name in (c for c, _ in RENAMED_ENUMS):
            for (c, member), new in RENAMED_ENUMS.items():
                if c == cls_name and member in parts:
                    self.report(node, "renamed-enum", f"{c}.{member} is removed in Qt6: use {new}")
                    return
        obj = self.resolve(root.id)
        is_module = isinstance(obj, ModuleType) or (cls_name or "Qt").startswith("Qt") and cls_name != "Qt"
        if is_module and parts[0] in REMOVED_CLASSES:  # QtCore.QRegExp
            self.report(node, "qt6-removed", f"{parts[0]} is removed in Qt6: use {REMOVED_CLASSES[parts[0]]}")
            return
        if obj is None:
            return
        spelled = [root.id]
        for attr in parts:
            if attr.startswith("__"):
                return
            try:
                value = getattr(obj, attr)
            except Exception:  # noqa: BLE001 - newer API than the QGIS here (version-guarded), or an instance one
                if _is_enum_type(obj):  # Enum.Member that this QGIS lacks: an AttributeError at run time
                    self.report(node, "unknown-enum", f"{'.'.join(spelled + [attr])} does not exist on QGIS "
                                                      f"{_qgis_version()}")
                return
            if _is_enum_member(value):
                if not _is_enum_type(obj) and not _is_enum_member(obj):
                    self.report(node, "unscoped-enum", f"{'.'.join(spelled + [attr])}: PyQt6 needs the scoped "
                                                       f"name {_scoped_name(obj, spelled, attr, value)}")
                return
            obj = value
            spelled.append(attr)

    # -- calls -------------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        called = self._called_name(node) if isinstance(func, ast.Name) else None
        if called == "QgsField":
            for arg in list(node.args) + [k.value for k in node.keywords]:
                chain = _chain(arg)
                if chain and self.original(chain[0].id) == "QVariant":
                    self.report(arg, "qgsfield-qvariant", "QgsField with a QVariant type is deprecated since "
                                                          "QGIS 3.38 (QMetaType.Type): use qt_compat.FieldType")
        elif called == "QVariant" and not node.args:
            self.report(node, "qvariant-null", "QVariant() as NULL: use qgis.core.NULL")
        elif called == "QDateTime" and (len(node.args) == 8 or (
                len(node.args) == 1 and self._called_name(node.args[0]) == "QDate")):
            self.report(node, "qdatetime", "this QDateTime constructor is gone in Qt6: "
                                           "use QDateTime(QDate(...), QTime(...))")
        if isinstance(func, ast.Attribute):
            self._check_method_call(node, func)
        self.generic_visit(node)

    def _check_method_call(self, node: ast.Call, func: ast.Attribute) -> None:
        name = func.attr
        if name in LAYOUT_ONLY_FONT_METHODS:
            self.report(node, "layout-font", f".{name}(): deprecated QFont setter of layout items: "
                                             "use the QgsTextFormat helpers of qt_compat")
        elif name in LAYOUT_FONT_METHODS:
            key = self._receiver_key(func.value)
            typed = self._typed[-1].get(key) if key else None
            legend_style = isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Attribute) \
                and func.value.func.attr in LEGEND_STYLE_GETTERS and name in ("setFont", "font")
            if typed or legend_style:
                what = "/".join(sorted(typed)) if typed else "QgsLegendStyle"
                self.report(node, "layout-font", f"{what}.{name}() is deprecated (QGIS 3.40): use the QgsTextFormat "
                                                 "helpers of qt_compat")
        elif name == "width":
            receiver = func.value
            key = self._receiver_key(receiver)
            if self._called_name(receiver) in ("QFontMetrics", "QFontMetricsF", "fontMetrics") or \
                    (key and key in self._metrics[-1]):
                self.report(node, "fontmetrics-width", "QFontMetrics.width() is gone in Qt6: use horizontalAdvance()")
        elif name == "desktop" and not node.args and not node.keywords:
            self.report(node, "desktop", "QApplication.desktop() (QDesktopWidget) is gone in Qt6: use QScreen")
        elif name == "addAction" and len(node.args) >= 4:
            self.report(node, "add-action", "addAction(icon, text, receiver, slot) is fragile in Qt6: create the "
                                            "QAction, then addAction(action)")

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.value, ast.Attribute) and node.value.attr in STRING_SIGNALS:
            index = node.slice.value if isinstance(node.slice, ast.Index) else node.slice  # Python < 3.9
            if isinstance(index, ast.Name) and index.id == "str":
                self.report(node, "activated-str", f"{node.value.attr}[str] is gone in Qt6: use the plain signal "
                                                   "or textActivated")
        self.generic_visit(node)


def check_source(source: str, path: str = "<snippet>") -> List[Finding]:
    tree = ast.parse(source, filename=path)
    checker = _Checker(path, tree)
    checker.visit(tree)
    findings = checker.findings
    if path == COMPAT_MODULE:
        findings = [f for f in findings if f.kind not in COMPAT_ALLOWED]
    return sorted(findings, key=lambda f: (f.path, f.line, f.col))


def source_files(root: Path = ROOT) -> Iterable[Path]:
    for top in SCANNED:
        for path in sorted((root / top).rglob("*.py")):
            if "__pycache__" not in path.parts:
                yield path


def check_tree(root: Path = ROOT) -> List[Finding]:
    findings: List[Finding] = []
    for path in source_files(root):
        findings += check_source(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
    return findings


# -- the check on our sources ------------------------------------------------------------------

def test_sources_are_qt6_ready():
    pytest.importorskip("qgis.core")  # the enum check introspects the bindings
    findings = check_tree()
    assert not findings, f"{len(findings)} Qt6/QGIS-deprecation findings:\n" + "\n".join(map(str, findings))


def test_every_source_folder_is_scanned():
    scanned = {p.relative_to(ROOT).parts[0] for p in source_files()}
    assert scanned == set(SCANNED)
    assert (ROOT / COMPAT_MODULE) in set(source_files())


# -- the check can fail: one snippet per kind ----------------------------------------------------

BAD = [
    ("unscoped-enum", "from qgis.PyQt.QtCore import Qt\narea = Qt.RightDockWidgetArea\n", 2),
    ("unscoped-enum", "from qgis.PyQt.QtWidgets import QMessageBox\nb = QMessageBox.Save\n", 2),
    ("unscoped-enum", "from qgis.core import QgsTask\nf = QgsTask.CanCancel\n", 2),
    ("unscoped-enum", "from qgis.core import Qgis\nlevel = Qgis.Critical\n", 2),
    ("unscoped-enum", "from qgis.core import QgsProcessing\nt = [QgsProcessing.TypeVectorPolygon]\n", 2),
    ("unscoped-enum", "from qgis.PyQt.QtGui import QImage\n\nfmt = QImage.Format_RGB32\n", 3),
    ("unscoped-enum", "from qgis.core import QgsProcessingParameterNumber as N\nkind = N.Double\n", 2),
    ("unscoped-enum", "from qgis.PyQt import QtCore\nx = QtCore.Qt.AlignLeft | QtCore.Qt.AlignTop\n", 2),
    ("renamed-enum", "from qgis.PyQt.QtCore import Qt\nb = Qt.MidButton\n", 2),
    ("unknown-enum", "from qgis.PyQt.QtCore import Qt\nf = Qt.AlignmentFlag.AlignNowhere\n", 2),
    ("exec_", "def run(dialog):\n    return dialog.exec_()\n", 2),
    ("exec_", "class D:\n    def exec_(self):\n        pass\n", 2),
    ("pyqt-import", "from PyQt5.QtCore import Qt\n", 1),
    ("pyqt-import", "import PyQt5.QtWidgets\n", 1),
    ("pyqt-import", "import sip\n", 1),
    ("qt-module", "from qgis.PyQt.Qt import Qt\n", 1),
    ("qvariant-type", "from qgis.PyQt.QtCore import QVariant\nTYPES = {'a': QVariant.Double}\n", 2),
    ("qvariant-type", "from qgis.PyQt.QtCore import QVariant\ndef f(field):\n    return field.type() == QVariant.Int\n",
     3),
    ("qgsfield-qvariant", "from qgis.core import QgsField\nfrom qgis.PyQt.QtCore import QVariant\n"
                          "f = QgsField('code', QVariant.String)\n", 3),
    ("qvariant-null", "from qgis.PyQt.QtCore import QVariant\nv = QVariant()\n", 2),
    ("proxy-filter", "from qgis.core import QgsMapLayerProxyModel\n"
                     "def f(combo):\n    combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)\n", 3),
    ("proxy-filter", "from qgis.core import QgsMapLayerProxyModel\nF = QgsMapLayerProxyModel.Filter.RasterLayer\n", 2),
    ("layout-font", "from qgis.core import QgsLayoutItemLabel\ndef f(layout, font):\n"
                    "    item = QgsLayoutItemLabel(layout)\n    item.setFont(font)\n", 4),
    ("layout-font", "from qgis.core import QgsLayoutItemLabel\ndef f(item, c):\n"
                    "    if isinstance(item, QgsLayoutItemLabel):\n        item.setFontColor(c)\n", 4),
    ("layout-font", "def f(legend, style, font):\n    legend.setStyleFont(style, font)\n", 2),
    ("layout-font", "from qgis.core import QgsLayoutItemScaleBar\ndef f(layout, font):\n"
                    "    self.bar = QgsLayoutItemScaleBar(layout)\n    self.bar.setFont(font)\n", 4),
    ("layout-font", "def f(legend, s, font):\n    legend.rstyle(s).setFont(font)\n", 2),
    ("qt6-removed", "from qgis.PyQt.QtCore import QRegExp\n", 1),
    ("qt6-removed", "from qgis.PyQt.QtWidgets import QDesktopWidget\n", 1),
    ("qt6-removed", "from qgis.PyQt import QtCore\nrx = QtCore.QRegExp('a')\n", 2),
    ("qt6-moved", "from qgis.PyQt.QtWidgets import QAction, QLabel\n", 1),
    ("resources-rc", "from . import resources_rc\n", 1),
    ("qapp", "from qgis.PyQt.QtWidgets import qApp\n", 1),
    ("desktop", "from qgis.PyQt.QtWidgets import QApplication\nw = QApplication.desktop()\n", 2),
    ("fontmetrics-width", "def f(label):\n    return label.fontMetrics().width('abc')\n", 2),
    ("fontmetrics-width", "from qgis.PyQt.QtGui import QFontMetrics\ndef f(font):\n    fm = QFontMetrics(font)\n"
                          "    return fm.width('abc')\n", 4),
    ("activated-str", "def f(combo, slot):\n    combo.activated[str].connect(slot)\n", 2),
    ("add-action", "def f(menu, icon, obj, slot):\n    menu.addAction(icon, 'Run', obj, slot)\n", 2),
    ("qdatetime", "from qgis.PyQt.QtCore import QDateTime\nd = QDateTime(2020, 1, 2, 3, 4, 5, 0, 0)\n", 2),
    ("qdatetime", "from qgis.PyQt.QtCore import QDate, QDateTime\nd = QDateTime(QDate(2020, 1, 2))\n", 2),
]


@pytest.mark.parametrize("kind,source,line", BAD, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(BAD)])
def test_each_bad_pattern_is_reported_with_file_and_line(kind, source, line):
    pytest.importorskip("qgis.core")
    findings = check_source(source, "jwjt_plugin/snippet.py")
    assert {f.kind for f in findings if f.line == line} == {kind}, "\n".join(map(str, findings)) or "no finding"
    assert str(next(f for f in findings if f.kind == kind)).startswith(f"jwjt_plugin/snippet.py:{line}:")


GOOD = textwrap.dedent("""
    from qgis.core import Qgis, QgsField, QgsProcessing, QgsTask, QgsLayoutItemLabel, QgsWkbTypes
    from qgis.PyQt.QtCore import Qt, QVariant, QRegularExpression
    from qgis.PyQt.QtWidgets import QMessageBox, QApplication
    from qgis.PyQt.QtGui import QImage, QFontMetrics
    from jwjt_plugin.adapters.qt_compat import QAction, FieldType, LayerFilter

    def f(dialog, combo, layout, label, font, value, layer):
        area = Qt.DockWidgetArea.RightDockWidgetArea
        button = QMessageBox.StandardButton.Save
        flags = QgsTask.Flag.CanCancel
        level = Qgis.MessageLevel.Critical
        kinds = [QgsProcessing.SourceType.TypeVectorPolygon]
        image = QImage(10, 10, QImage.Format.Format_RGB32)
        field = QgsField("code", FieldType.String)
        combo.setFilters(LayerFilter.PolygonLayer | LayerFilter.RasterLayer)
        dialog.exec()
        null = isinstance(value, QVariant) and value.isNull()
        advance = QFontMetrics(font).horizontalAdvance("abc")
        width = label.width()
        item = QgsLayoutItemLabel(layout)
        item.setText("x")
        label.setFont(font)
        geometry = layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
        app = QApplication.instance()
        rx = QRegularExpression("a+")
        return dialog.exec_module
""")


def test_good_code_has_no_finding():
    pytest.importorskip("qgis.core")
    assert check_source(GOOD, "jwjt_plugin/snippet.py") == []


def test_compat_module_alone_may_hold_the_legacy_qgis_api():
    source = ("from qgis.core import QgsMapLayerProxyModel\nfrom qgis.PyQt.QtCore import Qt, QVariant\n"
              "OLD = QgsMapLayerProxyModel.Filter\nSTRING = QVariant.String\nA = Qt.AlignLeft\n")
    kinds = sorted(f.kind for f in check_source(source, COMPAT_MODULE))
    assert kinds == ["unscoped-enum"]
    assert sorted(f.kind for f in check_source(source, "jwjt_plugin/other.py")) == \
        ["proxy-filter", "qvariant-type", "unscoped-enum"]


def test_qt5_fallback_import_is_allowed():
    source = ("try:\n    from qgis.PyQt.QtGui import QAction\nexcept ImportError:\n"
              "    from qgis.PyQt.QtWidgets import QAction\n")
    assert check_source(source, "jwjt_plugin/snippet.py") == []


# -- pytest.ini turns the deprecations our own code triggers into errors ---------------------------

def _warn_from(module_name: str) -> None:
    code = compile("import warnings\nwarnings.warn('old API', DeprecationWarning)\n", "probe.py", "exec")
    exec(code, {"__name__": module_name})  # noqa: S102 - the warning must come from a module of that name


@pytest.mark.parametrize("module", ["jwjt_plugin", "jwjt_plugin.atlas.render", "test_atlas", "conftest"])
def test_deprecation_from_our_code_is_an_error(module):
    with pytest.raises(DeprecationWarning, match="old API"):
        _warn_from(module)


@pytest.mark.parametrize("module", ["numpy.core", "jwjt_plugin_extra", "qgis.utils"])
def test_deprecation_from_other_code_stays_quiet(module):
    _warn_from(module)
