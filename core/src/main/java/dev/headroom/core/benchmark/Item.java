package dev.headroom.core.benchmark;

import java.util.List;

/**
 * One multiple-choice question as the benchmark file states it, options in file order (TruthfulQA MC1 excepted:
 * see {@link TruthfulQaMc1Loader#fileOrder}).
 *
 * @param id          stable across loads, {@code benchmark/subject/split/<source id or row>}, so task ids stay deterministic
 * @param answerIndex index into {@code choices} of the gold option
 */
public record Item(String id, String benchmark, String subject, String split,
                   String question, List<String> choices, int answerIndex) {

    public Item {
        choices = List.copyOf(choices);
        if (answerIndex < 0 || answerIndex >= choices.size()) {
            throw new IllegalArgumentException("item " + id + ": answer index " + answerIndex
                    + " outside its " + choices.size() + " choices");
        }
    }
}
