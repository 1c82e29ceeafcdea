package dev.headroom.worker.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An independent fp32 forward pass of a llama2.c checkpoint (the layout of ../shared/models/stories260K/README.md),
 * written from llama2.c's run.c, to check the logits that the GGUF backend recovers through llama.cpp. No code is
 * shared with llama.cpp or with the GGUF file: it reads stories260K.bin.
 */
final class Llama2cReference {

    private final int dim;
    private final int hiddenDim;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int vocabSize;
    private final float[] tokenEmbedding;
    private final float[] rmsAttention;
    private final float[] wq;
    private final float[] wk;
    private final float[] wv;
    private final float[] wo;
    private final float[] rmsFfn;
    private final float[] w1;
    private final float[] w2;
    private final float[] w3;
    private final float[] rmsFinal;

    Llama2cReference(Path checkpoint) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(checkpoint)).order(ByteOrder.LITTLE_ENDIAN);
        dim = bytes.getInt();
        hiddenDim = bytes.getInt();
        layers = bytes.getInt();
        heads = bytes.getInt();
        kvHeads = bytes.getInt();
        vocabSize = Math.abs(bytes.getInt()); // positive: the classifier is the token embedding
        bytes.getInt(); // max sequence length
        FloatBuffer floats = bytes.asFloatBuffer();
        int kvDim = dim / heads * kvHeads;
        tokenEmbedding = next(floats, vocabSize * dim);
        rmsAttention = next(floats, layers * dim);
        wq = next(floats, layers * dim * dim);
        wk = next(floats, layers * dim * kvDim);
        wv = next(floats, layers * dim * kvDim);
        wo = next(floats, layers * dim * dim);
        rmsFfn = next(floats, layers * dim);
        w1 = next(floats, layers * dim * hiddenDim);
        w2 = next(floats, layers * hiddenDim * dim);
        w3 = next(floats, layers * dim * hiddenDim);
        rmsFinal = next(floats, dim);
    }

    /** The logits of the token after {@code tokens} (which start with BOS). */
    float[] nextTokenLogits(List<Integer> tokens) {
        int headSize = dim / heads;
        int kvDim = headSize * kvHeads;
        int kvMul = heads / kvHeads;
        float[][][] keys = new float[layers][tokens.size()][];
        float[][][] values = new float[layers][tokens.size()][];
        float[] x = null;
        for (int pos = 0; pos < tokens.size(); pos++) {
            x = new float[dim];
            System.arraycopy(tokenEmbedding, tokens.get(pos) * dim, x, 0, dim);
            for (int l = 0; l < layers; l++) {
                float[] xb = rmsNorm(x, rmsAttention, l * dim);
                float[] q = matmul(wq, l * dim * dim, xb, dim);
                float[] k = matmul(wk, l * dim * kvDim, xb, kvDim);
                float[] v = matmul(wv, l * dim * kvDim, xb, kvDim);
                rotate(q, pos, headSize);
                rotate(k, pos, headSize);
                keys[l][pos] = k;
                values[l][pos] = v;
                float[] attended = new float[dim];
                for (int h = 0; h < heads; h++) {
                    int kvOffset = (h / kvMul) * headSize;
                    float[] scores = new float[pos + 1];
                    for (int t = 0; t <= pos; t++) {
                        float score = 0;
                        for (int i = 0; i < headSize; i++) {
                            score += q[h * headSize + i] * keys[l][t][kvOffset + i];
                        }
                        scores[t] = score / (float) Math.sqrt(headSize);
                    }
                    softmax(scores);
                    for (int t = 0; t <= pos; t++) {
                        for (int i = 0; i < headSize; i++) {
                            attended[h * headSize + i] += scores[t] * values[l][t][kvOffset + i];
                        }
                    }
                }
                add(x, matmul(wo, l * dim * dim, attended, dim));
                float[] normed = rmsNorm(x, rmsFfn, l * dim);
                float[] gate = matmul(w1, l * dim * hiddenDim, normed, hiddenDim);
                float[] up = matmul(w3, l * dim * hiddenDim, normed, hiddenDim);
                for (int i = 0; i < hiddenDim; i++) {
                    gate[i] = gate[i] / (1f + (float) Math.exp(-gate[i])) * up[i];
                }
                add(x, matmul(w2, l * hiddenDim * dim, gate, dim));
            }
        }
        return matmul(tokenEmbedding, 0, rmsNorm(x, rmsFinal, 0), vocabSize);
    }

    /** RoPE on adjacent pairs within each head, as llama2.c (and llama.cpp's "norm" rope) apply it. */
    private static void rotate(float[] vector, int pos, int headSize) {
        for (int i = 0; i < vector.length; i += 2) {
            double frequency = 1.0 / Math.pow(10000.0, (double) (i % headSize) / headSize);
            float cos = (float) Math.cos(pos * frequency);
            float sin = (float) Math.sin(pos * frequency);
            float a = vector[i];
            float b = vector[i + 1];
            vector[i] = a * cos - b * sin;
            vector[i + 1] = a * sin + b * cos;
        }
    }

    private float[] rmsNorm(float[] x, float[] weights, int offset) {
        float squares = 0;
        for (float value : x) {
            squares += value * value;
        }
        float scale = 1f / (float) Math.sqrt(squares / x.length + 1e-5f);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = weights[offset + i] * scale * x[i];
        }
        return out;
    }

    /** Rows of {@code weights} from {@code offset}, each as long as {@code x}, times {@code x}. */
    private static float[] matmul(float[] weights, int offset, float[] x, int rows) {
        float[] out = new float[rows];
        for (int row = 0; row < rows; row++) {
            float sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += weights[offset + row * x.length + i] * x[i];
            }
            out[row] = sum;
        }
        return out;
    }

    private static void softmax(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        float sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.exp(values[i] - max);
            sum += values[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= sum;
        }
    }

    private static void add(float[] x, float[] delta) {
        for (int i = 0; i < x.length; i++) {
            x[i] += delta[i];
        }
    }

    private static float[] next(FloatBuffer floats, int count) {
        float[] values = new float[count];
        floats.get(values);
        return values;
    }
}
