"""The closed inventories the gold is annotated with: entity types and the event ontology.

Event types follow ACE 2005 where they fit (``Conflict.Attack``,
``Life.Injure``, ``Movement.Transport``, ``Contact.Meet`` ...). Types marked
``extension`` are documented additions for things ACE has no type for
(military drills, power outages). Time and place are not roles: every event
carries them in its own ``time`` and ``place`` fields.

gold/GUIDELINES.md documents each type with its trigger words and an example;
a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
    "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME",
)


@dataclass(frozen=True)
class EventType:
    """One event type: its name, the roles its arguments may take, and where it comes from."""

    name: str
    roles: tuple[str, ...]
    description: str
    extension: bool = False


EVENT_TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("Movement.Transport", ("Agent", "Artifact", "Vehicle", "Origin", "Destination"),
                  "Someone or something moves, or is moved, from one place to another (a visit, a landing, sending troops)."),
        EventType("Contact.Meet", ("Entity",),
                  "Two or more parties meet face to face (talks, a summit)."),
        EventType("Contact.Phone-Write", ("Entity",),
                  "Parties communicate without meeting: a call, a letter, a video link."),
        EventType("Contact.Broadcast", ("Speaker", "Audience"),
                  "An address to an audience: a speech, a video address, a released statement or footage.", extension=True),
        EventType("Conflict.Attack", ("Attacker", "Target", "Instrument", "Victim"),
                  "A violent physical act causing harm or damage: strikes, shelling, an invasion, a drone attack."),
        EventType("Conflict.Intercept", ("Interceptor", "Target", "Instrument"),
                  "Incoming weapons are shot down or destroyed in flight.", extension=True),
        EventType("Conflict.Damage", ("Attacker", "Target", "Instrument"),
                  "Property or infrastructure is damaged or destroyed.", extension=True),
        EventType("Conflict.Defeat", ("Loser", "Winner"),
                  "A side suffers a military defeat or setback.", extension=True),
        EventType("Conflict.Demonstrate", ("Entity",),
                  "A public protest or demonstration."),
        EventType("Life.Injure", ("Agent", "Victim", "Instrument"),
                  "People are wounded."),
        EventType("Life.Die", ("Agent", "Victim", "Instrument"),
                  "People are killed or die."),
        EventType("Military.Exercise", ("Participant",),
                  "Armed forces hold drills or exercises.", extension=True),
        EventType("Military.Deploy", ("Agent", "Force", "Destination"),
                  "Troops or forces are sent to or stationed in a place.", extension=True),
        EventType("Infrastructure.Outage", ("Cause", "Affected", "Operator"),
                  "Power, water, heat or communications are cut off or scheduled off.", extension=True),
        EventType("Infrastructure.Restore", ("Agent", "Affected"),
                  "A cut supply is restored.", extension=True),
        EventType("Business.Start-Org", ("Agent", "Org"),
                  "An organisation, alliance or joint force is formed."),
        EventType("Business.Merge-Org", ("Org",),
                  "Organisations or states unify or merge."),
        EventType("Transaction.Transfer-Ownership", ("Giver", "Recipient", "Artifact", "Beneficiary"),
                  "Goods or weapons are supplied, sold or given."),
        EventType("Transaction.Transfer-Money", ("Giver", "Recipient", "Beneficiary"),
                  "Money is given, lent or paid."),
        EventType("Personnel.Start-Position", ("Person", "Entity"),
                  "Someone takes up a post."),
        EventType("Personnel.End-Position", ("Person", "Entity"),
                  "Someone leaves a post."),
        EventType("Personnel.Elect", ("Person", "Entity"),
                  "Someone is elected."),
        EventType("Justice.Arrest-Jail", ("Agent", "Person"),
                  "Someone is arrested or jailed."),
        EventType("Justice.Sanction", ("Agent", "Target"),
                  "Sanctions or penalties are imposed.", extension=True),
    )
}


def roles_for(event_type: str) -> tuple[str, ...]:
    """The roles allowed for ``event_type``; empty when the type is not in the ontology."""
    found = EVENT_TYPES.get(event_type)
    return found.roles if found else ()
