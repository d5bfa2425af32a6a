"""Validate the bot's JSON request bodies against Discord's OpenAPI description.

The file is read from `../shared/discord-api-spec/openapi.json` (or the path in
DISCORD_EMULATOR_OPENAPI); it is never copied into this repository. Where the schema
rejects what Discord accepts, `_relax` patches that one schema and says why.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ENV_VAR = "DISCORD_EMULATOR_OPENAPI"
_RELATIVE = Path("shared") / "discord-api-spec" / "openapi.json"


def find_spec_file(explicit: str | Path | None = None) -> Path | None:
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    if os.environ.get(ENV_VAR):
        candidates.append(Path(os.environ[ENV_VAR]))
    candidates.append(Path.cwd().parent / _RELATIVE)
    candidates.append(Path(__file__).resolve().parents[2] / _RELATIVE)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


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

        with spec_path.open("rb") as handle:
            document = json.load(handle)
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


def load_validator(explicit: str | Path | None = None) -> RequestValidator | None:
    path = find_spec_file(explicit)
    if path is None:
        log.warning("Discord OpenAPI file not found (set %s); request bodies are not validated", ENV_VAR)
        return None
    return RequestValidator(path)
