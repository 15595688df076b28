-- 50,000 client profiles for the client-service benchmark (database client_bench). Idempotent: tops up to
-- 50,000. Last names combine 40 stems and 25 endings (1,000 names, 50 clients each), so a last-name search
-- returns a realistic handful and a three-letter prefix about 1,250. Each run starts from an empty access log
-- (TRUNCATE fires no row trigger, so the append-only rule still holds for the application).
TRUNCATE access_log;
INSERT INTO client (id, keycloak_subject, first_name, last_name, email, phone, date_of_birth, status,
                    created_at, updated_at, version)
SELECT gen_random_uuid(),
       NULL,
       (ARRAY['Alex','Sam','Jordan','Taylor','Morgan','Casey','Riley','Jamie','Avery','Quinn',
              'Harper','Rowan','Emerson','Finley','Hayden','Kai','Logan','Parker','Reese','Sage',
              'Mei','Ravi','Sofia','Mateo','Aiko','Omar','Lena','Noah','Priya','Liam',
              'Chloe','Ethan','Maya','Lucas','Zoe','Arjun','Nina','Leo','Ivy','Owen'])[1 + g % 40],
       (ARRAY['Ab','Bal','Car','Dun','El','Fer','Gar','Hal','Ing','Jen','Kal','Lam','Mor','Nak','Ol',
              'Par','Quin','Ros','Sal','Tan','Ur','Val','Wes','Yam','Zel','Bran','Chen','Dal','Est','Fitz',
              'Gold','Har','Iver','Kov','Lind','Mac','Nor','Pet','Ram','Stev'])[1 + g % 40]
       || (ARRAY['son','ley','ford','man','ton','wood','berg','ski','ova','ez','ini','ada','ura','sen',
                 'well','stein','ard','ick','ing','ridge','field','worth','ham','by','moto'])[1 + (g / 40) % 25],
       'client' || g || '@example.com',
       '604-555-' || lpad((g % 10000)::text, 4, '0'),
       date '1950-01-01' + (g * 7919 % 20000)::int,
       CASE WHEN g % 50 = 0 THEN 'archived' ELSE 'active' END,
       now(), now(), 0
FROM generate_series((SELECT count(*) FROM client) + 1, 50000) AS g;
ANALYZE client;
