-- Seed data: the practitioners named in the clinic facts plus fictional colleagues so that both
-- locations offer massage on every weekday. Prices and durations are data, editable by admins.
INSERT INTO practitioner (id, keycloak_username, display_name, discipline, credentials, bio) VALUES
    ('7a0d9a52-2c51-4c1e-9d4e-000000000001', 'lawrence', 'Lawrence Lam', 'MASSAGE_THERAPY',
     'Registered Massage Therapist (RMT)',
     'Sports massage specialist with more than seven years in practice. Has worked with a baseball club, a soccer club and a women''s rugby sevens side, and also treats workplace and motor-vehicle injuries.'),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000002', 'aubrey', 'Aubrey Morrison', 'MASSAGE_THERAPY',
     'Licensed Massage Therapist (LMT), MS Sports Medicine, CSCS',
     'Massage therapist with a sports medicine degree and strength and conditioning certification, focused on runners and their overuse injuries.'),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000003', 'andrea', 'Andrea Lawson', 'KINESIOLOGY',
     'Kinesiologist, founder of Balance in Motion',
     'Founded Balance in Motion and has practised kinesiology since 2008: movement assessment, rehabilitation plans and training advice.'),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000004', 'priya', 'Priya Sandhu', 'MASSAGE_THERAPY',
     'Registered Massage Therapist (RMT)',
     'Deep tissue and myofascial work for endurance athletes preparing for a race block.'),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000005', 'marcus', 'Marcus Chen', 'MASSAGE_THERAPY',
     'Registered Massage Therapist (RMT)',
     'Combines soft tissue work, cupping and instrument-assisted techniques for lower-leg and foot complaints.'),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000006', 'jordan', 'Jordan Tremblay', 'KINESIOLOGY',
     'Kinesiologist',
     'Gait and mobility assessments with home exercise plans for runners returning from injury.');

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

-- Weekday: 1 = Monday ... 7 = Sunday. R = Richmond, V = Vancouver.
INSERT INTO schedule (id, practitioner_id, location_id, weekday, start_time, end_time, effective_from) VALUES
    -- Lawrence Lam: Mondays (R) and Wednesdays (V)
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000101', '7a0d9a52-2c51-4c1e-9d4e-000000000001', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 1, '09:00', '17:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000102', '7a0d9a52-2c51-4c1e-9d4e-000000000001', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 3, '10:00', '18:00', '2026-01-01'),
    -- Aubrey Morrison: Tuesday, Thursday (V), Friday (R)
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000201', '7a0d9a52-2c51-4c1e-9d4e-000000000002', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 2, '09:00', '17:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000202', '7a0d9a52-2c51-4c1e-9d4e-000000000002', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 4, '09:00', '17:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000203', '7a0d9a52-2c51-4c1e-9d4e-000000000002', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 5, '09:00', '17:00', '2026-01-01'),
    -- Andrea Lawson: Tuesday, Thursday mornings (R), Friday afternoon (V)
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000301', '7a0d9a52-2c51-4c1e-9d4e-000000000003', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 2, '08:00', '14:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000302', '7a0d9a52-2c51-4c1e-9d4e-000000000003', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 4, '08:00', '14:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000303', '7a0d9a52-2c51-4c1e-9d4e-000000000003', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 5, '12:00', '18:00', '2026-01-01'),
    -- Priya Sandhu: Monday (V), Tuesday and Thursday afternoons into the evening (R)
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000401', '7a0d9a52-2c51-4c1e-9d4e-000000000004', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 1, '09:00', '17:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000402', '7a0d9a52-2c51-4c1e-9d4e-000000000004', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 2, '12:00', '20:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000403', '7a0d9a52-2c51-4c1e-9d4e-000000000004', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 4, '12:00', '20:00', '2026-01-01'),
    -- Marcus Chen: Wednesday (R), Friday (V), Saturday (R)
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000501', '7a0d9a52-2c51-4c1e-9d4e-000000000005', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 3, '09:00', '17:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000502', '7a0d9a52-2c51-4c1e-9d4e-000000000005', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 5, '09:00', '17:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000503', '7a0d9a52-2c51-4c1e-9d4e-000000000005', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 6, '09:00', '15:00', '2026-01-01'),
    -- Jordan Tremblay: Monday (V), Wednesday (R), Thursday (V)
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000601', '7a0d9a52-2c51-4c1e-9d4e-000000000006', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 1, '09:00', '15:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000602', '7a0d9a52-2c51-4c1e-9d4e-000000000006', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 3, '12:00', '18:00', '2026-01-01'),
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000603', '7a0d9a52-2c51-4c1e-9d4e-000000000006', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 4, '12:00', '18:00', '2026-01-01');
