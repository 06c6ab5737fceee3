package dev.testguard.policy;

/**
 * A rule that looks at what a live connection learned. The {@link Classifier} probes a database only when the
 * first such rule is reached, so a URL an earlier rule settles (an ephemeral one) is never connected to.
 */
public interface LiveRule extends Rule {
}
