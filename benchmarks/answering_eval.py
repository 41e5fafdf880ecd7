"""Score the answering engine on an evaluation file (tests/eval/*.yaml).

    .venv/bin/python benchmarks/answering_eval.py [file ...] [--failures] [--no-aliases]

Prints accuracy per kind and per language, in-scope accuracy for English and for Turkish+Russian,
the out-of-scope decline rate, and how many answers came without a source. `--no-aliases` strips
every hand-written alias from the data first: what an admin adds without aliases must work too.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answering import Answer, Answerer  # noqa: E402
from bot.snapshot import TimelineSnapshot  # noqa: E402

DEFAULT_FILES = [ROOT / "tests/eval/questions.yaml", ROOT / "tests/eval/holdout.yaml"]


@dataclass
class Outcome:
    question: dict[str, Any]
    answer: Answer
    ok: bool
    why: str = ""


@dataclass
class Report:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    def _rate(self, items: list[Outcome]) -> float:
        return sum(o.ok for o in items) / len(items) if items else 1.0

    @property
    def in_scope_en(self) -> float:
        return self._rate([o for o in self.outcomes if o.question["answered"] and o.question["lang"] == "en"])

    @property
    def in_scope_tr_ru(self) -> float:
        return self._rate([o for o in self.outcomes if o.question["answered"] and o.question["lang"] in ("tr", "ru")])

    @property
    def out_of_scope_declined(self) -> float:
        return self._rate([o for o in self.outcomes if not o.question["answered"]])

    @property
    def unsourced(self) -> int:
        return sum(1 for o in self.outcomes if o.answer.answered and not any(b.kind == "source" for b in o.answer.blocks))

    @property
    def unmatched(self) -> int:
        return sum(1 for o in self.outcomes if o.answer.answered and not o.answer.matches)

    def by(self, key: str) -> dict[str, tuple[int, int]]:
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            label = o.question[key]
            if key == "lang":
                label += " in-scope" if o.question["answered"] else " out-of-scope"
            table[label][0] += o.ok
            table[label][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}


def strip_aliases(snapshot: TimelineSnapshot) -> TimelineSnapshot:
    return dataclasses.replace(
        snapshot,
        events=tuple(dataclasses.replace(e, aliases={}) for e in snapshot.events),
        points=tuple(dataclasses.replace(p, aliases={}) for p in snapshot.points),
    )


def load_snapshot(no_aliases: bool = False) -> TimelineSnapshot:
    from bot.runtime import bundled_snapshot

    snapshot = asyncio.run(bundled_snapshot())
    return strip_aliases(snapshot) if no_aliases else snapshot


def check(q: dict[str, Any], answer: Answer, keys: dict[tuple[str, int], str]) -> tuple[bool, str]:
    text = answer.plain_text().lower()
    expect = q.get("expect") or {}
    if not q["answered"]:
        if answer.answered:
            return False, "answered an out-of-scope question"
        for bad in expect.get("not_contains", []):
            if bad.lower() in text:
                return False, f"decline mentions {bad!r}"
        return True, ""
    if not answer.answered:
        return False, "declined"
    if answer.language != q["lang"]:
        return False, f"replied in {answer.language}"
    if not any(b.kind == "source" for b in answer.blocks):
        return False, "no source"
    if not answer.matches:
        return False, "no match"
    top = answer.matches[0]
    wanted = expect.get("key")
    if wanted:
        wanted = [wanted] if isinstance(wanted, str) else wanted
        got = keys.get((top.kind, top.id), "?")
        if got not in wanted:
            return False, f"top match {got}, wanted {wanted}"
    if "date" in expect and top.date != expect["date"]:
        return False, f"top date {top.date}, wanted {expect['date']}"
    options = expect.get("contains_any")
    if options and not any(o.lower() in text for o in options):
        return False, f"none of {options} in reply"
    return True, ""


def evaluate(path: Path, answerer: Answerer, snapshot: TimelineSnapshot) -> Report:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    default_now = datetime.fromisoformat(data.get("defaults", {}).get("now", "2025-06-01T09:00:00+00:00"))
    keys = {("event", e.id): e.key for e in snapshot.events} | {("point", p.id): p.key for p in snapshot.points}
    report = Report(path.name)
    for q in data["questions"]:
        now = datetime.fromisoformat(q["now"]) if q.get("now") else default_now
        answer = answerer.answer(q["q"], now=now)
        ok, why = check(q, answer, keys)
        report.outcomes.append(Outcome(q, answer, ok, why))
    return report


def print_report(report: Report, failures: bool) -> None:
    n = len(report.outcomes)
    print(f"\n=== {report.name}: {sum(o.ok for o in report.outcomes)}/{n} right")
    print("by kind:")
    for label, (ok, total) in report.by("kind").items():
        print(f"  {label:<16} {ok:>3}/{total:<3} {ok / total:6.1%}")
    print("by language:")
    for label, (ok, total) in report.by("lang").items():
        print(f"  {label:<16} {ok:>3}/{total:<3} {ok / total:6.1%}")
    print(f"in-scope EN:            {report.in_scope_en:6.1%}")
    print(f"in-scope TR+RU:         {report.in_scope_tr_ru:6.1%}")
    print(f"out-of-scope declined:  {report.out_of_scope_declined:6.1%}")
    print(f"answers without source: {report.unsourced}")
    print(f"answers without match:  {report.unmatched}")
    if failures:
        for o in report.outcomes:
            if not o.ok:
                first = o.answer.plain_text().split("\n")[0][:140]
                print(f"  FAIL [{o.question['lang']} {o.question['kind']}] {o.question['q']!r}: {o.why}\n       -> {first}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--failures", action="store_true", help="list every wrong answer")
    parser.add_argument("--no-aliases", action="store_true", help="strip hand-written aliases from the data")
    args = parser.parse_args(argv)
    snapshot = load_snapshot(args.no_aliases)
    answerer = Answerer(snapshot)
    for path in args.files or DEFAULT_FILES:
        print_report(evaluate(path, answerer, snapshot), args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
