package io.s2l.worker.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a trainer worker ({@code s2l.worker.*}); how it holds its jobs (lease, job timeout,
 * polling) are the queue's settings, {@code s2l.queue.*}.
 *
 * @param threads PyTorch intra-op threads
 * @param evalBatch sequences per evaluation batch
 * @param artifacts the artifact store: checkpoints of running jobs, parameters of trained models
 * @param checkpointEvery optimiser steps between checkpoints
 * @param memory memory one job may use, advertised to the queue; null: the machine's (or
 *     container's) physical memory
 * @param localDir a directory of this machine, never shared with other machines (unlike the
 *     artifact store): the process ids of running external trainers, so that the next worker
 *     started here can kill what a killed worker left running
 */
@ConfigurationProperties("s2l.worker")
public record WorkerProperties(
    int threads,
    int evalBatch,
    Path artifacts,
    long checkpointEvery,
    DataSize memory,
    Path localDir) {}
