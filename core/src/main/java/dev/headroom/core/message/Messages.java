package dev.headroom.core.message;

/** Version of the JSON message contracts; a consumer sends a record of any other version to its dead-letter topic. */
public final class Messages {

    public static final int SCHEMA_VERSION = 1;

    private Messages() {
    }
}
