"""One registry for built-in adapters, configured variants and entry-point plugins.

Names resolve in this order:

1. a table ``[tool.harness.adapters.<name>]`` with ``adapter = "<base>"``
   defines a *variant*: the base adapter (a built-in or a plugin) with these
   settings, under its own name;
2. a built-in (``oracle``, ``rules``, ``spacy``, ``llm``, ``command``,
   ``predictions``), configured by ``[tool.harness.adapters.<name>]``;
3. a plugin registered in the entry-point group ``harness.adapters``.

Plugins are loaded only when asked for (``get_adapter``) or listed
(``available_adapters``). A plugin that fails to import is reported with a
warning naming it and the error, and listed as ``broken``; it never stops
the other adapters.
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..config import HarnessConfig
from ..files import SAFE_NAME_RULE, is_safe_name
from ..errors import ConfigError, HarnessError, MissingDependency, UsageError, did_you_mean, short
from .settings import resolve_settings

__all__ = [
    "AdapterInfo",
    "AdapterPluginWarning",
    "BUILTINS",
    "ENTRY_POINT_GROUP",
    "PluginBroken",
    "adapter_config_problems",
    "adapter_names",
    "available_adapters",
    "config_with_overrides",
    "get_adapter",
]

ENTRY_POINT_GROUP = "harness.adapters"

# registry name -> "module:class"; every module is light to import (heavy libraries load on use)
BUILTINS: dict[str, str] = {
    "oracle": "harness.adapters.oracle:OracleExtractor",
    "rules": "harness.adapters.rules:RulesExtractor",
    "spacy": "harness.adapters.spacy_adapter:SpacyExtractor",
    "llm": "harness.adapters.llm:LLMExtractor",
    "command": "harness.adapters.command:CommandExtractor",
    "predictions": "harness.adapters.predictions_file:PredictionsFileExtractor",
}

STATUSES = ("ready", "missing-dependency", "unconfigured", "broken")


class AdapterPluginWarning(UserWarning):
    """A plugin adapter could not be loaded; the others are unaffected."""


class PluginBroken(RuntimeError):
    """A plugin adapter that was asked for by name failed to import.

    Not a ``HarnessError``: a run records it as that adapter's setup error
    and goes on with the others.
    """


@dataclass(frozen=True)
class AdapterInfo:
    """One adapter as ``harness adapters`` lists it.

    ``status`` is ``ready``, ``missing-dependency`` (``install_hint`` is the
    exact command), ``unconfigured`` (``detail`` names the setting to give)
    or ``broken`` (a plugin that fails to import, or invalid settings).
    ``source`` is ``builtin``, ``plugin`` or ``config`` (a configured
    variant; ``base`` names what it is a variant of). ``note`` is what the
    adapter says of how it works (its ``NOTE``), e.g. layers it borrows.
    """

    name: str
    status: str
    detail: str = ""
    install_hint: str | None = None
    categories: tuple[str, ...] = ()
    source: str = "builtin"
    base: str | None = None
    note: str = ""


@dataclass(frozen=True)
class _Resolved:
    name: str
    base: str
    source: str  # builtin | plugin | config
    origin: str  # builtin | plugin: where the code comes from
    given: dict
    where: str


def _import_target(target: str) -> Any:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def _entry_points() -> dict[str, Any]:
    """Plugin entry points by name (not loaded). Looked up afresh: sys.path may have changed."""
    from importlib.metadata import entry_points

    found: dict[str, Any] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name in BUILTINS:
            warnings.warn(f"adapter plugin {point.name!r} ({point.value}) has the name of a built-in "
                          "adapter and is ignored; rename it in the plugin's entry points.",
                          AdapterPluginWarning, stacklevel=3)
            continue
        found.setdefault(point.name, point)
    return found


def _plugin_label(point: Any) -> str:
    dist = getattr(point, "dist", None)
    package = f" from package {dist.name!r}" if dist is not None and getattr(dist, "name", None) else ""
    return f"adapter plugin {point.name!r} ({point.value}{package})"


def _load_plugin(point: Any) -> Any:
    """Import a plugin's factory; a failure is a warning and ``PluginBroken``."""
    try:
        return point.load()
    except Exception as exc:  # any import-time fault of third-party code
        message = f"{_plugin_label(point)} failed to import: {type(exc).__name__}: {exc}"
        warnings.warn(message + ". The other adapters are unaffected; fix or uninstall the plugin.",
                      AdapterPluginWarning, stacklevel=3)
        raise PluginBroken(message) from exc


def _unsafe_name_message(name: Any) -> str:
    # names become file names in reports and the cache
    return (f"adapter name {short(name)} cannot be used: adapter names are {SAFE_NAME_RULE}. "
            "Rename the adapter (or its [tool.harness.adapters.<name>] table).")


def _adapter_tables(config: HarnessConfig) -> dict[str, Any]:
    tables = config.section("adapters")
    for name in tables:
        if not is_safe_name(name):
            raise ConfigError(f"{config.where('adapters')}: {_unsafe_name_message(name)}")
    return tables


def _resolve(name: str, config: HarnessConfig, plugins: Mapping[str, Any] | None = None) -> _Resolved:
    if not isinstance(name, str) or not name:
        raise UsageError(f"adapter name {short(name)} is empty. Give a name listed by `harness adapters`.")
    if not is_safe_name(name):
        raise UsageError(_unsafe_name_message(name))
    tables = _adapter_tables(config)
    table = tables.get(name)
    where = config.where(f"adapters.{name}")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of settings, not {short(table)}.")
    if table is not None and "adapter" in table:
        base = table["adapter"]
        if not isinstance(base, str) or base == name:
            raise ConfigError(f"{where}: adapter = {short(base)} must name another adapter "
                              f"(a built-in such as \"spacy\" or a plugin).")
        if isinstance(tables.get(base), dict) and "adapter" in tables[base]:
            raise ConfigError(f"{where}: adapter = {base!r} is itself a variant; "
                              f"name the built-in or plugin it is based on instead.")
        given = {k: v for k, v in table.items() if k != "adapter"}
        if base in BUILTINS:
            return _Resolved(name, base, "config", "builtin", given, where)
        plugins = _entry_points() if plugins is None else plugins
        if base in plugins:
            return _Resolved(name, base, "config", "plugin", given, where)
        raise ConfigError(f"{where}: adapter = {base!r} is not a known adapter. "
                          f"Known: {', '.join(_base_names(plugins))}.")
    given = dict(table or {})
    if name in BUILTINS:
        return _Resolved(name, name, "builtin", "builtin", given, where)
    plugins = _entry_points() if plugins is None else plugins
    if name in plugins:
        return _Resolved(name, name, "plugin", "plugin", given, where)
    valid = sorted(set(_base_names(plugins)) | {n for n, t in tables.items() if isinstance(t, dict) and "adapter" in t})
    raise UsageError(f"unknown adapter {name!r}.{did_you_mean(name, valid)} Valid names: {', '.join(valid)}. "
                     "`harness adapters` lists them with their status.")


def _base_names(plugins: Mapping[str, Any]) -> list[str]:
    return [*BUILTINS, *sorted(plugins)]


def _declared(factory: Any) -> tuple:
    return tuple(getattr(factory, "SETTINGS", ()) or ())


def _settings(resolved: _Resolved, factory: Any, overrides: Mapping[str, Any]) -> dict[str, Any]:
    declared = _declared(factory)
    if not declared:
        return {**resolved.given, **overrides}
    from_config = resolve_settings(resolved.name, declared, resolved.given, resolved.where)
    if not overrides:
        return from_config
    from_cli = resolve_settings(resolved.name, declared, overrides, "--set")
    return {**from_config, **{k: from_cli[k] for k in overrides}}


def _factory(resolved: _Resolved, plugins: Mapping[str, Any] | None = None) -> Any:
    if resolved.origin == "builtin":
        return _import_target(BUILTINS[resolved.base])
    plugins = _entry_points() if plugins is None else plugins
    return _load_plugin(plugins[resolved.base])


def _construct(factory: Callable[..., Any], name: str, settings: dict, extra: Mapping[str, Any]) -> Any:
    """Call a factory with what it accepts: ``name``, ``settings`` and any extra keyword arguments."""
    offered = {"name": name, "settings": settings, **extra}
    try:
        parameters = inspect.signature(factory).parameters
    except (TypeError, ValueError):
        parameters = {}
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())
    arguments = {k: v for k, v in offered.items() if takes_any or k in parameters}
    unused = sorted(set(extra) - set(arguments))
    if unused:
        raise UsageError(f"adapter {name!r} does not take {', '.join(unused)}.")
    return factory(**arguments)


def _check_extractor(extractor: Any, name: str) -> Any:
    missing = [attr for attr in ("version", "categories", "fingerprint", "extract") if not hasattr(extractor, attr)]
    if missing:
        raise TypeError(f"adapter {name!r} built {type(extractor).__name__}, which lacks "
                        f"{', '.join(missing)}: it is not an Extractor (see docs/adapters.md).")
    if getattr(extractor, "name", None) != name:
        try:
            extractor.name = name  # a variant reports its own name
        except AttributeError:
            pass
    if not hasattr(extractor, "extract_batch"):
        try:
            extractor.extract_batch = lambda documents: [extractor.extract(d) for d in documents]
        except AttributeError:
            pass
    return extractor


def get_adapter(name: str, config: HarnessConfig | None = None,
                overrides: Mapping[str, Any] | None = None, **kwargs: Any) -> Any:
    """Build the adapter called ``name`` with its configured settings and ``overrides``.

    ``config`` None means no configuration (every default). Extra keyword
    arguments go to the adapter (``gold=corpus`` for ``oracle``). Raises
    ``UsageError`` for an unknown name (listing the valid ones),
    ``ConfigError`` for a bad setting, ``MissingDependency`` with the install
    command, and ``PluginBroken`` for a plugin that cannot be imported.
    """
    config = config if config is not None else HarnessConfig()
    overrides = dict(overrides or {})
    resolved = _resolve(name, config)
    factory = _factory(resolved)
    settings = _settings(resolved, factory, overrides)
    if resolved.origin == "builtin":
        status, detail, hint = factory.readiness(settings)
        if status == "missing-dependency":
            raise MissingDependency(f"adapter {name!r}: {detail} Install it with: {hint}")
        if status == "unconfigured":
            raise ConfigError(f"adapter {name!r} is not configured: {detail}")
    extractor = _construct(factory, name, settings, kwargs)
    return _check_extractor(extractor, name)


def _info_for(resolved: _Resolved, plugins: Mapping[str, Any]) -> AdapterInfo:
    base = resolved.base if resolved.source == "config" else None
    try:
        factory = _factory(resolved, plugins)
    except PluginBroken as exc:
        return AdapterInfo(resolved.name, "broken", str(exc), None, (), resolved.source, base)
    categories = tuple(getattr(factory, "categories", ()) or ())
    if not isinstance(categories, tuple) or not all(isinstance(c, str) for c in categories):
        categories = ()  # a property on the class: known only once built
    try:
        settings = _settings(resolved, factory, {})
    except HarnessError as exc:
        return AdapterInfo(resolved.name, "broken", str(exc), None, categories, resolved.source, base)
    readiness = getattr(factory, "readiness", None)
    status, detail, hint = "ready", "", None
    if callable(readiness):
        try:
            status, detail, hint = readiness(settings)
        except Exception as exc:  # a plugin's own check failing must not hide the others
            status, detail = "broken", f"readiness check failed: {type(exc).__name__}: {exc}"
    note = getattr(factory, "NOTE", "")
    return AdapterInfo(resolved.name, status, detail, hint, categories, resolved.source, base,
                       note if isinstance(note, str) else "")


def adapter_config_problems(config: HarnessConfig) -> list[str]:
    """Every problem of the ``[tool.harness.adapters.*]`` tables, each with a suggestion where one fits.

    A table naming no known adapter, an unknown or misspelt setting, a value
    of the wrong type: each would otherwise make the adapter unusable, and a
    default run would go on without it.
    """
    try:
        tables = config.section("adapters")
    except ConfigError as exc:
        return exc.problems
    plugins = _entry_points()
    bases = _base_names(plugins)
    problems: list[str] = []
    for name, table in tables.items():
        where = config.where(f"adapters.{name}")
        if not is_safe_name(name):
            problems.append(f"{config.where('adapters')}: {_unsafe_name_message(name)}")
            continue
        if isinstance(table, dict) and "adapter" not in table and name not in BUILTINS and name not in plugins:
            hint = did_you_mean(name, bases)
            misspelt = [key for key in table if did_you_mean(key, ["adapter"])]
            if misspelt:
                hint = f" Did you mean adapter = {short(table[misspelt[0]])} (not {misspelt[0]} =)?"
            problems.append(f"{where}: {name!r} is not a built-in or plugin adapter, and the table has no "
                            f'adapter = "<base>" making it a variant of one.{hint} Known adapters: '
                            f"{', '.join(bases)}.")
            continue
        try:
            resolved = _resolve(name, config, plugins)
            factory = _factory(resolved, plugins)
            _settings(resolved, factory, {})
        except PluginBroken:
            continue  # not a configuration mistake: the run records it as that adapter's failure
        except HarnessError as exc:
            problems.extend(getattr(exc, "problems", None) or [str(exc)])
    return problems


def available_adapters(config: HarnessConfig | None = None) -> list[AdapterInfo]:
    """Every adapter (built-ins, configured variants, plugins) with its status, in a stable order."""
    config = config if config is not None else HarnessConfig()
    plugins = _entry_points()
    names = list(BUILTINS)
    for table_name, table in _adapter_tables(config).items():
        if isinstance(table, dict) and "adapter" in table and table_name not in names:
            names.append(table_name)
    names += [n for n in sorted(plugins) if n not in names]
    infos = []
    for name in names:
        try:
            resolved = _resolve(name, config, plugins)
        except HarnessError as exc:
            infos.append(AdapterInfo(name, "broken", str(exc), None, (), "config"))
            continue
        infos.append(_info_for(resolved, plugins))
    return infos


def adapter_names(config: HarnessConfig | None = None) -> list[str]:
    """Every adapter name (built-ins, configured variants, plugins) without importing any adapter:
    what shell completion offers, and what ``--set`` accepts."""
    config = config if config is not None else HarnessConfig()
    names = list(BUILTINS)
    try:
        tables = config.section("adapters")
    except ConfigError:
        tables = {}
    names += [name for name, table in tables.items()
              if isinstance(table, dict) and "adapter" in table and name not in names]
    names += [name for name in sorted(_entry_points()) if name not in names]
    return names


def config_with_overrides(config: HarnessConfig, overrides: Mapping[str, Mapping[str, Any]]) -> HarnessConfig:
    """``config`` with ``--set ADAPTER.key=value`` settings laid over each adapter's table.

    Each adapter must exist and each setting be one it declares, of the
    right type: every problem is listed in one ``ConfigError`` naming the
    ``--set`` option (not pyproject.toml) and the valid names.
    """
    tables = dict(config.section("adapters"))
    known = adapter_names(config)
    problems: list[str] = []
    for name, given in overrides.items():
        if name not in known:
            problems.append(f"--set {name}.…: unknown adapter {name!r}.{did_you_mean(name, known)} "
                            f"Valid names: {', '.join(known)}.")
            continue
        try:
            resolved = _resolve(name, config)
            _settings(resolved, _factory(resolved), dict(given))
        except PluginBroken:
            pass  # the run records the plugin's failure as that adapter's setup error
        except HarnessError as exc:
            problems.extend(p.replace("--set:", f"--set {name}.…:", 1)
                            for p in (getattr(exc, "problems", None) or [str(exc)]))
            continue
        table = tables.get(name)
        tables[name] = {**(table if isinstance(table, dict) else {}), **given}
    if problems:
        raise ConfigError.of(problems)
    return HarnessConfig(config.path, {**config.sections, "adapters": tables})
