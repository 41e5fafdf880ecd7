"""Speed and memory of the answering engine.

    .venv/bin/python benchmarks/answering_speed.py [--events 10000] [--negotiations 50]

Prints p50/p99 per question in-process on the bundled data and on synthetic data (10,000 varied
events over 50 negotiations, titles and details in three languages), the time to re-index after
one edit, the index memory (tracemalloc), and the time from process start to the first answer
(a subprocess that builds the snapshot from the bundled database and answers one question).
Targets: p99 <= 2 ms at 10,000 events; re-index <= 50 ms; index <= 200 MB; first answer <= 1.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import gc
import random
import subprocess
import sys
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answering import Answerer, freeze_long_lived_objects  # noqa: E402
from bot.snapshot import EventView, NegotiationView, PointView, SourceRef, StatusStepView, TimelineSnapshot, When  # noqa: E402

NOW = datetime(2025, 6, 1, 9, tzinfo=timezone.utc)

_PLACES = ["Ankara", "Moscow", "Idlib", "Geneva", "Astana", "Sochi", "Doha", "Vienna", "Minsk", "Baku", "Tbilisi",
           "Yerevan", "Aleppo", "Saraqib", "Tripoli", "Khartoum", "Juba", "Addis Ababa", "Nairobi", "Kabul"]
_ROADS = ["M4", "M5", "E90", "A1", "D400", "R22", "N7", "H12"]
_THINGS = [("ceasefire", "ateşkes", "перемирие"), ("joint patrols", "ortak devriyeler", "совместное патрулирование"),
           ("security corridor", "güvenlik koridoru", "коридор безопасности"), ("prisoner exchange", "esir takası",
           "обмен пленными"), ("humanitarian corridor", "insani koridor", "гуманитарный коридор"),
           ("withdrawal of troops", "askerlerin çekilmesi", "отвод войск"), ("border crossing", "sınır kapısı",
           "пограничный переход"), ("monitoring mission", "gözlem heyeti", "миссия наблюдателей"),
           ("de-mining", "mayın temizleme", "разминирование"), ("water supply deal", "su anlaşması",
           "соглашение о водоснабжении")]
_ACTIONS = [("start", "başlıyor", "начинается"), ("is agreed", "üzerinde anlaşıldı", "согласовано"),
            ("is postponed", "ertelendi", "отложено"), ("is suspended", "askıya alındı", "приостановлено"),
            ("is discussed", "görüşülüyor", "обсуждается"), ("is extended", "uzatıldı", "продлено")]
_PEOPLE = ["Foreign Minister", "Defence Minister", "President", "envoy", "UN special envoy", "senior official",
           "spokesperson", "army chief", "mediator", "negotiator"]
_PARTIES = ["Turkey", "Russia", "Iran", "Syria", "Azerbaijan", "Armenia", "Sudan", "Ethiopia", "Libya", "Qatar"]
_SYLLABLES = ["ka", "ri", "mo", "ten", "vel", "sa", "dor", "lin", "qa", "bar", "zu", "nek", "tal", "os", "ir"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def synthetic_snapshot(n_events: int, n_negotiations: int, seed: int = 7) -> TimelineSnapshot:
    """Varied events: real topic words, invented place names, numbers, three languages, all precisions."""
    rng = random.Random(seed)
    negotiations = tuple(NegotiationView(id=n + 1, key=f"neg-{n + 1}", title=f"{rng.choice(_PARTIES)}–"
                                         f"{rng.choice(_PARTIES)} talks on {rng.choice(_THINGS)[0]} ({_word(rng)})")
                         for n in range(n_negotiations))
    events = []
    base = datetime(2015, 1, 1, tzinfo=timezone.utc)
    for i in range(n_events):
        thing = rng.choice(_THINGS)
        action = rng.choice(_ACTIONS)
        place = rng.choice(_PLACES + [_word(rng) for _ in range(3)])
        party, other = rng.sample(_PARTIES, 2)
        person = rng.choice(_PEOPLE)
        road = rng.choice(_ROADS)
        number = rng.randint(2, 900)
        precision = rng.choice(["day", "day", "day", "exact", "month", "range"])
        start = base + timedelta(days=rng.randint(0, 5000), hours=rng.randint(0, 23))
        title = rng.choice([
            f"{thing[0].capitalize()} along the {road} {action[0]}",
            f"{party} and {other} talks in {place} on the {thing[0]}",
            f"{party}'s {person} says the {thing[0]} {action[0]}",
            f"About {number} {party.lower()} troops killed near {place}",
            f"Deadline for the {thing[0]} in {place}",
            f"{_word(rng)} {_word(rng)} agreement on the {thing[0]} signed in {place}",
        ])
        details = (f"On this day {party} and {other} discussed the {thing[0]} near {place} and the {road} road. "
                   f"The {person} of {party} said {number} people were affected and {rng.randint(2, 40)} km of the "
                   f"road would be covered. Observers from {_word(rng)} and {_word(rng)} followed the {_word(rng)} process.")
        translations = {}
        if i % 3 == 0:
            translations = {"tr": {"title": f"{place}: {thing[1]} {action[1]}", "details": f"{party} ve {other} {thing[1]} konusunu görüştü."},
                            "ru": {"title": f"{place}: {thing[2]} {action[2]}", "details": f"{party} и {other} обсудили: {thing[2]}."}}
        events.append(EventView(
            id=i + 1, key=f"e{i + 1}", negotiation_id=rng.randint(1, n_negotiations), kind=rng.choice(
                ["talks", "statement", "agreement", "milestone", "deadline", "incident"]),
            title=title, details=details,
            when=When(start, precision, "Europe/Istanbul", start + timedelta(days=2) if precision == "range" else None),
            status=rng.choice(["scheduled", "happened", "ongoing", "postponed", "cancelled"]), place=place,
            is_key_date=rng.random() < 0.1, translations=translations, topics=(thing[0].split()[0],),
            sources=(SourceRef(publisher=rng.choice(["Reuters", "AFP", "TASS", "Anadolu", "AP"]),
                               published_on=start.date(), attribution=f"{party} {person}",
                               quote=f"We expect the {thing[0]} to hold."),),
            updated_at=start))
    points = []
    for n in range(n_negotiations * 3):
        thing = rng.choice(_THINGS)
        start = base + timedelta(days=rng.randint(0, 5000))
        points.append(PointView(
            id=n + 1, key=f"p{n + 1}", negotiation_id=n % n_negotiations + 1, title=thing[0].capitalize(),
            status="agreed", details=f"The parties agreed on the {thing[0]} near {rng.choice(_PLACES)}.",
            history=(StatusStepView("agreed", When(start), "agreed"),),
            translations={"tr": {"title": thing[1]}, "ru": {"title": thing[2]}},
            sources=(SourceRef(publisher="Reuters"),)))
    return TimelineSnapshot(negotiations, tuple(events), tuple(points))


def questions() -> list[tuple[str, str | None]]:
    data = yaml.safe_load((ROOT / "tests/eval/questions.yaml").read_text(encoding="utf-8"))
    return [(q["q"], q.get("now")) for q in data["questions"]]


CPU: list[float] = []  # thread CPU time of the last `timings` call (excludes preemption by other processes)


def timings(answerer: Answerer, qs: list[tuple[str, str | None]], negotiation_id: int | None = None,
            rounds: int = 3) -> list[float]:
    out = []
    CPU.clear()
    for _ in range(rounds):
        for q, now in qs:
            when = datetime.fromisoformat(now) if now else NOW
            c0 = time.thread_time()
            t0 = time.perf_counter()
            answerer.answer(q, now=when, negotiation_id=negotiation_id)
            out.append((time.perf_counter() - t0) * 1000)
            CPU.append((time.thread_time() - c0) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report_latency(label: str, values: list[float]) -> None:
    print(f"  {label:<40} wall p50 {pct(values, 50):5.2f} p99 {pct(values, 99):6.2f} max {max(values):6.2f} ms"
          f" | cpu p50 {pct(CPU, 50):5.2f} p99 {pct(CPU, 99):6.2f} ms")


def first_answer_seconds() -> float:
    code = (
        "import time, asyncio; t0 = time.perf_counter()\n"
        "from datetime import datetime, timezone\n"
        "from bot.runtime import bundled_snapshot\n"
        "from bot.answering import Answerer\n"
        "s = asyncio.run(bundled_snapshot())\n"
        "a = Answerer(s).answer('When do the joint patrols begin?', now=datetime.now(timezone.utc))\n"
        "assert a.answered\n"
        "print(time.perf_counter() - t0)\n"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    total = time.perf_counter() - start
    print(f"  in-process part (imports + DB + index + answer): {float(out.stdout.strip()):.2f} s")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--negotiations", type=int, default=50)
    parser.add_argument("--no-freeze", action="store_true",
                        help="do not call freeze_long_lived_objects() after building (as the app does)")
    args = parser.parse_args(argv)
    qs = questions()

    from bot.runtime import bundled_snapshot

    print(f"questions: {len(qs)} from tests/eval/questions.yaml")
    print("bundled data:")
    snapshot = asyncio.run(bundled_snapshot())
    t0 = time.perf_counter()
    bundled = Answerer(snapshot)
    print(f"  index build: {(time.perf_counter() - t0) * 1000:.1f} ms ({len(snapshot.events)} events, {len(snapshot.points)} points)")
    report_latency("first pass (cold caches)", timings(bundled, qs, rounds=1))
    report_latency("warm", timings(bundled, qs))

    print(f"synthetic data: {args.events} events over {args.negotiations} negotiations:")
    synthetic = synthetic_snapshot(args.events, args.negotiations)
    merged = dataclasses.replace(synthetic, negotiations=synthetic.negotiations + snapshot.negotiations,
                                 events=synthetic.events + tuple(dataclasses.replace(e, id=e.id + 10**6) for e in snapshot.events),
                                 points=synthetic.points + tuple(dataclasses.replace(p, id=p.id + 10**6) for p in snapshot.points))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    t0 = time.perf_counter()
    big = Answerer(merged)
    build = time.perf_counter() - t0
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"  index build: {build:.2f} s; index memory (tracemalloc): {(after - before) / 2**20:.1f} MB")
    if not args.no_freeze:
        freeze_long_lived_objects()  # what bot/app.py does once after start-up
    t0 = time.perf_counter()
    gc.collect()
    print(f"  full gc.collect() now takes {(time.perf_counter() - t0) * 1000:.1f} ms "
          f"({'after' if not args.no_freeze else 'without'} freeze_long_lived_objects())")
    report_latency("first pass, all negotiations (cold)", timings(big, qs, rounds=1))
    report_latency("warm, all negotiations", timings(big, qs))
    nid = snapshot.negotiations[0].id
    report_latency("first pass, scoped (cold per-doc caches)", timings(big, qs, negotiation_id=nid, rounds=1))
    report_latency("warm, scoped to the bundled negotiation", timings(big, qs, negotiation_id=nid))

    edited = dataclasses.replace(merged.events[1234], title=merged.events[1234].title + " (postponed again)",
                                 version=merged.events[1234].version + 1)
    t0 = time.perf_counter()
    big.upsert_event(edited)
    upsert_ms = (time.perf_counter() - t0) * 1000
    events = list(merged.events)
    events[4321] = dataclasses.replace(events[4321], details=events[4321].details + " Talks resumed.", version=2)
    t0 = time.perf_counter()
    big.refresh(dataclasses.replace(merged, events=tuple(events)))
    refresh_ms = (time.perf_counter() - t0) * 1000
    print(f"  re-index after one edit: upsert_event {upsert_ms:.2f} ms; refresh(snapshot) {refresh_ms:.1f} ms")

    print("start-up:")
    print(f"  process start to first answer: {first_answer_seconds():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
