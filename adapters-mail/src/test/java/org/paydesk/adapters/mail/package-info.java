/** Tests of the mail adapter: templates and escaping, settings and wiring, the timer, and a real SMTP round trip. */
package org.paydesk.adapters.mail;
