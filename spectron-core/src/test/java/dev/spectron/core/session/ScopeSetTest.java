package dev.spectron.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeSetTest {
    @Test
    void dnf_is_sorted_deduplicated_and_canonical() {
        ScopeSet scopes = ScopeSet.parse(List.of(List.of("user/ada", "/org/acme/"), List.of("team/eng"), List.of("org/acme", "user/ada/")));
        assertThat(scopes.asStrings()).containsExactly(List.of("org/acme/", "user/ada/"), List.of("team/eng/"));
    }

    @Test
    void flat_list_is_an_or_of_singletons_and_a_bare_string_is_one_clause() {
        assertThat(ScopeSet.parse(List.of("org/acme", "user/bob")).asStrings()).containsExactly(List.of("org/acme/"), List.of("user/bob/"));
        assertThat(ScopeSet.parse("org/acme/user/ada").asStrings()).containsExactly(List.of("org/acme/user/ada/"));
    }

    @Test
    void key_value_forms_become_one_and_clause() {
        Map<String, Object> dimensions = new LinkedHashMap<>();
        dimensions.put("user", "ada");
        dimensions.put("org", "acme");
        ScopeSet fromMap = ScopeSet.parse(dimensions);
        assertThat(fromMap.asStrings()).containsExactly(List.of("org/acme/", "user/ada/"));
        assertThat(fromMap.asDimensions()).contains(Map.of("user", "ada", "org", "acme"));
        assertThat(ScopeSet.parse(List.of(List.of("org=acme", "user=ada")))).isEqualTo(fromMap);
    }

    @Test
    void dimensions_exist_only_for_one_clause_of_two_segment_paths() {
        assertThat(ScopeSet.parse(List.of("a/b", "c/d")).asDimensions()).isEmpty();
        assertThat(ScopeSet.parse("org/acme/user/ada").asDimensions()).isEmpty();
        assertThat(ScopeSet.parse(List.of(List.of("user/ada", "user/bob"))).asDimensions()).isEmpty();
    }

    @Test
    void absent_or_empty_means_no_scope() {
        assertThat(ScopeSet.parse(null)).isEqualTo(ScopeSet.NONE);
        assertThat(ScopeSet.parse(Map.of())).isEqualTo(ScopeSet.NONE);
        assertThat(ScopeSet.parse(List.of())).isEqualTo(ScopeSet.NONE);
    }

    @Test
    void invalid_paths_name_the_problem() {
        assertThatThrownBy(() -> ScopePath.parse("org//acme")).isInstanceOf(InvalidInputException.class).hasMessageContaining("segment ''");
        assertThatThrownBy(() -> ScopePath.parse("org/*")).hasMessageContaining("wildcards belong in grants");
        assertThatThrownBy(() -> ScopePath.parse("org/a b")).hasMessageContaining("segment 'a b'");
        assertThatThrownBy(() -> ScopePath.parse("a/".repeat(33))).hasMessageContaining("at most 32 segments");
        assertThatThrownBy(() -> ScopeSet.parse(List.of(List.of()))).hasMessageContaining("at least one path");
        assertThatThrownBy(() -> ScopeSet.parse(42)).hasMessageContaining("scopes must be");
        assertThatThrownBy(() -> ScopeSet.parse(List.of(List.of(1)))).hasMessageContaining("must be a string");
    }

    @Test
    void root_is_its_own_path() {
        assertThat(ScopePath.parse("/")).isEqualTo(ScopePath.ROOT);
        assertThat(ScopePath.ROOT.segments()).isEmpty();
        assertThat(ScopePath.parse("org/acme").segments()).containsExactly("org", "acme");
    }
}
