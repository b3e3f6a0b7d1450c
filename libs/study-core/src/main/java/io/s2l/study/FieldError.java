package io.s2l.study;

/**
 * One reason a study definition was refused.
 *
 * @param field JSON path of the offending field, such as {@code scales[2].heads}
 * @param reason what is wrong with it, for people
 */
public record FieldError(String field, String reason) {}
