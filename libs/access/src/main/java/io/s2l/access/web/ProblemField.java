package io.s2l.access.web;

/**
 * One field a refused request got wrong, as the {@code errors} of a problem list it.
 *
 * @param field JSON path or parameter name, {@code $} for the whole body
 * @param reason what is wrong with it, for people
 */
public record ProblemField(String field, String reason) {}
