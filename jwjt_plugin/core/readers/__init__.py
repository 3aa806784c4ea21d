"""Readers that turn inventory files into :class:`~jwjt_plugin.core.grid.EmissionGrid` objects.

Every reader returns values in t/yr per cell (float64, NaN = nodata) on a north-up
:class:`~jwjt_plugin.core.grid.GridSpec`, with its findings in ``grid.log``.
"""
from .fishnet import read_fishnet
from .netcdf import MEIC_DEFAULT_GRID, list_variables, read_netcdf_grid
from .raster import read_edgar_txt, read_raster_grid
from .unit_conversion import ACCEPTED_UNITS, cell_areas_m2, parse_units, to_tonnes_per_year

__all__ = [
    "ACCEPTED_UNITS",
    "MEIC_DEFAULT_GRID",
    "cell_areas_m2",
    "list_variables",
    "parse_units",
    "read_edgar_txt",
    "read_fishnet",
    "read_netcdf_grid",
    "read_raster_grid",
    "to_tonnes_per_year",
]
