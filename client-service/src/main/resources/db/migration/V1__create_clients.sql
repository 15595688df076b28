-- Client profiles. A client with an account is linked to their Keycloak subject; walk-ins are not.
CREATE TABLE client (
    id                uuid PRIMARY KEY,
    keycloak_subject  varchar(64)  UNIQUE,
    first_name        varchar(100) NOT NULL,
    last_name         varchar(100) NOT NULL,
    preferred_name    varchar(100),
    email             varchar(254),
    phone             varchar(30),
    date_of_birth     date,
    status            varchar(16)  NOT NULL CHECK (status IN ('active', 'archived')),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0
);

CREATE INDEX client_last_name_idx ON client (lower(last_name));
