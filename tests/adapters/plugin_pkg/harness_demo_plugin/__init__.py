"""A demo plugin: every capitalised word mid-sentence is an entity of type MISC."""

import re

from harness.adapters import BaseExtractor
from harness.predictions import PredictedEntity, Predictions


class CapitalsExtractor(BaseExtractor):
    name = "capitals"
    version = "0.1"
    categories = ("entities",)

    def extract(self, document):
        found = tuple(PredictedEntity(m.group(), "MISC", m.start(), m.end())
                      for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]+", document.text))
        return Predictions(document.id, entities=found, adapter=self.name)


class CrashingExtractor(BaseExtractor):
    name = "crashy"
    version = "0.1"
    categories = ("entities",)

    def extract(self, document):
        if "crash" in document.text:
            raise RuntimeError("the plugin fell over")
        return {"doc_id": document.id, "entities": []}
