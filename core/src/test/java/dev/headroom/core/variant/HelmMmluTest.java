package dev.headroom.core.variant;

import dev.headroom.core.SharedData;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm} against HELM's MMLU run spec (get_mmlu_spec, the multiple_choice_joint adapter), built here from its
 * adapter settings: instructions "The following are multiple choice questions (with answers) about {subject}." plus
 * "\n"; input_prefix "Question: ", input_suffix "\n"; reference_prefix "A. " (B., C., ...), reference_suffix "\n";
 * output_prefix "Answer: ", output_suffix "\n"; blocks joined by instance_prefix "\n"; the asked block ends with
 * output_prefix.rstrip(). HELM does not strip the question. (HELM samples its examples from the train split;
 * Headroom takes dev in file order, as for every variant.)
 */
class HelmMmluTest {

    @ParameterizedTest(name = "{0} row {1}, {2} shots")
    @CsvSource({"anatomy,7,0", "formal_logic,8,0", "world_religions,0,5", "high_school_physics,30,5", "sociology,69,5"})
    void helmIsHelmsJointFormat(String subject, int row, int shots) {
        Path data = SharedData.dataset("mmlu/data");
        MmluLoader loader = new MmluLoader(data, "mmlu");
        Item item = loader.subjectItems("test", subject).get(row);
        List<Item> dev = loader.subjectItems("dev", subject);

        List<String> blocks = new ArrayList<>();
        blocks.add("The following are multiple choice questions (with answers) about " + subject.replace('_', ' ') + ".\n");
        for (Item example : dev.subList(0, shots)) {
            blocks.add(block(example) + "Answer: " + "ABCD".charAt(example.answerIndex()) + "\n");
        }
        blocks.add(block(item) + "Answer:");

        assertThat(PromptRenderer.render(item, VariantPresets.named("helm").withShots(shots), dev).text())
                .isEqualTo(String.join("\n", blocks));
    }

    private static String block(Item item) {
        StringBuilder block = new StringBuilder("Question: " + item.question() + "\n");
        for (int i = 0; i < item.choices().size(); i++) {
            block.append((char) ('A' + i)).append(". ").append(item.choices().get(i)).append("\n");
        }
        return block.toString();
    }
}
