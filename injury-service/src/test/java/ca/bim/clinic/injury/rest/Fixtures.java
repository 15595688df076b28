package ca.bim.clinic.injury.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.bim.clinic.testing.Tokens;

/**
 * Editors, clients and a valid entry body. The entry's wording shares no words with the search phrases under test,
 * so entries created by editing tests never disturb the ranking of the seeded ones.
 */
final class Fixtures {

    static final String THERAPIST = Tokens.of("lawrence", "sub-lawrence", "therapist");
    static final String ADMIN = Tokens.of("andrea", "sub-andrea", "admin");
    static final String CLIENT = Tokens.of("alice", "sub-alice", "client");
    static final String FRONT_DESK = Tokens.of("fran", "sub-fran", "front-desk");

    private Fixtures() {
    }

    static String uniqueSlug() {
        return "fixture-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> entry(String slug) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("slug", slug);
        entry.put("name", "Fixture condition " + slug.substring(slug.length() - 8));
        entry.put("aliases", List.of("Editorial fixture"));
        entry.put("bodyRegions", List.of("hip"));
        entry.put("summary", "Editorial fixture used to exercise the editing workflow.");
        entry.put("anatomy", "Imaginary tissue described for editorial checks.");
        entry.put("symptoms", List.of("Mild tingling that fades with warmth"));
        entry.put("causes", List.of("Long spells of sitting"));
        entry.put("treatments", List.of(Map.of("technique", "cupping", "purpose", "Loosens the tissue.")));
        entry.put("selfCare", List.of("Stand up every half hour"));
        entry.put("complications", List.of(Map.of("condition", "Stiffness", "description", "May linger for weeks.")));
        entry.put("seeADoctorIf", List.of("Numbness spreads"));
        entry.put("recommendedAppointmentTypes", List.of("massage-therapy-60"));
        entry.put("relations", List.of());
        entry.put("codes", List.of());
        entry.put("sources", List.of(Map.of("title", "Editorial test note", "publisher", "Balance in Motion",
                "author", "Platform team")));
        return entry;
    }
}
