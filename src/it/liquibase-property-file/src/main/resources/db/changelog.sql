--liquibase formatted sql

--changeset shop:1
CREATE TABLE cities (id int PRIMARY KEY, name text NOT NULL);
