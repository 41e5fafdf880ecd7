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
from dataclasses import dataclass
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
    return {name: evaluate(ROOT / "tests" / "eval" / name, answerer, snapshot) for name in FLOORS}


def _failures(report: Report) -> str:
    return "\n".join(f"{o.question['q']!r}: {o.why}" for o in report.outcomes if not o.ok)


@dataclass(frozen=True)
class Floor:
    """The least a set must keep: EN in-scope, TR+RU in-scope, out-of-scope declined, and its size.

    The `history` says how the set scored when first run (blind) and after each round that changed it; the
    in-scope floors of the later blind sets sit under the product targets on purpose: an honest level.
    """

    en: float
    tr_ru: float
    declined: float
    min_questions: int = 0
    history: str = ""


FLOORS: dict[str, Floor] = {
    "questions.yaml": Floor(0.97, 0.90, 0.95, 300, "the tuning set: held at the product targets"),
    "holdout.yaml": Floor(0.95, 0.90, 0.95, 0, "written before the first tuning round"),
    "blind2.yaml": Floor(0.95, 0.90, 0.92, 160,
                         "reached when set: EN 96.4%, TR+RU 91.9% (tr 94.4, ru 89.5), out-of-scope 93.8%"),
    "blind3.yaml": Floor(0.96, 0.97, 0.97, 180,
                         "blind EN 87.5%, TR+RU 86.4%, out-of-scope 87.8%; after round 3: 98.2 / 100 / 100"),
    "blind4.yaml": Floor(0.96, 0.95, 0.99, 200,
                         "blind EN 66.7%, TR+RU 72.9%, out-of-scope 89.7%; round 4: 68.3 / 82.4 / 100; "
                         "round 5: 81.7 / 90.6 / 100; round 9: 90.0 / 92.9 / 100; round 10: 96.7 / 95.3 / 100"),
    "blind5.yaml": Floor(0.97, 0.96, 0.97, 160,
                         "blind EN 87.8%, TR+RU 89.2%, out-of-scope 84.8%; round 5: 91.8 / 90.8 / 84.8; "
                         "round 9: 93.9 / 93.8 / 97.8; round 10: 98.0 / 96.9 / 97.8"),
    "blind6.yaml": Floor(0.96, 0.96, 0.91, 120,
                         "blind EN 96.7%, TR+RU 96.7%, out-of-scope 66.7%; round 6: 96.7 / 96.7 / 91.7"),
    "blind7.yaml": Floor(0.94, 0.99, 0.99, 100,
                         "blind EN 77.1%, TR+RU 76.7%, out-of-scope 74.3%; round 7: 80.0 / 80.0 / 91.4; "
                         "round 8: 91.4 / 93.3 / 97.1; round 9: 94.3 / 96.7 / 100; round 10: 94.3 / 100 / 100"),
    "blind8.yaml": Floor(0.99, 0.99, 0.99, 160,
                         "blind (start of round 9) EN 89.6%, TR+RU 100%, out-of-scope 100%; round 9: 100 / 100 / 100"),
    "blind9.yaml": Floor(0.99, 0.99, 0.99, 150,
                         "blind (start of round 9) TR+RU 89.0% (tr 82, ru 96), out-of-scope 100%; round 9: 100 / 100"),
    "blind10.yaml": Floor(0.98, 0.99, 0.99, 250,
                          "blind (mid round 9, after tuning on blind8/9) EN 94.7%, TR+RU 100%, out-of-scope 100%; "
                          "round 9: 97.3 / 100 / 100"),
    "blind11.yaml": Floor(0.97, 0.99, 0.99, 200,
                          "blind (end of round 9) EN 90.8%, TR+RU 97.5%, out-of-scope 95.0%; "
                          "after its own fixes: 95.0 / 100 / 97.5; round 10: 98.3 / 100 / 100"),
    "blind12.yaml": Floor(0.98, 0.99, 0.99, 250,
                          "blind (start of round 10) EN 93.8%, TR+RU 98.0%, out-of-scope 92.5%; "
                          "round 10: 98.8 / 100 / 100"),
    "blind13.yaml": Floor(0.97, 0.99, 0.99, 250,
                          "kept unseen until the end of round 10, then scored once: EN 91.9%, TR+RU 98.0%, "
                          "out-of-scope 100%; after round 10: 97.5 / 100 / 100"),
    "blind14.yaml": Floor(0.97, 0.99, 0.99, 200,
                          "blind (mid round 10) EN 88.6%, TR+RU 96.7%, out-of-scope 100%; round 10: 97.9 / 100 / 100"),
    "blind15.yaml": Floor(0.99, 0.99, 0.99, 200,
                          "blind (round 10) EN 95.7%, TR+RU 100%, out-of-scope 96.7%; round 10: 100 / 100 / 100"),
    "blind16.yaml": Floor(0.98, 0.97, 0.99, 250,
                          "blind (round 10) EN 95.3%, TR+RU 96.0%, out-of-scope 98.0%; round 10: 98.7 / 98.0 / 100"),
    "blind17.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "blind (round 10) EN 88.0%, TR+RU 98.0%, out-of-scope 98.0%; round 10: 95.3 / 100 / 100"),
    "blind18.yaml": Floor(0.95, 0.97, 0.99, 250,
                          "blind (round 10) EN 86.7%, TR+RU 98.0%, out-of-scope 96.0%; round 10: 95.3 / 98.0 / 100"),
    "blind19.yaml": Floor(0.98, 0.97, 0.99, 250,
                          "kept unseen until the end of round 10, scored once: EN 98.0%, TR+RU 98.0%, out-of-scope 100%; "
                          "after a few fixes: 98.7 / 98.0 / 100"),
    "blind20.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "kept unseen until the end of round 10, scored once: EN 94.0%, TR+RU 100%, out-of-scope 100%; "
                          "after a few fixes: 96.0 / 100 / 100"),
    "blind21.yaml": Floor(0.96, 0.99, 0.99, 250,
                          "unseen until scored once at the end of round 10: EN 94.0%, TR+RU 96.0%, out-of-scope 96.0% "
                          "(95.3 / 100 / 96.0 without four date checks written as YYYY-MM, which the schema does not "
                          "allow); after a few fixes: 97.3 / 100 / 100"),
    # Round 11 (session 4). Sets 22-25 and 29-31 were scored once, then used for tuning; 26-28 stayed
    # unseen until the code of the round was final and were scored once, as the estimate for the hidden set.
    "blind22.yaml": Floor(0.96, 0.99, 0.99, 250,
                          "blind (round 11) EN 90.0%, TR+RU 100%, out-of-scope 98.0%; round 11: 97.3 / 100 / 100"),
    "blind23.yaml": Floor(0.96, 0.97, 0.99, 250,
                          "blind (round 11) EN 90.0%, TR+RU 98.0%, out-of-scope 96.0%; round 11: 96.7 / 98.0 / 100"),
    "blind24.yaml": Floor(0.96, 0.97, 0.99, 250,
                          "blind (round 11) EN 92.7%, TR+RU 98.0%, out-of-scope 100%; round 11: 97.3 / 98.0 / 100"),
    "blind25.yaml": Floor(0.95, 0.97, 0.97, 250,
                          "blind (round 11) EN 86.0%, TR+RU 96.0%, out-of-scope 96.0%; round 11: 96.0 / 98.0 / 98.0"),
    "blind26.yaml": Floor(0.95, 0.97, 0.97, 250,
                          "unseen until scored once at the end of round 11: EN 95.3%, TR+RU 98.0%, out-of-scope 98.0%"),
    "blind27.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "unseen until scored once at the end of round 11: EN 95.3%, TR+RU 100%, out-of-scope 100%"),
    "blind28.yaml": Floor(0.95, 0.95, 0.93, 250,
                          "unseen until scored once at the end of round 11: EN 95.3%, TR+RU 96.0%, out-of-scope 94.0%"),
    "blind29.yaml": Floor(0.96, 0.99, 0.99, 250,
                          "blind (round 11) EN 94.0%, TR+RU 92.0%, out-of-scope 96.0%; round 11: 96.7 / 100 / 100"),
    "blind30.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "blind (round 11) EN 92.0%, TR+RU 98.0%, out-of-scope 100%; round 11: 96.0 / 100 / 100"),
    "blind31.yaml": Floor(0.94, 0.99, 0.99, 250,
                          "blind (round 11) EN 90.0%, TR+RU 96.0%, out-of-scope 100%; round 11: 94.7 / 100 / 100"),
    "blind32.yaml": Floor(0.97, 0.99, 0.99, 250,
                          "blind (round 12) EN 93.3%, TR+RU 96.0%, out-of-scope 100%; round 12: 97.3 / 100 / 100"),
    "blind33.yaml": Floor(0.99, 0.99, 0.99, 250,
                          "blind (round 12) EN 96.7%, TR+RU 98.0%, out-of-scope 98.0%; round 12: 99.3 / 100 / 100"),
    "blind34.yaml": Floor(0.97, 0.99, 0.99, 250,
                          "blind (round 12) EN 96.0%, TR+RU 98.0%, out-of-scope 98.0%; round 12: 97.3 / 100 / 100"),
    "blind35.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "blind (round 12) EN 90.7%, TR+RU 96.0%, out-of-scope 98.0%; round 12: 96.0 / 100 / 100"),
    "blind36.yaml": Floor(0.97, 0.99, 0.99, 250,
                          "blind (round 12) EN 92.0%, TR+RU 96.0%, out-of-scope 98.0%; round 12: 98.0 / 100 / 100"),
    "blind37.yaml": Floor(0.94, 0.97, 0.99, 250,
                          "blind (round 12) EN 84.7%, TR+RU 96.0%, out-of-scope 100%; round 12: 94.7 / 98.0 / 100"),
    "blind38.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "unseen until scored once at the end of round 12: EN 94.0%, TR+RU 100%, out-of-scope 100%"),
    "blind39.yaml": Floor(0.98, 0.99, 0.99, 250,
                          "unseen until scored once at the end of round 12: EN 98.0%, TR+RU 100%, out-of-scope 100%"),
    "blind40.yaml": Floor(0.96, 0.99, 0.97, 250,
                          "unseen until scored once at the end of round 12: EN 95.3%, TR+RU 98.0%, out-of-scope 98.0%"),
    "blind41.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "blind (round 12) EN 94.7%, TR+RU 100%, out-of-scope 96.0%; round 12: 95.3 / 100 / 100"),
    "blind42.yaml": Floor(0.93, 0.97, 0.99, 250,
                          "blind (round 12) EN 90.0%, TR+RU 92.0%, out-of-scope 100%; round 12: 94.0 / 98.0 / 100"),
    "blind43.yaml": Floor(0.97, 0.97, 0.99, 250,
                          "blind (round 12) EN 96.0%, TR+RU 96.0%, out-of-scope 94.0%; round 12: 98.0 / 98.0 / 100"),
    "blind44.yaml": Floor(0.98, 0.99, 0.99, 250,
                          "blind (round 12) EN 98.7%, TR+RU 100%, out-of-scope 98.0%; round 12: 98.7 / 100 / 100"),
    "blind45.yaml": Floor(0.97, 0.97, 0.99, 250,
                          "blind (round 12) EN 98.0%, TR+RU 98.0%, out-of-scope 96.0%; round 12: 98.0 / 98.0 / 100"),    "blind46.yaml": Floor(0.99, 0.99, 0.99, 250,
                          "blind (round 13) EN 98.7%, TR+RU 100%, out-of-scope 96.0%; round 13: 100 / 100 / 100"),
    "blind47.yaml": Floor(0.96, 0.99, 0.99, 250,
                          "blind (round 13) EN 92.0%, TR+RU 94.0%, out-of-scope 100%; round 13: 96.0 / 100 / 100"),
    "blind48.yaml": Floor(0.97, 0.99, 0.99, 250,
                          "blind (round 13) EN 92.0%, TR+RU 100%, out-of-scope 100%; round 13: 97.3 / 100 / 100"),
    "blind49.yaml": Floor(0.98, 0.99, 0.99, 250,
                          "blind (round 13) EN 95.3%, TR+RU 98.0%, out-of-scope 100%; round 13: 98.0 / 100 / 100"),
    "blind50.yaml": Floor(0.98, 0.99, 0.99, 250,
                          "blind (round 13) EN 96.7%, TR+RU 100%, out-of-scope 100%; round 13: 98.7 / 100 / 100"),
    "blind51.yaml": Floor(0.96, 0.98, 0.98, 250,
                          "unseen until scored once at the end of round 13: EN 96.0%, TR+RU 98.0%, out-of-scope 98.0%"),
    "blind52.yaml": Floor(0.98, 0.99, 0.98, 250,
                          "unseen until scored once at the end of round 13: EN 98.0%, TR+RU 100%, out-of-scope 98.0%"),
    "blind53.yaml": Floor(0.98, 0.99, 0.96, 250,
                          "unseen until scored once at the end of round 13: EN 98.0%, TR+RU 100%, out-of-scope 96.0%"),
    "blind54.yaml": Floor(0.92, 0.98, 0.99, 250,
                          "blind (round 13) EN 90.7%, TR+RU 98.0%, out-of-scope 98.0%; round 13: 92.7 / 98.0 / 100"),
    "blind55.yaml": Floor(0.96, 0.98, 0.96, 250,
                          "blind (round 13) EN 96.0%, TR+RU 98.0%, out-of-scope 96.0%; round 13: 96.0 / 98.0 / 96.0"),
    "blind56.yaml": Floor(0.95, 0.99, 0.99, 250,
                          "blind (round 13) EN 90.0%, TR+RU 100%, out-of-scope 98.0%; round 13: 95.3 / 100 / 100"),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_each_set_stays_above_its_floor(reports: dict[str, Report], name: str) -> None:
    floor, report = FLOORS[name], reports[name]
    assert len(report.outcomes) >= floor.min_questions
    assert report.in_scope_en >= floor.en, _failures(report)
    assert report.in_scope_tr_ru >= floor.tr_ru, _failures(report)
    assert report.out_of_scope_declined >= floor.declined, _failures(report)
    assert report.unsourced == 0 and report.unmatched == 0


def test_eval_sets_have_the_required_mix(reports: dict[str, Report]) -> None:
    """The issue's mix (a fifth Turkish or Russian, a fifth out of scope) holds for the tuning set and
    for all sets together; single blind sets may lean on English, where the engine is weakest."""
    every = [o.question for r in reports.values() for o in r.outcomes]
    for questions in ([o.question for o in reports["questions.yaml"].outcomes], every):
        foreign = sum(q["lang"] in ("tr", "ru") for q in questions)
        declined = sum(not q["answered"] for q in questions)
        assert foreign >= len(questions) / 5 and declined >= len(questions) / 5
