"""A fast yes/no check of an instance against one of the harness schemas.

``jsonschema`` explains every error well but walks a predictions record of a
few hundred items in tens of milliseconds, which dominates a robustness run
of hundreds of variants. This module compiles the subset of JSON Schema
2020-12 that ``schemas/`` uses into nested closures that only answer "valid
or not"; ``harness.schemas`` asks it first and calls ``jsonschema`` only to
explain a failure. The schema files stay the single source of truth, and a
property test checks that both validators agree.

A keyword outside the supported subset makes ``compile_schema`` raise
``Unsupported``, and the caller falls back to ``jsonschema`` alone.
"""

from __future__ import annotations

import re
from typing import Any, Callable

Check = Callable[[Any], bool]

_IGNORED = {"$schema", "$id", "$defs", "title", "description", "$comment", "examples", "default"}


class Unsupported(ValueError):
    """The schema uses a keyword this compiler does not implement."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_strict_integer(value: Any) -> bool:
    """Whether ``value`` is a JSON integer written without a fraction or exponent (12, not 12.0)."""
    return isinstance(value, int) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    # stricter than JSON Schema, which counts 12.0 as an integer: an offset written 12.0 is a
    # mistake to report, and ``harness.schemas`` gives jsonschema the same rule
    "integer": is_strict_integer,
}


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema defines it: booleans are not numbers, 1 equals 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if _is_number(a) and _is_number(b):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def compile_schema(root: dict) -> Check:
    """A predicate that is True exactly when an instance is valid under ``root``."""
    compiled: dict[str, Check] = {}

    def ref(pointer: str) -> Check:
        if not pointer.startswith("#/"):
            raise Unsupported(f"non-local $ref {pointer!r}")
        if pointer not in compiled:
            # a placeholder first, so recursive definitions terminate
            holder: list[Check] = []
            compiled[pointer] = lambda v: holder[0](v)
            node: Any = root
            for part in pointer[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            holder.append(build(node))
        return compiled[pointer]

    def build(schema: Any) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        checks: list[Check] = []
        for keyword, value in schema.items():
            if keyword in _IGNORED:
                continue
            checks.append(_keyword(keyword, value, schema))
        if not checks:
            return lambda v: True
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(check(v) for check in checks)

    def _keyword(keyword: str, value: Any, schema: dict) -> Check:
        if keyword == "$ref":
            return ref(value)
        if keyword == "type":
            names = [value] if isinstance(value, str) else list(value)
            tests = [_TYPES[name] for name in names]
            return lambda v: any(test(v) for test in tests)
        if keyword == "enum":
            options = list(value)
            return lambda v: any(json_equal(v, option) for option in options)
        if keyword == "const":
            return lambda v: json_equal(v, value)
        if keyword == "properties":
            props = {name: build(sub) for name, sub in value.items()}
            return lambda v: not isinstance(v, dict) or all(
                check(v[name]) for name, check in props.items() if name in v)
        if keyword == "required":
            names = list(value)
            return lambda v: not isinstance(v, dict) or all(name in v for name in names)
        if keyword == "additionalProperties":
            known = set(schema.get("properties", {}))
            if "patternProperties" in schema:
                raise Unsupported("patternProperties")
            extra = build(value)
            return lambda v: not isinstance(v, dict) or all(
                extra(item) for key, item in v.items() if key not in known)
        if keyword == "items":
            if "prefixItems" in schema:
                raise Unsupported("prefixItems")
            item = build(value)
            return lambda v: not isinstance(v, list) or all(item(x) for x in v)
        if keyword == "anyOf":
            options = [build(sub) for sub in value]
            return lambda v: any(option(v) for option in options)
        if keyword == "oneOf":
            options = [build(sub) for sub in value]
            return lambda v: sum(1 for option in options if option(v)) == 1
        if keyword == "pattern":
            search = re.compile(value).search
            return lambda v: not isinstance(v, str) or search(v) is not None
        if keyword == "minLength":
            return lambda v: not isinstance(v, str) or len(v) >= value
        if keyword == "maxLength":
            return lambda v: not isinstance(v, str) or len(v) <= value
        if keyword == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= value
        if keyword == "maxItems":
            return lambda v: not isinstance(v, list) or len(v) <= value
        if keyword == "minimum":
            return lambda v: not _is_number(v) or v >= value
        if keyword == "maximum":
            return lambda v: not _is_number(v) or v <= value
        raise Unsupported(f"keyword {keyword!r}")

    return build(root)
