"""Translation of core messages, which carry English templates and parameters."""
from qgis.PyQt.QtCore import QCoreApplication

from ..core.messages import CONTEXT, Message, render


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
    text = tr_core(english_template)
    return text if text == zh or any("\u4e00" <= ch <= "\u9fff" for ch in text) else f"{text} ({zh})"


def tr_message(message: Message) -> str:
    return render(tr_core(message.template), message.params)
