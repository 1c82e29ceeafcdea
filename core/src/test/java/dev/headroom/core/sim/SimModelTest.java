package dev.headroom.core.sim;

import dev.headroom.core.TestItems;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.OptionOrder;
import dev.headroom.core.variant.Variant;
import dev.headroom.core.variant.VariantPresets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimModelTest {

    private static final Variant SHUFFLED = Variant.builder().order(new OptionOrder(OptionOrder.Kind.SHUFFLE, 3)).build();

    private static List<TaskHeader> tasks(Variant variant, int count) {
        return IntStream.range(0, count)
                .mapToObj(row -> TestItems.header(TestItems.capitals(row, row % 4), variant, "m"))
                .toList();
    }

    @Test
    void sameTaskSameAnswer() {
        SimModel model = new SimModel(SimProfiles.named("sim-7b-base"));
        TaskHeader task = tasks(Variant.PLAIN, 1).get(0);

        assertThat(model.answer(task)).isEqualTo(model.answer(task));
    }

    @Test
    void oracleAlwaysAnswersTheGoldLabel() {
        SimModel oracle = new SimModel(SimProfiles.named("sim-oracle"));

        assertThat(tasks(SHUFFLED, 50)).allSatisfy(task ->
                assertThat(oracle.answer(task)).isEqualTo(" " + task.labels().get(task.goldPosition())));
    }

    @Test
    void firstOptionProbeAlwaysAnswersTheFirstLabel() {
        SimModel probe = new SimModel(SimProfiles.named("sim-first-option"));

        assertThat(tasks(SHUFFLED, 50)).allSatisfy(task -> assertThat(probe.answer(task)).isEqualTo(" A"));
    }

    @Test
    void observedAccuracyMatchesTheTrueProbability() {
        SimModel model = new SimModel(SimProfiles.named("sim-7b-base"));
        List<TaskHeader> many = tasks(Variant.PLAIN, 4000);

        double observed = many.stream().filter(t -> model.answer(t).equals(" " + t.labels().get(t.goldPosition()))).count()
                / (double) many.size();
        double truth = many.stream().mapToDouble(model::correctProbability).average().orElseThrow();

        assertThat(observed).isCloseTo(truth, within(0.03));
    }

    /** Over many formats: on any one format, a model's format offset may put it past the next size up. */
    @Test
    void positionProbabilitiesMatchHowOftenEachPositionIsAnswered() {
        SimModel model = new SimModel(SimProfiles.named("sim-0.5b-base"));
        List<TaskHeader> many = tasks(Variant.PLAIN, 4000);

        for (int position = 0; position < 4; position++) {
            int p = position;
            double observed = many.stream().filter(t -> model.answer(t).equals(" " + t.labels().get(p))).count()
                    / (double) many.size();
            double expected = many.stream().mapToDouble(t -> model.positionProbabilities(t).get(p)).average().orElseThrow();
            assertThat(observed).as("position %d", p).isCloseTo(expected, within(0.03));
        }
        assertThat(model.positionProbabilities(many.get(0)).stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1 - model.profile().unparsedRate(), within(1e-12));
    }

    @Test
    void largerModelsOfTheLadderAreMoreAble() {
        List<TaskHeader> many = VariantPresets.formatSpread().stream().limit(40)
                .flatMap(variant -> tasks(variant, 100).stream()).toList();
        double[] truths = List.of("sim-0.5b-base", "sim-1b-base", "sim-7b-base", "sim-70b-base").stream()
                .mapToDouble(name -> {
                    SimModel model = new SimModel(SimProfiles.named(name));
                    return many.stream().mapToDouble(model::correctProbability).average().orElseThrow();
                }).toArray();

        assertThat(truths).isSorted();
    }

    @Test
    void theReportedProbabilitiesMakeTheAnswerTheMostProbableAndKeepTheirValues() {
        for (SimProfile profile : SimProfiles.all()) {
            SimModel model = new SimModel(profile);
            for (TaskHeader task : tasks(SHUFFLED, 1000)) {
                List<Double> reported = model.answeredProbabilities(task);
                String answer = model.answer(task);
                if (answer.equals(SimModel.UNPARSED_ANSWER)) {
                    assertThat(reported).as(profile.name()).containsOnly(0.0);
                    continue;
                }
                int answered = task.labels().indexOf(answer.strip());
                double unparsed = 1 - reported.stream().mapToDouble(Double::doubleValue).sum();
                for (int position = 0; position < reported.size(); position++) {
                    if (position != answered) {
                        assertThat(reported.get(position)).as(profile.name()).isLessThan(reported.get(answered));
                    }
                }
                assertThat(unparsed).as(profile.name()).isLessThan(reported.get(answered));
                List<Double> sampled = new ArrayList<>(model.positionProbabilities(task));
                sampled.add(profile.unparsedRate());
                List<Double> shown = new ArrayList<>(reported);
                shown.add(unparsed);
                assertThat(shown.stream().sorted().toList()).as(profile.name())
                        .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-8 ? 0 : Double.compare(a, b))
                        .isEqualTo(sampled.stream().sorted().toList());
            }
        }
    }
}
