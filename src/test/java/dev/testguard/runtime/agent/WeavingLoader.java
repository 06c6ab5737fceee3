package dev.testguard.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Loads classes itself, woven by {@link GuardWeaver}, over the test class path (which has the bootstrap package). */
final class WeavingLoader extends URLClassLoader {

    private final Predicate<String> own;

    /** Over a jar or class directory, whose classes it defines itself (woven) when {@code own} takes their names. */
    WeavingLoader(Path classes, Predicate<String> own) throws Exception {
        super(new URL[] {classes.toUri().toURL()}, WeavingLoader.class.getClassLoader());
        this.own = own;
    }

    WeavingLoader(Path jar) throws Exception {
        this(jar, name -> true);
    }

    /**
     * Defines the woven class and links it (getDeclaredMethods links), which runs the verifier over it; no
     * static initialiser runs. A class whose optional dependencies are not on the test class path is skipped.
     */
    boolean verify(String name) throws ClassNotFoundException {
        try {
            Class<?> type = loadClass(name, false);
            assertThat(type.getClassLoader()).isSameAs(this);
            type.getDeclaredMethods();
            return true;
        } catch (NoClassDefFoundError optionalDependencyMissing) {
            return false; // the JVM resolves supertypes and signatures, not the woven code, with this error
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            URL resource = own.test(name) ? findResource(name.replace('.', '/') + ".class") : null;
            if (resource == null) {
                return super.loadClass(name, resolve);
            }
            try (InputStream in = resource.openStream()) {
                byte[] bytes = in.readAllBytes();
                byte[] woven = GuardWeaver.weave(bytes);
                byte[] b = woven == null ? bytes : woven;
                return defineClass(name, b, 0, b.length);
            } catch (java.io.IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
