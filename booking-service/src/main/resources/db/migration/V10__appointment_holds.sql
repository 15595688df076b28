-- Slot holds (issue 17). A hold is a row of the appointment table with status HELD and an expiry, so the one
-- exclusion constraint that prevents double booking also keeps two holds, or a hold and an appointment, apart: the
-- database decides, never a check-then-insert.
--
-- An exclusion constraint cannot compare with now(), so an expired hold still occupies its range in the index until
-- it is cleared. It is cleared lazily by whoever wants the range: a transaction that inserts or moves a row first
-- marks the expired holds overlapping its range EXPIRED (same transaction, under the constraint; two such
-- transactions serialise on the hold's row lock), then inserts, and the constraint arbitrates the insert as usual.
-- Reads (availability, the slot checks) treat a HELD row whose expiry has passed as free. A periodic sweep also
-- marks expired holds, but only so the waitlist can move its offer on; the slot never depends on it.
--
-- Turning a hold into an appointment updates the same row (HELD -> BOOKED): the appointment keeps the hold's id and
-- the range is never free in between. RELEASED: given back by DELETE /api/v1/holds/{id}.
-- hold_expires_at is set on every row that started as a hold (and stays set once it is booked), null otherwise.
ALTER TABLE appointment ADD COLUMN hold_expires_at timestamptz;
ALTER TABLE appointment DROP CONSTRAINT appointment_status_check;
ALTER TABLE appointment ADD CONSTRAINT appointment_status_check CHECK (status IN
    ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'HELD', 'RELEASED', 'EXPIRED'));
ALTER TABLE appointment ADD CONSTRAINT appointment_hold_has_expiry
    CHECK (status NOT IN ('HELD', 'RELEASED', 'EXPIRED') OR hold_expires_at IS NOT NULL);

ALTER TABLE appointment DROP CONSTRAINT appointment_no_double_booking;
ALTER TABLE appointment ADD CONSTRAINT appointment_no_double_booking EXCLUDE USING gist (
    practitioner_id WITH =,
    tstzrange(starts_at, blocked_until) WITH &&) WHERE (status NOT IN ('CANCELLED', 'RELEASED', 'EXPIRED'));

-- The sweep finds holds past their expiry.
CREATE INDEX appointment_hold_expiry ON appointment (hold_expires_at) WHERE status = 'HELD';
