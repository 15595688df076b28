-- Demo data for development, tests and `./clinic up` only: fictional colleagues beside the practitioners named
-- in the clinic facts, so that both locations offer massage on every weekday, with their weekly schedules. The
-- production profile never applies this location (see booking-service's application.properties).
--
-- Repeatable and idempotent: it runs after every production migration (its own history table), so it is always
-- written against the current schema, and rows that already exist are left alone.
-- Subjects: the demo therapists of the development realm (keycloak/clinic-realm.json) who can sign in.
INSERT INTO practitioner (id, keycloak_username, display_name, discipline, credentials, bio, subject) VALUES
    ('7a0d9a52-2c51-4c1e-9d4e-000000000001', 'lawrence', 'Lawrence Lam', 'MASSAGE_THERAPY',
     'Registered Massage Therapist (RMT)',
     'Sports massage specialist with more than seven years in practice. Has worked with a baseball club, a soccer club and a women''s rugby sevens side, and also treats workplace and motor-vehicle injuries.', 'c1a1ce00-0000-4000-8000-000000000003'),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000002', 'aubrey', 'Aubrey Morrison', 'MASSAGE_THERAPY',
     'Licensed Massage Therapist (LMT), MS Sports Medicine, CSCS',
     'Massage therapist with a sports medicine degree and strength and conditioning certification, focused on runners and their overuse injuries.', 'c1a1ce00-0000-4000-8000-000000000004'),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000003', 'andrea', 'Andrea Lawson', 'KINESIOLOGY',
     'Kinesiologist, founder of Balance in Motion',
     'Founded Balance in Motion and has practised kinesiology since 2008: movement assessment, rehabilitation plans and training advice.', NULL),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000004', 'priya', 'Priya Sandhu', 'MASSAGE_THERAPY',
     'Registered Massage Therapist (RMT)',
     'Deep tissue and myofascial work for endurance athletes preparing for a race block.', NULL),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000005', 'marcus', 'Marcus Chen', 'MASSAGE_THERAPY',
     'Registered Massage Therapist (RMT)',
     'Combines soft tissue work, cupping and instrument-assisted techniques for lower-leg and foot complaints.', NULL),
    ('7a0d9a52-2c51-4c1e-9d4e-000000000006', 'jordan', 'Jordan Tremblay', 'KINESIOLOGY',
     'Kinesiologist',
     'Gait and mobility assessments with home exercise plans for runners returning from injury.', NULL)
ON CONFLICT (id) DO NOTHING;

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
    ('9c4e6f20-1b3d-4e5f-8a7b-000000000603', '7a0d9a52-2c51-4c1e-9d4e-000000000006', '3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 4, '12:00', '18:00', '2026-01-01')
ON CONFLICT (id) DO NOTHING;
