package dev.headroom.core.variant;

import dev.headroom.core.benchmark.Item;

import java.util.List;

/** Turns an item, a variant and the few-shot examples into the prompt a model sees. */
public final class PromptRenderer {

    private PromptRenderer() {
    }

    /**
     * @param examples dev items in file order; the first {@code variant.shots()} of them are used
     */
    public static RenderedPrompt render(Item item, Variant variant, List<Item> examples) {
        if (examples.size() < variant.shots()) {
            throw new IllegalArgumentException("variant " + variant.name() + " needs " + variant.shots()
                    + " examples for " + item.subject() + ", only " + examples.size() + " available");
        }
        StringBuilder text = new StringBuilder();
        if (variant.subjectHeader()) {
            text.append("The following are multiple choice questions (with answers) about ")
                    .append(item.subject().replace('_', ' ')).append(".\n\n");
        }
        for (Item example : examples.subList(0, variant.shots())) {
            List<Integer> order = variant.order().presentedOrder(example.choices().size(), example.id());
            appendQuestion(text, example, variant, order);
            text.append(' ').append(variant.labels().label(order.indexOf(example.answerIndex()))).append("\n\n");
        }
        List<Integer> order = variant.order().presentedOrder(item.choices().size(), item.id());
        appendQuestion(text, item, variant, order);
        String prompt = text.toString();
        return new RenderedPrompt(prompt, List.of(new ChatMessage("user", prompt)),
                variant.labels().labels(order.size()), order);
    }

    private static void appendQuestion(StringBuilder text, Item item, Variant variant, List<Integer> order) {
        text.append(item.question().strip()).append('\n');
        for (int position = 0; position < order.size(); position++) {
            text.append(variant.labels().label(position)).append(variant.separator())
                    .append(item.choices().get(order.get(position))).append('\n');
        }
        text.append(variant.answerCue());
    }
}
