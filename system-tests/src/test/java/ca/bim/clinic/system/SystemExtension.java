package ca.bim.clinic.system;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.restassured.RestAssured;

/**
 * Starts the {@link RunningSystem} once for all system test classes (in the root store, which JUnit closes at the
 * end of the run, also after failures), points REST Assured at the gateway, and hands the system to test methods
 * that ask for it.
 */
public class SystemExtension implements BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SystemExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        RunningSystem system = system(context);
        RestAssured.baseURI = system.gatewayUrl();
        RestAssured.port = -1;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    static RunningSystem system(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningSystem.class, type -> new RunningSystem().start(), RunningSystem.class);
    }
}
