package dev.headroom.worker.gguf;

import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.CacheType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the child process loads the model; travels as its command-line arguments.
 *
 * @param threads      CPU threads for llama.cpp; 0 leaves llama.cpp's own default
 * @param kvCacheType  "f32" or "f16" (llama.cpp's default); f32 keeps the logits within float rounding of an exact
 *                     forward pass, f16 moves them by up to about 0.01
 */
record LlamaOptions(Path modelPath, int contextSize, int threads, String kvCacheType) {

    LlamaOptions {
        modelPath = modelPath.toAbsolutePath();
        cacheType(kvCacheType); // fails early, in the parent, on a value llama.cpp does not know
    }

    List<String> toArgs() {
        return List.of(modelPath.toString(), Integer.toString(contextSize), Integer.toString(threads), kvCacheType);
    }

    static LlamaOptions fromArgs(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("expected: <model path> <context size> <threads> <kv cache type>");
        }
        return new LlamaOptions(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
    }

    ModelParameters modelParameters() {
        CacheType cacheType = cacheType(kvCacheType);
        ModelParameters parameters = new ModelParameters()
                .setModel(modelPath.toString())
                .setCtxSize(contextSize)
                .setCacheTypeK(cacheType)
                .setCacheTypeV(cacheType)
                // a prompt longer than the context fails; with context shift llama.cpp would score a truncated one
                .disableContextShift()
                // llama.cpp's own log narrates every request; its warnings and errors still reach the log callback
                .disableLog();
        return threads > 0 ? parameters.setThreads(threads) : parameters;
    }

    private static CacheType cacheType(String name) {
        try {
            return CacheType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("headroom.worker.gguf.kv-cache-type: unknown type '" + name + "'; known: "
                    + Arrays.stream(CacheType.values()).map(type -> type.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
