-- The running-injury catalogue: techniques, injury entries, the links between entries, and every entry's
-- revision history. Lists of plain text are text[]; structured lists (treatments, complications, codes,
-- sources) are jsonb arrays whose shape the service validates.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE technique (
    id          uuid PRIMARY KEY,
    slug        varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        varchar(120) NOT NULL,
    description text         NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE injury (
    id                            uuid PRIMARY KEY,
    slug                          varchar(80)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                          varchar(120) NOT NULL,
    aliases                       text[]       NOT NULL DEFAULT '{}',
    body_regions                  text[]       NOT NULL CHECK (cardinality(body_regions) > 0 AND body_regions
                                      <@ ARRAY['low-back', 'hip', 'thigh', 'knee', 'lower-leg', 'ankle', 'foot']),
    summary                       text         NOT NULL,
    anatomy                       text         NOT NULL,
    symptoms                      text[]       NOT NULL,
    causes                        text[]       NOT NULL,
    treatments                    jsonb        NOT NULL CHECK (jsonb_typeof(treatments) = 'array'),
    self_care                     text[]       NOT NULL,
    complications                 jsonb        NOT NULL CHECK (jsonb_typeof(complications) = 'array'),
    see_a_doctor_if               text[]       NOT NULL,
    recommended_appointment_types text[]       NOT NULL,
    codes                         jsonb        NOT NULL CHECK (jsonb_typeof(codes) = 'array'),
    sources                       jsonb        NOT NULL CHECK (jsonb_typeof(sources) = 'array'),
    status                        varchar(16)  NOT NULL CHECK (status IN ('draft', 'published')),
    version                       bigint       NOT NULL DEFAULT 0,
    updated_at                    timestamptz  NOT NULL DEFAULT now(),
    -- Maintained by the trigger below; never written by the service.
    search_vector                 tsvector     NOT NULL DEFAULT ''::tsvector,
    search_names                  text         NOT NULL DEFAULT ''
);

-- Runners search with the words they feel, so symptoms weigh as much as names and aliases.
CREATE FUNCTION injury_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_names := NEW.name || ' ' || array_to_string(NEW.aliases, ' ');
    NEW.search_vector :=
        setweight(to_tsvector('english', NEW.search_names), 'A') ||
        setweight(to_tsvector('english', array_to_string(NEW.symptoms, ' ')), 'A') ||
        setweight(to_tsvector('english', replace(array_to_string(NEW.body_regions, ' '), '-', ' ') || ' '
            || NEW.summary), 'B') ||
        setweight(to_tsvector('english', NEW.anatomy || ' ' || array_to_string(NEW.causes, ' ')), 'C') ||
        setweight(jsonb_to_tsvector('english', NEW.treatments, '["string"]') ||
                  jsonb_to_tsvector('english', NEW.complications, '["string"]') ||
                  to_tsvector('english', array_to_string(NEW.self_care, ' ')), 'D');
    RETURN NEW;
END
$$;

CREATE TRIGGER injury_search_document BEFORE INSERT OR UPDATE ON injury
    FOR EACH ROW EXECUTE FUNCTION injury_search_document();

-- Any-word query from free text: stems the words, drops stop words, ORs what is left. NULL when nothing is left.
CREATE FUNCTION injury_search_query(input text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | '))
    FROM unnest(tsvector_to_array(to_tsvector('english', input))) AS lexeme
$$;

CREATE INDEX injury_search_vector_idx ON injury USING gin (search_vector);
CREATE INDEX injury_search_names_trgm_idx ON injury USING gin (search_names gin_trgm_ops);
CREATE INDEX injury_body_regions_idx ON injury USING gin (body_regions);
CREATE INDEX injury_status_name_idx ON injury (status, name);

-- Links between entries are data: "may-lead-to" is directed, "continuous-with" and "related" are stored both ways.
CREATE TABLE injury_relation (
    injury_id  uuid        NOT NULL REFERENCES injury (id) ON DELETE CASCADE,
    related_id uuid        NOT NULL REFERENCES injury (id) ON DELETE CASCADE,
    kind       varchar(32) NOT NULL CHECK (kind IN ('may-lead-to', 'continuous-with', 'related')),
    PRIMARY KEY (injury_id, related_id, kind),
    CHECK (injury_id <> related_id)
);
CREATE INDEX injury_relation_related_idx ON injury_relation (related_id);

-- One row per change. No foreign key: the history of a deleted entry is kept for audit.
CREATE TABLE injury_revision (
    id         uuid PRIMARY KEY,
    injury_id  uuid         NOT NULL,
    slug       varchar(80)  NOT NULL,
    version    bigint       NOT NULL,
    action     varchar(16)  NOT NULL CHECK (action IN ('created', 'updated', 'published', 'unpublished', 'deleted')),
    status     varchar(16)  NOT NULL CHECK (status IN ('draft', 'published')),
    content    jsonb        NOT NULL,
    changed_by varchar(255) NOT NULL,
    changed_at timestamptz  NOT NULL
);
CREATE INDEX injury_revision_injury_idx ON injury_revision (injury_id, changed_at);
