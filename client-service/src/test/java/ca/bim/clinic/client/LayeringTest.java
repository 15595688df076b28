package ca.bim.clinic.client;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import ca.bim.clinic.testing.LayeringRules;

/** The clinic's layering ({@link LayeringRules}) holds in this service's main classes. */
@AnalyzeClasses(packages = "ca.bim.clinic.client", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchTests layering = ArchTests.in(LayeringRules.class);
}
