package io.s2l.corpus.upload;

/**
 * One reason an uploaded file was refused.
 *
 * @param line 1-based line number, or 0 for the whole file
 * @param reason what is wrong, for people
 */
public record LineError(long line, String reason) {}
