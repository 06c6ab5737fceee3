package com.example.notes;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** A tiny notes store. Its database comes from application.properties on the classpath. */
public final class Notes {

    private final Properties config;

    public Notes() throws IOException {
        config = new Properties();
        try (InputStream in = Notes.class.getResourceAsStream("/application.properties")) {
            config.load(in);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(config.getProperty("app.datasource.url"),
                config.getProperty("app.datasource.username"), config.getProperty("app.datasource.password", ""));
    }

    public void add(String text) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS notes(id IDENTITY PRIMARY KEY, text VARCHAR(200))");
            s.execute("INSERT INTO notes(text) VALUES ('" + text.replace("'", "''") + "')");
        }
    }

    public int count() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notes")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public static void main(String[] args) throws Exception {
        Notes notes = new Notes();
        notes.add(args.length > 0 ? args[0] : "hello");
        System.out.println(notes.count() + " notes");
    }
}
