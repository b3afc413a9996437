/** Invoice use cases. */
package org.paydesk.application.receivable;
