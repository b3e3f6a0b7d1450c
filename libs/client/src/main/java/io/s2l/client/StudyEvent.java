package io.s2l.client;

import io.s2l.api.study.StudyView;

/**
 * One server-sent event of a study's progress: the study as it is now.
 *
 * @param id the event's id, or null when the service sent none
 * @param name the event's name ({@code progress})
 */
public record StudyEvent(String id, String name, StudyView study) {}
