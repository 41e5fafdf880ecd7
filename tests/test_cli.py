"""The command line as a user runs it: real subprocesses, a fresh SQLite file each time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def run(args: list[str], tmp_path: Path, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_"))}
    environment |= {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.sqlite3'}", "PYTHONPATH": str(REPO)}
    environment |= env
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=tmp_path,
        env=environment, timeout=60,
    )


@pytest.mark.parametrize("token", [None, "", "   "])
def test_run_without_a_token_exits_2_with_one_clear_line(tmp_path: Path, token: str | None) -> None:
    env = {} if token is None else {"TELEGRAM_BOT_TOKEN": token}
    result = run(["run"], tmp_path, **env)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_malformed_setting_exits_2_naming_it(tmp_path: Path) -> None:
    result = run(["timeline"], tmp_path, DEFAULT_TIMEZONE="Nowhere/City")
    assert result.returncode == 2
    assert result.stderr.startswith("error: DEFAULT_TIMEZONE")
    assert "Traceback" not in result.stderr


def test_ask_json_contract(tmp_path: Path) -> None:
    result = run(["ask", "--json", "When do the joint patrols begin?"], tmp_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) == {"answered", "answer", "language", "matches"}
    assert payload["answered"] is True and payload["language"] == "en"
    assert "15 March 2020" in payload["answer"]
    assert "<" not in payload["answer"]  # plain text, no HTML
    top = payload["matches"][0]
    assert set(top) == {"id", "title", "date", "status", "source"}
    assert top["date"] == "2020-03-15"
    assert "Al Jazeera" in top["source"]
    assert "Al Jazeera" in payload["answer"]


def test_ask_reads_questions_from_stdin_in_order(tmp_path: Path) -> None:
    questions = "When do the joint patrols begin?\nwhat's the weather in Paris?\nKoridor ne kadar geniş?\n"
    result = run(["ask", "--json", "-"], tmp_path, stdin=questions)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["answered"] for line in lines] == [True, False, True]
    assert lines[2]["language"] == "tr"


def test_ask_plain_text(tmp_path: Path) -> None:
    result = run(["ask", "how", "wide", "is", "the", "corridor?"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "6 km" in result.stdout


def test_timeline_lists_events_in_date_order_with_sources(tmp_path: Path) -> None:
    result = run(["timeline"], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line[:4].isdigit()]
    dates = [line.split()[0] for line in lines]
    assert dates == sorted(dates)
    patrols = next(line for line in lines if line.startswith("2020-03-15"))
    assert "Sunday, 15 March 2020" in patrols and "[scheduled]" in patrols and "Al Jazeera" in patrols
    assert any("February 2020" in line for line in lines)  # month precision is not shown as a day


def test_unknown_negotiation_exits_2_listing_known_ones(tmp_path: Path) -> None:
    result = run(["timeline", "--negotiation", "nope"], tmp_path)
    assert result.returncode == 2
    assert "idlib-ankara-2020" in result.stderr


def test_seed_twice_then_db_commands(tmp_path: Path) -> None:
    first = run(["seed"], tmp_path)
    second = run(["seed"], tmp_path)
    assert first.returncode == second.returncode == 0
    assert "created" in first.stdout and "0 created, 0 updated" in second.stdout
    upgrade = run(["db", "upgrade"], tmp_path)
    assert upgrade.returncode == 0 and "revision" in upgrade.stdout
    current = run(["db", "current"], tmp_path)
    assert current.stdout.strip() == upgrade.stdout.split()[3]


def test_export_import_round_trip_via_files(tmp_path: Path) -> None:
    exported = tmp_path / "out.yaml"
    assert run(["export", "-o", str(exported)], tmp_path).returncode == 0
    data = yaml.safe_load(exported.read_text(encoding="utf-8"))
    data["events"][0]["title"] = "Edited in the file <&>"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'other.sqlite3'}"}
    result = run(["import", str(edited)], tmp_path, **other)
    assert result.returncode == 0, result.stderr
    assert "1 updated" in result.stdout
    again = tmp_path / "again.json"
    assert run(["export", "-o", str(again)], tmp_path, **other).returncode == 0
    assert json.loads(again.read_text(encoding="utf-8")) == data


def test_import_of_an_invalid_file_loads_nothing_and_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "negotiation: {key: talks, title: Talks}\n"
        "events:\n  - {key: a, title: A, date: '2030-13-45', sources: [{publisher: X}]}\n",
        encoding="utf-8",
    )
    result = run(["import", str(bad)], tmp_path)
    assert result.returncode == 1
    assert "bad.yaml: events[0] (key 'a')" in result.stderr and "not a real date" in result.stderr
    listing = run(["timeline", "--negotiation", "talks"], tmp_path)
    assert listing.returncode == 2
