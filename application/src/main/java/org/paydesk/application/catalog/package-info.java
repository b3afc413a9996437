/** The catalogue the e-commerce carts are priced from. */
package org.paydesk.application.catalog;
