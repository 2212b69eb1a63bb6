"""The event ontology: well-formed types, all of ACE 2005, names the gold schema accepts."""

import json
import re

import pytest

from harness.gold import check_gold
from harness.ontology import EVENT_TYPES, EventType, by_name, roles_for
from harness.schemas import load_schema

# The 33 ACE 2005 event subtypes, written out from the ACE English event guidelines.
ACE_2005 = frozenset("""
Life.Be-Born Life.Marry Life.Divorce Life.Injure Life.Die
Movement.Transport
Transaction.Transfer-Ownership Transaction.Transfer-Money
Business.Start-Org Business.Merge-Org Business.Declare-Bankruptcy Business.End-Org
Conflict.Attack Conflict.Demonstrate
Contact.Meet Contact.Phone-Write
Personnel.Start-Position Personnel.End-Position Personnel.Nominate Personnel.Elect
Justice.Arrest-Jail Justice.Release-Parole Justice.Trial-Hearing Justice.Charge-Indict Justice.Sue
Justice.Convict Justice.Sentence Justice.Fine Justice.Execute Justice.Extradite Justice.Acquit
Justice.Appeal Justice.Pardon
""".split())


def schema_pattern(*path: str) -> re.Pattern:
    node = load_schema("gold")["$defs"]
    for key in path:
        node = node[key]
    return re.compile(node["pattern"])


def test_the_ace_list_has_33_subtypes():
    assert len(ACE_2005) == 33


def test_every_ace_2005_subtype_is_in_the_ontology_and_not_flagged_as_an_extension():
    assert {name for name, t in EVENT_TYPES.items() if not t.extension} == ACE_2005


@pytest.mark.parametrize("name", ["Policy.Enact", "Competition.Result"])
def test_the_legislation_and_competition_types_are_extensions(name):
    assert EVENT_TYPES[name].extension


def test_keys_are_the_type_names():
    assert all(name == event_type.name for name, event_type in EVENT_TYPES.items())


def test_names_are_unique_ignoring_case():
    lowered = [name.lower() for name in EVENT_TYPES]
    assert len(lowered) == len(set(lowered))


def test_a_name_defined_twice_is_refused():
    twice = (EventType("Life.Marry", ("Person",), "Two people marry."),
             EventType("Life.Marry", ("Person", "Entity"), "Two people marry."))
    with pytest.raises(ValueError, match="Life.Marry"):
        by_name(twice)


@pytest.mark.parametrize("name", sorted(EVENT_TYPES))
def test_the_gold_schema_accepts_the_type_name(name):
    assert schema_pattern("event", "properties", "type").match(name)


@pytest.mark.parametrize("name", sorted(EVENT_TYPES))
def test_roles_are_distinct_and_match_the_schema_role_pattern(name):
    roles = EVENT_TYPES[name].roles
    role_pattern = schema_pattern("argument", "properties", "role")
    assert roles and len(roles) == len(set(roles))
    assert all(role_pattern.match(role) for role in roles), roles
    assert not {"Time", "Place"} & set(roles) and not any(r.startswith("Time") for r in roles)


@pytest.mark.parametrize("name", sorted(EVENT_TYPES))
def test_every_type_has_a_one_sentence_description(name):
    description = EVENT_TYPES[name].description
    assert description[:1].isupper() and description.endswith(".")
    assert description.count(". ") == 0, description


@pytest.mark.parametrize("name, roles", [
    ("Justice.Sue", {"Plaintiff", "Defendant", "Adjudicator", "Crime"}),
    ("Justice.Appeal", {"Plaintiff", "Adjudicator", "Crime"}),
    ("Justice.Sentence", {"Adjudicator", "Defendant", "Sentence", "Crime"}),
    ("Justice.Fine", {"Adjudicator", "Entity", "Money", "Crime"}),
    ("Justice.Extradite", {"Agent", "Person", "Destination", "Origin", "Crime"}),
    ("Personnel.Nominate", {"Agent", "Person", "Position"}),
    ("Business.End-Org", {"Org"}),
    ("Life.Be-Born", {"Person"}),
])
def test_new_types_carry_their_ace_roles(name, roles):
    assert set(roles_for(name)) == roles


def test_roles_for_an_unknown_type_is_empty():
    assert roles_for("Justice.Unknown") == ()


def _retype_first_event(gold_dir, event_type, roles):
    path = gold_dir / "annotations" / "example-harbour-tech.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    event = raw["events"][0]
    event["type"] = event_type
    for argument, role in zip(event["arguments"], roles):
        argument["role"] = role
    path.write_text(json.dumps(raw), encoding="utf-8")


def test_gold_with_a_new_type_and_its_roles_validates(example_gold_copy):
    _retype_first_event(example_gold_copy, "Personnel.Nominate", ("Agent", "Person"))
    assert [str(p) for p in check_gold([example_gold_copy]).problems] == []


def test_gold_with_a_role_of_another_type_is_refused(example_gold_copy):
    _retype_first_event(example_gold_copy, "Competition.Result", ("Winner", "Plaintiff"))
    problems = check_gold([example_gold_copy]).problems
    assert [(p.pointer, p.value) for p in problems] == [("/events/0/arguments/1/role", "Plaintiff")]
