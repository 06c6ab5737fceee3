package dev.testguard.reset;

import java.nio.file.Path;
import java.util.List;

/**
 * How to reset.
 *
 * @param mode        what to do with baselines
 * @param initScripts SQL files run in order after an empty reset (relative to the project directory)
 * @param baselineKey the current key of the baseline inputs ({@link BaselineKey}); a stored baseline with another key is stale
 */
public record ResetOptions(BaselineMode mode, List<Path> initScripts, String baselineKey) {

    public ResetOptions {
        initScripts = List.copyOf(initScripts);
    }
}
