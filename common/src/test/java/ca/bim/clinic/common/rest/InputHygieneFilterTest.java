package ca.bim.clinic.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputHygieneFilterTest {

    @Test
    void pagesUpToTheBoundAreServed() {
        assertThat(InputHygieneFilter.beyondPageBound("0")).isFalse();
        assertThat(InputHygieneFilter.beyondPageBound(String.valueOf(PageRequest.MAX_PAGE))).isFalse();
        assertThat(InputHygieneFilter.beyondPageBound(null)).isFalse();
    }

    @Test
    void pagesPastTheBoundAreRejectedHoweverLarge() {
        assertThat(InputHygieneFilter.beyondPageBound(String.valueOf(PageRequest.MAX_PAGE + 1))).isTrue();
        assertThat(InputHygieneFilter.beyondPageBound("21474837")).isTrue();
        assertThat(InputHygieneFilter.beyondPageBound("99999999999999999999999")).isTrue();
    }

    @Test
    void thingsThatAreNotPageNumbersAreLeftToTheConverterAndValidation() {
        assertThat(InputHygieneFilter.beyondPageBound("abc")).isFalse();
        assertThat(InputHygieneFilter.beyondPageBound("-1")).isFalse();
    }

    @Test
    void theBoundKeepsTheRowOffsetFarFromIntOverflow() {
        assertThat((long) PageRequest.MAX_PAGE * PageRequest.MAX_SIZE).isLessThan(Integer.MAX_VALUE / 100);
    }
}
