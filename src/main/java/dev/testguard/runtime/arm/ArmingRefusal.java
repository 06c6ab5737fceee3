package dev.testguard.runtime.arm;

/**
 * One configuration that would run tests without the runtime guard.
 *
 * @param where   the plugin, execution and parameter (or the command line flag)
 * @param rule    short rule name: {@code literal-argline}, {@code command-line-argline}, {@code in-process-tests}
 * @param problem what goes wrong, in words
 * @param fix     what to change
 */
public record ArmingRefusal(String where, String rule, String problem, String fix) {
}
