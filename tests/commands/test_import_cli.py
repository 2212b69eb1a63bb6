"""`harness import` and `harness export --format brat|label-studio|conll` as a user runs them."""

import json
import os
import subprocess
import sys
from pathlib import Path

TEXT = "Acme hired Jane Doe in Oslo."


def harness(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "harness", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "NO_COLOR": "1"}, timeout=300)


def _brat(folder: Path, ann: str, name: str = "hire") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT)
    (folder / f"{name}.ann").write_text(ann)
    return folder


def test_import_writes_validates_and_summarises(tmp_path):
    source = _brat(tmp_path / "brat", "T1\tORG 0 4\tAcme\nT2\tPER 11 19\tJane Doe\nT3\tLOC 23 27\tOslo\n")
    proc = harness("import", "brat", source, "--out", tmp_path / "gold")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Imported 1 document(s)" in proc.stdout and "entities: 3 entities, 3 mentions" in proc.stdout
    assert "quotes: not annotated" in proc.stdout and "No problems." in proc.stdout
    assert harness("validate", tmp_path / "gold").returncode == 0
    raw = json.loads((tmp_path / "gold" / "annotations" / "hire.json").read_text())
    assert raw["layers"] == ["entities"] and raw["format_version"] == 2


def test_the_oracle_scores_imported_gold_perfectly_on_its_layer_only(tmp_path):
    source = _brat(tmp_path / "brat", "T1\tORG 0 4\tAcme\nT2\tPER 11 19\tJane Doe\n")
    assert harness("import", "brat", source, "--out", tmp_path / "gold").returncode == 0
    proc = harness("run", "--gold", tmp_path / "gold", "--adapters", "oracle", "--out", tmp_path / "report",
                   "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads((tmp_path / "report" / "report.json").read_text())
    scores = report["adapters"]["oracle"]["scores"]
    assert set(scores) == {"entities"} and scores["entities"]["f1"] == 1.0


def test_an_unmapped_label_exits_two_listing_the_labels(tmp_path):
    source = _brat(tmp_path / "brat", "T1\tCOMPANY 0 4\tAcme\nT2\tPER 11 19\tJane Doe\n")
    proc = harness("import", "brat", source, "--out", tmp_path / "gold")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "COMPANY (1), PER (1)" in proc.stderr
    (tmp_path / "labels.json").write_text(json.dumps({"COMPANY": "ORG"}))
    mapped = harness("import", "brat", source, "--out", tmp_path / "gold", "--label-map", tmp_path / "labels.json")
    assert mapped.returncode == 0, mapped.stderr


def test_a_bad_document_is_reported_and_the_others_written(tmp_path):
    source = _brat(tmp_path / "brat", "T1\tORG 0 4\tAcme\n")
    _brat(source, "T1\tORG 0 5\tAcme\n", name="broken")
    proc = harness("import", "brat", source, "--out", tmp_path / "gold")
    assert proc.returncode == 3
    assert f"{source / 'broken.ann'}:1" in proc.stdout and "1 problem(s)." in proc.stdout
    assert [p.name for p in (tmp_path / "gold" / "annotations").iterdir()] == ["hire.json"]


def test_import_refuses_to_overwrite_gold_without_force(tmp_path):
    source = _brat(tmp_path / "brat", "T1\tORG 0 4\tAcme\n")
    assert harness("import", "brat", source, "--out", tmp_path / "gold").returncode == 0
    again = harness("import", "brat", source, "--out", tmp_path / "gold")
    assert again.returncode == 2 and "--force" in again.stderr
    assert harness("import", "brat", source, "--out", tmp_path / "gold", "--force").returncode == 0


def test_export_then_import_round_trips_the_entities(tmp_path, example_gold_dir):
    for fmt, read_back in (("brat", "brat"), ("label-studio", "label-studio/tasks.json"), ("conll", "conll")):
        out = tmp_path / fmt
        proc = harness("export", out, "--format", fmt, "--gold", example_gold_dir)
        assert proc.returncode == 0, proc.stderr
        imported = harness("import", fmt, tmp_path / read_back, "--out", tmp_path / f"gold-{fmt}")
        assert imported.returncode == 0, imported.stdout + imported.stderr
        assert "No problems." in imported.stdout


def test_a_conll_file_and_a_spacy_docbin_import_and_validate(tmp_path):
    import pytest

    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin, Span

    (tmp_path / "news.conll").write_text("-DOCSTART- -X- -X- O\n\nEU B-ORG\nrejects O\nGerman B-MISC\ncall O\n")
    nlp = spacy.blank("en")
    doc = nlp("Acme opened an office in Berlin.")
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 5, 6, label="GPE")]
    DocBin(docs=[doc]).to_disk(tmp_path / "train.spacy")
    for fmt, source in (("conll", tmp_path / "news.conll"), ("spacy", tmp_path / "train.spacy")):
        proc = harness("import", fmt, source, "--out", tmp_path / f"gold-{fmt}")
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "2 entities, 2 mentions in 1 document(s)" in proc.stdout
        assert harness("validate", tmp_path / f"gold-{fmt}").returncode == 0
