package ca.bim.clinic.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one layering every service follows, written once; each service's {@code LayeringTest} analyses its own
 * classes with these rules ({@code ArchTests.in(LayeringRules.class)}):
 * <pre>
 * rest (resources, request and response records, mapping)
 *   -> service (use cases, transactions, commands; no jakarta.ws.rs)
 *     -> domain (entities, value objects) and repository (Panache repositories)
 * </pre>
 * A feature package (booking's {@code events}, {@code webhooks}) has the same sub-packages and the same rule inside:
 * {@code booking.rest} and {@code booking.events.rest} are both the rest layer. {@code config} and {@code client}
 * are outside the layers (any layer may read configuration; the service layer calls other services through
 * {@code client}). A layer a service does not need may be absent (fhir-service keeps no data). The caller and the
 * problem types come from {@code common}.
 */
public final class LayeringRules {

    @ArchTest
    public static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("rest").definedBy(ownPackage("..rest.."))
            .layer("service").definedBy(ownPackage("..service.."))
            .layer("repository").definedBy(ownPackage("..repository.."))
            .layer("domain").definedBy(ownPackage("..domain.."))
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
            .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "repository");

    @ArchTest
    public static final ArchRule resourcesNeverTouchPersistence = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAPackage("..repository..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
            .because("resources call services; services own transactions and queries");

    @ArchTest
    public static final ArchRule servicesKnowNothingOfHttp = noClasses().that().resideInAPackage("..service..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .because("use cases are called and tested without HTTP");

    /** No two packages, at any depth, depend on each other. */
    @ArchTest
    public static final ArchRule noCyclesBetweenPackages = slices().matching("ca.bim.clinic.(**)")
            .should().beFreeOfCycles();

    private LayeringRules() {
    }

    /** A layer of the service itself; the kit ({@code common}, e.g. {@code common.rest.PageResponse}) serves all. */
    private static DescribedPredicate<JavaClass> ownPackage(String packageIdentifier) {
        return resideInAPackage(packageIdentifier).and(not(resideInAPackage("ca.bim.clinic.common..")))
                .as("in " + packageIdentifier);
    }
}
