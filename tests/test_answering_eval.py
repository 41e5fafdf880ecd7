"""The answering engine holds its measured quality (see benchmarks/answering_eval.py).

Floors: the tuning set (questions.yaml) at the product targets; the held-out sets, a little lower —
they estimate how the engine does on questions written by others. holdout.yaml was written before the
first tuning round; blind2.yaml before the second (its failures were looked at once, to report them,
never tuned against); blind3.yaml before the third (its baseline was EN 87.5%, TR+RU 86.4%, out-of-scope
87.8%; the engine was then improved by general rules, so its later score is no longer a blind estimate).
Each floor sits just under the score reached when it was set.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from answering_eval import Report, evaluate, load_snapshot  # noqa: E402

from bot.answering import Answerer  # noqa: E402


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    snapshot = load_snapshot()
    answerer = Answerer(snapshot)
    return {name: evaluate(ROOT / "tests" / "eval" / name, answerer, snapshot)
            for name in ("questions.yaml", "holdout.yaml", "blind2.yaml", "blind3.yaml", "blind4.yaml", "blind5.yaml", "blind6.yaml", "blind7.yaml")}


def _failures(report: Report) -> str:
    return "\n".join(f"{o.question['q']!r}: {o.why}" for o in report.outcomes if not o.ok)


def test_tuning_set_meets_the_targets(reports: dict[str, Report]) -> None:
    report = reports["questions.yaml"]
    assert len(report.outcomes) >= 300
    assert report.in_scope_en >= 0.97, _failures(report)
    assert report.in_scope_tr_ru >= 0.90, _failures(report)
    assert report.out_of_scope_declined >= 0.95, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_holdout_set_stays_above_its_floor(reports: dict[str, Report]) -> None:
    report = reports["holdout.yaml"]
    assert report.in_scope_en >= 0.95, _failures(report)
    assert report.in_scope_tr_ru >= 0.90, _failures(report)
    assert report.out_of_scope_declined >= 0.95, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_blind2_set_stays_above_its_floor(reports: dict[str, Report]) -> None:
    # Reached when set: EN 96.4%, TR+RU 91.9% (tr 94.4, ru 89.5), out-of-scope declined 93.8%.
    report = reports["blind2.yaml"]
    assert len(report.outcomes) >= 160
    assert report.in_scope_en >= 0.95, _failures(report)
    assert report.in_scope_tr_ru >= 0.90, _failures(report)
    assert report.out_of_scope_declined >= 0.92, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_eval_sets_have_the_required_mix(reports: dict[str, Report]) -> None:
    for report in reports.values():
        questions = [o.question for o in report.outcomes]
        foreign = sum(q["lang"] in ("tr", "ru") for q in questions)
        declined = sum(not q["answered"] for q in questions)
        assert foreign >= len(questions) / 5 and declined >= len(questions) / 5


def test_blind3_set_stays_above_its_floor(reports: dict[str, Report]) -> None:
    # Blind baseline: EN 87.5%, TR+RU 86.4%, out-of-scope 87.8%. Reached after this round's general
    # changes: EN 98.2%, TR+RU 100%, out-of-scope 100% (no longer blind: its failures were looked at).
    report = reports["blind3.yaml"]
    assert len(report.outcomes) >= 180
    assert report.in_scope_en >= 0.96, _failures(report)
    assert report.in_scope_tr_ru >= 0.97, _failures(report)
    assert report.out_of_scope_declined >= 0.97, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_blind4_set_stays_above_its_floor(reports: dict[str, Report]) -> None:
    # Blind baseline (scored before this round's changes): EN 66.7%, TR+RU 72.9% (tr 70.0, ru 75.6),
    # out-of-scope 89.7%. After round 4's general changes: EN 68.3%, TR+RU 82.4%, out-of-scope 100%;
    # after round 5's: EN 81.7%, TR+RU 90.6%, out-of-scope 100%.
    # The in-scope floors are under the product targets on purpose: they record an honest level.
    report = reports["blind4.yaml"]
    assert len(report.outcomes) >= 200
    assert report.in_scope_en >= 0.80, _failures(report)
    assert report.in_scope_tr_ru >= 0.89, _failures(report)
    assert report.out_of_scope_declined >= 0.97, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_blind5_set_stays_above_its_floor(reports: dict[str, Report]) -> None:
    # Blind baseline (written and scored before round 5's changes): EN 87.8%, TR+RU 89.2% (tr 83.3,
    # ru 94.3), out-of-scope 84.8%. After round 5's general changes (not tuned on blind5; its failures
    # were looked at once, at the end, to report them): EN 91.8%, TR+RU 90.8%, out-of-scope 84.8%.
    report = reports["blind5.yaml"]
    assert len(report.outcomes) >= 160
    assert report.in_scope_en >= 0.91, _failures(report)
    assert report.in_scope_tr_ru >= 0.90, _failures(report)
    assert report.out_of_scope_declined >= 0.84, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_blind6_set_stays_above_its_floor(reports: dict[str, Report]) -> None:
    # Blind baseline (written and scored before round 6's changes): EN 96.7%, TR+RU 96.7%, out-of-scope
    # 66.7%. After round 6's general changes (the asked-for attribute must be stored; named operations
    # and agreements nothing stores; guard/command/lead as roles): EN 96.7%, TR+RU 96.7%, out-of-scope 91.7%.
    report = reports["blind6.yaml"]
    assert len(report.outcomes) >= 120
    assert report.in_scope_en >= 0.96, _failures(report)
    assert report.in_scope_tr_ru >= 0.96, _failures(report)
    assert report.out_of_scope_declined >= 0.91, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_blind7_set_stays_above_its_floor(reports: dict[str, Report]) -> None:
    # Blind baseline (written and scored before round 7's changes): EN 77.1%, TR+RU 76.7% (tr 73.3,
    # ru 80.0), out-of-scope 74.3%. After round 7's general changes (an idiom's inner word brings no action
    # of its own; ranks and names of roles nothing stores; unknown model designations; "what happens next"
    # in RU/TR; "details" as the topic of a yes/no question): EN 80.0%, TR+RU 80.0%, out-of-scope 91.4%.
    # Round 8 (general rules: "how many days are left until", "how long after X did Y", "next after X",
    # place nouns and "along which road" as where-questions, a quoted body is not its named role):
    # EN 91.4%, TR+RU 93.3%, out-of-scope 97.1%.
    # The in-scope floors are under the product targets on purpose: they record an honest level.
    report = reports["blind7.yaml"]
    assert len(report.outcomes) >= 100
    assert report.in_scope_en >= 0.91, _failures(report)
    assert report.in_scope_tr_ru >= 0.93, _failures(report)
    assert report.out_of_scope_declined >= 0.97, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0
