package dev.headroom.core.variant;

import dev.headroom.core.SharedData;
import dev.headroom.core.benchmark.BenchmarkFormatException;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.benchmark.MmluLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptEvalTemplatesTest {

    private static final String FILE = "prompt_templates/prompteval_mmlu/data/templates/MMLU/abstract_algebra.csv";

    @Test
    void loadsTheHundredMmluTemplatesAsDistinctVariants() {
        List<Variant> variants = PromptEvalTemplates.load(SharedData.dataset(FILE));

        assertThat(variants).hasSize(100);
        assertThat(variants.get(0).name()).isEqualTo("template=prompteval-0");
        assertThat(variants.get(99).template().name()).isEqualTo("prompteval-99");
        assertThat(variants.stream().map(Variant::id).distinct()).hasSize(100);
    }

    @Test
    void aTemplateIsFilledWithTheTopicTheQuestionAndUnitxtStyleChoices() {
        Variant first = PromptEvalTemplates.load(SharedData.dataset(FILE)).get(0);
        Item item = new MmluLoader(SharedData.dataset("mmlu/data"), "mmlu").subjectItems("test", "high_school_physics").get(3);

        String choices = "A. " + item.choices().get(0) + "\nB. " + item.choices().get(1) + "\nC. " + item.choices().get(2)
                + "\nD. " + item.choices().get(3);
        assertThat(PromptRenderer.render(item, first, List.of()).text()).isEqualTo(
                "The\n following\n are\n multiple\n choice\n questions\n (WITH\n answers)\n about\n high school physics/\n "
                        + item.question().strip() + "/\n Answers:\n " + choices + "/\n Answer:");
    }

    @Test
    void aRowWithoutTheQuestionPlaceholderNamesItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, ",prompt template\n0,\"{question} {choices}\"\n1,no placeholders\n");

        assertThatThrownBy(() -> PromptEvalTemplates.load(file)).isInstanceOf(BenchmarkFormatException.class)
                .hasMessageContaining("bad.csv, line 3").hasMessageContaining("{question}");
    }
}
