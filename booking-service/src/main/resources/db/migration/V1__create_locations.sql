-- Clinic locations. Local times of a location are always computed in its IANA zone.
CREATE TABLE location (
    id          uuid PRIMARY KEY,
    code        varchar(40)  NOT NULL UNIQUE,
    name        varchar(120) NOT NULL,
    address     varchar(200) NOT NULL,
    city        varchar(80)  NOT NULL,
    province    varchar(2)   NOT NULL,
    phone       varchar(20)  NOT NULL,
    time_zone   varchar(40)  NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    version     bigint       NOT NULL DEFAULT 0
);

-- Street addresses are placeholders until the clinic confirms them; phones are the published ones.
INSERT INTO location (id, code, name, address, city, province, phone, time_zone) VALUES
    ('3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001', 'richmond',  'Balance in Motion Richmond',  'Address to be confirmed', 'Richmond',  'BC', '604-271-7181', 'America/Vancouver'),
    ('3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002', 'vancouver', 'Balance in Motion Vancouver', 'Address to be confirmed', 'Vancouver', 'BC', '604-605-1550', 'America/Vancouver');
