package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.message.TaskHeader;
import dev.headroom.core.replay.RecordedAnswers;

import java.util.Map;

/**
 * Answers with what a model answered in a published run, so that results can be reanalysed through the pipeline.
 * A task's item is found by the last segment of its item id (the benchmark's own id, e.g. MMLU-Pro's question_id).
 * The recorded option is shown under the variant's label for it, so option order and label style stay honest.
 */
class ReplayBackend implements ModelBackend {

    private final RecordedAnswers answers;
    private final String source;

    ReplayBackend(RecordedAnswers answers, String source) {
        this.answers = answers;
        this.source = source;
    }

    @Override
    public Completion complete(PromptTask task) {
        TaskHeader header = task.header();
        String key = header.itemId().substring(header.itemId().lastIndexOf('/') + 1);
        RecordedAnswers.Answer answer = answers.answer(key).orElseThrow(() -> new IllegalStateException(
                "no recorded answer for item " + header.itemId() + " in " + source));
        return new Completion(Messages.SCHEMA_VERSION, header, text(answer, header), Map.of(), "stop", 0, 0, 0, 1, "replay", null);
    }

    /** Empty, and so unparsed, when the model gave no answer or one that is not an option of this item. */
    private static String text(RecordedAnswers.Answer answer, TaskHeader header) {
        if (answer instanceof RecordedAnswers.Answer.Option option) {
            int position = header.presentedOrder().indexOf(option.originalIndex());
            return position < 0 ? "" : header.labels().get(position);
        }
        return "";
    }
}
