package ca.bim.clinic.injury.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.injury.domain.Injury;
import ca.bim.clinic.injury.domain.Technique;
import ca.bim.clinic.injury.rest.InjuryResponse.RelationView;
import ca.bim.clinic.injury.rest.InjuryResponse.TreatmentView;
import ca.bim.clinic.injury.service.InjuryService;

/**
 * Builds what a caller sees of an entry and its entity tag. Links to drafts are shown to editors only. The tag is a
 * digest of the exact representation, so it changes whenever anything the caller sees changes (a linked entry
 * being unpublished included), which a bare version number would miss.
 */
@ApplicationScoped
public class InjuryViews {

    @Inject InjuryService service;
    @Inject ObjectMapper json;

    public InjuryResponse detail(Injury injury, boolean editor) {
        Map<String, Technique> techniques = service.techniquesOf(injury.treatments);
        List<TreatmentView> treatments = injury.treatments.stream()
                .map(treatment -> new TreatmentView(treatment.technique(),
                        techniques.containsKey(treatment.technique()) ? techniques.get(treatment.technique()).name
                                : treatment.technique(),
                        treatment.purpose()))
                .toList();
        List<RelationView> relations = injury.relations.stream()
                .filter(relation -> editor || relation.related.isPublished())
                .map(relation -> new RelationView(relation.related.slug, relation.related.name, relation.kind.code()))
                .sorted(Comparator.comparing(RelationView::kind).thenComparing(RelationView::slug))
                .toList();
        List<String> related = relations.stream().map(RelationView::slug).distinct().sorted().toList();
        return new InjuryResponse(injury.id, injury.slug, injury.name, injury.aliases, injury.bodyRegions,
                injury.summary, injury.anatomy, injury.symptoms, injury.causes, treatments, injury.selfCare,
                injury.complications, injury.seeADoctorIf, injury.recommendedAppointmentTypes, injury.recommendedCourse,
                related, relations, injury.codes, injury.sources, injury.status.name(), injury.version, injury.updatedAt,
                Disclaimer.TEXT);
    }

    public EntityTag tag(Object representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(representation));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot tag the representation", e);
        }
    }

    public EntityTag editorTag(Injury injury) {
        return tag(detail(injury, true));
    }
}
