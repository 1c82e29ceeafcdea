package dev.headroom.core.stats;

import dev.headroom.core.message.Outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scored tasks of one model, kept as primitive columns (about 20 bytes a task; item, variant, label and scope
 * names once each) rather than one {@link ScoredTask} per row, so that a store can stream a million rows into it.
 * Append-only; cells keep the order they were added in.
 */
public final class ScoredCells {

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final Map<String, Integer> itemIndex = new HashMap<>();
    private final List<String> itemIds = new ArrayList<>();
    private final List<String> benchmarks = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private int[] goldIndex = new int[64];

    private final Map<String, Integer> variantIndex = new HashMap<>();
    private final List<String> variantIds = new ArrayList<>();
    private final List<Map<String, String>> dimensions = new ArrayList<>();

    private final Map<String, Integer> labelIndex = new HashMap<>();
    private final List<String> labels = new ArrayList<>();

    private int size;
    private int[] item = new int[1024];
    private short[] variant = new short[1024];
    private byte[] outcome = new byte[1024];
    /** Positions, option index and label are stored plus one: 0 is null. */
    private byte[] chosenIndex = new byte[1024];
    private byte[] chosenPosition = new byte[1024];
    private byte[] goldPosition = new byte[1024];
    private short[] chosenLabel = new short[1024];
    /** NaN for null. */
    private double[] goldProbability = new double[1024];

    public static ScoredCells of(Collection<ScoredTask> tasks) {
        ScoredCells cells = new ScoredCells();
        tasks.forEach(cells::add);
        return cells;
    }

    /** Keeps one task; the item's gold option must be the one its earlier tasks had. */
    public void add(ScoredTask task) {
        int itemAt = itemIndex.computeIfAbsent(task.itemId(), id -> {
            itemIds.add(id);
            benchmarks.add(names.computeIfAbsent(task.benchmark(), name -> name));
            subjects.add(names.computeIfAbsent(task.subject(), name -> name));
            if (itemIds.size() > goldIndex.length) {
                goldIndex = Arrays.copyOf(goldIndex, goldIndex.length * 2);
            }
            goldIndex[itemIds.size() - 1] = task.goldIndex();
            return itemIds.size() - 1;
        });
        if (goldIndex[itemAt] != task.goldIndex()) {
            throw new IllegalArgumentException("item " + task.itemId() + " has gold option " + goldIndex[itemAt]
                    + " under one variant and " + task.goldIndex() + " under variant " + task.variantId());
        }
        int variantAt = variantIndex.computeIfAbsent(task.variantId(), id -> {
            variantIds.add(id);
            dimensions.add(task.dimensions());
            return variantIds.size() - 1;
        });
        int labelAt = task.chosenLabel() == null ? -1 : labelIndex.computeIfAbsent(task.chosenLabel(), label -> {
            labels.add(label);
            return labels.size() - 1;
        });
        if (size == item.length) {
            grow();
        }
        item[size] = itemAt;
        variant[size] = narrow(variantAt, Short.MAX_VALUE, "variants");
        outcome[size] = (byte) task.outcome().ordinal();
        chosenIndex[size] = plusOne(task.chosenIndex(), "option index");
        chosenPosition[size] = plusOne(task.chosenPosition(), "position");
        goldPosition[size] = plusOne(task.goldPosition(), "position");
        chosenLabel[size] = narrow(labelAt + 1, Short.MAX_VALUE, "labels");
        goldProbability[size] = task.goldProbability() == null ? Double.NaN : task.goldProbability();
        size++;
    }

    /** Tasks kept. */
    public int size() {
        return size;
    }

    int items() {
        return itemIds.size();
    }

    String itemId(int itemAt) {
        return itemIds.get(itemAt);
    }

    String benchmark(int itemAt) {
        return benchmarks.get(itemAt);
    }

    String subject(int itemAt) {
        return subjects.get(itemAt);
    }

    int goldIndex(int itemAt) {
        return goldIndex[itemAt];
    }

    int variants() {
        return variantIds.size();
    }

    String variantId(int variantAt) {
        return variantIds.get(variantAt);
    }

    Map<String, String> dimensions(int variantAt) {
        return dimensions.get(variantAt);
    }

    int item(int cell) {
        return item[cell];
    }

    int variant(int cell) {
        return variant[cell];
    }

    Outcome outcome(int cell) {
        return OUTCOMES[outcome[cell]];
    }

    /** -1 when unparsed. */
    int chosenIndex(int cell) {
        return chosenIndex[cell] - 1;
    }

    /** -1 when unparsed or not recorded. */
    int chosenPosition(int cell) {
        return chosenPosition[cell] - 1;
    }

    /** -1 when not recorded. */
    int goldPosition(int cell) {
        return goldPosition[cell] - 1;
    }

    /** Null when unparsed or not recorded. */
    String chosenLabel(int cell) {
        return chosenLabel[cell] == 0 ? null : labels.get(chosenLabel[cell] - 1);
    }

    /** NaN when the backend gave none. */
    double goldProbability(int cell) {
        return goldProbability[cell];
    }

    /** Every cell's index, in the order added: the scope of all tasks. */
    int[] all() {
        int[] cells = new int[size];
        Arrays.setAll(cells, cell -> cell);
        return cells;
    }

    private void grow() {
        int capacity = item.length * 2;
        item = Arrays.copyOf(item, capacity);
        variant = Arrays.copyOf(variant, capacity);
        outcome = Arrays.copyOf(outcome, capacity);
        chosenIndex = Arrays.copyOf(chosenIndex, capacity);
        chosenPosition = Arrays.copyOf(chosenPosition, capacity);
        goldPosition = Arrays.copyOf(goldPosition, capacity);
        chosenLabel = Arrays.copyOf(chosenLabel, capacity);
        goldProbability = Arrays.copyOf(goldProbability, capacity);
    }

    private static byte plusOne(Integer value, String what) {
        return value == null ? 0 : (byte) narrow(value + 1, Byte.MAX_VALUE, what);
    }

    private static short narrow(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " is beyond the " + max + " a model's cells hold");
        }
        return (short) value;
    }
}
