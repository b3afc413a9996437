/** The in-process sandbox processor: answers like Stripe's test mode and accepts only Stripe's test numbers. */
package org.paydesk.adapters.processor.sandbox;
