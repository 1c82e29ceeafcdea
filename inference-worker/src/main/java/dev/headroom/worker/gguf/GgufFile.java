package dev.headroom.worker.gguf;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the one fact about a GGUF file that the llama.cpp binding does not expose: the size of its vocabulary, which
 * restricting the next token to a few candidates needs. Only the metadata header is read (GGUF versions 2 and 3,
 * little-endian); the tensors are left to llama.cpp.
 */
final class GgufFile {

    static final String TOKENS_KEY = "tokenizer.ggml.tokens";

    private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian int32
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;

    private GgufFile() {
    }

    /** The length of {@value #TOKENS_KEY}; fails with the file and the problem when it cannot be read. */
    static int vocabularySize(Path file) throws IOException {
        try (LittleEndianInput in = new LittleEndianInput(Files.newInputStream(file))) {
            if (in.int32() != MAGIC) {
                throw new IOException(file + ": not a GGUF file (it does not start with \"GGUF\")");
            }
            int version = in.int32();
            if (version < 2) {
                throw new IOException(file + ": GGUF version " + version + " is too old for llama.cpp; convert it anew");
            }
            in.int64(); // tensor count
            long entries = in.int64();
            for (long entry = 0; entry < entries; entry++) {
                String key = in.string();
                int type = in.int32();
                if (key.equals(TOKENS_KEY) && type == TYPE_ARRAY) {
                    in.int32(); // element type
                    return Math.toIntExact(in.int64());
                }
                skipValue(in, type);
            }
            throw new IOException(file + ": no " + TOKENS_KEY + " in its metadata, so it has no vocabulary llama.cpp can use");
        } catch (EOFException e) {
            throw new IOException(file + ": ends inside its GGUF metadata header (truncated file?)", e);
        }
    }

    private static void skipValue(LittleEndianInput in, int type) throws IOException {
        if (type == TYPE_STRING) {
            in.skip(in.int64());
        } else if (type == TYPE_ARRAY) {
            int elementType = in.int32();
            long count = in.int64();
            for (long element = 0; element < count; element++) {
                skipValue(in, elementType);
            }
        } else {
            in.skip(scalarSize(type));
        }
    }

    private static int scalarSize(int type) throws IOException {
        return switch (type) {
            case 0, 1, 7 -> 1;      // uint8, int8, bool
            case 2, 3 -> 2;         // uint16, int16
            case 4, 5, 6 -> 4;      // uint32, int32, float32
            case 10, 11, 12 -> 8;   // uint64, int64, float64
            default -> throw new IOException("unknown GGUF metadata value type " + type);
        };
    }

    private static final class LittleEndianInput implements AutoCloseable {

        private final DataInputStream in;

        LittleEndianInput(InputStream in) {
            this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        }

        int int32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long int64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        String string() throws IOException {
            byte[] bytes = new byte[Math.toIntExact(int64())];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    throw new EOFException();
                }
                left -= skipped;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
