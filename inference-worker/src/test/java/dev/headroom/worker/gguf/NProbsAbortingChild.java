package dev.headroom.worker.gguf;

import de.kherud.llama.InferenceParameters;

/**
 * A child that loads the model like {@link LlamaChild} and then answers any request with the call that aborts the
 * whole JVM in de.kherud:llama 4.2.0: a completion with n_probs &gt; 0 (its native code reads JSON keys that its
 * bundled llama.cpp no longer writes, and a failed GGML_ASSERT aborts).
 */
public final class NProbsAbortingChild {

    private NProbsAbortingChild() {
    }

    public static void main(String[] args) {
        LlamaChild.serve(args, (model, vocabularySize) -> request -> {
            model.complete(new InferenceParameters("Once").setNPredict(1).setNProbs(1));
            throw new IllegalStateException("setNProbs(1) returned: this binding no longer aborts on it");
        });
    }
}
