package dev.testguard.backup;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * The directory testguard keeps backups in: created 0700 by testguard, or an existing one this user owns and
 * keeps 0700. The mode of a directory the user owns or shares (a sticky 1777 {@code /tmp}, a project directory)
 * is never changed: backups then go into a 0700 {@value #SUBDIRECTORY} directory testguard creates inside it. A
 * world-writable directory without the sticky bit is refused: anyone could swap the backups' directory.
 */
final class PrivateDirectory {

    static final String SUBDIRECTORY = "testguard-backups";
    private static final int OTHERS_WRITE = 0002;
    private static final int GROUP_OTHERS = 0077;
    private static final int STICKY = 01000;

    private PrivateDirectory() {
    }

    /** {@code chosen} itself when it is absent or already testguard-private, else its {@value #SUBDIRECTORY}. */
    static Path within(Path chosen) {
        if (!Files.exists(chosen, LinkOption.NOFOLLOW_LINKS)) {
            return chosen;
        }
        Integer mode = mode(chosen, LinkOption.NOFOLLOW_LINKS);
        boolean ownPrivate = !Files.isSymbolicLink(chosen) && Files.isDirectory(chosen) && mode != null
                && (mode & GROUP_OTHERS) == 0 && ownedByMe(chosen);
        return ownPrivate ? chosen : chosen.resolve(SUBDIRECTORY);
    }

    /** Creates {@code dir} 0700 (its missing parents as usual), or checks the existing one; never chmods a parent. */
    static void create(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
            refuseSwappable(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            SecureFiles.ownerOnly(dir); // freshly created: ours; the umask may have taken bits we never asked for
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir) || !ownedByMe(dir)) {
                throw new IOException(dir + " exists but is not a directory of this user (a link, a file or another"
                        + " user's directory): testguard will not keep backups there");
            }
        }
    }

    private static void refuseSwappable(Path parent) throws IOException {
        Integer mode = mode(parent);
        if (mode != null && (mode & OTHERS_WRITE) != 0 && (mode & STICKY) == 0) {
            throw new IOException(parent + " is writable by every user and not sticky (mode "
                    + Integer.toOctalString(mode & 07777) + "): anyone could replace the backup directory in it."
                    + " Use a directory of your own, or make it sticky (chmod +t)");
        }
    }

    private static Integer mode(Path path, LinkOption... options) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode", options);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return null; // no POSIX modes here
        }
    }

    private static boolean ownedByMe(Path path) {
        try {
            UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = path.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            return owner.equals(me);
        } catch (IOException | UnsupportedOperationException e) {
            return true; // no owners to compare on this file system
        }
    }
}
