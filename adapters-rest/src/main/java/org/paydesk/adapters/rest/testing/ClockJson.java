package org.paydesk.adapters.rest.testing;

/** Body of {@code POST /testing/clock/advance}, and the answer: the clock's time after the move. */
public record ClockJson(Long seconds, String now) {
}
