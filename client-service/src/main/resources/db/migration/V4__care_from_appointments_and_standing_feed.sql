-- Issue 11: care follows appointments and is keyed on the therapist's Keycloak subject; the client's standing is
-- published through a transactional outbox; access-log entries can come from booking-service's events.

-- The username-keyed relationships granted access forever to anyone who was ever booked, under a name that can
-- change or be reused. They cannot be mapped to subjects here, so they go: care is rebuilt from appointment events
-- and explicit admin grants (deny by default until then).
DROP TABLE care_relationship;

-- Each appointment with a therapist, as last known from booking-service's events. `status_at` is the occurredAt of
-- the event that set the status (later events win, `cancelled` is terminal); `booked_at` the earliest event seen
-- for it, which decides whether an admin removal predates the booking; `starts_at` the (latest) visit time.
CREATE TABLE care_appointment (
    appointment_id     uuid         PRIMARY KEY,
    client_id          uuid         NOT NULL REFERENCES client (id),
    therapist_subject  varchar(64)  NOT NULL,
    therapist_username varchar(100),
    status             varchar(20)  NOT NULL
        CHECK (status IN ('booked', 'checked-in', 'completed', 'no-show', 'cancelled')),
    status_at          timestamptz  NOT NULL,
    booked_at          timestamptz  NOT NULL,
    starts_at          timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);
CREATE INDEX care_appointment_client_idx ON care_appointment (client_id, therapist_subject, starts_at);

-- An admin's explicit grant: care without an appointment, until an admin removes it.
CREATE TABLE care_grant (
    client_id          uuid         NOT NULL REFERENCES client (id),
    therapist_subject  varchar(64)  NOT NULL,
    granted_at         timestamptz  NOT NULL,
    granted_by         varchar(100) NOT NULL,
    PRIMARY KEY (client_id, therapist_subject)
);

-- An admin's removal: appointments booked before `revoked_at` grant nothing any more, whatever events follow.
CREATE TABLE care_revocation (
    client_id          uuid         NOT NULL REFERENCES client (id),
    therapist_subject  varchar(64)  NOT NULL,
    revoked_at         timestamptz  NOT NULL,
    revoked_by         varchar(100) NOT NULL,
    PRIMARY KEY (client_id, therapist_subject)
);

-- Access-log entries recorded from booking-service's `client.appointments-read` events: the request the viewer
-- made and the appointments it returned.
ALTER TABLE access_log
    ADD COLUMN request         varchar(300),
    ADD COLUMN appointment_ids uuid[];

-- The standing feed: one row per committed change of a client's standing (creation, archive, consent decisions),
-- written in the changing transaction and carrying the full standing after it. `xid` is the writing transaction;
-- the feed serves a row only once every transaction older than the oldest running one has ended, in (xid, seq)
-- order, so a reader never finds a row appearing behind the position it already passed.
CREATE TABLE client_standing_outbox (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid         xid8         NOT NULL DEFAULT pg_current_xact_id(),
    client_id   uuid         NOT NULL REFERENCES client (id),
    subject     varchar(64),
    status      varchar(16)  NOT NULL CHECK (status IN ('active', 'archived')),
    consents    text[]       NOT NULL,
    changed_at  timestamptz  NOT NULL
);
CREATE INDEX client_standing_outbox_order_idx ON client_standing_outbox (xid, seq);
CREATE INDEX client_standing_outbox_client_idx ON client_standing_outbox (client_id, xid DESC, seq DESC);
CREATE TRIGGER client_standing_outbox_append_only BEFORE UPDATE ON client_standing_outbox
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Every existing client's current standing, so a new reader starts complete.
INSERT INTO client_standing_outbox (client_id, subject, status, consents, changed_at)
SELECT c.id, c.keycloak_subject, c.status,
       COALESCE((SELECT array_agg(latest.consent ORDER BY latest.consent)
                 FROM (SELECT DISTINCT ON (e.consent) e.consent, e.decision
                       FROM consent_event e
                       WHERE e.client_id = c.id
                       ORDER BY e.consent, e.occurred_at DESC, e.id DESC) latest
                 WHERE latest.decision = 'granted'), '{}'),
       now()
FROM client c
ORDER BY c.created_at, c.id;
