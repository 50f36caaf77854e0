/**
 * What marks an error as the user's: {@link org.driftlab.core.input.BadInputException}. A leaf package (it
 * imports nothing of driftlab), so readers of configs, series and flags in any package can throw it.
 */
package org.driftlab.core.input;
