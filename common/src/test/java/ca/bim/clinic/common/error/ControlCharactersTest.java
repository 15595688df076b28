package ca.bim.clinic.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkiverse.resteasy.problem.InstanceUtils;

class ControlCharactersTest {

    @Test
    void nulAndEveryC0CharacterAndDeleteAreControl() {
        for (char c = 0; c < 0x20; c++) {
            assertThat(ControlCharacters.isControl(c)).as("U+%04X", (int) c).isTrue();
        }
        assertThat(ControlCharacters.isControl('\u007f')).isTrue();
    }

    @Test
    void printableAndNonAsciiCharactersAreNotControl() {
        assertThat(ControlCharacters.containsAny("plantar-fasciitis ~!%é€ 😀")).isFalse();
        assertThat(ControlCharacters.containsAny(null)).isFalse();
    }

    @Test
    void controlCharactersAnywhereAreFound() {
        assertThat(ControlCharacters.containsAny("abc\u0000")).isTrue();
        assertThat(ControlCharacters.containsAny("\tabc")).isTrue();
        assertThat(ControlCharacters.containsAny("a\u001fb")).isTrue();
    }

    @Test
    void escapingWritesControlCharactersAsPercentEncodings() {
        assertThat(ControlCharacters.escape("/api/v1/injuries/a\u0000b\n\u007f"))
                .isEqualTo("/api/v1/injuries/a%00b%0A%7F");
        assertThat(ControlCharacters.escape("/plain")).isEqualTo("/plain");
    }

    @Test
    void instanceIsWrittenAsThePathWithControlCharactersEscaped() {
        assertThat(InstanceUtils.instanceToPath(ControlCharacters.toInstance("/api/v1/injuries/x\u0000")))
                .isEqualTo("/api/v1/injuries/x%00");
    }

    @Test
    void instanceOfAnAlreadyEncodedPathIsWrittenUnchanged() {
        assertThat(InstanceUtils.instanceToPath(ControlCharacters.toInstance("/api/v1/injuries/a%00b%20c")))
                .isEqualTo("/api/v1/injuries/a%00b%20c");
    }
}
