-- Idempotency-Key on POST /api/v1/appointment-series and POST /api/v1/waitlist (issue 17): the same table and the
-- same claim as bookings and holds, so a key is one per caller whatever it created. A record now names exactly one
-- of an appointment (booking or hold), a series or a waitlist entry; each foreign key is deferred because the key is
-- claimed before its row is written.
ALTER TABLE idempotency_record ALTER COLUMN appointment_id DROP NOT NULL;
ALTER TABLE idempotency_record
    ADD COLUMN series_id uuid REFERENCES appointment_series (id) DEFERRABLE INITIALLY DEFERRED,
    ADD COLUMN waitlist_entry_id uuid REFERENCES waitlist_entry (id) DEFERRABLE INITIALLY DEFERRED,
    ADD CONSTRAINT idempotency_record_one_target CHECK (num_nonnulls(appointment_id, series_id, waitlist_entry_id) = 1);
