package dev.testguard.runtime.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * The weaver over every class of the real drivers, pools and R2DBC libraries: it picks the methods the Byte Buddy
 * matchers the guard used to weave with pick (by method; the type check moved to run time), and every class it
 * changes still passes the JVM's verifier (each is loaded and linked in a loader of its own).
 */
class GuardWeaverTest {

    private static final ElementMatcher<TypeDescription> REFERENCE = r -> !r.isPrimitive();
    /** Whose setUrl(String), (String) constructor and config() throw the driver's message showing the URL's password. */
    private static final Set<String> MARIADB_DATA_SOURCES = Set.of("org.mariadb.jdbc.MariaDbDataSource",
            "org.mariadb.jdbc.MariaDbPoolDataSource");

    /** The former Byte Buddy weaving's method matchers (their type matchers are WovenTypes' run-time check now; a connect's return type is a reference type, not resolved to a Connection). */
    private static final ElementMatcher<MethodDescription> BYTE_BUDDY_WOVEN = not(isAbstract()).and(
            named("connect").and(not(isStatic())).and(takesArguments(2)).and(takesArgument(0, String.class))
                    .and(takesArgument(1, Properties.class)).and(returns(REFERENCE))
            .or(named("connect").and(isStatic()).and(takesArguments(1))
                    .and(takesArgument(0, named("org.mariadb.jdbc.Configuration"))))
            .or(namedOneOf("getConnection", "getXAConnection", "getPooledConnection").and(not(isStatic()))
                    .and(returns(REFERENCE)))
            .or(named("create").and(takesArguments(0)).and(not(isStatic())).and(not(isBridge()))
                    .and(returns(namedOneOf("org.reactivestreams.Publisher", "reactor.core.publisher.Mono",
                            "reactor.core.publisher.Flux"))))
            .or(named("find").and(isStatic()).and(takesArguments(1))
                    .and(m -> m.getDeclaringType().getTypeName().equals("io.r2dbc.spi.ConnectionFactories")))
            .or(named("setUrl").or(isConstructor()).and(not(isStatic())).and(takesArguments(String.class))
                    .and(returns(void.class))
                    .and(m -> MARIADB_DATA_SOURCES.contains(m.getDeclaringType().getTypeName())))
            .or(named("config").and(takesArguments(0)).and(not(isStatic())).and(returns(void.class))
                    .and(m -> MARIADB_DATA_SOURCES.contains(m.getDeclaringType().getTypeName()))));

    @Test
    void picksTheMethodsByteBuddysMatchersPickedAndTheWovenClassesVerify() throws Exception {
        int woven = 0;
        for (String name : new String[] {"org.postgresql.Driver", "com.mysql.cj.jdbc.Driver", "org.mariadb.jdbc.Driver",
                "com.zaxxer.hikari.HikariDataSource", "org.h2.Driver", "org.sqlite.JDBC",
                "io.r2dbc.spi.ConnectionFactories", "io.r2dbc.postgresql.PostgresqlConnectionFactory",
                "org.mariadb.r2dbc.MariadbConnectionFactory"}) {
            woven += checkJar(Path.of(Class.forName(name).getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        assertThat(woven).isGreaterThan(25);
    }

    /** config() reads the instance's url field: without that field (another driver version) it is not woven. */
    @Test
    void configIsWovenOnlyInAClassDeclaringTheUrlField() {
        assertThat(GuardWeaver.weave(dataSourceWithConfig(false))).isNull();
        assertThat(GuardWeaver.weave(dataSourceWithConfig(true))).isNotNull();
    }

    private static byte[] dataSourceWithConfig(boolean urlField) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "org/mariadb/jdbc/MariaDbDataSource", null, "java/lang/Object",
                null);
        if (urlField) {
            writer.visitField(Opcodes.ACC_PRIVATE, "url", "Ljava/lang/String;", null, null).visitEnd();
        }
        MethodVisitor config = writer.visitMethod(Opcodes.ACC_PRIVATE, "config", "()V", null, null);
        config.visitCode();
        config.visitInsn(Opcodes.RETURN);
        config.visitMaxs(0, 0);
        config.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static int checkJar(Path jar) throws Exception {
        int woven = 0;
        try (JarFile file = new JarFile(jar.toFile());
             ClassFileLocator locator = ClassFileLocator.ForJarFile.of(jar.toFile());
             WeavingLoader loader = new WeavingLoader(jar)) {
            TypePool pool = TypePool.Default.WithLazyResolution.of(locator);
            for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
                String entry = e.getName();
                if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("-info.class")) {
                    continue;
                }
                String internal = entry.substring(0, entry.length() - ".class".length());
                byte[] bytes;
                try (InputStream in = file.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                TypeDescription type = pool.describe(internal.replace('/', '.')).resolve();
                Set<String> expected = new TreeSet<>();
                if (!type.isInterface()) {
                    type.getDeclaredMethods().filter(BYTE_BUDDY_WOVEN)
                            .forEach(m -> expected.add(m.getInternalName() + m.getDescriptor()));
                }
                assertThat(picked(bytes)).as(internal).isEqualTo(expected);
                if (!expected.isEmpty() && !type.isSynthetic()) {
                    assertThat(GuardWeaver.weave(bytes)).as(internal).isNotNull();
                    woven += loader.verify(internal.replace('/', '.')) ? 1 : 0;
                }
            }
        }
        return woven;
    }

    /** The methods {@link WovenMethod} picks in a class file (none in an interface). */
    private static Set<String> picked(byte[] bytes) {
        Set<String> picked = new TreeSet<>();
        ClassReader reader = new ClassReader(bytes);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
            return picked;
        }
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (WovenMethod.of(reader.getClassName(), access, name, descriptor) != null) {
                    picked.add(name + descriptor);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return picked;
    }
}
