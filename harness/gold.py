"""Finding, reading and checking gold: ``load_gold`` and the checks behind ``harness validate``.

A gold corpus is a folder with ``documents/<doc-id>.txt`` (the article text,
exactly) and ``annotations/<doc-id>.json`` (its annotations). ``load_gold``
also takes a single annotation file, or a Hugging Face dataset folder or
Parquet file written by ``harness export``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .errors import HarnessError, InputError, Problem, ValidationFailed, document_order
from .files import SAFE_NAME_RULE, Limits, decode_utf8, is_safe_name, parse_json, read_bytes, read_text
from .model import Annotations, Corpus
from .schemas import rejected_pointers, schema_problems
from .serialize import annotations_from_dict, upgrade
from .surrogates import surrogate_problems
from .validate import semantic_problems, well_typed_part


@dataclass
class GoldCheck:
    """What checking a set of gold files found: the documents that loaded, and every problem."""

    documents: list[Annotations] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def annotation_files(path: Path) -> list[Path]:
    """The annotation files under a gold path (a corpus folder, an annotations folder, or one file).

    Anything named ``*.json`` that is not a folder is listed, so a FIFO, a
    device or a broken link is reported rather than silently skipped.
    """
    if not path.is_dir():
        return [path]
    if (path / "annotations").is_dir():
        path = path / "annotations"
    return sorted(p for p in path.glob("*.json") if not p.is_dir())


def gold_root(path: Path) -> Path:
    """The gold folder of a gold path (see ``annotation_files``): every file read must be inside it."""
    if path.is_dir() and (path / "annotations").is_dir():
        return path
    folder = path if path.is_dir() else path.parent
    return folder.parent if folder.name == "annotations" else folder


def text_file_for(annotation_file: Path, doc_id: str) -> Path:
    """Where the text of ``doc_id`` lives: ``../documents/<doc_id>.txt``, else beside the file."""
    corpus_root = annotation_file.parent.parent
    candidate = corpus_root / "documents" / f"{doc_id}.txt"
    if candidate.exists():
        return candidate
    beside = annotation_file.parent / f"{doc_id}.txt"
    return beside if beside.exists() else candidate


# strict UTF-8 cannot carry a surrogate: parsed JSON holds one only from an escape such as \ud800
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def may_hold_lone_surrogate(source: str) -> bool:
    """False when the JSON text ``source`` has no escape of a surrogate, so nothing parsed from it holds one.

    One search of the text instead of a walk over every parsed string; an
    escape found (even after an escaped backslash) sends the file to the walk.
    """
    return _SURROGATE_ESCAPE.search(source) is not None


def _count_items(raw: dict) -> int:
    count = 0
    for key in ("regions", "entities", "quotes", "figures", "events"):
        items = raw.get(key)
        if isinstance(items, list):
            count += len(items)
            if key == "entities":
                count += sum(len(e.get("mentions") or ()) for e in items if isinstance(e, dict) and isinstance(e.get("mentions"), list))
    return count


def check_annotation_file(annotation_file: Path, root: Path | None = None, *,
                          shared: dict | None = None) -> tuple[Annotations | None, list[Problem]]:
    """Load one annotation file and its text; the model, or None, and every problem found.

    Both files must be regular files inside ``root`` (the gold folder; by
    default the one holding the file): a link that leads elsewhere is refused.
    ``shared`` is ``parse_json``'s: equal strings and integers of the files loaded with it are held once.
    """
    file = str(annotation_file)
    root = gold_root(annotation_file) if root is None else root
    try:
        source = decode_utf8(read_bytes(annotation_file, inside=root), file, strip_bom=True)
        raw = parse_json(source, file, shared=shared)
    except InputError as exc:
        return None, [Problem(file, "", str(exc).removeprefix(f"{file}: "))]
    if not isinstance(raw, dict):
        return None, [Problem(file, "", f"the file holds a JSON {type(raw).__name__}, not an object.",
                              value=type(raw).__name__, fix="An annotation file is one JSON object; see schemas/gold.schema.json.")]
    problems = surrogate_problems(raw, file) if may_hold_lone_surrogate(source) else []
    if problems:
        return None, problems
    raw = upgrade(raw)
    items = _count_items(raw)
    if items > Limits.max_items:
        return None, [Problem(file, "", f"{items:,} items is over the limit of {Limits.max_items:,} per document.",
                              value=items, fix="Split the document, or raise [tool.harness.limits] max_items.")]
    problems = schema_problems("gold", raw, file)
    checked = raw
    if problems:
        # check what the schema accepted too, so one pass lists every problem of the file
        checked = well_typed_part(raw, rejected_pointers("gold", raw))
        if checked is None:
            return None, problems
    doc_id = checked["doc_id"]
    if not is_safe_name(doc_id):
        # the schema pattern's "$" also accepts a trailing newline; the id names a file
        return None, problems + [Problem(file, "/doc_id", f"doc_id {doc_id!r} is not a valid document id.",
                                         value=doc_id, fix=f"Use {SAFE_NAME_RULE}.")]
    if annotation_file.stem != doc_id:
        problems.append(Problem(file, "/doc_id", f"doc_id {doc_id!r} differs from the file name {annotation_file.name!r}.",
                                value=doc_id, fix=f"Rename the file to {doc_id}.json or correct doc_id."))
    text_path = text_file_for(annotation_file, doc_id)
    if not text_path.exists():
        problems.append(Problem(file, "/doc_id", f"no text file for document {doc_id!r} (looked for {text_path}).",
                                value=doc_id, fix=f"Add the article text as {text_path}."))
        return None, problems
    try:
        text = read_text(text_path, inside=root)
    except InputError as exc:
        problems.append(Problem(str(text_path), "", str(exc).removeprefix(f"{text_path}: ")))
        return None, problems
    problems += semantic_problems(checked, text, file, text_file=str(text_path))
    if problems:
        order = document_order(raw)
        return None, sorted(problems, key=lambda problem: order(problem.pointer))
    return annotations_from_dict(raw, text), []


# what every "no gold here" message says to do
NO_GOLD_FIX = ("Pass the gold folder (default: gold/), or run `harness init` to start a project "
               "with a gold folder and an example article.")


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection inside the block.

    Loading gold allocates many objects that all live on and form no cycles;
    each full collection on the way walks every one loaded so far, for
    nothing (an eighth of the loading time at 1,000 documents).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_gold(paths: list[str | os.PathLike]) -> GoldCheck:
    """Check every annotation file under ``paths`` and every text file without annotations."""
    with _without_cycle_collection():
        return _check_gold(paths)


def _check_gold(paths: list[str | os.PathLike]) -> GoldCheck:
    result = GoldCheck()
    seen_ids: dict[str, str] = {}
    # an entity type, a mention's form, a name said in many articles, an offset: held once
    shared: dict = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            result.problems.append(Problem(str(path), "", "no such file or folder.", fix=NO_GOLD_FIX))
            continue
        files = annotation_files(path)
        root = gold_root(path)
        if not files and path.is_dir():
            result.problems.append(Problem(str(path), "", "no annotation files (*.json) found here.",
                                           fix="Point at a gold folder holding annotations/ and documents/."))
        for annotation_file in files:
            result.files += 1
            annotations, problems = check_annotation_file(annotation_file, root, shared=shared)
            result.problems += problems
            if annotations is not None:
                doc_id = annotations.document.id
                if doc_id in seen_ids:
                    result.problems.append(Problem(str(annotation_file), "/doc_id",
                                                   f"document {doc_id!r} is annotated twice (also in {seen_ids[doc_id]}).",
                                                   value=doc_id, fix="Keep one annotation file per document."))
                    continue
                seen_ids[doc_id] = str(annotation_file)
                result.documents.append(annotations)
        documents_dir = path / "documents" if path.is_dir() else None
        if documents_dir is not None and documents_dir.is_dir():
            annotated = {f.stem for f in files}
            for text_file in sorted(documents_dir.glob("*.txt")):
                if text_file.stem not in annotated:
                    result.problems.append(Problem(str(text_file), "", "document has no annotation file.",
                                                   fix=f"Add annotations/{text_file.stem}.json or remove the text."))
    return result


def _is_hf_dataset(path: Path) -> bool:
    return path.is_dir() and (path / "dataset_info.json").exists() and (path / "state.json").exists()


def load_gold(path: str | os.PathLike = "gold") -> Corpus:
    """Load a gold corpus, checked against the schema and every semantic rule.

    ``path`` is a gold folder (``documents/`` + ``annotations/``), one
    annotation file, a dataset folder written by ``harness export --format hf``
    or a Parquet file written by ``--format parquet``. Raises
    ``ValidationFailed`` listing every problem if anything is wrong.
    """
    path = Path(path)
    if path.suffix.lower() == ".parquet" or _is_hf_dataset(path):
        from .export import load_exported

        return load_exported(path)
    if not path.exists():
        raise InputError(f"{path}: no such gold file or folder. {NO_GOLD_FIX}")
    check = check_gold([path])
    if check.problems:
        raise ValidationFailed(check.problems)
    if not check.documents:
        raise HarnessError(f"{path}: no annotated documents found.")
    return Corpus(tuple(check.documents))
