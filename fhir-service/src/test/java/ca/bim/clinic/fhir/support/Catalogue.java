package ca.bim.clinic.fhir.support;

import java.util.UUID;

/** booking-service's demo catalogue as its native API returns it, stubbed for the tests. */
public final class Catalogue {

    public static final UUID RICHMOND = UUID.fromString("3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001");
    public static final UUID VANCOUVER = UUID.fromString("3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1002");
    public static final UUID LAWRENCE = UUID.fromString("7a0d9a52-2c51-4c1e-9d4e-000000000001");
    public static final UUID KIM = UUID.fromString("7a0d9a52-2c51-4c1e-9d4e-000000000003");
    public static final UUID SPORTS_60 = UUID.fromString("5e7b3c10-8f2a-4d6b-a1c3-000000000002");
    public static final UUID KINESIOLOGY_60 = UUID.fromString("5e7b3c10-8f2a-4d6b-a1c3-000000000007");

    public static final String RICHMOND_JSON = """
            {"id":"%s","code":"richmond","name":"Balance in Motion Richmond","address":"8171 Ackroyd Road",
             "city":"Richmond","province":"BC","phone":"604-271-7181","timeZone":"America/Vancouver"}"""
            .formatted(RICHMOND);

    public static final String LOCATIONS = """
            {"items":[%s,
              {"id":"%s","code":"vancouver","name":"Balance in Motion Vancouver","address":"1 Main Street",
               "city":"Vancouver","province":"BC","phone":"604-605-1550","timeZone":"America/Vancouver"}],
             "page":0,"size":100,"totalItems":2,"totalPages":1}""".formatted(RICHMOND_JSON, VANCOUVER);

    public static final String LAWRENCE_JSON = """
            {"id":"%s","name":"Lawrence Lam","discipline":"MASSAGE_THERAPY",
             "credentials":"Registered Massage Therapist (RMT)","bio":"Sports massage.","active":true}"""
            .formatted(LAWRENCE);

    public static final String KIM_JSON = """
            {"id":"%s","name":"Kim Ortega","discipline":"KINESIOLOGY","credentials":"BKin",
             "bio":"Assessments.","active":true}""".formatted(KIM);

    public static final String PRACTITIONERS = """
            {"items":[%s,%s],"page":0,"size":100,"totalItems":2,"totalPages":1}""".formatted(LAWRENCE_JSON, KIM_JSON);

    public static final String SPORTS_60_JSON = """
            {"id":"%s","code":"sports-massage-60","name":"Sports Massage, 60 minutes",
             "description":"Focused work on the muscles your sport loads.","durationMinutes":60,"bufferMinutes":15,
             "priceCad":125.00,"currency":"CAD","disciplines":["MASSAGE_THERAPY"],"onlineBookable":true,
             "active":true}""".formatted(SPORTS_60);

    public static final String TYPES = """
            {"items":[%s,
              {"id":"%s","code":"kinesiology-assessment-60","name":"Kinesiology Assessment, 60 minutes",
               "description":"Movement assessment.","durationMinutes":60,"bufferMinutes":0,"priceCad":110.00,
               "currency":"CAD","disciplines":["KINESIOLOGY"],"onlineBookable":true,"active":true}],
             "page":0,"size":100,"totalItems":2,"totalPages":1}""".formatted(SPORTS_60_JSON, KINESIOLOGY_60);

    public static final String LAWRENCE_SCHEDULES = """
            [{"id":"9d000000-0000-4000-8000-000000000001","practitionerId":"%1$s","locationId":"%2$s",
              "locationCode":"richmond","dayOfWeek":"MONDAY","startTime":"09:00:00","endTime":"17:00:00",
              "effectiveFrom":"2026-01-01","effectiveTo":null},
             {"id":"9d000000-0000-4000-8000-000000000002","practitionerId":"%1$s","locationId":"%2$s",
              "locationCode":"richmond","dayOfWeek":"TUESDAY","startTime":"09:00:00","endTime":"17:00:00",
              "effectiveFrom":"2026-01-01","effectiveTo":null}]""".formatted(LAWRENCE, RICHMOND);

    public static final String KIM_SCHEDULES = """
            [{"id":"9d000000-0000-4000-8000-000000000003","practitionerId":"%s","locationId":"%s",
              "locationCode":"vancouver","dayOfWeek":"WEDNESDAY","startTime":"10:00:00","endTime":"18:00:00",
              "effectiveFrom":"2026-01-01","effectiveTo":null}]""".formatted(KIM, VANCOUVER);

    private Catalogue() {
    }

    /** The public catalogue: locations, practitioners, their schedules and appointment types. */
    public static void stub() {
        Upstreams.json("/api/v1/locations", LOCATIONS);
        Upstreams.json("/api/v1/locations/" + RICHMOND, RICHMOND_JSON);
        Upstreams.json("/api/v1/practitioners", PRACTITIONERS);
        Upstreams.json("/api/v1/practitioners/" + LAWRENCE, LAWRENCE_JSON);
        Upstreams.json("/api/v1/practitioners/" + KIM, KIM_JSON);
        Upstreams.json("/api/v1/practitioners/" + LAWRENCE + "/schedules", LAWRENCE_SCHEDULES);
        Upstreams.json("/api/v1/practitioners/" + KIM + "/schedules", KIM_SCHEDULES);
        Upstreams.json("/api/v1/appointment-types", TYPES);
        Upstreams.json("/api/v1/appointment-types/sports-massage-60", SPORTS_60_JSON);
    }
}
