-- The therapist's stable Keycloak subject (sub). Usernames can be renamed or reused, so events and care relationships
-- downstream key on this id; the username stays for display only.
ALTER TABLE practitioner ADD COLUMN subject uuid UNIQUE;

