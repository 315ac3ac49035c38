/**
 * Implementation details shared inside measures-core. Not exported by the module: do not use.
 */
package org.imhmeasures.core.internal;
