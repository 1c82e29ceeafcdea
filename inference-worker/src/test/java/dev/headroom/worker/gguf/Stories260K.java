package dev.headroom.worker.gguf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The tiny real GGUF model in ../shared (see its README there) and the options the tests load it with. */
final class Stories260K {

    static final Path MODEL = Path.of(System.getProperty("headroom.home", "."))
            .resolve("../shared/models/stories260K/stories260K.gguf").normalize();
    /** The same weights in llama2.c's own format, which the GGUF file was converted from. */
    static final Path LLAMA2C_CHECKPOINT = MODEL.resolveSibling("stories260K.bin");
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Stories260K() {
    }

    /** Skips the calling test in a clone without ../shared. */
    static void assumePresent() {
        assumeTrue(Files.isRegularFile(MODEL), "no " + MODEL);
    }

    /** Its trained context, one thread (the machine is shared), and the exact KV cache. */
    static LlamaOptions options() {
        return new LlamaOptions(MODEL, 512, 1, "f32");
    }

    static LlamaProcess process(Class<?> childMain) {
        return new LlamaProcess(options(), TIMEOUT, TIMEOUT, childMain);
    }
}
