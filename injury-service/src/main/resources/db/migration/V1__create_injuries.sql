-- The running-injury catalogue. Entries are published or kept as drafts by staff.
CREATE TABLE injury (
    id          uuid PRIMARY KEY,
    slug        varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(120) NOT NULL,
    summary     text         NOT NULL,
    status      varchar(16)  NOT NULL CHECK (status IN ('draft', 'published')),
    version     bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

-- Summaries are written in our own words from the facts of the two credited clinic articles.
INSERT INTO injury (id, slug, name, summary, status) VALUES
    ('6b0e4d1a-2f0c-4c57-8d0e-1a2b3c4d0001', 'it-band-syndrome', 'IT band syndrome',
     'Irritation of the iliotibial band, the fibrous band along the outside of the thigh, felt as pain on the outside of the knee or thigh that grows with running and other weight-bearing work.',
     'published'),
    ('6b0e4d1a-2f0c-4c57-8d0e-1a2b3c4d0002', 'achilles-tendinitis', 'Achilles tendinitis',
     'Inflammation of the Achilles tendon between the calf and the heel, felt low in the calf or at the back of the ankle during and after runs; it heals slowly because the tendon has little blood supply.',
     'published'),
    ('6b0e4d1a-2f0c-4c57-8d0e-1a2b3c4d0003', 'runners-knee', 'Runner''s knee (patellofemoral pain syndrome)',
     'Pain around or under the kneecap when the kneecap does not track well in the joint, usually driven by an imbalance between tight quadriceps and weak glutes.',
     'published'),
    ('6b0e4d1a-2f0c-4c57-8d0e-1a2b3c4d0004', 'plantar-fasciitis', 'Plantar fasciitis',
     'Sharp pain on the sole of the foot when standing or running, from strain on the plantar fascia, the sheet of tissue that supports the arch and continues into the Achilles tendon.',
     'published');
