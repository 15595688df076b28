-- The therapist's stable Keycloak subject (sub). Usernames can be renamed or reused, so events and care relationships
-- downstream key on this id; the username stays for display only.
ALTER TABLE practitioner ADD COLUMN subject uuid UNIQUE;

-- The demo therapists of the development realm (keycloak/clinic-realm.json).
UPDATE practitioner SET subject = 'c1a1ce00-0000-4000-8000-000000000003' WHERE keycloak_username = 'lawrence';
UPDATE practitioner SET subject = 'c1a1ce00-0000-4000-8000-000000000004' WHERE keycloak_username = 'aubrey';
