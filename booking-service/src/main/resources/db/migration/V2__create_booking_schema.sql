-- Practitioners, appointment types, weekly schedules, time off and appointments.
-- btree_gist lets one exclusion constraint combine equality on ids with overlap of ranges.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE practitioner (
    id                uuid PRIMARY KEY,
    keycloak_username varchar(80)  UNIQUE,
    display_name      varchar(120) NOT NULL,
    discipline        varchar(30)  NOT NULL CHECK (discipline IN ('MASSAGE_THERAPY', 'KINESIOLOGY')),
    credentials       varchar(200) NOT NULL,
    bio               text         NOT NULL,
    active            boolean      NOT NULL DEFAULT true,
    version           bigint       NOT NULL DEFAULT 0
);

CREATE TABLE appointment_type (
    id               uuid PRIMARY KEY,
    code             varchar(60)   NOT NULL UNIQUE,
    name             varchar(120)  NOT NULL,
    description      text          NOT NULL,
    duration_minutes integer       NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    buffer_minutes   integer       NOT NULL CHECK (buffer_minutes BETWEEN 0 AND 120),
    price_cad        numeric(8, 2) NOT NULL CHECK (price_cad >= 0),
    online_bookable  boolean       NOT NULL,
    active           boolean       NOT NULL DEFAULT true,
    version          bigint        NOT NULL DEFAULT 0
);

CREATE TABLE appointment_type_discipline (
    appointment_type_id uuid        NOT NULL REFERENCES appointment_type (id) ON DELETE CASCADE,
    discipline          varchar(30) NOT NULL CHECK (discipline IN ('MASSAGE_THERAPY', 'KINESIOLOGY')),
    PRIMARY KEY (appointment_type_id, discipline)
);

-- Weekly hours in the location's local time. A practitioner can never have two overlapping
-- entries (at the same or another location): the exclusion constraint below guarantees it.
CREATE TYPE timerange AS RANGE (subtype = time);

CREATE TABLE schedule (
    id              uuid PRIMARY KEY,
    practitioner_id uuid     NOT NULL REFERENCES practitioner (id),
    location_id     uuid     NOT NULL REFERENCES location (id),
    weekday         smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time      time     NOT NULL,
    end_time        time     NOT NULL,
    effective_from  date     NOT NULL,
    effective_to    date,
    version         bigint   NOT NULL DEFAULT 0,
    CHECK (end_time > start_time),
    CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CONSTRAINT schedule_no_overlap EXCLUDE USING gist (
        practitioner_id WITH =,
        weekday WITH =,
        timerange(start_time, end_time) WITH &&,
        daterange(effective_from, effective_to, '[]') WITH &&)
);

CREATE TABLE time_off (
    id              uuid PRIMARY KEY,
    practitioner_id uuid         NOT NULL REFERENCES practitioner (id),
    starts_at       timestamptz  NOT NULL,
    ends_at         timestamptz  NOT NULL,
    reason          varchar(200) NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX time_off_practitioner_range ON time_off USING gist (practitioner_id, tstzrange(starts_at, ends_at));

-- blocked_until = ends_at + the type's buffer, frozen at booking time so later edits of the
-- type never create overlaps after the fact.
CREATE TABLE appointment (
    id                  uuid PRIMARY KEY,
    appointment_type_id uuid          NOT NULL REFERENCES appointment_type (id),
    practitioner_id     uuid          NOT NULL REFERENCES practitioner (id),
    location_id         uuid          NOT NULL REFERENCES location (id),
    client_id           uuid          NOT NULL,
    starts_at           timestamptz   NOT NULL,
    ends_at             timestamptz   NOT NULL,
    blocked_until       timestamptz   NOT NULL,
    status              varchar(20)   NOT NULL CHECK (status IN ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    price_cad           numeric(8, 2) NOT NULL,
    late_cancellation   boolean       NOT NULL DEFAULT false,
    cancellation_reason varchar(500),
    cancelled_at        timestamptz,
    booked_by           varchar(255)  NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at AND blocked_until >= ends_at),
    CONSTRAINT appointment_no_double_booking EXCLUDE USING gist (
        practitioner_id WITH =,
        tstzrange(starts_at, blocked_until) WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE INDEX appointment_client_starts ON appointment (client_id, starts_at);
CREATE INDEX appointment_location_starts ON appointment (location_id, starts_at);
CREATE INDEX appointment_starts ON appointment (starts_at);

-- A successful booking per (caller, Idempotency-Key); retries replay it. The foreign key is
-- deferred because the key is claimed before the appointment row is written.
CREATE TABLE idempotency_record (
    caller          varchar(255) NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    appointment_id  uuid         NOT NULL REFERENCES appointment (id) DEFERRABLE INITIALLY DEFERRED,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
