package dev.headroom.core.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** A benchmark read whole from JSON files: its splits and subjects are whatever its items say. */
final class JsonBenchmark implements Benchmark {

    /** Turns one record into a question; {@code row} counts the file's records from 0. */
    @FunctionalInterface
    interface RecordReader {
        SourceItem read(JsonRecord record, int row, String fileSplit);
    }

    private final String name;
    private final Map<String, Map<String, List<Item>>> bySplitAndSubject;
    private final String fewShotSplit;

    private JsonBenchmark(String name, Map<String, Map<String, List<Item>>> bySplitAndSubject, String fewShotSplit) {
        this.name = name;
        this.bySplitAndSubject = bySplitAndSubject;
        this.fewShotSplit = fewShotSplit;
    }

    /**
     * @param records      how the format lays records out in a file (JSONL lines or one array)
     * @param fewShotSplit the split few-shot examples come from when present; null when the format has none
     */
    static Benchmark read(String name, List<SplitFiles.SplitFile> files, Function<Path, List<JsonRecord>> records,
                          RecordReader reader, String fewShotSplit) {
        Map<String, Map<String, List<Item>>> bySplitAndSubject = new TreeMap<>();
        Map<String, JsonRecord> firstSeen = new HashMap<>();
        for (SplitFiles.SplitFile file : files) {
            List<JsonRecord> fileRecords = records.apply(file.file());
            if (fileRecords.isEmpty()) {
                throw new BenchmarkFormatException(file.file(), "no questions");
            }
            for (int row = 0; row < fileRecords.size(); row++) {
                JsonRecord record = fileRecords.get(row);
                Item item = reader.read(record, row, file.split()).toItem(name, record);
                JsonRecord earlier = firstSeen.putIfAbsent(item.id(), record);
                if (earlier != null) {
                    throw record.problem("duplicate id " + item.id() + ", first on "
                            + (earlier.file().equals(record.file()) ? "" : earlier.file() + ", ") + "line " + earlier.line());
                }
                bySplitAndSubject.computeIfAbsent(item.split(), s -> new TreeMap<>())
                        .computeIfAbsent(item.subject(), s -> new ArrayList<>())
                        .add(item);
            }
        }
        return new JsonBenchmark(name, bySplitAndSubject, fewShotSplit);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> splits() {
        return List.copyOf(bySplitAndSubject.keySet());
    }

    @Override
    public List<String> subjects(String split) {
        return List.copyOf(subjectsOf(split).keySet());
    }

    @Override
    public List<Item> subjectItems(String split, String subject) {
        List<Item> items = subjectsOf(split).get(subject);
        if (items == null) {
            throw new NotInBenchmarkException("benchmark '" + name + "' has no subject '" + subject
                    + "' in split '" + split + "'");
        }
        return List.copyOf(items);
    }

    @Override
    public Optional<String> fewShotSplit() {
        return Optional.ofNullable(fewShotSplit).filter(bySplitAndSubject::containsKey);
    }

    private Map<String, List<Item>> subjectsOf(String split) {
        Map<String, List<Item>> subjects = bySplitAndSubject.get(split);
        if (subjects == null) {
            throw NotInBenchmarkException.noSuchSplit(this, split);
        }
        return subjects;
    }
}
