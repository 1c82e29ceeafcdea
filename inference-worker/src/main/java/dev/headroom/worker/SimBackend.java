package dev.headroom.worker;

import dev.headroom.core.message.Completion;
import dev.headroom.core.message.Messages;
import dev.headroom.core.message.PromptTask;
import dev.headroom.core.sim.SimModel;
import dev.headroom.core.sim.SimProfiles;

import java.util.Map;

/** Answers in-process as a sim profile; its completions say backend "sim" so nobody mistakes them for a model's. */
class SimBackend implements ModelBackend {

    private final SimModel model;

    SimBackend(String profile) {
        this.model = new SimModel(SimProfiles.named(profile));
    }

    @Override
    public Completion complete(PromptTask task) {
        long started = System.nanoTime();
        String text = model.answer(task.header());
        long latencyMillis = (System.nanoTime() - started) / 1_000_000;
        return new Completion(Messages.SCHEMA_VERSION, task.header(), text, Map.of(), "stop",
                wordCount(task.prompt()), wordCount(text), latencyMillis, 1, "sim", null);
    }

    /** Sim models have no tokenizer; whitespace-separated words stand in for tokens. */
    private static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
