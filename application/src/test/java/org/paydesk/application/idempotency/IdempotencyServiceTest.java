package org.paydesk.application.idempotency;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.domain.testdata.Refusals.assertRefused;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paydesk.application.fake.InMemoryIdempotencyStore;
import org.paydesk.application.fake.SettableTimeSource;
import org.paydesk.application.idempotency.port.in.IdempotencyClaim;
import org.paydesk.application.idempotency.port.in.StoredResponse;
import org.paydesk.application.idempotency.port.out.IdempotencyRecord;
import org.paydesk.application.idempotency.port.out.IdempotencyStore;
import org.paydesk.application.shared.ConflictException;

class IdempotencyServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    private static final String SCOPE = "carla.cashier POST /payments";
    private static final String KEY = "5f0c6a52-1b7e-4c1a-9d1e-2f9a3c4b5d6e";
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json", "/api/v1/payments/7",
            "{\"id\":7,\"status\":\"SUCCEEDED\"}");

    private final SettableTimeSource time = new SettableTimeSource(START);
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final IdempotencyService service = new IdempotencyService(store, time);

    @Test
    void the_first_claim_of_a_key_owns_it_and_stores_it_as_running() {
        IdempotencyClaim claim = service.claim(SCOPE, KEY, "sha256:body-a");

        IdempotencyRecord record = store.find(SCOPE, KEY).orElseThrow();
        assertAll(
                () -> assertFalse(claim.isReplay()),
                () -> assertEquals(IdempotencyClaim.owned(), claim),
                () -> assertEquals("sha256:body-a", record.fingerprint()),
                () -> assertEquals(START, record.lockedAt()),
                () -> assertFalse(record.completed()));
    }

    @Test
    void a_completed_key_claimed_again_with_the_same_request_replays_the_stored_response() {
        service.claim(SCOPE, KEY, "sha256:body-a");
        service.complete(SCOPE, KEY, CREATED);
        time.advance(Duration.ofHours(5));

        IdempotencyClaim again = service.claim(SCOPE, KEY, "sha256:body-a");

        assertAll(
                () -> assertTrue(again.isReplay()),
                () -> assertEquals(Optional.of(CREATED), again.replay()));
    }

    @Test
    void the_same_key_with_another_request_is_refused_as_reused_once_completed() {
        service.claim(SCOPE, KEY, "sha256:body-a");
        service.complete(SCOPE, KEY, CREATED);

        assertRefused("idempotency_key_reused", "Idempotency-Key",
                () -> service.claim(SCOPE, KEY, "sha256:body-b"));
        assertEquals(CREATED, store.find(SCOPE, KEY).orElseThrow().response(), "the first response is kept");
    }

    @Test
    void the_same_key_with_another_request_is_refused_as_reused_while_the_first_runs() {
        service.claim(SCOPE, KEY, "sha256:body-a");

        assertRefused("idempotency_key_reused", "Idempotency-Key",
                () -> service.claim(SCOPE, KEY, "sha256:body-b"));
    }

    @Test
    void the_same_request_while_the_first_is_still_running_within_its_lease_is_in_progress() {
        service.claim(SCOPE, KEY, "sha256:body-a");
        time.advance(Duration.ofSeconds(59).plusMillis(999));

        ConflictException busy = assertThrows(ConflictException.class,
                () -> service.claim(SCOPE, KEY, "sha256:body-a"));

        assertAll(
                () -> assertEquals("request_in_progress", busy.code()),
                () -> assertEquals("Idempotency-Key", busy.field()),
                () -> assertEquals(START, store.find(SCOPE, KEY).orElseThrow().lockedAt(), "the lease is not moved"));
    }

    @Test
    void a_request_left_running_for_longer_than_the_sixty_second_lease_is_taken_over() {
        service.claim(SCOPE, KEY, "sha256:body-a");
        Instant later = time.advance(Duration.ofSeconds(60).plusMillis(1));

        IdempotencyClaim takenOver = service.claim(SCOPE, KEY, "sha256:body-a");

        assertAll(
                () -> assertFalse(takenOver.isReplay()),
                () -> assertEquals(later, store.find(SCOPE, KEY).orElseThrow().lockedAt(), "a fresh lease"));
    }

    @Test
    void whoever_took_a_key_over_holds_it_for_a_new_lease() {
        service.claim(SCOPE, KEY, "sha256:body-a");
        time.advance(Duration.ofMinutes(5));
        service.claim(SCOPE, KEY, "sha256:body-a");
        time.advance(Duration.ofSeconds(10));

        ConflictException busy = assertThrows(ConflictException.class,
                () -> service.claim(SCOPE, KEY, "sha256:body-a"));
        assertEquals("request_in_progress", busy.code());
    }

    @Test
    void the_lease_is_sixty_seconds() {
        assertEquals(Duration.ofSeconds(60), IdempotencyService.LEASE);
    }

    @Test
    void a_key_is_scoped_so_another_caller_may_use_the_same_one() {
        service.claim(SCOPE, KEY, "sha256:body-a");

        IdempotencyClaim other = service.claim("someone.else POST /payments", KEY, "sha256:body-b");

        assertFalse(other.isReplay());
        assertEquals(2, store.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t  "})
    void a_blank_key_is_refused_and_nothing_is_stored(String blank) {
        assertRefused("invalid_idempotency_key", "Idempotency-Key", () -> service.claim(SCOPE, blank, "sha256:a"));
        assertEquals(0, store.size());
    }

    @Test
    void a_key_longer_than_255_characters_is_refused_and_one_of_255_is_accepted() {
        assertRefused("invalid_idempotency_key", "Idempotency-Key",
                () -> service.claim(SCOPE, "k".repeat(256), "sha256:a"));
        assertEquals(0, store.size());

        assertFalse(service.claim(SCOPE, "k".repeat(255), "sha256:a").isReplay());
        assertEquals(1, store.size());
    }

    @Test
    void completing_keeps_the_response_to_replay() {
        service.claim(SCOPE, KEY, "sha256:body-a");

        service.complete(SCOPE, KEY, CREATED);

        assertEquals(CREATED, store.find(SCOPE, KEY).orElseThrow().response());
    }

    @Test
    void release_deletes_the_key_so_the_request_may_be_sent_again_even_changed() {
        service.claim(SCOPE, KEY, "sha256:body-a");

        service.release(SCOPE, KEY);

        assertTrue(store.find(SCOPE, KEY).isEmpty());
        assertFalse(service.claim(SCOPE, KEY, "sha256:body-b").isReplay());
        assertEquals("sha256:body-b", store.find(SCOPE, KEY).orElseThrow().fingerprint());
    }

    @Test
    void a_key_released_between_the_insert_and_the_read_is_reported_in_progress_to_be_retried() {
        IdempotencyStore vanishing = new IdempotencyStore() {
            @Override
            public boolean insertIfAbsent(String scope, String key, String fingerprint, Instant now) {
                return false;
            }

            @Override
            public Optional<IdempotencyRecord> find(String scope, String key) {
                return Optional.empty();
            }

            @Override
            public boolean takeOver(String scope, String key, Instant staleBefore, Instant now) {
                throw new AssertionError("nothing to take over");
            }

            @Override
            public void complete(String scope, String key, StoredResponse response, Instant now) {
                throw new AssertionError("not completing");
            }

            @Override
            public void delete(String scope, String key) {
                throw new AssertionError("not deleting");
            }

            @Override
            public void insertWithin(String scope, String key, String fingerprint, Instant now) {
                throw new AssertionError("not claiming within a transaction");
            }

            @Override
            public void completeWithin(String scope, String key, StoredResponse response, Instant now) {
                throw new AssertionError("not completing");
            }
        };

        ConflictException busy = assertThrows(ConflictException.class,
                () -> new IdempotencyService(vanishing, time).claim(SCOPE, KEY, "sha256:a"));
        assertEquals("request_in_progress", busy.code());
    }
}
