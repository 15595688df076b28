package ca.bim.clinic.injury.rest;

/** Example payloads of the OpenAPI document. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String SOURCES = """
            [{"title": "How Massage Can Help Common Running Injuries", "publisher": "Balance in Motion",
              "author": "Lawrence Lam, RMT"},
             {"title": "Will Massage Help your Running Injury?", "publisher": "Coastal Massage & Wellness",
              "author": "Aubrey Morrison, MS Sports Medicine, CSCS, LMT"}]""";

    static final String INJURY_REQUEST = """
            {"slug": "achilles-tendinitis", "name": "Achilles tendinitis",
             "aliases": ["Achilles tendonitis"], "bodyRegions": ["lower-leg", "ankle"],
             "summary": "Inflammation of the Achilles tendon, felt low in the calf or at the back of the ankle.",
             "anatomy": "The thickest tendon in the body, from the calf muscles to the heel.",
             "symptoms": ["The back of the ankle hurts during runs and keeps hurting after them"],
             "causes": ["Overtraining without enough rest", "Tight calf muscles", "Running on hard surfaces"],
             "treatments": [{"technique": "ice", "purpose": "Calms the acute inflammation first."},
                            {"technique": "cupping", "purpose": "Loosens the calf and draws blood to the tendon."}],
             "selfCare": ["Stretch the calves", "Keep enough rest days"],
             "complications": [{"condition": "Calf strain",
                                "description": "Training on an untreated Achilles can end in a strained calf."}],
             "seeADoctorIf": ["You felt a sudden snap at the back of the ankle"],
             "recommendedAppointmentTypes": ["sports-massage-60", "mobility-maker-75"],
             "relations": [{"slug": "plantar-fasciitis", "kind": "may-lead-to"}],
             "codes": [{"system": "ICD-10", "code": "M76.6", "display": "Achilles tendinitis"}],
             "sources": """ + SOURCES + "}";

    static final String INJURY = """
            {"id": "6b0e4d1a-2f0c-4c57-8d0e-1a2b3c4d0002", "slug": "achilles-tendinitis",
             "name": "Achilles tendinitis", "aliases": ["Achilles tendonitis", "Achilles tendinopathy"],
             "bodyRegions": ["lower-leg", "ankle"],
             "summary": "Inflammation of the Achilles tendon, which joins the calf to the heel.",
             "anatomy": "The thickest tendon in the body; it carries on into the plantar fascia.",
             "symptoms": ["Pain low in the calf or at the back of the ankle"],
             "causes": ["Overtraining without enough rest, the most common cause"],
             "treatments": [{"technique": "iastm",
                             "techniqueName": "Instrument-assisted soft tissue mobilization (IASTM)",
                             "purpose": "Scraping where the calf muscle turns into tendon."}],
             "selfCare": ["While the tendon is acutely inflamed: rest and ice."],
             "complications": [{"condition": "Calf strain",
                                "description": "Training on an untreated Achilles can end in a strained calf muscle."}],
             "seeADoctorIf": ["You cannot rise onto your toes or push off with that foot"],
             "recommendedAppointmentTypes": ["sports-massage-60", "mobility-maker-75", "sports-massage-30"],
             "recommendedCourse": null,
             "relatedInjuries": ["plantar-fasciitis"],
             "relations": [{"slug": "plantar-fasciitis", "name": "Plantar fasciitis", "kind": "continuous-with"},
                           {"slug": "plantar-fasciitis", "name": "Plantar fasciitis", "kind": "may-lead-to"}],
             "codes": [{"system": "ICD-10", "code": "M76.6", "display": "Achilles tendinitis"}],
             "sources": """ + SOURCES + """
            , "status": "published", "version": 0, "updatedAt": "2026-11-21T23:00:00Z",
             "disclaimer": \"""" + Disclaimer.TEXT + "\"}";

    static final String PAGE = """
            {"items": [{"slug": "it-band-syndrome", "name": "IT band syndrome",
                        "aliases": ["ITBS", "Iliotibial band syndrome"], "bodyRegions": ["hip", "thigh", "knee"],
                        "summary": "Irritation of the iliotibial band, felt as pain on the outside of the knee.",
                        "recommendedAppointmentTypes": ["sports-massage-60", "mobility-maker-75"],
                        "status": "published", "version": 0, "updatedAt": "2026-11-21T23:00:00Z",
                        "relevance": 0.7702, "disclaimer": \"""" + Disclaimer.TEXT + """
            "}], "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""";

    static final String REVISIONS = """
            {"items": [{"version": 1, "action": "published", "status": "published", "changedBy": "andrea-sub",
                        "changedAt": "2026-11-21T23:10:00Z", "content": """ + INJURY_REQUEST + """
            }], "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""";

    static final String TECHNIQUE = """
            {"slug": "cupping", "name": "Cupping",
             "description": "Cups placed on the skin create suction that lifts the tissue underneath.",
             "version": 0, "updatedAt": "2026-11-21T23:00:00Z", "disclaimer": \"""" + Disclaimer.TEXT + "\"}";

    static final String TECHNIQUE_REQUEST = """
            {"slug": "cupping", "name": "Cupping",
             "description": "Cups placed on the skin create suction that lifts the tissue underneath."}""";

    static final String TECHNIQUE_PAGE = "{\"items\": [" + TECHNIQUE
            + "], \"page\": 0, \"size\": 20, \"totalItems\": 1, \"totalPages\": 1}";

    static final String PRECONDITION_FAILED = """
            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
             "detail": "The resource has changed since ETag \\"abc\\" was read; fetch it again and reapply your change",
             "instance": "/api/v1/injuries/it-band-syndrome"}""";
    static final String PRECONDITION_REQUIRED = """
            {"type": "about:blank", "title": "Precondition Required", "status": 428,
             "detail": "Send If-Match with the ETag you last read, so a concurrent change is not overwritten",
             "instance": "/api/v1/injuries/it-band-syndrome"}""";
}
