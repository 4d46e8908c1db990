"""Front-end assets: `python -m newsgraph.web.assets`.

Runs `npm ci` (from package.json + package-lock.json at the repository root) when
node_modules is missing or older than the lock file, then copies the few dist files
the UI needs into newsgraph/web/static/vendor/ (git-ignored). The world map is the
world-atlas TopoJSON, so the UI needs no tile server and works offline.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
VENDOR = Path(__file__).parent / "static" / "vendor"
# node_modules path -> vendor file name (.js so every server sends a JavaScript MIME type)
FILES = {
    "cytoscape/dist/cytoscape.esm.min.mjs": "cytoscape.esm.js",
    "leaflet/dist/leaflet-src.esm.js": "leaflet.esm.js",
    "leaflet/dist/leaflet.css": "leaflet.css",
    "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
    "world-atlas/countries-50m.json": "countries-50m.json",
    "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui-bundle.js",
    "swagger-ui-dist/swagger-ui.css": "swagger-ui.css",
    "leaflet/LICENSE": "LICENSE.leaflet",
    "cytoscape/LICENSE": "LICENSE.cytoscape",
    "topojson-client/LICENSE": "LICENSE.topojson-client",
    "world-atlas/LICENSE": "LICENSE.world-atlas",
    "swagger-ui-dist/LICENSE": "LICENSE.swagger-ui",
}


def node_modules_stale(root: Path = ROOT) -> bool:
    modules, lock = root / "node_modules", root / "package-lock.json"
    marker = modules / ".package-lock.json"
    return not marker.exists() or (lock.exists() and lock.stat().st_mtime > marker.stat().st_mtime)


def install(root: Path = ROOT) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm not found: install Node.js (Debian: apt-get install -y npm)")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=root, check=True)


def copy_assets(root: Path = ROOT, vendor: Path = VENDOR) -> list[Path]:
    vendor.mkdir(parents=True, exist_ok=True)
    copied = []
    for src, name in FILES.items():
        path = root / "node_modules" / src
        if not path.exists():
            raise SystemExit(f"missing {path}: run `npm ci` in {root}")
        shutil.copyfile(path, vendor / name)
        copied.append(vendor / name)
    return copied


def assets_present(vendor: Path = VENDOR) -> bool:
    return all((vendor / name).exists() for name in FILES.values())


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if node_modules_stale():
        install()
    for path in copy_assets():
        log.info("vendored %s", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
