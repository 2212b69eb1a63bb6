"""Gold from and to annotation tools: one module per format.

Each importer module has ``read(paths, options) -> Reading``: the documents
it found as text with labelled spans, before labels are mapped to the
harness's entity types (``labels``) and turned into gold (``build``).
Exporters have ``write(corpus, out) -> list[Path]``. Modules are imported
only when their format is used, so heavy readers (spaCy, datasets) load
only then. docs/import.md describes every format.
"""

from __future__ import annotations

import importlib

# format name -> module under harness.interchange
IMPORT_FORMATS: dict[str, str] = {
    "brat": "brat",
    "label-studio": "label_studio",
    "prodigy": "prodigy",
    "spacy": "spacy_format",
    "conll": "conll",
    "hf": "hf",
}
EXPORT_FORMATS: dict[str, str] = {
    "brat": "brat",
    "label-studio": "label_studio",
    "conll": "conll",
}


def format_module(name: str, *, export: bool = False):
    """The module that reads (or, with ``export``, writes) format ``name``."""
    table = EXPORT_FORMATS if export else IMPORT_FORMATS
    return importlib.import_module(f"{__name__}.{table[name]}")


__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "format_module"]
