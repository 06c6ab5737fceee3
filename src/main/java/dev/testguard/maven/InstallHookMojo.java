package dev.testguard.maven;

import dev.testguard.hook.Git;
import dev.testguard.hook.HookCommand;
import dev.testguard.hook.HookException;
import dev.testguard.hook.HookInstaller;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Installs a git pre-commit hook that runs {@code testguard:verify} offline on the staged content of the project and
 * refuses the commit when it fails. One hook per repository, at the git root or in {@code core.hooksPath}; an existing
 * hook keeps everything it had (testguard adds a marked block, it never overwrites). Run it from the top of a
 * multi-module build: the hook checks every module.
 */
@Mojo(name = "install-hook", aggregator = true, threadSafe = true)
public class InstallHookMojo extends AbstractTestguardMojo {

    /** The Maven the hook runs; default: the Maven running this goal ({@code ${maven.home}/bin/mvn}), else {@code mvn} on the PATH. */
    @Parameter(property = "testguard.hookMaven")
    private String hookMaven;

    @Override
    protected void run() throws MojoFailureException {
        PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        Path basedir = project.getBasedir().toPath();
        HookInstaller installer = new HookInstaller(Git.at(basedir));
        try {
            HookCommand command = HookCommand.of(mavenExecutable(), plugin.getGroupId(), plugin.getArtifactId(),
                    plugin.getVersion(), installer.relativeToRoot(basedir));
            getLog().info("testguard: " + installer.install(command));
            getLog().info("testguard: each commit now runs " + command.pluginCoordinates()
                    + ":verify offline on the staged content; 'mvn testguard:uninstall-hook' removes it.");
        } catch (HookException e) {
            throw new MojoFailureException("testguard cannot install the pre-commit hook: " + e.getMessage(), e);
        }
    }

    private String mavenExecutable() {
        if (hookMaven != null && !hookMaven.isBlank()) {
            return hookMaven.trim();
        }
        String home = System.getProperty("maven.home");
        if (home != null) {
            File mvn = new File(home, "bin/mvn");
            if (mvn.canExecute()) {
                return mvn.getAbsolutePath();
            }
        }
        return "mvn";
    }
}
