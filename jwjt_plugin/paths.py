"""Where the plugin's data lives: inside the plugin folder once packaged, beside it in a checkout."""
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


def resources_dir() -> Path:
    return _first_existing(PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources")


def i18n_dir() -> Path:
    return _first_existing(PLUGIN_DIR / "i18n", PLUGIN_DIR.parent / "i18n")


def sample_city_dir() -> Path:
    return resources_dir() / "sample_city"


def icon_path(name: str = "jwjt.svg") -> str:
    return str(resources_dir() / "icons" / name)
