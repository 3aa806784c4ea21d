"""The two coupling degree forms of the assessment (DOMAIN.md §5, §9), checked against the
formulas and against Table 8 of Wang Shujia et al. 2021 (自然资源学报 36(3):793–810)."""
import numpy as np
import pytest

from jwjt_plugin.core.assessment import AssessmentParams
from jwjt_plugin.core.assessment_methods import SynergySettings, coupling, coupling_degree, synergy_metrics
from jwjt_plugin.core.assessment_options import CouplingForm
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.options import option_labels

NORMATIVE, WANG = CouplingForm.NORMATIVE, CouplingForm.CORRECTED_WANG2021
RNG = np.random.default_rng(20210319)

#: Table 8 of the paper: C of the 13 Beijing–Tianjin–Hebei cities, 2008–2014, original model row
#: then modified model row (北京 天津 石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水).
TABLE_8 = {
    2008: ("0.9989 0.9935 0.8868 0.9073 0.6821 0.8328 0.6816 0.7789 0.6871 0.6101 0.8017 0.7867 0.7191",
           "0.9404 0.8660 0.5440 0.5769 0.3006 0.4780 0.3344 0.4171 0.3278 0.2700 0.4374 0.4196 0.3738"),
    2009: ("0.9984 0.9997 0.8912 0.9079 0.6790 0.8114 0.6839 0.7786 0.7180 0.6377 0.8018 0.7587 0.7396",
           "0.9238 0.9675 0.5435 0.5716 0.2946 0.4445 0.3224 0.4117 0.3533 0.2731 0.4352 0.3821 0.3906"),
    2010: ("0.9999 0.9920 0.9071 0.9224 0.6957 0.8309 0.7044 0.7992 0.7556 0.6212 0.8277 0.7707 0.7109",
           "0.9835 0.8497 0.5659 0.5942 0.3041 0.4593 0.3385 0.4245 0.3857 0.2533 0.4574 0.3908 0.3529"),
    2011: ("0.9939 0.9848 0.9373 0.9468 0.7446 0.8488 0.7437 0.8114 0.7806 0.6469 0.8601 0.8162 0.7560",
           "0.8485 0.7896 0.6271 0.6503 0.3454 0.4767 0.3720 0.4332 0.4123 0.2600 0.4994 0.4361 0.3951"),
    2012: ("0.9992 0.9913 1.0000 0.9276 0.6720 0.8527 0.7674 0.8211 0.7859 0.6561 0.8749 0.8133 0.7577",
           "0.9445 0.8342 0.9949 0.5937 0.2497 0.4816 0.3967 0.4433 0.4134 0.2615 0.5164 0.4243 0.3931"),
    2013: ("0.9858 0.9280 0.9867 0.9866 0.7442 0.9215 0.8259 0.8680 0.7819 0.6619 0.9183 0.9025 0.7773",
           "0.7757 0.5868 0.8169 0.8135 0.3519 0.6125 0.4721 0.5160 0.4043 0.2746 0.6006 0.5692 0.4184"),
    2014: ("0.9942 0.9488 0.9834 0.9815 0.6713 0.8995 0.8283 0.8917 0.7556 0.6955 0.9270 0.9064 0.8257",
           "0.8523 0.6353 0.7939 0.7829 0.2532 0.5627 0.4708 0.5540 0.3797 0.3067 0.6191 0.5750 0.4723"),
}


def _pairs():
    for year, (orig, mod) in TABLE_8.items():
        for o, m in zip(orig.split(), mod.split()):
            yield year, float(o), float(m)


def _ratio(c_traditional):
    """U_min/U_max of two systems from their traditional C = 2√r/(1+r)."""
    return ((1 - np.sqrt(max(0.0, 1 - c_traditional ** 2))) / c_traditional) ** 2


def test_normative_form_is_the_formula_with_its_coefficient():
    u1, u2 = RNG.uniform(0, 1, 500), RNG.uniform(0, 1, 500)
    c = coupling_degree([u1, u2], NORMATIVE)
    assert np.allclose(c, 2 * np.sqrt(u1 * u2) / (u1 + u2))
    assert ((c >= 0) & (c <= 1)).all()
    assert np.allclose(coupling_degree([u1, u1], NORMATIVE), 1.0)
    # the "dropped coefficient" error can never reach 1: a test of C = 1 for equal U catches it
    dropped = np.sqrt(u1 * u2) / (u1 + u2)
    assert (dropped <= 0.5 + 1e-12).all() and np.allclose(np.sqrt(u1 * u1) / (u1 + u1), 0.5)
    # n systems: n·(ΠU)^{1/n}/ΣU
    u3 = RNG.uniform(0, 1, 500)
    c3 = coupling_degree([u1, u2, u3], NORMATIVE)
    assert np.allclose(c3, 3 * np.cbrt(u1 * u2 * u3) / (u1 + u2 + u3))
    assert ((c3 >= 0) & (c3 <= 1)).all() and np.allclose(coupling_degree([u3] * 3, NORMATIVE), 1.0)


def test_corrected_form_by_hand_for_two_and_three_systems():
    # two systems: √[(1 − |U1 − U2|) · U_min/U_max]
    assert coupling_degree([np.array([0.8]), np.array([0.2])], WANG)[0] == pytest.approx(np.sqrt(0.4 * 0.25))
    u1, u2 = RNG.uniform(0, 1, 500), RNG.uniform(0, 1, 500)
    c = coupling_degree([u1, u2], WANG)
    assert np.allclose(c, np.sqrt((1 - np.abs(u1 - u2)) * np.minimum(u1, u2) / np.maximum(u1, u2)))
    assert ((c >= 0) & (c <= 1)).all() and np.allclose(coupling_degree([u1, u1], WANG), 1.0)
    # it never exceeds the traditional C: the correction spreads the values downwards
    assert (c <= coupling_degree([u1, u2], NORMATIVE) + 1e-12).all()
    # three systems: pair gaps over Σ_{m=1}^{2} m = 3, product of U/max to the power 1/2
    u = [np.array([0.9]), np.array([0.6]), np.array([0.3])]
    spread = 1 - (0.3 + 0.6 + 0.3) / 3
    ratio = (1.0 * (0.6 / 0.9) * (0.3 / 0.9)) ** 0.5
    assert coupling_degree(u, WANG)[0] == pytest.approx(np.sqrt(spread * ratio))


def test_undefined_where_every_u_is_zero_or_one_is_missing():
    for form in CouplingForm:
        c = coupling_degree([np.array([0.0, np.nan, 0.0, 0.5]), np.array([0.0, 0.5, 0.4, 0.5])], form)
        assert np.isnan(c[0]) and np.isnan(c[1]) and c[2] == 0.0 and c[3] == pytest.approx(1.0)
        _c, t, d = coupling(np.array([0.0]), np.array([0.0]), form=form)
        assert t[0] == 0.0 and d[0] == 0.0
    with pytest.raises(ValueError):
        coupling_degree([np.array([0.5])])


def test_every_table_8_pair_is_reached_with_u_in_0_1():
    """The paper gives no U values, but the traditional C fixes U_min/U_max = r, and then the
    corrected C² = r·(1 − U_max·(1 − r)) must lie in [r², r]; solve U_max and recompute both."""
    n = 0
    for year, orig, mod in _pairs():
        r = _ratio(orig)
        if r > 0.9999:          # C = 1.0000: the ratio is 1 to table precision, U_max is free
            continue
        u_max = (1 - mod ** 2 / r) / (1 - r)
        assert 0 < u_max <= 1, (year, orig, mod, u_max)
        u = [np.array([u_max]), np.array([r * u_max])]
        assert coupling_degree(u, NORMATIVE)[0] == pytest.approx(orig, abs=5e-5)
        assert coupling_degree(u, WANG)[0] == pytest.approx(mod, abs=5e-5)
        n += 1
    assert n == 90
    # Beijing 2008 0.9989 -> 0.9404, Chengde 2008 0.6101 -> 0.2700 (DOMAIN.md §9)
    for orig, mod in ((0.9989, 0.9404), (0.6101, 0.2700)):
        r = _ratio(orig)
        assert r <= mod <= np.sqrt(r)
    # a corrected form without the outer square root could not reach Beijing 2008 (mod > r)
    assert 0.9404 > _ratio(0.9989)


def test_the_form_is_an_option_with_labels_and_is_stated_in_the_table():
    assert [f.value for f in CouplingForm] == ["normative", "wang2021"]
    labels = option_labels(CouplingForm)
    assert len(labels) == 2 and "Wang" in labels[1] and "normative" in labels[0]
    base = {"CO2": np.array([100.0, 100.0, 100.0]), "NOx": np.array([10.0, 10.0, 10.0])}
    target = {"CO2": np.array([50.0, 80.0, 95.0]), "NOx": np.array([6.0, 9.0, 7.0])}
    out = {}
    for form in CouplingForm:
        s = SynergySettings("2020", "2035", coupling_form=form)
        df = synergy_metrics(base, target, ["NOx"], s, ["a", "b", "c"])
        assert set(df["C_FORM"]) == {form.value}
        out[form] = df
    u1, u2 = out[NORMATIVE]["U_CO2"].to_numpy(), out[NORMATIVE]["U_NOX"].to_numpy()
    assert np.allclose(out[WANG]["C_NOX"], coupling_degree([u1, u2], WANG), equal_nan=True)
    assert np.allclose(out[NORMATIVE]["C_NOX"], coupling_degree([u1, u2], NORMATIVE), equal_nan=True)
    d = out[WANG]["D_NOX"].to_numpy()
    assert np.allclose(d, np.sqrt(out[WANG]["C_NOX"] * (0.5 * u1 + 0.5 * u2)), equal_nan=True)


def test_params_take_the_form_by_code_and_refuse_unknown_ones():
    assert AssessmentParams("2020", "2035", coupling_form="wang2021").coupling_form is WANG
    assert AssessmentParams("2020", "2035").coupling_form is NORMATIVE
    with pytest.raises(JwjtInputError, match="Unknown coupling degree form 'wang'"):
        AssessmentParams("2020", "2035", coupling_form="wang")
