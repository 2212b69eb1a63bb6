"""The closed inventories the gold is annotated with: entity types and the event ontology.

Event types follow ACE 2005 where they fit: all 33 ACE subtypes are here
(``Conflict.Attack``, ``Life.Injure``, ``Justice.Sue`` ...). Types marked
``extension`` are documented additions for things ACE has no type for
(military drills, power outages, laws passed, match results). Time and place
are not roles: every event carries them in its own ``time`` and ``place``
fields.

Roles are listed in the order an active sentence usually names them: the
subject's role first, then the object's ("the jury convicted X":
Adjudicator, then Defendant; "X suffered a defeat": Loser), because adapters
that read a subject and an object map them to the first two roles.

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


def by_name(event_types: tuple[EventType, ...]) -> dict[str, EventType]:
    """``event_types`` keyed by name; a name given twice is an error, not a silent overwrite."""
    found: dict[str, EventType] = {}
    for event_type in event_types:
        if event_type.name in found:
            raise ValueError(f"event type {event_type.name!r} is defined twice in the ontology; keep one definition.")
        found[event_type.name] = event_type
    return found


EVENT_TYPES: dict[str, EventType] = by_name(
    (
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
        # the rest of ACE 2005 (roles as in the ACE English event guidelines, without Time-* and Place)
        EventType("Life.Be-Born", ("Person",),
                  "Someone is born."),
        EventType("Life.Marry", ("Person",),
                  "Two people marry."),
        EventType("Life.Divorce", ("Person",),
                  "A married couple divorces."),
        EventType("Business.Declare-Bankruptcy", ("Org",),
                  "An organisation declares or is put into bankruptcy or insolvency."),
        EventType("Business.End-Org", ("Org",),
                  "An organisation ceases to exist: it is shut down, dissolved or goes out of business."),
        EventType("Personnel.Nominate", ("Agent", "Person", "Position"),
                  "Someone is proposed for a post by a person or body that can appoint them."),
        EventType("Justice.Release-Parole", ("Entity", "Person", "Crime"),
                  "A state actor ends someone's custody: release from prison or custody, parole, bail."),
        EventType("Justice.Trial-Hearing", ("Prosecutor", "Defendant", "Adjudicator", "Crime"),
                  "A court proceeding takes place or a court rules in a case: a trial, a hearing, a ruling."),
        EventType("Justice.Charge-Indict", ("Prosecutor", "Defendant", "Adjudicator", "Crime"),
                  "Someone is formally charged with or indicted for a crime."),
        EventType("Justice.Sue", ("Plaintiff", "Defendant", "Adjudicator", "Crime"),
                  "A lawsuit is brought against someone."),
        EventType("Justice.Convict", ("Adjudicator", "Defendant", "Crime"),
                  "Someone is found guilty of a crime."),
        EventType("Justice.Sentence", ("Adjudicator", "Defendant", "Sentence", "Crime"),
                  "A court hands down a punishment such as a prison term."),
        EventType("Justice.Fine", ("Adjudicator", "Entity", "Money", "Crime"),
                  "A court or regulator orders someone to pay a fine."),
        EventType("Justice.Execute", ("Agent", "Person", "Crime"),
                  "A state puts someone to death as punishment."),
        EventType("Justice.Extradite", ("Agent", "Person", "Destination", "Origin", "Crime"),
                  "Someone is handed over by one state to another to face justice."),
        EventType("Justice.Acquit", ("Adjudicator", "Defendant", "Crime"),
                  "Someone on trial is found not guilty."),
        EventType("Justice.Appeal", ("Plaintiff", "Adjudicator", "Crime"),
                  "A court decision is taken to a higher court."),
        EventType("Justice.Pardon", ("Adjudicator", "Defendant", "Crime"),
                  "Someone is pardoned or has a punishment lifted by an authority."),
        # extensions for tomorrow's news where ACE has no type
        EventType("Policy.Enact", ("Agent", "Law"),
                  "A law, rule or decree is passed, signed, vetoed, blocked or struck down.", extension=True),
        EventType("Competition.Result", ("Winner", "Loser", "Contest"),
                  "A match, race or other contest that is not an election is won, lost or drawn.", extension=True),
    )
)


def roles_for(event_type: str) -> tuple[str, ...]:
    """The roles allowed for ``event_type``; empty when the type is not in the ontology."""
    found = EVENT_TYPES.get(event_type)
    return found.roles if found else ()
