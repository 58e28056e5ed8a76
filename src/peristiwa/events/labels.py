"""Labels of the learned trigger model: a PLOVER type, split by CAMEO root where the root changes the quad
class or the kind of act (an appeal 02 is cooperation, a demand 10 conflict; investigating 09 is not
accusing 11; unconventional violence 18 is not military force 19).

    event_label("REQUEST", "10") -> "REQUEST:10"      label_code("REQUEST:10") -> "100"
"""

from __future__ import annotations

from peristiwa.ontology import DEFAULT_CAMEO, PLOVER_TYPES, lookup

NONE = "O"
EVENT = "ev"  # the event detector's other label (events.model)
# roots that get a label of their own (the type's other roots share the plain type label)
SPLIT_ROOTS = {"REQUEST": {"10"}, "ACCUSE": {"09"}, "ASSAULT": {"18"}}


def event_label(plover: str, root: str = "") -> str:
    root = (root or "")[:2]
    return f"{plover}:{root}" if root in SPLIT_ROOTS.get(plover, ()) else plover


def label_type(label: str) -> str:
    return label.split(":", 1)[0]


def label_code(label: str) -> str:
    """The CAMEO code a label stands for when no pattern gives a finer one."""
    plover, _, root = label.partition(":")
    return root + "0" if root else DEFAULT_CAMEO[plover]


def label_quad(label: str) -> int:
    return lookup(label_code(label)).quad


def all_labels() -> list[str]:
    out = [NONE]
    for t in PLOVER_TYPES:
        out.append(t)
        out += [f"{t}:{r}" for r in sorted(SPLIT_ROOTS.get(t, ()))]
    return out
