package dev.headroom.core.benchmark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads MMLU in its original release layout, {@code DIR/<split>/<subject>_<split>.csv}: no header,
 * {@code question,A,B,C,D,answer}. Any data set written in that layout (the bundled sample too) loads here.
 * Item ids end in the row index within the subject file; the dev split gives the few-shot examples.
 */
public final class MmluLoader implements Benchmark {

    private static final String LETTERS = "ABCD";
    private static final String FEW_SHOT_SPLIT = "dev";

    private final Path dataDir;
    private final String benchmark;

    public MmluLoader(Path dataDir, String benchmark) {
        this.dataDir = dataDir;
        this.benchmark = benchmark;
    }

    @Override
    public String name() {
        return benchmark;
    }

    @Override
    public List<String> splits() {
        if (!Files.isDirectory(dataDir)) {
            throw new BenchmarkFormatException(dataDir, "no such directory");
        }
        try (Stream<Path> dirs = Files.list(dataDir)) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .filter(split -> !subjectsIn(split).isEmpty())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> subjects(String split) {
        List<String> subjects = Files.isDirectory(dataDir.resolve(split)) ? subjectsIn(split) : List.of();
        if (subjects.isEmpty()) {
            throw NotInBenchmarkException.noSuchSplit(this, split);
        }
        return subjects;
    }

    @Override
    public Optional<String> fewShotSplit() {
        return Optional.of(FEW_SHOT_SPLIT).filter(splits()::contains);
    }

    /** All rows of one subject file; nothing is returned from a file with any bad row. */
    @Override
    public List<Item> subjectItems(String split, String subject) {
        Path file = dataDir.resolve(split).resolve(subject + "_" + split + ".csv");
        List<Item> items = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(StrictUtf8.read(file)))) {
            long recordStartLine = 1;
            for (CSVRecord record : parser) {
                long line = recordStartLine;
                SourceItem.Origin origin = problem -> new BenchmarkFormatException(file, line, problem);
                items.add(toSourceItem(subject, split, items.size(), record, origin).toItem(benchmark, origin));
                recordStartLine = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports broken quoting while iterating
            throw new BenchmarkFormatException(file, "malformed CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new BenchmarkFormatException(file, "unreadable: " + e);
        }
        if (items.isEmpty()) {
            throw new BenchmarkFormatException(file, "no rows");
        }
        return items;
    }

    private static SourceItem toSourceItem(String subject, String split, int row, CSVRecord record,
                                           SourceItem.Origin origin) {
        if (record.size() != 6) {
            throw origin.problem("expected 6 fields (question,A,B,C,D,answer), found " + record.size());
        }
        String answer = record.get(5).strip();
        int answerIndex = answer.length() == 1 ? LETTERS.indexOf(answer.charAt(0)) : -1;
        if (answerIndex < 0) {
            throw origin.problem("answer must be one of A, B, C, D, found '" + answer + "'");
        }
        return new SourceItem(subject, split, Integer.toString(row), record.get(0),
                List.of(record.get(1), record.get(2), record.get(3), record.get(4)), answerIndex);
    }

    private List<String> subjectsIn(String split) {
        String suffix = "_" + split + ".csv";
        try (Stream<Path> files = Files.list(dataDir.resolve(split))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .map(name -> name.substring(0, name.length() - suffix.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
