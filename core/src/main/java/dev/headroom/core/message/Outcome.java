package dev.headroom.core.message;

/** Unparsed counts as wrong in every accuracy and is also reported on its own. */
public enum Outcome { CORRECT, INCORRECT, UNPARSED }
