"""The merge requests actor: merge requests, their comments and reviews, and merging.

Every change and the events it causes are written in one transaction. A merge computes the
new commits first (objects only, see :mod:`.strategies`), then, in one transaction, marks
the merge request merged, writes its events and moves the refs with a compare-and-swap
(``git update-ref --stdin``): if git refuses (a branch moved meanwhile), the transaction
rolls back and neither the refs nor the rows change.

Mergeability is computed with ``git merge-tree`` and kept on the row for the branch heads it
was made for. Reads recompute it when either branch has moved since (so a read is never
stale), and the ``git.push`` subscriber (:mod:`.subscribers`) re-examines the merge
requests whose branches a push moved: it dismisses stale approvals where the target's rule
says so, refreshes the check, and merges those armed with auto merge.

The handlers live in one module per concern (``_requests``, ``_discussions``, ``_merging``,
``_pushes``) on the shared state of ``_base.MergeRequestsBase``.
"""

from __future__ import annotations

from typing import Any

from ._discussions import Discussions
from ._merging import Merging
from ._pushes import Pushes
from ._requests import Requests
from .messages import (
    CreateComment,
    CreateMergeRequest,
    DeleteComment,
    GetMergeRequest,
    HeadStatusChanged,
    ListComments,
    ListInvolvedProjects,
    ListMergeRequests,
    ListReviews,
    ListUserMergeRequests,
    Merge,
    MergeRequestMessage,
    PushReceived,
    SubmitReview,
    UpdateComment,
    UpdateMergeRequest,
)

__all__ = ["MergeRequestsActor"]


class MergeRequestsActor(Requests, Discussions, Merging, Pushes):
    """Keeps merge requests, their discussions and reviews, and merges them."""

    async def receive(self, message: MergeRequestMessage) -> Any:
        match message:
            case GetMergeRequest():
                return await self._get(message.project, message.iid)
            case ListMergeRequests():
                return await self._list(message)
            case CreateMergeRequest():
                return await self._create(message)
            case UpdateMergeRequest():
                return await self._update(message)
            case Merge():
                return await self._merge(message)
            case ListComments():
                return await self._comments(message)
            case CreateComment():
                return await self._create_comment(message)
            case UpdateComment():
                return await self._update_comment(message)
            case DeleteComment():
                return await self._delete_comment(message)
            case ListReviews():
                return await self._reviews(message)
            case SubmitReview():
                return await self._submit_review(message)
            case PushReceived():
                return await self._push(message)
            case HeadStatusChanged():
                return await self._head_status(message)
            case ListInvolvedProjects():
                return await self._involved_projects(message)
            case ListUserMergeRequests():
                return await self._user_merge_requests(message)
