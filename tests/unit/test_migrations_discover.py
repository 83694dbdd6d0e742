from __future__ import annotations

from pathlib import Path

import pytest

from dais.storage.migrations import MigrationError, discover


def test_discover_reads_flags_and_checksums(tmp_path: Path) -> None:
    (tmp_path / "0001_first.sql").write_text("CREATE TABLE a (x int);\n")
    (tmp_path / "0002_second.sql").write_text(
        "-- transactional: false\nCREATE INDEX CONCURRENTLY i ON a (x);\n"
    )
    found = discover(tmp_path)
    assert [m.filename for m in found] == ["0001_first.sql", "0002_second.sql"]
    assert [m.transactional for m in found] == [True, False]
    assert len(found[0].checksum) == 64


@pytest.mark.parametrize("name", ["1_short.sql", "0001-dash.sql", "0001_Upper.sql"])
def test_discover_rejects_bad_names(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="NNNN_lower_snake.sql"):
        discover(tmp_path)


def test_discover_rejects_duplicate_versions(tmp_path: Path) -> None:
    (tmp_path / "0001_a.sql").write_text("SELECT 1;")
    (tmp_path / "0001_b.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="used twice"):
        discover(tmp_path)


def test_shipped_migrations_are_valid() -> None:
    assert discover()[0].filename == "0001_events.sql"
