package dev.headroom.core.variant;

import dev.headroom.core.SharedData;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plain} against lm-evaluation-harness's MMLU task (lm_eval/tasks/mmlu/default): the expected prompt is built
 * here from the raw CSV rows as the harness's configuration says, independently of the renderer:
 * <ul>
 *   <li>description, from {@code _generate_configs.py}: "The following are multiple choice questions (with answers)
 *   about {' '.join(subject.split('_'))}.\n\n";</li>
 *   <li>{@code doc_to_text} from {@code _default_template_yaml}:
 *   "{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:";</li>
 *   <li>few-shot: {@code fewshot_split: dev}, {@code sampler: first_n}; each example is followed by
 *   target_delimiter " ", its choice letter and fewshot_delimiter "\n\n" (the defaults in
 *   {@code lm_eval/api/samplers.py}); context = description + examples + doc_to_text.</li>
 * </ul>
 */
class LmEvalHarnessMmluTest {

    /** Python's str.isspace() characters, for question.strip(). */
    private static final String PYTHON_WHITESPACE = "\t\n\u000b\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680"
            + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

    /** Subjects across the four MMLU categories, with rows that trip parsers: U+0085, leading spaces, CRLF files. */
    static Stream<Arguments> items() {
        return Stream.of(
                Arguments.of("abstract_algebra", 0), Arguments.of("anatomy", 7), Arguments.of("astronomy", 151),
                Arguments.of("business_ethics", 3), Arguments.of("clinical_knowledge", 42),
                Arguments.of("college_chemistry", 99), Arguments.of("college_computer_science", 12),
                Arguments.of("econometrics", 5), Arguments.of("formal_logic", 8), Arguments.of("global_facts", 60),
                Arguments.of("high_school_european_history", 1), Arguments.of("high_school_government_and_politics", 90),
                Arguments.of("high_school_us_history", 17), Arguments.of("international_law", 33),
                Arguments.of("machine_learning", 111), Arguments.of("management", 39), Arguments.of("marketing", 5),
                Arguments.of("moral_scenarios", 400), Arguments.of("nutrition", 3), Arguments.of("professional_law", 1000),
                Arguments.of("professional_medicine", 20), Arguments.of("security_studies", 77),
                Arguments.of("sociology", 69), Arguments.of("us_foreign_policy", 2), Arguments.of("world_religions", 0));
    }

    @ParameterizedTest(name = "{0} row {1}")
    @MethodSource("items")
    void plainIsTheHarnessPromptZeroShot(String subject, int row) throws IOException {
        Path data = SharedData.dataset("mmlu/data");
        Item item = new MmluLoader(data, "mmlu").subjectItems("test", subject).get(row);

        String expected = description(subject) + docToText(csvRow(data, subject, "test", row));

        assertThat(PromptRenderer.render(item, VariantPresets.named("plain"), List.of()).text()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} row {1}")
    @MethodSource("items")
    void plainFiveShotIsTheHarnessPromptWithTheFirstFiveDevExamples(String subject, int row) throws IOException {
        Path data = SharedData.dataset("mmlu/data");
        MmluLoader loader = new MmluLoader(data, "mmlu");
        Item item = loader.subjectItems("test", subject).get(row);

        StringBuilder expected = new StringBuilder(description(subject));
        for (int example = 0; example < 5; example++) {
            CSVRecord dev = csvRow(data, subject, "dev", example);
            expected.append(docToText(dev)).append(' ').append(dev.get(5)).append("\n\n");
        }
        expected.append(docToText(csvRow(data, subject, "test", row)));

        assertThat(PromptRenderer.render(item, VariantPresets.named("plain-5shot"), loader.subjectItems("dev", subject)).text())
                .isEqualTo(expected.toString());
    }

    private static String description(String subject) {
        return "The following are multiple choice questions (with answers) about " + String.join(" ", subject.split("_"))
                + ".\n\n";
    }

    private static String docToText(CSVRecord doc) {
        return pythonStrip(doc.get(0)) + "\nA. " + doc.get(1) + "\nB. " + doc.get(2) + "\nC. " + doc.get(3)
                + "\nD. " + doc.get(4) + "\nAnswer:";
    }

    private static String pythonStrip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && PYTHON_WHITESPACE.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PYTHON_WHITESPACE.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    private static CSVRecord csvRow(Path data, String subject, String split, int row) throws IOException {
        Path file = data.resolve(split).resolve(subject + "_" + split + ".csv");
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return parser.getRecords().get(row);
        }
    }
}
