package dev.testguard.runtime;

import dev.testguard.runtime.agent.bootstrap.ForkRecords;

/**
 * One {@link RuntimeRecord} as one JSON line, written with the JDK alone: the runtime guard writes its first record
 * while the test JVM starts, and loading Jackson's object mapper there cost more than the whole guard may
 * (issue 8: start-up within 50 ms). Same shape as Jackson writes the record: components in order, nulls left out;
 * {@link RuntimeRecords#read} reads it back with Jackson.
 */
final class RecordLine {

    private RecordLine() {
    }

    static String of(RuntimeRecord r) {
        StringBuilder sb = new StringBuilder(160).append('{');
        field(sb, "event", r.event());
        field(sb, "token", r.token());
        field(sb, "pid", r.pid());
        field(sb, "java", r.java());
        field(sb, "url", r.url());
        field(sb, "database", r.database());
        field(sb, "verdict", r.verdict());
        field(sb, "rule", r.rule());
        field(sb, "reason", r.reason());
        field(sb, "refused", r.refused());
        field(sb, "testClass", r.testClass());
        field(sb, "count", r.count());
        field(sb, "message", r.message());
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, Object value) {
        if (value == null) {
            return;
        }
        if (sb.length() > 1) {
            sb.append(',');
        }
        ForkRecords.jsonString(sb, name);
        sb.append(':');
        if (value instanceof String s) {
            ForkRecords.jsonString(sb, s);
        } else {
            sb.append(value); // Long or Boolean: JSON literals as they print
        }
    }
}
