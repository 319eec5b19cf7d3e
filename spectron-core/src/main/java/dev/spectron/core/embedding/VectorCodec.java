package dev.spectron.core.embedding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The storage form of a vector (SQLite BLOB, PostgreSQL bytea): its components as IEEE 754
 * float32, little-endian, back to back, with no header. The dimension is the length divided by
 * four; the model id lives in its own column.
 *
 * <p><b>Bit-exact.</b> Components are written with {@link Float#floatToRawIntBits}, so a blob read
 * back is the vector that was written: {@code -0.0f} stays negative zero, infinities stay
 * infinite, and a NaN stays a NaN with its payload (Java guarantees only "some NaN" across every
 * conversion, x86-64 keeps the bits). The codec does not judge values: vectors from an
 * {@link Embedder} are finite, and {@link VectorIndex#upsert} rejects NaN and infinity.
 */
public final class VectorCodec {

    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private VectorCodec() {
    }

    public static byte[] encode(float[] vector) {
        byte[] blob = new byte[vector.length * Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            FLOAT_LE.set(blob, i * Float.BYTES, vector[i]);
        }
        return blob;
    }

    /** @throws IllegalArgumentException when the length is not a whole number of float32 components */
    public static float[] decode(byte[] blob) {
        if (blob.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("a float32 vector blob is a multiple of " + Float.BYTES
                    + " bytes; got " + blob.length);
        }
        float[] vector = new float[blob.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) FLOAT_LE.get(blob, i * Float.BYTES);
        }
        return vector;
    }
}
