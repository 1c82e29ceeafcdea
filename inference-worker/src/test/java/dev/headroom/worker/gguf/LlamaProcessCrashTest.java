package dev.headroom.worker.gguf;

import dev.headroom.core.message.PromptTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A native crash of llama.cpp ends its child process only; the task fails with what happened. */
class LlamaProcessCrashTest {

    @BeforeEach
    void needsTheModel() {
        Stories260K.assumePresent();
    }

    @Test
    void nativeAbortFailsTheTaskWithSignalAndStderrAndTheNextRequestGetsANewChild() {
        PromptTask task = Tasks.multipleChoice("plain");
        try (LlamaProcess llama = Stories260K.process(NProbsAbortingChild.class);
             GgufBackend backend = new GgufBackend(llama, 1e-4)) {
            long firstPid = llama.pid();

            assertThatThrownBy(() -> backend.complete(task))
                    .isInstanceOf(LlamaProcessException.class)
                    .hasMessageContaining("pid " + firstPid)
                    .hasMessageContaining("killed by signal 6 (SIGABRT)")
                    .hasMessageContaining("GGML_ASSERT");

            assertThat(llama.pid()).isNotEqualTo(firstPid);
        }
    }

    @Test
    void childKilledWhileIdleIsReplacedAndTheNextRequestIsAnswered() throws Exception {
        try (LlamaProcess llama = Stories260K.process(LlamaChild.class)) {
            long firstPid = llama.pid();
            ProcessHandle child = ProcessHandle.of(firstPid).orElseThrow();
            child.destroyForcibly();
            child.onExit().get();

            assertThat(llama.tokenize(List.of("Once upon a time"))).containsExactly(List.of(403, 407, 261, 378));
            assertThat(llama.pid()).isNotEqualTo(firstPid);
        }
    }

    @Test
    void childThatStopsAnsweringIsKilledAndReported() {
        LlamaOptions options = Stories260K.options();
        try (LlamaProcess llama = new LlamaProcess(options, Stories260K.TIMEOUT, Duration.ofMillis(1),
                LlamaChild.class)) {
            llama.start();

            assertThatThrownBy(() -> llama.generate("Once upon a time", 400, null))
                    .isInstanceOf(LlamaProcessException.class)
                    .hasMessageContaining("no reply within");
        }
    }

    @Test
    void describesSignalsByName() {
        assertThat(LlamaProcess.describeExit(137)).isEqualTo("killed by signal 9 (SIGKILL)");
        assertThat(LlamaProcess.describeExit(1)).isEqualTo("exited with status 1");
    }
}
