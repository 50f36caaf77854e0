/**
 * Argument checks for record constructors (STYLE C10.2). A leaf: it imports no other driftlab package, so every
 * model package can check its records without depending on the config loader in {@code core.spec}.
 */
package org.driftlab.core.check;
