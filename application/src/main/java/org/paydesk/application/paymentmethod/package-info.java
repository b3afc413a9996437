/** Payment-method use cases. */
package org.paydesk.application.paymentmethod;
