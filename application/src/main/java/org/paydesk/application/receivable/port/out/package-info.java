/** What the invoice use cases need from the outside. */
package org.paydesk.application.receivable.port.out;
