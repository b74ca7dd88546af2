package org.verso.translation;

import java.time.Instant;
import org.verso.accounts.AccountId;

/** One recorded change of a translation ({@code opened}, {@code claimed}, {@code submitted}…): who, when. */
public record TranslationEvent(String kind, TranslationStatus status, AccountId by, Instant at, String detail) {}
