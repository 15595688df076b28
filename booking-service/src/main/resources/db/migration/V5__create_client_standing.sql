-- booking-service's own view of each client's standing, fed by client-service's standing feed (events client-service
-- writes to its transactional outbox). Reads, the event feed and webhooks consult it instead of calling
-- client-service, so a partner sees a client's appointments only while the client's data-sharing consent holds.
CREATE TABLE client_standing (
    client_id    uuid         PRIMARY KEY,
    subject      varchar(255),
    status       varchar(20)  NOT NULL CHECK (status IN ('active', 'archived')),
    data_sharing boolean      NOT NULL,
    position     varchar(100),
    updated_at   timestamptz  NOT NULL
);
CREATE UNIQUE INDEX client_standing_subject ON client_standing (subject) WHERE subject IS NOT NULL;

-- How far booking-service has read client-service's standing feed (one row).
CREATE TABLE client_standing_feed (
    id         smallint     PRIMARY KEY CHECK (id = 1),
    position   varchar(100),
    read_at    timestamptz
);
INSERT INTO client_standing_feed (id, position, read_at) VALUES (1, NULL, NULL);
