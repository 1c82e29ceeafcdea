package dev.headroom.core.benchmark;

import dev.headroom.core.Hashing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * TruthfulQA MC1 from {@code mc_task.json}: a JSON array of {@code {question, mc1_targets}}, where
 * {@code mc1_targets} maps each option to 1 (the one true answer) or 0. The file always lists the true answer first,
 * so the options are stored in a seeded shuffle, {@link #fileOrder}, instead of file order. The file carries no
 * categories: every item has subject {@value #SUBJECT} and split {@value #SPLIT}, and there is no few-shot split.
 * The source id of an item is its question's index in the file.
 */
public final class TruthfulQaMc1Loader {

    public static final String SUBJECT = "truthfulness";
    public static final String SPLIT = "validation";
    /** Fixes the shuffle; changing it changes every TruthfulQA item's option order, so it never changes. */
    public static final String SHUFFLE_SEED = "truthfulqa-mc1-options";

    private static final String FILE_NAME = "mc_task.json";

    private TruthfulQaMc1Loader() {
    }

    public static Benchmark read(Path path, String name) {
        return JsonBenchmark.read(name,
                SplitFiles.bySplit(path, fileName -> Optional.of(SPLIT).filter(s -> fileName.equals(FILE_NAME)), FILE_NAME),
                JsonRecords::array, TruthfulQaMc1Loader::item, null);
    }

    /**
     * Where each stored option comes from: element {@code i} is the file position of the option stored at position
     * {@code i}. It is {@link Collections#shuffle(List, Random)} of {@code 0..optionCount-1} with a
     * {@link Random} seeded by {@link Hashing#seed}({@value #SHUFFLE_SEED}, the decimal question index): both are
     * specified to the bit by the Java platform, so the order is the same on every run and every JVM.
     */
    public static List<Integer> fileOrder(int questionIndex, int optionCount) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, optionCount).boxed().toList());
        Collections.shuffle(order, new Random(Hashing.seed(SHUFFLE_SEED, Integer.toString(questionIndex))));
        return List.copyOf(order);
    }

    private static SourceItem item(JsonRecord record, int row, String split) {
        String question = record.text("question");
        JsonRecord targets = record.object("mc1_targets");
        List<String> options = targets.fieldNames();
        int gold = -1;
        for (int i = 0; i < options.size(); i++) {
            int truth = targets.integer(options.get(i));
            if (truth != 0 && truth != 1) {
                throw record.problem("mc1_targets option " + i + " is marked " + truth + "; only 1 (true) or 0 (false)");
            }
            if (truth == 1) {
                if (gold >= 0) {
                    throw record.problem("mc1_targets marks options " + gold + " and " + i + " true; MC1 has exactly one");
                }
                gold = i;
            }
        }
        if (gold < 0) {
            throw record.problem("mc1_targets marks no option true; MC1 has exactly one");
        }
        List<Integer> order = fileOrder(row, options.size());
        List<String> choices = order.stream().map(options::get).toList();
        return new SourceItem(SUBJECT, split, Integer.toString(row), question, choices, order.indexOf(gold));
    }
}
