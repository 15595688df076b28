package ca.bim.clinic.injury.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.injury.domain.Technique;
import ca.bim.clinic.injury.repository.InjuryRepository;
import ca.bim.clinic.injury.repository.TechniqueRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

@ApplicationScoped
public class TechniqueService {

    @Inject TechniqueRepository techniques;
    @Inject InjuryRepository injuries;
    @Inject Clock clock;

    public Optional<Technique> find(String slug) {
        return techniques.findBySlug(slug);
    }

    /** All techniques by name (then slug), for paging. */
    public PanacheQuery<Technique> listByName() {
        return techniques.findAllByName();
    }

    @Transactional
    public Technique create(@NotNull @Valid TechniqueRequest request) {
        String taken = "A technique with slug '" + request.slug() + "' already exists";
        Technique technique = SlugIndex.newEntry(techniques, new Technique(), request.slug(), taken);
        technique.name = request.name();
        technique.description = request.description();
        technique.updatedAt = now();
        SlugIndex.persistNew(techniques, technique, taken);
        return technique;
    }

    @Transactional
    public Technique update(String slug, @NotNull @Valid TechniqueRequest request, Consumer<Technique> precondition) {
        if (!slug.equals(request.slug())) {
            throw DomainException.unprocessable("The slug of a technique cannot change: the body says '"
                    + request.slug() + "' for technique '" + slug + "'");
        }
        Technique technique = locked(slug, precondition);
        technique.name = request.name();
        technique.description = request.description();
        technique.updatedAt = now();
        techniques.flush();
        return technique;
    }

    @Transactional
    public void delete(String slug, Consumer<Technique> precondition) {
        Technique technique = locked(slug, precondition);
        if (injuries.anyUsesTechnique(slug)) {
            throw DomainException.conflict("Technique '" + slug + "' is used by injury entries; remove it from "
                    + "their treatments first");
        }
        techniques.delete(technique);
    }

    private Technique locked(String slug, Consumer<Technique> precondition) {
        Technique technique = techniques.findBySlugForUpdate(slug)
                .orElseThrow(() -> new NotFound("No technique '" + slug + "'"));
        precondition.accept(technique);
        return technique;
    }

    /** Truncated to what PostgreSQL stores, so a representation built now equals the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
