"""The entity type confusion matrix, a plain count table, agrees with scikit-learn's."""

import dataclasses
import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from harness.scoring.result import CategoryResult

TYPES = st.sampled_from(["PERSON", "ORG", "GPE", "DATE", "MONEY"])


def category_with_confusion(pairs: dict) -> CategoryResult:
    fields = {f.name: None for f in dataclasses.fields(CategoryResult)}
    return CategoryResult(**{**fields, "name": "entities", "tallies": {"confusion": pairs}})


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.tuples(TYPES, TYPES).map("\t".join), st.integers(1, 5), max_size=12))
def test_confusion_matrix_equals_scikit_learn(pairs):
    from sklearn.metrics import confusion_matrix

    labels, matrix = category_with_confusion(pairs).confusion_matrix()
    gold = [key.split("\t")[0] for key, count in pairs.items() for _ in range(count)]
    predicted = [key.split("\t")[1] for key, count in pairs.items() for _ in range(count)]
    expected_labels = sorted(set(gold) | set(predicted))
    assert labels == expected_labels
    if pairs:
        with warnings.catch_warnings():  # scikit-learn warns about a one-label matrix, which is fine here
            warnings.simplefilter("ignore", UserWarning)
            expected = confusion_matrix(gold, predicted, labels=expected_labels).tolist()
        assert matrix == expected
    else:
        assert matrix == []
