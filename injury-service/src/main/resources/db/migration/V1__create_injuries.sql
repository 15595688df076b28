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
    search_vector                 tsvector     NOT NULL DEFAULT ''::tsvector
);

-- Every word the catalogue uses, so a misspelled query word can be mapped to the nearest real one by trigram
-- similarity (the word-list technique of the pg_trgm documentation). Grows with the catalogue; never shrinks, since
-- a word that no entry uses any more simply matches nothing.
CREATE TABLE search_word (
    word text PRIMARY KEY
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);

-- Runners search with the words they feel, so symptoms weigh as much as names and aliases.
CREATE FUNCTION injury_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    names text := NEW.name || ' ' || array_to_string(NEW.aliases, ' ');
    regions text := replace(array_to_string(NEW.body_regions, ' '), '-', ' ');
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', names), 'A') ||
        setweight(to_tsvector('english', array_to_string(NEW.symptoms, ' ')), 'A') ||
        setweight(to_tsvector('english', regions || ' ' || NEW.summary), 'B') ||
        setweight(to_tsvector('english', NEW.anatomy || ' ' || array_to_string(NEW.causes, ' ')), 'C') ||
        setweight(jsonb_to_tsvector('english', NEW.treatments, '["string"]') ||
                  jsonb_to_tsvector('english', NEW.complications, '["string"]') ||
                  to_tsvector('english', array_to_string(NEW.self_care, ' ')), 'D');
    INSERT INTO search_word (word)
    SELECT DISTINCT token
    FROM unnest(tsvector_to_array(to_tsvector('simple', concat_ws(' ', names, regions, NEW.summary, NEW.anatomy,
        array_to_string(NEW.symptoms, ' '), array_to_string(NEW.causes, ' '))))) AS token
    WHERE token ~ '^[a-z]{3,}$'
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;

CREATE TRIGGER injury_search_document BEFORE INSERT OR UPDATE ON injury
    FOR EACH ROW EXECUTE FUNCTION injury_search_document();

-- Any-word query from free text: a word of four letters or more that the catalogue never uses is joined by the
-- catalogue word most similar to it (trigram similarity of at least 0.5: "achiles" -> "achilles"); then the words
-- are stemmed, stop words dropped and what is left ORed. NULL when nothing is left.
-- PL/pgSQL rather than SQL so its statements are planned once per connection, not on every call.
CREATE FUNCTION injury_search_query(input text) RETURNS tsquery LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    words text[] := ARRAY[]::text[];
    token text;
    nearest text;
BEGIN
    FOREACH token IN ARRAY tsvector_to_array(to_tsvector('simple', input)) LOOP
        words := words || token;
        IF length(token) >= 4 AND NOT EXISTS (SELECT 1 FROM search_word WHERE word = token) THEN
            SELECT word INTO nearest FROM search_word
            WHERE word % token AND similarity(word, token) >= 0.5
            ORDER BY similarity(word, token) DESC, word
            LIMIT 1;
            IF nearest IS NOT NULL THEN
                words := words || nearest;
            END IF;
        END IF;
    END LOOP;
    RETURN (SELECT to_tsquery('simple', string_agg(DISTINCT quote_literal(lexeme), ' | '))
            FROM unnest(tsvector_to_array(to_tsvector('english', array_to_string(words, ' ')))) AS lexeme);
END
$$;

CREATE INDEX injury_search_vector_idx ON injury USING gin (search_vector);
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
