"""``eventwire review``: review events and canonical events from the command line.

eventwire review event EVENT_ID --correct '{"fatalities": {"best": 5}}' --author ann
eventwire review event EVENT_ID --reject --author ann --note "not an event"
eventwire review merge CANONICAL_A CANONICAL_B --author ann
eventwire review split CANONICAL_ID EVENT_ID --author ann
eventwire review list [--orphaned]      # JSONL: every review, or those matching no event
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from eventwire.cli.common import (
    ConfigOption,
    DbOption,
    DebugOption,
    err_console,
    handle_errors,
    settings_from,
)

AuthorOption = Annotated[str, typer.Option("--author", help="Who reviews (kept in the audit).")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why (kept in the audit).")]


def _jsonl(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def register(app: typer.Typer) -> None:
    review_app = typer.Typer(help="Review events: correct, confirm, reject, merge, split.")
    app.add_typer(review_app, name="review")

    @review_app.command("event")
    @handle_errors
    def review_event(
        event_id: Annotated[str, typer.Argument(help="The report-level event id.")],
        author: AuthorOption,
        correct: Annotated[
            str | None,
            typer.Option(help='Changed fields as JSON, e.g. \'{"fatalities": {"best": 5}}\'.'),
        ] = None,
        reject: Annotated[bool, typer.Option("--reject", help="Not an event.")] = False,
        note: NoteOption = None,
        db: DbOption = None,
        config: ConfigOption = None,
        debug: DebugOption = False,
    ) -> None:
        """Correct (--correct JSON), reject (--reject) or else confirm one event."""
        from eventwire.db.review import add_review
        from eventwire.db.review_fields import actor_lookup
        from eventwire.db.store import Store

        if correct and reject:
            raise typer.BadParameter("--correct and --reject exclude each other")
        try:
            changes = json.loads(correct) if correct else None
        except json.JSONDecodeError as exc:
            raise typer.BadParameter(f"not JSON: {exc}", param_hint="--correct") from None
        action = "correct" if correct else "reject" if reject else "confirm"
        settings = settings_from(db, config)
        actors = actor_lookup(settings.user_actor_files)
        with Store.open(settings.db) as store:
            review = add_review(store.con, event_id, action, changes, author, note, actors=actors)
        err_console.print(f"{action} of {event_id} stored as review {review['review_id']}")

    @review_app.command("merge")
    @handle_errors
    def merge(
        first: Annotated[str, typer.Argument(help="A canonical id.")],
        second: Annotated[str, typer.Argument(help="Another canonical id.")],
        author: AuthorOption,
        note: NoteOption = None,
        db: DbOption = None,
        config: ConfigOption = None,
        debug: DebugOption = False,
    ) -> None:
        """Merge two canonical events into one."""
        _cluster_review(db, config, "merge", [first, second], author, None, note)

    @review_app.command("split")
    @handle_errors
    def split(
        canonical_id: Annotated[str, typer.Argument(help="The canonical id.")],
        event_id: Annotated[str, typer.Argument(help="The report event to take out.")],
        author: AuthorOption,
        note: NoteOption = None,
        db: DbOption = None,
        config: ConfigOption = None,
        debug: DebugOption = False,
    ) -> None:
        """Take one report event out of a canonical event."""
        _cluster_review(db, config, "split", [canonical_id], author, event_id, note)

    @review_app.command("list")
    @handle_errors
    def list_(
        orphaned: Annotated[
            bool, typer.Option("--orphaned", help="Only reviews matching no event now.")
        ] = False,
        db: DbOption = None,
        config: ConfigOption = None,
        debug: DebugOption = False,
    ) -> None:
        """Every review as JSONL (event reviews, then merges and splits)."""
        from eventwire.db.review import list_reviews, orphaned_reviews
        from eventwire.db.review_clusters import cluster_reviews, orphaned_cluster_reviews
        from eventwire.db.store import Store

        settings = settings_from(db, config)
        with Store.open(settings.db, read_only=True) as store:
            if orphaned:
                rows = orphaned_reviews(store.con) + orphaned_cluster_reviews(store.con)
            else:
                rows = list_reviews(store.con) + cluster_reviews(store.con)
        _jsonl(rows)
        if orphaned:
            err_console.print(f"{len(rows)} orphaned reviews")


def _cluster_review(
    db: str | None,
    config: str | None,
    action: str,
    canonical_ids: list[str],
    author: str,
    event_id: str | None,
    note: str | None,
) -> None:
    """Store a merge or split, then re-cluster so the canonical tables show it."""
    from eventwire.db.review_clusters import add_cluster_review
    from eventwire.db.store import Store
    from eventwire.dedup.cluster import STAGE_NAME, cluster_store

    settings = settings_from(db, config)
    with Store.open(settings.db) as store:
        review = add_cluster_review(store.con, action, canonical_ids, author, event_id, note)
        summary = cluster_store(store, settings.options(STAGE_NAME))
    err_console.print(
        f"{action} stored as review {review['review_id']}; "
        f"{summary.canonical_total} canonical events"
    )
