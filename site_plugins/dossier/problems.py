"""Problems found in a dossier, as editors read them: errors, and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: An error stops the build; a warning is reported and the build goes on.
Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a second look) in an input file, with where it is and how to
    fix it.

    ``str(problem)`` is the message editors see:
    ``claims.yaml:LINE:COL: path.to.field: what is wrong (how to fix it)``; a warning says so
    after the field, with the name an editor acknowledges it by:
    ``claims.yaml:LINE:COL: path.to.field: warning [missing-as-of]: ...``. The record's id
    stands beside its index: ``claims[115] (lantern-count-1).status``.
    """

    file: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = "error"
    #: a warning's name (one of ``records.model.WarningId``); empty for an error
    code: str = ""
    #: the id of the record the field belongs to (``claims[115]`` is ``lantern-count-1``), shown
    #: beside its index; empty when the record has none or the field is in no record
    record: str = ""

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        mark = f"warning [{self.code}]: " if self.is_warning else ""
        return f"{self.file}:{self.line}:{self.col}: {self.shown_field}: {mark}{self.message}{hint}"

    @property
    def shown_field(self) -> str:
        """The field as editors read it: the record's id beside its index."""
        if not self.record:
            return self.field
        end = self.field.index("]") + 1
        return f"{self.field[:end]} ({self.record}){self.field[end:]}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "field": self.field,
            "record": self.record or None,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
            "warning": self.code or None,
        }
