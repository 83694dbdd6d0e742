"""A content-addressed blob store: objects named by their sha256, written once, read by range.

A writer streams into a temporary file, hashing as it goes; :meth:`BlobWriter.commit`
checks the sha256 and the size and only then renames the file into place, so a reader
never sees a half-written or wrong object. :class:`FilesystemBlobStore` keeps objects in
``root/ab/cd/<oid>``; an S3-compatible store can implement :class:`BlobStore` later (a
multipart upload completed on commit, a ranged GET for the reader).

All file I/O runs in worker threads; hashing too (``hashlib`` releases the GIL on large
updates, so it runs in parallel with the event loop rather than stalling it).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import time
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

import anyio
import anyio.to_thread

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable, Collection
    from contextlib import AbstractAsyncContextManager

__all__ = [
    "BlobMismatch",
    "BlobStore",
    "BlobWriter",
    "FilesystemBlobStore",
    "check_oid",
]

_OID = re.compile(r"[0-9a-f]{64}")
# Writes are gathered into pieces of this size before a thread writes and hashes them: one
# thread hop per MiB rather than one per (often 64 KiB) network chunk.
_PIECE = 1024 * 1024
_READ_CHUNK = 256 * 1024


class BlobMismatch(ValueError):
    """The written content does not match the sha256 or the size it was declared with."""


def check_oid(oid: str) -> str:
    """``oid`` if it is a sha256 in lowercase hex (the only names the store accepts).

    :raises ValueError: for anything else, so no name can reach outside the store's root.
    """
    if not _OID.fullmatch(oid):
        raise ValueError(f"not a sha256 in lowercase hex: {oid[:80]!r}")
    return oid


class BlobWriter(Protocol):
    """One object being written; see :meth:`BlobStore.open_writer`."""

    @property
    def size(self) -> int:
        """Bytes written so far."""
        ...

    @property
    def sha256(self) -> str | None:
        """The object's name: as expected, or (when none was) known once committed."""
        ...

    async def write(self, chunk: bytes) -> None:
        """Append ``chunk``.

        :raises BlobMismatch: once more bytes arrive than the expected size.
        """
        ...

    async def commit(self) -> None:
        """Verify the sha256 and size, then make the object visible, atomically.

        :raises BlobMismatch: if either differs; nothing becomes visible.
        """
        ...


class BlobStore(Protocol):
    """Objects by sha256. Committing an object that exists already is harmless."""

    def open_writer(
        self, expected_sha256: str | None, expected_size: int | None
    ) -> AbstractAsyncContextManager[BlobWriter]:
        """A writer for the object ``expected_sha256`` (None: whatever the content hashes
        to, known as :attr:`BlobWriter.sha256` once committed); leaving the block without
        :meth:`BlobWriter.commit` discards everything written.

        :raises ValueError: for a malformed oid or a negative size.
        """
        ...

    async def exists(self, oid: str) -> int | None:
        """The object's size, or None when the store does not hold it."""
        ...

    def open_reader(self, oid: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]:
        """The bytes ``start`` up to (not including) ``end`` (None: the end), in chunks.

        :raises FileNotFoundError: on first iteration, if the object is missing.
        """
        ...

    async def delete(self, oid: str) -> bool:
        """Remove the object; False if it was not there."""
        ...

    async def collect(
        self,
        referenced: Callable[[Collection[str]], Awaitable[Collection[str]]],
        older_than: float,
    ) -> int:
        """Remove objects that ``referenced`` does not name and that were last written more
        than ``older_than`` seconds ago; return how many went.

        Safe against a concurrent upload of the same object (see FilesystemBlobStore).
        """
        ...


class _FileWriter:
    """Writes into a temporary file; hashing and writing happen in worker threads."""

    def __init__(
        self,
        file: BinaryIO,
        temporary: Path,
        final: Path | Callable[[str], Path],
        sha256: str | None,
        size: int | None,
    ) -> None:
        self._file = file
        self._temporary = temporary
        self._final = final
        self._expected_sha256 = sha256
        self._expected_size = size
        self._hash = hashlib.sha256()
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._size = 0
        self.committed = False

    @property
    def size(self) -> int:
        return self._size

    @property
    def sha256(self) -> str | None:
        return self._expected_sha256

    async def write(self, chunk: bytes) -> None:
        if self.committed:
            raise RuntimeError("the object is committed already")
        self._size += len(chunk)
        if self._expected_size is not None and self._size > self._expected_size:
            raise BlobMismatch(
                f"the content is longer than the declared size of {self._expected_size} bytes"
            )
        self._pending.append(chunk)
        self._pending_size += len(chunk)
        if self._pending_size >= _PIECE:
            await self._flush()

    async def _flush(self) -> None:
        if not self._pending:
            return
        piece = b"".join(self._pending)
        self._pending.clear()
        self._pending_size = 0
        await anyio.to_thread.run_sync(self._write_piece, piece)

    def _write_piece(self, piece: bytes) -> None:
        self._file.write(piece)
        self._hash.update(piece)

    async def commit(self) -> None:
        await self._flush()
        await anyio.to_thread.run_sync(self._commit)
        self.committed = True

    def _commit(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        if self._expected_size is not None and self._size != self._expected_size:
            raise BlobMismatch(
                f"the content is {self._size} bytes, not the declared {self._expected_size}"
            )
        actual = self._hash.hexdigest()
        if self._expected_sha256 is None:
            self._expected_sha256 = actual
        elif actual != self._expected_sha256:
            raise BlobMismatch(f"the content's sha256 is {actual}, not {self._expected_sha256}")
        final = self._final if isinstance(self._final, Path) else self._final(actual)
        final.parent.mkdir(parents=True, exist_ok=True)
        # Same content under the same name: replacing an existing copy is harmless, and a
        # reader holding the old file keeps reading it.
        os.replace(self._temporary, final)

    def discard(self) -> None:
        """Close and remove the temporary file (after a failure or an abandoned write)."""
        if not self._file.closed:
            self._file.close()
        if not self.committed:
            self._temporary.unlink(missing_ok=True)


class FilesystemBlobStore:
    """Objects as files in ``root/ab/cd/<oid>``; writes staged in ``root/incoming``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._incoming = root / "incoming"

    def path_of(self, oid: str) -> Path:
        check_oid(oid)
        return self.root / oid[:2] / oid[2:4] / oid

    @asynccontextmanager
    async def open_writer(
        self, expected_sha256: str | None, expected_size: int | None
    ) -> AsyncIterator[BlobWriter]:
        final = self.path_of if expected_sha256 is None else self.path_of(expected_sha256)
        if expected_size is not None and expected_size < 0:
            raise ValueError(f"size must be at least 0, not {expected_size}")
        name = expected_sha256 or "unnamed"
        temporary = self._incoming / f"{name}.{secrets.token_hex(8)}.part"
        file = await anyio.to_thread.run_sync(_create, temporary)
        writer = _FileWriter(file, temporary, final, expected_sha256, expected_size)
        try:
            yield writer
        finally:
            if not writer.committed:
                # Also on cancellation (a client that went away): leave nothing behind.
                with anyio.move_on_after(30, shield=True):
                    await anyio.to_thread.run_sync(writer.discard)

    async def exists(self, oid: str) -> int | None:
        try:
            stat = await anyio.Path(self.path_of(oid)).stat()
        except FileNotFoundError:
            return None
        return stat.st_size

    async def open_reader(
        self, oid: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        if start < 0 or (end is not None and end < start):
            raise ValueError(f"bad range {start}..{end}")
        async with await anyio.open_file(self.path_of(oid), "rb") as file:
            await file.seek(start)
            remaining = None if end is None else end - start
            while remaining is None or remaining > 0:
                size = _READ_CHUNK if remaining is None else min(_READ_CHUNK, remaining)
                chunk = await file.read(size)
                if not chunk:
                    break
                if remaining is not None:
                    remaining -= len(chunk)
                yield chunk

    async def delete(self, oid: str) -> bool:
        try:
            await anyio.Path(self.path_of(oid)).unlink()
        except FileNotFoundError:
            return False
        return True

    async def collect(
        self,
        referenced: Callable[[Collection[str]], Awaitable[Collection[str]]],
        older_than: float,
        *,
        batch: int = 1000,
    ) -> int:
        """Remove unreferenced objects written more than ``older_than`` seconds ago.

        An upload writes its file *before* it records the reference, so a fresh file may be
        unreferenced for a moment: the age keeps those. Each candidate is first renamed aside
        (an atomic step that ends any race on the name), then its age and references are
        checked again; one written or referenced meanwhile is put back. Objects are
        content-addressed, so whichever copy ends up in place holds the right bytes.
        """
        removed = 0
        candidates = await anyio.to_thread.run_sync(self._old_objects, older_than)
        for start in range(0, len(candidates), batch):
            chunk = candidates[start : start + batch]
            kept = set(await referenced(chunk))
            for oid in chunk:
                if oid not in kept:
                    removed += await self._remove_unless_revived(oid, older_than, referenced)
        return removed

    def _old_objects(self, older_than: float) -> list[str]:
        cutoff = time.time() - older_than
        found = []
        for top in _subdirectories(self.root):
            for second in _subdirectories(top):
                for entry in os.scandir(second):
                    try:
                        if (
                            _OID.fullmatch(entry.name)
                            and entry.is_file()
                            and entry.stat().st_mtime < cutoff
                        ):
                            found.append(entry.name)
                    except FileNotFoundError:
                        continue
        return found

    async def _remove_unless_revived(
        self,
        oid: str,
        older_than: float,
        referenced: Callable[[Collection[str]], Awaitable[Collection[str]]],
    ) -> int:
        final = self.path_of(oid)
        aside = self._incoming / f"{oid}.{secrets.token_hex(8)}.collect"
        try:
            await anyio.to_thread.run_sync(_rename_aside, final, aside)
        except FileNotFoundError:
            return 0  # gone already (another replica's collector)
        fresh = (await anyio.Path(aside).stat()).st_mtime >= time.time() - older_than
        if fresh or oid in set(await referenced([oid])):
            await anyio.to_thread.run_sync(_put_back, aside, final)
            return 0
        await anyio.Path(aside).unlink()
        return 1

    async def remove_stale_uploads(self, older_than: float) -> int:
        """Remove staged writes older than ``older_than`` seconds (left by a killed process);
        returns how many were removed."""
        return await anyio.to_thread.run_sync(self._remove_stale, older_than)

    def _remove_stale(self, older_than: float) -> int:
        cutoff = time.time() - older_than
        removed = 0
        try:
            entries = list(os.scandir(self._incoming))
        except FileNotFoundError:
            return 0
        for entry in entries:
            try:
                if entry.is_file() and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
            except FileNotFoundError:
                continue
        return removed


def _subdirectories(path: Path | os.DirEntry[str]) -> list[os.DirEntry[str]]:
    try:
        return [e for e in os.scandir(path) if len(e.name) == 2 and e.is_dir()]
    except FileNotFoundError:
        return []


def _rename_aside(final: Path, aside: Path) -> None:
    aside.parent.mkdir(parents=True, exist_ok=True)
    os.rename(final, aside)


def _put_back(aside: Path, final: Path) -> None:
    """Return a collected object to its place, unless an upload has put a copy there."""
    try:
        os.link(aside, final)  # never replaces: a copy already in place stays
    except FileExistsError:
        pass
    os.unlink(aside)


def _create(path: Path) -> BinaryIO:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("xb")
