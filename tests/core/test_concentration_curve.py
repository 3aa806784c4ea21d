"""The concentration curve reads at dock size and in the atlas: nothing clipped or covered,
every text the caller's language, the log axis explained."""
import pytest
from matplotlib.figure import Figure

from jwjt_plugin.cli import SAMPLE_GRIDS
from jwjt_plugin.core.pipeline import run_synergy
from jwjt_plugin.core.readers.raster import read_raster_grid
from jwjt_plugin.core.report import draw_concentration_curve, plot_concentration_curve
from jwjt_plugin.core.terms import has_cjk
from jwjt_plugin.core.units_io import read_vector
from jwjt_plugin.paths import sample_city_dir

ZH_TITLE, ZH_AXES = "排放集中度曲线", ("按 CO2 排序的网格比例（%）", "累计排放占比（%）")


@pytest.fixture(scope="module")
def result():
    folder = sample_city_dir()
    frame = read_vector(str(folder / "units.gpkg"), "control_units")
    grids = {s: read_raster_grid(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    return run_synergy(frame, grids)[1]


def drawn(fig):
    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    return renderer


def texts(fig):
    found = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        found += [t.get_text() for t in ax.texts] + [ax.get_xlabel(), ax.get_ylabel()]
        legend = ax.get_legend()
        if legend is not None:
            found += [t.get_text() for t in legend.get_texts()]
    return [t for t in found if t]


def value_labels(ax):
    return [t for t in ax.texts if t.get_text().endswith(" %") and t.get_text()[0].isdigit()]


def figure_at(px_w, px_h, dpi=90):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(px_w / dpi, px_h / dpi), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


@pytest.mark.parametrize("size", [(420, 300), (560, 420), (1000, 230), (760, 500)])
def test_nothing_is_clipped_or_covered(result, size):
    fig = figure_at(*size)
    draw_concentration_curve(fig, result, ZH_TITLE, ZH_AXES)
    renderer = drawn(fig)
    ax = fig.axes[0]
    frame = fig.bbox
    for artist in [ax.yaxis.label, ax.xaxis.label, *fig.texts, ax.get_legend()]:
        box = artist.get_window_extent(renderer)
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1 and frame.y0 - 1 <= box.y0 \
            and box.y1 <= frame.y1 + 1, f"{artist} leaves the figure at {size}"
    labels = value_labels(ax)
    assert len(labels) == len(result.concentration)
    boxes = [t.get_window_extent(renderer) for t in labels]
    legend = ax.get_legend().get_window_extent(renderer)
    for i, box in enumerate(boxes):
        assert not box.overlaps(legend), f"the legend covers {labels[i].get_text()} at {size}"
        for j in range(i):
            assert not box.overlaps(boxes[j]), f"{labels[i].get_text()} and {labels[j].get_text()} overlap"
    # the legend lies outside the plotting area, above it
    assert legend.y0 >= ax.get_window_extent(renderer).y1 - 1


def test_caller_texts_are_used_and_the_log_axis_is_explained(result):
    fig = figure_at(420, 300)
    draw_concentration_curve(fig, result, ZH_TITLE, ZH_AXES, marker="前 {k}% 网格",
                             note="横轴为对数坐标：排名靠前的少数网格集中了大部分排放。")
    found = texts(fig)
    assert "前 5% 网格" in found
    assert "横轴为对数坐标：排名靠前的少数网格集中了大部分排放。" in found
    assert ZH_TITLE in found and ZH_AXES[0] in found and ZH_AXES[1] in found
    assert fig.axes[0].get_xscale() == "log"


def test_a_chinese_caller_gets_no_english_words_inside_the_chart(result):
    """The atlas passes a Chinese title and axis labels only (positionally): the marker and
    the note follow their language."""
    fig = figure_at(760, 500)
    draw_concentration_curve(fig, result, ZH_TITLE, ZH_AXES)
    for text in texts(fig):
        words = "".join(ch for ch in text if ch.isalpha() and ch.isascii())
        assert words in ("", "CO", "NOx", "VOCs", "PM"), text
    assert any("前 5%" in t for t in texts(fig))
    assert any(has_cjk(t) and "对数" in t for t in texts(fig))


def test_an_english_caller_gets_english_defaults(result):
    fig = figure_at(420, 300)
    draw_concentration_curve(fig, result, "Emission concentration curve", ("Cells (%)", "Share (%)"))
    found = texts(fig)
    assert "top 5 % of cells" in found
    assert any(t.startswith("Logarithmic x axis") for t in found)
    assert not any(has_cjk(t) for t in found)


def test_linear_axis_has_no_log_note(result):
    fig = figure_at(420, 300)
    draw_concentration_curve(fig, result, "T", ("x", "y"), note="NOTE", log_x=False)
    assert fig.axes[0].get_xscale() == "linear"
    assert fig.axes[0].get_xlim() == (0, 100)
    assert "NOTE" not in texts(fig)


def test_the_cli_plot_keeps_its_bilingual_defaults(result, tmp_path):
    path = plot_concentration_curve(result, str(tmp_path / "curve.png"), dpi=60)
    assert (tmp_path / "curve.png").stat().st_size > 1000 and path.endswith("curve.png")
    fig = Figure(figsize=(7, 4.6))
    draw_concentration_curve(fig, result)
    found = texts(fig)
    assert "Emission concentration curve / 排放集中度曲线" in found
    assert "top 5 % of cells" in found


def test_drawing_again_replaces_the_chart(result):
    fig = figure_at(420, 300)
    for _ in range(3):
        draw_concentration_curve(fig, result, "T", ("x", "y"))
    assert len(fig.axes) == 1 and len(value_labels(fig.axes[0])) == len(result.concentration)
