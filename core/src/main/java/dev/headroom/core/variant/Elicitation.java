package dev.headroom.core.variant;

/** Whether the model is asked for the answer at once or to reason first and then give it. */
public enum Elicitation {
    DIRECT, CHAIN_OF_THOUGHT
}
