package dev.headroom.core.variant;

import dev.headroom.core.benchmark.Item;
import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Outcome;
import dev.headroom.core.message.Score;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.scoring.Scorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random variants (a random value on every dimension) and random items (2 to 10 options, any gold), what the
 * model sees and what the scorer is told agree. The draws are seeded: a failure names its trial, variant and item,
 * and rerunning reproduces it. Question and option texts carry unique markers (§, ¶n) so that finding an option in
 * the prompt can never match another option, the question or the format's own words.
 */
class RenderingPropertiesTest {

    private static final long SEED = 20_260_301L;
    private static final int TRIALS = 3_000;
    private static final List<Item> EXAMPLES = List.of(
            new Item("ex0", "t", "s", "dev", "Two plus two?", List.of("3", "4", "5"), 1),
            new Item("ex1", "t", "s", "dev", "Colour of the sky?", List.of("red", "green", "blue", "black"), 2),
            new Item("ex2", "t", "s", "dev", "First letter?", List.of("A", "Z"), 0),
            new Item("ex3", "t", "s", "dev", "Largest planet?", List.of("Mars", "Jupiter", "Venus", "Earth", "Mercury"), 1),
            new Item("ex4", "t", "s", "dev", "Capital of France?", List.of("Paris", "Rome", "Madrid", "Berlin"), 0));

    @Test
    void theGoldLabelPointsAtTheGoldTextAndEveryLabelAtItsOption() {
        Random random = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            Variant variant = randomVariant(random);
            Item item = randomItem(random, trial);
            RenderedPrompt prompt = PromptRenderer.render(item, variant, EXAMPLES);
            String text = prompt.text();
            String context = "trial " + trial + ", " + variant + ", " + item;

            int at = text.lastIndexOf(askedQuestion(item, variant));
            assertThat(at).as("question in the prompt; %s", context).isGreaterThanOrEqualTo(0);
            for (int position = 0; position < prompt.labels().size(); position++) {
                int original = prompt.presentedOrder().get(position);
                String entry = variant.wrap().wrap(prompt.labels().get(position)) + variant.separator()
                        + variant.noise().apply(item.choices().get(original), item.id(), "option" + original);
                int found = text.indexOf(entry, at);
                assertThat(found).as("option %d as '%s' in order after the question; %s", original, entry, context)
                        .isGreaterThanOrEqualTo(0);
                at = found + entry.length();
            }
            assertThat(prompt.presentedOrder()).as(context)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, item.choices().size()).boxed().toList());
        }
    }

    @Test
    void aCompletionNamingTheGoldLabelScoresTheOriginalGoldIndex() {
        Random random = new Random(SEED + 1);
        for (int trial = 0; trial < TRIALS; trial++) {
            Variant variant = randomVariant(random);
            Item item = randomItem(random, trial);
            RenderedPrompt prompt = PromptRenderer.render(item, variant, EXAMPLES);
            TaskHeader header = new TaskHeader(TaskHeader.taskId("run", "m", item.id(), variant.id()), "run", "m",
                    item.id(), item.benchmark(), item.subject(), variant, item.choices(), prompt.labels(),
                    prompt.presentedOrder(), item.answerIndex());
            String gold = prompt.labels().get(prompt.presentedOrder().indexOf(item.answerIndex()));
            // a chain of thought that first names another option, then commits in the cue's final form
            String text = variant.elicitation() == Elicitation.CHAIN_OF_THOUGHT
                    ? "Option " + prompt.labels().get(0) + " looks tempting at first.\n"
                    + variant.answerCue().descriptor(variant.casing()) + " " + gold
                    : " " + gold;
            Map<String, Double> logprobs = new HashMap<>();
            prompt.labels().forEach(label -> logprobs.put(label, label.equals(gold) ? -0.1 : -3.0));
            String context = "trial " + trial + ", " + variant + ", completion '" + text + "'";

            Score byText = Scorer.score(new Completion(1, header, text, Map.of(), "stop", 1, 1, 1, 1, "test", null));
            Score byLogprobs = Scorer.score(new Completion(1, header, "", logprobs, "stop", 1, 1, 1, 1, "test", null));

            assertThat(byText.outcome()).as(context).isEqualTo(Outcome.CORRECT);
            assertThat(byText.chosenIndex()).as(context).isEqualTo(item.answerIndex());
            assertThat(byLogprobs.chosenIndex()).as(context).isEqualTo(item.answerIndex());
        }
    }

    private static String askedQuestion(Item item, Variant variant) {
        String question = variant.stripQuestion() ? PythonText.strip(item.question()) : item.question();
        return variant.noise().apply(question, item.id(), "question");
    }

    private static Item randomItem(Random random, int trial) {
        int count = 2 + random.nextInt(9);
        List<String> choices = new ArrayList<>();
        for (int option = 0; option < count; option++) {
            choices.add("¶" + option + " " + words(random));
        }
        String padding = pick(random, List.of("", " ", "\n", " \u0085"));
        return new Item("t/s/test/" + trial, "t", "s", "test", padding + "§" + words(random) + "?" + padding,
                choices, random.nextInt(count));
    }

    private static String words(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(25);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(6) == 0 ? ' ' : random.nextInt(20) == 0 ? 'É' : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static Variant randomVariant(Random random) {
        Variant.Builder builder = Variant.builder()
                .labels(pick(random, LabelStyle.values()))
                .wrap(pick(random, LabelWrap.values()))
                .separator(pick(random, List.of(". ", ") ", ": ", " - ", " ", "")))
                .layout(pick(random, Layout.values()))
                .order(new OptionOrder(pick(random, OptionOrder.Kind.values()), random.nextInt(24) - 3))
                .casing(pick(random, Casing.values()))
                .header(pick(random, Header.values()))
                .questionPrefix(pick(random, QuestionPrefix.values()))
                .stripQuestion(random.nextBoolean())
                .answerCue(pick(random, AnswerCue.values()))
                .persona(pick(random, Persona.values()))
                .praise(pick(random, Praise.values()))
                .stakes(pick(random, Stakes.values()))
                .system(pick(random, SystemPrompt.values()))
                .shots(pick(random, List.of(0, 1, 3, 5)))
                .fewShotTurns(random.nextBoolean())
                .noise(new Noise(pick(random, List.of(0.0, 0.05, 0.5)), random.nextInt(3), random.nextBoolean(),
                        random.nextInt(10)));
        if (random.nextInt(5) == 0) {
            builder.template(new PromptTemplate("t", pick(random,
                    List.of("{question}\n{choices}\nAnswer:", "About {topic}: {question} | {choices} | Answer"))));
        } else {
            builder.elicitation(pick(random, Elicitation.values()));
        }
        return builder.build();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
