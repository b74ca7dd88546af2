/**
 * Editions, print runs and their funders, stock ledger, recipients, requests, allocations, shipments and
 * receipts, and the donor reports built from them.
 */
package org.verso.distribution;
