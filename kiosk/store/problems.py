"""What can be wrong with the database file, told apart by SQLite's error codes, never its English text.

A broken machine (a damaged file, a read-only disk, a full disk, another program holding
the lock) becomes one ``DatabaseProblem`` with a closed kind, the file it concerns and a
documented exit code; the CLI prints it as one translated line, the app as a notice.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum
from pathlib import Path


class StoreError(Exception):
    """The database file cannot be used (unreadable, not a kiosk database, locked)."""

    exit_code = 2


class Problem(StrEnum):
    DAMAGED = "damaged"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    BUSY = "busy"
    IO_ERROR = "io_error"


EXIT_CODES: dict[Problem, int] = {
    Problem.DAMAGED: 3,
    Problem.READ_ONLY: 4,
    Problem.DISK_FULL: 5,
    Problem.BUSY: 6,
    Problem.IO_ERROR: 7,
}

_BY_SQLITE_CODE: dict[int, Problem] = {
    sqlite3.SQLITE_CORRUPT: Problem.DAMAGED,
    sqlite3.SQLITE_NOTADB: Problem.DAMAGED,
    sqlite3.SQLITE_READONLY: Problem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: Problem.READ_ONLY,
    sqlite3.SQLITE_PERM: Problem.READ_ONLY,
    sqlite3.SQLITE_FULL: Problem.DISK_FULL,
    sqlite3.SQLITE_BUSY: Problem.BUSY,
    sqlite3.SQLITE_LOCKED: Problem.BUSY,
    sqlite3.SQLITE_IOERR: Problem.IO_ERROR,
}
_SQLITE_IOERR_SHMSIZE = sqlite3.SQLITE_IOERR | (19 << 8)
_BY_ERRNO: dict[int, Problem] = {
    errno.ENOSPC: Problem.DISK_FULL,
    errno.EDQUOT: Problem.DISK_FULL,
    errno.EROFS: Problem.READ_ONLY,
    errno.EACCES: Problem.READ_ONLY,
    errno.EPERM: Problem.READ_ONLY,
    errno.EIO: Problem.IO_ERROR,
}


DATABASE_PROBLEMS: dict[Problem, tuple[str, str]] = {
    Problem.DAMAGED: (
        "数据库 {path} 已损坏：请从备份恢复，或运行 `main.py db check --db {path}` 查看详情",
        "the database {path} is damaged: restore it from a backup, "
        "or run `main.py db check --db {path}` for details",
    ),
    Problem.READ_ONLY: (
        "无法写入 {path}：请检查文件权限，以及磁盘是否只读（只读取的命令仍可使用）",
        "cannot write to {path}: check its permissions and that its disk is not read-only "
        "(commands that only read still work)",
    ),
    Problem.DISK_FULL: (
        "{path} 所在的磁盘已满：请清理空间后重试；没有任何改动",
        "the disk holding {path} is full: free some space and try again; nothing was changed",
    ),
    Problem.BUSY: (
        "数据库 {path} 正被另一个程序占用：请稍后重试",
        "the database {path} is held by another program: try again when it is done",
    ),
    Problem.IO_ERROR: (
        "读写 {path} 时出错（输入/输出错误）：请检查磁盘，然后运行 `main.py db check --db {path}`",
        "cannot read or write {path} (input/output error): check the disk, "
        "then run `main.py db check --db {path}`",
    ),
}


def database_problem_text(problem: Problem, path: str, language: str = "en") -> str:
    return DATABASE_PROBLEMS[problem][0 if language.startswith("zh") else 1].format(path=path)


class DatabaseProblem(StoreError):
    """The database file at ``path`` is damaged, read-only, on a full disk, busy or unreadable."""

    def __init__(self, problem: Problem, path: Path | str, detail: str = "") -> None:
        self.problem = problem
        self.path = Path(path)
        self.detail = detail
        super().__init__(self.text("en"))

    @property
    def exit_code(self) -> int:  # type: ignore[override]
        return EXIT_CODES[self.problem]

    def text(self, language: str = "en") -> str:
        return database_problem_text(self.problem, str(self.path), language)


def kind_of(exc: BaseException) -> Problem | None:
    """The problem an SQLite or OS error means, from its error code; None when it says nothing."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code == _SQLITE_IOERR_SHMSIZE:  # no room to grow the WAL index: a full disk
            return Problem.DISK_FULL
        return _BY_SQLITE_CODE.get(code & 0xFF) if code is not None else None
    if isinstance(exc, OSError) and exc.errno is not None:
        return _BY_ERRNO.get(exc.errno)
    return None


def is_damaged(path: Path) -> bool:
    """True when SQLite's quick check finds the file damaged (or cannot read it as a database)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok"
    except sqlite3.DatabaseError as exc:
        return kind_of(exc) is Problem.DAMAGED
    finally:
        conn.close()


def problem_from(exc: BaseException, path: Path | str) -> DatabaseProblem | None:
    """The DatabaseProblem an error raised while using the database at ``path`` stands for.

    An error whose code says nothing definite (a failed virtual-table constructor, a generic
    SQLITE_ERROR) is diagnosed by a quick check of the file: damaged or not."""
    if isinstance(exc, DatabaseProblem):
        return exc
    kind = kind_of(exc)
    if kind is None and isinstance(exc, sqlite3.DatabaseError) and str(path) != ":memory:":
        kind = Problem.DAMAGED if is_damaged(Path(path)) else None
    if kind is None:
        return None
    return DatabaseProblem(kind, path, str(exc))
