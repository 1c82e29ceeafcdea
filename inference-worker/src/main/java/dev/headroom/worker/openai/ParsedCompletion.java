package dev.headroom.worker.openai;

import java.util.Map;

/**
 * What a worker keeps of an OpenAI-compatible response.
 *
 * @param labelLogprobs the option labels found among the first answer token's alternatives; empty when the server
 *                      gave no log-probabilities or none of them is a label
 * @param simulated     the server says it is Headroom's sim server (system_fingerprint "headroom-sim")
 */
record ParsedCompletion(String text, Map<String, Double> labelLogprobs, String finishReason, int promptTokens,
                        int completionTokens, boolean simulated) {
}
