package io.s2l.corpus;

/**
 * One document of a corpus domain.
 *
 * @param id stable identifier, such as {@code legal-000042}
 * @param text the document's text
 */
public record Document(String id, String text) {}
