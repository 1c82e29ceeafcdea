package dev.headroom.core.variant;

import dev.headroom.core.benchmark.Item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
    private static final String[] OPTION_FIELDS = IntStream.range(0, 20).mapToObj(i -> "option" + i).toArray(String[]::new);
    /**
     * The part before the question is the same for every item of a subject under a variant: rendered once per
     * thread, not once per item. A run renders items subject by subject, so a few hundred entries suffice.
     */
    private static final int CACHED_PREFIXES = 512;
    private static final ThreadLocal<Map<PrefixKey, Prefix>> PREFIXES = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(CACHED_PREFIXES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<PrefixKey, Prefix> eldest) {
                    return size() > CACHED_PREFIXES;
                }
            });

    private PromptRenderer() {
    }

    /** Everything before the asked question, and the example turns of the chat form. */
    private record Prefix(String text, List<ChatMessage> exampleTurns) {
    }

    private record PrefixKey(Variant variant, String subject, List<Item> examples) {
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
        Prefix prefix = variant.shots() == 0 ? prefix(variant, subject, List.of())
                : PREFIXES.get().computeIfAbsent(
                        new PrefixKey(variant, subject, List.copyOf(examples.subList(0, variant.shots()))),
                        key -> prefix(key.variant(), key.subject(), key.examples()));
        List<Integer> order = variant.order().presentedOrder(item.choices().size(), item.id());
        StringBuilder question = new StringBuilder(2 * length(item) + 256);
        appendQuestion(question, item, order, variant, subject, true);
        // one exactly sized copy of the (long, few-shot) prefix rather than a growing builder's several
        String userText = prefix.text().concat(question.toString());

        List<ChatMessage> messages = new ArrayList<>(prefix.exampleTurns().size() + 2);
        String system = variant.system().text(subject);
        if (!system.isEmpty()) {
            messages.add(new ChatMessage("system", system));
        }
        messages.addAll(prefix.exampleTurns());
        boolean ownTurn = !prefix.exampleTurns().isEmpty();
        messages.add(new ChatMessage("user", ownTurn ? userText.substring(prefix.text().length()) : userText));
        String text = system.isEmpty() ? userText : system + PARAGRAPH + userText;
        return new RenderedPrompt(text, messages, variant.labels().labels(order.size()), order);
    }

    private static Prefix prefix(Variant variant, String subject, List<Item> examples) {
        StringBuilder out = new StringBuilder(256 + examples.stream().mapToInt(PromptRenderer::length).sum());
        appendIntro(out, variant, subject);
        List<ChatMessage> turns = new ArrayList<>();
        int turnStart = 0;
        for (Item example : examples) {
            List<Integer> order = variant.order().presentedOrder(example.choices().size(), example.id());
            appendQuestion(out, example, order, variant, subject, false);
            String gold = variant.labels().label(order.indexOf(example.answerIndex()));
            if (variant.fewShotTurns()) {
                turns.add(new ChatMessage("user", out.substring(turnStart)));
                turns.add(new ChatMessage("assistant", gold));
            }
            out.append(' ').append(gold).append(PARAGRAPH);
            turnStart = out.length();
        }
        return new Prefix(out.toString(), List.copyOf(turns));
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
        if (variant.template() != null) {
            StringBuilder options = new StringBuilder(2 * length(item));
            appendOptions(options, item, order, variant, noise);
            variant.template().fill(out, subject, question, options.toString());
            return;
        }
        Casing casing = variant.casing();
        out.append(variant.questionPrefix().render(casing)).append(question).append('\n');
        appendOptions(out, item, order, variant, noise);
        out.append('\n');
        AnswerCue cue = variant.answerCue();
        List<String> labels = variant.labels().labels(order.size());
        if (asked && variant.elicitation() == Elicitation.CHAIN_OF_THOUGHT) {
            out.append(cue.chainOfThoughtInstruction(casing, variant.labels(), labels));
            return;
        }
        String instruction = cue.instruction(casing, variant.labels(), labels);
        if (!instruction.isEmpty()) {
            out.append(instruction).append('\n');
        }
        out.append(cue.descriptor(casing));
    }

    /** The options as the layout lays them out, with no line end after the last. */
    private static void appendOptions(StringBuilder out, Item item, List<Integer> order, Variant variant, Noise noise) {
        for (int position = 0; position < order.size(); position++) {
            int original = order.get(position);
            out.append(variant.layout().before(position)).append(variant.wrap().wrap(variant.labels().label(position)))
                    .append(variant.separator())
                    .append(noise.apply(item.choices().get(original), item.id(), OPTION_FIELDS[original]));
        }
    }

    private static int length(Item item) {
        int length = item.question().length();
        for (String choice : item.choices()) {
            length += choice.length() + 8;
        }
        return length;
    }
}
