package io.s2l.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a list, as every list of the API returns it; all fields required.
 *
 * @param items this page's items
 * @param page from 0
 * @param size items per page asked for
 * @param total items in all
 */
public record Page<T>(
    @JsonProperty(required = true) List<T> items,
    @JsonProperty(required = true) int page,
    @JsonProperty(required = true) int size,
    @JsonProperty(required = true) long total) {}
