"""Reading pipelines, steps and artifacts as records."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .messages import (
    ArtifactRecord,
    PipelineRecord,
    PipelineState,
    ScheduleRecord,
    StepRecord,
    StepState,
    UserRef,
)

if TYPE_CHECKING:
    from dais.storage.database import Conn

__all__ = [
    "PIPELINE_COLUMNS",
    "artifact_record",
    "pipeline_record",
    "schedule_record",
    "step_record",
    "steps_of",
    "user_ref",
]

#: The columns :func:`pipeline_record` reads; ``p`` is ``pipelines``.
PIPELINE_COLUMNS = """
p.*, ou.username || '/' || pr.name AS project_path, cu.username AS creator_name
"""
PIPELINE_FROM = """
FROM pipelines p
JOIN projects pr ON pr.id = p.project_id
JOIN users ou ON ou.id = pr.owner_id
LEFT JOIN users cu ON cu.id = p.created_by
"""


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def user_ref(
    row: Any, id_column: str = "created_by", name_column: str = "creator_name"
) -> UserRef | None:
    """The user a row names by id and (joined) username; None once they are deleted."""
    if row[id_column] is None or row[name_column] is None:
        return None
    return UserRef(row[id_column], row[name_column])


def pipeline_record(row: Any) -> PipelineRecord:
    return PipelineRecord(
        id=row["id"],
        number=row["number"],
        project_id=row["project_id"],
        project_path=row["project_path"],
        event=row["event"],
        ref=row["ref"],
        sha=row["sha"],
        title=row["title"],
        label=row["label"],
        variables=_json(row["variables"]) or {},
        state=PipelineState(row["state"]),
        error=row["error"],
        executor=row["executor"],
        sandboxed=row["sandboxed"],
        cancel_requested=row["cancel_requested"],
        merge_request_iid=row["merge_request_iid"],
        schedule_id=row["schedule_id"],
        created_by=user_ref(row),
        created_at=row["created_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
    )


def step_record(row: Any) -> StepRecord:
    return StepRecord(
        id=row["id"],
        pipeline_id=row["pipeline_id"],
        name=row["name"],
        position=row["position"],
        stage=row["stage"],
        spec=_json(row["spec"]),
        state=StepState(row["state"]),
        exit_code=row["exit_code"],
        attempt=row["attempt"],
        error=row["error"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        log_lines=row["log_lines"],
        log_bytes=row["log_bytes"],
        log_truncated=row["log_truncated"],
    )


async def steps_of(conn: Conn, pipeline_id: int) -> list[StepRecord]:
    rows = await conn.fetch(
        "SELECT * FROM pipeline_steps WHERE pipeline_id = $1 ORDER BY stage, position",
        pipeline_id,
    )
    return [step_record(r) for r in rows]


def artifact_record(row: Any) -> ArtifactRecord:
    return ArtifactRecord(
        id=row["id"],
        pipeline_id=row["pipeline_id"],
        step=row["step"],
        path=row["path"],
        size=row["size"],
        sha256=row["sha256"],
        expires_at=row["expires_at"],
        created_at=row["created_at"],
    )


def schedule_record(row: Any) -> ScheduleRecord:
    return ScheduleRecord(
        id=row["id"],
        project_id=row["project_id"],
        description=row["description"],
        cron=row["cron"],
        timezone=row["timezone"],
        ref=row["ref"],
        variables=_json(row["variables"]) or {},
        active=row["active"],
        next_run_at=row["next_run_at"],
        last_run_at=row["last_run_at"],
        last_pipeline_number=row["last_pipeline_number"],
        created_by=user_ref(row),
        created_at=row["created_at"],
    )
