-- Events at scale (issue 12) and consent at the exits (issue 11).

-- Feed order without a global lock. Writers no longer serialise on an advisory lock; instead each event records
-- the id of the transaction that wrote it (xid8, never wraps). The catch-up feed orders by (tx_id, seq) and serves
-- only events whose transaction is older than the oldest one still running, so a reader can never pass a position
-- that a slower transaction fills in later. Rows written before this migration all take this migration's id and
-- keep their old order through seq.
ALTER TABLE outbox_event ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE outbox_event ADD COLUMN client_id uuid;
-- Internal events (e.g. client.appointments-read, an access-log entry) go to client-service only: never to the
-- partner feed or to webhooks.
ALTER TABLE outbox_event ADD COLUMN internal boolean NOT NULL DEFAULT false;
ALTER TABLE outbox_event ALTER COLUMN appointment_id DROP NOT NULL;
ALTER TABLE outbox_event ALTER COLUMN booked_by DROP NOT NULL;
UPDATE outbox_event e SET client_id = a.client_id FROM appointment a WHERE a.id = e.appointment_id;
DROP INDEX outbox_event_booked_by;
CREATE INDEX outbox_event_position ON outbox_event (tx_id, seq) WHERE NOT internal;
CREATE INDEX outbox_event_booked_by ON outbox_event (booked_by, tx_id, seq) WHERE NOT internal;
CREATE INDEX outbox_event_occurred_at ON outbox_event (occurred_at);

-- DEAD: the consumer refused the event (4xx other than 408/429); kept with its answer until an admin replays it.
-- SUPPRESSED: not sent because the client no longer shares data with partners at delivery time.
-- settled_at: when the delivery left PENDING, what retention counts from.
ALTER TABLE event_delivery DROP CONSTRAINT event_delivery_status_check;
ALTER TABLE event_delivery ADD CONSTRAINT event_delivery_status_check
    CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD', 'SUPPRESSED'));
ALTER TABLE event_delivery ALTER COLUMN appointment_id DROP NOT NULL;
ALTER TABLE event_delivery ADD COLUMN last_response varchar(2000);
ALTER TABLE event_delivery ADD COLUMN settled_at timestamptz;
UPDATE event_delivery SET settled_at = delivered_at WHERE status = 'DELIVERED';
CREATE INDEX event_delivery_settled ON event_delivery (settled_at) WHERE status IN ('DELIVERED', 'SUPPRESSED');
CREATE INDEX event_delivery_dead ON event_delivery (destination, settled_at) WHERE status = 'DEAD';
CREATE INDEX event_delivery_event ON event_delivery (event_seq);

-- Secret rotation: the previous secret still signs (a second signature) until previous_secret_until.
ALTER TABLE webhook_subscription ADD COLUMN previous_secret varchar(100);
ALTER TABLE webhook_subscription ADD COLUMN previous_secret_until timestamptz;

-- How far retention has pruned the feed: a cursor below this position is gone (410).
CREATE TABLE outbox_retention (
    id         smallint PRIMARY KEY CHECK (id = 1),
    pruned_tx  xid8,
    pruned_seq bigint
);
INSERT INTO outbox_retention (id, pruned_tx, pruned_seq) VALUES (1, NULL, NULL);

CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
