CREATE TABLE cities (id int PRIMARY KEY, name text NOT NULL);
