"""The layers point one way. This test reads every import in `bot/` and `cogs/` (including those inside
functions and under TYPE_CHECKING: a type is a dependency too) and fails on any arrow that points the
wrong way.

    entry points (python -m bot)        bot.__main__, bot.cli, bot.runner
      → cogs                            cogs/: Discord adapters, one capability each
      → cog helpers                     bot.checks, bot.autocomplete: what every cog uses on an interaction
      → the client                      bot.client: builds the services once and wires them together
      → services                        publishing, voting, updates delivery, enforcement, feeds, chat service…
      → Discord kit                     shared Discord helpers: mentions, replies, the message pipeline
      → pure core  |  storage           articles, moderation, chat retrieval, tallies | SQL and row types
      → foundation                      settings, errors, formatting, logging, metrics

An arrow may point down any number of steps, or stay within a layer where the table below allows it;
the pure core and storage do not import each other, and neither imports discord.py. `bot/` never
imports `cogs/`, a cog never imports another cog, and only the sandbox command imports the emulator.
Every module of `bot/` must be placed in a layer (a new module fails the test until it is).

(The arrows that pointed the wrong way when this test was written were listed as strict expected
failures and taken off the list one by one as they were fixed: git log -p shows them.)
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "cogs")


class Layer(IntEnum):
    FOUNDATION = 1
    CORE = 2
    STORAGE = 3
    KIT = 4
    SERVICES = 5
    CLIENT = 6
    COG_HELPERS = 7
    COGS = 8
    ENTRY = 9


# Longest prefix wins: "bot.chat.service" is a service inside the pure "bot.chat".
PLACES: dict[str, Layer] = {
    "bot": Layer.FOUNDATION,  # bot/__init__.py: the version
    "bot.__main__": Layer.ENTRY,
    "bot.cli": Layer.ENTRY,
    "bot.runner": Layer.ENTRY,
    "cogs": Layer.COGS,
    "bot.checks": Layer.COG_HELPERS,
    "bot.autocomplete": Layer.COG_HELPERS,
    "bot.places": Layer.COG_HELPERS,  # the places a command names, resolved against the guild
    "bot.client": Layer.CLIENT,
    # services: Discord-facing work, built once at start-up with their collaborators
    "bot.backups": Layer.SERVICES,
    "bot.chat.discussion": Layer.SERVICES,
    "bot.chat.service": Layer.SERVICES,
    "bot.config_cache": Layer.SERVICES,
    "bot.enforcement": Layer.SERVICES,
    "bot.feeds.fetch": Layer.SERVICES,
    "bot.feeds.poller": Layer.SERVICES,
    "bot.leases": Layer.SERVICES,
    "bot.operations": Layer.SERVICES,
    "bot.privacy": Layer.SERVICES,
    "bot.publishing": Layer.SERVICES,
    "bot.retention": Layer.SERVICES,
    "bot.status_server": Layer.SERVICES,
    "bot.updates": Layer.SERVICES,
    "bot.voting": Layer.SERVICES,
    # the Discord kit: helpers every Discord-facing module shares, and the client's own machinery
    "bot.command_tree": Layer.KIT,
    "bot.endpoints": Layer.KIT,
    "bot.invite": Layer.KIT,
    "bot.message_pipeline": Layer.KIT,
    "bot.rest_budget": Layer.KIT,
    "bot.responses": Layer.KIT,
    "bot.standing": Layer.KIT,
    "bot.discussion_sight": Layer.KIT,  # who can see a discussion, read from Discord (bot.permissions decides)
    "bot.token_guard": Layer.KIT,  # the client's outgoing requests, scrubbed of the token
    # the pure core: plain data in and out, no discord.py, no storage
    "bot.articles": Layer.CORE,
    "bot.chat": Layer.CORE,
    "bot.feeds": Layer.CORE,  # the package; its service modules are placed above
    "bot.feeds.addresses": Layer.CORE,
    "bot.feeds.entries": Layer.CORE,
    "bot.feeds.html_text": Layer.CORE,
    "bot.guild_config": Layer.CORE,
    "bot.health": Layer.CORE,
    "bot.moderation": Layer.CORE,
    "bot.permissions": Layer.CORE,
    "bot.updates.text": Layer.CORE,
    "bot.voting.chart": Layer.CORE,
    "bot.voting.tally": Layer.CORE,
    "bot.storage": Layer.STORAGE,
    # the foundation: settings, errors and the like, importable from anywhere
    "bot.background": Layer.FOUNDATION,
    "bot.text_key": Layer.FOUNDATION,
    "bot.database_url": Layer.FOUNDATION,
    "bot.sharding": Layer.FOUNDATION,
    "bot.enums": Layer.FOUNDATION,
    "bot.errors": Layer.FOUNDATION,
    "bot.formatting": Layer.FOUNDATION,
    "bot.log_context": Layer.FOUNDATION,
    "bot.logging_setup": Layer.FOUNDATION,
    "bot.metrics": Layer.FOUNDATION,
    "bot.settings": Layer.FOUNDATION,
}

# Layers below that a layer still may not import. The core and storage sit side by side: neither
# imports the other.
NOT_BELOW: dict[Layer, set[Layer]] = {
    Layer.STORAGE: {Layer.CORE},
    Layer.KIT: {Layer.STORAGE},
    Layer.COG_HELPERS: {Layer.STORAGE},
    Layer.COGS: {Layer.STORAGE},  # cogs reach the database through a service
}
NO_DISCORD = {Layer.FOUNDATION, Layer.CORE, Layer.STORAGE}
SANDBOX_COMMAND = ("bot.cli", "_sandbox")  # the one place allowed to start the emulator


@dataclass(frozen=True, slots=True)
class Import:
    importer: str
    imported: str
    line: int
    function: str | None  # the function it is written in, if any


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> Iterator[Path]:
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def known_modules() -> frozenset[str]:
    return frozenset({module_name(path) for path in source_files()})


def _imports(path: Path, modules: frozenset[str]) -> Iterator[Import]:
    importer = module_name(path)
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))

    def visit(node: ast.AST, function: str | None) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield from visit(child, child.name if function is None else function)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(importer, alias.name, child.lineno, function)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    # `from bot.storage import posts` imports the module bot.storage.posts
                    candidate = f"{base}.{alias.name}"
                    yield Import(importer, candidate if candidate in modules else base, child.lineno, function)
            yield from visit(child, function)

    yield from visit(tree, None)


@functools.cache
def all_imports() -> list[Import]:
    modules = known_modules()
    return [found for path in source_files() for found in _imports(path, modules)]


def layer_of(module: str) -> Layer | None:
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix == "bot" and module != "bot":
            return None  # "bot" is bot/__init__.py alone, not every module without a place
        layer = PLACES.get(prefix)
        if layer is not None:
            return layer
    return None


def top(module: str) -> str:
    return module.split(".")[0]


def problem(found: Import) -> str | None:
    """Why this import points the wrong way, or None."""
    importer, imported = found.importer, found.imported
    here = layer_of(importer)
    if top(imported) == "discord_emulator":
        if (importer, found.function) == SANDBOX_COMMAND:
            return None
        return "only the sandbox command imports the emulator"
    if top(imported) == "discord" and here in NO_DISCORD:
        return f"the {here.name.lower()} layer does not import discord.py"
    if top(imported) not in PACKAGES:
        return None  # the standard library and third-party packages
    if top(importer) == "bot" and top(imported) == "cogs":
        return "bot/ never imports cogs/"
    if top(importer) == "cogs" and top(imported) == "cogs" and imported != "cogs":
        return "cogs talk to each other only through bot/"
    there = layer_of(imported)
    if here is None or there is None:
        return None  # reported by test_every_module_has_a_layer
    if there > here:
        return f"{here.name.lower()} imports {there.name.lower()}, which is above it"
    if there in NOT_BELOW.get(here, set()):
        return f"{here.name.lower()} does not import {there.name.lower()}"
    return None


def arrow(found: Import) -> str:
    return f"{found.importer} -> {found.imported}"


@functools.cache
def violations() -> dict[str, str]:
    wrong: dict[str, str] = {}
    for found in all_imports():
        reason = problem(found)
        if reason is not None:
            wrong.setdefault(arrow(found), f"{arrow(found)} (line {found.line}): {reason}")
    return wrong


def package_of(module: str) -> str:
    """bot.voting.answers -> bot.voting; bot.client -> bot.client (a top-level module is its own unit)."""
    parts = module.split(".")
    return ".".join(parts[:2])


@functools.cache
def cycles() -> list[tuple[str, ...]]:
    """Modules that import each other, round a loop; and the same between the packages of bot/
    (publishing → voting → publishing). Each tangle is named by its members, sorted."""
    modules = known_modules()
    found: set[tuple[str, ...]] = set()
    for unit in (lambda m: m, package_of):
        graph: dict[str, set[str]] = {}
        for imported in all_imports():
            if imported.imported not in modules:
                continue
            a, b = unit(imported.importer), unit(imported.imported)
            if a != b and top(a) == "bot" and top(b) == "bot" and "bot" not in (a, b):
                graph.setdefault(a, set()).add(b)
        found.update(tuple(sorted(tangle)) for tangle in tangles(graph))
    return sorted(found)


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return result


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(m for m in known_modules() if layer_of(m) is None)
    assert not unplaced, f"place these modules in a layer (PLACES): {unplaced}"


def test_no_new_wrong_way_imports() -> None:
    wrong = [reason for _, reason in sorted(violations().items())]
    assert not wrong, "wrong-way imports:\n" + "\n".join(wrong)


def test_no_import_cycles() -> None:
    tangled = [" <-> ".join(cycle) for cycle in cycles()]
    assert not tangled, "import cycles:\n" + "\n".join(tangled)


# -- the test's own rules, on made-up imports ---------------------------------------------------------
@pytest.mark.parametrize(
    ("importer", "imported", "function", "wrong"),
    [
        ("bot.storage.posts", "bot.guild_config", None, True),  # storage imports the core
        ("bot.moderation.engine", "bot.storage.moderation", None, True),  # the core imports storage
        ("bot.moderation.engine", "discord", None, True),
        ("bot.publishing.publisher", "bot.client", None, True),  # a service imports the client
        ("bot.client", "cogs.about", None, True),
        ("cogs.votes", "cogs.articles", None, True),
        ("cogs.votes", "bot.storage.posts", None, True),  # a cog calls storage directly
        ("bot.client", "discord_emulator", None, True),
        ("bot.cli", "discord_emulator.sandbox", "_sandbox", False),
        ("bot.cli", "discord_emulator.sandbox", "main", True),
        ("cogs.votes", "bot.voting.results", None, False),
        ("bot.publishing.publisher", "bot.voting.answers", None, False),
        ("bot.voting.answers", "bot.storage.votes", None, False),
        ("bot.storage.posts", "bot.storage.database", None, False),
        ("bot.chat.retrieval", "bot.articles.model", None, False),
        ("bot.checks", "bot.client", None, False),
        ("bot.storage.posts", "bot.enums", None, False),
    ],
)
def test_rules(importer: str, imported: str, function: str | None, wrong: bool) -> None:
    assert (problem(Import(importer, imported, 1, function)) is not None) is wrong


def test_a_module_without_a_place_has_no_layer() -> None:
    assert layer_of("bot") is Layer.FOUNDATION
    assert layer_of("bot.something_new") is None
    assert layer_of("bot.chat.service") is Layer.SERVICES and layer_of("bot.chat.retrieval") is Layer.CORE


def test_tangles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"f"}, "f": {"e"}}
    assert sorted(map(sorted, tangles(graph))) == [["a", "b", "c"], ["e", "f"]]
    assert tangles({"a": {"b"}, "b": set()}) == []
