-- 1,000 (or :entries) generated, published catalogue entries for the search benchmark. Their words overlap the
-- runner phrases on purpose (pain, knee, ankle, foot, after runs ...), so most searches rank hundreds of rows:
-- a worse case than the real catalogue. The trigger of V1 builds each row's search document.
WITH words AS (
    SELECT ARRAY['knee', 'ankle', 'hip', 'thigh', 'foot', 'calf', 'heel', 'shin', 'low back', 'hamstring', 'arch',
                 'kneecap', 'groin', 'toe', 'achilles', 'glute'] AS parts,
           ARRAY['sharp', 'dull', 'aching', 'burning', 'throbbing', 'stabbing', 'tight', 'stiff'] AS kinds,
           ARRAY['outside', 'inside', 'front', 'back', 'under', 'above', 'around', 'sole'] AS sides,
           ARRAY['after runs', 'during runs', 'on stairs', 'in the morning', 'when standing', 'on hills',
                 'after long walks', 'when sprinting'] AS moments,
           ARRAY['low-back', 'hip', 'thigh', 'knee', 'lower-leg', 'ankle', 'foot'] AS regions
)
INSERT INTO injury (id, slug, name, aliases, body_regions, summary, anatomy, symptoms, causes, treatments, self_care,
                    complications, see_a_doctor_if, recommended_appointment_types, codes, sources, status)
SELECT md5('bench-' || n)::uuid,
       'bench-entry-' || n,
       initcap(kinds[1 + n % 8]) || ' ' || parts[1 + n % 16] || ' syndrome ' || n,
       ARRAY[parts[1 + (n / 3) % 16] || ' ' || sides[1 + n % 8] || ' strain ' || n],
       ARRAY[regions[1 + n % 7], regions[1 + (n / 7) % 7]],
       'Generated entry ' || n || ': ' || kinds[1 + (n / 5) % 8] || ' pain on the ' || sides[1 + (n / 2) % 8]
           || ' of the ' || parts[1 + (n / 11) % 16] || ' ' || moments[1 + n % 8] || '.',
       'The ' || parts[1 + n % 16] || ' and the ' || parts[1 + (n / 13) % 16]
           || ' work together; tissue here adapts slowly to more mileage.',
       ARRAY[initcap(kinds[1 + n % 8]) || ' pain ' || sides[1 + (n / 3) % 8] || ' the ' || parts[1 + n % 16]
                 || ' ' || moments[1 + (n / 2) % 8],
             'The ' || parts[1 + (n / 7) % 16] || ' hurts ' || moments[1 + (n / 5) % 8]],
       ARRAY['Raising mileage too fast', 'Tight ' || parts[1 + (n / 17) % 16], 'Too few rest days'],
       jsonb_build_array(jsonb_build_object('technique', 'deep-tissue-massage', 'purpose', 'Eases the tight '
                                            || parts[1 + n % 16] || '.'),
                         jsonb_build_object('technique', 'stretching', 'purpose', 'Restores mobility.')),
       ARRAY['Rest and ice early', 'Stretch the ' || parts[1 + (n / 19) % 16]],
       jsonb_build_array(jsonb_build_object('condition', 'Chronic pain', 'description', 'May linger if ignored.')),
       ARRAY['You cannot bear weight'],
       ARRAY['sports-massage-60'],
       '[]'::jsonb,
       '[{"title": "Generated benchmark data", "publisher": "Balance in Motion", "author": "Benchmark script"}]'::jsonb,
       'published'
FROM words, generate_series(1, :entries) AS n;

ANALYZE injury;
