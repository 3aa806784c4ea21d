"""Exact overlay weights against independent truths: hand-computed areas, shapely's
exact cell intersections, mass conservation and exactextract."""
import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from jwjt_plugin.core.grid import GridSpec
from jwjt_plugin.core.overlay import Cancelled, compute_weights

# 6 columns x 4 rows of 10 x 20 cells; top-left corner (100, 2000)
SPEC = GridSpec(100.0, 2000.0, 10.0, 20.0, 4, 6)


def cell_boxes(spec):
    xs = spec.x0 + np.arange(spec.ncols) * spec.dx
    ys = spec.y0 - np.arange(spec.nrows) * spec.dy
    return np.array([box(x, y - spec.dy, x + spec.dx, y) for y in ys for x in xs])


def shapely_fractions(geom, spec):
    """Reference: exact intersection area of geom with every cell, as a cell fraction."""
    return (shapely.area(shapely.intersection(cell_boxes(spec), geom)) / spec.cell_area).reshape(spec.shape)


def dense_fractions(weights, unit, spec):
    out = np.zeros(spec.nrows * spec.ncols)
    sel = weights.interior_unit == unit
    out[weights.interior_cell[sel]] += 1.0
    sel = weights.boundary_unit == unit
    np.add.at(out, weights.boundary_cell[sel], weights.boundary_frac[sel])
    return out.reshape(spec.shape)


def test_triangle_by_hand():
    # Right triangle with legs along the top-left cell's edges: half of cell (0, 0).
    tri = Polygon([(100, 2000), (110, 2000), (100, 1980)])
    w = compute_weights([tri], SPEC)
    frac = dense_fractions(w, 0, SPEC)
    expected = np.zeros(SPEC.shape)
    expected[0, 0] = 0.5
    np.testing.assert_allclose(frac, expected, atol=1e-12)


def test_rectangle_straddling_cells_by_hand():
    # x 105..125 covers half of col 0, all of col 1, half of col 2; y 1990..1970 covers
    # the lower half of row 0 and the upper half of row 1.
    rect = box(105, 1970, 125, 1990)
    frac = dense_fractions(compute_weights([rect], SPEC), 0, SPEC)
    expected = np.zeros(SPEC.shape)
    expected[0, 0:3] = [0.25, 0.5, 0.25]
    expected[1, 0:3] = [0.25, 0.5, 0.25]
    np.testing.assert_allclose(frac, expected, atol=1e-12)


def test_grid_aligned_box_covers_whole_cells_only():
    w = compute_weights([box(110, 1940, 150, 1980)], SPEC)
    expected = np.zeros(SPEC.shape)
    expected[1:3, 1:5] = 1.0
    np.testing.assert_allclose(dense_fractions(w, 0, SPEC), expected, atol=1e-12)
    assert w.unit_covered_cells()[0] == pytest.approx(8.0, abs=1e-12)


@pytest.mark.parametrize("geom", [
    Polygon([(102, 1995), (157, 1990), (148, 1925), (120, 1950), (104, 1930)]),              # concave
    Polygon([(102, 1995), (157, 1990), (148, 1925), (120, 1950), (104, 1930)][::-1]),        # clockwise
    box(101, 1921, 159, 1999).difference(shapely.Point(130, 1960).buffer(18)),               # hole
    MultiPolygon([box(101, 1981, 109, 1999), box(133.3, 1927.1, 158.2, 1958.8)]),
    box(60, 1950, 125, 2100),            # sticks out left and above
    box(140, 1900, 250, 1935),           # sticks out right and below
    box(0, 0, 10_000, 10_000),           # covers the whole grid, no edge inside it
    shapely.Point(130, 1960).buffer(35, quad_segs=64),
    box(120, 1941, 150, 1980),           # horizontal edge inside a row, vertical edges on grid lines
])
def test_fractions_match_shapely(geom):
    w = compute_weights([geom], SPEC)
    np.testing.assert_allclose(dense_fractions(w, 0, SPEC), shapely_fractions(geom, SPEC), atol=1e-11)


def voronoi_partition(spec, n, seed, clip=None):
    rng = np.random.default_rng(seed)
    xmin, ymin, xmax, ymax = spec.bounds
    frame = clip if clip is not None else box(xmin, ymin, xmax, ymax)
    pts = shapely.multipoints(rng.uniform([xmin, ymin], [xmax, ymax], (n, 2)))
    cells = shapely.get_parts(shapely.voronoi_polygons(pts, extend_to=frame))
    cells = shapely.intersection(cells, frame)
    return shapely.segmentize(cells, spec.dx / 3.7)


def test_random_units_match_shapely_and_conserve_mass():
    spec = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40)
    units = voronoi_partition(spec, 25, seed=7)
    vals = np.random.default_rng(1).lognormal(size=spec.shape)
    w = compute_weights(units, spec, chunk_coords=100)  # several chunks
    ref = np.array([(shapely_fractions(g, spec) * vals).sum() for g in units])
    np.testing.assert_allclose(w.unit_sums(vals), ref, rtol=1e-12)
    # A partition of the grid: per-unit sums add up to the grid total.
    assert abs(w.unit_sums(vals).sum() - vals.sum()) <= 1e-9 * vals.sum()
    np.testing.assert_allclose(w.cell_cover(), 1.0, atol=1e-9)


def test_partial_cover_equals_grid_total_inside_cover():
    spec = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40)
    outline = Polygon([(35, 20), (380, 60), (300, 290), (120, 250), (15, 150)])
    units = voronoi_partition(spec, 12, seed=3, clip=outline)
    vals = np.random.default_rng(2).gamma(0.3, 100, size=spec.shape)
    w = compute_weights(units, spec)
    inside = (shapely_fractions(outline, spec) * vals).sum()
    assert abs(w.unit_sums(vals).sum() - inside) <= 1e-9 * inside


def test_nodata_counts_as_zero_and_masked_sums_agree():
    spec = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40)
    units = voronoi_partition(spec, 15, seed=11)
    rng = np.random.default_rng(5)
    vals = rng.random(spec.shape)
    vals[rng.random(spec.shape) < 0.1] = np.nan
    mask = rng.random(spec.shape) < 0.2
    w = compute_weights(units, spec)
    filled = np.nan_to_num(vals)
    np.testing.assert_allclose(w.unit_sums(vals), w.unit_sums(filled), rtol=1e-13)
    np.testing.assert_allclose(w.unit_sums_masked(vals, mask), w.unit_sums(filled * mask), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(w.unit_sums_masked(None, mask), w.unit_sums(mask.astype(float)), rtol=1e-12)
    # Count of masked cells touched, checked cell by cell.
    touched = np.array([((shapely_fractions(g, spec) > 1e-12) & mask).sum() for g in units])
    np.testing.assert_array_equal(w.unit_cell_counts(mask), touched)


def test_overlapping_units_each_get_their_full_share():
    a, b = box(100, 1940, 140, 2000), box(120, 1920, 160, 1990)
    vals = np.arange(24, dtype=float).reshape(SPEC.shape)
    w = compute_weights([a, b], SPEC)
    ref = [(shapely_fractions(g, SPEC) * vals).sum() for g in (a, b)]
    np.testing.assert_allclose(w.unit_sums(vals), ref, rtol=1e-12)
    mask = vals > 5
    np.testing.assert_allclose(w.unit_sums_masked(vals, mask), [(shapely_fractions(g, SPEC) * vals * mask).sum()
                                                               for g in (a, b)], rtol=1e-12)
    assert w.cell_cover().max() > 1.5


def test_empty_and_missing_geometries_cover_nothing():
    w = compute_weights([None, Polygon(), box(100, 1980, 110, 2000)], SPEC)
    np.testing.assert_allclose(w.unit_covered_cells(), [0.0, 0.0, 1.0])


# Units whose coordinate sequence looks like one closed ring but is not, and their neighbours:
# the ring reader's shortcut for single-ring units must send each of these the general way.
_SHELL = [(100, 2000), (160, 2000), (160, 1920), (100, 1920), (100, 2000)]
RING_CASES = {
    "hole starting at the shell's first vertex": Polygon(_SHELL, [[(100, 2000), (130, 1960), (120, 1950),
                                                                  (100, 2000)]]),
    "shell repeating its first vertex": Polygon([(100, 2000), (100, 2000)] + _SHELL[1:]),
    "single-part multipolygon with a hole": MultiPolygon([Polygon(_SHELL, [[(120, 1990), (140, 1990),
                                                                            (140, 1970), (120, 1990)]])]),
    "two parts": MultiPolygon([box(100, 1980, 110, 2000), box(130, 1940, 150, 1960)]),
    "second part ending at the first's first vertex": MultiPolygon([
        Polygon([(110, 1980), (110, 2000), (100, 2000), (100, 1980), (110, 1980)]),
        Polygon([(110, 1980), (120, 1980), (120, 1960), (110, 1960), (110, 1980)])]),
    "one-part multipolygon": MultiPolygon([Polygon(_SHELL)]),
    "polygon": Polygon(_SHELL),
    "three dimensions": Polygon([(x, y, 7.0) for x, y in _SHELL]),
    "collection": shapely.GeometryCollection([box(100, 1980, 110, 2000), shapely.LineString([(0, 0), (1, 1)])]),
    "closed line in a collection": shapely.GeometryCollection([shapely.LineString(_SHELL)]),
    "empty": Polygon(),
    "missing": None,
}


def _rings_the_general_way(geoms):
    """Per geometry: its rings' coordinates and whether each is a shell, via parts and rings."""
    out = {}
    for i, g in enumerate(geoms):
        rings = []
        for part in shapely.get_parts(g) if g is not None else []:
            if part.geom_type == "Polygon" and not part.is_empty:
                rings.append((shapely.get_coordinates(part.exterior), True))
                rings += [(shapely.get_coordinates(r), False) for r in part.interiors]
        out[i] = rings
    return out


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_ring_reader_gives_every_ring_of_every_unit(order):
    from jwjt_plugin.core.overlay import _ring_coordinates

    geoms = np.array(list(RING_CASES.values()), dtype=object)
    if order == "reversed":
        geoms = geoms[::-1]
    coords, ring_of, is_shell, ring_geom = _ring_coordinates(geoms)
    got = {i: [] for i in range(len(geoms))}
    for r in range(len(is_shell)):
        got[int(ring_geom[r])].append((coords[ring_of == r], bool(is_shell[r])))
    want = _rings_the_general_way(geoms)
    names = list(RING_CASES) if order == "as listed" else list(RING_CASES)[::-1]
    for i, name in enumerate(names):
        assert len(got[i]) == len(want[i]), name
        for (gc, gs), (wc, ws) in zip(got[i], want[i]):
            assert gs == ws, name
            np.testing.assert_array_equal(gc, wc, err_msg=name)
    # A ring's coordinates are consecutive: segments are read between neighbours.
    assert np.all(np.diff(np.flatnonzero(np.diff(ring_of) != 0)) > 0)
    assert len(np.unique(ring_of)) == np.count_nonzero(np.diff(ring_of) != 0) + 1


@pytest.mark.parametrize("name", [n for n in RING_CASES if RING_CASES[n] is not None and not RING_CASES[n].is_empty])
def test_every_ring_shape_matches_shapely(name):
    geom = RING_CASES[name]
    w = compute_weights([geom], SPEC)
    polygonal = shapely.union_all([p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"])
    np.testing.assert_allclose(dense_fractions(w, 0, SPEC), shapely_fractions(polygonal, SPEC), atol=1e-12)


def test_cancel_stops_the_computation():
    spec = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40)
    with pytest.raises(Cancelled):
        compute_weights(voronoi_partition(spec, 20, 1), spec, is_canceled=lambda: True, chunk_coords=50)


def test_matches_exactextract(tmp_path):
    exactextract = pytest.importorskip("exactextract")
    from osgeo import gdal, ogr, osr

    spec = GridSpec(500000.0, 2600000.0, 1000.0, 1000.0, 40, 50)
    units = voronoi_partition(spec, 30, seed=21)
    vals = np.random.default_rng(9).lognormal(2, 2, size=spec.shape)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    tif = str(tmp_path / "v.tif")
    ds = gdal.GetDriverByName("GTiff").Create(tif, spec.ncols, spec.nrows, 1, gdal.GDT_Float64)
    ds.SetGeoTransform(spec.geotransform)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(vals)
    ds = None
    gpkg = str(tmp_path / "u.gpkg")
    vds = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    lyr = vds.CreateLayer("u", srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("uid", ogr.OFTInteger))
    for i, g in enumerate(units):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("uid", i)
        f.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(g)))
        lyr.CreateFeature(f)
    vds = None
    df = exactextract.exact_extract(tif, gpkg, ["sum"], include_cols=["uid"], output="pandas")
    ref = df.sort_values("uid")["sum"].to_numpy()
    ours = compute_weights(units, spec).unit_sums(vals)
    # exactextract's coverage fractions carry ~1e-8 relative error (ours match shapely's
    # exact intersections to 1e-13, see above); the target is 1e-6 per unit.
    np.testing.assert_allclose(ours, ref, rtol=1e-6)


@pytest.mark.parametrize("key_limit", [None, 0])
def test_assembly_is_canonical_whatever_the_chunks(monkeypatch, key_limit):
    """Chunks of any size, some of them empty or off the grid, give the same tables as one
    chunk: runs by (row, first column, unit), boundary entries by (row, unit), with row
    offsets that match. key_limit=0 takes the three-key sort meant for huge grids."""
    from jwjt_plugin.core import overlay

    if key_limit is not None:
        monkeypatch.setattr(overlay, "RUN_KEY_LIMIT", key_limit)
    spec = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40)
    units = list(voronoi_partition(spec, 25, 3))
    units = units[:5] + [None, box(1e6, 1e6, 1e6 + 5, 1e6 + 5)] + units[5:] + [box(5, 5, 395, 295)]
    whole = compute_weights(units, spec, chunk_coords=10**9)
    for chunk in (40, 7):
        w = compute_weights(units, spec, chunk_coords=chunk, workers=1)
        for name in ("run_row", "run_c0", "run_c1", "run_unit", "boundary_cell", "boundary_unit"):
            np.testing.assert_array_equal(getattr(w, name), getattr(whole, name), err_msg=name)
        # Chunks change the order of additions inside a chunk's running sums, nothing more.
        np.testing.assert_allclose(w.boundary_frac, whole.boundary_frac, rtol=0, atol=1e-12)
        np.testing.assert_array_equal(w._bnd_rows, whole._bnd_rows)
        two = compute_weights(units, spec, chunk_coords=chunk, workers=2)
        for name in ("run_row", "run_c0", "run_c1", "run_unit", "boundary_cell", "boundary_unit",
                     "boundary_frac", "_bnd_rows"):
            np.testing.assert_array_equal(getattr(two, name), getattr(w, name), err_msg=name)
    key = (whole.run_row.astype(np.int64) * 41 + whole.run_c0) * len(units) + whole.run_unit
    assert np.all(np.diff(key) > 0)
    b_row = whole.boundary_cell // spec.ncols
    assert np.all(np.diff(b_row) >= 0)
    same_row = np.diff(b_row) == 0
    assert np.all(np.diff(whole.boundary_unit)[same_row] >= 0)
    np.testing.assert_array_equal(whole._bnd_rows, np.searchsorted(b_row, np.arange(spec.nrows + 1)))


def test_run_sums_by_reduceat_equal_the_prefix_sums():
    """Disjoint runs are summed with one reduceat per strip, overlapping ones by row prefix
    sums: on the same weights (nodata inside runs, runs ending the grid) both give one answer."""
    spec = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40)
    units = list(voronoi_partition(spec, 25, 5))
    w = compute_weights(units, spec)
    assert w.runs_disjoint
    rng = np.random.default_rng(3)
    values = rng.random(spec.shape) * 100
    values[rng.random(spec.shape) < 0.05] = np.nan
    values[-1, -1] = np.nan
    fast = w.unit_sums(values)
    w._cache["disjoint"] = False
    slow = w.unit_sums(values)
    np.testing.assert_allclose(fast, slow, rtol=1e-12)
    clean = np.where(np.isnan(values), 0.0, values)
    np.testing.assert_allclose(fast, compute_weights(units, spec).unit_sums(clean), rtol=1e-12)
