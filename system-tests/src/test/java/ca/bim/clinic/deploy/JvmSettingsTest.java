package ca.bim.clinic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every way of running a part gives its JVM explicit memory settings (issue 13): {@code ./clinic} a fixed heap, the
 * container images and the Kubernetes manifests a share of the container's limit, each with capped metaspace, code
 * cache, direct memory and thread stacks.
 */
class JvmSettingsTest {

    /** Non-heap areas that are capped everywhere; the heap is sized separately. */
    static final List<String> CAPS = List.of("-XX:MaxMetaspaceSize=", "-XX:ReservedCodeCacheSize=",
            "-XX:MaxDirectMemorySize=", "-Xss");

    @Test
    void clinicStartsEveryPartWithAHeapAndCaps() {
        String clinic = Repository.read(Path.of("clinic"));
        assertThat(clinic).contains("-XX:+UseSerialGC").containsPattern("gateway\\) printf .*-Xmx\\d+m")
                .containsPattern("\\*\\) printf .*-Xmx\\d+m");
        CAPS.forEach(flag -> assertThat(clinic).as(flag).contains(flag));
        assertThat(clinic).as("the java command line uses them")
                .containsPattern("java\" \"\\$\\{JVM_COMMON\\[@]}\"[^\\n]*\\n[^\\n]*\\$\\(jvm_options \"");
    }

    @Test
    void imagesSizeTheHeapFromTheContainerLimit() {
        for (String module : Repository.APPLICATIONS) {
            String dockerfile = Repository.read(Repository.dockerfile(module));
            String options = value(dockerfile, "ENV JAVA_OPTS_APPEND=\"([^\"]*)\"", module);
            assertContainerAware(module, options);
            assertThat(dockerfile).as(module).contains("ENV GC_CONTAINER_OPTIONS=\"-XX:+UseSerialGC\"");
        }
    }

    static void assertContainerAware(String module, String options) {
        assertThat(options).as(module).contains("-XX:MaxRAMPercentage=").doesNotContain("-Xmx");
        CAPS.forEach(flag -> assertThat(options).as(module + " " + flag).contains(flag));
    }

    /** The heap share of the limit plus the capped metaspace and code cache fit in the limit. */
    static void assertFitsTheLimit(String module, String options, long limitMiB) {
        double heap = limitMiB * Double.parseDouble(value(options, "-XX:MaxRAMPercentage=([0-9.]+)", module)) / 100;
        long metaspace = Long.parseLong(value(options, "-XX:MaxMetaspaceSize=(\\d+)m", module));
        long codeCache = Long.parseLong(value(options, "-XX:ReservedCodeCacheSize=(\\d+)m", module));
        assertThat(heap + metaspace + codeCache).as(module + ": heap, metaspace and code cache in a " + limitMiB + " MiB limit")
                .isLessThanOrEqualTo((double) limitMiB);
    }

    static String value(String text, String regex, String module) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(module + ": " + regex).isTrue();
        return matcher.group(1);
    }
}
