"""A problem found in the data: which file, which line, which column, and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None  # 1-based line of the file where the row starts; None for the whole file
    column: str | None  # None when the problem is not about one column
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        column = f" [{self.column}]" if self.column else ""
        return f"{where}:{column} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def sort_key(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.column or "", problem.message)
