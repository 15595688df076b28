-- The outbox lag gauge reads the oldest pending delivery by sequence (DeliveryStore.lag): an index of the pending rows
-- alone keeps that read to a few pages whatever the backlog, where the minimum over every pending row took seconds
-- with a 28,000-event backlog and stale statistics (docs/benchmarks.md 2026-12-02).
CREATE INDEX event_delivery_pending_seq ON event_delivery (event_seq) WHERE status = 'PENDING';
