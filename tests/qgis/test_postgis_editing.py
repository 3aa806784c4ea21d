"""The access-list editor on a unit layer kept in PostGIS and edited by several analysts.

Runs a real PostgreSQL + PostGIS (tests/qgis/postgis.py) with the sample units loaded by
GDAL (field names laundered to lower case, as ogr2ogr writes them). Each test gets a fresh
database. Two QgsVectorLayer objects on the same table stand for two analysts' QGIS.
"""
import pytest
from postgis import postgis_db, postgis_server  # noqa: F401 - fixtures
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from jwjt_plugin.adapters.change_log import ChangeLogger
from jwjt_plugin.gui.access_editor_dock import AccessEditorDock

LOG = "public.jwjt_change_log"


@pytest.fixture()
def open_layer(postgis_server, postgis_db, qgis_new_project):  # noqa: F811
    """open_layer(name) -> a new QgsVectorLayer on the units table of this test's database."""
    layers = []

    def make(name="units"):
        layer = QgsVectorLayer(postgis_server.layer_uri(postgis_db), name, "postgres")
        assert layer.isValid(), layer.error().summary()
        QgsProject.instance().addMapLayer(layer)
        layers.append(layer)
        return layer

    yield make
    for layer in layers:
        if layer.isEditable():
            layer.rollBack()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def open_editor(qgis_iface, qtbot):
    """open_editor() -> an access-list editor with its own change logger (one analyst's)."""
    docks = []

    def make():
        dock = AccessEditorDock(qgis_iface, ChangeLogger())
        qtbot.addWidget(dock)
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.shutdown()
        dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture()
def sql(postgis_server, postgis_db):  # noqa: F811
    """sql(statement) -> rows (lists of text) of this test's database, read by psql (another session)."""
    def run(statement):
        out = postgis_server.psql(postgis_db, statement)
        return [line.split("|") for line in out.splitlines()] if out else []
    return run


def log_rows(sql):
    """The change log table's rows (unit, field, old, new), or None while the table does not exist."""
    if sql(f"SELECT to_regclass('{LOG}') IS NULL") == [["t"]]:
        return None
    return sql(f"SELECT unit, field, old, new FROM {LOG} ORDER BY id")


def key_control_unit(layer):
    return next(f for f in layer.getFeatures() if f["zhgkdyfl"] == 2)


def db_value(sql, fid, field):
    """The field's text in the database now ("" for NULL)."""
    rows = sql(f"SELECT '>' || coalesce({field}::text, '') FROM public.control_units WHERE fid = {fid}")
    return "|".join(rows[0])[1:]


def text(value):
    return "" if value is None or value == "" or not value else str(value)


def test_fixture_serves_the_sample_units(postgis_server, open_layer, sql):  # noqa: F811
    layer = open_layer()
    assert layer.providerType() == "postgres" and layer.featureCount() == 242
    assert sql("SELECT postgis_lib_version() IS NOT NULL") == [["t"]]
    assert postgis_server.started_in < 60


def test_save_is_logged_in_the_database_only_after_the_commit(open_layer, open_editor, sql):
    layer, ed = open_layer(), open_editor()
    feat = key_control_unit(layer)
    ed.show_feature(layer, feat)
    assert ed.code_edit.text() == feat["hjzhgkdybm"] and ed.mapping.remark == "remark"
    ed.text_edits["remark"].setPlainText("待复核（省厅会商）")
    ed.name_edit.setText(feat["hjzhgkdymc"] + "（修订）")
    assert ed.save(), ed.status.text()
    assert layer.isEditable() and layer.undoStack().count() == 1
    # in the edit buffer only: the database and its change log have nothing yet
    assert db_value(sql, feat.id(), "remark") == text(feat["remark"])
    assert log_rows(sql) is None
    assert layer.commitChanges(), layer.commitErrors()
    assert db_value(sql, feat.id(), "remark") == "待复核（省厅会商）"
    rows = log_rows(sql)
    assert sorted(rows) == sorted([[feat["hjzhgkdybm"], "remark", text(feat["remark"]), "待复核（省厅会商）"],
                                   [feat["hjzhgkdybm"], "hjzhgkdymc", feat["hjzhgkdymc"],
                                    feat["hjzhgkdymc"] + "（修订）"]])
    cols = [r[0] for r in sql("SELECT column_name FROM information_schema.columns WHERE table_name = "
                              "'jwjt_change_log' ORDER BY ordinal_position")]
    assert cols[:9] == ["id", "time", "user", "layer", "unit", "feature_id", "field", "old", "new"]
    records = ed.logger.records(layer)
    assert len(records) == 2 and all(r.user and r.time and r.feature_id == feat.id() for r in records)
    ed.refresh_log()
    assert ed.log_table.rowCount() == 2
    # a second save of the same unit, after our own commit, is no conflict
    ed.text_edits["remark"].setPlainText("已会商")
    assert ed.save(), ed.status.text()
    assert layer.commitChanges()
    assert len(log_rows(sql)) == 3


def test_second_analyst_cannot_overwrite_the_first(open_layer, open_editor, sql):
    layer_a, layer_b = open_layer("units (A)"), open_layer("units (B)")
    ed_a, ed_b = open_editor(), open_editor()
    feat = key_control_unit(layer_a)
    code, original = feat["hjzhgkdybm"], text(feat["remark"])
    ed_a.show_feature(layer_a, feat)
    ed_b.show_feature(layer_b, layer_b.getFeature(feat.id()))
    ed_a.text_edits["remark"].setPlainText("甲：园区实施清洁生产审核")
    assert ed_a.save() and layer_a.commitChanges(), ed_a.status.text()

    ed_b.text_edits["remark"].setPlainText("乙：暂缓审批新增产能")
    assert not ed_b.save()
    message = ed_b.status.text()
    assert code in message and "remark" in message
    assert f'you loaded "{original}"' in message
    assert 'the database now has "甲：园区实施清洁生产审核"' in message
    assert 'your new value is "乙：暂缓审批新增产能"' in message
    assert not layer_b.isModified() and layer_b.undoStack().count() == 0
    assert ed_b.text_edits["remark"].toPlainText() == "乙：暂缓审批新增产能"   # nothing typed is lost
    assert not ed_b.save()                                                   # refused again, not forgotten
    assert db_value(sql, feat.id(), "remark") == "甲：园区实施清洁生产审核"
    if layer_b.isEditable():
        assert layer_b.commitChanges()
    assert db_value(sql, feat.id(), "remark") == "甲：园区实施清洁生产审核"
    assert log_rows(sql) == [[code, "remark", original, "甲：园区实施清洁生产审核"]]

    # B loads the unit again: sees A's value and may change it, or another field
    ed_b.show_feature(layer_b, layer_b.getFeature(feat.id()))
    assert ed_b.text_edits["remark"].toPlainText() == "甲：园区实施清洁生产审核"
    ed_b.text_edits["remark"].setPlainText("甲：园区实施清洁生产审核；乙：暂缓审批新增产能")
    assert ed_b.save(), ed_b.status.text()
    assert layer_b.commitChanges()
    assert db_value(sql, feat.id(), "remark") == "甲：园区实施清洁生产审核；乙：暂缓审批新增产能"

    # A's form is now stale for remark, but a field nobody else changed still saves
    ed_a.name_edit.setText(feat["hjzhgkdymc"] + "（甲修订）")
    assert ed_a.save(), ed_a.status.text()
    assert layer_a.commitChanges()
    assert db_value(sql, feat.id(), "remark") == "甲：园区实施清洁生产审核；乙：暂缓审批新增产能"
    assert db_value(sql, feat.id(), "hjzhgkdymc") == feat["hjzhgkdymc"] + "（甲修订）"


def test_unit_deleted_in_another_session_is_refused(open_layer, open_editor, sql):
    layer, ed = open_layer(), open_editor()
    feat = key_control_unit(layer)
    ed.show_feature(layer, feat)
    sql(f"DELETE FROM public.control_units WHERE fid = {feat.id()}")
    ed.text_edits["remark"].setPlainText("待复核")
    assert not ed.save()
    assert feat["hjzhgkdybm"] in ed.status.text() and "no longer" in ed.status.text()
    assert ed.text_edits["remark"].toPlainText() == "待复核"


def test_failed_commit_writes_no_log_record(open_layer, open_editor, sql):
    sql("ALTER TABLE public.control_units ADD CONSTRAINT remark_not_refused CHECK (remark IS DISTINCT FROM '驳回')")
    layer, ed = open_layer(), open_editor()
    feat = key_control_unit(layer)
    ed.show_feature(layer, feat)
    ed.text_edits["remark"].setPlainText("驳回")
    assert ed.save(), ed.status.text()
    assert not layer.commitChanges()
    assert log_rows(sql) is None
    assert db_value(sql, feat.id(), "remark") == text(feat["remark"])
    assert layer.rollBack()
    # the records of the failed commit do not come back with the next one
    ed.show_feature(layer, layer.getFeature(feat.id()))
    ed.text_edits["remark"].setPlainText("通过")
    assert ed.save(), ed.status.text()
    assert layer.commitChanges(), layer.commitErrors()
    assert log_rows(sql) == [[feat["hjzhgkdybm"], "remark", text(feat["remark"]), "通过"]]


def test_log_write_failure_is_told_and_the_commit_stands(open_layer, open_editor, sql):
    layer, ed = open_layer(), open_editor()
    feat = key_control_unit(layer)
    ed.show_feature(layer, feat)
    ed.text_edits["remark"].setPlainText("第一次")
    assert ed.save() and layer.commitChanges()
    assert len(log_rows(sql)) == 1
    # the second record breaks a rule of the log table: the whole append is one transaction
    sql(f"ALTER TABLE {LOG} ADD CONSTRAINT no_name_changes CHECK (field <> 'hjzhgkdymc')")
    ed.text_edits["remark"].setPlainText("第二次")
    ed.name_edit.setText("改名")
    assert ed.save(), ed.status.text()
    assert layer.commitChanges(), layer.commitErrors()
    assert db_value(sql, feat.id(), "remark") == "第二次" and db_value(sql, feat.id(), "hjzhgkdymc") == "改名"
    assert len(log_rows(sql)) == 1                         # nothing of the failed append
    message = ed.status.text()
    assert '"public"."jwjt_change_log"' in message and "could not be written" in message, message
    assert not layer.isModified()
    # the editor goes on working: the next save is checked, written and logged
    sql(f"ALTER TABLE {LOG} DROP CONSTRAINT no_name_changes")
    ed.text_edits["remark"].setPlainText("第三次")
    assert ed.save(), ed.status.text()
    assert layer.commitChanges()
    assert log_rows(sql)[-1] == [feat["hjzhgkdybm"], "remark", "第二次", "第三次"]


def test_undo_and_rollback_on_the_postgis_layer(open_layer, open_editor, sql):
    layer, ed = open_layer(), open_editor()
    feat = key_control_unit(layer)
    ed.show_feature(layer, feat)
    ed.text_edits["risk"].setPlainText("新增：园区编制突发环境事件应急预案")
    ed.name_edit.setText(feat["hjzhgkdymc"] + "（修订）")
    assert ed.save(), ed.status.text()
    assert layer.undoStack().count() == 1                  # one save, two fields, one undo step
    assert layer.getFeature(feat.id())["hjfxfk"] == "新增：园区编制突发环境事件应急预案"
    layer.undoStack().undo()
    assert layer.getFeature(feat.id())["hjfxfk"] == feat["hjfxfk"]
    assert layer.getFeature(feat.id())["hjzhgkdymc"] == feat["hjzhgkdymc"]
    layer.undoStack().redo()
    assert layer.getFeature(feat.id())["hjzhgkdymc"].endswith("（修订）")
    assert layer.rollBack()
    assert layer.getFeature(feat.id())["hjzhgkdymc"] == feat["hjzhgkdymc"]
    assert db_value(sql, feat.id(), "hjzhgkdymc") == feat["hjzhgkdymc"]
    assert ed.name_edit.text() == feat["hjzhgkdymc"]         # the form follows the rollback
    assert log_rows(sql) is None
    # after the rollback the same change saves and commits
    ed.name_edit.setText(feat["hjzhgkdymc"] + "（修订）")
    assert ed.save(), ed.status.text()
    assert layer.commitChanges()
    assert db_value(sql, feat.id(), "hjzhgkdymc") == feat["hjzhgkdymc"] + "（修订）"
    assert log_rows(sql) == [[feat["hjzhgkdybm"], "hjzhgkdymc", feat["hjzhgkdymc"], feat["hjzhgkdymc"] + "（修订）"]]
