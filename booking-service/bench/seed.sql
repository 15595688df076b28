-- 10,000 appointments for the benchmark: completed ones in the past, about half of the next 14 days
-- booked, days 15-90 left free for the booking run. Slots step by duration + buffer (75 min), so the
-- exclusion constraint is respected by construction.
-- Also the outbox (events refer to appointments) and any webhook subscription, so no delivery is left over;
-- CASCADE takes the tables that refer to appointments as well (holds, series, waitlist offers).
TRUNCATE delivery_attempt, event_delivery, outbox_event, webhook_subscription_event_type, webhook_subscription,
         idempotency_record, appointment CASCADE;

WITH days AS (
    SELECT d::date AS day FROM generate_series(current_date - 700, current_date + 14, interval '1 day') d
), candidates AS (
    SELECT s.practitioner_id, s.location_id, p.discipline,
           ((days.day + s.start_time + k * interval '75 minutes') AT TIME ZONE 'America/Vancouver') AS starts_at,
           days.day
    FROM schedule s
    JOIN practitioner p ON p.id = s.practitioner_id
    -- History follows today's weekly pattern, also before the seeded schedules' effective dates.
    JOIN days ON extract(isodow FROM days.day) = s.weekday AND (s.effective_to IS NULL OR days.day <= s.effective_to)
    CROSS JOIN generate_series(0, 12) k
    WHERE s.start_time + (k * interval '75 minutes') + interval '60 minutes' <= s.end_time
), chosen AS (
    SELECT * FROM candidates
    WHERE starts_at < now() OR (starts_at > now() + interval '1 day' AND random() < 0.5)
    ORDER BY starts_at DESC
    LIMIT 10000
)
INSERT INTO appointment (id, appointment_type_id, practitioner_id, location_id, client_id, starts_at, ends_at,
                         blocked_until, status, price_cad, booked_by, created_at, updated_at)
SELECT gen_random_uuid(), t.id, c.practitioner_id, c.location_id, gen_random_uuid(), c.starts_at,
       c.starts_at + interval '60 minutes', c.starts_at + interval '75 minutes',
       CASE WHEN c.starts_at < now() THEN 'COMPLETED' ELSE 'BOOKED' END, t.price_cad, 'bench-seed',
       c.starts_at - interval '7 days', c.starts_at - interval '7 days'
FROM chosen c
JOIN appointment_type t ON t.code = CASE c.discipline WHEN 'KINESIOLOGY' THEN 'kinesiology-assessment-60'
                                                      ELSE 'sports-massage-60' END;

ANALYZE appointment;
SELECT status, count(*) FROM appointment GROUP BY status ORDER BY status;
