package ca.bim.clinic.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void addsOnlyTheFiltersThatHaveAValue() {
        Where where = new Where("active = true")
                .and("name = :name", "name", null)
                .and("code in :codes", "codes", List.of("a", "b"));

        assertThat(where).hasToString("active = true and code in :codes");
        assertThat(where.parameters()).containsExactlyEntriesOf(Map.of("codes", List.of("a", "b")));
    }

    @Test
    void unconditionalFiltersTakeTheirParametersSeparately() {
        Where where = new Where("status in :statuses").with("statuses", List.of("BOOKED"))
                .and("startsAt >= :from").with("from", 5);

        assertThat(where).hasToString("status in :statuses and startsAt >= :from");
        assertThat(where.parameters()).containsOnlyKeys("statuses", "from").containsEntry("from", 5);
    }

    @Test
    void withoutFiltersOnlyTheFixedPartRemains() {
        Where where = new Where("1 = 1").and("clientId = :client", "client", null);

        assertThat(where).hasToString("1 = 1");
        assertThat(where.parameters()).isEmpty();
    }
}
