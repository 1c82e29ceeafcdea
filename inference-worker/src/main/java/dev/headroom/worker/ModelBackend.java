package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.PromptTask;

/** Something that answers prompts: a simulated model, a model server, a model in-process. */
public interface ModelBackend {

    Completion complete(PromptTask task);
}
