package org.verso.bench.boundaries;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The module rules of Verso, as a function from classes to the violations they commit: the real code is checked by
 * {@code ModuleBoundaryTest}, small synthetic class sets by {@code ModuleBoundariesTest} (the test of the test).
 *
 * <p>Inside a module, its packages other than the root package (the module's API, which uses its {@code internal}
 * packages and which they use) form no cycle.
 *
 * <p>A module is a package directly below the root ({@code org.verso.search}); modules are discovered from the classes,
 * not listed, so a new module is checked the day it appears (and fails until it is declared in {@link #GRAPH}).
 */
public final class ModuleBoundaries {
    /** Every module and the modules it may use. The one place the module graph is declared. */
    public static final Map<String, Set<String>> GRAPH = Map.of(
            "library", Set.of(),
            "accounts", Set.of("library"),
            "ingest", Set.of("library"),
            "translation", Set.of("library", "accounts"),
            "search", Set.of("library", "translation"),
            "distribution", Set.of("library", "accounts", "translation"),
            "glossary", Set.of("library", "translation"),
            "memory", Set.of("library", "accounts", "translation"),
            "web",
                    Set.of(
                            "library",
                            "accounts",
                            "ingest",
                            "translation",
                            "search",
                            "distribution",
                            "glossary",
                            "memory"),
            "bench",
                    Set.of(
                            "library",
                            "accounts",
                            "ingest",
                            "translation",
                            "search",
                            "distribution",
                            "glossary",
                            "memory",
                            "web"));

    /** Third-party engines: their types never appear in a public signature of a module's API. */
    public static final List<String> ENGINES = List.of(
            "org.apache.tika.",
            "net.sf.okapi.",
            "org.apache.lucene.",
            "org.apache.poi.",
            "org.apache.pdfbox.",
            "com.openhtmltopdf.",
            "com.google.zxing.");

    /**
     * Which module each engine belongs to: nobody else uses it at all (bench measures against them raw). The longest
     * matching prefix decides: POI's Word writer (XWPF) is translation's, which writes a new DOCX from segments.
     * openhtmltopdf (HTML to PDF over PDFBox) and ZXing (QR codes) are distribution's, for its packing slips, and so
     * are POI's spreadsheet parts (XSSF and the common {@code ss} model), for its donor reports as XLSX.
     */
    public static final Map<String, String> ENGINE_OWNERS = Map.of(
            "org.apache.tika.", "ingest",
            "org.apache.poi.", "ingest",
            "org.apache.poi.xwpf.", "translation",
            "org.apache.pdfbox.", "ingest",
            "net.sf.okapi.", "translation",
            "org.apache.lucene.", "search",
            "com.openhtmltopdf.", "distribution",
            "com.google.zxing.", "distribution",
            "org.apache.poi.xssf.", "distribution",
            "org.apache.poi.ss.", "distribution");

    private final String root;
    private final Map<String, Set<String>> graph;

    /** The rules for the modules below {@code root} ({@code org.verso}), allowed to use each other as {@code graph}. */
    public ModuleBoundaries(String root, Map<String, Set<String>> graph) {
        this.root = root + ".";
        this.graph = graph;
    }

    /** Every violation, one line each; empty when the classes keep every rule. */
    public List<String> violations(JavaClasses classes) {
        List<String> violations = new ArrayList<>();
        Set<String> modules = new TreeSet<>();
        Map<String, Set<String>> used = new TreeMap<>();
        Map<String, Map<String, Set<String>>> packageUses = new TreeMap<>();
        Set<String> arrows = new TreeSet<>();
        Set<String> reaches = new TreeSet<>();
        Set<String> signatures = new TreeSet<>();
        Set<String> engines = new TreeSet<>();
        for (JavaClass type : classes) {
            Optional<String> module = module(type);
            if (module.isEmpty()) {
                continue;
            }
            String from = module.get();
            modules.add(from);
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                engineOwner(target)
                        .filter(owner -> !owner.equals(from) && !from.equals("bench"))
                        .ifPresent(owner -> engines.add(
                                "engine of " + owner + " used by " + from + ": " + dependency.getDescription()));
                Optional<String> targetModule = module(target);
                if (targetModule.isEmpty()) {
                    continue;
                }
                String to = targetModule.get();
                if (to.equals(from)) {
                    String fromPackage = type.getPackageName();
                    String toPackage = target.getPackageName();
                    String api = root + from;
                    // the module's root package is its API: its internal packages use its records and it uses
                    // them, so it is no party to a cycle; any two other packages of the module are
                    if (!fromPackage.equals(toPackage) && !fromPackage.equals(api) && !toPackage.equals(api)) {
                        packageUses
                                .computeIfAbsent(from, m -> new TreeMap<>())
                                .computeIfAbsent(fromPackage, p -> new TreeSet<>())
                                .add(toPackage);
                    }
                    continue;
                }
                used.computeIfAbsent(from, m -> new TreeSet<>()).add(to);
                if (!graph.getOrDefault(from, Set.of()).contains(to)) {
                    arrows.add("undeclared arrow " + from + " -> " + to + ": " + dependency.getDescription());
                }
                if (target.getPackageName().startsWith(root + to + ".internal")) {
                    reaches.add("reach into " + to + ".internal from " + from + ": " + dependency.getDescription());
                }
            }
            if (isApi(type)) {
                signatures.addAll(engineTypesInSignature(type));
            }
        }
        for (String module : modules) {
            if (!graph.containsKey(module)) {
                violations.add("undeclared module " + module + ": declare it and its arrows in ModuleBoundaries.GRAPH");
            }
        }
        violations.addAll(arrows);
        cycles(graph).forEach(cycle -> violations.add("cycle in the declared graph: " + cycle));
        cycles(used).forEach(cycle -> violations.add("cycle between modules: " + cycle));
        packageUses.forEach((module, uses) ->
                cycles(uses).forEach(cycle -> violations.add("cycle inside " + module + ": " + cycle)));
        violations.addAll(reaches);
        violations.addAll(signatures);
        violations.addAll(engines);
        return violations;
    }

    /** The module a class belongs to: the package right below the root, if any. */
    Optional<String> module(JavaClass type) {
        String name = type.getPackageName() + ".";
        if (!name.startsWith(root) || name.length() == root.length()) {
            return Optional.empty();
        }
        String rest = name.substring(root.length());
        return Optional.of(rest.substring(0, rest.indexOf('.')));
    }

    /** A public class outside {@code internal}, and every enclosing class public too: part of its module's API. */
    private boolean isApi(JavaClass type) {
        if (type.getPackageName().contains(".internal")) {
            return false;
        }
        for (Optional<JavaClass> t = Optional.of(type);
                t.isPresent();
                t = t.get().getEnclosingClass()) {
            if (!t.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isLocalClass();
    }

    private List<String> engineTypesInSignature(JavaClass type) {
        List<String> found = new ArrayList<>();
        Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream())
                .filter(ModuleBoundaries::isEngine)
                .forEach(e -> found.add(
                        "engine type " + e.getName() + " in the public API " + type.getName() + " (its supertype)"));
        for (JavaCodeUnit unit : type.getCodeUnits()) {
            if (!exposed(unit.getModifiers())) {
                continue;
            }
            Set<JavaType> involved = new LinkedHashSet<>();
            involved.add(unit.getReturnType());
            involved.addAll(unit.getParameterTypes());
            unit.getThrowsClause().getTypes().forEach(involved::add);
            involved.stream()
                    .flatMap(t -> t.getAllInvolvedRawTypes().stream())
                    .filter(ModuleBoundaries::isEngine)
                    .forEach(e -> found.add("engine type " + e.getName() + " in the public API " + unit.getFullName()));
        }
        for (JavaField field : type.getFields()) {
            if (exposed(field.getModifiers())) {
                field.getType().getAllInvolvedRawTypes().stream()
                        .filter(ModuleBoundaries::isEngine)
                        .forEach(e ->
                                found.add("engine type " + e.getName() + " in the public API " + field.getFullName()));
            }
        }
        return found;
    }

    private static Optional<String> engineOwner(JavaClass type) {
        return ENGINE_OWNERS.entrySet().stream()
                .filter(e -> type.getName().startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private static boolean exposed(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isEngine(JavaClass type) {
        String name = type.getBaseComponentType().getName();
        return ENGINES.stream().anyMatch(name::startsWith);
    }

    /** Each cycle of a directed graph once, as {@code a -> b -> a}. */
    static List<String> cycles(Map<String, Set<String>> edges) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String start : new TreeSet<>(edges.keySet())) {
            walk(start, edges, new ArrayList<>(), seen, found);
        }
        return found;
    }

    private static void walk(
            String node, Map<String, Set<String>> edges, List<String> path, Set<String> seen, List<String> found) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            String key = canonical(cycle);
            if (seen.add(key)) {
                cycle.add(node);
                found.add(String.join(" -> ", cycle));
            }
            return;
        }
        if (path.size() > 32) {
            return;
        }
        path.add(node);
        for (String next : edges.getOrDefault(node, Set.of())) {
            walk(next, edges, path, seen, found);
        }
        path.remove(path.size() - 1);
    }

    /** A cycle's nodes from its smallest, so that one cycle found from two starts counts once. */
    private static String canonical(List<String> cycle) {
        int min = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).compareTo(cycle.get(min)) < 0) {
                min = i;
            }
        }
        List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
        rotated.addAll(cycle.subList(0, min));
        return String.join(",", rotated);
    }
}
