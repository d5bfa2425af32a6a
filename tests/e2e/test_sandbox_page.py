"""`python -m bot sandbox` in a real browser: Debian's Chromium driven by Playwright opens the page,
posts the seed article as the admin, votes as two members, pushes an update and trips a filter,
watching each arrive live. Screenshots of those states are saved in test-artifacts/sandbox/ (or
$SANDBOX_SCREENSHOTS) for a person to look at."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("SANDBOX_SCREENSHOTS", REPO / "test-artifacts" / "sandbox"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's own probe starts it: no sandboxing as root, and no calls home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TITLE = "Odierno: We're negotiating with insurgents for a ceasefire"


class Sandbox:
    """`python -m bot sandbox --port 0` in its own process, its output kept for failures."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.output: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "sandbox", "--port", "0", "--data-dir", str(data_dir)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")} | {"LOG_LEVEL": "INFO"},
        )
        self.url = ""
        self._found = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        if not self._found.wait(60):
            self.stop()
            raise AssertionError("the sandbox did not print its address:\n" + "".join(self.output))

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            found = re.match(r"Sandbox: (http://127\.0\.0\.1:\d+/)", line)
            if found:
                self.url = found.group(1)
                self._found.set()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    running = Sandbox(tmp_path / "sandbox")
    yield running
    assert running.stop() == 0, "".join(running.output)
    assert_stopped_cleanly(running.output)


def assert_stopped_cleanly(output: list[str]) -> None:
    """Ctrl-C ends the bot and the sandbox once, without a traceback or a false alarm."""
    text = "".join(output)
    assert "Traceback" not in text, text
    assert "Can't keep up" not in text, text


@pytest.fixture
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium is needed: apt-get install chromium (as .ci/run does)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def act_as(page: Page, name: str) -> None:
    value = page.locator("#viewer option", has_text=name).get_attribute("value")
    assert value
    page.select_option("#viewer", value)
    expect(page.locator("#viewer")).to_have_value(value)


def run_command(page: Page, path: str, screenshot: str = "", **options: str) -> None:
    page.click("#open-command")
    page.select_option("#command", path)
    for name, value in options.items():
        field = page.locator(f"[name=option-{name}]")
        if field.evaluate("f => f.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    if screenshot:
        shoot(page, screenshot)
    page.click("#run-command")


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_the_sandbox_page_shows_the_bot_at_work(sandbox: Sandbox, browser: Browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    page.goto(sandbox.url)
    expect(page.locator("#guild-name")).to_have_text("Discussion Club")
    expect(page.locator("#connection")).to_have_class(re.compile("live"))  # server-sent events flowing
    # The bot syncs its commands as it starts; the helper lists them with their options.
    expect(page.locator("#command option[value='article post']")).to_have_count(1)
    shoot(page, "0-start")

    act_as(page, "Ada (admin)")
    # The helper asks the bot for autocomplete choices as you type, as Discord's client does.
    page.click("#open-command")
    page.select_option("#command", "article post")
    page.locator("[name=option-article]").press_sequentially("ceasef")
    expect(page.locator("#list-article option[value='odierno-ceasefire']")).to_have_count(1)
    page.click("#close-command")
    # With answers to choose from, the exit question is a Discord poll.
    choices = "Protection from the militias | A share of power | Nothing lasting"
    run_command(
        page, "article post", "1-command-helper", article="odierno-ceasefire", channel="≡ articles", options=choices
    )
    thread = page.locator(".channel.thread").first
    expect(thread).to_contain_text(TITLE)
    # The bot's answer links to the new post; the link opens it here, as Discord's client does,
    # not discord.com in another tab.
    posted = page.locator(".message.ephemeral", has_text="Posted")
    posted.locator("a.jump").click()
    expect(page.locator("#channel-name")).to_contain_text(TITLE)
    assert page.url == sandbox.url and len(page.context.pages) == 1
    messages = page.locator("#messages")
    expect(messages).to_contain_text("Exit question")
    expect(messages).to_contain_text("negotiating with insurgents")
    answers = page.locator(".poll-answer")
    expect(answers.first).to_be_visible()
    shoot(page, "2-article-thread")

    for member, answer in (("alice", 0), ("bob", 1)):
        act_as(page, member)
        page.locator(".poll-answer").nth(answer).click()
        expect(page.locator(".poll-answer").nth(answer)).to_have_class(re.compile("mine"))
    counts = page.locator(".poll-count")
    expect(counts.nth(0)).to_have_attribute("data-count", "1")
    expect(counts.nth(1)).to_have_attribute("data-count", "1")
    expect(page.locator(".poll-footer")).to_contain_text("2 votes")
    shoot(page, "3-two-votes")

    # The results: counts in a code block, and the chart, an image the bot uploads with them.
    act_as(page, "Ada (admin)")
    run_command(page, "vote results", article="odierno-ceasefire")
    results = page.locator(".message.ephemeral", has_text="Results so far")
    expect(results.locator("pre.codeblock")).to_contain_text("Protection from the militias")
    expect(results.locator("pre.codeblock")).not_to_contain_text("```")
    chart = results.locator("img.embed-image")
    expect(chart).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
    shoot(page, "3b-results-with-chart")
    # Its link back to the discussion stays in the page too.
    results.locator("a.jump", has_text="Odierno").click()
    expect(page.locator("#channel-name")).to_contain_text(TITLE)

    # The article's first message lists the updates; each ↗ scrolls to that update in the thread.
    blog_link = page.locator(".message").first.locator(".embed a.jump").last
    expect(blog_link).to_be_visible()
    blog_link.click()
    focused = page.locator(".message.focused")
    expect(focused).to_have_count(1)
    expect(focused).to_contain_text("There are reports out now that U.S. gunships")
    expect(focused).to_be_in_viewport()
    assert page.url == sandbox.url and len(page.context.pages) == 1

    # A member reports another's message: a context-menu command, a modal, an ephemeral thanks.
    act_as(page, "bob")
    page.fill("#composer-input", "Nobody should trust these people.")
    page.click("#send")
    reported = page.locator(".message", has_text="Nobody should trust these people.")
    expect(reported).to_have_count(1)
    act_as(page, "alice")
    reported.hover()
    reported.locator("button[data-app='Report message']").click()
    expect(page.locator("#modal-backdrop")).to_be_visible()
    page.locator("#modal-inputs textarea, #modal-inputs input").first.fill("Sweeping and unkind.")
    shoot(page, "4-report-form")
    page.click("#modal-submit")
    expect(page.locator(".message.ephemeral").last).to_contain_text("Thanks")
    expect(page.locator(".message.ephemeral").last).to_contain_text("Only you can see this")

    act_as(page, "Ada (admin)")
    update = "Talks resume on Monday in Ramadi, officials say."
    run_command(page, "update push", article="odierno-ceasefire", text=update)
    arrived = page.locator(".message", has_text=update)
    expect(arrived.first).to_be_visible()
    expect(arrived.first.locator(".author")).to_have_text("DiscussionBot")
    shoot(page, "5-update-arrived")
    # An editor adds an update to the article file: the seed poller pushes it into the thread.
    seed = sandbox.data_dir / "seeds" / "odierno-ceasefire.txt"
    edited = "Update: The first ceasefire is signed in Abu Ghraib."
    seed.write_text(seed.read_text().replace("\n\nTrending on", f"\n\n{edited}\n\nTrending on", 1))
    expect(page.locator(".message", has_text=edited[len("Update: ") :]).first).to_be_visible()

    act_as(page, "carol")
    page.fill("#composer-input", "what a load of bullshit")
    page.click("#send")
    removed = page.locator(".message.deleted", has_text="This message was removed")
    expect(removed).to_have_count(1)
    expect(page.locator(".message", has_text="what a load of bullshit")).to_have_count(0)
    shoot(page, "6-filtered-message-removed")
    # and the moderators see why, in the mod log
    act_as(page, "Mo (moderator)")
    page.locator(".channel", has_text="mod-log").click()
    expect(page.locator("#messages")).to_contain_text("bullshit")
    shoot(page, "7-mod-log")
    # A member asks the bot in its chat channel, in plain words.
    act_as(page, "alice")
    page.locator(".channel", has_text="ask-the-bot").click()
    page.fill("#composer-input", "what's the latest update?")
    page.click("#send")
    answer = page.locator(".message", has_text="Abu Ghraib").filter(has=page.locator(".tag"))
    expect(answer.first).to_be_visible()
    shoot(page, "8-asked-the-bot")
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline and sandbox.process.poll() is None:
        time.sleep(0.1)
    assert sandbox.process.poll() is None, "".join(sandbox.output)


def page_api(sandbox: Sandbox, path: str, body: dict | None = None, **query: str) -> dict:  # type: ignore[type-arg]
    url = sandbox.url + path + (f"?{urllib.parse.urlencode(query)}" if query else "")
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


def wait_for(check, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def server_ids(state: dict) -> dict:  # type: ignore[type-arg]
    return {
        "guild": state["guild"]["id"],
        "channels": {c["name"]: c["id"] for c in state["channels"]},
        "threads": {t["name"]: t["id"] for c in state["channels"] for t in c["threads"]},
        "members": {m["name"]: m["id"] for m in state["members"]},
        "roles": {r["name"]: r["id"] for r in state["roles"]},
    }


def test_a_restarted_sandbox_is_the_same_server(tmp_path: Path):
    """Ctrl-C, start again: the same server, ids and all, so the bot's kept database still fits it
    (its posts are there; an update reaches the thread posted in the first run)."""
    data_dir = tmp_path / "sandbox"
    first = Sandbox(data_dir)
    try:
        state = page_api(first, "api/state", **{"as": "0"})
        ada = next(m["id"] for m in state["members"] if m["name"] == "Ada (admin)")
        general = next(c["id"] for c in state["channels"] if c["name"] == "general")
        wait_for(lambda: "Ready as" in "".join(first.output))  # the commands are there before the bot is
        posted = page_api(
            first,
            "api/act",
            {
                "action": "command",
                "as": ada,
                "channel": general,
                "path": "article post",
                "options": {"article": "odierno-ceasefire", "channel": general},
            },
        )
        assert posted == {"ok": True}, posted
        before = wait_for(lambda: (s := page_api(first, "api/state")) and server_ids(s)["threads"] and s)
    finally:
        assert first.stop() == 0, "".join(first.output)

    second = Sandbox(data_dir)
    try:
        after = page_api(second, "api/state", **{"as": "0"})
        assert server_ids(after) == server_ids(before)
        [thread] = server_ids(after)["threads"].values()
        wait_for(lambda: "Ready as" in "".join(second.output))  # the commands are there before the bot is
        pushed = page_api(
            second,
            "api/act",
            {
                "action": "command",
                "as": ada,
                "channel": general,
                "path": "update push",
                "options": {"article": "odierno-ceasefire", "text": "Talks resume after the restart."},
            },
        )
        assert pushed == {"ok": True}, pushed
        wait_for(
            lambda: any(
                "Talks resume after the restart." in json.dumps(m["embeds"])
                for m in page_api(second, "api/state", **{"as": ada, "channel": thread})["messages"]
            )
        )
    finally:
        assert second.stop() == 0, "".join(second.output)
    assert "a new demo server" in "".join(first.output)
    output = "".join(second.output)
    assert "the demo server from last time" in output
    # a kept id the restarted server no longer knows would be answered "404 Not Found (error code: 100xx): Unknown …"
    assert "404 Not Found" not in output and "Unknown " not in output, output
    assert_stopped_cleanly(second.output)


def test_a_late_refresh_of_the_old_channel_does_not_take_the_page_back(sandbox: Sandbox, browser: Browser):
    """A refresh of #general still on its way when a member opens another channel arrives after the
    new channel is drawn: it is dropped, not drawn over it (the page jumped back to #general)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    page.goto(sandbox.url)
    expect(page.locator("#connection")).to_have_class(re.compile("live"))
    state = page_api(sandbox, "api/state", **{"as": "0"})
    general = next(c for c in state["channels"] if c["name"] == "general")
    other = next(c for c in state["channels"] if c["kind"] == "text" and c["name"] != "general")
    page.locator(f"#channels [data-channel-id='{general['id']}']").click()
    expect(page.locator("#channel-name")).to_have_attribute("data-channel-id", general["id"])
    # Answers about #general are held back a second and a half, as on a slow network.
    page.evaluate(
        """(general) => {
          const fetchNow = window.fetch;
          window.heldBack = 0;
          window.released = 0;
          window.fetch = (url, ...rest) => {
            const answer = fetchNow(url, ...rest);
            if (!String(url).includes(`channel=${general}`)) return answer;
            window.heldBack += 1;
            return answer.then((r) => new Promise((done) => setTimeout(() => {
              done(r);
              window.released += 1;
            }, 1500)));
          };
        }""",
        general["id"],
    )
    ada = next(m["id"] for m in state["members"] if m["name"] == "Ada (admin)")
    sent = page_api(sandbox, "api/act", {"action": "send", "as": ada, "channel": general["id"], "content": "hello"})
    assert sent == {"ok": True}, sent
    page.wait_for_function("window.heldBack > 0")  # the page heard of the message and asked for #general again
    page.locator(f"#channels [data-channel-id='{other['id']}']").click()
    expect(page.locator("#channel-name")).to_have_attribute("data-channel-id", other["id"])
    page.wait_for_function("window.released >= window.heldBack")  # the answer about #general is in
    page.wait_for_timeout(200)  # the page reads it (or drops it)
    expect(page.locator("#channel-name")).to_have_attribute("data-channel-id", other["id"])
    assert "hello" not in page.locator("#messages").inner_text()
