-- Waitlist (issue 17). An entry waits for a slot of a type, optionally with one practitioner or at one location, in a
-- window of local dates and times of day (optionally only on some weekdays). When a matching slot frees up, the
-- oldest waiting entry without a live offer gets a hold on it (an offer) and a waitlist.offered event; when that hold
-- expires unbooked, the next entry gets the slot. An entry expires at the end of its window.
CREATE TABLE waitlist_entry (
    id                  uuid PRIMARY KEY,
    client_id           uuid         NOT NULL,
    created_by          varchar(255) NOT NULL,
    appointment_type_id uuid         NOT NULL REFERENCES appointment_type (id),
    practitioner_id     uuid         REFERENCES practitioner (id),
    location_id         uuid         REFERENCES location (id),
    from_date           date         NOT NULL,
    to_date             date         NOT NULL,
    from_time           time         NOT NULL,
    to_time             time         NOT NULL,
    -- ISO day numbers 1 (Monday) to 7, comma-separated; empty means every day.
    weekdays            varchar(20)  NOT NULL,
    status              varchar(20)  NOT NULL CHECK (status IN ('WAITING', 'BOOKED', 'REMOVED', 'EXPIRED')),
    created_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    CHECK (to_date >= from_date AND to_time > from_time)
);
CREATE INDEX waitlist_entry_waiting ON waitlist_entry (created_at) WHERE status = 'WAITING';
CREATE INDEX waitlist_entry_client ON waitlist_entry (client_id, created_at);

-- Every offer made: the hold it placed. An entry is not offered time it was offered before (overlapping the hold).
CREATE TABLE waitlist_offer (
    hold_id         uuid        PRIMARY KEY REFERENCES appointment (id),
    entry_id        uuid        NOT NULL REFERENCES waitlist_entry (id),
    practitioner_id uuid        NOT NULL,
    starts_at       timestamptz NOT NULL,
    offered_at      timestamptz NOT NULL
);
CREATE INDEX waitlist_offer_entry ON waitlist_offer (entry_id, practitioner_id, starts_at);
