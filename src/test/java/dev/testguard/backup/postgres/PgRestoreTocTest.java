package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which later items of a table take the lock a count would hold them up on (issue 10, restore performance): its primary
 * key, unique and check constraints, rules, policies and row security; not its indexes, foreign keys or triggers.
 */
class PgRestoreTocTest {

    private static final List<String> LISTING = List.of(
            ";",
            "; Archive created at 2026-12-03 08:18:03 UTC",
            "216; 1259 17111 TABLE public pgbench_accounts postgres",
            "3358; 0 17111 TABLE DATA public pgbench_accounts postgres",
            "3359; 0 17114 TABLE DATA public pgbench_branches postgres",
            "3356; 0 17105 TABLE DATA public accounts postgres",
            "3360; 0 17130 TABLE DATA shop orders app",
            "3211; 2606 17126 CONSTRAINT public pgbench_accounts pgbench_accounts_pkey postgres",
            "3212; 2606 17127 CHECK CONSTRAINT public pgbench_accounts positive_balance postgres",
            "3213; 1259 17128 INDEX public pgbench_branches_filler postgres",
            "3214; 2606 17129 FK CONSTRAINT public pgbench_branches pgbench_branches_fk postgres",
            "3215; 2620 17131 TRIGGER public pgbench_branches audit postgres",
            "3216; 0 17130 ROW SECURITY shop orders app",
            "3217; 3256 17132 POLICY shop orders own_rows app");

    @Test
    void aTablesPrimaryKeyChecksRowSecurityAndPoliciesComeFirstItsIndexesForeignKeysAndTriggersDoNot() {
        PgRestoreToc toc = PgRestoreToc.parse(LISTING);

        assertThat(toc.locksAfter(3358)).containsExactlyInAnyOrder(3211, 3212);
        assertThat(toc.locksAfter(3359)).isEmpty();
        assertThat(toc.locksAfter(3356)).as("accounts is not a prefix of pgbench_accounts").isEmpty();
        assertThat(toc.locksAfter(3360)).containsExactlyInAnyOrder(3216, 3217);
        assertThat(toc.locksAfter(9999)).as("an item the listing does not have").isEmpty();
    }

    @Test
    void oneJobVerboseLabelsNameTheItems() {
        PgRestoreToc toc = PgRestoreToc.parse(LISTING);

        assertThat(toc.idsOf("TABLE DATA \"public.pgbench_accounts\"")).containsExactly(3358);
        assertThat(toc.idsOf("CONSTRAINT \"public.pgbench_accounts pgbench_accounts_pkey\"")).containsExactly(3211);
        assertThat(toc.idsOf("INDEX \"public.pgbench_branches_filler\"")).as("not an item the verifier waits for").isEmpty();
        assertThat(PgRestoreToc.NONE.locksAfter(3358)).isEmpty();
    }
}
