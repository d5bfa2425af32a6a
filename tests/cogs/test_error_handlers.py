"""Every form, view and persistent button answers the member when it fails. discord.py only logs an
error in a modal's or a view's callback unless it has an `on_error`, and it logs an error in a
DynamicItem's callback and nothing more: the member would see "This interaction failed"."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from types import ModuleType

import discord
import pytest

import bot
import cogs
from bot.responses import Layout


def modules(package: ModuleType) -> list[ModuleType]:
    found = [package]
    for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
        found.append(importlib.import_module(info.name))
    return found


def our_classes(base: type) -> list[type]:
    classes: dict[str, type] = {}
    for module in modules(bot) + modules(cogs):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base) and cls.__module__ == module.__name__:
                classes[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [classes[name] for name in sorted(classes)]


# A layout only carries components the bot sends; it listens to nothing (is_dispatchable is False).
NOT_LISTENING = {Layout}


@pytest.mark.parametrize(
    "cls",
    [c for c in our_classes(discord.ui.Modal) + our_classes(discord.ui.View) if c not in NOT_LISTENING],
    ids=lambda c: c.__qualname__,
)
def test_every_modal_and_view_has_an_on_error(cls: type) -> None:
    assert "on_error" in cls.__dict__, f"{cls.__qualname__} has no on_error: its failures would reach no one"


def test_a_layout_listens_to_nothing() -> None:
    assert not Layout(discord.ui.Button(label="x", custom_id="x:1")).is_dispatchable()


@pytest.mark.parametrize("cls", our_classes(discord.ui.DynamicItem), ids=lambda c: c.__qualname__)
def test_every_persistent_button_answers_its_errors(cls: type) -> None:
    """The callback's whole body is a `try` whose `except Exception` answers with bot.responses.answer_error."""
    function = ast.parse(textwrap.dedent(inspect.getsource(cls.callback))).body[0]
    assert isinstance(function, ast.AsyncFunctionDef)
    body = [n for n in function.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    assert len(body) == 1 and isinstance(body[0], ast.Try), f"{cls.__qualname__}.callback is not wrapped in a try"
    handlers = body[0].handlers
    catches_all = [h for h in handlers if isinstance(h.type, ast.Name) and h.type.id == "Exception"]
    assert catches_all, f"{cls.__qualname__}.callback does not catch Exception"
    calls = {n.func.id for n in ast.walk(catches_all[0]) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert "answer_error" in calls, f"{cls.__qualname__}.callback does not answer the member"
