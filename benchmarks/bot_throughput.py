"""Reply throughput and latency of the real bot against a bare PTB echo bot, on the fake Bot API server.

Both bots run as separate processes (`python -m bot run` and `benchmarks/echo_bot.py`), long polling a
fresh `FakeTelegram` on loopback with flood control off. 1, 10 and 50 simulated users each send a
question and wait for the reply before sending the next; we measure replies per second and the
p50/p95 time from a user's message to the bot's reply (as the fake server records them).

Targets at every concurrency: the bot reaches >= 70% of the echo bot's replies/s and its p95 is
<= 1.5x the echo bot's; with one user its p50 is within 5 ms of the echo bot's.

    .venv/bin/python benchmarks/bot_throughput.py [--seconds 2] [--rounds 5] [--users 1,10,50] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.bot_harness import TOKEN, BotProcess, bot_env  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402

QUESTIONS = [
    "When do the joint patrols begin?",
    "How wide is the security corridor?",
    "What was agreed in Moscow?",
    "Is the ceasefire holding?",
    "Ortak devriyeler ne zaman başlıyor?",
    "Когда начнётся совместное патрулирование?",
]


@dataclass
class Result:
    bot: str
    users: int
    replies: int
    seconds: float
    replies_per_s: float
    p50_ms: float
    p95_ms: float


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


ECHO_TRANSPORT = "httpx"  # --echo-transport aiohttp: the echo bot gets the real bot's transport too
UNIQUE = False  # --unique: no two questions alike (defeats the bot's answer cache; the engine runs every time)
_serial = 0


async def one_user(tg: FakeTelegram, chat: int, stop_at: float, latencies: list[float], n0: int) -> int:
    global _serial
    count = 0
    loop = asyncio.get_running_loop()
    while loop.time() < stop_at:
        text = QUESTIONS[(n0 + count) % len(QUESTIONS)]
        if UNIQUE:
            _serial += 1
            text = f"{text} {_serial}"
        sent = loop.time()
        tg.send_text(chat, chat, text)
        await tg.wait_for_message(chat, timeout=30)
        latencies.append(loop.time() - sent)
        count += 1
    return count


async def measure(tg: FakeTelegram, name: str, users: int, seconds: float, base_chat: int) -> Result:
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    started = loop.time()
    counts = await asyncio.gather(
        *(one_user(tg, base_chat + i, started + seconds, latencies, i) for i in range(users))
    )
    elapsed = loop.time() - started
    total = sum(counts)
    return Result(name, users, total, elapsed, total / elapsed,
                  percentile(latencies, 0.50) * 1000, percentile(latencies, 0.95) * 1000)


class Contender:
    """A bot process long polling its own fake server."""

    def __init__(self, name: str, argv: list[str] | None, workdir: Path) -> None:
        self.name, self.argv, self.workdir = name, argv, workdir
        self.tg = FakeTelegram(token=TOKEN, rate_limits=None)
        self.process: BotProcess | None = None

    async def start(self) -> None:
        await self.tg.start()
        db = self.workdir / f"{self.name}.sqlite3"
        env = bot_env(self.tg.base_url, f"sqlite+aiosqlite:///{db}")  # the bot's default INFO logging
        env["ECHO_TRANSPORT"] = ECHO_TRANSPORT
        self.process = await BotProcess(env, self.workdir, argv=self.argv).start()
        await self.tg.wait_for_long_poll(timeout=60)
        await measure(self.tg, self.name, 10, 1.0, 900_000)  # warm-up: imports, first answers, pools

    async def stop(self) -> None:
        if self.process is not None:
            code = await self.process.stop()
            if code != 0:
                print(f"warning: {self.name} exited with {code}:\n{self.process.output[-2000:]}", file=sys.stderr)
        faults = self.tg.bot_faults()
        if faults:
            print(f"warning: {self.name}: {len(faults)} requests refused: {faults[:3]}", file=sys.stderr)
        await self.tg.stop()


def median_result(results: list[Result]) -> Result:
    """The round with the median throughput (rounds alternate between the bots to share any noise)."""
    return sorted(results, key=lambda r: r.replies_per_s)[len(results) // 2]


async def run_all(users_list: list[int], seconds: float, rounds: int, workdir: Path) -> tuple[list[Result], list[Result]]:
    echo = Contender("echo", [sys.executable, str(REPO / "benchmarks" / "echo_bot.py")], workdir)
    bot = Contender("bot", None, workdir)
    try:
        await echo.start()
        await bot.start()
        echo_results, bot_results = [], []
        chat = 100_000
        for users in users_list:
            per_echo, per_bot = [], []
            for _ in range(rounds):
                chat += 1000
                per_echo.append(await measure(echo.tg, "echo", users, seconds, chat))
                per_bot.append(await measure(bot.tg, "bot", users, seconds, chat))
            echo_results.append(median_result(per_echo))
            bot_results.append(median_result(per_bot))
        return bot_results, echo_results
    finally:
        await bot.stop()
        await echo.stop()


def table(bot: list[Result], echo: list[Result]) -> tuple[str, bool]:
    lines = [
        f"{'users':>5} | {'echo r/s':>9} {'bot r/s':>9} {'ratio':>6} | {'echo p50':>9} {'bot p50':>8} | "
        f"{'echo p95':>9} {'bot p95':>8} {'ratio':>6} | verdict",
        "-" * 104,
    ]
    all_ok = True
    for b, e in zip(bot, echo):
        ratio = b.replies_per_s / e.replies_per_s
        p95_ratio = b.p95_ms / e.p95_ms
        ok = ratio >= 0.70 and p95_ratio <= 1.5 and (b.users != 1 or b.p50_ms - e.p50_ms <= 5.0)
        all_ok &= ok
        lines.append(
            f"{b.users:>5} | {e.replies_per_s:>9.1f} {b.replies_per_s:>9.1f} {ratio:>6.0%} | "
            f"{e.p50_ms:>7.1f}ms {b.p50_ms:>6.1f}ms | {e.p95_ms:>7.1f}ms {b.p95_ms:>6.1f}ms {p95_ratio:>5.2f}x | "
            f"{'ok' if ok else 'MISSED'}"
        )
    return "\n".join(lines), all_ok


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=2.0, help="measuring time per round")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per concurrency level (median kept)")
    parser.add_argument("--users", default="1,10,50", help="comma-separated concurrency levels")
    parser.add_argument("--json", action="store_true", help="also print the raw results as JSON")
    parser.add_argument("--unique", action="store_true",
                        help="make every question unique, so the bot's answer cache never hits")
    parser.add_argument("--echo-transport", choices=("httpx", "aiohttp"), default="httpx",
                        help="the echo bot's HTTP transport: bare PTB (httpx, the baseline) or the bot's own")
    args = parser.parse_args()
    global UNIQUE, ECHO_TRANSPORT
    ECHO_TRANSPORT = args.echo_transport
    UNIQUE = args.unique
    users_list = [int(u) for u in args.users.split(",")]
    with tempfile.TemporaryDirectory(prefix="bot-bench-") as tmp:
        bot, echo = await run_all(users_list, args.seconds, args.rounds, Path(tmp))
    text, ok = table(bot, echo)
    print(text)
    if args.json:
        print(json.dumps([asdict(r) for r in echo + bot], indent=2))
    print("all targets met" if ok else "some targets MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
