package dev.spectron.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.session.ScopeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeVisibilityTest {
    private static ScopeSet scope(String... paths) {
        return ScopeSet.parse(List.of(List.of(paths)));
    }

    @Test
    void org_facts_reach_a_user_of_the_org_but_user_facts_do_not_reach_the_org() {
        assertThat(ScopeVisibility.visible(scope("org/acme"), scope("org/acme", "user/ada"))).isTrue();
        assertThat(ScopeVisibility.visible(scope("org/acme", "user/ada"), scope("org/acme"))).isFalse();
    }

    @Test
    void one_users_facts_never_reach_another_user() {
        assertThat(ScopeVisibility.visible(scope("user/ada"), scope("user/bob"))).isFalse();
        assertThat(ScopeVisibility.visible(scope("org/acme/user/ada"), scope("org/acme/user/bob"))).isFalse();
    }

    @Test
    void a_parent_path_covers_its_descendants_readers() {
        assertThat(ScopeVisibility.visible(scope("org/acme"), scope("org/acme/user/ada"))).isTrue();
        assertThat(ScopeVisibility.visible(scope("org/acme/team/eng"), scope("org/acme/user/ada"))).isFalse();
    }

    @Test
    void unscoped_records_are_context_wide_and_a_null_reader_sees_everything() {
        assertThat(ScopeVisibility.visible(ScopeSet.NONE, scope("user/bob"))).isTrue();
        assertThat(ScopeVisibility.visible(scope("user/ada"), null)).isTrue();
        assertThat(ScopeVisibility.visible(scope("user/ada"), ScopeSet.NONE)).isFalse();
    }

    @Test
    void any_clause_of_a_co_owned_record_suffices() {
        ScopeSet coOwned = ScopeSet.parse(List.of(List.of("user/ada"), List.of("user/bob")));
        assertThat(ScopeVisibility.visible(coOwned, scope("user/bob"))).isTrue();
        assertThat(ScopeVisibility.visible(coOwned, scope("user/cy"))).isFalse();
    }
}
