package ca.bim.clinic.booking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.quarkus.scheduler.Scheduled;

/** What every scheduled job of this service declares, so a new job cannot forget it. */
@AnalyzeClasses(packages = "ca.bim.clinic.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class ScheduledJobsTest {

    /** A `${name:fallback}` expression: the fallback would be a second default beside the mapping's @WithDefault. */
    private static final Pattern INLINE_DEFAULT = Pattern.compile("\\$\\{[^}]*:");

    /**
     * Once shutdown has begun the database pool and the OIDC client close under a job that starts; the job would
     * fail and log an error although nothing is wrong.
     */
    @ArchTest
    static final ArchRule jobsDoNotStartWhileTheApplicationIsNotRunning = methods().that()
            .areAnnotatedWith(Scheduled.class)
            .should().beAnnotatedWith(scheduled("skips while the application is not running",
                    annotation -> annotation.get("skipExecutionIf")
                            .map(predicate -> ((JavaClass) predicate).isEquivalentTo(Scheduled.ApplicationNotRunning.class))
                            .orElse(false)));

    @ArchTest
    static final ArchRule periodsHaveNoInlineDefault = methods().that()
            .areAnnotatedWith(Scheduled.class)
            .should().beAnnotatedWith(scheduled("names its periods without an inline ${name:default}",
                    annotation -> List.of("every", "delayed", "cron").stream()
                            .map(property -> annotation.get(property).map(String.class::cast).orElse(""))
                            .noneMatch(value -> INLINE_DEFAULT.matcher(value).find())));

    private static DescribedPredicate<JavaAnnotation<?>> scheduled(String description,
            Predicate<JavaAnnotation<?>> test) {
        return DescribedPredicate.describe("@Scheduled that " + description,
                annotation -> annotation.getRawType().isEquivalentTo(Scheduled.class) && test.test(annotation));
    }
}
