"""Background tasks that use pyproj, run one after another on QGIS's pooled threads.

With pyproj 3.7.0–3.7.2 (Debian 13) and no cure, the second task on a reused pool thread
hands PROJ a freed context and the process dies with SIGSEGV; here it must simply pass."""
import threading

from qgis.core import QgsApplication, QgsTask

import jwjt_plugin
from jwjt_plugin import proj_threads


def _proj_work(task):
    from pyproj import CRS, Transformer

    crs = CRS.from_wkt(CRS.from_epsg(4547).to_wkt())
    x, _ = Transformer.from_crs(4326, crs, always_xy=True).transform(114.0, 30.0)
    return threading.get_native_id(), round(x)


def test_pyproj_in_five_sequential_tasks(qgis_app, qgis_iface, qtbot):
    plugin = jwjt_plugin.classFactory(qgis_iface)  # applies the cure, as QGIS loading it does
    import pyproj

    assert proj_threads.keep_proj_contexts() == proj_threads.is_affected(pyproj.__version__)
    results = []
    for i in range(5):
        task = QgsTask.fromFunction("pyproj in a pooled thread", _proj_work,
                                    on_finished=lambda exc, value=None: results.append((exc, value)))
        QgsApplication.taskManager().addTask(task)
        qtbot.waitUntil(lambda n=i + 1: len(results) == n, timeout=30000)
    assert all(exc is None for exc, _ in results), results
    assert len({value[1] for _, value in results}) == 1
    del plugin
