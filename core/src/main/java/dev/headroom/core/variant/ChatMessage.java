package dev.headroom.core.variant;

/** One turn of a chat prompt: role is system, user or assistant. */
public record ChatMessage(String role, String content) {
}
