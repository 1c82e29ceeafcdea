package dev.headroom.core.benchmark;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every loader refuses a bad file as a whole, with a message naming the file, the line and the problem. */
class MalformedFilesTest {

    @TempDir
    Path dir;

    /**
     * @param line the line the message must name; 0 for a problem of the whole file
     */
    record Malformed(String name, BenchmarkFormat format, String fileName, byte[] content, int line, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String ARC_OK = """
            {"id":"a1","question":{"stem":"Q?","choices":[{"text":"x","label":"A"},{"text":"y","label":"B"},{"text":"z","label":"C"}]},"answerKey":"B"}""";
    private static final String CSQA_CHOICES = """
            [{"label":"A","text":"a"},{"label":"B","text":"b"},{"label":"C","text":"c"},{"label":"D","text":"d"},{"label":"E","text":"e"}]""";
    private static final String PRO_OK = """
            {"question_id":1,"question":"Q?","options":["a","b","c"],"answer":"B","answer_index":1,"category":"law"}""";
    private static final String JSONL_OK = """
            {"id":"q1","question":"Q?","choices":["a","b","c","d"],"answer":1}""";

    private static String arc(String choices, String answerKey) {
        return "{\"id\":\"a2\",\"question\":{\"stem\":\"Q?\",\"choices\":" + choices + "},\"answerKey\":\"" + answerKey + "\"}";
    }

    private static String arcChoices(String... labels) {
        StringBuilder json = new StringBuilder("[");
        for (String label : labels) {
            json.append(json.length() > 1 ? "," : "").append("{\"text\":\"t").append(label).append("\",\"label\":\"").append(label).append("\"}");
        }
        return json.append(']').toString();
    }

    private static Malformed arc(String name, String content, int line, String problem) {
        return new Malformed(name, BenchmarkFormat.ARC, "ARC-Challenge-Test.jsonl", utf8(content), line, problem);
    }

    private static Malformed pro(String name, String content, int line, String problem) {
        return new Malformed(name, BenchmarkFormat.MMLU_PRO, "test.jsonl", utf8(content), line, problem);
    }

    private static Malformed tqa(String name, String content, int line, String problem) {
        return new Malformed(name, BenchmarkFormat.TRUTHFULQA_MC1, "mc_task.json", utf8(content), line, problem);
    }

    private static Malformed jsonl(String name, String content, int line, String problem) {
        return new Malformed(name, BenchmarkFormat.JSONL, "set.jsonl", utf8(content), line, problem);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Malformed> malformedFiles() {
        return Stream.of(
                arc("ARC: broken JSON", ARC_OK + "\n{\"id\": \"a2\",\n", 2, "malformed JSON"),
                arc("ARC: missing answerKey", ARC_OK.replace(",\"answerKey\":\"B\"", ""), 1, "missing field answerKey"),
                arc("ARC: stem of the wrong type", ARC_OK.replace("\"Q?\"", "42"), 1, "question.stem must be a string, found number 42"),
                arc("ARC: two choices", ARC_OK + "\n" + arc(arcChoices("A", "B"), "A"), 2, "question.choices has 2 choices; expected 3 to 5"),
                arc("ARC: six choices", arc(arcChoices("A", "B", "C", "D", "E", "F"), "A"), 1, "has 6 choices; expected 3 to 5"),
                arc("ARC: a label skipped", arc(arcChoices("A", "C", "D"), "A"), 1, "labels [A, C, D] are not [A, B, C] or [1, 2, 3]"),
                arc("ARC: labels mixing letters and digits", arc(arcChoices("A", "2", "C", "D"), "A"), 1, "labels [A, 2, C, D] are not"),
                arc("ARC: answerKey not among the labels", arc(arcChoices("1", "2", "3", "4"), "D"), 1, "answerKey 'D' is not one of the labels [1, 2, 3, 4]"),
                arc("ARC: duplicate id", ARC_OK + "\n" + arc(arcChoices("A", "B", "C"), "A") + "\n" + ARC_OK, 3, "duplicate id t/science/test/a1, first on line 1"),
                arc("ARC: blank line inside", ARC_OK + "\n\n" + arc(arcChoices("A", "B", "C"), "A") + "\n", 2, "blank line"),
                arc("ARC: choice that is not an object", arc("[\"a\",\"b\",\"c\"]", "A"), 1, "question.choices[0] must be an object, found string"),
                new Malformed("CommonsenseQA: four choices", BenchmarkFormat.COMMONSENSE_QA, "dev_rand_split.jsonl",
                        utf8(arc(arcChoices("A", "B", "C", "D"), "A")), 1, "has 4 choices; expected 5"),
                new Malformed("CommonsenseQA: invalid UTF-8", BenchmarkFormat.COMMONSENSE_QA, "dev_rand_split.jsonl",
                        (arc(CSQA_CHOICES, "A") + "\n" + arc(CSQA_CHOICES, "A").replace("Q?", "Caf\u00e9?")).getBytes(StandardCharsets.ISO_8859_1),
                        2, "not valid UTF-8 (byte 0xe9)"),
                pro("MMLU-Pro: eleven options", PRO_OK.replace("[\"a\",\"b\",\"c\"]", "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]"),
                        1, "options has 11 entries; MMLU-Pro has at most 10"),
                pro("MMLU-Pro: answer letter beyond the options", PRO_OK + "\n" + PRO_OK.replace("\"B\"", "\"D\"").replace("\"question_id\":1", "\"question_id\":2"),
                        2, "answer 'D' is not the letter of one of the 3 options"),
                pro("MMLU-Pro: answer_index as a string", PRO_OK.replace("\"answer_index\":1", "\"answer_index\":\"1\""), 1, "answer_index must be an integer"),
                pro("MMLU-Pro: question_id neither string nor integer", PRO_OK.replace("\"question_id\":1", "\"question_id\":1.5"), 1, "question_id must be a string or an integer"),
                pro("MMLU-Pro: missing category", PRO_OK.replace(",\"category\":\"law\"", ""), 1, "missing field category"),
                tqa("TruthfulQA: two true options", "[\n {\"question\": \"Q1?\", \"mc1_targets\": {\"a\": 1, \"b\": 0}},\n"
                        + " {\"question\": \"Q2?\",\n  \"mc1_targets\": {\"a\": 1, \"b\": 0, \"c\": 1}}\n]", 3, "marks options 0 and 2 true; MC1 has exactly one"),
                tqa("TruthfulQA: no true option", "[{\"question\": \"Q?\", \"mc1_targets\": {\"a\": 0, \"b\": 0}}]", 1, "marks no option true"),
                tqa("TruthfulQA: an option listed twice", "[\n{\"question\": \"Q?\", \"mc1_targets\": {\"a\": 1,\n \"a\": 0}}]", 3, "Duplicate field 'a'"),
                tqa("TruthfulQA: a mark other than 0 or 1", "[{\"question\": \"Q?\", \"mc1_targets\": {\"a\": 1, \"b\": 2}}]", 1, "option 1 is marked 2"),
                tqa("TruthfulQA: not an array", "{\"question\": \"Q?\"}", 1, "expected the file to be one JSON array of questions"),
                jsonl("JSONL: answer outside the choices", JSONL_OK.replace("\"answer\":1", "\"answer\":4"), 1, "answer index 4 is outside the 4 choices"),
                jsonl("JSONL: answer given as a letter", JSONL_OK.replace("\"answer\":1", "\"answer\":\"B\""), 1, "answer must be an integer, found string \"B\""),
                jsonl("JSONL: a choice that is not a string", JSONL_OK.replace("\"b\"", "2"), 1, "choices[1] must be a string, found number 2"),
                jsonl("JSONL: id with a slash", JSONL_OK.replace("q1", "q/1"), 1, "id 'q/1' contains '/'"),
                jsonl("JSONL: no choices", JSONL_OK.replace("[\"a\",\"b\",\"c\",\"d\"]", "[]").replace("\"answer\":1", "\"answer\":0"), 1, "0 choices; a multiple-choice item needs at least 2"),
                jsonl("JSONL: blank choice", JSONL_OK.replace("\"c\"", "\" \""), 1, "choice 2 is blank"),
                jsonl("JSONL: empty question", JSONL_OK.replace("Q?", ""), 1, "empty question"),
                jsonl("JSONL: a line that is an array", JSONL_OK + "\n[1, 2]", 2, "expected a JSON object, found array"),
                jsonl("JSONL: two objects on one line", JSONL_OK + " " + JSONL_OK, 1, "malformed JSON"),
                jsonl("JSONL: empty file", "", 0, "no questions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void refusesTheWholeFileNamingFileLineAndProblem(Malformed malformed) throws IOException {
        Path file = Files.write(dir.resolve(malformed.fileName()), malformed.content());

        assertThatThrownBy(() -> malformed.format().open(dir, "t"))
                .isInstanceOf(BenchmarkFormatException.class)
                .hasMessageStartingWith(file + (malformed.line() > 0 ? ", line " + malformed.line() + ": " : ": "))
                .hasMessageContaining(malformed.problem());
    }
}
