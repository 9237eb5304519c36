"""``eventwire gazetteer build|add|remove|info|lookup|reverse``: the offline gazetteer index.

``add`` imports the user's GeoNames dump files (``NG.zip``, ``allCountries.zip``,
``cities500.zip``) as dense layers beside the index (``pipeline/places/gazetteer/dense.py``).
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Annotated

import typer

from eventwire.errors import EventwireError

gazetteer_app = typer.Typer(help="Build and query the offline gazetteer.", no_args_is_help=True)


def _fail(exc: EventwireError) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(1)


@gazetteer_app.command("build")
def build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if cached.")] = False,
) -> None:
    """Build the gazetteer index from the installed packages (cached; rebuilt on change)."""
    from eventwire.pipeline.places.gazetteer.build import build_index  # lazy: numpy

    try:
        path, seconds = build_index(force=force)
    except EventwireError as exc:
        _fail(exc)
        return
    what = f"built in {seconds:.1f} s" if seconds else "already built"
    typer.echo(f"{path} ({what}, {path.stat().st_size / 1e6:.1f} MB)", err=True)


def _add_one(path: str, name: str | None) -> tuple[str, int, bool, float]:
    """Import one file (in a worker process): (layer, rows, changed, seconds)."""
    from eventwire.pipeline.places.gazetteer.dense import add_file

    info, changed = add_file(Path(path), name)
    return info.name, info.rows, changed, info.seconds


@gazetteer_app.command("add")
def add(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dump files (.zip or .txt).")],
    name: Annotated[
        str | None, typer.Option("--name", help="Layer name (one file only; default: file stem).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", help="Files imported in parallel.")] = 0,
) -> None:
    """Import GeoNames dump files (XX.zip, allCountries.zip, cities500.zip) as dense layers
    of the offline index; the same file again changes nothing."""
    from eventwire.pipeline.places.gazetteer.dense import check_name, layer_name

    try:
        if name is not None and len(files) > 1:
            raise EventwireError("--name takes one file", "EW-GEO-031")
        names = [check_name(name or layer_name(f)) for f in files]
        if len(set(names)) != len(names):
            raise EventwireError(f"two files would make the same layer: {names}", "EW-GEO-031")
        workers = jobs or min(len(files), os.cpu_count() or 1)
        if workers <= 1 or len(files) == 1:
            results = [_add_one(str(f), name) for f in files]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(_add_one, [str(f) for f in files], [name] * len(files)))
    except EventwireError as exc:
        _fail(exc)
        return
    for layer, rows, changed, seconds in results:
        what = f"added {rows} places in {seconds:.1f} s" if changed else "unchanged"
        typer.echo(f"{layer}: {what}", err=True)
    _refresh()


def _refresh() -> None:
    """Merge the layers with the index now, so that the next load only maps files."""
    from eventwire.pipeline.places.gazetteer.index import refresh_layers

    try:
        seconds = refresh_layers()
    except EventwireError as exc:
        _fail(exc)
        return
    typer.echo(f"layers merged with the index in {seconds:.1f} s", err=True)


@gazetteer_app.command("remove")
def remove(
    layer: Annotated[str, typer.Argument(help="Layer name (see `gazetteer info`).")],
) -> None:
    """Drop a dense layer."""
    from eventwire.pipeline.places.gazetteer.dense import remove_layer

    try:
        info = remove_layer(layer)
    except EventwireError as exc:
        _fail(exc)
        return
    typer.echo(f"{info.name}: removed ({info.rows} places)", err=True)
    _refresh()


@gazetteer_app.command("info")
def info() -> None:
    """Print the index path, version, size, row counts and dense layers as JSON."""
    from eventwire.pipeline.places.gazetteer.build import index_path, index_version  # lazy: numpy
    from eventwire.pipeline.places.gazetteer.dense import list_layers
    from eventwire.pipeline.places.gazetteer.index import FEATURE_NAMES, load_gazetteer

    try:
        gaz = load_gazetteer()
        layers = list_layers()
    except EventwireError as exc:
        _fail(exc)
        return
    path = index_path()
    counts = {name: int((gaz.feat == code).sum()) for code, name in FEATURE_NAMES.items()}
    typer.echo(
        json.dumps(
            {
                "path": str(path),
                "version": index_version(),
                "size_mb": round(path.stat().st_size / 1e6, 1),
                "rows": len(gaz),
                "base_rows": gaz.base_rows,
                "by_feature": counts,
                "layers": [
                    {
                        "name": i.name,
                        "rows": i.rows,
                        "names": i.keys,
                        "size_mb": round(i.size_bytes / 1e6, 1),
                        "source": i.source,
                        "sha256": i.sha256,
                        "current": i.current,
                    }
                    for i in layers
                ],
            },
            indent=2,
        )
    )
    for i in layers:
        if not i.current:
            typer.echo(
                f"{i.name}: imported by an older eventwire (other name keys); "
                f"`eventwire gazetteer add {i.source}` imports it again",
                err=True,
            )


@gazetteer_app.command("lookup")
def lookup(
    name: str,
    country: Annotated[str | None, typer.Option("--country", help="ISO2 filter, e.g. IQ.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most candidates to show.")] = 10,
) -> None:
    """Print the gazetteer entries matching a name, biggest first, one JSON object a line."""
    from eventwire.pipeline.places.gazetteer.index import load_gazetteer

    gaz = load_gazetteer()
    cands = gaz.lookup(name)
    if country:
        cands = [c for c in cands if gaz.country_code(c.index) == country.upper()]
    cands.sort(key=lambda c: (-c.flag, -int(gaz.pop[c.index])))
    if not cands:
        typer.echo(f"no gazetteer entry for {name!r}", err=True)
        raise typer.Exit(1)
    for c in cands[:limit]:
        p = gaz.place(c.index)
        typer.echo(
            json.dumps(
                {
                    "name": p.name,
                    "geonameid": p.geonameid,
                    "lat": p.lat,
                    "lon": p.lon,
                    "admin1": p.admin1,
                    "country": p.country,
                    "feature": p.feature,
                    "population": int(gaz.pop[c.index]),
                    "feature_code": gaz.feature_code(c.index),
                    "match": {2: "name", 1: "alternate", 0: "article", -1: "loose"}[c.flag],
                },
                ensure_ascii=False,
            )
        )


@gazetteer_app.command("reverse")
def reverse(lat: float, lon: float) -> None:
    """Print the admin1 and country of a point."""
    from eventwire.pipeline.places.gazetteer.index import load_gazetteer

    admin1, cc = load_gazetteer().reverse(lat, lon)
    typer.echo(json.dumps({"admin1": admin1, "country": cc}, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    """Add the ``gazetteer`` command group to the main app."""
    app.add_typer(gazetteer_app, name="gazetteer")
