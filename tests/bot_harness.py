"""Running the real bot (`python -m bot run`) as a subprocess against the fake Bot API server.

Used by the end-to-end tests (tests/test_bot_e2e*.py) and the benchmark (benchmarks/bot_throughput.py).
The fake server runs on the caller's event loop, so the bot is started with
`asyncio.create_subprocess_exec` and its output is read by background tasks (never blocking the loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TOKEN = "123456789:AAFakeTelegramTokenForTests_0123456789"

# Environment variables the bot reads; everything else of the parent's environment is dropped
# except what Python needs to run (PATH, HOME, locale).
_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")


def bot_env(base_url: str, database_url: str, **extra: str) -> dict[str, str]:
    env = {name: os.environ[name] for name in _KEEP if name in os.environ}
    env.update(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": base_url,
            "DATABASE_URL": database_url,
            "PYTHONPATH": str(REPO),
            "PYTHONUNBUFFERED": "1",
            "PTB_TIMEDELTA": "1",
            "LOG_LEVEL": "INFO",
        }
    )
    env.update(extra)
    return env


async def run_cli(args: Sequence[str], env: dict[str, str], cwd: Path, timeout: float = 60) -> tuple[int, str, str]:
    """`python -m bot <args>` to completion (e.g. `import FILE`), without blocking the loop."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, env=env, cwd=str(cwd),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout)
    return process.returncode or 0, out.decode(), err.decode()


class BotProcess:
    """`python -m bot run` in a subprocess; its stdout/stderr are collected as they come."""

    def __init__(self, env: dict[str, str], cwd: Path, args: Sequence[str] = ("run",),
                 argv: Sequence[str] | None = None) -> None:
        self.env = env
        self.cwd = cwd
        # argv replaces `python -m bot <args>` (the benchmark runs benchmarks/echo_bot.py the same way)
        self.argv = list(argv) if argv is not None else [sys.executable, "-m", "bot", *args]
        self.process: asyncio.subprocess.Process | None = None
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._readers: list[asyncio.Task[None]] = []
        self._line_seen = asyncio.Event()

    async def start(self) -> BotProcess:
        self.process = await asyncio.create_subprocess_exec(
            *self.argv, env=self.env, cwd=str(self.cwd),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        assert self.process.stdout is not None and self.process.stderr is not None
        self._readers = [
            asyncio.create_task(self._read(self.process.stdout, self.stdout)),
            asyncio.create_task(self._read(self.process.stderr, self.stderr)),
        ]
        return self

    async def _read(self, stream: asyncio.StreamReader, into: list[str]) -> None:
        while True:
            line = await stream.readline()
            if not line:
                return
            into.append(line.decode("utf-8", "replace").rstrip("\n"))
            self._line_seen.set()

    @property
    def output(self) -> str:
        return "\n".join(self.stdout + self.stderr)

    @property
    def returncode(self) -> int | None:
        return None if self.process is None else self.process.returncode

    async def wait_for_log(self, needle: str, timeout: float = 20.0) -> str:
        """The first log line containing `needle` (raises TimeoutError with the log so far)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for line in self.stdout + self.stderr:
                if needle in line:
                    return line
            if self.returncode is not None:
                await asyncio.sleep(0.05)  # let the readers drain
                raise RuntimeError(f"bot exited with {self.returncode} before logging {needle!r}:\n{self.output}")
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"no log line with {needle!r} within {timeout}s:\n{self.output}")
            self._line_seen.clear()
            try:
                await asyncio.wait_for(self._line_seen.wait(), min(remaining, 0.25))
            except TimeoutError:
                pass

    def log_lines(self, needle: str) -> list[str]:
        return [line for line in self.stdout + self.stderr if needle in line]

    async def wait(self, timeout: float = 30.0) -> int:
        """Wait for the process to exit by itself; its exit code."""
        assert self.process is not None
        await asyncio.wait_for(self.process.wait(), timeout)
        await asyncio.gather(*self._readers, return_exceptions=True)
        return self.process.returncode  # type: ignore[return-value]

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> int:
        """Send `sig` and wait for the exit code (killed after `timeout`)."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        await asyncio.gather(*self._readers, return_exceptions=True)
        return self.process.returncode  # type: ignore[return-value]


def second_negotiation_yaml() -> str:
    """A small second negotiation, so /negotiations has a choice to offer."""
    return """\
format: 1
negotiation:
  key: sochi-2018
  title: "Sochi memorandum on Idlib (September 2018)"
  parties: ["Turkey", "Russia"]
  venue: "Sochi"
  status: concluded
  summary: "Putin and Erdogan agreed a demilitarised zone in Idlib."
sources:
  memo:
    publisher: "Example Wire"
    title: "Sochi memorandum"
    published_on: "2018-09-17"
events:
  - key: sochi-summit
    kind: talks
    title: "Sochi summit on Idlib"
    date: "2018-09-17"
    timezone: Europe/Moscow
    status: happened
    place: "Sochi"
    key_date: true
    aliases:
      en: [Sochi summit, Sochi memorandum]
    sources:
      - ref: memo
        attribution: "Kremlin statement"
        quote: "A demilitarised zone 15 to 20 km deep will be set up."
points:
  - key: demilitarised-zone
    title: "Demilitarised zone"
    details: "A 15–20 km deep zone free of heavy weapons."
    status_history:
      - status: agreed
        date: "2018-09-17"
        timezone: Europe/Moscow
        event: sochi-summit
    sources:
      - ref: memo
        attribution: "Kremlin statement"
"""


def texts(messages: list[dict[str, Any]]) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in messages]


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def button_texts(message: dict[str, Any]) -> list[str]:
    return [b["text"] for b in buttons(message)]


# --- acting as a user (shared by the end-to-end modules) -------------------------------------------
WAIT = 10.0  # generous: the first answers also warm the bot process up


async def eventually(probe: Any, timeout: float = WAIT) -> Any:
    """Poll `probe()` until it returns something truthy (for state outside the fake, e.g. the DB)."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value or time.monotonic() > deadline:
            return value
        await asyncio.sleep(0.05)


async def say(tg: Any, chat: int, text: str, *, user: int | None = None, timeout: float = WAIT,
              **fields: Any) -> dict[str, Any]:
    """The user writes `text`; the bot's next message in that chat."""
    mark = tg.mark()
    tg.send_text(chat, user if user is not None else chat, text, **fields)
    return await tg.wait_for_message(chat, timeout=timeout, after=mark)


async def press(tg: Any, chat: int, message: dict[str, Any], label: str, *, user: int | None = None
                ) -> dict[str, Any]:
    """The user presses the button labelled `label`; returns the callback update once it is answered."""
    update = tg.press_button(chat, user if user is not None else chat, message["message_id"], button_text=label)
    await tg.wait_for_callback_answer(update, timeout=WAIT)
    return update


@contextlib.asynccontextmanager
async def running_bot(tg: Any, env: dict[str, str], cwd: Path) -> AsyncIterator[BotProcess]:
    """`python -m bot run` against `tg`, ready and long polling; stopped afterwards if still running."""
    bot = await BotProcess(env, cwd).start()
    try:
        await bot.wait_for_log("ready", timeout=30)
        await tg.wait_for_long_poll(timeout=10)
        yield bot
    finally:
        if bot.returncode is None:
            await bot.stop()


def faults(tg: Any) -> list[Any]:
    """Requests Telegram would have refused because of the bot (a blocked user's 403 is not one)."""
    return [r for r in tg.bot_faults() if "blocked by the user" not in r.description]
