"""Where the telemetry store keeps its Parquet files: named objects, put whole.

:class:`~.store.TelemetryStore` writes its hour files, trace-id index files and compaction
journals through :class:`PartitionFiles`, so an S3-compatible store can take the place of
the local file system later. Objects are named by partition (``logs/1/2026-03-01/10/
part-….parquet``), not by content, which is why this is not :mod:`dais.storage.blobs`'s
content-addressed protocol. The operations are the ones object storage has: a put is
atomic and durable (S3's PUT is), there is no rename and no directory, and a listing of a
prefix up to the next ``/`` stands in for a directory's entries (ListObjectsV2 with a
delimiter).

The write-ahead log is not here on purpose: it is appended to and fsync'd per
acknowledgement, which object storage cannot do; it stays on local disk.

Every method blocks: call them from a worker thread.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path, PurePosixPath
from typing import Protocol, TypeAlias

__all__ = ["Location", "LocalPartitionFiles", "PartitionFiles", "fsync_dir", "makedirs_durably"]

#: What DuckDB's ``read_parquet`` opens for an object: a local path, or (with httpfs) an
#: ``s3://`` URL.
Location: TypeAlias = Path | str

_TEMPORARY = ".tmp-"


class PartitionFiles(Protocol):
    """Objects under relative ``/``-separated names; names never start with ``.tmp-``."""

    def put(self, name: str, data: bytes) -> None:
        """Store ``data`` under ``name``, replacing what was there, atomically (a reader or a
        crash sees the old object or the new one, never part of one) and durably."""
        ...

    def read(self, name: str) -> bytes:
        """The object's bytes.

        :raises FileNotFoundError: if there is none.
        """
        ...

    def size(self, name: str) -> int:
        """The object's size in bytes.

        :raises FileNotFoundError: if there is none.
        """
        ...

    def exists(self, name: str) -> bool: ...

    def delete(self, name: str) -> None:
        """Delete the object durably; nothing happens if there is none."""
        ...

    def children(self, prefix: str) -> list[str]:
        """The next name segments under ``prefix`` (an object's name or a deeper prefix), as
        ``ls`` would list a directory, sorted; empty if there are none."""
        ...

    def locate(self, name: str) -> Location:
        """The object as DuckDB's ``read_parquet`` opens it."""
        ...

    def discard_incomplete(self) -> None:
        """Remove what interrupted puts left (local: temporary files; on S3 it would abort
        incomplete multipart uploads). Called at start, before any put."""
        ...


class LocalPartitionFiles:
    """Objects as files under ``root``: a put writes a temporary file beside the target,
    fsyncs it, renames it into place and fsyncs the directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, name: str) -> Path:
        """The file of ``name``.

        :raises ValueError: for a name that would leave ``root``.
        """
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise ValueError(f"not a name inside the telemetry store: {name!r}")
        return self.root.joinpath(*relative.parts)

    def put(self, name: str, data: bytes) -> None:
        path = self.path(name)
        makedirs_durably(path.parent)
        tmp = path.with_name(f"{_TEMPORARY}{uuid.uuid4().hex}-{path.name}")
        try:
            with tmp.open("wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(path.parent)

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def size(self, name: str) -> int:
        return self.path(name).stat().st_size

    def exists(self, name: str) -> bool:
        return self.path(name).is_file()

    def delete(self, name: str) -> None:
        """Delete the file; an emptied partition directory (its hour, then its date: three
        levels and more below ``root``) goes with it, as a prefix does on S3."""
        path = self.path(name)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        fsync_dir(path.parent)
        directory = path.parent
        while len(directory.relative_to(self.root).parts) >= 3:
            try:
                directory.rmdir()
            except OSError:  # not empty (or gone): the rest stays
                return
            directory = directory.parent

    def children(self, prefix: str) -> list[str]:
        directory = self.path(prefix)
        try:
            entries = list(os.scandir(directory))
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(e.name for e in entries if not e.name.startswith(_TEMPORARY))

    def locate(self, name: str) -> Path:
        return self.path(name)

    def discard_incomplete(self) -> None:
        for tmp in self.root.glob(f"**/{_TEMPORARY}*"):
            tmp.unlink(missing_ok=True)


def makedirs_durably(directory: Path) -> None:
    """``mkdir -p``, fsyncing each new directory's parent so the new entry survives a crash."""
    missing = []
    while not directory.is_dir():
        missing.append(directory)
        directory = directory.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        fsync_dir(new.parent)


def fsync_dir(directory: Path) -> None:
    """Make ``directory``'s entries (a file created, renamed or removed in it) durable."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
