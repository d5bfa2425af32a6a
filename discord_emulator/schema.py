"""Validate the bot's JSON request bodies against Discord's OpenAPI description.

The description ships inside this package (`spec/openapi.json.gz`, MIT-licensed by Discord; its
source commit and licence are beside it). DISCORD_EMULATOR_OPENAPI, or an explicit path, points
at another copy (plain or gzipped JSON). Where the schema rejects what Discord accepts, `_relax`
patches that one schema and says why.
"""

from __future__ import annotations

import copy
import functools
import gzip
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ENV_VAR = "DISCORD_EMULATOR_OPENAPI"
SHIPPED_SPEC = Path(__file__).resolve().with_name("spec") / "openapi.json.gz"


class SpecMissing(FileNotFoundError):
    """Validation was asked for, and the OpenAPI file it needs is not there."""


def find_spec_file(explicit: str | Path | None = None) -> Path:
    """The OpenAPI file to validate against: `explicit`, else $DISCORD_EMULATOR_OPENAPI, else the
    copy shipped in this package. A path that was asked for and is missing is an error, never a
    quiet fallback to another file or to no validation."""
    if explicit:
        chosen, source = Path(explicit), "the openapi_path given"
    elif os.environ.get(ENV_VAR):
        chosen, source = Path(os.environ[ENV_VAR]), ENV_VAR
    else:
        chosen, source = SHIPPED_SPEC, "the emulator's package (reinstall it)"
    if not chosen.is_file():
        raise SpecMissing(f"Discord's OpenAPI file {chosen} (from {source}) does not exist")
    return chosen


def _read_document(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    with opener(path, "rb") as handle:
        document: dict[str, Any] = json.load(handle)
    return document


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    method: str
    path: str
    route: str
    message: str
    location: str

    def __str__(self) -> str:
        return f"{self.method} {self.path} ({self.route}): {self.message} at {self.location or 'body'}"


def _relax(schemas: dict[str, Any]) -> None:
    # discord.py sends snowflakes as integers in places (e.g. message_reference.message_id); Discord accepts both.
    schemas["SnowflakeType"] = {
        "anyOf": [
            {"type": "string", "pattern": r"^(0|[1-9][0-9]*)$"},
            {"type": "integer", "minimum": 0},
        ]
    }
    # The schema's ChannelTypes lacks 16 (GUILD_MEDIA), which discord.py sends in channel_types and Discord accepts.
    if "ChannelTypes" in schemas and "oneOf" in schemas["ChannelTypes"]:
        schemas["ChannelTypes"]["oneOf"].append({"title": "GUILD_MEDIA", "const": 16})
    # MessageReferenceType lacks 1 (FORWARD), sent by Message.forward().
    if "MessageReferenceType" in schemas and "oneOf" in schemas["MessageReferenceType"]:
        schemas["MessageReferenceType"]["oneOf"].append({"title": "FORWARD", "const": 1})


def _permission_strings(node: Any) -> Any:
    """Permission bit sets are typed as integers where the docs and discord.py send strings."""
    if isinstance(node, dict):
        out = {k: _permission_strings(v) for k, v in node.items()}
        props = out.get("properties")
        if isinstance(props, dict):
            for key in ("allow", "deny", "permissions", "default_member_permissions"):
                prop = props.get(key)
                if isinstance(prop, dict) and "string" not in json.dumps(prop):
                    props[key] = {"anyOf": [prop, {"type": "string", "pattern": r"^[0-9]+$"}]}
        return out
    if isinstance(node, list):
        return [_permission_strings(v) for v in node]
    return node


class RequestValidator:
    def __init__(self, spec_path: Path) -> None:
        import jsonschema

        document = _read_document(spec_path)
        self.spec_path = spec_path
        schemas = document["components"]["schemas"]
        _relax(schemas)
        document["components"]["schemas"] = _permission_strings(schemas)
        self._document = document
        self._jsonschema = jsonschema
        self._routes: list[tuple[re.Pattern[str], str, dict[str, Any]]] = []
        for template, item in document["paths"].items():
            pattern = "^" + re.sub(r"\\\{[a-z_]+\\\}", r"[^/]+", re.escape(template)) + "$"
            self._routes.append((re.compile(pattern), template, item))
        # More specific (longer, fewer parameters) templates first: '/users/@me' before '/users/{user_id}'.
        self._routes.sort(key=lambda r: (r[1].count("{"), -len(r[1])))
        self._validators: dict[tuple[str, str], Any] = {}

    def route_for(self, path: str) -> tuple[str, dict[str, Any]] | None:
        for pattern, template, item in self._routes:
            if pattern.match(path):
                return template, item
        return None

    def _validator(self, method: str, template: str, item: dict[str, Any]) -> Any:
        key = (method, template)
        if key not in self._validators:
            operation = item.get(method.lower()) or {}
            content = (operation.get("requestBody") or {}).get("content") or {}
            schema = (content.get("application/json") or {}).get("schema")
            if schema is None:
                self._validators[key] = None
            else:
                root = dict(self._document)
                root.pop("paths", None)
                root["components"] = dict(root["components"])
                root["components"]["schemas"] = dict(root["components"]["schemas"])
                name = f"EmulatorRequest{len(self._validators)}"
                # inline request bodies carry the same permission-as-integer typing bug
                root["components"]["schemas"][name] = _permission_strings(copy.deepcopy(schema))
                root["$ref"] = f"#/components/schemas/{name}"
                self._validators[key] = self._jsonschema.Draft202012Validator(root)
        return self._validators[key]

    def validate(self, method: str, path: str, body: Any) -> list[SchemaProblem]:
        found = self.route_for(path)
        if found is None:
            return []
        template, item = found
        validator = self._validator(method, template, item)
        if validator is None:
            return []
        problems = []
        for error in validator.iter_errors(body):
            best = self._jsonschema.exceptions.best_match([error])
            location = ".".join(str(p) for p in best.absolute_path)
            problems.append(SchemaProblem(method, path, template, best.message[:300], location))
        return problems


@functools.lru_cache(maxsize=4)
def _validator_for(path: Path, mtime_ns: int) -> RequestValidator:
    # Validators hold no per-emulator state (only compiled schemas): one per file is shared by
    # every emulator of the process, so each test's emulator does not parse 1 MB of JSON again.
    return RequestValidator(path)


def load_validator(explicit: str | Path | None = None) -> RequestValidator:
    path = find_spec_file(explicit).resolve()
    return _validator_for(path, path.stat().st_mtime_ns)
