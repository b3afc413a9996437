package org.paydesk.application.cart;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paydesk.application.payment.PaymentDesk.CASHIER;
import static org.paydesk.domain.testdata.Payments.card;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paydesk.application.cart.port.in.CheckoutCommand;
import org.paydesk.application.cart.port.in.PaymentOptions;
import org.paydesk.application.idempotency.port.in.IdempotentAnswer;
import org.paydesk.application.order.OrderDesk;
import org.paydesk.application.shared.ConflictException;
import org.paydesk.application.shared.NotFoundException;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartStatus;
import org.paydesk.domain.customer.Customer;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.order.OrderSource;
import org.paydesk.domain.order.OrderStatus;
import org.paydesk.domain.order.SalesOrder;
import org.paydesk.domain.payment.Payment;
import org.paydesk.domain.payment.PaymentChannel;
import org.paydesk.domain.payment.PaymentMethod;
import org.paydesk.domain.payment.PaymentMethodType;
import org.paydesk.domain.payment.PaymentOutcome;
import org.paydesk.domain.payment.PaymentStatus;
import org.paydesk.domain.shared.DomainException;
import org.paydesk.domain.shared.Money;

class CheckoutTest {

    private static final PaymentMethod APPLE_PAY = new PaymentMethod(PaymentMethodType.APPLE_PAY, "pm_applepay_visa");

    private final OrderDesk desk = new OrderDesk();
    private final Customer buyer = desk.payments.customer();
    private Cart cart;

    @BeforeEach
    void aCartWithTwoLines() {
        desk.payments.processor.supporting(EnumSet.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY));
        desk.item("GLOVE-L", "4.50");
        desk.item("TAPE-50", "12.00");
        cart = desk.cartService.open(buyer.id(), CASHIER);
        desk.cartService.setQuantity(cart.id(), buyer.id(), "GLOVE-L", 10);
        cart = desk.cartService.setQuantity(cart.id(), buyer.id(), "TAPE-50", 2);
    }

    private IdempotentAnswer checkout(PaymentMethod method) {
        return desk.checkout.checkout(new CheckoutCommand(cart.id(), buyer.id(), method, null, false, CASHIER),
                desk.request(), desk.render);
    }

    private SalesOrder orderOfCart() {
        return desk.orders.find(desk.carts.find(cart.id()).orElseThrow().orderId()).orElseThrow();
    }

    @Test
    void theTotalIsPricedFromTheCatalogueAndFollowsQuantityChanges() {
        assertEquals(Money.parse("69.00", "USD"), cart.total());

        Cart changed = desk.cartService.setQuantity(cart.id(), buyer.id(), "GLOVE-L", 1);
        Cart removed = desk.cartService.remove(cart.id(), buyer.id(), "TAPE-50");

        assertEquals(Money.parse("28.50", "USD"), changed.total());
        assertEquals(Money.parse("4.50", "USD"), removed.total());
    }

    @Test
    void aCardCheckoutMakesOneConfirmedPaidOrderFromTheCart() {
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        checkout(card());

        SalesOrder order = orderOfCart();
        Payment payment = desk.payments.payments.find(order.paymentId()).orElseThrow();
        assertAll(
                () -> assertEquals(CartStatus.CHECKED_OUT, desk.carts.find(cart.id()).orElseThrow().status()),
                () -> assertEquals(OrderSource.ECOMMERCE, order.source()),
                () -> assertEquals(OrderStatus.CONFIRMED, order.status()),
                () -> assertEquals(Money.parse("69.00", "USD"), order.total()),
                () -> assertEquals(Money.parse("69.00", "USD"), payment.amount()),
                () -> assertEquals(PaymentChannel.ECOMMERCE, payment.channel()),
                () -> assertEquals(2, order.lines().size()));
    }

    @Test
    void aWalletPaymentIsRecordedAsTheWallet() {
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));

        checkout(APPLE_PAY);

        Payment payment = desk.payments.payments.find(orderOfCart().paymentId()).orElseThrow();
        assertEquals(PaymentMethodType.APPLE_PAY, payment.method().type());
        assertEquals(PaymentStatus.SUCCEEDED, payment.status());
    }

    @Test
    void walletsAreOfferedWithCardOnlyWhenEnabledAndSupported() {
        PaymentOptions all = desk.cartService.paymentOptions(cart.id(), buyer.id());
        assertEquals(List.of(PaymentMethodType.APPLE_PAY, PaymentMethodType.GOOGLE_PAY),
                all.options().get(0).wallets());
        assertEquals(PaymentMethodType.CARD, all.options().get(0).type());
        assertTrue(all.options().get(1).wallets().isEmpty(), "no wallets with ACH");

        desk.cartService.enableWallets(Set.of(PaymentMethodType.GOOGLE_PAY), CASHIER);
        assertEquals(List.of(PaymentMethodType.GOOGLE_PAY),
                desk.cartService.paymentOptions(cart.id(), buyer.id()).options().get(0).wallets());

        desk.payments.processor.supporting(Set.of());
        assertTrue(desk.cartService.paymentOptions(cart.id(), buyer.id()).options().get(0).wallets().isEmpty(),
                "a wallet the processor cannot take is never offered");
    }

    @Test
    void aWalletNotEnabledIsRefusedBeforeAnythingChanges() {
        desk.cartService.enableWallets(Set.of(), CASHIER);

        DomainException refused = assertThrows(DomainException.class, () -> checkout(APPLE_PAY));

        assertEquals("wallet_not_enabled", refused.code());
        assertEquals(CartStatus.OPEN, desk.carts.find(cart.id()).orElseThrow().status());
        assertTrue(desk.payments.processor.requests().isEmpty());
    }

    @Test
    void cardAndAchAreNotWallets() {
        DomainException refused = assertThrows(DomainException.class,
                () -> desk.cartService.enableWallets(Set.of(PaymentMethodType.CARD), CASHIER));
        assertEquals("not_a_wallet", refused.code());
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        Cart empty = desk.cartService.open(buyer.id(), CASHIER);

        DomainException refused = assertThrows(DomainException.class, () -> desk.checkout.checkout(
                new CheckoutCommand(empty.id(), buyer.id(), card(), null, false, CASHIER), desk.request(),
                desk.render));

        assertEquals("cart_empty", refused.code());
        assertEquals(CartStatus.OPEN, desk.carts.find(empty.id()).orElseThrow().status());
    }

    @Test
    void afterADeclineTheSameOrderIsPaidAndTheCartIsNeverChargedTwice() {
        desk.payments.processor.answers(new PaymentOutcome.Declined("pi_1", desk.payments.doNotHonor()));
        checkout(card());
        SalesOrder first = orderOfCart();
        assertEquals(OrderStatus.OPEN, first.status());

        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_2"));
        checkout(card());
        ConflictException third = assertThrows(ConflictException.class, () -> checkout(card()));

        assertEquals(first.id(), orderOfCart().id(), "one order for the cart");
        assertEquals(OrderStatus.CONFIRMED, orderOfCart().status());
        assertEquals("order_already_paid", third.code());
        assertEquals(2, desk.payments.processor.requests().size(), "one decline, one charge");
    }

    @Test
    void aCheckedOutCartCannotChange() {
        desk.payments.processor.answers(new PaymentOutcome.Succeeded("pi_1"));
        checkout(card());

        DomainException refused = assertThrows(DomainException.class,
                () -> desk.cartService.setQuantity(cart.id(), buyer.id(), "GLOVE-L", 99));

        assertEquals("cart_checked_out", refused.code());
    }

    @Test
    void anotherBuyersCartIsNotFound() {
        CustomerId stranger = new CustomerId(4242);

        assertThrows(NotFoundException.class, () -> desk.cartService.get(cart.id(), stranger));
        assertThrows(NotFoundException.class, () -> desk.checkout.checkout(
                new CheckoutCommand(cart.id(), stranger, card(), null, false, CASHIER), desk.request(), desk.render));
        assertTrue(desk.payments.processor.requests().isEmpty());
    }

    @Test
    void quantitiesBelowOneAndUnknownItemsAreRefused() {
        assertEquals("invalid_quantity", assertThrows(DomainException.class,
                () -> desk.cartService.setQuantity(cart.id(), buyer.id(), "GLOVE-L", 0)).code());
        assertEquals("invalid_quantity", assertThrows(DomainException.class,
                () -> desk.cartService.setQuantity(cart.id(), buyer.id(), "GLOVE-L", -1)).code());
        assertEquals("item_not_found", assertThrows(DomainException.class,
                () -> desk.cartService.setQuantity(cart.id(), buyer.id(), "NOPE", 1)).code());
        assertEquals(Money.parse("69.00", "USD"), desk.cartService.get(cart.id(), buyer.id()).total());
    }
}
