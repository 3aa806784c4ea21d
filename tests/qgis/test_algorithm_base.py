"""Every JWJT algorithm stands on JwjtAlgorithm: named, grouped, with icon and help, and its
errors translated once, in the base."""
import logging

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from jwjt_plugin.adapters.i18n import tr, tr_message
from jwjt_plugin.core.messages import JwjtInputError, Message
from jwjt_plugin.core.overlay import Cancelled
from jwjt_plugin.paths import i18n_dir
from jwjt_plugin.processing.base import GROUPS, JwjtAlgorithm
from jwjt_plugin.processing.provider import JwjtProvider

#: a core message the .ts translates
TEMPLATE = "Fishnet layer '{layer}' has no features."


class _Failing(JwjtAlgorithm):
    """Raises what it is given from execute()."""

    ALG_ID, GROUP_ID = "failing", "checks"
    DISPLAY_NAME = HELP = "Test algorithm"
    error: Exception = RuntimeError("unset")

    def initAlgorithm(self, config=None):  # noqa: N802
        pass

    def execute(self, parameters, context, feedback):
        raise self.error


@pytest.fixture()
def algorithms(qgis_processing):
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("jwjt")
    added = None
    if provider is None:
        added = provider = JwjtProvider()
        assert registry.addProvider(provider)
    yield list(provider.algorithms())
    if added is not None:
        registry.removeProvider(added)


@pytest.fixture()
def chinese():
    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "jwjt_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_registered_algorithm_is_a_jwjt_algorithm(algorithms):
    assert len(algorithms) == 12
    ids = set()
    for alg in algorithms:
        assert isinstance(alg, JwjtAlgorithm), alg.id()
        ids.add(alg.name())
        assert alg.id() == f"jwjt:{alg.name()}"
        assert alg.groupId() in GROUPS and alg.group() == tr(GROUPS[alg.groupId()]), alg.id()
        assert alg.displayName() and alg.displayName() != alg.name(), alg.id()
        assert len(alg.shortHelpString()) > 100, alg.id()
        assert not alg.icon().isNull(), alg.id()
        copy = alg.create()
        assert type(copy) is type(alg) and copy is not alg and copy.parameterDefinitions(), alg.id()
    assert ids == {"synergyflags", "planoverlaps", "unitqa", "accessquery", "synergyassessment",
                   "sectorassessment", "synergyatlas", "delineateunits", "fitunits", "synergyzones", "unitproposals",
                   "parkcarbon"}


def _raise(error):
    alg = _Failing()
    alg.error = error
    return alg.processAlgorithm({}, QgsProcessingContext(), QgsProcessingFeedback())


def test_input_error_becomes_a_processing_exception_with_the_translated_message(qgis_app, chinese):
    expected = tr_message(Message(TEMPLATE, {"layer": "demo"}))
    assert expected != TEMPLATE.format(layer="demo") and "demo" in expected  # the translator is in
    with pytest.raises(QgsProcessingException) as info:
        _raise(JwjtInputError(TEMPLATE, layer="demo"))
    assert str(info.value) == expected


def test_cancel_atlas_errors_and_processing_exceptions(qgis_app, chinese):
    """Everything under the one error root is translated the same way."""
    from jwjt_plugin.adapters.i18n import tr_core
    from jwjt_plugin.atlas.template import AtlasError

    with pytest.raises(QgsProcessingException) as info:
        _raise(Cancelled())
    assert str(info.value) == tr_core("Cancelled.") != "Cancelled."
    template = "The atlas found {n} units, not {expected}."
    with pytest.raises(QgsProcessingException) as info:
        _raise(AtlasError(template, n=3, expected=4))
    assert str(info.value) == tr_core(template).format(n=3, expected=4) != template.format(n=3, expected=4)
    with pytest.raises(QgsProcessingException, match="^as raised$"):
        _raise(QgsProcessingException("as raised"))


def test_unexpected_error_is_logged_with_its_traceback_and_reported_in_one_line(qgis_app, caplog):
    with caplog.at_level(logging.ERROR, logger="jwjt"), pytest.raises(QgsProcessingException) as info:
        _raise(ZeroDivisionError("boom"))
    assert str(info.value) == "The analysis stopped: ZeroDivisionError: boom"
    record = next(r for r in caplog.records if r.name == "jwjt")
    assert "jwjt:failing" in record.getMessage() and record.exc_info[0] is ZeroDivisionError


def test_run_reports_the_translated_error_to_the_feedback(qgis_app, chinese):
    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)

    class BadInput(_Failing):  # run() works on a createInstance() copy: the error is a class attribute
        error = JwjtInputError(TEMPLATE, layer="demo")

    alg = BadInput()
    alg.initAlgorithm()
    feedback = Feedback()
    _results, ok = alg.run({}, QgsProcessingContext(), feedback)
    assert not ok
    assert tr_message(Message(TEMPLATE, {"layer": "demo"})) in feedback.errors
