"""Translation of core messages, which carry English templates and parameters."""
from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import CONTEXT, Message, render
from ..core.terms import join_zh, label
from ..locales import pick, qgis_language

#: pylupdate5 files bare ``tr("...")`` calls under "@default"; translating in that context
#: keeps call sites short and the .ts in step with the code.
UI_CONTEXT = "@default"


def tr(text: str) -> str:
    return QCoreApplication.translate(UI_CONTEXT, text)


def tr_core(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def with_zh(english_template: str, zh: str) -> str:
    """The translated label, followed by the Chinese term unless the translation already is it
    (a zh_CN user would otherwise read "通过（通过）")."""
    return join_zh(tr_core(english_template), zh)


def term_label(member, zh: bool = True) -> str:
    """A member of a core/terms.py enum as the UI shows it: translated, with the official term."""
    return label(member, tr_core, with_zh=zh)


def option_labels(enum_cls) -> list:
    """A core option enum's labels, translated, in its order (combo items, Processing enum options)."""
    from ..core.options import option_labels as english

    return [tr_core(text) for text in english(enum_cls)]


def tr_message(message: Message) -> str:
    return render(message.template, message.params, tr_core)


def qgis_language_code() -> str:
    """The language QGIS runs in, read the way QGIS decides it (see jwjt_plugin.locales)."""
    from qgis.core import QgsApplication, QgsSettings
    from qgis.PyQt.QtCore import QLocale

    app = QgsApplication.instance()
    translation = ""
    try:  # instance method in 3.22, static later; empty outside the QGIS application
        translation = app.translation() if app is not None else ""
    except (AttributeError, TypeError):
        pass
    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    user_locale = str(settings.value("locale/userLocale", "") or "")
    return qgis_language(translation or "", bool(override), user_locale, QLocale.system().name())


def install_translator(folder, prefix: str = "jwjt"):
    """Load and install ``<prefix>_<lang>.qm`` from ``folder`` for the language QGIS runs in;
    the installed QTranslator, or None when the plugin has no translation for it."""
    from pathlib import Path

    from qgis.PyQt.QtCore import QTranslator

    folder = Path(folder)
    available = [p.stem[len(prefix) + 1:] for p in folder.glob(f"{prefix}_*.qm")]
    name = pick(qgis_language_code(), available)
    if name is None:
        return None
    translator = QTranslator()
    if not translator.load(str(folder / f"{prefix}_{name}.qm")):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
