-- Delivered events older than DAIS_EVENT_RETENTION are pruned (dais/storage/outbox.py
-- prune); the scan for them goes by age.
CREATE INDEX events_created_at ON events (created_at);
