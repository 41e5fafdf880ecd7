"""Start-up failures a deployer meets: a token the Bot API refuses is one clear line and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bot_harness import BotProcess, bot_env
from tests.fake_telegram import FakeTelegram

pytestmark = [pytest.mark.e2e]


async def test_a_refused_token_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    async with FakeTelegram(token="999999:TheServerKnowsOnlyThisToken") as tg:
        env = bot_env(tg.base_url, f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}")
        bot = await BotProcess(env, tmp_path).start()
        code = await bot.wait()
    assert code == 2
    assert "TELEGRAM_BOT_TOKEN was refused by the Bot API" in bot.output
    assert "Traceback" not in bot.output and "Unclosed" not in bot.output
    assert env["TELEGRAM_BOT_TOKEN"].split(":", 1)[1] not in bot.output
