-- Issues: a user's issues across projects (GET /api/user/issues), most recently updated
-- first, read from the index in order and stopped at the page's end rather than sorting
-- everything the user ever wrote. It serves what issues_author served (the author filter,
-- and deleting a user), so that one goes.
CREATE INDEX issues_author_updated ON issues (author_id, updated_at DESC, id DESC);
DROP INDEX issues_author;

-- Webhooks: the URL each attempt went to (a hook's URL may change after), and pruning the
-- delivery log by age, as the outbox is pruned (DAIS_EVENT_RETENTION): finished deliveries
-- older than that go, with their attempts. Pending ones stay until they end.
ALTER TABLE webhook_attempts ADD COLUMN url text;

CREATE INDEX webhook_deliveries_completed ON webhook_deliveries (completed_at)
    WHERE completed_at IS NOT NULL;
