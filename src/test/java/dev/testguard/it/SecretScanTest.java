package dev.testguard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret-in-output scan the secret-scan ITs run finds each piece of the password, wherever a build wrote it. */
class SecretScanTest {

    @TempDir
    Path basedir;

    @Test
    void theNeedlesAreThePasswordItsEncodingsAndEveryPieceBetweenItsSeparators() {
        assertThat(SecretScan.needles(SecretScan.PASSWORD)).contains(SecretScan.PASSWORD, "Zq81", "Wv7k", "Hx3m", "Jp5n",
                "Kd2r", "Lt6s", "Mb9c", "Nf4g", "\u03a9\u03c8\u6f22Nf4g", "%CE%A9%CF%88%E6%BC%A2Nf4g",
                SecretScan.queryEncoded(SecretScan.PASSWORD), SecretScan.userInfoEncoded(SecretScan.PASSWORD));
    }

    @Test
    void aPieceAfterASpaceInTheLogIsALeak() throws Exception {
        Files.writeString(basedir.resolve("build.log"), "[DEBUG]   (f) url = jdbc:postgresql://h/db?password=****+Wv7k\n");
        assertThat(SecretScan.leaks(basedir.toFile(), SecretScan.PASSWORD)).singleElement().asString()
                .contains("build.log shows 'Wv7k'");
    }

    @Test
    void reportsRecordsAndStoresAreScannedAndSurefirePropertiesAreNot() throws Exception {
        Files.writeString(basedir.resolve("build.log"), "clean\n");
        Path runtime = Files.createDirectories(basedir.resolve("target/testguard/runtime"));
        Files.writeString(runtime.resolve("a.jsonl"), "{\"url\":\"jdbc:mysql://u:Zq81%20Wv7k@h/db\"}\n");
        Path reports = Files.createDirectories(basedir.resolve("target/surefire-reports"));
        Files.writeString(reports.resolve("TEST-it.ATest.xml"), "<testsuite><properties><property name=\"testguard.password\" value=\""
                + SecretScan.PASSWORD.replace("\"", "&quot;") + "\"/></properties><testcase name=\"t\"/></testsuite>");
        Path store = Files.createDirectories(basedir.resolve("store/backup-1"));
        Files.writeString(store.resolve("manifest.json"), "{\"url\":\"jdbc:postgresql://h/db?sslpassword=x&note=Mb9c\"}");

        assertThat(SecretScan.leaks(basedir.toFile(), SecretScan.PASSWORD, store.getParent().toFile()))
                .anyMatch(l -> l.startsWith("target/testguard/runtime/a.jsonl shows 'Zq81'"))
                .anyMatch(l -> l.contains("manifest.json shows 'Mb9c'"))
                .noneMatch(l -> l.contains("surefire-reports"));
    }
}
