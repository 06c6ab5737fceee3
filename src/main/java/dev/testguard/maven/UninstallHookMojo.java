package dev.testguard.maven;

import dev.testguard.hook.Git;
import dev.testguard.hook.HookException;
import dev.testguard.hook.HookInstaller;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Removes testguard's block from the repository's pre-commit hook, and the hook itself when nothing else is left in it. */
@Mojo(name = "uninstall-hook", aggregator = true, threadSafe = true)
public class UninstallHookMojo extends AbstractTestguardMojo {

    @Override
    protected void run() throws MojoFailureException {
        try {
            getLog().info("testguard: " + new HookInstaller(Git.at(project.getBasedir().toPath())).uninstall());
        } catch (HookException e) {
            throw new MojoFailureException("testguard cannot remove the pre-commit hook: " + e.getMessage(), e);
        }
    }
}
