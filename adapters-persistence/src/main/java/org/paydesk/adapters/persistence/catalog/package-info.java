/** The catalogue in table {@code catalog_item}: items by SKU with the price Paydesk holds for them. */
package org.paydesk.adapters.persistence.catalog;
