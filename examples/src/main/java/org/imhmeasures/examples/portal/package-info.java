/**
 * A portal-backend example: {@link org.imhmeasures.examples.portal.PortalServer} accepts a submission
 * over HTTP with the JDK's {@code HttpServer} and answers 201 with scores or 422 with every violation.
 */
package org.imhmeasures.examples.portal;
