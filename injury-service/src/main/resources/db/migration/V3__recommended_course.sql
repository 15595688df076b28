-- A course of treatment the catalogue recommends for an entry (issue 17): how many sessions, weekly or every two
-- weeks. Editorial and optional: null where the catalogue says nothing, which is every seeded entry (the clinic's
-- facts give no number of sessions). The gateway's care options turn it into a recurring-series offer, so the values
-- are the series API's: 2 to 12 sessions, recurrence 'weekly' or 'every-two-weeks'.
ALTER TABLE injury ADD COLUMN recommended_course jsonb CHECK (recommended_course IS NULL OR (
    jsonb_typeof(recommended_course -> 'sessions') = 'number'
    AND (recommended_course ->> 'sessions')::numeric BETWEEN 2 AND 12
    AND recommended_course ->> 'recurrence' IN ('weekly', 'every-two-weeks')));
