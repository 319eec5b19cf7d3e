package dev.spectron.models.embedding.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The in-process models shipped in the LangChain4j ONNX artifacts; ids as in
 * {@code EmbeddingSpec.ONNX_MODELS}. The {@code -q} variants are int8-quantised: smaller and
 * faster, slightly less exact.
 */
public enum OnnxModel {
    ALL_MINILM_L6_V2("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel.class, PoolingMode.MEAN),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel.class, PoolingMode.MEAN),
    BGE_SMALL_EN_V15("bge-small-en-v1.5", BgeSmallEnV15EmbeddingModel.class, PoolingMode.CLS),
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", BgeSmallEnV15QuantizedEmbeddingModel.class, PoolingMode.CLS);

    /** Both families are 384-wide. */
    public static final int DIMENSION = 384;

    private final String id;
    /** A class of the artifact that carries the weights, to read them through its class loader. */
    private final Class<?> artifact;
    private final PoolingMode pooling;

    OnnxModel(String id, Class<?> artifact, PoolingMode pooling) {
        this.id = id;
        this.artifact = artifact;
        this.pooling = pooling;
    }

    /** The model name after {@code "onnx/"} in a spec. */
    public String id() {
        return id;
    }

    public static Optional<OnnxModel> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /**
     * Loads the weights into an ONNX Runtime session that runs each inference on its caller's
     * thread alone. LangChain4j's model classes let ONNX Runtime spread one inference over every
     * core; for a sentence that is no faster (8.4 ms on one core, 8.1–10.9 ms on two, bge-small),
     * and its threads spin between steps, taking the second core from the full-text search and
     * the writes that a read or a chat runs beside it. {@code executor} runs the inferences.
     */
    EmbeddingModel load(Executor executor) {
        try (InputStream weights = resource(id + ".onnx"); InputStream tokenizer = resource(id + "-tokenizer.json")) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                OrtSession session = environment.createSession(weights.readAllBytes(), options);
                return new SingleSession(executor, new OnnxBertBiEncoder(environment, session, tokenizer, pooling));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weights of onnx/" + id, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load onnx/" + id + ": " + e.getMessage(), e);
        }
    }

    private InputStream resource(String name) {
        return Objects.requireNonNull(artifact.getClassLoader().getResourceAsStream(name), () -> name + " is missing from the classpath");
    }

    /** LangChain4j's tokenising, pooling and batching around a session configured here. */
    private static final class SingleSession extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleSession(Executor executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
