package dev.spectron.models.embedding.onnx;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The in-process models shipped in the LangChain4j ONNX artifacts; ids as in
 * {@code EmbeddingSpec.ONNX_MODELS}. The {@code -q} variants are int8-quantised: smaller and
 * faster, slightly less exact.
 */
public enum OnnxModel {
    ALL_MINILM_L6_V2("all-minilm-l6-v2", AllMiniLmL6V2EmbeddingModel::new),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new),
    BGE_SMALL_EN_V15("bge-small-en-v1.5", BgeSmallEnV15EmbeddingModel::new),
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", BgeSmallEnV15QuantizedEmbeddingModel::new);

    /** Both families are 384-wide. */
    public static final int DIMENSION = 384;

    private final String id;
    private final Function<Executor, EmbeddingModel> loader;

    OnnxModel(String id, Function<Executor, EmbeddingModel> loader) {
        this.id = id;
        this.loader = loader;
    }

    /** The model name after {@code "onnx/"} in a spec. */
    public String id() {
        return id;
    }

    public static Optional<OnnxModel> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /**
     * Loads the weights (the first time per process: LangChain4j keeps them in a static field).
     * {@code executor} is ours so LangChain4j starts no thread pool of its own per instance.
     */
    EmbeddingModel load(Executor executor) {
        return loader.apply(executor);
    }
}
