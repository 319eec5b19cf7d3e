package dev.spectron.core.retrieval;

import dev.spectron.core.Ids;
import dev.spectron.core.context.ContextId;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.memory.Attribute;
import dev.spectron.core.memory.Entity;
import dev.spectron.core.memory.EntityRef;
import dev.spectron.core.memory.Fact;
import dev.spectron.core.memory.Relation;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.port.MemoryStore;
import dev.spectron.core.port.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tiered read (DESIGN.md §6): {@code direct} when the query names a known entity and a key or
 * relation it has; {@code hybrid} fuses full-text, vector and graph candidates; {@code full_context}
 * widens the pool and the graph when the hybrid answer is thin. Superseded facts are left out
 * unless the read is {@code asOf} a time they were believed; records the reader may not see are
 * never returned (fail-closed). Replies of the builtin model are never memory, and a turn that only
 * asks a question ranks below statements (issue 16; {@link Fusion#prior}).
 */
public final class Retriever {
    private static final Logger LOG = LoggerFactory.getLogger(Retriever.class);
    /** Candidates each retriever proposes, per requested result. */
    static final int POOL_FACTOR = 5;
    static final int MIN_POOL = 50;
    /**
     * Retriever weights in the score fusion, measured on LoCoMo (docs/benchmarks.md): full-text and
     * vectors count alike (a convex combination of their scaled scores); graph neighbours of named
     * entities only nudge, because a name in the query ("When did Caroline ...") makes every fact
     * about that person a neighbour.
     */
    static final double BM25_WEIGHT = 0.5;
    static final double VECTOR_WEIGHT = 0.5;
    static final double GRAPH_WEIGHT = 0.05;
    private static final ExecutorService PARALLEL = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * A fused score below this means the retrievers did not agree near the top: the best hit leads
     * one list at most and sits in the lower half of the other.
     */
    static final double THIN_SCORE = 0.6;

    private final MemoryStore store;
    private final VectorCache vectors;
    private final TextCache texts;
    private final EmbedderProvider embedders;
    private final Clock clock;

    public Retriever(MemoryStore store, VectorCache vectors, TextCache texts, EmbedderProvider embedders, Clock clock) {
        this.store = store;
        this.vectors = vectors;
        this.texts = texts;
        this.embedders = embedders;
        this.clock = clock;
    }

    public Retrieval retrieve(RetrievalRequest request) {
        long start = System.nanoTime();
        List<String> words = QueryTerms.words(request.query());
        List<Entity> seeds = store.read(tx -> tx.entities().findByNames(request.contextId(), QueryTerms.ngrams(request.query())));
        Set<String> cues = KeyCues.of(words);
        Map<String, Integer> candidates = new LinkedHashMap<>();

        List<Hit> direct = direct(request, seeds, cues);
        candidates.put("direct", direct.size());
        Lists lists = candidateLists(request, seeds, Math.max(MIN_POOL, request.k() * POOL_FACTOR) * 2);
        List<Hit> hybrid = hybrid(request, seeds, lists, 1, candidates);
        Tier tier = direct.isEmpty() ? Tier.HYBRID : Tier.DIRECT;
        String reason = direct.isEmpty() ? "no known entity with a key the query asks about; fused retrievers" : "query names "
                + seeds.stream().map(e -> e.ref().path()).collect(Collectors.joining(", ")) + " and a key it has";
        if (direct.isEmpty() && thin(hybrid, request.k())) {
            hybrid = hybrid(request, seeds, lists, 2, candidates);
            tier = Tier.FULL_CONTEXT;
            reason = "hybrid answer was thin (best score or hit count under the floor); widened pool and graph";
        }
        List<Hit> hits = merge(direct, hybrid, request.k(), request.excludedTurns());
        double latencyMs = (System.nanoTime() - start) / 1e6;
        return new Retrieval(Ids.newId("trace_", clock.instant()), tier, reason, direct.isEmpty() ? "open" : "entity_key",
                seeds.stream().map(Entity::ref).toList(), hits, candidates, latencyMs);
    }

    private List<Hit> direct(RetrievalRequest request, List<Entity> seeds, Set<String> cues) {
        if (seeds.isEmpty() || request.mode() == RetrievalRequest.Mode.BM25 || request.mode() == RetrievalRequest.Mode.VECTOR) {
            return List.of();
        }
        return store.read(tx -> {
            List<String> refs = new ArrayList<>();
            for (Entity seed : seeds) {
                facts(tx, request, seed.id()).stream().filter(f -> KeyCues.matches(cues, keyOf(f))).map(Fact::id).forEach(refs::add);
            }
            return visibleDocs(tx, request, tx.search().findByRefs(request.contextId(), refs)).values().stream()
                    .filter(doc -> doc.kind() != SearchDoc.Kind.TURN)
                    .map(doc -> new Hit(doc, 1.0, List.of("direct")))
                    .toList();
        });
    }

    /** Full-text and vector candidates, fetched once at the widest pool; the tiers take prefixes of them. */
    private record Lists(List<ScoredId> bm25, List<ScoredId> vector) {
    }

    /**
     * The full-text index catches up with the latest writes and is searched on its own virtual
     * thread while the query is embedded and the vectors scanned: both cores work.
     */
    private Lists candidateLists(RetrievalRequest request, List<Entity> seeds, int pool) {
        RetrievalRequest.Mode mode = request.mode();
        List<String> terms = fullTextTerms(request.query(), seeds);
        CompletableFuture<List<ScoredId>> bm25 = mode == RetrievalRequest.Mode.VECTOR ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> texts.current(request.contextId()).search(terms, pool), PARALLEL);
        List<ScoredId> nearest = List.of();
        if (mode != RetrievalRequest.Mode.BM25) {
            QueryVector query = embed(request);
            if (query != null) {
                nearest = vectors.current(request.contextId(), query.model()).search(query.vector(), pool).stream()
                        .map(h -> new ScoredId(h.id(), h.score())).toList();
            }
        }
        return new Lists(bm25.join(), nearest);
    }

    /**
     * The query's words for full-text search, without the names of people it names when other words
     * remain: every turn a person said starts with their name, so the name matches half the
     * conversation and drowns the words that tell turns apart.
     */
    static List<String> fullTextTerms(String query, List<Entity> seeds) {
        List<String> terms = QueryTerms.of(query);
        Set<String> names = new java.util.HashSet<>();
        seeds.stream().filter(e -> e.ref().type() == dev.spectron.core.memory.EntityType.PERSON)
                .forEach(e -> names.addAll(QueryTerms.words(e.ref().name())));
        List<String> topical = terms.stream().filter(t -> !names.contains(t)).toList();
        return topical.isEmpty() ? terms : topical;
    }

    private List<Hit> hybrid(RetrievalRequest request, List<Entity> seeds, Lists lists, int widen, Map<String, Integer> candidates) {
        int pool = Math.max(MIN_POOL, request.k() * POOL_FACTOR) * widen;
        Fusion fusion = new Fusion();
        List<ScoredId> bm25 = lists.bm25().subList(0, Math.min(pool, lists.bm25().size()));
        List<ScoredId> nearest = lists.vector().subList(0, Math.min(pool, lists.vector().size()));
        candidates.put("bm25", bm25.size());
        candidates.put("vector", nearest.size());
        fusion.add("bm25", bm25, BM25_WEIGHT, true);
        fusion.add("vector", nearest, VECTOR_WEIGHT, false);
        if (request.mode() == RetrievalRequest.Mode.HYBRID_GRAPH && !seeds.isEmpty()) {
            List<String> graph = graph(request, seeds, widen, QueryTerms.of(request.query()));
            candidates.put("graph", graph.size());
            fusion.addRanked("graph", graph, GRAPH_WEIGHT);
        }
        Map<String, SearchDoc> docs = store.read(tx -> visibleDocs(tx, request, tx.search().find(request.contextId(), fusion.ids())));
        // Entity documents find entities by name; as evidence they only repeat where a name first came up.
        docs.values().removeIf(d -> d.kind() == SearchDoc.Kind.ENTITY);
        return fusion.rank(docs);
    }

    /**
     * Builds the context's in-process indexes ahead of its first read, which would otherwise wait
     * for them (~4 s at 100k documents). On failure the first read tries again.
     */
    public void warm(ContextId contextId) {
        texts.current(contextId);
        vectors.current(contextId, embedders.forContext(contextId).id());
    }

    /**
     * Frees the context's in-process indexes once it is deleted (at 100k documents, ~150 MB of
     * vectors); a context created again under its id builds them at its first read.
     */
    public void forget(ContextId contextId) {
        texts.forget(contextId);
        vectors.forget(contextId);
    }

    /**
     * Starts embedding a query that will be asked shortly (a chat's message, while its turn is
     * stored), so the read finds its vector ready; failures are left to the read to report.
     */
    public void embedAhead(ContextId contextId, String query) {
        embedders.forContext(contextId).embedAsync(query).exceptionally(failure -> {
            LOG.debug("context {}: query embedded ahead failed: {}", contextId, failure.getMessage());
            return null;
        });
    }

    /** The query's vector, computed once per read; null when embedding fails (full-text and graph still answer). */
    private QueryVector embed(RetrievalRequest request) {
        Embedder embedder = embedders.forContext(request.contextId());
        try {
            return new QueryVector(embedder.id(), embedder.embed(request.query()));
        } catch (ModelException e) {
            LOG.warn("context {}: query embedding failed, vector candidates skipped: {}", request.contextId(), e.getMessage());
            return null;
        }
    }

    private record QueryVector(dev.spectron.core.embedding.EmbedderId model, float[] vector) {
    }

    /** Facts of the named entities, then (hops = 2) of the entities they relate to; most important first. */
    private List<String> graph(RetrievalRequest request, List<Entity> seeds, int hops, List<String> terms) {
        Set<String> names = new java.util.HashSet<>();
        seeds.forEach(seed -> names.addAll(QueryTerms.words(seed.ref().name())));
        List<String> topical = terms.stream().filter(t -> !names.contains(t)).toList();
        return store.read(tx -> {
            Set<String> entityIds = new LinkedHashSet<>(seeds.stream().map(Entity::id).toList());
            List<Fact> facts = new ArrayList<>();
            for (int hop = 0; hop < hops; hop++) {
                Set<String> next = new LinkedHashSet<>();
                for (String entityId : entityIds) {
                    for (Fact fact : facts(tx, request, entityId)) {
                        facts.add(fact);
                        if (fact instanceof Relation r) {
                            next.add(r.subjectId().equals(entityId) ? r.objectId() : r.subjectId());
                        }
                    }
                }
                next.removeAll(entityIds);
                entityIds = next;
            }
            facts.sort((a, b) -> Double.compare(b.importance(), a.importance()));
            // Only neighbours that share a topical query word: the name alone would pull in everything about the person.
            return tx.search().findByRefs(request.contextId(), facts.stream().map(Fact::id).toList()).stream()
                    .filter(doc -> QueryTerms.words(doc.text()).stream().anyMatch(topical::contains))
                    .map(SearchDoc::id).distinct().toList();
        });
    }

    private static List<Fact> facts(StoreTransaction tx, RetrievalRequest request, String entityId) {
        List<Fact> facts = new ArrayList<>();
        if (request.asOf() == null) {
            facts.addAll(tx.attributes().liveOf(request.contextId(), entityId));
            facts.addAll(tx.relations().liveTouching(request.contextId(), entityId));
        } else {
            // asOf reads what memory holds as true at that instant (issue 16), as GET /entities does.
            tx.attributes().allOf(request.contextId(), entityId).stream().filter(a -> a.wasValidAt(request.asOf())).forEach(facts::add);
            tx.relations().allTouching(request.contextId(), entityId).stream().filter(r -> r.wasValidAt(request.asOf())).forEach(facts::add);
        }
        facts.removeIf(f -> !ScopeVisibility.visible(f.scopes(), request.lens()));
        return facts;
    }

    private static String keyOf(Fact fact) {
        return fact instanceof Attribute a ? a.key() : ((Relation) fact).label();
    }

    /** Drops what the reader may not see, facts no longer believed (at {@code asOf}, or now), and turns said after {@code asOf}. */
    private static Map<String, SearchDoc> visibleDocs(StoreTransaction tx, RetrievalRequest request, List<SearchDoc> docs) {
        Instant asOf = request.asOf();
        Map<String, Fact> facts = new HashMap<>();
        List<String> attributeRefs = docs.stream().filter(d -> d.kind() == SearchDoc.Kind.ATTRIBUTE).map(SearchDoc::refId).toList();
        List<String> relationRefs = docs.stream().filter(d -> d.kind() == SearchDoc.Kind.RELATION).map(SearchDoc::refId).toList();
        tx.attributes().findByIds(request.contextId(), attributeRefs).forEach(a -> facts.put(a.id(), a));
        tx.relations().findByIds(request.contextId(), relationRefs).forEach(r -> facts.put(r.id(), r));
        return docs.stream().filter(doc -> ScopeVisibility.visible(doc.scopes(), request.lens())).filter(doc -> switch (doc.kind()) {
            case TURN -> (asOf == null || !doc.occurredAt().isAfter(asOf)) && !isBuiltinReply(doc);
            case ENTITY -> asOf == null || !doc.occurredAt().isAfter(asOf);
            case ATTRIBUTE, RELATION -> {
                Fact fact = facts.get(doc.refId());
                yield fact != null && (asOf == null ? fact.isLive() : fact.wasValidAt(asOf));
            }
        }).collect(Collectors.toMap(SearchDoc::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** Stores indexed before issue 16 hold the builtin model's replies; they echo memory and are never returned. */
    private static boolean isBuiltinReply(SearchDoc doc) {
        return "assistant".equals(doc.role()) && doc.text().contains(dev.spectron.core.model.ModelProvider.BUILTIN_REPLY_LABEL);
    }

    private static boolean thin(List<Hit> hits, int k) {
        return hits.size() < Math.min(k, 3) || hits.get(0).score() < THIN_SCORE * Fusion.prior(hits.get(0).doc());
    }

    /**
     * Direct answers first, then the fused ranking; one item per source turn, the best-ranked one,
     * because a fact and the turn it came from say the same thing and would take two of the k places.
     * An excluded turn gives its place to the best fact drawn from it.
     */
    private static List<Hit> merge(List<Hit> direct, List<Hit> hybrid, int k, Set<String> excludedTurns) {
        Map<String, Hit> merged = new LinkedHashMap<>();
        Set<String> sourceTurns = new java.util.HashSet<>();
        for (Hit hit : concat(direct, hybrid)) {
            String turn = hit.doc().turnId();
            if (hit.doc().kind() == SearchDoc.Kind.TURN && excludedTurns.contains(turn)) {
                continue;
            }
            if (turn == null || sourceTurns.add(turn)) {
                merged.putIfAbsent(hit.doc().id(), hit);
            }
        }
        return merged.values().stream().limit(k).toList();
    }

    private static List<Hit> concat(List<Hit> a, List<Hit> b) {
        List<Hit> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
