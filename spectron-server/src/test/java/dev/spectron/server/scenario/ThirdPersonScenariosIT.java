package dev.spectron.server.scenario;

import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.ServerExtension;
import dev.spectron.server.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Facts about other people (issue 16 point 2) over HTTP, with the stage-0 heuristics alone (the
 * default context has no extraction model): the turn's diff, {@code /state}, {@code /entities/...}
 * and the history chain. Each test writes into its own context, so {@code /state} is its own.
 */
class ThirdPersonScenariosIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    @Test
    void a_sister_s_job_and_a_brother_s_city_reach_their_own_entities() {
        Memory memory = Memory.of("ada");

        JsonNode diff = memory.say("My sister Lena is a nurse and my brother Jonas lives in Hamburg.", "2026-01-05T09:00:00Z");

        assertThat(facts(diff.get("attributes"))).contains("person/lena occupation nurse", "person/jonas home Hamburg");
        assertThat(edges(diff.get("relations"))).containsExactlyInAnyOrder("person/ada sibling_of person/lena",
                "person/ada sibling_of person/jonas", "person/jonas lives_in location/hamburg");
        JsonNode identity = memory.get("/state").get("identity").get("attributes");
        assertThat(facts(identity)).contains("person/lena occupation nurse", "person/jonas home Hamburg");
        JsonNode lena = memory.get("/entities/person/lena");
        assertThat(facts(lena.get("attributes"))).containsExactly("person/lena occupation nurse");
        assertThat(edges(memory.get("/entities/person/jonas").get("relations"))).contains("person/jonas lives_in location/hamburg");
        assertThat(facts(memory.get("/entities/person/ada").get("attributes"))).noneMatch(f -> f.contains("nurse") || f.contains("Hamburg"));
    }

    @Test
    void a_later_statement_about_lena_supersedes_the_earlier_one_and_keeps_the_chain() {
        Memory memory = Memory.of("ada");
        memory.say("Lena is a nurse.", "2026-01-05T09:00:00Z");

        JsonNode diff = memory.say("Lena is a midwife now.", "2026-03-05T09:00:00Z");

        assertThat(diff.get("corrections").findValuesAsText("newValue")).containsExactly("midwife");
        assertThat(diff.get("corrections").findValuesAsText("oldValue")).containsExactly("nurse");
        JsonNode history = memory.get("/entities/person/lena/history/occupation").get("history");
        assertThat(history.findValuesAsText("value")).containsExactly("nurse", "midwife");
        assertThat(history.get(0).get("supersededBy").asText()).isEqualTo(history.get(1).get("id").asText());
        assertThat(facts(memory.get("/entities/person/lena").get("attributes"))).containsExactly("person/lena occupation midwife");
    }

    @Test
    void what_someone_else_did_is_an_activity_dated_by_the_phrase_or_by_the_turn() {
        Memory memory = Memory.of("melanie");

        memory.say("Caroline went to a LGBTQ support group yesterday.", "2023-05-08T13:56:00Z");
        memory.say("Caroline joined a painting class.", "2023-05-20T10:00:00Z");

        JsonNode attributes = memory.get("/entities/person/caroline").get("attributes");
        assertThat(facts(attributes)).containsExactlyInAnyOrder("person/caroline activity went to a LGBTQ support group (2023-05-07)",
                "person/caroline activity joined a painting class");
        assertThat(validFrom(attributes, "went to a LGBTQ support group (2023-05-07)")).startsWith("2023-05-07T00:00:00");
        assertThat(validFrom(attributes, "joined a painting class")).startsWith("2023-05-20T10:00:00");
        assertThat(facts(memory.get("/state").get("context").get("attributes"))).contains("person/caroline activity joined a painting class");
    }

    @Test
    void another_person_s_kids_get_their_likes_and_their_parent() {
        Memory memory = Memory.of("caroline");

        JsonNode diff = memory.say("Melanie's kids love the beach.", "2023-05-08T13:56:00Z");

        assertThat(facts(diff.get("attributes"))).containsExactly("person/melanie's kids likes the beach");
        assertThat(edges(diff.get("relations"))).containsExactly("person/melanie parent_of person/melanie's kids");
        assertThat(facts(memory.get("/entities/person/melanie's%20kids").get("attributes"))).containsExactly("person/melanie's kids likes the beach");
        assertThat(edges(memory.get("/entities/person/melanie").get("relations"))).contains("person/melanie parent_of person/melanie's kids");
    }

    @Test
    void he_in_the_next_turn_is_the_brother_named_in_the_previous_one() {
        Memory memory = Memory.of("ada");
        memory.say("My brother Jonas is visiting.", "2026-01-05T09:00:00Z");

        JsonNode diff = memory.say("He works at Siemens.", "2026-01-05T09:01:00Z");

        assertThat(facts(diff.get("attributes"))).containsExactly("person/jonas employer Siemens");
        assertThat(edges(memory.get("/entities/person/jonas").get("relations")))
                .contains("person/jonas works_at organisation/siemens", "person/ada sibling_of person/jonas");
    }

    @Test
    void a_dog_named_in_an_earlier_turn_stays_a_pet_and_his_wife_is_jonas_s() {
        Memory memory = Memory.of("ada");
        memory.say("My dog Max is getting old.", "2026-01-05T09:00:00Z");
        memory.say("My brother Jonas is visiting.", "2026-01-05T09:01:00Z");

        JsonNode mia = memory.say("His wife Mia is a nurse.", "2026-01-05T09:02:00Z");
        JsonNode max = memory.say("Max loves the beach.", "2026-01-05T09:03:00Z");

        assertThat(facts(max.get("attributes"))).containsExactly("other/max likes the beach");
        assertThat(facts(memory.get("/entities/other/max").get("attributes"))).contains("other/max species dog", "other/max likes the beach");
        assertThat(edges(mia.get("relations"))).containsExactly("person/jonas spouse_of person/mia");
        assertThat(edges(memory.get("/entities/person/jonas").get("relations")))
                .contains("person/ada sibling_of person/jonas", "person/jonas spouse_of person/mia");
        assertThat(facts(memory.get("/entities/person/mia").get("attributes"))).containsExactly("person/mia occupation nurse");
    }

    @Test
    void a_wish_a_question_and_an_ambiguous_she_write_nothing_about_anyone_else() {
        Memory memory = Memory.of("ada");
        memory.say("My brother Jonas is a pilot.", "2026-01-05T09:00:00Z");

        memory.say("I wish my sister Lena was a nurse.", "2026-01-05T09:01:00Z");
        memory.say("Is Lena a nurse?", "2026-01-05T09:02:00Z");
        memory.say("Lena met Anna. She is a teacher.", "2026-01-05T09:03:00Z");

        assertThat(facts(memory.get("/state").get("identity").get("attributes"))).contains("person/jonas occupation pilot")
                .noneMatch(f -> f.contains("nurse") || f.contains("teacher"));
    }

    private static String validFrom(JsonNode attributes, String value) {
        for (JsonNode attribute : attributes) {
            if (attribute.get("value").asText().equals(value)) {
                return attribute.get("validFrom").asText();
            }
        }
        throw new AssertionError("no attribute " + value + " in " + attributes);
    }

    /** "entity key value" for each attribute. */
    private static List<String> facts(JsonNode attributes) {
        List<String> facts = new ArrayList<>();
        attributes.forEach(a -> facts.add(a.get("entity").asText() + " " + a.get("key").asText() + " " + a.get("value").asText()));
        return facts;
    }

    /** "subject label object" for each relation. */
    private static List<String> edges(JsonNode relations) {
        List<String> edges = new ArrayList<>();
        relations.forEach(r -> edges.add(r.get("subject").asText() + " " + r.get("label").asText() + " " + r.get("object").asText()));
        return edges;
    }

    /** One context of its own with one session scoped to {@code user}. */
    private record Memory(String base, String key, String sessionId) {
        static Memory of(String user) {
            String context = "tp-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(http.post("/api/v1/contexts/" + context).bearer(MANAGEMENT_KEY).json(Map.of()).send().status()).isEqualTo(201);
            String key = http.post("/api/v1/contexts/" + context + "/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "app")).send()
                    .json().get("key").asText();
            String base = "/api/v1/" + context;
            String session = http.post(base + "/sessions").bearer(key).json(Map.of("scope", Map.of("user", user))).send()
                    .json().get("id").asText();
            return new Memory(base, key, session);
        }

        JsonNode say(String text, String at) {
            TestHttp.Reply reply = http.post(base + "/sessions/" + sessionId + "/turns").bearer(key)
                    .json(Map.of("role", "user", "content", text, "ts", at)).send();
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            return reply.json();
        }

        JsonNode get(String path) {
            TestHttp.Reply reply = http.get(base + path).bearer(key).send();
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
            return reply.json();
        }
    }
}
