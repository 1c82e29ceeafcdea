package dev.headroom.core.benchmark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads MMLU in its original release layout, {@code DIR/<split>/<subject>_<split>.csv}: no header,
 * {@code question,A,B,C,D,answer}. Any data set written in that layout (the bundled sample too) loads here.
 */
public final class MmluLoader {

    private static final String LETTERS = "ABCD";

    private final Path dataDir;
    private final String benchmark;

    public MmluLoader(Path dataDir, String benchmark) {
        this.dataDir = dataDir;
        this.benchmark = benchmark;
    }

    /** Subjects present in a split, sorted, so that "all subjects" expands the same way every time. */
    public List<String> subjects(String split) {
        Path splitDir = dataDir.resolve(split);
        if (!Files.isDirectory(splitDir)) {
            throw new BenchmarkFormatException(splitDir, "no such split directory");
        }
        String suffix = "_" + split + ".csv";
        try (Stream<Path> files = Files.list(splitDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .map(name -> name.substring(0, name.length() - suffix.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Items of the given subjects (all subjects when empty) in subject order, then file order. */
    public List<Item> load(String split, Set<String> subjects) {
        List<Item> items = new ArrayList<>();
        for (String subject : subjects(split)) {
            if (subjects.isEmpty() || subjects.contains(subject)) {
                items.addAll(loadFile(subject, split));
            }
        }
        if (!subjects.isEmpty() && items.isEmpty()) {
            throw new BenchmarkFormatException(dataDir.resolve(split), "none of the subjects " + subjects + " exists");
        }
        return items;
    }

    /** All rows of one subject file; nothing is returned from a file with any bad row. */
    public List<Item> loadFile(String subject, String split) {
        Path file = dataDir.resolve(split).resolve(subject + "_" + split + ".csv");
        List<Item> items = new ArrayList<>();
        try (Reader reader = strictUtf8Reader(file);
             CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
            long recordStartLine = 1;
            for (CSVRecord record : parser) {
                items.add(toItem(file, subject, split, items.size(), recordStartLine, record));
                recordStartLine = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports both undecodable bytes and broken quoting while iterating
            boolean encoding = e.getCause() instanceof CharacterCodingException
                    || e.getCause() != null && e.getCause().getCause() instanceof CharacterCodingException;
            throw new BenchmarkFormatException(file, encoding ? "not valid UTF-8" : "malformed CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new BenchmarkFormatException(file, "unreadable: " + e);
        }
        if (items.isEmpty()) {
            throw new BenchmarkFormatException(file, "no rows");
        }
        return items;
    }

    private Item toItem(Path file, String subject, String split, int row, long line, CSVRecord record) {
        if (record.size() != 6) {
            throw new BenchmarkFormatException(file, line, "expected 6 fields (question,A,B,C,D,answer), found " + record.size());
        }
        String answer = record.get(5).strip();
        int answerIndex = answer.length() == 1 ? LETTERS.indexOf(answer.charAt(0)) : -1;
        if (answerIndex < 0) {
            throw new BenchmarkFormatException(file, line, "answer must be one of A, B, C, D, found '" + answer + "'");
        }
        if (record.get(0).isBlank()) {
            throw new BenchmarkFormatException(file, line, "empty question");
        }
        String id = benchmark + "/" + subject + "/" + split + "/" + row;
        return new Item(id, benchmark, subject, split, record.get(0),
                List.of(record.get(1), record.get(2), record.get(3), record.get(4)), answerIndex);
    }

    private static Reader strictUtf8Reader(Path file) throws IOException {
        return new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
