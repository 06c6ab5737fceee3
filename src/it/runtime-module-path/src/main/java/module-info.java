module shop {
    requires java.sql;
    exports shop;
}
