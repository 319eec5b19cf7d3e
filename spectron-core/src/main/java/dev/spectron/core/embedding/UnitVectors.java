package dev.spectron.core.embedding;

/** Scaling to unit L2 norm, shared by the embedder decorator and the index. */
final class UnitVectors {

    private UnitVectors() {
    }

    /**
     * A unit-length copy of {@code vector}; the sum of squares is taken in double so that 384 or
     * 3072 float components lose no precision before the scale is applied.
     *
     * @throws IllegalArgumentException when a component is NaN or infinite, or all are zero: such
     *     a vector has no direction, and storing it would poison every score it takes part in
     */
    static float[] normalized(float[] vector) {
        double sumOfSquares = 0;
        for (int i = 0; i < vector.length; i++) {
            float component = vector[i];
            if (!Float.isFinite(component)) {
                throw new IllegalArgumentException("component " + i + " is " + component);
            }
            sumOfSquares += (double) component * component;
        }
        if (sumOfSquares == 0) {
            throw new IllegalArgumentException("all " + vector.length + " components are zero");
        }
        double norm = Math.sqrt(sumOfSquares);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
