"""The JSON Schemas in ``schemas/``: the single source of truth for every file format.

Loaders validate with these and turn each schema error into a ``Problem``
with the JSON pointer of the bad value.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from .errors import Problem, did_you_mean, document_order, pointer, short

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
    order = document_order(instance)
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: order(pointer(*e.absolute_path)))
    for error in errors[:limit]:
        problems.append(_problem(error, file))
    if len(errors) > limit:
        problems.append(Problem(file, "", f"... {len(errors) - limit} more schema errors not shown"))
    return problems


def rejected_pointers(name: str, instance: Any) -> list[tuple[str, str]]:
    """(JSON pointer, schema keyword) of every schema error of ``instance``: what the schema rejected, and why."""
    quick = fast_check(name)
    if quick is not None and quick(instance):
        return []
    return [(pointer(*error.absolute_path), str(error.validator)) for error in validator(name).iter_errors(instance)]


def _problem(error, file: str) -> Problem:
    path = list(error.absolute_path)
    where = pointer(*path)
    # anyOf/oneOf errors are vague at the top; the deepest matching context says more
    best = error
    alternatives = [e for e in error.context or () if e.validator == "type"]
    if error.context and len(alternatives) == len(error.context):
        # every alternative wants another type: name them all, the one the value converts to first
        types = [t for e in alternatives for t in ([e.validator_value] if isinstance(e.validator_value, str)
                                                   else e.validator_value)]
        types.sort(key=lambda t: _converted(t, error.instance) is None)
        message = f"{short(error.instance)} should be {_expected(types, error.instance)}."
        return Problem(file, where, message, value=short(error.instance, 120), fix=_fix(error))
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
        known = list((error.schema or {}).get("properties", {})) if isinstance(error.schema, dict) else []
        unexpected = [name for name in error.instance if name not in known] if isinstance(error.instance, dict) else []
        hints = "".join(did_you_mean(name, known) for name in unexpected)
        return f"{error.message}.{hints}"
    if validator_name == "enum":
        choices = list(error.validator_value)
        return f"{short(error.instance)} is not one of {choices}.{did_you_mean(error.instance, choices)}"
    if validator_name == "type" and error.validator_value == "integer" and isinstance(error.instance, float):
        return f"{short(error.instance)} is not an integer: write it without a decimal point or exponent."
    if validator_name == "type":
        return f"{short(error.instance)} should be {_expected(error.validator_value, error.instance)}."
    if validator_name == "pattern":
        return f"{short(error.instance)} does not match the pattern {error.validator_value!r}."
    if validator_name == "const":
        return f"{short(error.instance)} should be {error.validator_value!r}."
    return f"{error.message}."


# what a JSON type is called in a message, with an example of the form it takes
_TYPE_NAMES = {"object": "an object", "array": "a list", "string": "a string", "number": "a number",
               "integer": "a whole number", "boolean": "true or false", "null": "null"}
_TYPE_EXAMPLES = {"object": "{...}", "array": "[...]", "string": '"..."'}


def _expected(types: Any, instance: Any) -> str:
    """What the schema wanted, in words, with the value rewritten in that type when it converts.

    ``"35"`` where a number is wanted reads "a number, e.g. 35"; a string
    where a list is wanted reads "a list, e.g. [...]".
    """
    names = [types] if isinstance(types, str) else list(types)
    wanted = []
    for name in names:
        text = _TYPE_NAMES.get(name, name)
        example = _converted(name, instance) or (_TYPE_EXAMPLES.get(name) if len(names) == 1 else None)
        if example is not None:
            text = f"{text}, e.g. {example}"
        wanted.append(text)
    joiner = ", or " if any("e.g." in text for text in wanted) else " or "
    return joiner.join(wanted)


def _converted(type_name: str, instance: Any) -> str | None:
    """``instance`` written as a JSON ``type_name`` when it plainly is one (``"35"`` -> ``35``), else None."""
    if type_name in ("number", "integer") and isinstance(instance, str):
        try:
            number = float(instance.strip().replace(",", ""))
        except ValueError:
            return None
        if number != number or number in (float("inf"), float("-inf")):
            return None
        if number.is_integer():
            return str(int(number))
        return None if type_name == "integer" else repr(number)
    if type_name == "boolean" and isinstance(instance, str) and instance.strip().lower() in ("true", "false"):
        return instance.strip().lower()
    if type_name == "string" and isinstance(instance, (int, float)) and not isinstance(instance, bool):
        return json.dumps(str(instance))
    return None


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
