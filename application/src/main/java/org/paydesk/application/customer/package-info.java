/** Customer use cases. */
package org.paydesk.application.customer;
