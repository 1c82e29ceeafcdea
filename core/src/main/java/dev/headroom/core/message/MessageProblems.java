package dev.headroom.core.message;

import java.util.Optional;

/**
 * What makes a message that parsed unusable for its consumer: another schema version, a missing task header or task
 * id, a task for a model other than the one served. Each is a reason for the dead-letter topic, never a crash.
 */
public final class MessageProblems {

    private MessageProblems() {
    }

    /** A prompt task for the worker that serves {@code servedModel}. */
    public static Optional<String> ofPrompt(PromptTask task, String servedModel) {
        Optional<String> problem = ofTask(task.schemaVersion(), task.header());
        if (problem.isPresent()) {
            return problem;
        }
        if (!servedModel.equals(task.header().model())) {
            return Optional.of("unknown model '" + task.header().model() + "': this worker serves '" + servedModel + "'");
        }
        if (task.prompt() == null && task.messages().isEmpty()) {
            return Optional.of("the task has neither a prompt nor messages");
        }
        return Optional.empty();
    }

    public static Optional<String> ofCompletion(Completion completion) {
        return ofTask(completion.schemaVersion(), completion.header());
    }

    public static Optional<String> ofScore(Score score) {
        Optional<String> problem = ofTask(score.schemaVersion(), score.header());
        if (problem.isEmpty() && score.outcome() == null) {
            return Optional.of("the score has no outcome");
        }
        return problem;
    }

    private static Optional<String> ofTask(int schemaVersion, TaskHeader header) {
        if (schemaVersion != Messages.SCHEMA_VERSION) {
            return Optional.of("schema version " + schemaVersion + ", this consumer reads " + Messages.SCHEMA_VERSION);
        }
        if (header == null || header.taskId() == null || header.taskId().isBlank()) {
            return Optional.of("no task header with a task id");
        }
        if (header.runId() == null || header.model() == null) {
            return Optional.of("the task header has no run or no model");
        }
        return ofItem(header);
    }

    /**
     * Whether a header names its item and variant and its options, labels, presented order and gold index fit together:
     * as many labels as options, the presented order a permutation of the options, the gold index one of them.
     */
    public static Optional<String> ofItem(TaskHeader header) {
        if (header.itemId() == null || header.itemId().isBlank()) {
            return Optional.of("the task header has no item id");
        }
        int options = header.options().size();
        if (options == 0) {
            return Optional.of("the task has no options");
        }
        if (header.labels().size() != options || header.presentedOrder().size() != options) {
            return Optional.of("the task has " + options + " options, " + header.labels().size() + " labels and "
                    + header.presentedOrder().size() + " presented positions");
        }
        if (header.presentedOrder().stream().distinct().count() != options
                || header.presentedOrder().stream().anyMatch(index -> index == null || index < 0 || index >= options)) {
            return Optional.of("the presented order " + header.presentedOrder() + " is not a permutation of the options");
        }
        if (header.goldIndex() < 0 || header.goldIndex() >= options) {
            return Optional.of("the gold index " + header.goldIndex() + " is not one of the " + options + " options");
        }
        if (header.variant() == null) {
            return Optional.of("the task header has no variant");
        }
        return Optional.empty();
    }
}
