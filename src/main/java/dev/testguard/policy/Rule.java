package dev.testguard.policy;

/**
 * One classification rule with one job, like an enforcer rule. Rules run in a fixed order
 * (see {@link Classifier}); the first non-PASS decision that is not lifted by an override wins.
 */
public interface Rule {

    /** Short stable id shown in reports: {@code name}, {@code host}, {@code stamp}, {@code live-data}... */
    String id();

    Decision evaluate(Target target);
}
