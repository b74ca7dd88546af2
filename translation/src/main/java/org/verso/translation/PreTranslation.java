package org.verso.translation;

import java.util.List;
import java.util.Map;

/**
 * The port through which opening a translation asks a translation memory for the segments it already holds exactly
 * (100 %, or in context). Implemented downstream (the memory module); without an implementation a translation opens
 * with every segment new.
 *
 * <p>What comes back is filled in as drafts marked "from memory", never as translated or approved: a translator
 * confirms each one.
 */
public interface PreTranslation {
    /**
     * @param translation the translation just opened (its languages)
     * @param segments its segments in document order (all new)
     * @return the target (in Verso's inline markup) for each segment the memory holds exactly; empty when none
     */
    Map<SegmentId, String> exactTargets(Translation translation, List<TargetSegment> segments);
}
