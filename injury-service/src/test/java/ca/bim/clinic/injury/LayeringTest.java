package ca.bim.clinic.injury;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service follows: rest (resources, request and response records, mapping) -> service (use
 * cases, transactions, commands; no HTTP) -> domain and repository. config is shared by all layers.
 */
@AnalyzeClasses(packages = "ca.bim.clinic.injury", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("rest").definedBy("ca.bim.clinic.injury.rest..")
            .layer("service").definedBy("ca.bim.clinic.injury.service..")
            .layer("repository").definedBy("ca.bim.clinic.injury.repository..")
            .layer("domain").definedBy("ca.bim.clinic.injury.domain..")
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
            .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "repository");

    @ArchTest
    static final ArchRule resourcesNeverUseRepositories = noClasses()
            .that().resideInAPackage("ca.bim.clinic.injury.rest..")
            .should().dependOnClassesThat().resideInAPackage("ca.bim.clinic.injury.repository..");

    @ArchTest
    static final ArchRule servicesKnowNothingOfHttp = noClasses()
            .that().resideInAPackage("ca.bim.clinic.injury.service..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("ca.bim.clinic.injury.(*)..")
            .should().beFreeOfCycles();
}
