"""The fake Bot API server in a process of its own (so it does not share the benchmark's CPU core),
enforcing Telegram's limits. Prints its port on stdout, then, on SIGTERM, one JSON line of stats:
sendMessage calls answered 200, 429s, and the first/last accepted send time.

    python benchmarks/reminders_fake_server.py [--no-limits]
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fake_telegram import FakeTelegram  # noqa: E402

TOKEN = "123456789:AAFakeTelegramTokenForTests_0123456789"


async def main() -> None:
    server = FakeTelegram(token=TOKEN, rate_limits="--no-limits" not in sys.argv)
    await server.start()
    print(server.port, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()
    ok = [c for c in server.calls if c.method == "sendMessage" and c.status == 200]
    limited = [c for c in server.calls if c.status == 429]
    print(json.dumps({
        "sent": len(ok), "rate_limited": len(limited), "chats": len({c.params.get("chat_id") for c in ok}),
        "first": ok[0].time if ok else None, "last": ok[-1].time if ok else None,
        "paid": sum(1 for c in ok if c.params.get("allow_paid_broadcast")),
    }), flush=True)
    await server.stop()


if __name__ == "__main__":
    asyncio.run(main())
