/** REST resources and wire formats: settings. The merchant's checkout settings (which wallets are offered). */
package org.paydesk.adapters.rest.settings;
