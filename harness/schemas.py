"""The JSON Schemas in ``schemas/``: the single source of truth for every file format.

Loaders validate with these and turn each schema error into a ``Problem``
with the JSON pointer of the bad value.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from .errors import Problem, pointer, short

SCHEMA_NAMES = ("gold", "predictions", "report")


def schema_dir() -> Path:
    """Where the schema files live: ``schemas/`` beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "schemas", here / "_schemas"):
        if (candidate / "gold.schema.json").is_file():
            return candidate
    raise FileNotFoundError(
        "the harness schemas are missing; reinstall article-harness from a source checkout"
    )


@functools.lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    """The parsed schema ``schemas/<name>.schema.json``."""
    with open(schema_dir() / f"{name}.schema.json", encoding="utf-8") as handle:
        return json.load(handle)


@functools.lru_cache(maxsize=None)
def validator(name: str):
    """A jsonschema validator for schema ``name``, where "integer" excludes 12.0 (offsets are whole numbers)."""
    import jsonschema  # heavy: only when something is validated

    from .fastschema import is_strict_integer

    schema = load_schema(name)
    base = jsonschema.validators.validator_for(schema)
    types = base.TYPE_CHECKER.redefine("integer", lambda _checker, value: is_strict_integer(value))
    cls = jsonschema.validators.extend(base, type_checker=types)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@functools.lru_cache(maxsize=None)
def fast_check(name: str):
    """A quick valid-or-not predicate for schema ``name``, or None when the schema is beyond it."""
    from .fastschema import Unsupported, compile_schema

    try:
        return compile_schema(load_schema(name))
    except Unsupported:
        return None


def schema_problems(name: str, instance: Any, file: str, *, limit: int = 200) -> list[Problem]:
    """Every way ``instance`` breaks schema ``name``, as problems with pointers, in document order."""
    quick = fast_check(name)
    if quick is not None and quick(instance):
        return []  # jsonschema is only needed to explain a failure
    problems = []
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors[:limit]:
        problems.append(_problem(error, file))
    if len(errors) > limit:
        problems.append(Problem(file, "", f"... {len(errors) - limit} more schema errors not shown"))
    return problems


def _problem(error, file: str) -> Problem:
    path = list(error.absolute_path)
    where = pointer(*path)
    # anyOf/oneOf errors are vague at the top; the deepest matching context says more
    best = error
    if error.context:
        best = min(error.context, key=lambda e: (-len(list(e.absolute_path)), str(e.message)))
        where = pointer(*best.absolute_path)
    message = _describe(best)
    fix = _fix(best)
    return Problem(file, where, message, value=short(best.instance, 120), fix=fix)


def _describe(error) -> str:
    validator_name = error.validator
    if validator_name == "required":
        return error.message.replace("is a required property", "is required but missing") + "."
    if validator_name == "additionalProperties":
        return f"{error.message}."
    if validator_name == "enum":
        return f"{short(error.instance)} is not one of {list(error.validator_value)}."
    if validator_name == "type" and error.validator_value == "integer" and isinstance(error.instance, float):
        return f"{short(error.instance)} is not an integer: write it without a decimal point or exponent."
    if validator_name == "type":
        return f"{short(error.instance)} should be of type {error.validator_value}."
    if validator_name == "pattern":
        return f"{short(error.instance)} does not match the pattern {error.validator_value!r}."
    if validator_name == "const":
        return f"{short(error.instance)} should be {error.validator_value!r}."
    return f"{error.message}."


def _fix(error) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    description = schema.get("description")
    if error.validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        return f"Remove or rename the property; allowed here: {', '.join(allowed)}."
    if error.validator == "required":
        return "Add the missing property."
    if description:
        return f"Expected: {description}"
    return ""


def validate_or_raise(name: str, instance: Any, file: str) -> None:
    """Raise ``ValidationFailed`` listing every schema problem, if there are any."""
    from .errors import ValidationFailed

    problems = schema_problems(name, instance, file)
    if problems:
        raise ValidationFailed(problems)
