-- Recurring series (issue 17). A series is booked in one transaction: all of its occurrences or none. Each occurrence
-- is an ordinary appointment that names its series; the wall-clock time is kept in the location's zone, so a 17:30
-- series stays at 17:30 across daylight-saving changes.
CREATE TABLE appointment_series (
    id                  uuid PRIMARY KEY,
    client_id           uuid         NOT NULL,
    appointment_type_id uuid         NOT NULL REFERENCES appointment_type (id),
    practitioner_id     uuid         NOT NULL REFERENCES practitioner (id),
    location_id         uuid         NOT NULL REFERENCES location (id),
    recurrence          varchar(20)  NOT NULL CHECK (recurrence IN ('WEEKLY', 'EVERY_TWO_WEEKS')),
    occurrences         smallint     NOT NULL CHECK (occurrences BETWEEN 1 AND 12),
    local_start_time    time         NOT NULL,
    booked_by           varchar(255) NOT NULL,
    created_at          timestamptz  NOT NULL
);
CREATE INDEX appointment_series_client ON appointment_series (client_id);

ALTER TABLE appointment ADD COLUMN series_id uuid REFERENCES appointment_series (id);
CREATE INDEX appointment_series_starts ON appointment (series_id, starts_at) WHERE series_id IS NOT NULL;
