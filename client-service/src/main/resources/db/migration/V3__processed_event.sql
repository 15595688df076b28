-- Booking events already consumed, by event id: a redelivered event finds its row and changes nothing. Written in
-- the same transaction as the event's effect, so an effect is never applied twice nor recorded without applying.
CREATE TABLE processed_event (
    id           uuid PRIMARY KEY,
    type         varchar(100) NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    processed_at timestamptz  NOT NULL,
    outcome      varchar(20)  NOT NULL CHECK (outcome IN ('applied', 'noEffect', 'unknownClient', 'unknownType'))
);
CREATE INDEX processed_event_processed_at_idx ON processed_event (processed_at);
CREATE TRIGGER processed_event_append_only BEFORE UPDATE ON processed_event
    FOR EACH ROW EXECUTE FUNCTION forbid_change();
