"""QGIS reports a deprecated call as a DeprecationWarning from the caller: from our code it fails the run."""
import pytest

#: QgsProject.fileInfo() is deprecated in every QGIS we support
DEPRECATED_CALL = compile("from qgis.core import QgsProject\nQgsProject().fileInfo()\n", "probe.py", "exec")


def test_qgis_deprecation_called_from_the_plugin_fails():
    with pytest.raises(DeprecationWarning, match="fileInfo"):
        exec(DEPRECATED_CALL, {"__name__": "jwjt_plugin._probe"})  # noqa: S102 - the caller must be a plugin module


def test_qgis_deprecation_called_elsewhere_stays_quiet():
    exec(DEPRECATED_CALL, {"__name__": "someone_else"})  # noqa: S102
