package com.example.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotesTest {

    private final Notes notes;

    NotesTest() throws Exception {
        notes = new Notes();
    }

    /** Like Flyway clean or Hibernate create-drop: harmless on a test database, fatal on a real one. */
    @BeforeEach
    void startClean() throws Exception {
        try (Connection c = notes.connect(); Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
    }

    @Test
    void addsNotes() throws Exception {
        notes.add("first");
        notes.add("second");
        assertEquals(2, notes.count());
    }
}
