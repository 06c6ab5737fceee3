package it;

/** The base of the repository tests: every subclass gets the database of @DevDatabase. */
@DevDatabase
abstract class AbstractRepositoryTest {
}
