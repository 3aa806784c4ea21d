"""Settings for every test run, core and QGIS alike."""
import os

# GDAL would write .aux.xml statistics next to the sample rasters in the repository.
os.environ["GDAL_PAM_ENABLED"] = "NO"
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
