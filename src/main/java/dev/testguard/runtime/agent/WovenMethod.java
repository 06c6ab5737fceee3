package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.WovenTypes;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The methods the guard weaves, told by name, descriptor and access flags alone (the same methods
 * {@code bootstrap.WeavingCandidates} recognises in a class file, by the same {@code bootstrap.WovenTypes} lists);
 * whether the class is a driver, data source or R2DBC connection factory is checked at run time by
 * {@code bootstrap.WovenCalls}.
 */
enum WovenMethod {

    /** {@code Driver.connect(String, Properties)}: judged before and after, exceptions included. */
    CONNECT("enterConnect", "exitConnect"),
    /** MariaDB Connector/J's static {@code Driver.connect(Configuration)}, which its data sources and pools call. */
    CONFIGURED_CONNECT("enterConfiguredConnect", "exitConnect"),
    /** {@code getConnection*}, {@code getXAConnection*}, {@code getPooledConnection*} of data sources. */
    DATA_SOURCE("enterDataSource", "exitDataSource"),
    /** R2DBC's {@code ConnectionFactories.find(ConnectionFactoryOptions)}: judged on return. */
    R2DBC_FIND(null, "r2dbcFound"),
    /** {@code create()} of an R2DBC connection factory: a refused factory's publisher is replaced. */
    R2DBC_CREATE(null, "r2dbcCreate"),
    /**
     * {@code setUrl(String)} and the {@code (String)} constructor of the {@code WovenTypes.URL_MASKED} data sources:
     * an exception they throw is replaced by its masked copy (the constructor's, after its super() call only).
     */
    URL_MASKED(null, "urlRejected"),
    /**
     * The private {@code config()} of the {@code WovenTypes.URL_MASKED} data sources, which parses the URL their
     * constructor accepted unread, for setUser, setPassword, setLoginTimeout and getConnection*: an exception it
     * throws is replaced by its masked copy, masked by the instance's {@code url} field (read at entry; woven only
     * in a class that declares that field, see {@code GuardWeaver}).
     */
    URL_CONFIGURED(null, "urlRejected");

    static final String R2DBC_FACTORIES = WovenTypes.R2DBC_FACTORIES_INTERNAL;
    static final List<String> URL_MASKED_TYPES = WovenTypes.URL_MASKED_INTERNAL;
    private static final String URL_SETTER = "(Ljava/lang/String;)V";
    /** The URL_CONFIGURED method and the field it reads. */
    static final String CONFIG = "config";
    static final String URL_FIELD = "url";
    static final String URL_FIELD_TYPE = "Ljava/lang/String;";
    private static final String CONFIGURED_ARGUMENTS = "(Lorg/mariadb/jdbc/Configuration;)";
    private static final String FIND_ARGUMENTS = "(Lio/r2dbc/spi/ConnectionFactoryOptions;)";

    /** The {@code WovenCalls} method called at entry (null: none) and at exit. */
    final String enter;
    final String exit;

    WovenMethod(String enter, String exit) {
        this.enter = enter;
        this.exit = exit;
    }

    /** Whether an exception thrown by the method passes through the exit call too. */
    boolean exitsOnThrowable() {
        return enter != null || this == URL_MASKED || this == URL_CONFIGURED;
    }

    /** Whether the method is a constructor (its handler may only cover the code after the super() call). */
    static boolean isConstructor(String name) {
        return name.equals("<init>");
    }

    /** @return how the method is woven, or null: not at all */
    static WovenMethod of(String owner, int access, String name, String descriptor) {
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return null;
        }
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        if (URL_SETTER.equals(descriptor) && !isStatic && (name.equals("setUrl") || isConstructor(name))) {
            return URL_MASKED_TYPES.contains(owner) ? URL_MASKED : null;
        }
        if (CONFIG.equals(name) && "()V".equals(descriptor) && !isStatic) {
            return URL_MASKED_TYPES.contains(owner) ? URL_CONFIGURED : null;
        }
        if (!returnsObject(descriptor)) {
            return null;
        }
        switch (name) {
            case WovenTypes.CONNECT:
                if (!isStatic && descriptor.startsWith(WovenTypes.CONNECT_ARGUMENTS)) {
                    return CONNECT;
                }
                return isStatic && descriptor.startsWith(CONFIGURED_ARGUMENTS) ? CONFIGURED_CONNECT : null;
            case "find":
                return isStatic && R2DBC_FACTORIES.equals(owner) && descriptor.startsWith(FIND_ARGUMENTS)
                        ? R2DBC_FIND : null;
            case WovenTypes.CREATE:
                return !isStatic && (access & Opcodes.ACC_BRIDGE) == 0
                        && WovenTypes.CREATE_DESCRIPTORS.contains(descriptor) ? R2DBC_CREATE : null;
            default:
                return !isStatic && WovenTypes.DATA_SOURCE_METHODS.contains(name) ? DATA_SOURCE : null;
        }
    }

    private static boolean returnsObject(String descriptor) {
        char type = descriptor.charAt(descriptor.indexOf(')') + 1);
        return type == 'L' || type == '[';
    }
}
