/**
 * A small service that breaks every architecture rule once, so that the rules are shown to fail:
 * its features {@code orders} and {@code billing} depend on each other, billing uses a web class of
 * orders and the experiment service's code and has a controller outside a web package, and a
 * controller answers with an entity.
 */
package io.s2l.archfixture;
