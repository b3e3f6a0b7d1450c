package io.s2l.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a trainer worker ({@code s2l.worker.*}).
 *
 * @param lease lease on a claimed job, renewed every third of it: how long a worker that has gone
 *     silent keeps its job. Must be longer than a third of it plus the database connection timeout
 *     ({@code spring.datasource.hikari.connection-timeout}), checked at start-up
 * @param jobTimeout the longest one attempt may run; past it the lease is no longer renewed and the
 *     attempt fails ("timed out after ..."), so that a hung job is rescued at most {@code
 *     jobTimeout + lease} after it started. Must be longer than the lease
 * @param idlePoll pause between polls when nothing is claimable
 * @param threads PyTorch intra-op threads
 * @param evalBatch sequences per evaluation batch
 * @param artifacts the artifact store: checkpoints of running jobs, parameters of trained models
 * @param checkpointEvery optimiser steps between checkpoints
 * @param memory memory one job may use, advertised to the queue; null: the machine's (or
 *     container's) physical memory
 */
@ConfigurationProperties("s2l.worker")
public record WorkerProperties(
    Duration lease,
    Duration jobTimeout,
    Duration idlePoll,
    int threads,
    int evalBatch,
    Path artifacts,
    long checkpointEvery,
    DataSize memory) {}
