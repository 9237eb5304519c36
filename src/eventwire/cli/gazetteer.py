"""``eventwire gazetteer build|info|lookup|reverse``: the offline gazetteer index."""

from __future__ import annotations

import json
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


@gazetteer_app.command("info")
def info() -> None:
    """Print the index path, version, size and row counts as JSON."""
    from eventwire.pipeline.places.gazetteer.build import index_path, index_version  # lazy: numpy
    from eventwire.pipeline.places.gazetteer.index import FEATURE_NAMES, load_gazetteer

    try:
        gaz = load_gazetteer()
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
                "by_feature": counts,
            },
            indent=2,
        )
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
