package dev.testguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeRecordsTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryForkOfOneTokenAndOnlyThatToken() throws Exception {
        RuntimeRecords.append(RuntimeRecords.fileFor(dir, "t1", 10), RuntimeRecord.armed("t1", 10, "17"));
        RuntimeRecords.append(RuntimeRecords.fileFor(dir, "t1", 11), RuntimeRecord.connection("t1", 11,
                "jdbc:postgresql://localhost/shop_dev", "shop_dev", "PROTECTED", "name", "no test token", true,
                "com.example.ShopTest", 1));
        RuntimeRecords.append(RuntimeRecords.fileFor(dir, "old", 12), RuntimeRecord.armed("old", 12, "17"));

        List<RuntimeRecord> records = RuntimeRecords.read(dir, "t1");

        assertThat(records).hasSize(2);
        assertThat(records).filteredOn(RuntimeRecord::isRefusal).singleElement()
                .satisfies(r -> assertThat(r.testClass()).isEqualTo("com.example.ShopTest"));
    }

    @Test
    void aTornLastLineOfAKilledForkIsSkipped() throws Exception {
        Path file = RuntimeRecords.fileFor(dir, "t", 1);
        RuntimeRecords.append(file, RuntimeRecord.armed("t", 1, "21"));
        Files.write(file, "{\"event\":\"conn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        assertThat(RuntimeRecords.read(dir, "t")).extracting(RuntimeRecord::event).containsExactly("armed");
    }

    @Test
    void noDirectoryMeansNoRecords() {
        assertThat(RuntimeRecords.read(dir.resolve("absent"), "t")).isEmpty();
    }

    @Test
    void recordsWrittenWithoutJacksonReadBackExactlyWhateverTheyHold() throws Exception {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 unicode \u00e9\u2028 end";
        RuntimeRecord written = RuntimeRecord.connection("t", 3, "jdbc:postgresql://h/db?x=" + nasty, nasty,
                "PROTECTED", "name", nasty, true, "com.example.T", 12);
        RuntimeRecords.append(RuntimeRecords.fileFor(dir, "t", 3), written);
        RuntimeRecords.append(RuntimeRecords.fileFor(dir, "t", 3), RuntimeRecord.error("t", 3, null, nasty));

        assertThat(RuntimeRecords.read(dir, "t")).containsExactly(written,
                RuntimeRecord.error("t", 3, null, nasty));
        assertThat(Files.readString(RuntimeRecords.fileFor(dir, "t", 3))).doesNotContain("null").hasLineCount(2);
    }
}
