package io.s2l.api.correlation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Links to one entry's SVG plots; both required. */
public record EntryPlots(
    @JsonProperty(required = true) String scatter,
    @JsonProperty(required = true) String perExampleR2) {}
