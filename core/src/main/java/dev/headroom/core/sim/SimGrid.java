package dev.headroom.core.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.core.Hashing;
import dev.headroom.core.benchmark.Item;
import dev.headroom.core.budget.AnswerGrid;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.variant.PromptRenderer;
import dev.headroom.core.variant.RenderedPrompt;
import dev.headroom.core.variant.Variant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Full grids of sim answers with their truth, and the items and variants the sim checks use. */
public final class SimGrid {

    private SimGrid() {
    }

    /**
     * Asks the model every item under every variant (prompts rendered 0-shot, as a run would present them): a cell
     * is correct when {@link SimModel#answer} names the gold option (an unparsed answer is wrong); a variant's truth
     * is the mean over the items of {@link SimModel#correctProbability}.
     */
    public static AnswerGrid answer(SimModel model, List<Item> items, List<Variant> variants) {
        List<Item> sorted = items.stream().sorted(Comparator.comparing(Item::id)).toList();
        boolean[][] correct = new boolean[variants.size()][sorted.size()];
        double[] truth = new double[variants.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Item item = sorted.get(i);
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                RenderedPrompt prompt = PromptRenderer.render(item, variant, List.of());
                TaskHeader header = new TaskHeader(TaskHeader.taskId("sim-grid", model.profile().name(), item.id(),
                        variant.id()), "sim-grid", model.profile().name(), item.id(), item.benchmark(), item.subject(),
                        variant, item.choices(), prompt.labels(), prompt.presentedOrder(), item.answerIndex());
                correct[v][i] = model.answer(header).equals(" " + header.labels().get(header.goldPosition()));
                truth[v] += model.correctProbability(header) / sorted.size();
            }
        }
        return new AnswerGrid(variants.stream().map(Variant::id).toList(), sorted.stream().map(Item::id).toList(),
                correct, truth);
    }

    /** The profile under a new name: its per-variant format shifts are drawn from the name, so each seed gets its own. */
    public static SimProfile reseeded(SimProfile profile, int seed) {
        return new SimProfile(profile.name() + "/seed-" + seed, profile.family(), profile.parameterCount(),
                profile.type(), profile.ability(), profile.formatSensitivity(), profile.fewShotGain(),
                profile.guessWeights(), profile.unparsedRate());
    }

    /** Four-option items of their own ids (so their own difficulties), the gold option drawn from the id. */
    public static List<Item> syntheticItems(int seed, int count) {
        List<Item> items = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            String id = "sim/seed" + seed + "/test/" + row;
            int gold = (int) (Hashing.uniform("sim-test-gold", id) * 4);
            items.add(new Item(id, "sim", "synthetic", "test", "Question " + row + "?",
                    List.of("first " + row, "second " + row, "third " + row, "fourth " + row), gold));
        }
        return items;
    }

    /** 100 format variants, 0-shot: 4 label styles x 5 option orders x 5 answer cues. */
    public static List<Variant> formatGrid() {
        ObjectMapper json = new ObjectMapper();
        List<Variant> grid = new ArrayList<>();
        List<Map<String, Object>> orders = List.of(Map.of("kind", "ORIGINAL"), Map.of("kind", "REVERSED"),
                Map.of("kind", "SHIFT", "k", 1), Map.of("kind", "SHIFT", "k", 2), Map.of("kind", "SHUFFLE", "k", 1));
        for (String labels : List.of("UPPER", "LOWER", "NUMBER", "ROMAN")) {
            for (Map<String, Object> order : orders) {
                for (String cue : List.of("answer", "the-answer-is", "final-answer", "label-only", "answer-format")) {
                    grid.add(json.convertValue(Map.of("labels", labels, "order", order, "answerCue", cue), Variant.class));
                }
            }
        }
        return grid;
    }
}
