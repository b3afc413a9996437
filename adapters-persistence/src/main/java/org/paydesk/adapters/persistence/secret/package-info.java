/**
 * Link secrets from the JDK's CSPRNG. Here rather than in the web module because CDI beans in the EAR's library
 * jars cannot see beans in the WAR, as for the clock.
 */
package org.paydesk.adapters.persistence.secret;
