/**
 * Real data sets shipped with driftlab, loaded from the classpath and verified against a pinned checksum before
 * use: a missing or corrupt copy is a {@link org.driftlab.core.input.BadInputException}, never used silently.
 */
package org.driftlab.core.data;
