/**
 * Paydesk's benchmark (issue 3): the provisioned server under closed- and open-model payment load, against a
 * plain-JDBC baseline that commits the same rows on the same kind of database. Not part of the product; nothing
 * depends on it. Start with {@link org.paydesk.bench.Benchmark}.
 */
package org.paydesk.bench;
