"""Run the fake Bot API server as a process: ``python -m tests.fake_telegram``.

Why: for manual runs of the bot against a local "Telegram", and for tests that
want the server in a separate process. It prints one JSON line with the URLs
(``{"base_url": ..., "base_file_url": ..., "control_url": ...}``) once it is
listening, then serves until SIGINT/SIGTERM. The control API
(``/_fake/send_text`` etc., see :mod:`.control`) is enabled.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys

from .ratelimit import RateLimits
from .server import DEFAULT_TOKEN, FakeTelegram


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.fake_telegram", description=__doc__)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default="ankara_talks_bot")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (printed on start)")
    parser.add_argument("--spec", default=None, help="path to api.json")
    parser.add_argument("--rate-limits", action="store_true", help="enforce Telegram's flood limits")
    parser.add_argument("--lenient-html", action="store_true", help="accept a bare & in HTML like Telegram")
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    server = FakeTelegram(
        args.token,
        bot_username=args.bot_username,
        host=args.host,
        port=args.port,
        spec_path=args.spec,
        rate_limits=RateLimits() if args.rate_limits else None,
        strict_html=not args.lenient_html,
        control_api=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        print(
            json.dumps({"base_url": server.base_url, "base_file_url": server.base_file_url,
                        "control_url": f"{server.url}/_fake", "token": server.token}),
            flush=True,
        )
        await stop.wait()


def main(argv: list[str] | None = None) -> None:
    asyncio.run(_serve(_parse_args(sys.argv[1:] if argv is None else argv)))


if __name__ == "__main__":
    main()
