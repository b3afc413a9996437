/** Tests every payment processor adapter must pass, whatever the processor behind it. */
package org.paydesk.adapters.processor;
