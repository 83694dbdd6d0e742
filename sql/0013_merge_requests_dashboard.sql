-- Merge requests: the commit message an armed auto merge will use, and the indexes behind
-- GET /api/user/merge-requests (a user's merge requests as author, assignee or reviewer,
-- most recently updated first).

ALTER TABLE merge_requests
    ADD COLUMN auto_merge_commit_message text
        CHECK (octet_length(auto_merge_commit_message) <= 1048576);

CREATE INDEX merge_requests_author_updated ON merge_requests (author_id, updated_at DESC, id DESC);
CREATE INDEX merge_request_assignees_user ON merge_request_assignees (user_id, merge_request_id);
CREATE INDEX merge_request_reviewers_user ON merge_request_reviewers (user_id, merge_request_id);
