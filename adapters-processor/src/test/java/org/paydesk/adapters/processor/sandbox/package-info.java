/** Tests of the sandbox processor, with a hand-run scheduler, a recording outcome use case and a fixed clock. */
package org.paydesk.adapters.processor.sandbox;
