package dev.testguard.policy;

import dev.testguard.probe.LiveProbe;

/** The standard Classifier with a known (or no) main datasource, as the tests need it. */
public final class TestClassifiers {

    private TestClassifiers() {
    }

    public static Classifier standard(PolicySettings settings, LiveProbe probe, MainDatasource main) {
        return Classifier.standardFindingMain(settings, probe, () -> main);
    }
}
