/**
 * Child JVMs for the tools and tests beside the product: {@link org.driftlab.childjvm.ChildJvm} is the one
 * launcher the bench ({@code driftlab bench jvms}, {@code scale}, {@code sweep-memory}) and the system tests
 * use. A module of its own, depending on the JDK only, so that the bench and src-test share it while the
 * product (driftlab-cli and what it ships) depends on neither it nor the bench.
 */
package org.driftlab.childjvm;
