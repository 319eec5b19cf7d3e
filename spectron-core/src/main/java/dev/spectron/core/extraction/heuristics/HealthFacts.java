package dev.spectron.core.extraction.heuristics;

import dev.spectron.core.memory.MemoryCategory;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Allergies (one {@code allergy} per item), conditions ("I'm diabetic" → diabetes) and diet
 * ("I'm vegetarian"). "I have diabetes" arrives through {@link HaveStatements}.
 */
final class HealthFacts implements FactRule {
    static final String DIETS = "vegetarian|vegan|pescatarian|pescetarian|flexitarian|keto|paleo|halal|kosher";
    private static final GuardedPattern ALLERGIC = GuardedPattern.of(
            "(?:{IM}|{I}{_}(?i:might|may|could|must) be) {ADV}(?i:very |severely |mildly )?(?i:allergic to) ", "allergic");
    private static final GuardedPattern DIET = GuardedPattern.of(
            "(?:{IM}|{I}{_}(?i:'ve been|have been|went|became|eat|only eat|keep)) {ADV}(?:(?i:an?|strictly|fully|mostly) ){0,2}"
                    + "(?i:(" + DIETS + "))\\b", DIETS.split("\\|"));
    private static final GuardedPattern CONDITION_ADJECTIVE = GuardedPattern.of(
            "{IM} {ADV}(?:(?i:type [12]|prediabetic|pre-diabetic) )?(?i:(diabetic|asthmatic|epileptic|coeliac|celiac|anaemic|anemic|autistic"
                    + "|dyslexic|lactose intolerant|gluten intolerant|colou?r ?blind))\\b",
            "diabetic", "asthmatic", "epileptic", "coeliac", "celiac", "anaemic", "anemic", "autistic", "dyslexic", "intolerant", "blind");
    private static final GuardedPattern DIAGNOSED = GuardedPattern.of(
            "{I}{_}{ADV}(?i:suffer from|was diagnosed with|'ve been diagnosed with|have been diagnosed with|live with|struggle with) ",
            "suffer", "diagnosed", "live with", "struggle with");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+");

    private static final Map<String, String> ADJECTIVE_TO_CONDITION = Map.ofEntries(
            Map.entry("diabetic", "diabetes"), Map.entry("asthmatic", "asthma"), Map.entry("epileptic", "epilepsy"),
            Map.entry("coeliac", "coeliac disease"), Map.entry("celiac", "coeliac disease"), Map.entry("anaemic", "anaemia"),
            Map.entry("anemic", "anaemia"), Map.entry("autistic", "autism"), Map.entry("dyslexic", "dyslexia"),
            Map.entry("lactose intolerant", "lactose intolerance"), Map.entry("gluten intolerant", "gluten intolerance"),
            Map.entry("colour blind", "colour blindness"), Map.entry("color blind", "colour blindness"),
            Map.entry("colourblind", "colour blindness"), Map.entry("colorblind", "colour blindness"));
    private static final Set<String> CONDITIONS = Set.of("diabetes", "type 1 diabetes", "type 2 diabetes", "asthma", "epilepsy",
            "arthritis", "migraines", "migraine", "adhd", "autism", "dyslexia", "anxiety", "depression", "hypertension",
            "high blood pressure", "coeliac disease", "celiac disease", "ibs", "eczema", "psoriasis", "insomnia", "sleep apnea",
            "sleep apnoea", "tinnitus", "lupus", "crohn's", "crohn's disease", "cancer", "long covid", "fibromyalgia", "ptsd", "ocd",
            "a heart condition", "heart disease", "lactose intolerance", "gluten intolerance");

    /** The condition a noun phrase names ("Diabetes", "type 2 diabetes"), or null. */
    static String conditionNamed(String phrase) {
        String lower = phrase.toLowerCase(Locale.ROOT);
        return CONDITIONS.contains(lower) ? lower : null;
    }

    @Override
    public void apply(Clause clause, Findings out) {
        for (Matcher allergic = ALLERGIC.in(clause); allergic.find(); ) {
            for (String item : ITEM_SEPARATOR.split(clause.value(allergic.end()))) {
                String allergen = Lexicon.clean(item);
                if (!allergen.isEmpty()) {
                    out.speakerAttribute("allergy", allergen, MemoryCategory.IDENTITY);
                }
            }
        }
        for (Matcher diet = DIET.in(clause); diet.find(); ) {
            out.speakerAttribute("diet", diet.group(1).toLowerCase(Locale.ROOT), MemoryCategory.IDENTITY);
        }
        for (Matcher adjective = CONDITION_ADJECTIVE.in(clause); adjective.find(); ) {
            String condition = ADJECTIVE_TO_CONDITION.get(adjective.group(1).toLowerCase(Locale.ROOT));
            out.speakerAttribute("condition", condition, MemoryCategory.IDENTITY);
        }
        for (Matcher diagnosed = DIAGNOSED.in(clause); diagnosed.find(); ) {
            String condition = Lexicon.withoutArticle(clause.value(diagnosed.end()));
            if (!condition.isEmpty()) {
                out.speakerAttribute("condition", condition.toLowerCase(Locale.ROOT), MemoryCategory.IDENTITY);
            }
        }
    }
}
