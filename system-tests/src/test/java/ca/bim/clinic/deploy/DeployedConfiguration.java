package ca.bim.clinic.deploy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides whether an application reads an environment variable that a deployment descriptor gives it. */
final class DeployedConfiguration {

    private static final Set<String> LAUNCHER_VARIABLES = Set.of("JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS");
    private static final Pattern REST_CLIENT_URL = Pattern.compile("QUARKUS_REST_CLIENT_(.+)_URL");

    private DeployedConfiguration() {
    }

    static boolean reads(String module, String variable) {
        if (Repository.propertyKeys(module).stream().map(Repository::environmentName).anyMatch(variable::equals)) {
            return true;
        }
        // The image's launcher (run-java.sh) reads these to build the java command line.
        if (LAUNCHER_VARIABLES.contains(variable)) {
            return Repository.read(Repository.dockerfile(module)).contains("run-java.sh");
        }
        // Extension settings that are read at run time even when application.properties leaves them at default.
        String pom = Repository.pom(module);
        if (variable.startsWith("QUARKUS_OIDC_")) {
            return pom.contains("<artifactId>quarkus-oidc</artifactId>");
        }
        if (variable.startsWith("QUARKUS_DATASOURCE_")) {
            return pom.contains("<artifactId>quarkus-jdbc-postgresql</artifactId>");
        }
        Matcher restClient = REST_CLIENT_URL.matcher(variable);
        if (restClient.matches()) {
            return Repository.restClientKeys(module).stream()
                    .anyMatch(key -> Repository.environmentName(key).equals(restClient.group(1).toUpperCase(Locale.ROOT)));
        }
        return false;
    }
}
