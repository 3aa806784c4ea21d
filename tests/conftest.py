"""Settings for every test run, core and QGIS alike."""
import os
import shutil
import subprocess

import pytest

# GDAL would write .aux.xml statistics next to the sample rasters in the repository.
os.environ["GDAL_PAM_ENABLED"] = "NO"
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")


@pytest.fixture()
def readonly_dir(tmp_path):
    """A folder nobody can create files in: mode 555, and for root (whom modes do not stop) the
    immutable attribute (chattr +i). Skips where root has no chattr."""
    d = tmp_path / "readonly"
    d.mkdir()
    d.chmod(0o555)
    immutable = False
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(d)], capture_output=True).returncode:
            d.chmod(0o755)
            pytest.skip("running as root without chattr +i: no folder is read-only")
        immutable = True
    yield d
    if immutable:
        subprocess.run(["chattr", "-i", str(d)], check=True)
    d.chmod(0o755)
