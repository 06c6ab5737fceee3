package dev.testguard.runtime.agent.bootstrap;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes loaded before the agent (few, if any, at premain: another agent's) that the guard would have woven:
 * retransformed through the {@link GuardGate}, which installs the guard for them. Judged by loader and type names
 * only, so nothing is loaded to check.
 */
final class LoadedCandidates {

    private LoadedCandidates() {
    }

    static void retransform(Instrumentation instrumentation, Fork fork) {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (isWovenType(type) && instrumentation.isModifiableClass(type)) {
                candidates.add(type);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(candidates.toArray(new Class<?>[0]));
        } catch (Exception | LinkageError e) {
            fork.error("testguard could not weave the classes loaded before the guard (" + e + ")");
        }
    }

    static boolean isWovenType(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || loader instanceof IsolatedGuardLoader
                || type.isInterface()) {
            return false;
        }
        return WovenTypes.isWoven(type);
    }
}
