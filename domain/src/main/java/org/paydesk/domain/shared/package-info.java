/** The shared kernel: money and the error type every area uses to refuse a broken rule. */
package org.paydesk.domain.shared;
