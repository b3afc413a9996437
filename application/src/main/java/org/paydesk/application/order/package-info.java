/** Order Entry: placing orders, Pay &amp; Confirm, confirming on account and cancelling. */
package org.paydesk.application.order;
