package ca.bim.clinic.injury.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.injury.domain.Injury;
import ca.bim.clinic.injury.domain.InjuryRevision;
import ca.bim.clinic.injury.domain.InjurySearch.SearchCriteria;
import ca.bim.clinic.injury.domain.InjurySearch.SearchPage;
import ca.bim.clinic.injury.domain.InjuryStatus;
import ca.bim.clinic.injury.domain.Relation;
import ca.bim.clinic.injury.domain.RelationKind;
import ca.bim.clinic.injury.domain.RevisionAction;
import ca.bim.clinic.injury.domain.Technique;
import ca.bim.clinic.injury.domain.Treatment;
import ca.bim.clinic.injury.repository.InjuryRepository;
import ca.bim.clinic.injury.repository.InjuryRevisionRepository;
import ca.bim.clinic.injury.repository.TechniqueRepository;

/**
 * Editing use cases of the catalogue. Every change is written together with its revision in one transaction; a
 * change to an existing entry locks it first, so the caller's precondition (If-Match) holds until commit.
 */
@ApplicationScoped
public class InjuryService {

    private static final TypeReference<Map<String, Object>> CONTENT = new TypeReference<>() {
    };

    @Inject InjuryRepository injuries;
    @Inject TechniqueRepository techniques;
    @Inject InjuryRevisionRepository revisions;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    public Optional<Injury> find(String slug) {
        return injuries.findBySlug(slug);
    }

    /** One page of entries matching the criteria (best match first for a text query, else by name). */
    public SearchPage search(SearchCriteria criteria, int page, int size) {
        return injuries.search(criteria, page, size);
    }

    @Transactional
    public Injury create(@NotNull @Valid InjuryRequest request, String actor) {
        String taken = "An injury entry with slug '" + request.slug() + "' already exists";
        Injury injury = SlugIndex.newEntry(injuries, new Injury(), request.slug(), taken);
        injury.status = InjuryStatus.draft;
        apply(request, injury);
        SlugIndex.persistNew(injuries, injury, taken);
        record(injury, RevisionAction.created, actor);
        return injury;
    }

    @Transactional
    public Injury update(String slug, @NotNull @Valid InjuryRequest request, Consumer<Injury> precondition,
            String actor) {
        if (!slug.equals(request.slug())) {
            throw DomainException.unprocessable("The slug of an entry cannot change: the body says '" + request.slug()
                    + "' for entry '" + slug + "'");
        }
        Injury injury = lockedEntry(slug, precondition);
        apply(request, injury);
        injuries.flush();
        record(injury, RevisionAction.updated, actor);
        return injury;
    }

    @Transactional
    public Injury publish(String slug, Consumer<Injury> precondition, String actor) {
        return changeStatus(slug, InjuryStatus.published, RevisionAction.published, precondition, actor);
    }

    @Transactional
    public Injury unpublish(String slug, Consumer<Injury> precondition, String actor) {
        return changeStatus(slug, InjuryStatus.draft, RevisionAction.unpublished, precondition, actor);
    }

    @Transactional
    public void delete(String slug, Consumer<Injury> precondition, String actor) {
        Injury injury = lockedEntry(slug, precondition);
        record(injury, RevisionAction.deleted, actor);
        injuries.delete(injury);
    }

    public List<InjuryRevision> revisions(UUID injuryId, int page, int size) {
        return revisions.findByInjury(injuryId).page(page, size).list();
    }

    public long revisionCount(UUID injuryId) {
        return revisions.findByInjury(injuryId).count();
    }

    private Injury changeStatus(String slug, InjuryStatus target, RevisionAction action, Consumer<Injury> precondition,
            String actor) {
        Injury injury = lockedEntry(slug, precondition);
        if (injury.status == target) {
            throw DomainException.conflict("Injury entry '" + slug + "' is already " + target);
        }
        injury.status = target;
        injury.updatedAt = now();
        injuries.flush();
        record(injury, action, actor);
        return injury;
    }

    private Injury lockedEntry(String slug, Consumer<Injury> precondition) {
        Injury injury = injuries.findBySlugForUpdate(slug)
                .orElseThrow(() -> new NotFound("No injury entry '" + slug + "'"));
        precondition.accept(injury);
        return injury;
    }

    /** Queries first, then changes: a query after a change would auto-flush and count the change twice. */
    private void apply(InjuryRequest request, Injury injury) {
        requireKnownTechniques(request.treatments());
        Set<Relation> relations = relations(request.relations(), injury.slug);
        injury.name = request.name();
        injury.aliases = List.copyOf(request.aliases());
        injury.bodyRegions = List.copyOf(new LinkedHashSet<>(request.bodyRegions()));
        injury.summary = request.summary();
        injury.anatomy = request.anatomy();
        injury.symptoms = List.copyOf(request.symptoms());
        injury.causes = List.copyOf(request.causes());
        injury.treatments = List.copyOf(request.treatments());
        injury.selfCare = List.copyOf(request.selfCare());
        injury.complications = List.copyOf(request.complications());
        injury.seeADoctorIf = List.copyOf(request.seeADoctorIf());
        injury.recommendedAppointmentTypes = List.copyOf(new LinkedHashSet<>(request.recommendedAppointmentTypes()));
        injury.recommendedCourse = request.recommendedCourse();
        injury.codes = List.copyOf(request.codes());
        injury.sources = List.copyOf(request.sources());
        injury.relations.retainAll(relations);
        injury.relations.addAll(relations);
        injury.updatedAt = now();
    }

    private void requireKnownTechniques(List<Treatment> treatments) {
        Set<String> wanted = treatments.stream().map(Treatment::technique).collect(Collectors.toSet());
        Set<String> known = techniques.findBySlugs(wanted).stream().map(technique -> technique.slug)
                .collect(Collectors.toSet());
        Set<String> unknown = new HashSet<>(wanted);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw DomainException.unprocessable("Unknown technique(s) " + unknown.stream().sorted().toList()
                    + "; see /api/v1/techniques");
        }
    }

    private Set<Relation> relations(List<RelationRequest> requested, String ownSlug) {
        Set<String> slugs = requested.stream().map(RelationRequest::slug).collect(Collectors.toSet());
        if (slugs.contains(ownSlug)) {
            throw DomainException.unprocessable("An entry cannot be related to itself");
        }
        Map<String, Injury> targets = injuries.findBySlugs(slugs).stream()
                .collect(Collectors.toMap(injury -> injury.slug, Function.identity()));
        Set<String> unknown = new HashSet<>(slugs);
        unknown.removeAll(targets.keySet());
        if (!unknown.isEmpty()) {
            throw DomainException.unprocessable("Unknown related entry(ies) " + unknown.stream().sorted().toList());
        }
        return requested.stream()
                .map(relation -> new Relation(targets.get(relation.slug()),
                        RelationKind.fromCode(relation.kind()).orElseThrow()))
                .collect(Collectors.toSet());
    }

    private void record(Injury injury, RevisionAction action, String actor) {
        InjuryRevision revision = new InjuryRevision();
        revision.id = UUID.randomUUID();
        revision.injuryId = injury.id;
        revision.slug = injury.slug;
        revision.version = injury.version;
        revision.action = action;
        revision.status = injury.status;
        revision.content = json.convertValue(InjuryRequest.of(injury), CONTENT);
        revision.changedBy = actor;
        revision.changedAt = now();
        revisions.persist(revision);
    }

    /** The technique rows named by the given treatments, for showing their names. */
    public Map<String, Technique> techniquesOf(List<Treatment> treatments) {
        return techniques.findBySlugs(treatments.stream().map(Treatment::technique).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(technique -> technique.slug, Function.identity()));
    }

    /** Truncated to what PostgreSQL stores, so a representation built now equals the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
