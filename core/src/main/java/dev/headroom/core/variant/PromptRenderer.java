package dev.headroom.core.variant;

import dev.headroom.core.benchmark.Item;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an item, a variant and the few-shot examples into what a model sees. The completion string is
 * <pre>
 * [system]\n\n  [persona praise stakes]\n\n  [header]\n\n  (example + " " + label + "\n\n") x shots  question
 * </pre>
 * where a question is {@code [prefix ]question\n<options>\n[instruction\n]cue} (the cue replaced by the
 * chain-of-thought instruction when the variant asks for it), or its template filled in. With plain's values this
 * is lm-evaluation-harness's MMLU prompt byte for byte. The chat form has the system message as its own turn and
 * the rest as one user turn, or, with {@code fewShotTurns}, one user turn per question and the examples' labels as
 * assistant turns.
 */
public final class PromptRenderer {

    private static final String PARAGRAPH = "\n\n";

    private PromptRenderer() {
    }

    /**
     * @param examples dev items of the item's subject in file order; the first {@code variant.shots()} are used
     */
    public static RenderedPrompt render(Item item, Variant variant, List<Item> examples) {
        if (examples.size() < variant.shots()) {
            throw new IllegalArgumentException("variant " + variant.name() + " needs " + variant.shots()
                    + " examples for " + item.subject() + ", only " + examples.size() + " available");
        }
        String subject = item.subject().replace('_', ' ');
        List<ChatMessage> messages = new ArrayList<>(2 * variant.shots() + 2);
        String system = variant.system().text(subject);
        if (!system.isEmpty()) {
            messages.add(new ChatMessage("system", system));
        }
        StringBuilder user = new StringBuilder(2048);
        appendIntro(user, variant, subject);
        int turnStart = 0;
        for (Item example : examples.subList(0, variant.shots())) {
            List<Integer> order = variant.order().presentedOrder(example.choices().size(), example.id());
            appendQuestion(user, example, order, variant, subject, false);
            String gold = variant.labels().label(order.indexOf(example.answerIndex()));
            if (variant.fewShotTurns()) {
                messages.add(new ChatMessage("user", user.substring(turnStart)));
                messages.add(new ChatMessage("assistant", gold));
            }
            user.append(' ').append(gold).append(PARAGRAPH);
            turnStart = user.length();
        }
        List<Integer> order = variant.order().presentedOrder(item.choices().size(), item.id());
        appendQuestion(user, item, order, variant, subject, true);
        String userText = user.toString();
        messages.add(new ChatMessage("user", variant.fewShotTurns() ? userText.substring(turnStart) : userText));
        String text = system.isEmpty() ? userText : system + PARAGRAPH + userText;
        return new RenderedPrompt(text, messages, variant.labels().labels(order.size()), order);
    }

    private static void appendIntro(StringBuilder out, Variant variant, String subject) {
        int start = out.length();
        for (Phrase phrase : List.of(variant.persona(), variant.praise(), variant.stakes())) {
            if (!phrase.isNone()) {
                out.append(out.length() > start ? " " : "").append(phrase.text(subject));
            }
        }
        if (out.length() > start) {
            out.append(PARAGRAPH);
        }
        if (variant.template() == null && !variant.header().isNone()) {
            out.append(variant.header().text(subject)).append(PARAGRAPH);
        }
    }

    /** Noise perturbs only the question asked, so that the examples stay the same for every item of a subject. */
    private static void appendQuestion(StringBuilder out, Item item, List<Integer> order, Variant variant,
                                       String subject, boolean asked) {
        Noise noise = asked ? variant.noise() : Noise.NONE;
        String question = noise.apply(variant.stripQuestion() ? PythonText.strip(item.question()) : item.question(),
                item.id(), "question");
        String options = options(item, order, variant, noise);
        if (variant.template() != null) {
            variant.template().fill(out, subject, question, options);
            return;
        }
        Casing casing = variant.casing();
        out.append(variant.questionPrefix().render(casing)).append(question).append('\n').append(options).append('\n');
        AnswerCue cue = variant.answerCue();
        if (asked && variant.elicitation() == Elicitation.CHAIN_OF_THOUGHT) {
            out.append(cue.chainOfThoughtInstruction(casing, variant.labels(), variant.labels().labels(order.size())));
            return;
        }
        String instruction = cue.instruction(casing, variant.labels(), variant.labels().labels(order.size()));
        if (!instruction.isEmpty()) {
            out.append(instruction).append('\n');
        }
        out.append(cue.descriptor(casing));
    }

    private static String options(Item item, List<Integer> order, Variant variant, Noise noise) {
        List<String> entries = new ArrayList<>(order.size());
        for (int position = 0; position < order.size(); position++) {
            int original = order.get(position);
            entries.add(variant.wrap().wrap(variant.labels().label(position)) + variant.separator()
                    + noise.apply(item.choices().get(original), item.id(), "option" + original));
        }
        return variant.layout().join(entries);
    }
}
