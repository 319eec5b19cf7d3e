package dev.spectron.core.extraction.heuristics;

import java.util.List;
import java.util.Locale;

/** The animals people keep as pets, for "my dog Rex" and "I have two cats". */
final class PetSpecies {
    static final List<String> ALL = List.of("dog", "cat", "puppy", "kitten", "hamster", "rabbit", "bunny", "parrot", "budgie", "bird",
            "guinea pig", "horse", "pony", "tortoise", "turtle", "snake", "lizard", "gecko", "ferret", "goldfish", "fish", "rat", "mouse");

    private PetSpecies() {
    }

    static String plural(String species) {
        return switch (species) {
            case "puppy" -> "puppies";
            case "bunny" -> "bunnies";
            case "pony" -> "ponies";
            case "mouse" -> "mice";
            case "goldfish", "fish" -> species;
            default -> species + "s";
        };
    }

    /** The species a pet noun names, singular; null when it is not a pet noun. */
    static String of(String noun) {
        String lower = noun.toLowerCase(Locale.ROOT);
        for (String species : ALL) {
            if (lower.equals(species) || lower.equals(plural(species))) {
                return species;
            }
        }
        return null;
    }
}
