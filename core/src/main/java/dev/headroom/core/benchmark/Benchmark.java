package dev.headroom.core.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A multiple-choice benchmark as its files give it: splits, subjects (or categories) within a split, and the items of
 * each. Every format in {@link BenchmarkFormat} reads into one. A file with any bad record fails the whole benchmark
 * with a {@link BenchmarkFormatException}; nothing from it is returned.
 */
public interface Benchmark {

    /** The name the benchmark is configured under; the first part of every item id. */
    String name();

    /** The splits present, sorted. */
    List<String> splits();

    /** The subjects present in a split, sorted, so that "all subjects" expands the same way every time. */
    List<String> subjects(String split);

    /** The items of one subject of one split, in file order. */
    List<Item> subjectItems(String split, String subject);

    /** The split few-shot examples come from, when the benchmark has one. */
    Optional<String> fewShotSplit();

    /** Items of the given subjects (all when empty) in subject order, then file order. */
    default List<Item> items(String split, Set<String> subjects) {
        List<String> available = subjects(split);
        Set<String> missing = new TreeSet<>(subjects);
        available.forEach(missing::remove);
        if (!missing.isEmpty()) {
            throw new NotInBenchmarkException("benchmark '" + name() + "' has no subject " + missing
                    + " in split '" + split + "'; it has " + available);
        }
        List<Item> items = new ArrayList<>();
        for (String subject : available) {
            if (subjects.isEmpty() || subjects.contains(subject)) {
                items.addAll(subjectItems(split, subject));
            }
        }
        return items;
    }

    /** Few-shot examples for a subject: its items in the few-shot split, in file order. */
    default List<Item> examples(String subject) {
        String split = fewShotSplit().orElseThrow(() -> new NotInBenchmarkException("benchmark '" + name()
                + "' has no few-shot split to take examples from; ask it with zero-shot variants only"));
        return items(split, Set.of(subject));
    }
}
