/**
 * Small synthetic class sets, each a root with "modules" below it, on which {@code ModuleBoundariesTest} proves that
 * the module rules catch each kind of break. Never part of the real module graph (test classes are not imported).
 */
package org.verso.boundaryfixtures;
