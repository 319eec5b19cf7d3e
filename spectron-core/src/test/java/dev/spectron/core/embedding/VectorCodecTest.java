package dev.spectron.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorCodecTest {

    @Test
    void writes_float32_little_endian_back_to_back() {
        byte[] blob = VectorCodec.encode(new float[] {1.0f, -2.5f});

        // 1.0f = 0x3F800000, -2.5f = 0xC0200000, least significant byte first
        assertThat(blob).containsExactly(0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0);
    }

    @Test
    void round_trips_bit_for_bit_including_negative_zero_infinities_and_nan() {
        float nanWithPayload = Float.intBitsToFloat(0x7FC0_1234);
        float[] vector = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NaN, nanWithPayload, 0.123456789f};

        float[] decoded = VectorCodec.decode(VectorCodec.encode(vector));

        assertThat(decoded).hasSameSizeAs(vector);
        for (int i = 0; i < vector.length; i++) {
            assertThat(Float.floatToRawIntBits(decoded[i])).as("component %d", i).isEqualTo(Float.floatToRawIntBits(vector[i]));
        }
        assertThat(1 / decoded[1]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(decoded[7]).isNaN();
    }

    @Test
    void round_trips_an_empty_vector() {
        assertThat(VectorCodec.encode(new float[0])).isEmpty();
        assertThat(VectorCodec.decode(new byte[0])).isEmpty();
    }

    @Test
    void rejects_a_blob_that_is_not_a_whole_number_of_floats() {
        assertThatThrownBy(() -> VectorCodec.decode(new byte[6]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 4 bytes; got 6");
    }
}
