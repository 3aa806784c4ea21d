"""The map (adapters/styles.py) and the atlas (atlas/symbology.py) colour every concept from
the one palette of core/terms.py, and label it from the one table of terms."""
from jwjt_plugin.adapters import styles
from jwjt_plugin.adapters.i18n import tr_core
from jwjt_plugin.atlas import symbology, texts
from jwjt_plugin.core import terms
from jwjt_plugin.core.terms import Dimension, FlaggedClass, SynergyClass


def colours(renderer):
    return {str(c.value()): c.symbol().color().name() for c in renderer.categories()}


def test_map_and_atlas_share_the_palette_objects():
    assert symbology.UNIT_CLASS_COLOURS is terms.UNIT_CLASS_COLOURS
    assert styles.UNIT_CLASS_COLOURS is terms.UNIT_CLASS_COLOURS
    assert styles.CLASS_COLOURS is terms.SYNERGY_CLASS_COLOURS


def test_unit_classes_have_the_same_colours_on_the_map_and_in_the_atlas():
    # both draw "class unknown" (0) too, in the palette's grey
    on_map = colours(styles.unit_class_renderer("UNIT_CLS"))
    in_atlas = colours(symbology.unit_class_renderer({c: texts.unit_class_label(c) for c in (1, 2, 3, 0)}))
    assert on_map == in_atlas == {str(c): terms.UNIT_CLASS_COLOURS[c] for c in (1, 2, 3, 0)}


def test_synergy_renderer_colours_and_labels_come_from_the_table():
    # the atlas draws flagged units with this same renderer (atlas/layers.py)
    got = colours(styles.synergy_renderer())
    want = {f.value: terms.FLAGGED_CLASS_COLOURS[f.value] for f in FlaggedClass}
    want.update({c.value: terms.SYNERGY_CLASS_COLOURS[c.value] for c in SynergyClass if c is not SynergyClass.SYNERGY})
    assert got == want
    labels = {c.value(): c.label() for c in styles.synergy_renderer().categories()}
    assert labels["A1"] == f"A1 {tr_core(terms.en(FlaggedClass.PRIORITY))}"
    assert labels["B"] == f"B {tr_core(terms.en(SynergyClass.CARBON))}"


def test_atlas_dimension_labels_use_the_official_terms():
    got = texts.dimension_labels()
    assert list(got)[:4] == [d.value for d in Dimension]
    # In English the label is followed by the official term (资源开发效率要求, no longer 资源利用效率);
    # in Chinese it is the translation alone.
    assert got["resource"] in ("Resource use efficiency (资源开发效率要求)", tr_core("Resource use efficiency"))
    assert got["resource"] == terms.label(Dimension.RESOURCE, tr_core)
