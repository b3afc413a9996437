package org.paydesk.application.cart.port.in;

import java.util.Set;
import org.paydesk.application.shared.Actor;
import org.paydesk.domain.cart.Cart;
import org.paydesk.domain.cart.CartId;
import org.paydesk.domain.customer.CustomerId;
import org.paydesk.domain.payment.PaymentMethodType;

/**
 * A buyer's carts. Every method takes the customer the buyer acts for: another customer's cart is not found, never
 * shown.
 */
public interface CartUseCase {

    /** @throws org.paydesk.domain.shared.DomainException {@code customer_not_found} */
    Cart open(CustomerId owner, Actor actor);

    /** @throws org.paydesk.application.shared.NotFoundException no such cart of this owner */
    Cart get(CartId id, CustomerId owner);

    /**
     * Puts an item in the cart or changes its quantity, priced from the catalogue.
     *
     * @throws org.paydesk.domain.shared.DomainException {@code item_not_found}, {@code invalid_quantity},
     *     {@code cart_checked_out} ...
     */
    Cart setQuantity(CartId id, CustomerId owner, String sku, int quantity);

    /** @throws org.paydesk.domain.shared.DomainException {@code line_not_found}, {@code cart_checked_out} */
    Cart remove(CartId id, CustomerId owner, String sku);

    PaymentOptions paymentOptions(CartId id, CustomerId owner);

    /** The wallets the merchant enabled (Admin setting). */
    Set<PaymentMethodType> enabledWallets();

    /**
     * @throws org.paydesk.domain.shared.DomainException {@code not_a_wallet} for card or ACH,
     *     {@code wallet_not_supported} for a wallet the processor cannot take
     */
    Set<PaymentMethodType> enableWallets(Set<PaymentMethodType> wallets, Actor actor);
}
