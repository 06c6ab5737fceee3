package it;

/** The base of the repository tests: every subclass gets the database of @TestDatabase. */
@TestDatabase
abstract class AbstractRepositoryTest {
}
