package dev.headroom.core.variant;

/** How a label is decorated in the option list: "A", "(A)", "[A]" or "&lt;A&gt;". Answers use the bare label. */
public enum LabelWrap {
    NONE("", ""), PARENS("(", ")"), BRACKETS("[", "]"), ANGLE("<", ">");

    private final String open;
    private final String close;

    LabelWrap(String open, String close) {
        this.open = open;
        this.close = close;
    }

    public String wrap(String label) {
        return open + label + close;
    }
}
