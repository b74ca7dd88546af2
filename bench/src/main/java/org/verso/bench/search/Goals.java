package org.verso.bench.search;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The goals of search speed (issue 17), as ratios against the bare Lucene search measured in the same run, so that
 * they hold on any machine: HTTP / bare throughput ≥ 0.5 with the cache on and ≥ 0.4 with it off; HTTP p99 ≤ 1.2 ×
 * bare p99 (cache on and off); HTTP p50 ≤ bare p50 + 3 ms with the cache on. Prints one run's figures and goals, and
 * the spread of several runs.
 */
final class Goals {
    /** Other processes taking more than this many cores' worth of CPU during a measured phase spoil its figures. */
    static final double BUSY_MACHINE = 0.25;

    private Goals() {}

    /** HTTP and bare search of the same stream in one start of the application. */
    record Pair(Load.Figures http, Load.Figures bare) {
        double throughputRatio() {
            return http.throughput() / bare.throughput();
        }

        double p99Ratio() {
            return http.p99() / bare.p99();
        }

        double p50Excess() {
            return http.p50() - bare.p50();
        }

        double cpuRatio() {
            return bare.cpuPerCall() / http.serverCpuPerCall();
        }
    }

    /** One run: the cache on and off, and the machine's load around it. */
    record Round(int number, Pair on, Pair off, String loadBefore, String loadAfter, double otherCores) {}

    /** One goal: how a run's figure is worked out, and its bound. */
    record Goal(String name, ToDoubleFunction<Round> value, double bound, boolean atLeast, String unit) {
        boolean met(Round round) {
            double v = value.applyAsDouble(round);
            return atLeast ? v >= bound : v <= bound;
        }

        String wanted() {
            return String.format(Locale.ROOT, "%s %s%s", atLeast ? "≥" : "≤", number(bound), unit);
        }
    }

    static final List<Goal> GOALS = List.of(
            new Goal("HTTP / bare throughput, cache on", r -> r.on().throughputRatio(), 0.5, true, ""),
            new Goal("HTTP / bare throughput, cache off", r -> r.off().throughputRatio(), 0.4, true, ""),
            new Goal("HTTP p99 / bare p99, cache on", r -> r.on().p99Ratio(), 1.2, false, ""),
            new Goal("HTTP p99 / bare p99, cache off", r -> r.off().p99Ratio(), 1.2, false, ""),
            new Goal("HTTP p50 − bare p50, cache on", r -> r.on().p50Excess(), 3, false, " ms"));

    static void print(Round round, int of) {
        System.out.printf(
                Locale.ROOT,
                "%n== Run %d of %d: load average before %s, after %s (the benchmark's own threads count in"
                        + " \"after\"); other processes took up to %.2f cores during its measured phases%n",
                round.number(),
                of,
                round.loadBefore(),
                round.loadAfter(),
                round.otherCores());
        if (round.otherCores() > BUSY_MACHINE) {
            System.out.printf(
                    Locale.ROOT,
                    "   LOAD: other processes used up to %.2f of the cores while this run measured: its figures are"
                            + " spoiled (the goals are for a machine where nothing else runs)%n",
                    round.otherCores());
        }
        System.out.println("                    throughput       p50         p99    CPU per call");
        line("cache on   HTTP", round.on().http());
        line("           bare", round.on().bare());
        line("cache off  HTTP", round.off().http());
        line("           bare", round.off().bare());
        System.out.printf(
                Locale.ROOT,
                "   by CPU time per call (bare ÷ the server's share of HTTP): cache on %.2f, cache off %.2f%n",
                round.on().cpuRatio(),
                round.off().cpuRatio());
        for (Goal goal : GOALS) {
            System.out.printf(
                    Locale.ROOT,
                    "   %-36s %8s   goal %-8s %s%n",
                    goal.name(),
                    number(goal.value().applyAsDouble(round)) + goal.unit(),
                    goal.wanted(),
                    goal.met(round) ? "met" : "MISSED");
        }
    }

    private static void line(String what, Load.Figures figures) {
        System.out.printf(
                Locale.ROOT,
                "   %s  %8.0f /s  %7.2f ms  %7.2f ms  %5.2f ms%s%n",
                what,
                figures.throughput(),
                figures.p50(),
                figures.p99(),
                figures.cpuPerCall(),
                figures.serverCpuPerCall() > 0.05
                        ? String.format(Locale.ROOT, " (server %.2f)", figures.serverCpuPerCall())
                        : "");
    }

    /** The runs' spread: each figure's range and (max − min) ÷ mean, each goal's range and how many runs met it. */
    static void printSpread(List<Round> rounds) {
        System.out.printf(Locale.ROOT, "%n== Spread of the %d runs: min – max, (max − min) ÷ mean%n", rounds.size());
        spread(rounds, "cache on, HTTP throughput", r -> r.on().http().throughput(), " /s");
        spread(rounds, "cache on, bare throughput", r -> r.on().bare().throughput(), " /s");
        spread(rounds, "cache on, HTTP p50", r -> r.on().http().p50(), " ms");
        spread(rounds, "cache on, HTTP p99", r -> r.on().http().p99(), " ms");
        spread(rounds, "cache on, bare p50", r -> r.on().bare().p50(), " ms");
        spread(rounds, "cache on, bare p99", r -> r.on().bare().p99(), " ms");
        spread(rounds, "cache off, HTTP throughput", r -> r.off().http().throughput(), " /s");
        spread(rounds, "cache off, bare throughput", r -> r.off().bare().throughput(), " /s");
        spread(rounds, "cache off, HTTP p99", r -> r.off().http().p99(), " ms");
        spread(rounds, "cache off, bare p99", r -> r.off().bare().p99(), " ms");
        int all = 0;
        for (Goal goal : GOALS) {
            long met = rounds.stream().filter(goal::met).count();
            if (met == rounds.size()) {
                all++;
            }
            spread(rounds, goal.name(), goal.value(), goal.unit());
            System.out.printf(Locale.ROOT, "      goal %s: met in %d of %d runs%n", goal.wanted(), met, rounds.size());
        }
        double busiest = rounds.stream().mapToDouble(Round::otherCores).max().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "%s goals of %d met in every run; other processes took up to %.2f cores during measured phases%s%n",
                all,
                GOALS.size(),
                busiest,
                busiest > BUSY_MACHINE ? " (LOAD: not a quiet machine; the figures are pessimistic)" : "");
    }

    private static void spread(List<Round> rounds, String name, ToDoubleFunction<Round> value, String unit) {
        double min = rounds.stream().mapToDouble(value).min().orElse(0);
        double max = rounds.stream().mapToDouble(value).max().orElse(0);
        double mean = rounds.stream().mapToDouble(value).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "   %-36s %s – %s%s  (%.0f%%)%n",
                name,
                number(min),
                number(max),
                unit,
                mean == 0 ? 0 : 100 * (max - min) / Math.abs(mean));
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
