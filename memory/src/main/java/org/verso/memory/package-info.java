/**
 * Translation memory: approved and imported source/target units with their provenance, fuzzy matching over an
 * in-process candidate index, TMX 1.4b import and export, and leverage per translation. Uses no engine.
 */
package org.verso.memory;
