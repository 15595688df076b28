package ca.bim.clinic.booking.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Resets {@link ClientServiceStub} before every {@code @QuarkusTest} method (before its {@code @BeforeEach}), so no
 * test sees standings, refusals or recorded requests another test left. Registered in
 * {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}.
 */
public class ResetBeforeEachTest implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ClientServiceStub.reset();
    }
}
