-- Client records: profile details, intake versions, consent history, treatment notes with amendments,
-- care relationships and the access log. History tables are append-only, enforced by triggers.

ALTER TABLE client
    ADD COLUMN preferred_location             varchar(50),
    ADD COLUMN emergency_contact_name         varchar(200),
    ADD COLUMN emergency_contact_phone        varchar(30),
    ADD COLUMN emergency_contact_relationship varchar(50),
    -- digits only, so a search matches "604-555-0101" and "(604) 555 0101" alike
    ADD COLUMN phone_digits varchar(30) GENERATED ALWAYS AS (regexp_replace(phone, '[^0-9]', '', 'g')) STORED;

-- Staff search: case-insensitive prefix match on names (text_pattern_ops serves LIKE 'abc%' in any collation).
DROP INDEX client_last_name_idx;
CREATE INDEX client_last_name_prefix_idx ON client (lower(last_name) text_pattern_ops);
CREATE INDEX client_first_name_prefix_idx ON client (lower(first_name) text_pattern_ops);
CREATE INDEX client_email_idx ON client (lower(email));
CREATE INDEX client_phone_digits_idx ON client (phone_digits);
CREATE INDEX client_date_of_birth_idx ON client (date_of_birth);

CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
END;
$$;

-- Health history questionnaire: every update is a new version.
CREATE TABLE intake_version (
    id               uuid PRIMARY KEY,
    client_id        uuid        NOT NULL REFERENCES client (id),
    version          integer     NOT NULL CHECK (version > 0),
    content          jsonb       NOT NULL,
    recorded_at      timestamptz NOT NULL,
    recorded_by      varchar(100) NOT NULL,
    recorded_by_role varchar(20)  NOT NULL,
    UNIQUE (client_id, version)
);
CREATE TRIGGER intake_version_append_only BEFORE UPDATE OR DELETE ON intake_version
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Consent: a history of grants and withdrawals; the current state is the latest event per consent.
CREATE TABLE consent_event (
    id           uuid PRIMARY KEY,
    client_id    uuid         NOT NULL REFERENCES client (id),
    consent      varchar(30)  NOT NULL CHECK (consent IN ('treatment', 'data-sharing', 'marketing-email')),
    decision     varchar(10)  NOT NULL CHECK (decision IN ('granted', 'withdrawn')),
    occurred_at  timestamptz  NOT NULL,
    actor        varchar(100) NOT NULL,
    actor_role   varchar(20)  NOT NULL
);
CREATE INDEX consent_event_client_idx ON consent_event (client_id, occurred_at);
CREATE TRIGGER consent_event_append_only BEFORE UPDATE OR DELETE ON consent_event
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- SOAP treatment notes: drafts change, signed notes never do.
CREATE TABLE treatment_note (
    id             uuid PRIMARY KEY,
    client_id      uuid         NOT NULL REFERENCES client (id),
    appointment_id uuid,
    practitioner   varchar(100) NOT NULL,
    subjective     text,
    objective      text,
    assessment     text,
    plan           text,
    techniques     jsonb        NOT NULL DEFAULT '[]',
    status         varchar(10)  NOT NULL CHECK (status IN ('draft', 'signed')),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    signed_at      timestamptz,
    version        bigint       NOT NULL DEFAULT 0,
    CHECK ((status = 'signed') = (signed_at IS NOT NULL))
);
CREATE INDEX treatment_note_client_idx ON treatment_note (client_id, created_at);

CREATE FUNCTION forbid_signed_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'signed' THEN
        RAISE EXCEPTION 'signed treatment notes are immutable';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER treatment_note_signed_immutable BEFORE UPDATE OR DELETE ON treatment_note
    FOR EACH ROW EXECUTE FUNCTION forbid_signed_note_change();

-- Corrections to signed notes, dated and attributed.
CREATE TABLE note_amendment (
    id          uuid PRIMARY KEY,
    note_id     uuid         NOT NULL REFERENCES treatment_note (id),
    author      varchar(100) NOT NULL,
    author_role varchar(20)  NOT NULL,
    text        text         NOT NULL,
    reason      varchar(500),
    created_at  timestamptz  NOT NULL
);
CREATE INDEX note_amendment_note_idx ON note_amendment (note_id, created_at);
CREATE TRIGGER note_amendment_append_only BEFORE UPDATE OR DELETE ON note_amendment
    FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Which therapist (Keycloak username) may see a client's clinical data.
CREATE TABLE care_relationship (
    client_id          uuid         NOT NULL REFERENCES client (id),
    therapist_username varchar(100) NOT NULL,
    source             varchar(20)  NOT NULL CHECK (source IN ('admin', 'booking')),
    created_at         timestamptz  NOT NULL,
    created_by         varchar(100) NOT NULL,
    PRIMARY KEY (client_id, therapist_username)
);

-- Every read and change of a client's data, allowed or denied.
CREATE TABLE access_log (
    id            uuid PRIMARY KEY,
    client_id     uuid         NOT NULL REFERENCES client (id),
    occurred_at   timestamptz  NOT NULL,
    actor_subject varchar(64)  NOT NULL,
    actor         varchar(100) NOT NULL,
    actor_role    varchar(20)  NOT NULL,
    action        varchar(20)  NOT NULL,
    resource      varchar(20)  NOT NULL,
    resource_id   uuid,
    outcome       varchar(10)  NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    request_id    varchar(128) NOT NULL
);
CREATE INDEX access_log_client_idx ON access_log (client_id, occurred_at DESC);
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
