/** What Order Entry needs: a store of orders. */
package org.paydesk.application.order.port.out;
