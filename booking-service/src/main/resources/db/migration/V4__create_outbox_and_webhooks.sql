-- Appointment events (transactional outbox), partner webhook subscriptions and per-destination deliveries.

-- seq orders events globally (catch-up); outbox inserts are serialised until commit, so seq order is commit order.
-- payload is the envelope exactly as delivered (json keeps the text as written).
CREATE TABLE outbox_event (
    seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id             uuid         PRIMARY KEY,
    type           varchar(40)  NOT NULL,
    appointment_id uuid         NOT NULL REFERENCES appointment (id),
    booked_by      varchar(255) NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    version        integer      NOT NULL,
    payload        json         NOT NULL
);
CREATE INDEX outbox_event_booked_by ON outbox_event (booked_by, seq);

-- The secret is kept in clear because every delivery is signed with it (HMAC needs the key itself).
CREATE TABLE webhook_subscription (
    id                   uuid          PRIMARY KEY,
    owner                varchar(255)  NOT NULL,
    all_appointments     boolean       NOT NULL,
    url                  varchar(2000) NOT NULL,
    secret               varchar(100)  NOT NULL,
    status               varchar(20)   NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    consecutive_failures integer       NOT NULL DEFAULT 0,
    paused_at            timestamptz,
    created_at           timestamptz   NOT NULL,
    version              bigint        NOT NULL DEFAULT 0
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner, created_at);

CREATE TABLE webhook_subscription_event_type (
    subscription_id uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_type      varchar(40) NOT NULL,
    PRIMARY KEY (subscription_id, event_type)
);

-- One row per event and destination ('client-service' or 'webhook:<subscription id>'). A claimed delivery has
-- claimed_until in the future; if the claimer dies the claim simply expires and another pass takes it.
CREATE TABLE event_delivery (
    id               uuid         PRIMARY KEY,
    event_seq        bigint       NOT NULL REFERENCES outbox_event (seq),
    event_id         uuid         NOT NULL,
    event_type       varchar(40)  NOT NULL,
    appointment_id   uuid         NOT NULL,
    destination      varchar(60)  NOT NULL,
    subscription_id  uuid         REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    status           varchar(20)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED')),
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    claimed_until    timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(500),
    delivered_at     timestamptz,
    UNIQUE (event_id, destination)
);
CREATE INDEX event_delivery_due ON event_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX event_delivery_order ON event_delivery (destination, appointment_id, event_seq) WHERE status = 'PENDING';
CREATE INDEX event_delivery_subscription ON event_delivery (subscription_id, event_seq);

CREATE TABLE delivery_attempt (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id     uuid         NOT NULL REFERENCES event_delivery (id) ON DELETE CASCADE,
    attempt         integer      NOT NULL,
    attempted_at    timestamptz  NOT NULL,
    status_code     integer,
    error           varchar(500),
    next_attempt_at timestamptz
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, attempt);
