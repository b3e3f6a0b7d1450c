package io.s2l.analysis.imports;

/**
 * One reason an import was refused.
 *
 * @param row 1-based row of the data (the CSV header is row 0; the first element of a JSON {@code
 *     rows} array is row 1), or null for a problem of the whole table
 * @param column the column (CSV) or field (JSON), or null
 * @param reason what is wrong, for people
 */
public record ImportError(Long row, String column, String reason) {}
