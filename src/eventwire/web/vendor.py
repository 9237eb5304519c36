"""Copy the dashboard's front-end libraries from ./node_modules into static/vendor/.

``npm ci`` installs them from package.json + package-lock.json (the npm registry, at
install time); this module copies the few files the dashboard loads, with their licences,
so nothing comes from a CDN at run time. ``static/vendor/`` is git-ignored.

    python -m eventwire.web.vendor [--node-modules PATH]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from eventwire.errors import ConfigError

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = STATIC / "vendor"

# package -> [(file in the package, destination under vendor/)]
FILES: dict[str, list[tuple[str, str]]] = {
    "leaflet": [
        ("dist/leaflet-src.js", "leaflet/leaflet.js"),
        ("dist/leaflet.css", "leaflet/leaflet.css"),
        ("dist/images/layers.png", "leaflet/images/layers.png"),
        ("dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
        ("dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
        ("dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
        ("dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
        ("LICENSE", "leaflet/LICENSE"),
    ],
    "leaflet.markercluster": [
        ("dist/leaflet.markercluster-src.js", "leaflet.markercluster/leaflet.markercluster.js"),
        ("dist/MarkerCluster.css", "leaflet.markercluster/MarkerCluster.css"),
        ("MIT-LICENCE.txt", "leaflet.markercluster/LICENSE"),
    ],
    "world-atlas": [
        ("countries-50m.json", "world-atlas/countries-50m.json"),
        ("LICENSE", "world-atlas/LICENSE"),
    ],
    "topojson-client": [
        ("dist/topojson-client.js", "topojson-client/topojson-client.js"),
        ("LICENSE", "topojson-client/LICENSE"),
    ],
    "uplot": [
        ("dist/uPlot.iife.js", "uplot/uPlot.iife.js"),
        ("dist/uPlot.min.css", "uplot/uPlot.min.css"),
        ("LICENSE", "uplot/LICENSE"),
    ],
    "swagger-ui-dist": [
        ("swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"),
        ("swagger-ui.css", "swagger-ui/swagger-ui.css"),
        ("favicon-32x32.png", "swagger-ui/favicon-32x32.png"),
        ("LICENSE", "swagger-ui/LICENSE"),
    ],
    "cytoscape": [
        ("dist/cytoscape.umd.js", "cytoscape/cytoscape.umd.js"),
        ("LICENSE", "cytoscape/LICENSE"),
    ],
}


def copy_vendor(node_modules: Path, dest: Path = VENDOR) -> dict[str, str]:
    """Copy the files into ``dest``; return ``{package: version}``; raise if any is missing."""
    missing = [
        f"{pkg}/{src}"
        for pkg, files in FILES.items()
        for src, _ in files
        if not (node_modules / pkg / src).is_file()
    ]
    if missing:
        raise ConfigError(
            f"front-end files missing from {node_modules}: {', '.join(missing[:5])}; "
            "run `npm ci` at the repository root first",
            "EW-WEB-001",
        )
    versions: dict[str, str] = {}
    for pkg, files in FILES.items():
        meta = json.loads((node_modules / pkg / "package.json").read_text(encoding="utf-8"))
        versions[pkg] = str(meta.get("version", "?"))
        for src, dst in files:
            target = dest / dst
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(node_modules / pkg / src, target)
    (dest / "VERSIONS.json").write_text(json.dumps(versions, indent=2, sort_keys=True) + "\n")
    return versions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.web.vendor", description=__doc__)
    parser.add_argument("--node-modules", default="node_modules", type=Path)
    args = parser.parse_args(argv)
    try:
        versions = copy_vendor(args.node_modules)
    except ConfigError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    names = ", ".join(f"{k} {v}" for k, v in sorted(versions.items()))
    sys.stderr.write(f"copied {names} into {VENDOR}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
