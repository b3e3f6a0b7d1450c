package io.s2l.api.study;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How far a study's jobs are. The job counts and {@code fraction} are required; the featurisation
 * counts are null except for attribution studies.
 *
 * @param jobsTotal training jobs of the study
 * @param jobsDone training jobs that succeeded
 * @param fraction done, counting the progress of running jobs, in [0, 1]
 * @param featuresTotal featurisation jobs of an attribution study
 * @param featuresDone featurisation jobs that succeeded
 */
public record StudyProgress(
    @JsonProperty(required = true) int jobsTotal,
    @JsonProperty(required = true) int jobsDone,
    @JsonProperty(required = true) int jobsRunning,
    int jobsQueued,
    int jobsFailed,
    @JsonProperty(required = true) double fraction,
    Integer featuresTotal,
    Integer featuresDone) {}
