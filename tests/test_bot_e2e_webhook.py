"""End to end in webhook mode: `python -m bot run` with WEBHOOK_URL set registers its webhook (with a
secret token) at the Bot API server and answers updates POSTed to its own listener; a POST without
the right secret is refused with 403. SIGTERM stops it with exit code 0."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio

try:
    from tests.bot_harness import TOKEN, BotProcess, bot_env
    from tests.fake_telegram import FakeTelegram
except ImportError:  # pragma: no cover
    from bot_harness import TOKEN, BotProcess, bot_env  # type: ignore[no-redef]
    from fake_telegram import FakeTelegram  # type: ignore[no-redef]

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SECRET = "s3cret-Token_for-webhooks"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Webhook:
    def __init__(self, tg: FakeTelegram, bot: BotProcess, url: str) -> None:
        self.tg, self.bot, self.url = tg, bot, url

    async def post(self, update: dict, secret: str | None = SECRET) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        async with httpx.AsyncClient() as client:
            return await client.post(self.url, content=json.dumps(update), headers=headers, timeout=10)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def webhook(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Webhook]:
    tmp = tmp_path_factory.mktemp("bot-webhook")
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    async with FakeTelegram(token=TOKEN) as tg:
        env = bot_env(
            tg.base_url, f"sqlite+aiosqlite:///{tmp / 'bot.sqlite3'}",
            WEBHOOK_URL=url, WEBHOOK_SECRET=SECRET, WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(port),
        )
        bot = await BotProcess(env, tmp).start()
        try:
            await tg.wait_for_call("setWebhook", timeout=30)
            await bot.wait_for_log("Application started", timeout=30)
            yield Webhook(tg, bot, url)
        finally:
            if bot.returncode is None:
                await bot.stop()


async def test_webhook_is_registered_with_the_secret(webhook: Webhook) -> None:
    call = webhook.tg.calls_to("setWebhook")[-1]
    assert call.ok
    assert call.params["url"] == webhook.url
    assert call.params["secret_token"] == SECRET
    assert not webhook.tg.calls_to("getUpdates")  # no polling in webhook mode


async def test_an_update_posted_to_the_webhook_is_answered(webhook: Webhook) -> None:
    tg = webhook.tg
    mark = tg.mark()
    update = tg.send_text(7001, 7001, "When do the joint patrols begin?")
    response = await webhook.post(update)
    assert response.status_code == 200
    reply = await tg.wait_for_message(7001, timeout=10, after=mark)
    assert "15 March 2020" in reply["text"] and "Al Jazeera" in reply["text"]


async def test_a_post_without_the_secret_is_refused(webhook: Webhook) -> None:
    tg = webhook.tg
    update = tg.send_text(7002, 7002, "/help")
    assert (await webhook.post(update, secret="wrong")).status_code == 403
    assert (await webhook.post(update, secret=None)).status_code == 403
    assert tg.messages(7002) == []
    assert (await webhook.post(update)).status_code == 200
    assert "/timeline" in (await tg.wait_for_message(7002, timeout=10))["text"]


async def test_sigterm_stops_the_webhook_bot_with_exit_code_0(webhook: Webhook) -> None:
    assert await webhook.bot.stop() == 0
    assert TOKEN.split(":", 1)[1] not in webhook.bot.output
    assert SECRET not in webhook.bot.output
    assert webhook.tg.bot_faults() == []


async def test_ctrl_c_stops_a_polling_bot_with_exit_code_0(tmp_path_factory: pytest.TempPathFactory) -> None:
    import signal

    tmp = tmp_path_factory.mktemp("bot-sigint")
    async with FakeTelegram(token=TOKEN) as tg:
        bot = await BotProcess(bot_env(tg.base_url, f"sqlite+aiosqlite:///{tmp / 'bot.sqlite3'}"), tmp).start()
        await tg.wait_for_long_poll(timeout=30)
        tg.send_text(7003, 7003, "/help")
        await tg.wait_for_message(7003, timeout=10)
        assert await bot.stop(signal.SIGINT) == 0
        assert "bot stopped" in bot.output
        assert "Traceback" not in bot.output


async def test_without_a_configured_secret_a_random_one_protects_the_webhook(tmp_path) -> None:  # noqa: ANN001
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    async with FakeTelegram(token=TOKEN) as tg:
        env = bot_env(tg.base_url, f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
                      WEBHOOK_URL=url, WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(port))
        bot = await BotProcess(env, tmp_path).start()
        try:
            call = await tg.wait_for_call("setWebhook", timeout=30)
            await bot.wait_for_log("Application started", timeout=30)
            secret = call.params.get("secret_token")
            assert secret and len(secret) >= 32
            hook = Webhook(tg, bot, url)
            update = tg.send_text(7101, 7101, "hello")
            assert (await hook.post(update, secret=None)).status_code == 403
            assert (await hook.post(update, secret="guess")).status_code == 403
            assert (await hook.post(update, secret=secret)).status_code == 200
            assert secret not in bot.output  # the secret is never logged
        finally:
            assert await bot.stop() == 0
