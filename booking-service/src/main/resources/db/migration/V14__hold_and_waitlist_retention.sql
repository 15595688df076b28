-- Retention of holds and waitlist entries (issue 17): released and expired holds, and waitlist entries that stopped
-- waiting, are pruned in small batches some time after they ended (service/HoldRetention). A hold that was booked is
-- the appointment itself and is never pruned.

-- When an entry stopped waiting (booked, removed, or its window ended). Entries that ended before this migration
-- count from now, so none disappears earlier than the configured period after the upgrade.
ALTER TABLE waitlist_entry ADD COLUMN ended_at timestamptz;
UPDATE waitlist_entry SET ended_at = now() WHERE status <> 'WAITING';
ALTER TABLE waitlist_entry ADD CONSTRAINT waitlist_entry_ended CHECK ((status = 'WAITING') = (ended_at IS NULL));
CREATE INDEX waitlist_entry_ended_at ON waitlist_entry (ended_at) WHERE ended_at IS NOT NULL;

-- The pruner finds ended holds by when they ended (expired ones still HELD by appointment_hold_expiry).
CREATE INDEX appointment_ended_holds ON appointment (updated_at) WHERE status IN ('RELEASED', 'EXPIRED');

-- Deleting a row checks every foreign key that names it; without these each deleted hold or entry would scan the
-- referencing table.
CREATE INDEX outbox_event_appointment ON outbox_event (appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX idempotency_record_appointment ON idempotency_record (appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX idempotency_record_waitlist_entry ON idempotency_record (waitlist_entry_id)
    WHERE waitlist_entry_id IS NOT NULL;
