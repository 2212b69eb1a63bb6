"""A fast yes/no check of an instance against one of the harness schemas.

``jsonschema`` explains every error well but walks a predictions record of a
few hundred items in tens of milliseconds, which dominates a robustness run
of hundreds of variants. This module compiles the subset of JSON Schema
2020-12 that ``schemas/`` uses into Python functions that only answer "valid
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
    """A predicate that is True exactly when an instance is valid under ``root``.

    The schema is turned into Python source once, one function per schema
    (a ``$ref`` calls its target's function by name, so recursive
    definitions work), each check a plain statement, and compiled: loops and
    tests the interpreter runs directly, several times faster than a chain
    of closures and generators on a gold file of a few thousand values.
    """
    return _Compiler(root).compile()


_TYPE_TESTS = {
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "string": "isinstance({v}, str)",
    "boolean": "isinstance({v}, bool)",
    "null": "{v} is None",
    "number": "(isinstance({v}, (int, float)) and not isinstance({v}, bool))",
    # stricter than JSON Schema, which counts 12.0 as an integer: an offset written 12.0 is a
    # mistake to report, and ``harness.schemas`` gives jsonschema the same rule (is_strict_integer)
    "integer": "(isinstance({v}, int) and not isinstance({v}, bool))",
}
# the type a keyword applies to: on any other type it holds
_APPLIES_TO = {"properties": "object", "required": "object", "additionalProperties": "object", "items": "array",
               "pattern": "string", "minLength": "string", "maxLength": "string", "minItems": "array",
               "maxItems": "array", "minimum": "number", "maximum": "number"}


class _Compiler:
    """Writes a schema as Python source: ``def _s<n>(v)`` per schema, returning True when valid."""

    def __init__(self, root: dict) -> None:
        self.root = root
        self.names: dict[str, str] = {}  # $ref pointer -> the name of its function
        self.constants: dict[str, Any] = {"json_equal": json_equal}
        self.functions: list[str] = []

    def compile(self) -> Check:
        entry = self.function(self.root)
        namespace = dict(self.constants)
        exec(compile("\n\n".join(self.functions), "<harness.fastschema>", "exec"), namespace)  # noqa: S102
        return namespace[entry]

    def constant(self, value: Any) -> str:
        name = f"_c{len(self.constants)}"
        self.constants[name] = value
        return name

    def ref(self, pointer: str) -> str:
        if not pointer.startswith("#/"):
            raise Unsupported(f"non-local $ref {pointer!r}")
        if pointer not in self.names:
            node: Any = self.root
            for part in pointer[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            # named before its body is written, so a recursive reference finds it
            self.names[pointer] = name = f"_s{len(self.functions) + len(self.names)}_ref"
            self.function(node, name)
        return self.names[pointer]

    def function(self, schema: Any, name: str | None = None) -> str:
        """The name of a function checking ``schema`` (written and added to the source)."""
        name = name or f"_s{len(self.functions) + len(self.names)}"
        self.functions.append("")  # reserve the place: subschemas are written while this one is
        index = len(self.functions) - 1
        body = self.body(schema)
        self.functions[index] = f"def {name}(v):\n" + "\n".join(f"    {line}" for entry in body
                                                              for line in entry.split("\n"))
        return name

    def body(self, schema: Any) -> list[str]:
        if schema is True:
            return ["return True"]
        if schema is False:
            return ["return False"]
        if not isinstance(schema, dict):
            raise Unsupported(f"schema {schema!r}")
        lines: list[str] = []
        guarded: dict[str, list[str]] = {}  # checks that hold on other types, grouped under one type test
        known_type = None
        for keyword, value in schema.items():
            if keyword in _IGNORED:
                continue
            if keyword == "type":
                names = [value] if isinstance(value, str) else list(value)
                tests = [_TYPE_TESTS[type_name].format(v="v") for type_name in names]
                lines.append(f"if not ({' or '.join(tests)}):\n    return False")
                known_type = names[0] if len(names) == 1 else None
            elif keyword in _APPLIES_TO:
                guarded.setdefault(_APPLIES_TO[keyword], []).extend(self.keyword(keyword, value, schema))
            else:
                lines += self.keyword(keyword, value, schema)
        for type_name, checks in guarded.items():
            if type_name == known_type or (type_name == "number" and known_type == "integer"):
                lines += checks
            else:
                lines.append(f"if {_TYPE_TESTS[type_name].format(v='v')}:")
                lines += [f"    {line}" for check in checks for line in check.split("\n")]
        return [*lines, "return True"]

    def keyword(self, keyword: str, value: Any, schema: dict) -> list[str]:
        fail = "\n    return False"
        if keyword == "$ref":
            return [f"if not {self.ref(value)}(v):{fail}"]
        if keyword == "enum":
            options = list(value)
            if all(type(option) is str for option in options):
                # json_equal on strings is type and value equality: a set lookup
                return [f"if not (type(v) is str and v in {self.constant(frozenset(options))}):{fail}"]
            return [f"if not any(json_equal(v, o) for o in {self.constant(options)}):{fail}"]
        if keyword == "const":
            return [f"if not json_equal(v, {self.constant(value)}):{fail}"]
        if keyword == "properties":
            checks = []
            for property_name, subschema in value.items():
                checked = self.function(subschema)
                key = repr(property_name)
                checks.append(f"if {key} in v and not {checked}(v[{key}]):{fail}")
            return checks
        if keyword == "required":
            names = list(value)
            if not names:
                return []
            return [f"if not ({' and '.join(f'{name!r} in v' for name in names)}):{fail}"]
        if keyword == "additionalProperties":
            if "patternProperties" in schema:
                raise Unsupported("patternProperties")
            known = self.constant(frozenset(schema.get("properties", {})))
            if value is True:
                return []
            if value is False:
                return [f"if not {known}.issuperset(v):{fail}"]
            extra = self.function(value)
            return [f"for key, item in v.items():\n    if key not in {known} and not {extra}(item):\n"
                    "        return False"]
        if keyword == "items":
            if "prefixItems" in schema:
                raise Unsupported("prefixItems")
            item = self.function(value)
            return [f"for item in v:\n    if not {item}(item):\n        return False"]
        if keyword == "anyOf":
            options = [self.function(subschema) for subschema in value]
            return [f"if not ({' or '.join(f'{option}(v)' for option in options)}):{fail}"]
        if keyword == "oneOf":
            options = [self.function(subschema) for subschema in value]
            return [f"if ({' + '.join(f'bool({option}(v))' for option in options)}) != 1:{fail}"]
        if keyword == "pattern":
            search = self.constant(re.compile(value).search)
            return [f"if {search}(v) is None:{fail}"]
        comparisons = {"minLength": "len(v) < {}", "maxLength": "len(v) > {}", "minItems": "len(v) < {}",
                       "maxItems": "len(v) > {}", "minimum": "v < {}", "maximum": "v > {}"}
        if keyword in comparisons:
            return [f"if {comparisons[keyword].format(self.constant(value))}:{fail}"]
        raise Unsupported(f"keyword {keyword!r}")
