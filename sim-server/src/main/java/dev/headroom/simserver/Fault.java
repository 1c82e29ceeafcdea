package dev.headroom.simserver;

/** The ways the sim server misbehaves on purpose, each at its own rate. */
public enum Fault {
    /** 429 with Retry-After, at once, as a rate limiter in front of a server answers. */
    RATE_LIMIT("rate-limit"),
    /** 500 after the latency. */
    SERVER_ERROR("server-error"),
    /** Holds the request, and its slot, for the configured hold time, then drops the connection without an answer. */
    TIMEOUT("timeout"),
    /** 200 whose body is not JSON. */
    MALFORMED_JSON("malformed-json"),
    /** 200 whose JSON body stops half way. */
    TRUNCATED_JSON("truncated-json"),
    /** 200 with a well-formed body and no choices. */
    EMPTY_CHOICES("empty-choices"),
    /** The connection is reset (TCP RST) on arrival. */
    CONNECTION_RESET("connection-reset");

    private final String option;

    Fault(String option) {
        this.option = option;
    }

    /** The name used on the command line and in reports. */
    public String option() {
        return option;
    }

    public static Fault fromOption(String option) {
        for (Fault fault : values()) {
            if (fault.option.equals(option)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + option + "'; known: "
                + java.util.Arrays.stream(values()).map(Fault::option).toList());
    }
}
