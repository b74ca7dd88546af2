package org.verso.ingest.internal.extract;

import java.util.ArrayList;
import java.util.List;

/** The limits a worker process applies, passed on its command line. */
record Limits(int maxTextChars, long maxCompressionRatio, long maxUnpackedBytes, int maxNestingDepth) {

    List<String> toArgs() {
        var args = new ArrayList<String>();
        args.add(Integer.toString(maxTextChars));
        args.add(Long.toString(maxCompressionRatio));
        args.add(Long.toString(maxUnpackedBytes));
        args.add(Integer.toString(maxNestingDepth));
        return args;
    }

    static Limits fromArgs(String[] args) {
        return new Limits(
                Integer.parseInt(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]), Integer.parseInt(args[3]));
    }
}
