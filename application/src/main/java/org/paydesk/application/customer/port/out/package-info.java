/** What the customer use cases need from the outside. */
package org.paydesk.application.customer.port.out;
