-- The appointment types the clinics offer. Prices and durations are data, editable by admins; production
-- starts with these. Practitioners and their schedules are created by admins (demo ones: db/dev-data).
INSERT INTO appointment_type (id, code, name, description, duration_minutes, buffer_minutes, price_cad, online_bookable) VALUES
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000001', 'sports-massage-30', 'Sports Massage, 30 minutes',
     'A short, focused session on one problem area, such as tight calves before a race.', 30, 15, 75.00, true),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000002', 'sports-massage-60', 'Sports Massage, 60 minutes',
     'Targeted work on the muscles that running loads most, for recovery or to keep training on track.', 60, 15, 120.00, true),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000003', 'sports-massage-90', 'Sports Massage, 90 minutes',
     'A long session that follows a problem from the foot up through the hips and lower back.', 90, 15, 170.00, true),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000004', 'plantar-fasciitis-massage-60', 'Plantar Fasciitis Massage, 60 minutes',
     'Treatment of a painful sole and the calf, hamstring and hip tissue that feeds into it.', 60, 15, 125.00, true),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000005', 'mobility-maker-75', 'Mobility Maker, 75 minutes',
     'Detailed hands-on work followed by assisted stretching to restore range of motion.', 75, 15, 145.00, true),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000006', 'massage-therapy-60', 'Massage Therapy, 60 minutes',
     'A general registered massage therapy appointment, preventive or for a specific complaint.', 60, 15, 115.00, true),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000007', 'kinesiology-assessment-60', 'Kinesiology Assessment, 60 minutes',
     'Movement and strength assessment with a plan of corrective exercise.', 60, 15, 110.00, true);

INSERT INTO appointment_type_discipline (appointment_type_id, discipline) VALUES
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000001', 'MASSAGE_THERAPY'),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000002', 'MASSAGE_THERAPY'),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000003', 'MASSAGE_THERAPY'),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000004', 'MASSAGE_THERAPY'),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000005', 'MASSAGE_THERAPY'),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000005', 'KINESIOLOGY'),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000006', 'MASSAGE_THERAPY'),
    ('5e7b3c10-8f2a-4d6b-a1c3-000000000007', 'KINESIOLOGY');
