"""Command line: `python -m bot run | ask | seed | timeline | export | import | db upgrade`.

Every command but `run` works offline with no token. Each one opens the database the same way
(migrate, seed an empty database), so a first `ask` on a fresh machine just works.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path
from typing import Any, Sequence

from bot import clock
from bot.config import Settings, SettingsError, load_settings

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="A Telegram bot that keeps the timeline of a diplomatic negotiation.",
    )
    parser.add_argument("--database-url", help="overrides DATABASE_URL for this command")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("run", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")

    ask = commands.add_parser("ask", help="answer a question as the bot would")
    ask.add_argument("question", nargs="*", help="the question; `-` reads one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per question, on one line")
    ask.add_argument("--lang", choices=("en", "tr", "ru"), help="answer in this language (default: the question's)")
    ask.add_argument("--zone", help="the reader's time zone (default: DEFAULT_TIMEZONE)")
    ask.add_argument("--negotiation", metavar="KEY", help="only this negotiation")

    seed = commands.add_parser("seed", help="load the bundled timelines (idempotent; keeps admin edits)")
    seed.add_argument("files", nargs="*", type=Path, help="bundle files (default: the bundled ones)")

    timeline = commands.add_parser("timeline", help="print the timeline in date order")
    timeline.add_argument("--negotiation", metavar="KEY", help="only this negotiation")
    timeline.add_argument("--lang", choices=("en", "tr", "ru"), default=None)
    timeline.add_argument("--zone", help="the reader's time zone (default: DEFAULT_TIMEZONE)")

    export = commands.add_parser("export", help="write a negotiation as a bundle file (YAML or JSON)")
    export.add_argument("--negotiation", metavar="KEY", help="which negotiation (default: the only one)")
    export.add_argument("--format", choices=("yaml", "json"), default=None, help="default: from -o, else yaml")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    imp = commands.add_parser("import", help="load a bundle file; its contents overwrite what is stored")
    imp.add_argument("file", type=Path)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("upgrade", help="apply pending migrations")
    db_commands.add_parser("current", help="print the database's migration revision")
    return parser


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit code 2."""


async def _open(settings: Settings) -> Any:
    from bot.runtime import open_database

    return await open_database(settings.database_url)


async def _negotiation_id(session: Any, key: str | None) -> int | None:
    if key is None:
        return None
    from storage.queries import all_negotiation_keys, negotiation_by_key

    negotiation = await negotiation_by_key(session, key)
    if negotiation is None:
        known = ", ".join(await all_negotiation_keys(session)) or "none"
        raise UsageError(f"no negotiation with key {key!r}; known keys: {known}")
    return negotiation.id


def _questions(args: argparse.Namespace) -> list[str] | None:
    """None means: stream from standard input."""
    if args.question == ["-"]:
        return None
    if not args.question:
        raise UsageError('ask needs a question, e.g. python -m bot ask "When do the joint patrols begin?"')
    return [" ".join(args.question)]


async def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    from bot.answering import Answerer
    from bot.snapshot import load_snapshot

    questions = _questions(args)
    database = await _open(settings)
    try:
        async with database.session() as session:
            negotiation_id = await _negotiation_id(session, args.negotiation)
            snapshot = await load_snapshot(session)
    finally:
        await database.dispose()
    answerer = Answerer(snapshot)
    zone = args.zone or settings.default_timezone

    def reply(question: str) -> None:
        answer = answerer.answer(
            question, now=clock.now(), language=args.lang, reader_zone=zone, negotiation_id=negotiation_id
        )
        if args.json:
            payload = {
                "answered": answer.answered,
                "answer": answer.plain_text(),
                "language": answer.language,
                "matches": [
                    {"id": m.id, "title": m.title, "date": m.date, "status": m.status, "source": m.source}
                    for m in answer.matches
                ],
            }
            print(json.dumps(payload, ensure_ascii=False), flush=True)
        else:
            print(answer.plain_text(), flush=True)
            if questions is None:
                print(flush=True)

    if questions is None:
        for line in sys.stdin:
            reply(line.rstrip("\n"))
    else:
        for question in questions:
            reply(question)
    return EXIT_OK


async def cmd_seed(settings: Settings, args: argparse.Namespace) -> int:
    from storage.db import Database
    from storage.seeding import seed_bundled

    database = Database(settings.database_url)
    try:
        await database.upgrade()
        async with database.session() as session:
            reports = await seed_bundled(session, list(args.files) or None)
    finally:
        await database.dispose()
    for report in reports:
        print(report.summary())
    return EXIT_OK


async def cmd_timeline(settings: Settings, args: argparse.Namespace) -> int:
    from bot.citations import source_line
    from bot.dates import format_when, iso_date
    from bot.snapshot import load_snapshot

    language = args.lang or settings.default_language
    zone = args.zone or settings.default_timezone
    database = await _open(settings)
    try:
        async with database.session() as session:
            negotiation_id = await _negotiation_id(session, args.negotiation)
            snapshot = await load_snapshot(session, negotiation_id=negotiation_id)
    finally:
        await database.dispose()
    for negotiation in snapshot.negotiations:
        print(f"# {negotiation.title} [{negotiation.key}]")
        for event in snapshot.events_of(negotiation.id):
            source = source_line(event.sources[0], language) if event.sources else "no source"
            print(
                f"{iso_date(event.when) or '????-??-??'}  {format_when(event.when, language, zone)}  "
                f"{event.title_in(language)}  [{event.status}]  (#{event.id}; source: {source})"
            )
    return EXIT_OK


async def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from storage.bundle import dump_bundle
    from storage.queries import all_negotiation_keys
    from storage.seeding import export_bundle_data

    fmt = args.format or ("json" if args.output and args.output.suffix.lower() == ".json" else "yaml")
    database = await _open(settings)
    try:
        async with database.session() as session:
            key = args.negotiation
            if key is None:
                keys = await all_negotiation_keys(session)
                if len(keys) != 1:
                    raise UsageError(f"several negotiations are stored; choose one with --negotiation ({', '.join(keys)})")
                key = keys[0]
            await _negotiation_id(session, key)
            data = await export_bundle_data(session, key)
    finally:
        await database.dispose()
    text = dump_bundle(data, fmt)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {key} ({len(data['events'])} events, {len(data['points'])} points) to {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


async def cmd_import(settings: Settings, args: argparse.Namespace) -> int:
    from storage.bundle import read_bundle
    from storage.seeding import apply_bundle

    bundle = read_bundle(args.file)  # validated whole before anything is written
    database = await _open(settings)
    try:
        async with database.session() as session:
            report = await apply_bundle(session, bundle, actor=f"import:{args.file.name}")
            await session.commit()
    finally:
        await database.dispose()
    print(report.summary())
    return EXIT_OK


async def cmd_db(settings: Settings, args: argparse.Namespace) -> int:
    from storage.db import Database, head_revision

    database = Database(settings.database_url)
    try:
        if args.db_command == "upgrade":
            before = await database.current_revision()
            await database.upgrade()
            print(f"database at revision {head_revision()} (was {before or 'empty'})")
        else:
            print(await database.current_revision() or "empty")
    finally:
        await database.dispose()
    return EXIT_OK


def cmd_run(settings: Settings) -> int:
    settings.require_token()
    from bot.app import run_bot

    run_bot(settings)
    return EXIT_OK


COMMANDS = {
    "ask": cmd_ask,
    "seed": cmd_seed,
    "timeline": cmd_timeline,
    "export": cmd_export,
    "import": cmd_import,
    "db": cmd_db,
}


def main(argv: Sequence[str] | None = None) -> int:
    from storage.bundle import BundleError

    args = _parser().parse_args(argv)
    try:
        overrides = {"database_url": args.database_url} if args.database_url else {}
        settings = load_settings(**overrides)
        from bot.logging_setup import configure_logging

        configure_logging("WARNING" if args.command != "run" else settings.log_level, settings.token)
        if args.command == "run":
            return cmd_run(settings)
        return asyncio.run(COMMANDS[args.command](settings, args))
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BundleError as exc:
        print(f"error: the file is invalid; nothing was loaded ({len(exc.problems)} problem(s)):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    logging.captureWarnings(True)
    sys.exit(main())
